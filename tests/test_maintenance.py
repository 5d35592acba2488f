"""`fourlooks backup` and `fourlooks check`, as a user runs them."""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from fourlooks import store
from fourlooks.model import Look
from fourlooks.store import entries, search


def add(cli, text, *more):
    return cli.ok("add", "--look", "back", *more, text).stdout.strip()


def texts_in(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return sorted(row[0] for row in conn.execute("SELECT text FROM entries"))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backup_writes_a_private_timestamped_copy_beside_the_journal(cli, journal_file):
    add(cli, "first thought")
    add(cli, "第二个想法", "-t", "家")
    result = cli.ok("backup")
    copy = Path(result.stdout.strip())
    assert copy == journal_file.parent / "journal-20261126-210000.db"
    assert "Backed up 2 entries" in result.stderr
    assert mode(copy) == 0o600
    assert texts_in(copy) == ["first thought", "第二个想法"]


def test_a_backup_is_one_self_contained_file(cli, journal_file, tmp_path):
    add(cli, "kept")
    copy = Path(cli.ok("backup", str(tmp_path / "b.db")).stdout.strip())
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("b.db")) == ["b.db"]
    with contextlib.closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert not list(tmp_path.glob(".b.db.partial*"))


def test_backup_into_a_folder_uses_the_default_name(cli, tmp_path):
    add(cli, "x")
    folder = tmp_path / "backups"
    folder.mkdir()
    copy = Path(cli.ok("backup", str(folder)).stdout.strip())
    assert copy == folder / "journal-20261126-210000.db"


def test_backup_refuses_to_overwrite_unless_forced(cli, tmp_path):
    add(cli, "new text")
    target = tmp_path / "b.db"
    target.write_text("precious")
    result = cli("backup", str(target))
    assert result.exit_code == 2
    assert "already exists; use --force" in result.stderr
    assert target.read_text() == "precious"
    cli.ok("backup", "--force", str(target))
    assert texts_in(target) == ["new text"]


def test_backup_refuses_the_journal_itself_and_missing_places(cli, journal_file, tmp_path):
    add(cli, "x")
    before = journal_file.read_bytes()
    for args in (["--force", str(journal_file)], [str(tmp_path / "no" / "such" / "b.db")]):
        result = cli("backup", *args)
        assert result.exit_code == 2, result.output
        assert len(result.stderr.strip().splitlines()) == 1
    assert journal_file.read_bytes() == before


def test_backup_of_no_journal_is_an_error_and_creates_nothing(cli, journal_file):
    result = cli("backup")
    assert result.exit_code == 1
    assert "no journal at" in result.stderr
    assert not journal_file.exists()


def _tasks_in(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return [row[0] for row in conn.execute("SELECT title FROM tasks")]


def test_backup_takes_only_committed_writes_and_does_not_wait_for_a_writer(cli, journal_file):
    add(cli, "committed")
    # Another terminal in the middle of a write transaction (a task row: plain SQL, no
    # search-index functions needed), holding the write lock while the backup runs.
    writer = sqlite3.connect(journal_file, isolation_level=None)
    search.register(writer)  # the search index's triggers call these functions
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute(
            "INSERT INTO tasks (id, title, created_at, updated_at)"
            " VALUES ('t', 'in flight', 'now', 'now')"
        )
        copy = Path(cli.ok("backup").stdout.strip())
        writer.execute("COMMIT")
    finally:
        writer.close()
    assert texts_in(copy) == ["committed"]
    assert _tasks_in(copy) == []
    assert _tasks_in(journal_file) == ["in flight"]


def test_a_backup_copied_back_over_the_journal_is_a_working_journal(cli, journal_file):
    add(cli, "before the accident")
    copy = Path(cli.ok("backup").stdout.strip())
    add(cli, "written after the backup")
    journal_file.unlink()
    shutil.copyfile(copy, journal_file)
    [entry] = cli.json("list", "--json")
    assert entry["text"] == "before the accident"
    add(cli, "life goes on")
    with contextlib.closing(sqlite3.connect(journal_file)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_check_reports_ok_for_a_sound_journal(cli):
    add(cli, "fine")
    out = cli.ok("check").stdout
    assert out.splitlines()[-1] == "ok"
    assert f"schema:   {store.SCHEMA_VERSION} (current)" in out
    report = cli.json("check", "--json")
    assert report["ok"] is True
    assert report["entries"] == 1
    assert report["problems"] == []
    assert report["schema_version"] == store.SCHEMA_VERSION


def test_check_of_no_journal_is_an_error(cli, journal_file):
    result = cli("check")
    assert result.exit_code == 1
    assert "no journal at" in result.stderr
    assert not journal_file.exists()


def _big_journal(path: Path, count: int = 300) -> None:
    with store.open_journal(path) as journal, journal.write():
        for n in range(count):
            entries.add(journal, date="2026-01-01", look=Look.UP, text=f"{n} " + "words " * 80)


def test_check_finds_a_damaged_file_and_exits_1(cli, journal_file):
    _big_journal(journal_file)
    with contextlib.closing(sqlite3.connect(journal_file)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    assert pages > 10
    with journal_file.open("r+b") as raw:
        for page in range(pages // 2, pages // 2 + 4):
            raw.seek(page * page_size + 8)  # inside the pages, past their headers
            raw.write(b"\xff\x00" * 300)
    result = cli("check", "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert report["problems"]
    text = cli("check")
    assert text.exit_code == 1
    assert text.stdout.splitlines()[-1].startswith("NOT OK")


def test_check_finds_an_entry_pointing_at_a_missing_review(cli, journal_file):
    add(cli, "x")
    with contextlib.closing(sqlite3.connect(journal_file)) as conn:
        conn.execute("UPDATE entries SET review_id = 'gone'")
        conn.commit()
    result = cli("check")
    assert result.exit_code == 1
    assert "entries row 1 refers to a missing row of reviews" in result.stdout


def test_check_calls_a_newer_schema_a_problem_and_an_older_one_a_note(cli, journal_file):
    add(cli, "x")
    with contextlib.closing(sqlite3.connect(journal_file)) as conn:
        conn.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    assert cli("check").exit_code == 1
    with contextlib.closing(sqlite3.connect(journal_file)) as conn:
        conn.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION - 1}")
    report = cli.json("check", "--json")
    assert report["ok"] is True
    assert "migrates it" in report["warnings"][0]
    with contextlib.closing(sqlite3.connect(journal_file)) as conn:  # check changed nothing
        assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION - 1


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"not a database at all " * 300, "SQLite cannot read it"), (None, "not a fourlooks")],
)
def test_check_of_a_file_that_is_not_a_journal(cli, tmp_path, content, expected):
    path = tmp_path / "other.db"
    if content is None:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            conn.execute("CREATE TABLE recipes (name TEXT)")
    else:
        path.write_bytes(content)
    before = path.read_bytes()
    result = cli("--db", str(path), "check")
    assert result.exit_code == 1
    assert expected in result.stdout
    assert path.read_bytes() == before


def test_check_warns_when_others_may_read_the_journal(cli, journal_file):
    add(cli, "x")
    journal_file.chmod(0o644)
    report = cli.json("check", "--json")
    assert report["ok"] is True
    assert "other users may read it (mode 0644)" in report["warnings"][0]
