"""A mistyped --db: reading commands say there is no journal and create nothing."""

from __future__ import annotations

import pytest

READING = [
    ["list"],
    ["list", "--json"],
    ["show", "3f2a"],
    ["search", "rota"],
    ["status"],
    ["status", "--check"],
    ["report"],
    ["export"],
    ["check"],
    ["backup"],
    ["task", "list"],
    ["task", "show", "3f2a"],
    ["task", "edit", "3f2a", "--title", "New title"],
    ["edit", "3f2a", "--look", "up"],
    ["delete", "3f2a", "--yes"],
]


@pytest.mark.parametrize("args", READING, ids=" ".join)
def test_a_reading_command_on_a_missing_journal_says_so_and_creates_nothing(cli, tmp_path, args):
    typo = tmp_path / "jounral" / "journal.db"
    result = cli("--db", str(typo), *args)
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"fourlooks: no journal at {typo}")
    assert not typo.parent.exists()


def test_the_environment_variable_is_checked_the_same_way(cli, tmp_path):
    typo = tmp_path / "jounral.db"
    result = cli("list", env={"FOURLOOKS_DB": str(typo)})
    assert result.exit_code == 1
    assert "no journal at" in result.stderr and "FOURLOOKS_DB" in result.stderr
    assert not typo.exists()


def test_a_writing_command_says_once_where_it_made_the_new_journal(cli, tmp_path):
    named = tmp_path / "work.db"
    first = cli.ok("--db", str(named), "add", "-l", "back", "A first entry")
    assert first.stderr == f"fourlooks: a new journal was created at {named}\n"
    assert named.exists()
    second = cli.ok("--db", str(named), "add", "-l", "back", "A second entry")
    assert second.stderr == ""
    listed = cli.ok("--db", str(named), "list")
    assert "A first entry" in listed.stdout and listed.stderr == ""
    task = cli.ok("task", "add", "Budget draft", env={"FOURLOOKS_DB": str(tmp_path / "t.db")})
    assert task.stderr == f"fourlooks: a new journal was created at {tmp_path / 't.db'}\n"


def test_the_default_journal_is_still_made_silently(cli, journal_file):
    result = cli.ok("status")
    assert "fourlooks:" not in result.stderr
    added = cli.ok("add", "-l", "up", "Looked up today")
    assert added.stderr == ""
    assert journal_file.exists()


def test_questions_need_no_journal(cli, tmp_path):
    typo = tmp_path / "missing.db"
    assert "What" in cli.ok("--db", str(typo), "questions").stdout
    assert not typo.exists()
