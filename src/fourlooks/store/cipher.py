"""Encrypted journals: SQLCipher 4 through the optional `sqlcipher3` package.

Loaded only when a journal file turns out to be encrypted (connection.is_encrypted reads
its first bytes) or an encrypt command runs: a plain journal never imports sqlcipher3.
Each connection made here carries its passphrase, so a copy of it (a backup, the copy
saved before a migration) is made with the same key; passphrases that opened a file are
kept for the rest of the process, so one command asks once.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fourlooks.errors import JournalError

INSTALL = "pip install 'fourlooks[encrypt]'"

# Passphrases that opened a file in this process, by the file's real path.
_known: dict[str, str] = {}
# sqlcipher3's DB-API module, and its connection class that remembers a passphrase.
_driver: Any = None
_keyed_type: Any = None


class WrongPassphrase(JournalError):
    """The passphrase does not open the file (or the file is not a journal at all)."""


def driver(path: Path | None = None) -> Any:
    """sqlcipher3's DB-API module; its errors join store.connection's error classes.

    Without the extra installed, one line says so and how to install it (`path`: the
    encrypted journal that needed it).
    """
    global _driver, _keyed_type
    if _driver is None:
        try:
            from sqlcipher3 import dbapi2
        except ImportError:
            what = f"{path} is encrypted, and " if path else ""
            raise JournalError(
                f"{what}this fourlooks cannot open encrypted journals: install the extra: {INSTALL}"
            ) from None
        from fourlooks.store import connection

        class Keyed(dbapi2.Connection):
            passphrase: str = ""

        connection.add_driver(dbapi2)
        _driver, _keyed_type = dbapi2, Keyed
    return _driver


def connect(target: str, path: Path, passphrase: str | None, **options: Any) -> Any:
    """A SQLCipher connection to `target` (a path or a URI) keyed with `passphrase`.

    With no passphrase given, one known in this process is tried first, then the sources
    of fourlooks.passphrase; a wrong one is one line, before anything is read or written.
    """
    if passphrase is not None:
        return _keyed(target, path, passphrase, "", **options)
    real = os.path.realpath(path)
    known = _known.get(real)
    if known is not None:
        return _keyed(target, path, known, "", **options)
    from fourlooks import passphrase as sources

    given, source = sources.current(path)
    conn = _keyed(target, path, given, source, **options)
    _known[real] = given
    return conn


def _keyed(target: str, path: Path, passphrase: str, source: str, **options: Any) -> Any:
    module = driver(path)
    conn = module.connect(target, factory=_keyed_type, **options)
    try:
        # SQLCipher writes its own log lines to stderr (a wrong key is an "ERROR CORE"
        # line); fourlooks says what went wrong in one line of its own instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.set_key(passphrase)
        conn.passphrase = passphrase
        if os.path.exists(path) and os.path.getsize(path) > 0:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError as exc:
        conn.close()
        if "not a database" not in str(exc):
            raise
        given = f" (from {source})" if source else ""
        raise WrongPassphrase(
            f"cannot open {path}: the passphrase{given} is wrong, or it is not a "
            "fourlooks journal; nothing was changed"
        ) from None
    except BaseException:
        conn.close()
        raise
    return conn


def known(path: Path) -> str | None:
    """The passphrase that opened `path` in this process, if one did."""
    return _known.get(os.path.realpath(path))


def forget_all() -> None:
    """Forget every passphrase: each command asks for its own (tests run many in one process)."""
    _known.clear()


def remember(path: Path, passphrase: str) -> None:
    """Know this passphrase for `path` for the rest of the process (a file just keyed)."""
    _known[os.path.realpath(path)] = passphrase


def passphrase_of(conn: Any) -> str | None:
    """The passphrase an encrypted connection was opened with; None for a plain one."""
    return getattr(conn, "passphrase", None) or None
