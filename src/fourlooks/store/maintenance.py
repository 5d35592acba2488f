"""Keeping a journal safe: consistent backups while it is in use, and an integrity check.

Both open the journal with plain sqlite3 and never migrate it: a backup or a check must not
change the file it looks at.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from fourlooks.errors import JournalError, UsageError
from fourlooks.store import SCHEMA_VERSION, as_journal_error, connection
from fourlooks.store.connection import connect

# Other users may read nothing of a journal or its copies.
PRIVATE_MODE = 0o600


@dataclass(frozen=True, slots=True)
class Backup:
    """A finished backup: where it is and what it holds."""

    path: Path
    entries: int
    size: int


@dataclass(slots=True)
class CheckReport:
    """What `check` found; `ok` is False when any problem was found."""

    path: Path
    schema_version: int | None = None
    entries: int | None = None
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {
            "path": str(self.path),
            "ok": self.ok,
            "schema_version": self.schema_version,
            "expected_schema_version": SCHEMA_VERSION,
            "entries": self.entries,
            "problems": list(self.problems),
            "warnings": list(self.warnings),
        }


def backup(journal_path: Path, target: Path, *, force: bool = False) -> Backup:
    """Copy the journal to `target` with SQLite's backup API: one consistent snapshot.

    The copy is written to a private temporary file beside the target, checked, and only
    then moved into place, so a target never holds half a backup.
    """
    from fourlooks import files

    files.refuse_journal(target, journal_path)
    if target.exists() and not force:
        raise UsageError(f"{target} already exists; use --force to overwrite it")
    with contextlib.closing(_connect(journal_path)) as source:
        _require_journal(source, journal_path)
        try:
            entries = write_copy(source, target, replace=force)
        except OSError as exc:
            raise JournalError(f"cannot write {target.parent}: {exc.strerror}") from None
        except connection.Error as exc:
            raise _backup_error(target, exc) from None
    return Backup(path=target, entries=entries, size=target.stat().st_size)


def check(journal_path: Path) -> CheckReport:
    """Run SQLite's integrity and foreign-key checks and compare the schema version."""
    report = CheckReport(path=journal_path)
    with contextlib.closing(_connect(journal_path)) as conn:
        try:
            _check_schema(conn, report)
            if report.schema_version is not None:
                _check_integrity(conn, report)
        except connection.DatabaseError as exc:
            report.problems.append(f"SQLite cannot read it: {exc}")
    _check_mode(journal_path, report)
    return report


def _connect(path: Path) -> sqlite3.Connection:
    """A connection that cannot write: a check or a backup must work on a read-only journal."""
    from fourlooks.store import opening

    if path.is_dir():
        raise JournalError(f"{path} is a folder, not a journal file")
    if not path.exists():
        raise JournalError(f"no journal at {path}")
    conn = opening.connect_read_only(path)
    conn.execute("PRAGMA query_only = ON")  # belt and braces: nothing here writes
    return conn


def _require_journal(conn: sqlite3.Connection, path: Path) -> None:
    from fourlooks.store import opening

    try:
        is_journal = opening.identify(conn, path)
    except connection.Error as exc:
        raise as_journal_error(path, exc) from None
    if not is_journal:
        raise JournalError(f"{path} is empty: nothing has been written to it yet")


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def write_copy(source: sqlite3.Connection, target: Path, *, replace: bool) -> int:
    """Copy a journal to `target` whole or not at all; return how many entries it holds.

    The one way a copy is made (backup, and the copy saved before a migration): a checked
    snapshot is written to a private temporary file beside the target, flushed to the disk,
    and only then moved into place, so a kill or a full disk never leaves half a copy under
    the name people trust. Without `replace`, an existing target is refused (UsageError).
    """
    from fourlooks import files

    temporary = target.with_name(f".{target.name}.partial-{os.urandom(4).hex()}")
    try:
        entries = copy_journal(source, temporary)
        files.sync_file(temporary)
        if replace:
            os.replace(temporary, target)
        elif not files.link_new(temporary, target):
            raise UsageError(f"{target} already exists; use --force to overwrite it")
    finally:
        for leftover in (temporary, Path(f"{temporary}-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return entries


def copy_journal(source: sqlite3.Connection, temporary: Path) -> int:
    """Write a checked snapshot to `temporary` (0600), as one self-contained file; count entries."""
    fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_MODE)
    os.close(fd)
    with contextlib.closing(connect(temporary, like=source, isolation_level=None)) as copy:
        # pages=-1: the whole file in one step, inside one read transaction of the
        # source, so writers in other terminals (WAL) go on and the copy is one instant.
        source.backup(copy, pages=-1)
        # A copy in WAL mode would need -wal/-shm files beside it; one file is a backup.
        copy.execute("PRAGMA journal_mode = DELETE")
        if copy.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("the copy failed its check; none was kept")
        return copy.execute("SELECT count(*) FROM entries").fetchone()[0]


def _backup_error(target: Path, exc: sqlite3.Error) -> JournalError:
    message = str(exc)
    if "full" in message or "disk I/O error" in message:
        return JournalError(
            f"cannot write the backup in {target.parent}: {message} (is the disk full?)"
        )
    return JournalError(f"cannot write the backup in {target.parent}: {message}")


def _check_schema(conn: sqlite3.Connection, report: CheckReport) -> None:
    from fourlooks.store import opening

    try:
        is_journal = opening.identify(conn, report.path)
    except JournalError:
        report.problems.append("not a fourlooks journal (another program's SQLite database)")
        return
    if not is_journal:
        report.warnings.append("empty: nothing has been written to it yet")
        report.entries = 0
        return
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    report.schema_version = version
    if version > SCHEMA_VERSION:
        report.problems.append(
            f"schema {version} is newer than this fourlooks knows ({SCHEMA_VERSION}): upgrade it"
        )
    elif version < SCHEMA_VERSION:
        report.warnings.append(
            f"schema {version}: the next command migrates it to {SCHEMA_VERSION} "
            "(a copy is saved first)"
        )


def _check_integrity(conn: sqlite3.Connection, report: CheckReport) -> None:
    # integrity_check reports up to 100 problems, one per row; a sound file gives one "ok".
    found = [row[0] for row in conn.execute("PRAGMA integrity_check(100)")]
    if found != ["ok"]:
        report.problems.extend(f"integrity: {message}" for message in found)
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        report.problems.append(f"{table} row {rowid} refers to a missing row of {parent}")
    _check_text(conn, report)
    if "entries" in _tables(conn):
        report.entries = conn.execute("SELECT count(*) FROM entries").fetchone()[0]


# Each table's column that names the row to a person, for what _check_text finds.
_ROW_NAMES = {
    "entries": "id",
    "entry_tags": "entry_id",
    "tasks": "id",
    "reviews": "id",
    "review_skips": "review_id",
}
_MOST_TEXT_PROBLEMS = 100


def _check_text(conn: sqlite3.Connection, report: CheckReport) -> None:
    """Every stored text must be UTF-8: a byte that is not would break reading it.

    SQLite's own checks do not look inside values. Reading is not broken whole (such bytes
    are shown as U+FFFD and named), but the text is not what was written: a problem.
    """
    conn.text_factory = bytes
    try:
        found = 0
        for table, key in _ROW_NAMES.items():
            cursor = conn.execute(f"SELECT * FROM {table}")
            names = [column[0] for column in cursor.description]
            for row in cursor:
                bad = [n for n, v in zip(names, row, strict=True) if _not_utf8(v)]
                if bad and found < _MOST_TEXT_PROBLEMS:
                    owner = row[names.index(key)].decode("utf-8", errors="replace")
                    report.problems.append(
                        f"{table} {owner}: {', '.join(bad)} holds bytes that are not UTF-8 "
                        "(reading shows \ufffd in their place)"
                    )
                found += bool(bad)
    finally:
        conn.text_factory = str


def _not_utf8(value: object) -> bool:
    if not isinstance(value, bytes):
        return False
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _check_mode(path: Path, report: CheckReport) -> None:
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        report.warnings.append(
            f"other users may read it (mode {mode:04o}); `chmod 600 {path}` keeps it private"
        )
