"""Nothing stored reaches the terminal as a control code: every screen shows it, none obeys it."""

from __future__ import annotations

import pytest

from pty_harness import finish, run_in_terminal, spawn, stop

# Retitles the window, rings the bell, clears the screen, moves the cursor home.
HOSTILE = "x \x1b]0;PWNED\x07\x1b[2J\rback \x9b31m"
VISIBLE = "␛]0;PWNED␇␛[2J␍back"


def _obeyable(screen: str) -> list[str]:
    return [ch for ch in screen if ch in "\x1b\x07\x9b" or ch == "\r"]


@pytest.fixture
def hostile(cli) -> dict[str, str]:
    entry = cli.ok("add", "--look", "back", HOSTILE).stdout.strip()
    cli.ok("add", "--look", "down", f"month ago {HOSTILE}", "--date", "2026-10-27")
    task = cli.ok("task", "add", f"Budget {HOSTILE}", "--due", "2026-11-20").stdout.strip()
    # The 26th reviewed, its first answer hostile, the rest skipped: the report's highlights.
    cli.ok("review", input=f"went well {HOSTILE}\n" + "\n" * 40)
    return {"entry": entry, "task": task}


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["search", "PWNED"],
        ["show", "{entry}"],
        ["task", "list"],
        ["task", "show", "{task}"],
        ["status"],
        ["report"],
        ["report", "-f", "markdown"],
        ["export"],
    ],
)
def test_every_screen_shows_control_codes_instead_of_obeying_them(hostile, args):
    status, screen = run_in_terminal(*(arg.format(**hostile) for arg in args))
    assert status == 0, screen
    screen = screen.replace("\r\n", "\n")
    assert _obeyable(screen) == [], screen
    assert "␛]0;PWNED" in screen


def test_the_delete_prompt_shows_them_too(hostile):
    child = spawn("delete", hostile["entry"])
    child.expect_exact("Delete ")
    child.expect_exact("?")
    assert "␛]0;PWNED" in child.before
    assert _obeyable(child.before.replace("\r\n", "\n")) == []
    child.sendline("n")
    assert finish(child) == 1


def test_the_review_shows_commitments_and_earlier_days_safely(cli, hostile):
    cli.ok("add", "--look", "ahead", f"Call Li {HOSTILE}", "--date", "2026-11-26")
    child = spawn("review", now="2026-11-27T21:30:00")
    child.expect_exact("You committed on 2026-11-26: Call Li")
    child.expect_exact("> ")
    seen = child.before
    child.sendline("done")
    child.expect_exact("[1/")
    seen += child.before
    stop(child)
    assert finish(child) == 130
    seen = seen.replace("\r\n", "\n")
    assert _obeyable(seen) == [], seen
    assert seen.count("␛]0;PWNED") >= 2  # the commitment and the entry of a month ago


def test_the_report_json_keeps_the_text_as_stored(cli, hostile):
    data = cli.json("report", "--json")
    texts = [item["text"] for group in data["highlights"].values() for item in group]
    assert f"went well {HOSTILE}" in texts
