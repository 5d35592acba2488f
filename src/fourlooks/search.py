"""Full-text search: entries containing every term, best first, each with its snippet;
then the goals and decisions containing them.

The query is parsed by `fulltext.parse_query`; the index and the ranking of entries live in
store/search.py. Goals and decisions are a few one-line texts each journal holds in the
hundreds at most: they are matched here, term by term, as highlighting matches
(fulltext.contains_all), not through an index kept by triggers. Everything the results screen
shows is gathered here.
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
    caption: str | None = None  # what an answer answered (fourlooks.captions), for a person


def search(
    journal: Journal,
    terms: list[Term],
    filters: Filters,
    *,
    limit: int,
    short_ids: bool = True,
    lang: str | None = None,
) -> list[Hit]:
    """The best `limit` matches (0: all) that pass the filters; a tag is not a search filter.

    short_ids=False leaves each short_id empty, saving a query per hit when only full ids
    are shown (JSON); `lang` names each answer by its question, in that language.
    """
    from fourlooks import captions, fulltext
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
    named = captions.gather(journal, [entry for entry, _ in found], lang) if lang else None
    return [
        Hit(
            entry,
            score,
            short.get(entry.id, ""),
            fulltext.snippet(entry.text, _spans(entry, terms)),
            named.heading(entry) if named else None,
        )
        for entry, score in found
    ]


class RecordHit(NamedTuple):
    """A goal or a decision whose text holds every term."""

    kind: str  # "goal" or "decision"
    id: str
    short_id: str
    when: str  # a goal's year or month; the day a decision was written down
    state: str  # its state's value
    snippet: list[tuple[str, bool]]


def records(journal: Journal, terms: list[Term]) -> list[RecordHit]:
    """The goals, then the decisions, whose text holds every term, oldest first."""
    from fourlooks import fulltext
    from fourlooks.store import decisions, goals

    found = [
        ("goal", goal.id, goal.period, goal.state.value, goal.text)
        for goal in goals.in_creation_order(journal)
    ] + [
        ("decision", d.id, d.date, d.state.value, d.text)
        for d in decisions.in_creation_order(journal)
    ]
    matching = [row for row in found if fulltext.contains_all(row[4], terms)]
    short = {
        "goal": goals.short_ids(journal, [r[1] for r in matching if r[0] == "goal"]),
        "decision": decisions.short_ids(journal, [r[1] for r in matching if r[0] == "decision"]),
    }
    return [
        RecordHit(kind, record_id, short[kind][record_id], when, state,
                  fulltext.snippet(text, fulltext.highlight_spans(text, terms)))
        for kind, record_id, when, state, text in matching
    ]  # fmt: skip


def _spans(entry: Entry, terms: list[Term]) -> list[tuple[int, int]]:
    from fourlooks import fulltext

    return fulltext.highlight_spans(entry.text, terms)
