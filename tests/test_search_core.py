"""The search core: hits best first, each with its short id and its snippet's matches marked."""

from __future__ import annotations

import pytest

from fourlooks import entries, fulltext, search, store
from fourlooks.model import Filters, Look


@pytest.fixture
def journal(tmp_path):
    with store.open_journal(tmp_path / "j.db") as opened:
        yield opened


def add(journal, date, text, look=Look.BACK):
    return entries.add(journal, date=date, look=look, text=text, tags=())


def test_a_hit_carries_its_short_id_and_a_snippet_with_the_match_marked(journal):
    added = add(journal, "2026-11-01", "the goal for the week")
    add(journal, "2026-11-02", "nothing to see")
    [hit] = search.search(journal, fulltext.parse_query("goal"), Filters(), limit=20)
    assert (hit.entry, hit.short_id) == (added.entry, added.short_id)
    assert ("goal", True) in hit.snippet
    assert "".join(text for text, _ in hit.snippet) == "the goal for the week"


def test_filters_and_a_limit_of_0_for_all(journal):
    for day, look in (("2026-11-01", Look.UP), ("2026-11-02", Look.UP), ("2026-11-03", Look.AHEAD)):
        add(journal, day, f"goal on {day}", look)
    terms = fulltext.parse_query("goal")
    assert len(search.search(journal, terms, Filters(), limit=0)) == 3
    assert len(search.search(journal, terms, Filters(), limit=2)) == 2
    ups = search.search(journal, terms, Filters(look=Look.UP), limit=0)
    assert sorted(hit.entry.date for hit in ups) == ["2026-11-01", "2026-11-02"]
    late = search.search(journal, terms, Filters(date_from="2026-11-02"), limit=0)
    assert sorted(hit.entry.date for hit in late) == ["2026-11-02", "2026-11-03"]


def test_json_results_skip_the_short_ids_and_a_tag_is_refused(journal):
    add(journal, "2026-11-01", "goal")
    terms = fulltext.parse_query("goal")
    [hit] = search.search(journal, terms, Filters(), limit=0, short_ids=False)
    assert hit.short_id == ""
    with pytest.raises(ValueError, match="tag"):
        search.search(journal, terms, Filters(tag="work"), limit=0)
