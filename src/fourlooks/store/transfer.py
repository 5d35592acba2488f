"""Import: files merged into the journal (store.readout reads it out for an export).

Merging checks the whole file before writing any of it; a
large file is then written in batches of entries, one transaction each (see `merge`).
Records are matched by id; where both sides have one, the newer `updated_at` wins
(tasks and entries), and a review taken on both machines is merged into one. A large merge
asks about ids in batches and indexes its entries for search in one go (docs/performance.md).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import time
from dataclasses import dataclass, field
from types import ModuleType

from fourlooks.errors import ImportFileError, JournalError
from fourlooks.model import Bundle, Entry, Review
from fourlooks.store import Journal, existing_ids
from fourlooks.store import batches as _batches
from fourlooks.store import conflicts as _conflicts
from fourlooks.store import decisions as _decisions
from fourlooks.store import entries as _entries
from fourlooks.store import goals as _goals
from fourlooks.store import lessons as _lessons
from fourlooks.store import reviews as _reviews
from fourlooks.store import search as _search
from fourlooks.store import tasks as _tasks


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
    goals: Counts = field(default_factory=Counts)
    lesson_links: Counts = field(default_factory=Counts)
    decisions: Counts = field(default_factory=Counts)
    dry_run: bool = False
    transactions: int = 0  # more than one: a large file, written a batch at a time
    # (id in the file, id of the copy kept) of each older version that lost to a later edit
    conflicts: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            **{
                name: dataclasses.asdict(getattr(self, name))
                for name in ("entries", "tasks", "reviews", "goals", "lesson_links", "decisions")
            },
            "conflicts": [{"id": entry, "kept_as": copy} for entry, copy in self.conflicts],
        }


# A large import is written this many entries per transaction, so that another terminal's
# write waits for one batch, not for the whole file (it waits store.BUSY_TIMEOUT_SECONDS).
# Measured on a loaded 2-core machine (load 10-14), 100k entries into a 100k-entry journal:
# 0.07 s a batch (median), 0.21 s at most; one transaction of 30k took 1.07 s. A file of at
# most this many entries is one transaction, all or nothing.
BATCH_ENTRIES = 1000
# Between batches the lock is free this long: a waiting write (which asks again every
# store.LOCK_POLL_SECONDS) gets in, instead of the next batch taking the lock at once.
BATCH_PAUSE_SECONDS = 0.02


def merge(journal: Journal, bundle: Bundle, *, origin: str, dry_run: bool = False) -> MergeReport:
    """Import a validated file; with dry_run, count what it would do and change nothing.

    The whole file is checked in the first transaction, with the tasks, the goals, the reviews
    and the first batch of entries: a file with any problem is refused with nothing written. The
    other entries follow a batch per transaction; a stop half-way leaves whole batches, and
    importing the file again finishes it (records are matched by id: nothing comes twice).
    The decisions come with the last batch, once every answer they link to is stored.
    """
    if dry_run:
        with _batches.scratch_copy(journal) as copy:
            report = _write(copy, bundle, origin, pause=0)  # no one else writes to the copy
        report.dry_run = True
        return report
    return _write(journal, bundle, origin, pause=BATCH_PAUSE_SECONDS)


def _write(journal: Journal, bundle: Bundle, origin: str, *, pause: float) -> MergeReport:
    report = MergeReport()
    # What needs only the file is done before the lock is taken: others wait less.
    elsewhere = _referred_elsewhere(bundle)
    batches = _batches.batches(bundle.entries, BATCH_ENTRIES)
    batch, upcoming = next(batches, []), next(batches, None)
    with journal.write() as conn:
        # A follow-up may come before the look-ahead entry it refers to.
        conn.execute("PRAGMA defer_foreign_keys = ON")
        _check_references(journal, bundle, elsewhere, origin)
        _merge_newer(journal, bundle.tasks, _tasks, report.tasks)
        _merge_newer(journal, bundle.goals, _goals, report.goals)
        renamed = _merge_reviews(journal, bundle.reviews, report.reviews)
        _merge_entries(journal, batch, renamed, report)
        if upcoming is None:
            _merge_last(journal, bundle, report)
    report.transactions = 1
    while upcoming is not None:
        batch, upcoming = upcoming, next(batches, None)
        time.sleep(pause)
        done = _done(report.entries)
        try:
            with journal.write() as conn:
                conn.execute("PRAGMA defer_foreign_keys = ON")
                _merge_entries(journal, batch, renamed, report)
                if upcoming is None:  # what links entries of any batch, once all are in
                    _merge_last(journal, bundle, report)
        except JournalError as exc:
            reason = str(exc).removesuffix("; nothing was changed")
            raise JournalError(
                f"{reason}; the import stopped after {done} of {len(bundle.entries)} entries:"
                " import the file again to finish it (nothing is imported twice)"
            ) from None
        report.transactions += 1
    return report


def _merge_last(journal: Journal, bundle: Bundle, report: MergeReport) -> None:
    """What links entries of any batch: the links between lessons, and the decisions with
    the answers they link."""
    _merge_links(journal, bundle, report)
    _merge_newer(journal, bundle.decisions, _decisions, report.decisions)


def _merge_links(journal: Journal, bundle: Bundle, report: MergeReport) -> None:
    """Links between lessons are added when not held; one held already is left as it is."""
    added = _lessons.insert_links(journal, bundle.lesson_links)
    report.lesson_links.added += added
    report.lesson_links.skipped += len(bundle.lesson_links) - added


def _done(counts: Counts) -> int:
    return counts.added + counts.updated + counts.skipped


def _references(bundle: Bundle) -> list:
    """(noun, records, (field, table)...): what each kind of record refers to."""
    return [
        ("review", bundle.reviews, ("task_id", "tasks")),
        ("entry", bundle.entries, ("review_id", "reviews"), ("task_id", "tasks"),
         ("commitment_id", "entries")),
        ("goal", bundle.goals, ("task_ids", "tasks")),
        ("lesson link", bundle.lesson_links, ("lesson_id", "entries"), ("same_as", "entries")),
        ("decision", bundle.decisions, ("answer_ids", "entries")),
    ]  # fmt: skip


def _referred_elsewhere(bundle: Bundle) -> dict[str, set[str]]:
    """The ids the file's records refer to that are not in the file, by table."""
    in_file = {
        "entries": set(_batches.entry_ids(bundle.entries)),
        "reviews": {review.id for review in bundle.reviews},
        "tasks": {task.id for task in bundle.tasks},
    }
    elsewhere: dict[str, set[str]] = {table: set() for table in in_file}
    for _, records, *fields in _references(bundle):
        # A large file's entries are held packed (formats.held), with what they refer to.
        if (referred := getattr(records, "referred", None)) is not None:
            for field_name, table in fields:
                elsewhere[table] |= referred[field_name] - in_file[table]
            continue
        for record in records:
            for field_name, table in fields:
                for target in _targets(record, field_name):
                    if target not in in_file[table]:
                        elsewhere[table].add(target)
    return elsewhere


def _check_references(
    journal: Journal, bundle: Bundle, elsewhere: dict[str, set[str]], origin: str
) -> None:
    """Every id a record refers to is in the file or already in the journal."""
    if not any(elsewhere.values()):
        return
    known = {table: existing_ids(journal, table, sorted(ids)) for table, ids in elsewhere.items()}
    # The first record at fault, in the order the file is read, is the one named.
    for noun, records, *fields in _references(bundle):
        for number, record in enumerate(records, start=1):
            for field_name, table in fields:
                for target in _targets(record, field_name):
                    if target in elsewhere[table] and target not in known[table]:
                        raise ImportFileError(
                            f"{origin}: {noun} #{number} (id {record.id}), field"
                            f" {field_name!r}: {target!r} is in neither the file nor the"
                            " journal; nothing was imported"
                        )


def _targets(record: object, field_name: str) -> tuple[str, ...]:
    """The ids a field refers to: none, one, or (a goal's task_ids) several."""
    value = getattr(record, field_name)
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,)


def _merge_newer(journal: Journal, records: list, table: ModuleType, counts: Counts) -> None:
    """Tasks and goals: one not held is added, a newer copy (a goal's links too) replaces it."""
    stored = table.updated_at(journal, [record.id for record in records])
    for record in records:
        have = stored.get(record.id)
        if have is None:
            table.insert(journal, record)
            counts.added += 1
        elif _newer(record.updated_at, have):
            table.overwrite(journal, record)
            counts.updated += 1
        else:
            counts.skipped += 1
            continue
        stored[record.id] = record.updated_at


def _merge_reviews(journal: Journal, reviews: list[Review], counts: Counts) -> dict[str, str]:
    """Store or merge each review; return the id kept for each id in the file."""
    stored = _reviews.by_id(journal, [review.id for review in reviews])
    return {review.id: _merge_review(journal, review, stored.get(review.id), counts)
            for review in reviews}  # fmt: skip


def _merge_review(journal: Journal, review: Review, have: Review | None, counts: Counts) -> str:
    """Store a review, or merge it into the one with its id or period; return the id kept."""
    if have is not None and _what(have) != _what(review):
        # One id, two reviews: merging would put one's answers on the other.
        raise ImportFileError(
            f"review {review.id[:8]} is {_what(review)} in the file but {_what(have)} in the "
            "journal; nothing was imported"
        )
    # Not found by id: the same day's review may have been taken on another machine (or
    # stored earlier in this import), under another id.
    have = have or _reviews.find(
        journal, _reviews.Key(review.cadence, review.period, review.task_id)
    )
    if have is None:
        _reviews.insert(journal, review)
        counts.added += 1
        return review.id
    # The same review on two machines: it started at the earlier start, and is complete
    # from the earlier completion; the questions skipped on either stay skipped.
    started = min(have.started_at, review.started_at, key=_instant)
    completed = min(
        (c for c in (have.completed_at, review.completed_at) if c), key=_instant, default=None
    )
    added_skips = _reviews.add_skips(journal, have.id, review.skipped)
    if (started, completed) != (have.started_at, have.completed_at):
        _reviews.set_times(journal, have.id, started, completed)
        counts.updated += 1
    elif added_skips:
        counts.updated += 1
    else:
        counts.skipped += 1
    return have.id


def _what(review: Review) -> str:
    """`the daily review of 2026-11-26`, `the task review of 3f2a9c1b 2026-11-20`."""
    task = f" {review.task_id[:8]}" if review.task_id else ""
    return f"the {review.cadence.value} review of{task} {review.period}"


# From this many entries written on, the search triggers are paused and the entries indexed
# in one statement (store.search.deferred). Pausing costs ~2 ms; into a 100k-entry journal,
# 30 entries took 6 ms through the triggers and 10 ms in a batch, 100 took 20 and 15 ms.
DEFER_INDEX_MIN_ENTRIES = 100


def _merge_entries(
    journal: Journal, records: list[Entry], renamed: dict[str, str], report: MergeReport
) -> None:
    """Add the new entries, replace the older copies, keep the conflicts (store.conflicts)."""
    counts = report.entries
    stored = _entries.updated_at(journal, [entry.id for entry in records])
    added: list[Entry] = []
    updated: list[Entry] = []
    older: list[Entry] = []
    for entry in records:
        if renamed.get(entry.review_id, entry.review_id) != entry.review_id:
            entry = dataclasses.replace(entry, review_id=renamed[entry.review_id])
        have = stored.get(entry.id)
        if have is None:
            added.append(entry)
        elif _newer(entry.updated_at, have):
            updated.append(entry)
        else:
            older.append(entry)
            continue
        stored[entry.id] = entry.updated_at
    unchanged = _conflicts.unchanged(journal, updated)
    updated = [entry for entry in updated if entry.id not in unchanged]
    kept = _conflicts.kept_copies(journal, _conflicts.real(journal, older))
    report.conflicts.extend((entry.id, copy.id) for entry, copy in kept)
    counts.skipped += len(unchanged) + len(older)
    counts.added += len(added)
    counts.updated += len(updated)
    added.extend(copy for _, copy in kept)
    many = len(added) + len(updated) >= DEFER_INDEX_MIN_ENTRIES
    with _search.deferred(journal) if many else contextlib.nullcontext():
        _entries.insert_many(journal, added)
        _entries.replace_many(journal, updated)


def not_held(journal: Journal, bundle: Bundle) -> dict[str, int]:
    """How many of a file's records (entries, tasks, ...) this journal lacks or holds older."""
    found = {}
    for kind, records, stamps in (
        ("entries", bundle.entries, _entries.updated_at),
        ("tasks", bundle.tasks, _tasks.updated_at),
        ("goals", bundle.goals, _goals.updated_at),
        ("decisions", bundle.decisions, _decisions.updated_at),
    ):
        stored = stamps(journal, [record.id for record in records])
        count = sum(
            record.id not in stored or _newer(record.updated_at, stored[record.id])
            for record in records
        )
        if count:
            found[kind] = count
    held = existing_ids(journal, "reviews", [review.id for review in bundle.reviews])
    if missing := sum(review.id not in held for review in bundle.reviews):
        found["reviews"] = missing
    linked = {(link.lesson_id, link.same_as) for link in _lessons.links(journal)}
    if missing := sum((link.lesson_id, link.same_as) not in linked for link in bundle.lesson_links):
        found["lesson links"] = missing
    return found


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
