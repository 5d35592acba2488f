"""Incoming copies older than the journal's: stale ones skipped, real conflicts kept.

The merge keeps the newer `updated_at`. An older copy in a file is either a version the
journal has held before (an old export imported again, or one the other machine had not
yet replaced: nothing is lost by skipping it) or a version it never held: an edit made on
the other machine that lost to a later edit here. That one is typed text; it is kept, as a
separate entry tagged `conflict`, and the import says so.
"""

from __future__ import annotations

import dataclasses
import uuid

from fourlooks.model import Entry
from fourlooks.store import Journal, existing_ids, versions
from fourlooks.store import entries as _entries

TAG = "conflict"
# The kept copy's id is derived from the original's id and content, so importing the same
# file again (or another file carrying the same version) keeps it once.
_NAMESPACE = uuid.UUID("6f1c1c3e-5e0a-4d7e-9a0f-4c6f6e666c74")


def unchanged(journal: Journal, copies: list[Entry]) -> set[str]:
    """The ids of copies that differ from the stored entries only in their timestamps.

    Such a copy is not a change: jrnl's files carry no time zone, so the same file read
    under another zone gives the same entries other timestamps, and must change nothing.
    """
    if not copies:
        return set()
    stored = _entries.by_ids(journal, [entry.id for entry in copies])
    untimed = {"created_at": "", "updated_at": ""}
    return {
        entry.id
        for entry in copies
        if dataclasses.replace(entry, **untimed) == dataclasses.replace(stored[entry.id], **untimed)
    }


def real(journal: Journal, older: list[Entry]) -> list[Entry]:
    """Those of these older copies that differ from the stored entry and were never held."""
    same = unchanged(journal, older)
    different = [entry for entry in older if entry.id not in same]
    held = versions.held(journal, different)
    return [entry for entry in different if entry.id not in held]


def kept_copies(journal: Journal, conflicts: list[Entry]) -> list[tuple[Entry, Entry]]:
    """(original, copy to add) for each conflict not kept already."""
    copies = [(entry, copy_of(entry)) for entry in conflicts]
    there = existing_ids(journal, "entries", [copy.id for _, copy in copies])
    return [(entry, copy) for entry, copy in copies if copy.id not in there]


def copy_of(entry: Entry) -> Entry:
    """The losing version as an entry of its own: its text, day, look and tags, plus
    `conflict`. It answers no review and follows up nothing (the entry it was a version of
    does), so that no review or report counts the same answer twice."""
    name = f"{entry.id}/{versions.content_hash(entry)}"
    return dataclasses.replace(
        entry,
        id=str(uuid.uuid5(_NAMESPACE, name)),
        tags=tuple(sorted({*entry.tags, TAG})),
        cadence=None,
        question_id=None,
        review_id=None,
        commitment_id=None,
    )
