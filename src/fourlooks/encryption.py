"""`encrypt`, `decrypt` and `rekey`: which passphrase, then one checked conversion.

Whether the journal is encrypted is read from the file (store.connection.is_encrypted),
never from a setting, so a journal cannot be encrypted twice or "decrypted" when it is
plain. The journal is opened the usual way first: it must be a fourlooks journal, it is
brought to the current schema (saving its copy first), and a wrong passphrase is refused
before a new one is asked for. The conversion itself is store.conversion's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fourlooks import passphrase
from fourlooks.errors import UsageError

# Copies fourlooks writes beside a journal: backups, copies kept before a migration or a
# restore. Each is a copy of the journal as it was when made.
_COPY_PATTERNS = ("{name}.schema*.bak", "{name}.before-restore-*", "{stem}-*{suffix}")


@dataclass(frozen=True, slots=True)
class Done:
    """What a conversion did: the journal, its entries, plain copies beside it, the keyring."""

    path: Path
    entries: int
    plain_copies: list[Path] = field(default_factory=list)
    kept_in_keyring: bool | None = None  # None: not asked to keep it


def encrypt(path: Path, *, keyring: bool = False) -> Done:
    """Encrypt the plain journal at `path` with a new passphrase (typed twice)."""
    from fourlooks.store import cipher, connection, conversion

    _require(path)
    if connection.is_encrypted(path):
        raise UsageError(f"{path} is encrypted already; `fourlooks rekey` changes its passphrase")
    cipher.driver()  # the extra is missing: say so before asking for a passphrase
    _open_and_close(path)
    new = passphrase.new(path, current=True)
    done = conversion.convert(path, old=None, new=new)
    return Done(path, done.entries, plain_copies(path), _keep(path, new, keyring))


def decrypt(path: Path) -> Done:
    """Turn the encrypted journal at `path` back into a plain SQLite file."""
    from fourlooks.store import cipher, connection, conversion

    _require(path)
    if not connection.is_encrypted(path):
        raise UsageError(f"{path} is not encrypted; nothing was changed")
    _open_and_close(path)
    done = conversion.convert(path, old=cipher.known(path), new=None)
    passphrase.forget(path)  # a plain journal has no passphrase to keep
    return Done(path, done.entries)


def rekey(path: Path, *, keyring: bool = False) -> Done:
    """Give the encrypted journal at `path` a new passphrase."""
    from fourlooks.store import cipher, connection, conversion

    _require(path)
    if not connection.is_encrypted(path):
        raise UsageError(f"{path} is not encrypted; `fourlooks encrypt` encrypts it")
    _open_and_close(path)
    old = cipher.known(path)
    new = passphrase.new(path, current=False)
    if new == old:
        raise UsageError("the new passphrase is the old one; nothing was changed")
    kept_before = passphrase.kept(path)  # a kept passphrase is replaced by the new one
    done = conversion.convert(path, old=old, new=new)
    return Done(path, done.entries, kept_in_keyring=_keep(path, new, keyring or kept_before))


def _require(path: Path) -> None:
    if not path.is_file():
        raise UsageError(f"no journal at {path}; nothing was changed")


def _open_and_close(path: Path) -> None:
    """Open the journal as any command does: ours, current, the passphrase right."""
    from fourlooks import store

    store.open_journal(path, create=False).close()


def _keep(path: Path, new: str, keyring: bool) -> bool | None:
    return passphrase.remember(path, new) if keyring else None


def plain_copies(path: Path) -> list[Path]:
    """Copies fourlooks made beside the journal that are plain SQLite files, oldest first."""
    from fourlooks.store import connection

    found: set[Path] = set()
    for pattern in _COPY_PATTERNS:
        glob = pattern.format(name=path.name, stem=path.stem, suffix=path.suffix)
        found.update(path.parent.glob(glob))
    return sorted(
        (copy for copy in found if copy.is_file() and _is_plain_database(copy, connection)),
        key=lambda copy: copy.stat().st_mtime,
    )


def _is_plain_database(path: Path, connection) -> bool:
    try:
        with open(path, "rb") as file:
            return file.read(len(connection.SQLITE_HEADER)) == connection.SQLITE_HEADER
    except OSError:
        return False
