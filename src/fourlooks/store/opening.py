"""Opening a journal file: knowing what it is before anything is written to it.

A file is ours when its header carries our `application_id` (set by migration m004), or,
for a journal from before m004, when it holds our tables. Anything else is refused before
a byte of it changes: no WAL switch, no migration. A new journal is built whole in a
private temporary file and linked into place, so no other terminal (a `backup`, a `check`)
ever sees a journal half created, and a dangling symlink cannot give it other permissions.
A journal that cannot be written (read-only file or folder, a full disk) is opened for
reading, so every reading command still works; only a write is refused.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from fourlooks import store
from fourlooks.errors import JournalError
from fourlooks.store import connection
from fourlooks.store.connection import connect

# "4LKS" in the file header (offset 68): says "a fourlooks journal" to us and to `file(1)`.
APPLICATION_ID = 0x344C4B53

# The tables of schema 1: a journal written before the application_id was set has them all.
OUR_TABLES = frozenset({"_sqlite_migrations", "entries", "tasks", "reviews", "review_skips"})

# SQLite's words for "this connection cannot write here", met when opening a journal that
# is read-only, in a read-only folder, or on a full disk (its -shm cannot be made).
_CANNOT_WRITE = ("readonly", "disk I/O error", "full", "unable to open")


def open_connection(path: Path, *, create: bool) -> tuple[sqlite3.Connection, JournalError | None]:
    """A connection to the journal at `path`, ready to use, and why it cannot write, if so."""
    if path.is_dir():
        raise JournalError(f"{path} is a folder, not a journal file")
    if not path.exists():
        if not create:
            raise JournalError(f"no journal at {path}")
        _create(path)
    read_only = _why_not_writable(path)
    if read_only is None:
        conn = _connect(path)
        with _closed_on_failure(conn, path):
            try:
                prepare(conn, path)
                return conn, None
            except connection.OperationalError as exc:
                if not any(words in str(exc) for words in _CANNOT_WRITE):
                    raise
                read_only = store.as_journal_error(path, exc)
        conn.close()
    return _open_for_reading(path, read_only), read_only


@contextlib.contextmanager
def _closed_on_failure(conn: sqlite3.Connection, path: Path) -> Iterator[None]:
    """Close the connection if preparing it fails; SQLite's words become a user's line."""
    try:
        yield
    except connection.Error as exc:
        conn.close()
        raise store.as_journal_error(path, exc) from None
    except BaseException:
        conn.close()
        raise


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = connect(path, isolation_level=None, timeout=store.BUSY_TIMEOUT_SECONDS)
    except connection.Error as exc:
        raise store.as_journal_error(path, exc) from None
    _register_functions(conn)
    return conn


def _register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the schema's triggers call (search indexing): needed on every connection.

    Registered before migrating, since a migration may fill the index from existing entries.
    The people filter's function (`list --person`) is registered with them.
    """
    from fourlooks.store import people, search

    search.register(conn)
    people.register(conn)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write, even where SQLite cannot make a -shm file.

    In a read-only folder or on a full disk a WAL journal cannot get its -shm; SQLite then
    reads it only as `immutable`, which is exact when no -wal holds commits beside it.
    """
    try:
        conn = connect(path, read_only=True, timeout=store.BUSY_TIMEOUT_SECONDS)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except connection.OperationalError:
            conn.close()
            if _has_commits_in_wal(path):
                raise
        except connection.DatabaseError:
            return conn  # not a database at all: the caller's first question says so
        else:
            return conn
        return connect(path, read_only=True, immutable=True)
    except connection.Error as exc:
        raise store.as_journal_error(path, exc) from None


def _has_commits_in_wal(path: Path) -> bool:
    try:
        return os.path.getsize(f"{path}-wal") > 0
    except OSError:
        return False


def _open_for_reading(path: Path, why: JournalError) -> sqlite3.Connection:
    conn = connect_read_only(path)
    with _closed_on_failure(conn, path):
        _register_functions(conn)
        is_journal = identify(conn, path)
        if not is_journal or _user_version(conn) < store.SCHEMA_VERSION:
            state = (
                f"needs migrating to schema {store.SCHEMA_VERSION}" if is_journal else "is empty"
            )
            raise JournalError(f"{path} {state}, but {_reason(why)}")
    return conn


def _reason(error: JournalError) -> str:
    """The error's first clause: 'cannot write X: the disk is full'."""
    return str(error).split("; nothing was changed")[0]


def _why_not_writable(path: Path) -> JournalError | None:
    """Why fourlooks could not write this journal, or None; unreadable is an error at once."""
    real = Path(os.path.realpath(path))
    if not os.access(real, os.R_OK):
        raise JournalError(f"cannot read {path}: permission denied")
    if not os.access(real, os.W_OK):
        return JournalError(f"cannot write {path}: permission denied; nothing was changed")
    if not os.access(real.parent, os.W_OK | os.X_OK):
        return JournalError(f"cannot write {path}: its folder is read-only; nothing was changed")
    return None


def identify(conn: sqlite3.Connection, path: Path) -> bool:
    """True for a fourlooks journal, False for an empty database; a foreign one is refused.

    Reads the header and the table names only: nothing is written.
    """
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if application_id == APPLICATION_ID:
        return True
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if application_id == 0 and tables >= OUR_TABLES:
        return True  # a journal from before the application_id was set
    if application_id == 0 and not tables and _user_version(conn) == 0:
        return False  # empty: a journal to be, or one being created in place
    raise JournalError(
        f"{path} is not a fourlooks journal (another program's SQLite database); "
        "it was left untouched"
    )


def _user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def prepare(conn: sqlite3.Connection, path: Path) -> None:
    """Check what the file is, then bring it to the current schema, in WAL mode."""
    conn.execute("PRAGMA foreign_keys = ON")
    is_journal = identify(conn, path)
    version = _user_version(conn)
    if is_journal and version > store.SCHEMA_VERSION:
        raise JournalError(
            f"{path} was written by a newer fourlooks (schema {version}; this one knows "
            f"{store.SCHEMA_VERSION}): upgrade fourlooks to open it"
        )
    _ensure_wal(conn)  # a restored backup is a single file in rollback mode
    if version < store.SCHEMA_VERSION:
        _migrate(conn, path, has_data=is_journal)
    # WAL: readers never block the writer; NORMAL would risk the last commits on power
    # loss, so the journal keeps synchronous=FULL.
    conn.execute("PRAGMA synchronous = FULL")


def _ensure_wal(conn: sqlite3.Connection) -> None:
    """Put the journal in WAL mode, waiting for other terminals as long as a write would.

    SQLite does not call the busy handler for this switch: when several processes open a
    new journal at once, the losers get "database is locked" at once. So retry here.
    """
    deadline = time.monotonic() + store.BUSY_TIMEOUT_SECONDS
    while conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except connection.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)
        else:
            return  # WAL, or a file system where SQLite cannot use it: keep what it chose


def _migrate(conn: sqlite3.Connection, path: Path, *, has_data: bool) -> None:
    """Bring the schema up to date under the write lock, saving a copy of existing data first.

    The copy is made under the same lock: a second terminal opening the old journal waits,
    then finds it migrated, and never reads or writes a copy being made.
    """
    from sqlite_utils import Database  # deferred: only a migration needs sqlite-utils

    from fourlooks import migrations

    conn.execute("BEGIN IMMEDIATE")
    try:
        # Re-read under the lock: another terminal may have migrated meanwhile.
        version = _user_version(conn)
        if version < store.SCHEMA_VERSION:
            if has_data:
                save_copy_before_migration(path, version)
            migrations.migrations.apply(Database(conn, execute_plugins=False))
            conn.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.rollback()
        raise


def save_copy_before_migration(path: Path, version: int) -> Path:
    """Copy the journal to `journal.db.schemaN-YYYYMMDD-HHMMSS.bak`, whole or not at all.

    Called under the journal's write lock, so the copy is read through a second connection
    (WAL readers are not blocked by the writer) and is the last committed state. It is made
    as a backup is (store.maintenance.write_copy); a copy that cannot be made stops the
    migration.
    """
    from fourlooks.store import maintenance

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.schema{version}-{stamp}.bak")
    _remove_unfinished_copies(path)
    try:
        with contextlib.closing(connect_read_only(path)) as source:
            maintenance.write_copy(source, target, replace=True)
    except (OSError, *connection.Error) as exc:
        message = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise JournalError(
            f"cannot save a copy of {path} before migrating it ({message}); nothing was changed"
        ) from None
    return target


def _remove_unfinished_copies(path: Path) -> None:
    """Copies a killed migration left half-written: only ever made under the write lock we hold."""
    for leftover in path.parent.glob(f".{path.name}.schema*.bak.partial-*"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _create(path: Path) -> None:
    """Build a new journal in a private temporary file beside `path`, then link it in place.

    Through a dangling symlink, the journal is made where the link points.
    """
    from fourlooks import files

    target = Path(os.path.realpath(path))
    temporary = target.with_name(f".{target.name}.new-{os.urandom(4).hex()}")
    try:
        files.make_folder(target.parent)
        os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        with contextlib.closing(_connect(temporary)) as conn:
            conn.execute("PRAGMA journal_mode = WAL")
            _migrate(conn, temporary, has_data=False)
        files.sync_file(temporary)
        files.link_new(temporary, target)  # False: another terminal made it first; use theirs
    except OSError as exc:
        raise JournalError(f"cannot create journal {path}: {exc.strerror}") from None
    except connection.Error as exc:
        raise store.as_journal_error(path, exc) from None
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{temporary}{suffix}")
