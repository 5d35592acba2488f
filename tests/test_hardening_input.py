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


@pytest.mark.parametrize(
    ("setting", "key"),
    [
        ('day_start = "04:00+01:00"', "day_start"),
        ("day_start = 4", "day_start"),
        ('day_start = "25:00"', "day_start"),
        ('day_start = "4"', "day_start"),
        ("day_start = 2026-11-26", "day_start"),
        ("editor = 5", "editor"),
        ('editor = ""', "editor"),
        ("editor = ['vim']", "editor"),
        ("lang = 5", "lang"),
        ('optional_sets = "qualities"', "optional_sets"),
    ],
)
def test_a_setting_of_the_wrong_kind_is_named_in_one_line(cli, home, setting, key):
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(setting + "\n", encoding="utf-8")
    for args in (["status"], ["report"], ["review", "--date", "yesterday"]):
        line = _one_line(cli(*args, input=""), 1, "config.toml", f"{key} must be")
        assert "Error" not in line  # no exception's name: words for a person


def test_a_local_time_in_toml_is_a_day_start(cli, home):
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("day_start = 05:30:00\n", encoding="utf-8")
    early = {"FOURLOOKS_NOW": "2026-11-26T05:00:00"}
    assert cli.json("report", "--json", env=early)["today"] == "2026-11-25"
