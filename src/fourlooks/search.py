"""Full-text search: entries containing every term, best first, each with its snippet.

The query is parsed by `fulltext.parse_query`; the index and the ranking live in
store/search.py. Everything the results screen shows is gathered here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from fourlooks.model import Entry, row_limit

if TYPE_CHECKING:
    from fourlooks.fulltext import Term
    from fourlooks.model import Filters
    from fourlooks.store import Journal


class Hit(NamedTuple):
    entry: Entry
    score: float  # bm25: lower is a better match
    short_id: str
    snippet: list[tuple[str, bool]]  # the text around the matches, as (piece, is_match)


def search(
    journal: Journal, terms: list[Term], filters: Filters, *, limit: int, short_ids: bool = True
) -> list[Hit]:
    """The best `limit` matches (0: all) that pass the filters; a tag is not a search filter.

    short_ids=False leaves each short_id empty, saving a query per hit when only full ids
    are shown (JSON).
    """
    from fourlooks import fulltext
    from fourlooks.store import entries
    from fourlooks.store import search as index

    if filters.tag is not None:
        raise ValueError("search does not filter by tag")
    found = index.search(
        journal,
        terms,
        look=filters.look,
        date_from=filters.date_from,
        date_to=filters.date_to,
        person=filters.person,
        limit=row_limit(limit),
    )
    short = entries.short_ids(journal, [entry.id for entry, _ in found]) if short_ids else {}
    return [
        Hit(
            entry,
            score,
            short.get(entry.id, ""),
            fulltext.snippet(entry.text, _spans(entry, terms)),
        )
        for entry, score in found
    ]


def _spans(entry: Entry, terms: list[Term]) -> list[tuple[int, int]]:
    from fourlooks import fulltext

    return fulltext.highlight_spans(entry.text, terms)
