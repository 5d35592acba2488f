"""The one place a SQLite connection is made: the journal, read-only views of it, copies.

Every connection the store opens (opening, migrating, backup, restore, check) comes from
`connect`, so the way a file is opened is decided here, once: a plain journal through the
standard library's sqlite3, an encrypted one through SQLCipher (store.cipher). Which one
a file is, is read from the file itself (its first bytes), never from a setting.

The error classes a caller catches are named here too (`Error`, `DatabaseError`,
`OperationalError`): each is a tuple of the classes of every driver loaded so far, so an
`except connection.Error` catches the error whichever driver raised it. Python reads the
name when an exception is being matched, so a driver loaded later is still covered.
Beside other classes, unpack them: `except (OSError, *connection.Error)` (an except
clause refuses a tuple nested in its tuple).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

Error: tuple[type[Exception], ...] = (sqlite3.Error,)
DatabaseError: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
OperationalError: tuple[type[Exception], ...] = (sqlite3.OperationalError,)

# The first 16 bytes of every plain SQLite database. SQLCipher encrypts the whole file,
# the header included: its first 16 bytes are the random salt of the key.
SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite's smallest page: an encrypted database is a whole number of pages.
_SMALLEST_PAGE = 512


def add_driver(module: Any) -> None:
    """Let the except sites catch the errors of another DB-API driver as well."""
    global Error, DatabaseError, OperationalError
    Error = (*Error, module.Error)
    DatabaseError = (*DatabaseError, module.DatabaseError)
    OperationalError = (*OperationalError, module.OperationalError)


def is_encrypted(path: Path | str) -> bool:
    """Whether the file at `path` is an encrypted journal (SQLCipher), read from its bytes.

    A database whose header is not SQLite's, and whose size is a whole number of pages;
    a new or empty file, or one that is no database at all (text, a damaged copy whose
    size is not in pages), is not: SQLite's own words will say what it is.
    """
    try:
        with open(path, "rb") as file:
            head = file.read(len(SQLITE_HEADER))
            size = file.seek(0, 2)
    except OSError:
        return False
    return size >= _SMALLEST_PAGE and size % _SMALLEST_PAGE == 0 and head != SQLITE_HEADER


def is_keyed(conn: Any) -> bool:
    """Whether a connection was opened with a passphrase (store.cipher's connections are)."""
    return bool(getattr(conn, "passphrase", None))


def connect(
    path: Path | str,
    *,
    read_only: bool = False,
    immutable: bool = False,
    like: Any = None,
    passphrase: str | None = None,
    **options: Any,
) -> sqlite3.Connection:
    """A connection to `path`; `read_only` opens it mode=ro (`immutable`: without -shm).

    An encrypted file is opened through SQLCipher with its passphrase (store.cipher says
    where it comes from). `like`: a connection whose encryption a new file takes (a copy
    of an encrypted journal is encrypted with the same passphrase); `passphrase`: the key
    for a new encrypted file. `options` go to connect as they are (isolation_level,
    timeout).
    """
    target = str(path)
    if read_only:
        query = "?mode=ro&immutable=1" if immutable else "?mode=ro"
        target = f"{Path(path).resolve().as_uri()}{query}"
        options["uri"] = True
    key = passphrase if passphrase is not None else getattr(like, "passphrase", None)
    if key is not None or is_encrypted(path):
        from fourlooks.store import cipher

        return cipher.connect(target, Path(path), key, **options)
    return sqlite3.connect(target, **options)
