"""Putting a backup back: checked first, the current journal kept aside, never a mixed file.

Copying a backup over `journal.db` by hand is unsafe: a `-wal` left beside the journal by
a crash is replayed by SQLite onto the copied file, and the result is neither journal. So
the backup is written *through* SQLite instead: its backup API copies the pages into the
journal inside one write transaction, so the journal's own WAL (and any terminal reading
it) stays consistent, and no companion file is left stale.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from fourlooks.errors import JournalError, UsageError
from fourlooks.files import JOURNAL_COMPANIONS
from fourlooks.store import (
    BUSY_TIMEOUT_SECONDS,
    SCHEMA_VERSION,
    as_journal_error,
    connection,
    open_journal,
)
from fourlooks.store.connection import connect
from fourlooks.store.maintenance import backup


@dataclass(frozen=True, slots=True)
class Candidate:
    """A backup that passed its checks: where it is and what it holds."""

    path: Path
    entries: int
    schema_version: int


@dataclass(frozen=True, slots=True)
class Restored:
    """A finished restore: what the journal now holds and where its old content went."""

    entries: int
    kept: Path | None  # the journal as it was, or None when there was none


def inspect(source: Path, journal_path: Path) -> Candidate:
    """Check that `source` is a sound fourlooks journal this version can open, read-only."""
    if not source.is_file():
        raise UsageError(f"no backup file at {source}")
    if journal_path.exists() and os.path.samefile(source, journal_path):
        raise UsageError(f"{source} is the journal itself; name a backup of it")
    try:
        conn = _read_only(source)
    except connection.Error as exc:
        raise as_journal_error(source, exc) from None
    with contextlib.closing(conn):
        _refuse_unlike(conn, source, journal_path)
        try:
            return _inspect(conn, source)
        except connection.DatabaseError as exc:
            raise as_journal_error(source, exc) from None


def _refuse_unlike(conn: sqlite3.Connection, source: Path, journal_path: Path) -> None:
    """A backup goes back into a journal encrypted as it is: both plain, or both encrypted.

    (The journal is then keyed as it was; a new journal takes the backup's key.)
    """
    if not journal_path.exists() or journal_path.stat().st_size == 0:
        return
    encrypted = connection.is_keyed(conn)
    if encrypted != connection.is_encrypted(journal_path):
        state = (
            "encrypted and the journal is not"
            if encrypted
            else "plain and the journal is encrypted"
        )
        raise UsageError(
            f"{source} is {state}: restore it into a journal of its kind (--db), or "
            "encrypt or decrypt one of them first; nothing was changed"
        )


def _inspect(conn: sqlite3.Connection, source: Path) -> Candidate:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "_sqlite_migrations" not in tables or "entries" not in tables:
        raise JournalError(f"{source} is not a fourlooks journal; nothing was changed")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise JournalError(
            f"{source} was written by a newer fourlooks (schema {version}; this one knows "
            f"{SCHEMA_VERSION}); nothing was changed"
        )
    found = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
    if found != ["ok"]:
        raise JournalError(f"{source} is damaged ({found[0]}); nothing was changed")
    entries = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    return Candidate(path=source, entries=entries, schema_version=version)


def _read_only(path: Path) -> sqlite3.Connection:
    """mode=ro: reading a backup must never change it (no WAL switch, no rollback written)."""
    return connect(path, read_only=True)


def aside_name(journal_path: Path, now: dt.datetime) -> Path:
    """`journal.db.before-restore-20261201-210000`: beside the journal, sorted by time."""
    return journal_path.with_name(f"{journal_path.name}.before-restore-{now:%Y%m%d-%H%M%S}")


def restore(candidate: Candidate, journal_path: Path, now: dt.datetime) -> Restored:
    """Keep the current journal aside, then write the backup's content into the journal."""
    kept = _keep_aside(journal_path, aside_name(journal_path, now))
    _copy_into(candidate.path, journal_path)
    # Opening it the usual way migrates an older backup (saving its own copy first) and
    # puts it back in WAL mode; counting proves the result reads.
    with contextlib.closing(open_journal(journal_path)) as journal:
        entries = journal.conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    if entries != candidate.entries:
        raise JournalError(
            f"the restored journal holds {entries} entries, the backup {candidate.entries}; "
            f"the journal as it was is kept at {kept}"
        )
    return Restored(entries=entries, kept=kept)


def _keep_aside(journal_path: Path, aside: Path) -> Path | None:
    """A consistent copy of the journal as it is; a journal SQLite cannot read is moved."""
    if not journal_path.exists():
        return None
    if _readable(journal_path):
        # backup() opens the journal like any reader: a WAL left by a crash is read with
        # it, so the copy holds every acknowledged write. If it fails, nothing has changed.
        backup(journal_path, aside)
    else:
        _move_aside(journal_path, aside)
    return aside


def _readable(journal_path: Path) -> bool:
    """Whether SQLite can read the journal whole: only then is a copy of it worth making."""
    try:
        with contextlib.closing(connect(journal_path, timeout=BUSY_TIMEOUT_SECONDS)) as conn:
            return conn.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
    except connection.DatabaseError:
        return False


def _move_aside(journal_path: Path, aside: Path) -> None:
    """Move a damaged journal and its companions together, so it can still be examined."""
    for suffix in ("", *JOURNAL_COMPANIONS):
        with contextlib.suppress(FileNotFoundError):
            os.rename(f"{journal_path}{suffix}", f"{aside}{suffix}")


def _copy_into(source: Path, journal_path: Path) -> None:
    if not journal_path.exists():
        fd = os.open(journal_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    new = journal_path.stat().st_size == 0  # a new journal is keyed as the backup is
    try:
        with (
            contextlib.closing(_read_only(source)) as reader,
            contextlib.closing(
                connect(
                    journal_path,
                    like=reader if new else None,
                    isolation_level=None,
                    timeout=BUSY_TIMEOUT_SECONDS,
                )
            ) as writer,
        ):
            # One step: the journal changes from the old content to the backup's in one
            # transaction, or not at all.
            reader.backup(writer, pages=-1)
    except connection.Error as exc:
        raise as_journal_error(journal_path, exc) from None
