"""`fourlooks report` as a user runs it, on the journal of tests/journal_builder.py."""

from __future__ import annotations

import re
import stat
import unicodedata

import pytest
from markdown_it import MarkdownIt

from pty_harness import run_in_terminal

ANSI = re.compile(r"\x1b\[")


@pytest.fixture
def journal(standard_journal_file):
    return standard_journal_file


def columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def error_line(result) -> str:
    """The one line a failing command prints on stderr."""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


# ---------------------------------------------------------------- choosing the month


def test_default_is_this_month_so_far(cli, journal):
    out = cli.ok("report").stdout
    assert out.startswith("Monthly report: November 2026\nSo far: 26 of 30 days, up to 2026-11-26.")
    assert "Daily reviews completed on 11 of 26 days (42%)." in out


def test_months_can_be_named_as_people_say_them(cli, journal):
    expected = cli.json("report", "--month", "2026-10", "--json")
    for words in ("last month", "oct", "1 month ago", "october 2026"):
        assert cli.json("report", "--month", words, "--json") == expected
    assert cli.json("report", "-m", "2026-10", "--format", "json") == expected
    assert expected["month"] == "2026-10"
    assert expected["days_reviewed"] == 10


def test_just_after_midnight_the_report_is_still_of_the_day_before(cli, journal):
    # 01:30 on Dec 1 is before day_start (04:00): the review day, and month, is Nov 30's.
    data = cli.json("report", "--json", env={"FOURLOOKS_NOW": "2026-12-01T01:30:00"})
    assert (data["month"], data["today"], data["days_so_far"]) == ("2026-11", "2026-11-30", 30)


def test_labels_follow_the_language(cli, journal):
    out = cli.ok("--lang", "zh", "report", "-m", "2026-10").stdout
    assert out.startswith("月度报告：2026年10月\n")
    assert "党性" in out and "被忽视的一看：抬头看" in out
    data = cli.json("--lang", "zh", "report", "-m", "2026-10", "--json")
    assert [r["label"] for r in data["ratings"][:4]] == ["党性", "品行", "形象", "业绩"]


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "2026-13"], "fourlooks: no such month: 2026-13 (months run 01 to 12)"),
        (["--month", "someday"], "fourlooks: not a month: 'someday'"),
        (["--month", "2026-12"], "fourlooks: 2026-12 has not begun yet (today is 2026-11-26)"),
        (["--year", "2027"], "fourlooks: 2027 has not begun yet (today is 2026-11-26)"),
        (["--year", "20x6"], "fourlooks: not a year: '20x6'"),
        (["--month", "nov", "--year", "2026"], "fourlooks: --month and --year cannot be combined"),
        (["--format", "xml"], "fourlooks: unknown format 'xml': use text, markdown or json"),
        (["--json", "-f", "markdown"], "fourlooks: --json cannot be combined with --format"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(cli, journal, args, message):
    result = cli("report", *args)
    assert result.exit_code == 2
    assert error_line(result).startswith(message)
    assert result.stdout == ""


def test_a_month_with_no_entries_is_an_honest_empty_report(cli, journal):
    out = cli.ok("report", "--month", "2026-07").stdout  # in the journal's life, nothing written
    assert "Daily reviews completed on 0 of 31 days (0%)." in out
    assert "No entries in this period." in out
    assert "No self-audit for July 2026 yet" in out
    data = cli.json("report", "--month", "2026-07", "--json")
    assert (data["entries"], data["neglected_look"]) == (0, None)
    # A month before the journal began (2026-06-10) has no day to count, and owes no audit.
    before = cli.ok("report", "--month", "2026-03").stdout
    assert "The journal begins on 2026-06-10: no day of this month to count." in before
    assert "No entries in this period." in before and "No self-audit" not in before
    data = cli.json("report", "--month", "2026-03", "--json")
    assert (data["entries"], data["days_so_far"], data["coverage"]) == (0, 0, None)
    assert all(r["trend"] == [None] * 6 for r in data["ratings"][:4])


def test_a_year_with_gaps_shows_them_as_gaps(cli, journal):
    out = cli.ok("report", "--year", "2026").stdout
    rows = {line.split()[0]: line for line in out.splitlines() if line[:3] in ("Jul", "Dec")}
    assert rows["Jul"].split() == ["Jul", "0/31", "0%", "0", "0", "0", "0", "0"]
    assert rows["Dec"].split() == ["Dec", "to", "come", *["·"] * 7]
    commitment = next(line for line in out.splitlines() if line.startswith("commitment"))
    values = ["·"] * 5 + ["3", "·", "4", "3", "4", "·", "·"]
    assert commitment.split()[1:] == ["·····▅·▆▅▆··", *values, "3.5"]
    data = cli.json("report", "--year", "last year", "--json")
    # 2025 is before the journal's first entry (2026-06-10): no day of it is counted.
    assert (data["year"], data["entries"], data["coverage"]) == (2025, 0, None)
    assert data["days_so_far"] == 0 and not any(m["begun"] for m in data["months"])
    text = cli.ok("report", "--year", "last year").stdout
    assert "The journal begins on 2026-06-10: no day of 2025 to count." in text
    assert "So far" not in text


# ---------------------------------------------------------------- formats


def test_markdown_to_stdout_is_a_document(cli, journal):
    document = cli.ok("report", "-m", "2026-10", "-f", "markdown").stdout
    tokens = MarkdownIt("commonmark").enable("table").parse(document)
    assert tokens[0].type == "heading_open" and tokens[1].content == "Monthly report: October 2026"
    assert sum(1 for t in tokens if t.type == "table_open") == 6
    assert "\x1b" not in document


def test_text_in_a_wide_window_stays_at_100_columns(cli, journal):
    def back_bar(width: str) -> int:
        out = cli.ok("report", "-m", "2026-10", env={"COLUMNS": width}).stdout
        assert max(columns(line) for line in out.splitlines()) <= min(int(width), 100)
        return next(line for line in out.splitlines() if line.startswith("back ")).count("█")

    assert back_bar("200") == 30  # the longest bar, given room
    assert back_bar("80") == 28


def test_at_an_80_column_terminal_with_no_color_nothing_but_text(journal):
    for args in (["report"], ["report", "-m", "2026-10"], ["report", "--year", "2026"]):
        status, out = run_in_terminal(*args, width=80, plain=False, env={"NO_COLOR": "1"})
        assert status == 0
        assert not ANSI.search(out), args
        assert max(columns(line) for line in out.splitlines()) <= 80
    status, out = run_in_terminal("--lang", "zh", "report", width=80, plain=False)
    assert status == 0
    assert ANSI.search(out)  # a terminal without NO_COLOR gets colour
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert max(columns(line) for line in plain.splitlines()) <= 80


# ---------------------------------------------------------------- --out


def test_out_writes_a_private_file_and_says_where(cli, journal, tmp_path):
    target = tmp_path / "2026-10.md"
    result = cli.ok("report", "-m", "2026-10", "-f", "markdown", "--out", str(target))
    assert result.stdout == ""
    assert result.stderr == f"Wrote the report to {target}.\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("# Monthly report: October 2026\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-10.md", "home"]


def test_out_replaces_an_old_file_whole(cli, journal, tmp_path):
    target = tmp_path / "report.txt"
    cli.ok("report", "--month", "2026-10", "--out", str(target))  # an earlier report
    target.chmod(0o644)
    cli.ok("report", "--out", str(target))
    text = target.read_text(encoding="utf-8")
    assert text.startswith("Monthly report: November 2026\n")
    assert max(columns(line) for line in text.splitlines()) <= 80
    assert "\x1b" not in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_temporary(cli, journal, tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    cli.ok("report", "--json", "--month", "2026-10", "--out", str(target))  # an earlier report
    earlier = target.read_text()

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("fourlooks.files.os.replace", full_disk)
    result = cli("report", "--json", "--out", str(target))
    assert result.exit_code == 1
    assert error_line(result) == f"fourlooks: cannot write {target}: No space left on device"
    assert target.read_text() == earlier
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "report.json"]


def test_out_to_a_folder_or_a_missing_folder_is_refused(cli, journal, tmp_path):
    result = cli("report", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert error_line(result) == f"fourlooks: {tmp_path} is a folder: give --out a file name"
    missing = tmp_path / "nowhere" / "r.md"
    result = cli("report", "--out", str(missing))
    assert result.exit_code == 2
    assert "there is no folder" in error_line(result)
    assert not missing.parent.exists()


@pytest.mark.parametrize(
    "args", [["--year", "20x6"], ["--month", "someday"], ["--month", "nov", "--year", "2026"]]
)
def test_a_mistyped_period_is_refused_before_a_journal_is_made(cli, home, args):
    result = cli("report", *args)
    assert result.exit_code == 2
    assert not home.exists() or not any(home.rglob("*.db"))
