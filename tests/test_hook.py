"""The prompt hook: the due file every changing command keeps, and the snippet that reads it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from fourlooks import due_file, questions
from fourlooks.model import Cadence
from fourlooks.store import open_journal

BANK = questions.load("en")
DAILY = [q.id for q in questions.for_cadence(BANK, Cadence.DAILY)]
MONTHLY = [q.id for q in questions.for_cadence(BANK, Cadence.MONTHLY)]
BASH = shutil.which("bash")


def daily_review(cli, **kwargs):
    piped = "".join(f"answer {n}\n" for n in range(len(DAILY)))
    return cli.ok("review", "--full", input=piped, **kwargs)


def monthly_audit(cli, **kwargs):
    # The audit asks the monthly questions and the month's focus among the qualities.
    asked = cli.json("questions", "--cadence", "monthly", "--json", env=kwargs.get("env"))
    assert len(asked) == len(MONTHLY) + 1
    return cli.ok("review", "--monthly", input="4\n" * len(asked), **kwargs)


def spans(journal_file: Path) -> list[tuple[str, str]]:
    text = journal_file.with_name("journal.db.due").read_text()
    return [tuple(line.split()) for line in text.splitlines() if not line.startswith("#")]


def test_the_due_file_says_the_review_is_due_now_and_after_it_from_the_next_day_start(
    cli, journal_file
):
    cli.ok("add", "a first entry", "--look", "back")
    assert spans(journal_file) == [("202611260400", "999999999999")]
    daily_review(cli)
    # Done for the 26th: nothing is due until the 27th begins at the day start (04:00).
    assert spans(journal_file) == [("202611270400", "999999999999")]


def test_the_month_s_audit_window_is_a_span_of_its_own_and_closes_when_it_is_done(
    cli, journal_file
):
    cli.now = "2026-11-28T21:00:00"  # the audit's window: 28 November to 7 December
    daily_review(cli)
    assert spans(journal_file) == [("202611280400", "999999999999")]  # the audit is due
    monthly_audit(cli)
    assert cli.json("status", "--json")["monthly"]["state"] == "complete"
    assert spans(journal_file) == [("202611290400", "999999999999")]


def test_a_day_start_in_config_moves_the_times(cli, journal_file, home):
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('day_start = "06:30"\n')
    daily_review(cli)
    assert spans(journal_file) == [("202611270630", "999999999999")]


def test_a_task_falls_due_the_day_after_its_due_date(cli, journal_file):
    cli.ok("task", "add", "write the letter", "--due", "2026-11-30")
    with open_journal(journal_file) as journal:
        # Only the tasks (no cadence asked): the task is due once the 30th is past.
        found = due_file.due_spans(journal, dt.date(2026, 11, 26), frozenset())
    assert found == [(dt.date(2026, 12, 1), None)]


def test_a_task_closed_without_a_review_is_due_at_once(cli, journal_file):
    daily_review(cli)
    task_id = cli.ok("task", "add", "write the letter", "--due", "2026-11-30").stdout.strip()
    assert spans(journal_file) == [("202611270400", "999999999999")]
    cli.ok("task", "close", task_id)
    assert spans(journal_file) == [("202611260400", "999999999999")]


def test_the_due_file_is_private_and_rewritten_only_when_its_text_changes(cli, journal_file):
    cli.ok("add", "one", "--look", "back")
    due = journal_file.with_name("journal.db.due")
    assert stat.S_IMODE(due.stat().st_mode) == 0o600
    before = due.stat().st_ino
    cli.ok("add", "two", "--look", "up")
    assert due.stat().st_ino == before  # same text: not replaced
    daily_review(cli)
    assert due.stat().st_ino != before


def test_a_command_that_changes_nothing_writes_no_due_file(cli, journal_file):
    cli.ok("add", "one", "--look", "back")
    journal_file.with_name("journal.db.due").unlink()
    cli.ok("list")
    cli.ok("search", "one")
    assert not journal_file.with_name("journal.db.due").exists()
    cli.ok("status")  # status says what is due, and so brings the file up to date
    assert spans(journal_file) == [("202611260400", "999999999999")]


def test_an_unknown_shell_is_one_line_and_exit_2(cli):
    result = cli("hook", "tcsh")
    assert result.exit_code == 2
    assert (
        result.stderr == "fourlooks: 'tcsh' is not a shell fourlooks knows: use bash, zsh or fish\n"
    )


def test_the_snippet_names_this_journal_s_due_file(cli, journal_file):
    for shell in ("bash", "zsh", "fish"):
        snippet = cli.ok("hook", shell).stdout
        assert f"'{journal_file.with_name('journal.db.due')}'" in snippet
        assert "fourlooks " not in snippet.split("\n", 1)[1]  # it never runs fourlooks


# The snippet in a real bash, on the real clock: fourlooks is run with FOURLOOKS_NOW set to
# the moment the test runs (or the evening before), so the file's times are set against the
# clock the shell reads.


def prompt(snippet: str, path: Path) -> str:
    """The prompt bash shows after running its PROMPT_COMMAND, with no program on PATH."""
    path.write_text(snippet)
    script = f'PS1="$ "; source {path}; eval "$PROMPT_COMMAND"; printf %s "${{PS1@P}}"'
    env = {"PATH": "/nonexistent", "HOME": str(path.parent), "TZ": os.environ.get("TZ", "")}
    done = subprocess.run(
        [BASH, "--norc", "--noprofile", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    )
    assert done.stderr == ""  # nothing was missing: no external command was needed
    return done.stdout


def _now(delta: dt.timedelta = dt.timedelta()) -> str:
    return (dt.datetime.now() + delta).isoformat(timespec="seconds")


def test_in_bash_the_marker_shows_while_today_s_review_is_due_and_not_after(
    cli, journal_file, tmp_path
):
    cli.now = _now()
    cli.ok("add", "the day so far", "--look", "back")
    snippet = cli.ok("hook", "bash").stdout
    assert prompt(snippet, tmp_path / "snippet.bash") == "✎ $ "
    daily_review(cli)
    if cli.json("status", "--json")["monthly"]["due"]:  # the month's audit window is open
        assert prompt(snippet, tmp_path / "snippet.bash") == "✎ $ "
        monthly_audit(cli)
    assert prompt(snippet, tmp_path / "snippet.bash") == "$ "


def test_in_bash_yesterday_s_review_done_leaves_today_s_due(cli, journal_file, tmp_path):
    cli.now = _now(-dt.timedelta(days=1))
    daily_review(cli)
    snippet = cli.ok("hook", "bash", "--marker", "[review] ").stdout
    assert prompt(snippet, tmp_path / "snippet.bash") == "[review] $ "


# zsh and fish where they are installed (the CI machine has both); zsh, like bash, with no
# program on PATH; fish has no clock of its own and runs `date`.
ZSH_PROMPT = 'PROMPT="%% "; source {path}; __fourlooks_due; print -rn -- "${{(%)${{(e)PROMPT}}}}"'
FISH_PROMPT = 'function fish_prompt; printf "> "; end; source {path}; fish_prompt'


def other_prompt(shell: str, snippet: str, path: Path) -> str:
    path.write_text(snippet)
    if shell == "zsh":
        argv, program_path = [shutil.which("zsh"), "-f", "-c", ZSH_PROMPT.format(path=path)], ""
    else:
        argv = [shutil.which("fish"), "--no-config", "-c", FISH_PROMPT.format(path=path)]
        program_path = "/usr/bin:/bin"
    env = {"PATH": program_path or "/nonexistent", "HOME": str(path.parent)}
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=30)
    assert done.stderr == ""
    return done.stdout


@pytest.mark.parametrize("shell", ["zsh", "fish"])
@pytest.mark.skipif(not (shutil.which("zsh") and shutil.which("fish")), reason="zsh, fish")
def test_in_zsh_and_fish_the_marker_shows_while_a_review_is_due(cli, tmp_path, shell):
    cli.now = _now()
    cli.ok("add", "the day so far", "--look", "back")
    snippet = cli.ok("hook", shell, "--marker", "100% ").stdout
    end = "% " if shell == "zsh" else "> "
    assert other_prompt(shell, snippet, tmp_path / "snippet") == "100% " + end
    daily_review(cli)
    if cli.json("status", "--json")["monthly"]["due"]:
        monthly_audit(cli)
    assert other_prompt(shell, snippet, tmp_path / "snippet") == end


def test_in_bash_no_due_file_shows_nothing(cli, tmp_path):
    snippet = cli.ok("hook", "bash").stdout
    assert prompt(snippet, tmp_path / "snippet.bash") == "$ "
