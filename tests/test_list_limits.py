"""`list` never cuts silently: a person is told what was left out, a script gets its range."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_builder import JournalBuilder, build_journal

OCTOBER = [(dt.date(2026, 10, 1) + dt.timedelta(days=n)).isoformat() for n in range(31)]


@pytest.fixture
def busy_journal(journal_file):
    """One entry on each day of October 2026 and three in November: 34 in all."""

    def fill(journal):
        builder = JournalBuilder(journal)
        for day in [*OCTOBER, "2026-11-02", "2026-11-10", "2026-11-20"]:
            builder.entry(day, "back", f"entry of {day}")

    return build_journal(journal_file, fill)


def test_a_listing_cut_at_twenty_says_how_many_more_and_how_to_see_them(cli, busy_journal):
    result = cli.ok("list")
    assert result.stdout.count("entry of") == 20
    assert result.stderr.strip() == "Showing the newest 20; 14 more match: -n 0 lists them all."
    everything = cli.ok("list", "-n", "0")
    assert everything.stdout.count("entry of") == 34
    assert everything.stderr == ""


def test_a_listing_that_shows_everything_says_nothing_more(cli, busy_journal):
    result = cli.ok("list", "--from", "2026-11-01")
    assert result.stdout.count("entry of") == 3
    assert result.stderr == ""


def test_json_with_a_range_returns_the_whole_range(cli, busy_journal):
    result = cli.ok("list", "--json", "--from", "2026-10-01")
    assert len(cli.json("list", "--json", "--from", "2026-10-01")) == 34
    assert result.stderr == ""
    october = cli.json("list", "--json", "--on", "2026-10")
    assert [entry["date"] for entry in october] == OCTOBER[::-1]


def test_json_with_a_range_and_an_explicit_number_keeps_the_number_and_says_so(cli, busy_journal):
    result = cli.ok("list", "--json", "--from", "2026-10-01", "-n", "5")
    assert len(cli.json("list", "--json", "--from", "2026-10-01", "-n", "5")) == 5
    assert "The JSON holds the newest 5; 29 more match: -n 0 returns them all." in result.stderr


def test_json_without_a_range_keeps_twenty_and_says_it_was_cut(cli, busy_journal):
    result = cli.ok("list", "--json")
    assert len(cli.json("list", "--json")) == 20
    assert result.stderr.strip() == (
        "The JSON holds the newest 20; 14 more match: -n 0 returns them all."
    )
    assert len(cli.json("list", "--json", "-n", "0")) == 34
