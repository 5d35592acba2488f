"""The one place a SQLite connection is made: the journal, read-only views of it, copies.

Every connection the store opens (opening, migrating, backup, restore, check) comes from
`connect`, so a different way of opening the file, such as an encrypted journal through
SQLCipher, is one change here rather than one per caller.

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


def connect(
    path: Path | str, *, read_only: bool = False, immutable: bool = False, **options: Any
) -> sqlite3.Connection:
    """A connection to `path`; `read_only` opens it mode=ro (`immutable`: without -shm).

    `options` go to sqlite3.connect as they are (isolation_level, timeout).
    """
    if read_only:
        query = "?mode=ro&immutable=1" if immutable else "?mode=ro"
        return sqlite3.connect(f"{Path(path).resolve().as_uri()}{query}", uri=True, **options)
    return sqlite3.connect(path, **options)
