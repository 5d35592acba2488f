"""A journal written by an earlier fourlooks opens, migrates, and keeps every word.

tests/fixtures/journal-schema1.db was written at schema 1 (see make_journal_schema1.py
beside it) and is never remade: it stands for a user's journal from an earlier version.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from fourlooks import migrations, store

FIXTURE = Path(__file__).parent / "fixtures" / "journal-schema1.db"

# The schema-1 columns of each table: later migrations may add columns, never drop these.
SCHEMA1_COLUMNS = {
    "entries": "id, date, look, text, cadence, question_id, review_id, task_id, rating, choice,"
    " commitment_id, created_at, updated_at",
    "entry_tags": "entry_id, tag",
    "tasks": "id, title, due, state, closed_at, reviewed_at, created_at, updated_at",
    "reviews": "id, cadence, period, task_id, started_at, completed_at",
    "review_skips": "review_id, question_id",
}


def _read(path: Path) -> sqlite3.Connection:
    """Read-only and immutable: reading must not touch the file (nor create -wal/-shm)."""
    return sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True)


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every schema-1 row of every table, sorted: what a user would miss if it changed."""
    with contextlib.closing(_read(path)) as conn:
        return {
            table: sorted(conn.execute(f"SELECT {columns} FROM {table}").fetchall())
            for table, columns in SCHEMA1_COLUMNS.items()
        }


def user_version(path: Path) -> int:
    with contextlib.closing(_read(path)) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0]


@pytest.fixture
def old_journal(tmp_path: Path) -> Path:
    copy = tmp_path / "journal.db"
    shutil.copyfile(FIXTURE, copy)
    return copy


def test_the_fixture_is_still_a_schema_1_journal_with_every_kind_of_row():
    assert user_version(FIXTURE) == 1
    rows = dump(FIXTURE)
    assert {row[2] for row in rows["entries"]} == {"back", "up", "down", "ahead"}
    assert {row[1] for row in rows["reviews"]} == {"daily", "monthly", "task"}
    assert rows["review_skips"] and rows["tasks"] and rows["entry_tags"]


def test_an_old_journal_opens_at_the_current_schema_with_its_data_intact(old_journal):
    before = dump(old_journal)
    with store.open_journal(old_journal) as journal:
        version = journal.conn.execute("PRAGMA user_version").fetchone()[0]
    assert version == store.SCHEMA_VERSION
    assert dump(old_journal) == before
    texts = {row[3] for row in before["entries"]}
    assert "经常性反思：今天开会前准备不足\n第二行也要保留" in texts


def test_an_old_journal_marks_as_answered_the_reviews_that_hold_an_answer(old_journal):
    with store.open_journal(old_journal) as journal:
        conn = journal.conn
        flagged = conn.execute("SELECT id FROM reviews WHERE answered = 1 ORDER BY id")
        flagged = flagged.fetchall()
        holding = conn.execute(
            "SELECT id FROM reviews WHERE id IN (SELECT review_id FROM entries) ORDER BY id"
        ).fetchall()
        total = conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
    assert flagged == holding
    assert 0 < len(flagged) <= total


def test_an_old_journal_reads_back_through_the_cli(cli, old_journal):
    listed = cli.json("--db", str(old_journal), "list", "--json", "-n", "0")
    assert len(listed) == 14
    by_text = {entry["text"]: entry for entry in listed}
    assert by_text["比上个月写得快了，但同事的图表更清楚"]["tags"] == ["work", "对比"]
    followup = by_text["Budget draft done before lunch"]
    assert followup["choice"] == "done"
    assert by_text["Finish the budget draft"]["id"] == followup["commitment_id"]
    assert by_text["4 kept every promise but one"]["rating"] == 4
    assert cli.json("--db", str(old_journal), "check", "--json")["ok"] is True


def test_a_copy_is_saved_before_a_real_migration(old_journal):
    with store.open_journal(old_journal):
        pass
    saved = sorted(old_journal.parent.glob("journal.db.schema1-*.bak"))
    if store.SCHEMA_VERSION == 1:
        assert saved == []  # nothing to migrate, nothing copied
        return
    [backup] = saved
    assert user_version(backup) == 1
    assert dump(backup) == dump(FIXTURE)
    assert backup.stat().st_mode & 0o077 == 0


class _Step:
    """A stand-in for the next migration, to see what exists when it runs."""

    def __init__(self, journal_path: Path, fail: bool = False):
        self.journal_path = journal_path
        self.fail = fail
        self.saw_backups: list[Path] = []

    def apply(self, db) -> None:
        self.saw_backups = sorted(self.journal_path.parent.glob("*.bak"))
        db.execute("ALTER TABLE entries ADD COLUMN mood TEXT")
        if self.fail:
            raise RuntimeError("the migration broke half-way")


def _pretend_next_schema(monkeypatch, step: _Step) -> None:
    version = store.SCHEMA_VERSION + 1
    monkeypatch.setattr(store, "SCHEMA_VERSION", version)
    monkeypatch.setattr(migrations, "migrations", step)


def _current_copy(tmp_path: Path) -> Path:
    """The fixture brought up to today's schema, so that only the pretend step remains."""
    path = tmp_path / "current" / "journal.db"
    path.parent.mkdir()
    shutil.copyfile(FIXTURE, path)
    store.open_journal(path).close()
    for bak in path.parent.glob("*.bak"):
        bak.unlink()
    return path


def test_the_copy_exists_before_the_migration_runs(tmp_path, monkeypatch):
    path = _current_copy(tmp_path)
    before = dump(path)
    step = _Step(path)
    _pretend_next_schema(monkeypatch, step)
    with store.open_journal(path):
        pass
    [backup] = step.saw_backups
    assert backup.name.startswith(f"journal.db.schema{store.SCHEMA_VERSION - 1}-")
    assert user_version(backup) == store.SCHEMA_VERSION - 1
    assert dump(backup) == before
    assert user_version(path) == store.SCHEMA_VERSION


def test_a_migration_that_fails_leaves_the_journal_as_it_was(tmp_path, monkeypatch):
    path = _current_copy(tmp_path)
    before = dump(path)
    old_version = user_version(path)
    _pretend_next_schema(monkeypatch, _Step(path, fail=True))
    with pytest.raises(RuntimeError):
        store.open_journal(path)
    assert user_version(path) == old_version
    assert dump(path) == before
    with contextlib.closing(sqlite3.connect(path)) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(entries)")]
    assert "mood" not in columns


def test_an_old_journal_gains_goals_and_its_tasks_can_serve_them(cli, old_journal):
    db = ["--db", str(old_journal)]
    [old_task, *_] = cli.json(*db, "task", "list", "--all", "--json")
    with contextlib.closing(_read(old_journal)) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert {"goals", "goal_tasks"} <= tables
    assert user_version(old_journal) == store.SCHEMA_VERSION
    assert cli.json(*db, "goal", "list", "--json") == []
    new_goal = cli.ok(*db, "goal", "add", "Ship the rota app").stdout.strip()
    linked = cli.ok(*db, "task", "add", "Survey drivers", "--goal", new_goal).stdout.strip()
    shown = cli.json(*db, "goal", "show", new_goal, "--json")
    assert [t["id"][:8] for t in shown["tasks"]] == [linked]
    assert old_task["id"] not in shown["task_ids"]


def test_an_old_journal_gains_decisions(cli, old_journal):
    db = ["--db", str(old_journal)]
    assert cli.json(*db, "decision", "list", "--json") == []
    with contextlib.closing(_read(old_journal)) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert {"decisions", "decision_answers"} <= tables
    new = cli.ok(*db, "decision", "add", "Move the rota to Mondays").stdout.strip()
    assert cli.json(*db, "decision", "show", new, "--json")["state"] == "coming"


def test_an_old_journal_s_fault_answers_are_lessons_and_can_be_linked(cli, old_journal):
    db = ["--db", str(old_journal)]
    found = cli.json(*db, "lessons", "--json")
    assert sorted(item["question_id"] for item in found) == [
        "daily.back.went_wrong", "task.ahead.lesson",
    ]  # fmt: skip
    assert all(item["times"] == 1 for item in found)
    cli.ok(*db, "lessons", "link", found[0]["id"][:8], found[1]["id"][:8])
    assert [item["times"] for item in cli.json(*db, "lessons", "--recurring", "--json")] == [2, 2]
