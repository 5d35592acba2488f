"""`fourlooks restore BACKUP`: a backup put back safely, the journal as it was kept aside."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest


def add(cli, text: str, **kwargs) -> None:
    cli.ok("add", "--look", "back", text, **kwargs)


def texts_in(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return sorted(row[0] for row in conn.execute("SELECT text FROM entries"))


def listed(cli, **kwargs) -> list[str]:
    return sorted(entry["text"] for entry in cli.json("list", "--json", "-n", "0", **kwargs))


def asides(folder: Path) -> list[Path]:
    return sorted(folder.glob("journal.db.before-restore-*"))


@pytest.fixture
def backed_up(cli) -> Path:
    """A journal with two entries in its backup and a third written after it."""
    add(cli, "first")
    add(cli, "second")
    copy = Path(cli.ok("backup").stdout.strip())
    add(cli, "written after the backup")
    return copy


def test_restore_puts_the_backup_back_and_keeps_the_journal_as_it_was(
    cli, journal_file, backed_up
):
    result = cli.ok("restore", "--yes", str(backed_up))
    assert listed(cli) == ["first", "second"]
    [kept] = asides(journal_file.parent)
    assert texts_in(kept) == ["first", "second", "written after the backup"]
    assert str(kept) in result.stderr
    assert "Restored 2 entries" in result.stderr
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert cli.ok("check").stdout.rstrip().endswith("ok")
    add(cli, "life goes on")
    assert listed(cli) == ["first", "life goes on", "second"]


def test_restore_asks_first_and_a_no_changes_nothing(cli, journal_file, backed_up):
    result = cli("restore", str(backed_up), input="n\n")
    assert result.exit_code == 1
    assert "Replace" in result.output and "(2 entries)" in result.output
    assert listed(cli) == ["first", "second", "written after the backup"]
    assert asides(journal_file.parent) == []


def _crash_state(journal_file: Path, folder: Path, cli) -> Path:
    """A copy of the journal as a crash leaves it: the last write only in its -wal file."""
    holder = sqlite3.connect(journal_file)  # keeps the WAL from being folded in on close
    try:
        holder.execute("PRAGMA wal_autocheckpoint = 0")
        holder.execute("SELECT count(*) FROM entries").fetchone()
        add(cli, "only in the wal")
        folder.mkdir()
        for suffix in ("", "-wal", "-shm"):
            shutil.copyfile(f"{journal_file}{suffix}", folder / f"journal.db{suffix}")
    finally:
        holder.close()
    crashed = folder / "journal.db"
    assert "only in the wal" not in main_file_bytes_as_text(crashed)
    return crashed


def main_file_bytes_as_text(path: Path) -> str:
    return path.read_bytes().decode("latin-1")


def test_restore_over_a_journal_left_with_a_wal_by_a_crash(cli, journal_file, tmp_path, backed_up):
    crashed = _crash_state(journal_file, tmp_path / "crashed", cli)
    env = {"FOURLOOKS_DB": str(crashed)}
    cli.ok("restore", "--yes", str(backed_up), env=env)
    # The journal is exactly the backup: nothing of the stale WAL was replayed onto it.
    assert listed(cli, env=env) == ["first", "second"]
    assert cli.ok("check", env=env).stdout.rstrip().endswith("ok")
    # ...and the journal as it was, WAL included, is kept whole.
    [kept] = asides(crashed.parent)
    assert texts_in(kept) == ["first", "only in the wal", "second", "written after the backup"]


def test_restore_moves_a_damaged_journal_aside_whole(cli, journal_file, backed_up):
    cli.ok("list")  # every connection closed: the journal is one file again
    journal_file.write_bytes(b"this is not a database any more" * 100)
    cli.ok("restore", "--yes", str(backed_up))
    assert listed(cli) == ["first", "second"]
    [kept] = asides(journal_file.parent)
    assert kept.read_bytes().startswith(b"this is not a database")


def test_restore_into_a_journal_that_does_not_exist_yet(cli, journal_file, backed_up, tmp_path):
    env = {"FOURLOOKS_DB": str(tmp_path / "new" / "journal.db")}
    (tmp_path / "new").mkdir(mode=0o700)
    result = cli.ok("restore", "--yes", str(backed_up), env=env)
    assert listed(cli, env=env) == ["first", "second"]
    assert "kept at" not in result.stderr


def _foreign(path: Path) -> Path:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE entries (text TEXT)")
    return path


def _newer(path: Path, source: Path) -> Path:
    shutil.copyfile(source, path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA user_version = 999")
    return path


@pytest.mark.parametrize(
    ("make", "code", "message"),
    [
        (lambda tmp, backup: tmp / "missing.db", 2, "no backup file"),
        (lambda tmp, backup: tmp, 2, "no backup file"),
        (lambda tmp, backup: _foreign(tmp / "foreign.db"), 1, "not a fourlooks journal"),
        (lambda tmp, backup: _newer(tmp / "newer.db", backup), 1, "newer fourlooks"),
        (
            lambda tmp, backup: (tmp / "text.db").write_text("hello" * 500) and tmp / "text.db",
            1,
            "not a fourlooks journal",
        ),
    ],
)
def test_a_bad_backup_is_refused_in_one_line_and_changes_nothing(
    cli, journal_file, tmp_path, backed_up, make, code, message
):
    before = listed(cli)
    bad = make(tmp_path, backed_up)
    result = cli("restore", "--yes", str(bad))
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert listed(cli) == before
    assert asides(journal_file.parent) == []


def test_the_journal_itself_is_not_a_backup(cli, journal_file, backed_up):
    result = cli("restore", "--yes", str(journal_file))
    assert result.exit_code == 2
    assert "the journal itself" in result.stderr
    assert asides(journal_file.parent) == []
