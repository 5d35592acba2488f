"""The versions of each entry the journal has held: its id, a hash of its content, and the
`updated_at` it had.

The store records one whenever it writes an entry (store.entries: add, edit, review answers
and imports all go through it), and migration m007 recorded every entry's version then. The
merge asks it about an incoming copy older than the stored one: a copy the journal has held
before is a stale one (an old export imported again) and changes nothing; one it never held
was written elsewhere and lost to a later edit here, a real conflict (store.conflicts).
"""

from __future__ import annotations

import enum
import json
from collections.abc import Sequence

from fourlooks.digests import sha256
from fourlooks.model import Entry, field_names
from fourlooks.store import Journal, in_chunks

# What an entry says, as opposed to when it was written: two copies with the same content
# and other timestamps are one version.
_WHEN = ("id", "created_at", "updated_at")
CONTENT_FIELDS = tuple(name for name in field_names(Entry) if name not in _WHEN)


def content_hash(entry: Entry) -> str:
    return values_hash([getattr(entry, name) for name in CONTENT_FIELDS])


def values_hash(values: Sequence[object]) -> str:
    """The hash of an entry's content, its values given in CONTENT_FIELDS order."""
    plain = [
        sorted(value) if isinstance(value, (tuple, list)) else
        value.value if isinstance(value, enum.Enum) else value
        for value in values
    ]  # fmt: skip
    text = json.dumps(plain, ensure_ascii=False, separators=(",", ":"))
    # 128 bits: ample to tell the versions of one entry apart, half the size on disk.
    return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def record(journal: Journal, entries: Sequence[Entry]) -> None:
    """Note these entries' versions (inside the caller's transaction)."""
    journal.conn.executemany(
        "INSERT OR IGNORE INTO entry_versions (entry_id, content, updated_at) VALUES (?, ?, ?)",
        ((entry.id, content_hash(entry), entry.updated_at) for entry in entries),
    )


def held(journal: Journal, entries: Sequence[Entry]) -> set[str]:
    """The ids of these entries whose very content the journal has held at some time."""
    sql = "SELECT entry_id, content FROM entry_versions WHERE entry_id IN ({marks})"
    known = set(in_chunks(journal, sql, sorted({entry.id for entry in entries})))
    return {entry.id for entry in entries if (entry.id, content_hash(entry)) in known}
