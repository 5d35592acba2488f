"""Dates on the command line as people write them: README's lines, ranges, due dates."""

from __future__ import annotations

import pytest


def add(cli, text, look, day):
    return cli.ok("add", "--look", look, "--date", day, text).stdout.strip()


def texts(cli, *args):
    return [entry["text"] for entry in cli.json("list", "--json", *args)]


@pytest.fixture
def months(cli):
    """Entries on the edges of October 2026; the frozen clock stands on Thursday 26 November."""
    add(cli, "end of September", "down", "2026-09-30")
    add(cli, "first of October", "down", "2026-10-01")
    add(cli, "last of October", "down", "2026-10-31")
    add(cli, "October, looking back", "back", "2026-10-15")
    add(cli, "first of November", "down", "2026-11-01")
    return cli


def test_the_readme_line_lists_last_months_entries_under_a_look(months):
    # README: fourlooks list --look down --from "last month" --json
    found = texts(months, "--look", "down", "--from", "last month")
    assert found == ["first of November", "last of October", "first of October"]


def test_a_month_ends_a_range_on_its_last_day_and_on_names_the_whole_month(months):
    assert texts(months, "--to", "last month", "--look", "down") == [
        "last of October",
        "first of October",
        "end of September",
    ]
    assert texts(months, "--on", "上个月") == [
        "last of October",
        "October, looking back",
        "first of October",
    ]
    assert texts(months, "--from", "2026-10", "--to", "2026-10", "-l", "back") == [
        "October, looking back"
    ]


def test_search_takes_a_month_as_its_range(months):
    hits = months.json("search", "october", "--from", "last month", "--to", "last month", "--json")
    assert sorted(hit["text"] for hit in hits) == [
        "October, looking back",
        "first of October",
        "last of October",
    ]


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("a week ago", "2026-11-19"),
        ("3天前", "2026-11-23"),
        ("上周五", "2026-11-20"),
        ("周五", "2026-11-20"),  # a journal's day looks back: last Friday
    ],
)
def test_an_entrys_date_reads_english_and_chinese_words(cli, typed, day):
    cli.ok("add", "-l", "back", "--date", typed, "A thought")
    [entry] = cli.json("list", "--json")
    assert entry["date"] == day


@pytest.mark.parametrize(
    ("typed", "due"),
    [
        ("friday", "2026-11-27"),  # README: on a Thursday, tomorrow
        ("thursday", "2026-11-26"),
        ("monday", "2026-11-30"),
        ("next friday", "2026-11-27"),
        ("in 3 days", "2026-11-29"),
        ("周五", "2026-11-27"),
        ("下周一", "2026-11-30"),
    ],
)
def test_a_due_date_reads_forward(cli, typed, due):
    # README: fourlooks task add "Budget draft" --due friday
    cli.ok("task", "add", "Budget draft", "--due", typed)
    [task] = cli.json("task", "list", "--json")
    assert task["due"] == due


def test_a_range_that_names_nothing_is_one_line_with_the_forms_to_try(cli):
    result = cli("list", "--from", "last blue moon")
    assert result.exit_code != 0
    [line] = result.stderr.splitlines()
    assert "not a date: 'last blue moon'" in line and "last month" in line
