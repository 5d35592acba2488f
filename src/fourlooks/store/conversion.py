"""Encrypting, decrypting and rekeying a journal: a checked copy, then one rename.

SQLCipher's `sqlcipher_export` writes the journal whole into a new file beside it, keyed
with the new passphrase (or plain). The copy is checked (integrity, the schema version and
application id, the rows of every table) and flushed to the disk, and only then renamed
over the journal, so at every moment the journal's name holds one whole journal: the old
one until the rename, the new one after. The old file's bytes go with the rename.

Beforehand the journal leaves WAL mode, which checkpoints its -wal into the file and
removes its -wal and -shm: a -wal of the old file must never sit beside the new one. While
the copy is made and checked, a second connection holds the write lock, so no other
terminal writes into the old file in the meantime; a terminal that still has the old file
open finds it replaced at its next write and writes nothing (store.Journal.write).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fourlooks.errors import JournalError
from fourlooks.store import BUSY_TIMEOUT_SECONDS, as_journal_error, cipher, connection
from fourlooks.store.maintenance import PRIVATE_MODE

_COPY = "converted"


@dataclass(frozen=True, slots=True)
class Converted:
    """A journal replaced by its converted copy: where, and how many entries it holds."""

    path: Path
    entries: int


def convert(path: Path, *, old: str | None, new: str | None) -> Converted:
    """Replace the journal at `path` (read with `old`, None when plain) by a copy keyed `new`."""
    real = Path(os.path.realpath(path))  # through a symlink, the file it points at changes
    temporary = real.with_name(f".{real.name}.converting-{os.urandom(4).hex()}")
    source = guard = None
    try:
        source = _open(real, old)
        _leave_wal(source, path)
        guard = _open(real, old)
        guard.execute("BEGIN IMMEDIATE")  # no other terminal writes until the rename
        _remove_unfinished(real)
        expected = _facts(source)
        _export(source, temporary, new, expected)
        entries = _verify(temporary, new, expected, path)
        _replace(temporary, real)
    except connection.Error as exc:
        raise as_journal_error(path, exc) from None
    finally:
        for conn in (guard, source):
            if conn is not None:
                conn.close()
        for leftover in (temporary, Path(f"{temporary}-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    if new:
        cipher.remember(path, new)  # the rest of this command opens it with the new key
    return Converted(path=path, entries=entries)


def _remove_unfinished(real: Path) -> None:
    """Copies a killed conversion left (a decrypted one holds plain text): only ever made
    under the write lock that is held now."""
    for leftover in real.parent.glob(f".{real.name}.converting-*"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _open(path: Path, passphrase: str | None) -> Any:
    """A SQLCipher connection to the journal; one without a key reads a plain file."""
    module = cipher.driver()
    conn = module.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
    conn.execute("PRAGMA cipher_log_level = NONE")
    if passphrase is not None:
        conn.set_key(passphrase)
    return conn


def _leave_wal(conn: Any, path: Path) -> None:
    """Checkpoint the -wal into the file and remove it (and the -shm) with WAL mode."""
    mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    if mode != "delete":
        raise JournalError(
            f"{path} is in use in another terminal (it stays in {mode} mode); "
            "close it there and try again; nothing was changed"
        )


def _facts(conn: Any, schema: str = "main") -> dict[str, int]:
    """What a faithful copy must match: schema version, application id, rows per table."""
    facts = {
        "user_version": conn.execute(f"PRAGMA {schema}.user_version").fetchone()[0],
        "application_id": conn.execute(f"PRAGMA {schema}.application_id").fetchone()[0],
    }
    tables = conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
    ).fetchall()
    for (name,) in tables:
        quoted = name.replace('"', '""')
        facts[name] = conn.execute(f'SELECT count(*) FROM {schema}."{quoted}"').fetchone()[0]
    return facts


def _export(source: Any, temporary: Path, new: str | None, expected: dict[str, int]) -> None:
    """Write the whole journal into `temporary`, a private file keyed with `new` ('' plain)."""
    os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_MODE))
    source.execute(f"ATTACH DATABASE ? AS {_COPY} KEY ?", (str(temporary), new or ""))
    try:
        source.execute(f"SELECT sqlcipher_export('{_COPY}')")
        # sqlcipher_export copies tables and rows; the header's numbers are set here.
        source.execute(f"PRAGMA {_COPY}.user_version = {int(expected['user_version'])}")
        source.execute(f"PRAGMA {_COPY}.application_id = {int(expected['application_id'])}")
    finally:
        source.execute(f"DETACH DATABASE {_COPY}")


def _verify(temporary: Path, new: str | None, expected: dict[str, int], path: Path) -> int:
    """Open the copy as the next command will, and compare it with the journal."""
    with contextlib.closing(_open(temporary, new)) as copy:
        found = copy.execute("PRAGMA integrity_check").fetchall()
        facts = _facts(copy)
    if found != [("ok",)] or facts != expected:
        raise JournalError(
            f"the converted copy of {path} did not match it; the journal is unchanged"
        )
    return facts.get("entries", 0)


def _replace(temporary: Path, real: Path) -> None:
    """Flush the copy, give it the journal's name in one rename, flush the folder."""
    from fourlooks import files

    files.sync_file(temporary)
    os.chmod(temporary, PRIVATE_MODE)
    os.replace(temporary, real)
    with contextlib.suppress(OSError):  # not every system can open a folder to flush it
        fd = os.open(real.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
