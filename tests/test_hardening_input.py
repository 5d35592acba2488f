"""Values no one should type, typed: each gets one clear line, never an internal error."""

from __future__ import annotations

import pytest

HUGE = "9" * 30  # past SQLite's 64-bit integers


@pytest.mark.parametrize("command", [["list"], ["search", "thought"]])
def test_a_huge_number_of_rows_means_all(cli, command):
    cli.ok("add", "-l", "back", "a thought")
    result = cli.ok(*command, "-n", HUGE)
    assert "a thought" in result.stdout


def _one_line(result, code: int, *words: str) -> str:
    assert result.exit_code == code, (result.exit_code, result.output)
    [line] = result.stderr.splitlines()
    assert line.startswith("fourlooks: ") and "internal error" not in line, line
    for word in words:
        assert word in line, line
    return line


@pytest.mark.parametrize(
    "args",
    [
        ["review", "--date", "0001-01-01"],
        ["review", "--monthly", "--month", "0001-01"],
        ["report", "-m", "0001-01"],
        ["report", "-y", "0001"],
    ],
)
def test_the_calendars_first_days_are_refused_in_one_line(cli, args):
    _one_line(cli(*args, input=""), 2, "year 2 to 9998")


@pytest.mark.parametrize(
    "args",
    [
        ["review", "--date", "9999-12-31"],
        ["review", "--monthly", "--month", "9999-12"],
        ["report", "-m", "9999-12"],
        ["report", "-y", "9999"],
    ],
)
def test_the_calendars_last_days_are_refused_in_one_line(cli, args):
    at_the_end = {"FOURLOOKS_NOW": "9999-12-31T12:00:00"}
    _one_line(cli(*args, input="", env=at_the_end), 2, "year 2 to 9998")


@pytest.mark.parametrize(
    ("now", "words", "month"),
    [
        ("2027-01-01T00:30:00", "last month", "2026-12"),
        ("2027-01-01T05:00:00", "last month", "2026-12"),
        ("2027-03-01T00:30:00", "last month", "2027-02"),
        ("2027-01-01T00:30:00", "this month", "2026-12"),
        ("2027-01-01T00:30:00", None, "2026-12"),  # nothing typed: the journal's day's month
    ],
)
def test_last_month_at_half_past_midnight_on_the_first(cli, now, words, month):
    args = ["report", "--json"] + (["-m", words] if words else [])
    assert cli.json(*args, env={"FOURLOOKS_NOW": now})["month"] == month
