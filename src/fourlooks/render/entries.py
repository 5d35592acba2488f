"""Entry screens beyond the listing: what `delete` asks, what `list` says when empty."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fourlooks.render import shown

if TYPE_CHECKING:
    from fourlooks.entries import EntryRef, Listing


def delete_question(found: EntryRef) -> str:
    """Enough of the entry to recognise it: short id, day, look, the start of its first line."""
    entry = found.entry
    first_line = shown(entry.text.splitlines()[0][:60]) if entry.text else ""
    return f"Delete {found.short_id} ({entry.date}, {entry.look.value}: {first_line})?"


def nothing_listed(found: Listing) -> str:
    return "No entries." if found.filters.given() else "No entries yet."


def more_listed(found: Listing, *, as_json: bool) -> str:
    """What a listing cut at its limit leaves out, and how to see it all."""
    held = "The JSON holds" if as_json else "Showing"
    return (
        f"{held} the newest {len(found.entries)}; {found.more} more match:"
        f" -n 0 {'returns' if as_json else 'lists'} them all."
    )
