"""Export and import: the journal read out in a stable order, and files merged in.

Reading streams entries a batch at a time (store.entries.iterate), so an export's memory
does not grow with the journal. Merging is one transaction: a file is imported whole or not
at all. Records are matched by id; where both sides have one, the newer `updated_at` wins
(tasks and entries), and a review taken on both machines is merged into one. A large merge
asks about ids in batches and indexes its entries for search in one go (docs/performance.md).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from fourlooks.errors import ImportFileError
from fourlooks.formats import Bundle, ReviewRecord
from fourlooks.model import Cadence, Entry, Look, Task
from fourlooks.store import Journal
from fourlooks.store import entries as _entries
from fourlooks.store import search as _search
from fourlooks.store import tasks as tasks_store

_REVIEW_COLUMNS = "id, cadence, period, task_id, started_at, completed_at"


@dataclass(frozen=True)
class Filters:
    """Which entries an export covers; all of them when nothing is set."""

    date_from: str | None = None
    date_to: str | None = None
    look: Look | None = None
    tag: str | None = None

    def given(self) -> bool:
        return any(value is not None for value in dataclasses.astuple(self))

    def as_kwargs(self) -> dict[str, object]:
        return {key: value for key, value in dataclasses.asdict(self).items() if value is not None}


# Reading out.


@contextlib.contextmanager
def snapshot(journal: Journal) -> Iterator[None]:
    """One consistent view of the journal for a whole export.

    An export reads in many statements; inside one read transaction (WAL) it sees the journal
    as it was when it began, while other terminals keep writing.
    """
    if journal.conn.in_transaction:
        yield
        return
    journal.conn.execute("BEGIN")
    try:
        yield
    finally:
        journal.conn.execute("ROLLBACK")  # nothing was written: ending the read is all


def count_entries(journal: Journal, filters: Filters = Filters()) -> int:
    """How many entries an export with these filters covers (for a progress bar)."""
    where, params = _entries._filters(**filters.as_kwargs())
    sql = "SELECT count(*) FROM entries" + (" WHERE " + " AND ".join(where) if where else "")
    return journal.conn.execute(sql, params).fetchone()[0]


def entries(journal: Journal, filters: Filters = Filters()) -> Iterator[Entry]:
    """The entries the filters select, oldest first, streamed."""
    return _entries.iterate(journal, **filters.as_kwargs())


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
    for row in journal.conn.execute(
        f"SELECT {tasks_store.COLUMNS} FROM tasks ORDER BY created_at, id"
    ).fetchall():
        if ids is None or row[0] in ids:
            yield tasks_store.from_row(row)


def task_titles(journal: Journal) -> dict[str, str]:
    return dict(journal.conn.execute("SELECT id, title FROM tasks").fetchall())


def reviews(journal: Journal, ids: set[str] | None = None) -> Iterator[ReviewRecord]:
    """Reviews with the questions they skipped, by period, cadence and task."""
    skipped: dict[str, list[str]] = {}
    for review_id, question_id in journal.conn.execute(
        "SELECT review_id, question_id FROM review_skips ORDER BY review_id, question_id"
    ):
        skipped.setdefault(review_id, []).append(question_id)
    rows = journal.conn.execute(
        f"SELECT {_REVIEW_COLUMNS} FROM reviews ORDER BY period, cadence, ifnull(task_id, ''), id"
    ).fetchall()
    for row in rows:
        if ids is None or row[0] in ids:
            yield _review(row, skipped.get(row[0], ()))


def days(journal: Journal, filters: Filters = Filters()) -> list[tuple[str, bool]]:
    """The distinct (date, is a monthly self-audit answer) pairs an export covers."""
    where, params = _entries._filters(**filters.as_kwargs())
    sql = (
        "SELECT DISTINCT date, ifnull(cadence, '') = 'monthly' FROM entries"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY 1, 2"
    )
    return [(day, bool(monthly)) for day, monthly in journal.conn.execute(sql, params)]


def _review(row: tuple, skipped) -> ReviewRecord:
    return ReviewRecord(
        id=row[0],
        cadence=Cadence(row[1]),
        period=row[2],
        task_id=row[3],
        started_at=row[4],
        completed_at=row[5],
        skipped=tuple(skipped),
    )


# Merging in.


@dataclass
class Counts:
    added: int = 0
    updated: int = 0
    skipped: int = 0  # already there, and not older than the file's copy


@dataclass
class MergeReport:
    entries: Counts = field(default_factory=Counts)
    tasks: Counts = field(default_factory=Counts)
    reviews: Counts = field(default_factory=Counts)
    dry_run: bool = False

    def to_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            **{
                name: dataclasses.asdict(getattr(self, name))
                for name in ("entries", "tasks", "reviews")
            },
        }


class _DryRun(Exception):
    """Raised at the end of a dry run so that the transaction rolls back."""


def merge(journal: Journal, bundle: Bundle, *, origin: str, dry_run: bool = False) -> MergeReport:
    """Import a validated file in one transaction; with dry_run, count and roll back."""
    report = MergeReport(dry_run=dry_run)
    try:
        with journal.write() as conn:
            # A follow-up may come before the look-ahead entry it refers to.
            conn.execute("PRAGMA defer_foreign_keys = ON")
            _check_references(journal, bundle, origin)
            _merge_tasks(journal, bundle.tasks, report.tasks)
            renamed = _merge_reviews(journal, bundle.reviews, report.reviews)
            _merge_entries(journal, bundle.entries, renamed, report.entries)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


# SQLite limits the parameters of one statement; 500 ids a query is well within any build.
_CHUNK = 500


def _by_id(journal: Journal, table: str, columns: str, ids: list[str]) -> dict[str, tuple]:
    """The rows (`columns`, id first) of the records with these ids that the journal has.

    One query per 500 ids instead of one per record: a large import asks about every one.
    """
    found: dict[str, tuple] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in journal.conn.execute(
            f"SELECT {columns} FROM {table} WHERE id IN ({marks})", chunk
        ):
            found[row[0]] = row
    return found


def _check_references(journal: Journal, bundle: Bundle, origin: str) -> None:
    """Every id a record refers to is in the file or already in the journal."""
    in_file = {
        "entries": {entry.id for entry in bundle.entries},
        "reviews": {review.id for review in bundle.reviews},
        "tasks": {task.id for task in bundle.tasks},
    }
    checks = [
        ("review", bundle.reviews, ("task_id", "tasks")),
        ("entry", bundle.entries, ("review_id", "reviews"), ("task_id", "tasks"),
         ("commitment_id", "entries")),
    ]  # fmt: skip
    elsewhere: dict[str, set[str]] = {table: set() for table in in_file}
    for _, records, *fields in checks:
        for record in records:
            for field_name, table in fields:
                target = getattr(record, field_name)
                if target is not None and target not in in_file[table]:
                    elsewhere[table].add(target)
    if not any(elsewhere.values()):
        return
    known = {table: _by_id(journal, table, "id", sorted(ids)) for table, ids in elsewhere.items()}
    # The first record at fault, in the order the file is read, is the one named.
    for noun, records, *fields in checks:
        for number, record in enumerate(records, start=1):
            for field_name, table in fields:
                target = getattr(record, field_name)
                if target in elsewhere[table] and target not in known[table]:
                    raise ImportFileError(
                        f"{origin}: {noun} #{number} (id {record.id}), field {field_name!r}:"
                        f" {target!r} is in neither the file nor the journal; nothing was imported"
                    )


def _merge_tasks(journal: Journal, tasks: list[Task], counts: Counts) -> None:
    stored = _by_id(journal, "tasks", "id, updated_at", [task.id for task in tasks])
    for task in tasks:
        row = stored.get(task.id)
        values = (
            task.title,
            task.due,
            task.state.value if task.state else None,
            task.closed_at,
            task.reviewed_at,
            task.created_at,
            task.updated_at,
            task.id,
        )
        if row is None:
            journal.conn.execute(
                f"INSERT INTO tasks ({tasks_store.COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (values[-1], *values[:-1]),
            )
            counts.added += 1
        elif _newer(task.updated_at, row[1]):
            journal.conn.execute(
                "UPDATE tasks SET title = ?, due = ?, state = ?, closed_at = ?, reviewed_at = ?,"
                " created_at = ?, updated_at = ? WHERE id = ?",
                values,
            )
            counts.updated += 1
        else:
            counts.skipped += 1
            continue
        stored[task.id] = (task.id, task.updated_at)


def _merge_reviews(journal: Journal, reviews: list[ReviewRecord], counts: Counts) -> dict[str, str]:
    """Store or merge each review; return the id kept for each id in the file."""
    stored = _by_id(journal, "reviews", _REVIEW_COLUMNS, [review.id for review in reviews])
    return {review.id: _merge_review(journal, review, stored.get(review.id), counts)
            for review in reviews}  # fmt: skip


def _merge_review(journal: Journal, review: ReviewRecord, row: tuple | None, counts: Counts) -> str:
    """Store a review, or merge it into the one with its id or period; return the id kept."""
    conn = journal.conn
    # Not found by id: the same day's review may have been taken on another machine (or
    # stored earlier in this import), under another id.
    row = (
        row
        or conn.execute(
            f"SELECT {_REVIEW_COLUMNS} FROM reviews"
            " WHERE cadence = ? AND period = ? AND ifnull(task_id, '') = ?",
            (review.cadence.value, review.period, review.task_id or ""),
        ).fetchone()
    )
    if row is None:
        conn.execute(
            f"INSERT INTO reviews ({_REVIEW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
            (
                review.id,
                review.cadence.value,
                review.period,
                review.task_id,
                review.started_at,
                review.completed_at,
            ),
        )
        _add_skips(journal, review.id, review.skipped)
        counts.added += 1
        return review.id
    kept_id, started_at, completed_at = row[0], row[4], row[5]
    # The same review on two machines: it started at the earlier start, and is complete
    # from the earlier completion; the questions skipped on either stay skipped.
    new_started = min(started_at, review.started_at, key=_instant)
    new_completed = min(
        (c for c in (completed_at, review.completed_at) if c), key=_instant, default=None
    )
    added_skips = _add_skips(journal, kept_id, review.skipped)
    if (new_started, new_completed) != (started_at, completed_at):
        conn.execute(
            "UPDATE reviews SET started_at = ?, completed_at = ? WHERE id = ?",
            (new_started, new_completed, kept_id),
        )
        counts.updated += 1
    elif added_skips:
        counts.updated += 1
    else:
        counts.skipped += 1
    return kept_id


def _add_skips(journal: Journal, review_id: str, question_ids: tuple[str, ...]) -> int:
    added = 0
    for question_id in question_ids:
        cursor = journal.conn.execute(
            "INSERT OR IGNORE INTO review_skips (review_id, question_id) VALUES (?, ?)",
            (review_id, question_id),
        )
        added += cursor.rowcount
    return added


# From this many entries written on, the search triggers are paused and the entries indexed
# in one statement (store.search.deferred). Pausing costs ~2 ms; into a 100k-entry journal,
# 30 entries took 6 ms through the triggers and 10 ms in a batch, 100 took 20 and 15 ms.
DEFER_INDEX_MIN_ENTRIES = 100


def _merge_entries(
    journal: Journal, records: list[Entry], renamed: dict[str, str], counts: Counts
) -> None:
    """Add the new entries and replace the older copies, with one statement per table."""
    stored = {
        entry_id: row[1]
        for entry_id, row in _by_id(
            journal, "entries", "id, updated_at", [entry.id for entry in records]
        ).items()
    }
    added: list[Entry] = []
    updated: list[Entry] = []
    for entry in records:
        if renamed.get(entry.review_id, entry.review_id) != entry.review_id:
            entry = dataclasses.replace(entry, review_id=renamed[entry.review_id])
        have = stored.get(entry.id)
        if have is None:
            added.append(entry)
        elif _newer(entry.updated_at, have):
            updated.append(entry)
        else:
            counts.skipped += 1
            continue
        stored[entry.id] = entry.updated_at
    counts.added += len(added)
    counts.updated += len(updated)
    many = len(added) + len(updated) >= DEFER_INDEX_MIN_ENTRIES
    with _search.deferred(journal) if many else contextlib.nullcontext():
        _entries.insert_many(journal, added)
        _entries.replace_many(journal, updated)


def _newer(incoming: str, stored: str) -> bool:
    """Whether the file's copy was changed after the journal's (an equal time is not newer)."""
    return _instant(incoming) > _instant(stored)


def _instant(stamp: str) -> tuple[int, dt.datetime | str]:
    """A sort key for timestamps: by the moment they name; unreadable ones first, as text."""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return (0, stamp)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return (1, moment)
