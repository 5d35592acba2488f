"""The entries core: filters, the listing's limit, who stamps updated_at, and delete's consent."""

from __future__ import annotations

import pytest

from fourlooks import entries, store
from fourlooks.errors import UsageError
from fourlooks.model import Filters, Look


@pytest.fixture
def journal(tmp_path):
    with store.open_journal(tmp_path / "j.db") as opened:
        yield opened


def add(journal, date, text, look=Look.BACK, tags=()):
    return entries.add(journal, date=date, look=look, text=text, tags=tags)


def test_filters_refuse_a_range_that_ends_before_it_starts():
    with pytest.raises(UsageError, match="--from 2026-11-02 is after --to 2026-11-01"):
        Filters(date_from="2026-11-02", date_to="2026-11-01")
    assert Filters(date_from="2026-11-01", date_to="2026-11-01").given()
    assert not Filters().given()


def test_listing_is_newest_first_a_limit_of_0_means_all_and_short_ids_come_along(journal):
    for day in ("2026-11-01", "2026-11-03", "2026-11-02"):
        add(journal, day, f"on {day}")
    newest = entries.listing(journal, Filters(), limit=2)
    assert [entry.date for entry in newest.entries] == ["2026-11-03", "2026-11-02"]
    assert newest.short_ids == {entry.id: entry.id[:8] for entry in newest.entries}
    everything = entries.listing(journal, Filters(), limit=0, short_ids=False)
    assert len(everything.entries) == 3 and everything.short_ids == {}
    ranged = entries.listing(journal, Filters(date_to="2026-11-02"), limit=0)
    assert [entry.date for entry in ranged.entries] == ["2026-11-02", "2026-11-01"]


def test_edit_writes_and_stamps_updated_at_only_when_something_differs(journal):
    added = add(journal, "2026-11-01", "first", tags=["a"])
    same = entries.edit(
        journal, added.short_id, entries.Change(text="first", tags=["a", "a"]), ask_text=str
    )
    assert not same.changed and entries.get(journal, added.entry.id) == added.entry
    done = entries.edit(
        journal, added.short_id, entries.Change(look=Look.UP, tags=["b", "a"]), ask_text=str
    )
    stored = entries.get(journal, added.entry.id)
    assert done.changed and stored == done.entry
    assert (stored.look, stored.tags, stored.text) == (Look.UP, ("a", "b"), "first")
    assert stored.updated_at > stored.created_at == added.entry.created_at


def test_edit_asks_for_the_text_only_when_no_change_was_given(journal):
    added = add(journal, "2026-11-01", "old words")
    asked = []

    def ask(old: str) -> str:
        asked.append(old)
        return "new words"

    entries.edit(journal, added.short_id, entries.Change(date="2026-11-02"), ask_text=ask)
    assert asked == []
    done = entries.edit(journal, added.short_id, entries.Change(), ask_text=ask)
    assert asked == ["old words"] and done.entry.text == "new words"


def test_delete_removes_the_entry_only_when_confirm_agrees_after_seeing_it(journal):
    added = add(journal, "2026-11-01", "keep or not")
    seen = []

    def refuse(found: entries.EntryRef) -> bool:
        seen.append(found)
        return False

    assert entries.delete(journal, added.short_id, confirm=refuse) is None
    assert seen == [added] and entries.get(journal, added.entry.id) == added.entry
    assert entries.delete(journal, added.short_id, confirm=lambda found: True) == added
    assert entries.listing(journal, Filters(), limit=0).entries == []
