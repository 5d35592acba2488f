"""The only place that talks to SQLite. Submodules own one table each and return model objects.

Commands run on plain `sqlite3` (4 ms to import); sqlite-utils (85 ms) is imported only when
a journal needs migrating, so that a command typed every day starts fast.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

from fourlooks.errors import FourlooksError, JournalError

# Must equal the number of migrations in fourlooks.migrations (a test checks).
SCHEMA_VERSION = 3

# Long enough that a second terminal waits for the first instead of failing.
BUSY_TIMEOUT_SECONDS = 15.0


def now_iso() -> str:
    """A timestamp for created_at/updated_at: ISO 8601, UTC, sortable as text."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def stamp_after(previous: str | None) -> str:
    """now_iso(), or one microsecond past `previous` when the clock is behind it.

    A change is never stamped earlier than the version it changes: the merge keeps the
    newer `updated_at`, so an edit on a machine whose clock is slow would otherwise be
    undone by the next import, and never reach the other machines.
    """
    stamp = now_iso()
    if not previous:
        return stamp
    try:
        before = dt.datetime.fromisoformat(previous)
    except ValueError:
        return stamp
    if before.tzinfo is None:
        before = before.replace(tzinfo=dt.UTC)
    if dt.datetime.fromisoformat(stamp) > before:
        return stamp
    return (before + dt.timedelta(microseconds=1)).astimezone(dt.UTC).isoformat(
        timespec="microseconds"
    )


def new_id() -> str:
    return str(uuid.uuid4())


# SQLite limits the parameters of one statement; 500 ids a query is well within any build.
CHUNK = 500


def in_chunks(journal: Journal, sql: str, ids: Sequence[str]) -> Iterator[tuple]:
    """The rows of `sql` for these ids, asking 500 at a time (`{marks}` is where they go).

    One query per 500 ids instead of one per record: a large import asks about every one.
    """
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        yield from journal.conn.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)


def existing_ids(journal: Journal, table: str, ids: Sequence[str]) -> set[str]:
    """Which of these ids the table (entries, tasks, reviews) holds."""
    sql = f"SELECT id FROM {table} WHERE id IN ({{marks}})"
    return {row[0] for row in in_chunks(journal, sql, ids)}


class Journal:
    """An open journal: one connection, in autocommit mode, with explicit transactions."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: all of it is stored, or none of it.

        BEGIN IMMEDIATE takes the write lock up front, so a second terminal waits on the
        busy timeout; a deferred BEGIN that reads first could fail at once with SQLITE_BUSY.
        Nested calls join the outer transaction.
        """
        if self.conn.in_transaction:
            yield self.conn
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise as_journal_error(self.path, exc) from None
        try:
            yield self.conn
        except sqlite3.Error as exc:
            self.conn.rollback()
            raise as_journal_error(self.path, exc) from None
        except BaseException:
            self.conn.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self.conn.rollback()
            raise as_journal_error(self.path, exc) from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_journal(path: Path, *, create: bool = True) -> Journal:
    """Open (creating and migrating where needed) the journal at `path`."""
    if path.is_dir():
        raise JournalError(f"{path} is a folder, not a journal file")
    if not path.exists():
        if not create:
            raise JournalError(f"no journal at {path}")
        _create_private_file(path)
    elif not os.access(path, os.R_OK | os.W_OK):
        raise JournalError(f"cannot read and write {path}: permission denied")
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as exc:
        raise as_journal_error(path, exc) from None
    try:
        _register_functions(conn)
        _prepare(conn, path)
    except BaseException:
        conn.close()
        raise
    return Journal(conn, path)


def _register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the schema's triggers call (search indexing): needed on every connection.

    Registered before migrating, since a migration may fill the index from existing entries.
    """
    from fourlooks.store import search

    search.register(conn)


def _create_private_file(path: Path) -> None:
    """Create the journal file readable by its owner alone, in a folder only they can enter."""
    try:
        if not path.parent.exists():
            path.parent.mkdir(parents=True, mode=0o700)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except FileExistsError:
        pass  # another terminal created it first: fine, it is the same journal
    except OSError as exc:
        raise JournalError(f"cannot create journal {path}: {exc.strerror}") from None


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise JournalError(
                f"{path} was written by a newer fourlooks (schema {version}; this one knows "
                f"{SCHEMA_VERSION}): upgrade fourlooks to open it"
            )
        if version < SCHEMA_VERSION:
            _migrate(conn, path)
        else:
            _ensure_wal(conn)  # a restored backup is a single file in rollback mode
        # WAL: readers never block the writer; NORMAL would risk the last commits on power
        # loss, so the journal keeps synchronous=FULL.
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:
        raise as_journal_error(path, exc) from None


def _ensure_wal(conn: sqlite3.Connection) -> None:
    """Put the journal in WAL mode, waiting for other terminals as long as a write would.

    SQLite does not call the busy handler for this switch: when several processes open a
    new journal at once, the losers get "database is locked" at once. So retry here.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as exc:
            if "readonly" in str(exc):
                return  # a read-only copy can still be read in rollback mode
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)
        else:
            return  # WAL, or a file system where SQLite cannot use it: keep what it chose


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the schema up to date under the write lock, saving a copy of existing data first."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and "_sqlite_migrations" not in tables:
        raise JournalError(f"{path} is a SQLite database, but not a fourlooks journal")
    _ensure_wal(conn)
    if tables:
        _backup_before_migration(conn, path)

    from sqlite_utils import Database  # deferred: only a migration needs sqlite-utils

    from fourlooks.migrations import migrations

    conn.execute("BEGIN IMMEDIATE")
    try:
        # Re-read under the lock: another terminal may have migrated meanwhile.
        if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
            migrations.apply(Database(conn, execute_plugins=False))
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.rollback()
        raise


def _backup_before_migration(conn: sqlite3.Connection, path: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version >= SCHEMA_VERSION:
        return  # another terminal migrated it meanwhile: nothing to protect
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.schema{version}-{stamp}.bak")
    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    with contextlib.closing(sqlite3.connect(target)) as copy:
        conn.backup(copy)


def as_journal_error(path: Path, exc: sqlite3.Error) -> FourlooksError:
    """Turn SQLite's wording into a line a user can act on."""
    message = str(exc)
    if "file is not a database" in message:
        return JournalError(f"{path} is not a fourlooks journal (not a SQLite database)")
    if "malformed" in message or "corrupt" in message:
        return JournalError(f"{path} is damaged ({message}); run `fourlooks check`")
    if "locked" in message or "busy" in message:
        return JournalError(f"{path} is busy in another process; try again")
    if "full" in message:
        return JournalError(f"cannot write {path}: the disk is full; nothing was changed")
    if "disk I/O error" in message:  # also a file-size limit (EFBIG) or a failing disk
        return JournalError(
            f"cannot write {path}: disk I/O error (is the disk full?); nothing was changed"
        )
    if "readonly" in message:
        return JournalError(
            f"cannot write {path}: it or its folder is read-only; nothing was changed"
        )
    if "unable to open" in message:
        return JournalError(f"cannot open {path}: {message}")
    return JournalError(f"{path}: {message}")
