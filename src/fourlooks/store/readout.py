"""Export: the journal read out in a stable order, for the export's writers.

Reading streams entries a batch at a time (store.entries.iterate), so an export's memory
does not grow with the journal; `snapshot` keeps one consistent view for the whole export.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from fourlooks.model import Cadence, Decision, Entry, Filters, Goal, LessonLink, Review, Task
from fourlooks.store import Journal, read_rows
from fourlooks.store import decisions as _decisions
from fourlooks.store import entries as _entries
from fourlooks.store import goals as _goals
from fourlooks.store import lessons as _lessons
from fourlooks.store import reviews as _reviews
from fourlooks.store import tasks as _tasks

EXPORT_CACHE_KIB = -256  # SQLite's unit: a negative size is in KiB
EXPORT_BATCH = 250  # entries read at a time: 1,000 held ~3.7 MB at once, 250 as fast


@contextlib.contextmanager
def snapshot(journal: Journal) -> Iterator[None]:
    """One consistent view of the journal for a whole export.

    An export reads in many statements; inside one read transaction (WAL) it sees the journal
    as it was when it began, while other terminals keep writing.
    """
    if journal.conn.in_transaction:
        yield
        return
    conn = journal.conn
    (cache,) = conn.execute("PRAGMA cache_size").fetchone()
    # The export reads the journal once, in order: a small page cache serves it as well as
    # SQLite's default 2 MB (the operating system caches the file), and an export's memory
    # is held to twice the bare script's.
    conn.execute(f"PRAGMA cache_size = {EXPORT_CACHE_KIB}")
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")  # nothing was written: ending the read is all
        conn.execute(f"PRAGMA cache_size = {int(cache)}")


def count_entries(journal: Journal, filters: Filters = Filters()) -> int:
    """How many entries an export with these filters covers (for a progress bar)."""
    return _entries.count(journal, **filters.as_kwargs())


def entries(journal: Journal, filters: Filters = Filters()) -> Iterator[Entry]:
    """The entries the filters select, oldest first, streamed."""
    return _entries.iterate(journal, batch=EXPORT_BATCH, **filters.as_kwargs())


def followed_up(journal: Journal, filters: Filters = Filters()) -> list[str]:
    """The commitment each follow-up among these entries follows up (an id per follow-up)."""
    return _entries.commitments_followed(journal, **filters.as_kwargs())


@dataclass
class Selection:
    """A self-contained part of the journal: chosen entries and all they refer to."""

    entry_ids: set[str] = field(default_factory=set)
    review_ids: set[str] = field(default_factory=set)
    task_ids: set[str] = field(default_factory=set)
    first_date: str | None = None
    last_date: str | None = None


def select(journal: Journal, filters: Filters) -> Selection:
    """The ids a filtered JSON export needs so that it imports into an empty journal.

    Besides the entries chosen: the look-ahead entries their follow-ups refer to, the reviews
    and tasks they belong to, and (for a date range alone) the reviews of those days.
    """
    chosen = Selection()
    commitments: set[str] = set()

    def note(entry: Entry) -> None:
        chosen.entry_ids.add(entry.id)
        chosen.first_date = min(chosen.first_date or entry.date, entry.date)
        chosen.last_date = max(chosen.last_date or entry.date, entry.date)
        chosen.review_ids.update({entry.review_id} - {None})
        chosen.task_ids.update({entry.task_id} - {None})
        commitments.update({entry.commitment_id} - {None})

    for entry in entries(journal, filters):  # streamed: only ids are kept
        note(entry)
    while wanted := sorted(commitments - chosen.entry_ids):
        for entry_id in wanted:
            note(_entries.get(journal, entry_id))
    if filters.look is None and filters.tag is None:
        for review in reviews(journal):
            if _period_in(review.period, filters.date_from, filters.date_to):
                chosen.review_ids.add(review.id)
    for review in reviews(journal, chosen.review_ids):
        chosen.task_ids.update({review.task_id} - {None})
    return chosen


def _period_in(period: str, first: str | None, last: str | None) -> bool:
    """Whether a review's day (YYYY-MM-DD) or month (YYYY-MM) falls in a date range."""
    return (first is None or period >= first[: len(period)]) and (
        last is None or period <= last[: len(period)]
    )


def selected_entries(journal: Journal, chosen: Selection) -> Iterator[Entry]:
    """The entries of a selection, oldest first, streamed."""
    if not chosen.entry_ids:
        return
    bounds = Filters(date_from=chosen.first_date, date_to=chosen.last_date)
    for entry in entries(journal, bounds):
        if entry.id in chosen.entry_ids:
            yield entry


def tasks(journal: Journal, ids: set[str] | None = None) -> Iterator[Task]:
    """Tasks (all, or those with the ids given) in the order they were created."""
    return _tasks.in_creation_order(journal, ids)


def task_titles(journal: Journal) -> dict[str, str]:
    return _tasks.titles(journal)


def goals(journal: Journal) -> list[Goal]:
    """Every goal, in the order they were created."""
    return _goals.in_creation_order(journal)


def lesson_links(journal: Journal, entry_ids: set[str] | None = None) -> list[LessonLink]:
    """The links between lessons (all, or those joining two of these entries), oldest first."""
    found = _lessons.links(journal)
    if entry_ids is None:
        return found
    return [link for link in found if {link.lesson_id, link.same_as} <= entry_ids]


def lesson_times(journal: Journal) -> dict[str, tuple[int, int, str]]:
    """Each lesson written more than once: (which time this is, how many times, since when).

    What fourlooks.lessons.register(recurring=True) says of each, read lean for an export:
    only the lessons a link joins (one no link joins was written once), and of those only
    the id and date (the register's whole entries held ~13 MB of a 100k journal's export).
    """
    from fourlooks.lessons import QUESTION_IDS

    links = _lessons.links(journal)
    if not links:
        return {}
    marks = ", ".join("?" * len(QUESTION_IDS))
    rows = read_rows(
        journal,
        f"SELECT id, date FROM entries WHERE question_id IN ({marks}) AND id IN"
        " (SELECT lesson_id FROM lesson_links UNION SELECT same_as FROM lesson_links)"
        " ORDER BY date, created_at, id",
        QUESTION_IDS,
    )
    parent = {entry_id: entry_id for entry_id, _ in rows}

    def root(entry_id: str) -> str:
        while parent[entry_id] != entry_id:
            parent[entry_id] = parent[parent[entry_id]]
            entry_id = parent[entry_id]
        return entry_id

    for link in links:  # as lessons groups them: links between two lessons only
        if link.lesson_id in parent and link.same_as in parent:
            parent[root(link.lesson_id)] = root(link.same_as)
    groups: dict[str, list[tuple[str, str]]] = {}
    for entry_id, day in rows:  # earliest first
        groups.setdefault(root(entry_id), []).append((entry_id, day))
    return {
        entry_id: (nth, len(group), group[0][1])
        for group in groups.values()
        if len(group) > 1
        for nth, (entry_id, _) in enumerate(group, 1)
    }


def decisions(journal: Journal) -> list[Decision]:
    """Every decision, by the day it was written down."""
    return _decisions.in_creation_order(journal)


def reviews(journal: Journal, ids: set[str] | None = None) -> Iterator[Review]:
    """Reviews with the questions they skipped, by period, cadence and task."""
    return _reviews.in_period_order(journal, ids)


def days(journal: Journal, filters: Filters = Filters()) -> list[tuple[str, bool]]:
    """The distinct (date, is a monthly self-audit answer) pairs an export covers."""
    pairs = _entries.dates_and_cadences(journal, **filters.as_kwargs())
    return sorted({(day, cadence == Cadence.MONTHLY) for day, cadence in pairs})
