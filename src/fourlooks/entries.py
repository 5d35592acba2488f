"""Entries: adding, listing, showing, editing and deleting them, with the rules each keeps.

Each function gathers everything its command shows (short ids included), so rendering
reads no journal. Text and tags come in already cleaned (model.clean_text, clean_tag).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from fourlooks import recovery
from fourlooks.model import Entry, Filters, Look, Record, record, row_limit
from fourlooks.store import Journal, stamp_after
from fourlooks.store import entries as table

if TYPE_CHECKING:
    from fourlooks import captions


class EntryRef(NamedTuple):
    entry: Entry
    short_id: str  # as listings show it


class Listing(NamedTuple):
    entries: list[Entry]  # newest day first
    short_ids: dict[str, str]
    filters: Filters
    more: int = 0  # how many more entries pass the filters than the limit let through
    captions: captions.Captions | None = None  # how each answer reads, for a person


class Detail(NamedTuple):
    """One entry as `show` prints it: what it answered, and the short ids of what it names."""

    entry: Entry
    captions: captions.Captions
    short_ids: dict[str, str]  # the commitment or task it refers to -> its short id


@record
class Change(Record):
    """What `edit` was asked to change; None leaves a field as it is."""

    look: Look | None = None
    date: str | None = None
    tags: Sequence[str] | None = None
    text: str | None = None

    def __init__(
        self,
        look: Look | None = None,
        date: str | None = None,
        tags: Sequence[str] | None = None,
        text: str | None = None,
    ) -> None:
        object.__setattr__(self, "look", look)
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "tags", tags)
        object.__setattr__(self, "text", text)


class Edited(NamedTuple):
    entry: Entry  # as it is now
    short_id: str
    changed: bool  # False: what was asked is what was stored, and nothing was written


def add(
    journal: Journal,
    *,
    date: str,
    look: Look,
    text: str,
    tags: Sequence[str],
    typed: bool = False,
) -> EntryRef:
    """Store a new entry in one transaction.

    `typed`: the text was typed in the editor and has no other copy, so a failed save keeps
    it in a recovery file (piped text and arguments keep their source).
    """
    with recovery.kept_on_failure(lambda: text if typed else "", journal.path, "entry"):
        entry = table.add(journal, date=date, look=look, text=text, tags=tags)
    return EntryRef(entry, _short(journal, entry))


def listing(
    journal: Journal,
    filters: Filters,
    *,
    limit: int,
    short_ids: bool = True,
    lang: str | None = None,
) -> Listing:
    """The newest `limit` entries that pass the filters (0: all of them).

    short_ids=False skips a query per entry when only full ids are shown (JSON); `lang`
    gathers the captions a person reads the answers by.
    """
    found = table.query(journal, **filters.as_kwargs(), limit=row_limit(limit))
    short = table.short_ids(journal, [entry.id for entry in found]) if short_ids else {}
    # Counted only when the limit was reached: a listing that shows everything costs no more.
    cut = limit > 0 and len(found) == limit
    more = table.count(journal, **filters.as_kwargs()) - len(found) if cut else 0
    named = _captions(journal, found, lang) if lang else None
    return Listing(found, short, filters, more, named)


def check_writable(journal: Journal) -> None:
    """Fail now, not after a person has typed, when the journal cannot take a write."""
    with journal.write():
        pass  # the write lock taken and given back: read-only files and long locks show here


def get(journal: Journal, entry_id: str) -> Entry:
    """The entry whose id is, or starts with, the text given."""
    return table.get(journal, entry_id)


def detail(journal: Journal, entry_id: str, *, lang: str) -> Detail:
    """The entry whose id is, or starts with, the text given, with what `show` names of it."""
    from fourlooks.store import tasks

    entry = table.get(journal, entry_id)
    refs = {}
    if entry.commitment_id:
        refs.update(table.short_ids(journal, [entry.commitment_id]))
    if entry.task_id:
        refs.update(tasks.short_ids(journal, [entry.task_id]))
    return Detail(entry, _captions(journal, [entry], lang), refs)


def edit(
    journal: Journal, entry_id: str, change: Change, *, ask_text: Callable[[str], str]
) -> Edited:
    """Apply the change; when none was asked, the new text is `ask_text(old text)`.

    Only fields that differ are written, and only then is `updated_at` stamped. Text asked
    for is asked only once the journal has taken a write, and kept in a recovery file if
    saving it fails.
    """
    entry = table.get(journal, entry_id)
    asked = {
        "look": change.look,
        "date": change.date,
        "tags": None if change.tags is None else tuple(sorted(set(change.tags))),
        "text": change.text,
    }
    typed = ""
    if all(value is None for value in asked.values()):
        check_writable(journal)  # before anyone types, not after
        typed = asked["text"] = ask_text(entry.text)
    changed = {k: v for k, v in asked.items() if v is not None and getattr(entry, k) != v}
    if changed:
        entry = dataclasses.replace(entry, **changed, updated_at=stamp_after(entry.updated_at))
        with recovery.kept_on_failure(lambda: typed, journal.path, "edit"):
            table.replace(journal, entry)
    return Edited(entry, _short(journal, entry), bool(changed))


def delete(
    journal: Journal, entry_id: str, *, confirm: Callable[[EntryRef], bool]
) -> EntryRef | None:
    """Delete the entry if `confirm` agrees once it has seen it; None when it did not."""
    entry = table.get(journal, entry_id)
    found = EntryRef(entry, _short(journal, entry))
    if not confirm(found):
        return None
    table.delete(journal, entry.id)
    return found


def _captions(journal: Journal, found: list[Entry], lang: str) -> captions.Captions:
    """How these entries' answers read; imported here: `add` and `edit` show no captions."""
    from fourlooks import captions

    return captions.gather(journal, found, lang)


def _short(journal: Journal, entry: Entry) -> str:
    return table.short_ids(journal, [entry.id])[entry.id]
