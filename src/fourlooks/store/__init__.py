"""The only place that talks to SQLite. Submodules own one table each and return model objects.

Commands run on plain `sqlite3` (4 ms to import); sqlite-utils (85 ms) is imported only when
a journal needs migrating, so that a command typed every day starts fast.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

from fourlooks import clock
from fourlooks.errors import FourlooksError, JournalError
from fourlooks.store import connection

# Must equal the number of migrations in fourlooks.migrations (a test checks).
SCHEMA_VERSION = 14

# Long enough that a second terminal waits for the first instead of failing.
BUSY_TIMEOUT_SECONDS = 15.0
# How often a write waiting for the lock asks again. SQLite's own wait backs off to 100 ms
# between tries, and so would miss the short pauses a large import leaves between its
# batches (store.transfer.BATCH_PAUSE_SECONDS) for as long as the import runs.
LOCK_POLL_SECONDS = 0.002


def now_iso(*floors: str | None) -> str:
    """A timestamp for created_at/updated_at: ISO 8601, UTC, sortable as text.

    From the one clock (FOURLOOKS_NOW stops it), strictly after the floors given and the
    stamps this command issued before: see fourlooks.clock.
    """
    return clock.stamp(*floors)


def stamp_after(previous: str | None) -> str:
    """now_iso(), or one microsecond past `previous` when the clock is not past it.

    A change is never stamped earlier than the version it changes: the merge keeps the
    newer `updated_at`, so an edit on a machine whose clock is slow would otherwise be
    undone by the next import, and never reach the other machines.
    """
    return now_iso(previous)


def latest_stamp(conn: sqlite3.Connection, sql: str, params: Sequence[object] = ()) -> str | None:
    """The one value `sql` selects (a max(created_at)), as a floor for the next stamp."""
    row = conn.execute(sql, params).fetchone()
    return row[0] if row else None


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
        yield from read_rows(journal, sql.format(marks=",".join("?" * len(chunk))), chunk)


def existing_ids(journal: Journal, table: str, ids: Sequence[str]) -> set[str]:
    """Which of these ids the table (entries, tasks, reviews) holds."""
    sql = f"SELECT id FROM {table} WHERE id IN ({{marks}})"
    return {row[0] for row in in_chunks(journal, sql, ids)}


# SQLite's sqlite3 module says this when a TEXT value holds bytes that are not UTF-8.
_NOT_UTF8 = "Could not decode to UTF-8"


def read_rows(
    journal: Journal, sql: str, params: Sequence[object] = (), *, noun: str = "entry"
) -> list[tuple]:
    """The rows of `sql`, even where a value holds bytes that are not UTF-8.

    Such bytes (written by another program, or a damaged disk) would fail the whole query:
    one bad byte would hide every entry. They are read with U+FFFD in place of the bad
    bytes instead, and the row's first column (the id of the `noun` it is about) is noted
    in `journal.undecodable` so the command can say which. The journal itself is not
    changed. Only a query that meets such bytes pays for the second, slower read.
    """
    try:
        return journal.conn.execute(sql, params).fetchall()
    except connection.OperationalError as exc:
        if _NOT_UTF8 not in str(exc):
            raise
    journal.conn.text_factory = bytes
    try:
        raw = journal.conn.execute(sql, params).fetchall()
    finally:
        journal.conn.text_factory = str
    return [_decoded(row, journal.undecodable, noun) for row in raw]


def _decoded(row: tuple, undecodable: set[tuple[str, str]], noun: str) -> tuple:
    values, exact = [], True
    for value in row:
        if isinstance(value, bytes):
            try:
                value = value.decode("utf-8")
            except UnicodeDecodeError:
                value, exact = value.decode("utf-8", errors="replace"), False
        values.append(value)
    if not exact:
        undecodable.add((noun, values[0]))
    return tuple(values)


class Journal:
    """An open journal: one connection, in autocommit mode, with explicit transactions."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path, *, read_only: JournalError | None = None
    ):
        self.conn = conn
        self.path = path
        self.read_only = read_only  # why it cannot be written, when it cannot
        # (noun, id) of each row read with bytes that were not UTF-8
        self.undecodable: set[tuple[str, str]] = set()
        self.changed = False  # whether a transaction was committed (the due file follows)
        # The file opened: `encrypt`, `decrypt` and `rekey` put a new file in its place.
        self._file = _file_id(path)

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: all of it is stored, or none of it.

        BEGIN IMMEDIATE takes the write lock up front, so a second terminal waits on the
        busy timeout; a deferred BEGIN that reads first could fail at once with SQLITE_BUSY.
        Nested calls join the outer transaction.
        """
        if self.read_only is not None:
            raise self.read_only
        if self.conn.in_transaction:
            yield self.conn
            return
        self._begin_immediate()
        self._refuse_replaced()
        try:
            yield self.conn
        except connection.Error as exc:
            self.conn.rollback()
            raise as_journal_error(self.path, exc) from None
        except BaseException:
            self.conn.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except connection.Error as exc:
            self.conn.rollback()
            raise as_journal_error(self.path, exc) from None
        self.changed = True

    @property
    def encrypted(self) -> bool:
        """Whether the journal is encrypted (its connection was opened with a passphrase)."""
        return connection.is_keyed(self.conn)

    def _refuse_replaced(self) -> None:
        """A write into a journal file no longer under its name would be lost: refuse it."""
        if _file_id(self.path) != self._file:
            self.conn.rollback()
            raise JournalError(
                f"{self.path} was replaced (encrypted, decrypted or given a new passphrase) "
                "while this command ran; nothing was written: run the command again"
            )

    def _begin_immediate(self) -> None:
        """BEGIN IMMEDIATE, asking every LOCK_POLL_SECONDS up to the busy timeout."""
        waited = self.conn.execute("PRAGMA busy_timeout").fetchone()[0] / 1000
        deadline = time.monotonic() + waited
        self.conn.execute("PRAGMA busy_timeout = 0")
        try:
            while True:
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                    return
                except connection.OperationalError as exc:
                    busy = "locked" in str(exc) or "busy" in str(exc)
                    if not busy or time.monotonic() >= deadline:
                        raise as_journal_error(self.path, exc) from None
                time.sleep(LOCK_POLL_SECONDS)
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {round(waited * 1000)}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def open_journal(path: Path, *, create: bool = True) -> Journal:
    """Open (creating and migrating where needed) the journal at `path`.

    A journal that cannot be written is opened for reading: only its writes are refused.
    """
    from fourlooks.store import opening

    conn, read_only = opening.open_connection(path, create=create)
    return Journal(conn, path, read_only=read_only)


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
