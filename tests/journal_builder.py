"""Build journals with known reviews, ratings, commitments and tasks, as the reviews write them.

Entries go through `store.entries.insert`; reviews, skips and tasks are plain rows, following
the shared data contract (see docs/schema.md). `standard_journal` builds the scenario the
report tests check; its docstring gives the figures they expect.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from fourlooks import dates, questions
from fourlooks.model import Cadence, Entry, Look, TaskState
from fourlooks.store import Journal, entries, new_id, open_journal

# Every daily question the builder's reviews do not answer is recorded as skipped.
_DAILY_ANSWERED = (
    "daily.back.went_well",
    "daily.back.lesson",
    "daily.down.listened",
    "daily.ahead.commitments",
)
_TASK_NOTES = {
    TaskState.DONE: "task.back.effect",
    TaskState.UNDER_WAY: "task.back.progress",
    TaskState.NOT_DONE: "task.back.cause",
    TaskState.DONE_POORLY: "task.back.responsibility",
}


@dataclass
class DailyReview:
    id: str
    day: str
    commitments: list[str] = field(default_factory=list)


class JournalBuilder:
    """Writes entries, reviews and tasks; timestamps increase in the order things are written."""

    def __init__(self, journal: Journal):
        self.journal = journal
        self._ticks = itertools.count(1)
        self._daily = [q.id for q in questions.load("en") if q.cadence == Cadence.DAILY]

    def stamp(self, day: str) -> str:
        """A UTC timestamp on `day`, later than every one given before on the same day."""
        tick = next(self._ticks)
        return f"{day}T12:{tick // 60 % 60:02d}:{tick % 60:02d}.{tick:06d}+00:00"

    def entry(self, day: str, look: Look | str, text: str, **fields: object) -> str:
        stamp = self.stamp(day)
        entry = Entry(
            id=new_id(),
            date=day,
            look=Look(look),
            text=text,
            created_at=stamp,
            updated_at=stamp,
            **fields,
        )
        entries.insert(self.journal, entry)
        return entry.id

    def answer(self, review_id: str, day: str, question_id: str, text: str, **fields) -> str:
        # Question ids are `cadence.look.slug`, optional and contract-only questions included.
        cadence, look, _ = question_id.split(".")
        return self.entry(
            day,
            Look(look),
            text,
            cadence=Cadence(cadence),
            question_id=question_id,
            review_id=review_id,
            **fields,
        )

    def review(
        self, cadence: str, period: str, *, complete: bool, task_id: str | None = None
    ) -> str:
        review_id = new_id()
        day = period if len(period) == 10 else dates.month_bounds(*map(int, period.split("-")))[1]
        started = self.stamp(str(day))
        with self.journal.write() as conn:
            conn.execute(
                "INSERT INTO reviews (id, cadence, period, task_id, started_at, completed_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (review_id, cadence, period, task_id, started, started if complete else None),
            )
        return review_id

    def skip(self, review_id: str, question_ids: Iterable[str]) -> None:
        with self.journal.write() as conn:
            conn.executemany(
                "INSERT INTO review_skips (review_id, question_id) VALUES (?, ?)",
                [(review_id, qid) for qid in question_ids],
            )

    def daily_review(
        self,
        day: str,
        *,
        complete: bool = True,
        commitments: int = 2,
        followups: Mapping[str, str] | None = None,
    ) -> DailyReview:
        """A daily review: follow-ups first, then went_well, lesson, listened, commitments.

        Incomplete: follow-ups and went_well only. Complete: the other daily questions skipped.
        """
        review = DailyReview(self.review("daily", day, complete=complete), day)
        for commitment_id, choice in (followups or {}).items():
            self.answer(
                review.id,
                day,
                "daily.back.followup",
                choice,
                choice=choice,
                commitment_id=commitment_id,
            )
        self.answer(review.id, day, "daily.back.went_well", f"{day} went well")
        if not complete:
            return review
        self.answer(review.id, day, "daily.back.lesson", f"{day} lesson")
        self.answer(review.id, day, "daily.down.listened", f"{day} heard")
        for n in range(commitments):
            review.commitments.append(
                self.answer(review.id, day, "daily.ahead.commitments", f"{day} commitment {n + 1}")
            )
        self.skip(review.id, [qid for qid in self._daily if qid not in _DAILY_ANSWERED])
        return review

    def monthly_audit(
        self,
        month: str,
        ratings: Mapping[str, int],
        *,
        texts: Mapping[str, str] | None = None,
        complete: bool = True,
    ) -> str:
        """The self-audit of `month`: answers dated on its last day."""
        review_id = self.review("monthly", month, complete=complete)
        last = dates.month_bounds(*map(int, month.split("-")))[1].isoformat()
        for qid, value in ratings.items():
            self.answer(review_id, last, qid, str(value), rating=value)
        for qid, text in (texts or {}).items():
            self.answer(review_id, last, qid, text)
        return review_id

    def task(
        self,
        title: str,
        *,
        created: str,
        due: str | None = None,
        closed: str | None = None,
        state: TaskState | None = None,
    ) -> str:
        task_id = new_id()
        stamp = self.stamp(created)
        closed_at = self.stamp(closed) if closed else None
        with self.journal.write() as conn:
            conn.execute(
                "INSERT INTO tasks (id, title, due, state, closed_at, reviewed_at, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (task_id, title, due, state, closed_at, None, stamp, stamp),
            )
        return task_id

    def task_review(self, task_id: str, day: str, state: TaskState, note: str | None = None) -> str:
        """A task review: the state, an optional note to the state's question; closes done tasks."""
        review_id = self.review("task", day, complete=True, task_id=task_id)
        self.answer(review_id, day, questions.STATE_ID, state.value, task_id=task_id, choice=state)
        if note:
            self.answer(review_id, day, _TASK_NOTES[state], note, task_id=task_id)
        stamp = self.stamp(day)
        with self.journal.write() as conn:
            conn.execute(
                "UPDATE tasks SET state = ?, reviewed_at = ?, updated_at = ?,"
                " closed_at = CASE WHEN ? THEN coalesce(closed_at, ?) ELSE closed_at END"
                " WHERE id = ?",
                (state.value, stamp, stamp, state.closes, stamp, task_id),
            )
        return review_id


def days(month: str, numbers: Iterable[int]) -> list[str]:
    return [f"{month}-{n:02d}" for n in numbers]


def standard_journal(journal: Journal) -> JournalBuilder:
    """Six months of a journal, checked by the report tests with the clock at 2026-11-26.

    June: free entries (back Jun 10, up Jun 11); audit 3/4/3/2 (commitment, conduct, image,
      performance).                                         -> back 5, up 1
    July: nothing at all.
    August: free look-ahead entry Aug 1; task "Old errand" (created Aug 1, due Aug 15) reviewed
      done Aug 14; audit 4/4/3/3.                           -> back 5, ahead 1
    September: task "Budget draft" created Sep 20 (due Oct 15); audit 3/3/3/3.   -> back 4
    October: complete daily reviews Oct 1-10, two commitments each; each day follows up the
      day before's: the first `done`, the second `partly` after an even day and `not_done`
      after an odd one. Oct 20: an incomplete review that follows up Oct 10's first
      commitment as `not_done`. Free entries: up and ahead Oct 15, down Oct 16.
      Tasks: "Rota survey" (created Oct 2, due Oct 20) reviewed done with an effect note
      Oct 21; "Print leaflets" (Oct 5, due Nov 30) not done Oct 22; "Venue booking" (Oct 6,
      no due) done poorly Oct 23; "Budget draft" under way Oct 12 and Oct 25; "Newsletter"
      created Oct 28 (due Nov 5). Audit on Oct 31: 4/3/4/3, the quality `principles` 4, a
      `faults` note and a look-ahead `goal`.               -> back 52, up 1, down 11, ahead 22
    November (so far: 26 days): complete daily reviews Nov 1-5 and 20-25, one commitment
      each, each followed up `done` by the next day's review; Nov 12 incomplete. "Newsletter"
      reviewed done Nov 3; "Annual plan" created Nov 2 (due Nov 10). Free entries: up
      Nov 26, ahead Nov 27 (tomorrow). No audit yet.        -> back 33, up 1, down 11, ahead 12
    """
    b = JournalBuilder(journal)
    audit = ("monthly.back.commitment", "monthly.back.conduct", "monthly.back.image")
    audit += ("monthly.back.performance",)

    b.entry("2026-06-10", "back", "June: finished the handbook")
    b.entry("2026-06-11", "up", "June: read how the other office plans")
    b.monthly_audit("2026-06", dict(zip(audit, (3, 4, 3, 2), strict=True)))

    b.entry("2026-08-01", "ahead", "Clear the backlog this month")
    errand = b.task("Old errand", created="2026-08-01", due="2026-08-15")
    b.task_review(errand, "2026-08-14", TaskState.DONE)
    b.monthly_audit("2026-08", dict(zip(audit, (4, 4, 3, 3), strict=True)))

    budget = b.task("Budget draft", created="2026-09-20", due="2026-10-15")
    b.monthly_audit("2026-09", dict(zip(audit, (3, 3, 3, 3), strict=True)))

    previous: DailyReview | None = None
    for n, day in enumerate(days("2026-10", range(1, 11)), start=1):
        followups = {}
        if previous:
            first, second = previous.commitments
            followups = {first: "done", second: "partly" if (n - 1) % 2 == 0 else "not_done"}
        previous = b.daily_review(day, followups=followups)
    b.daily_review("2026-10-20", complete=False, followups={previous.commitments[0]: "not_done"})
    b.entry("2026-10-15", "up", "The other team plans a quarter ahead")
    b.entry("2026-10-15", "ahead", "Call the printer")
    b.entry("2026-10-16", "down", "Li says the rota starts too early on Mondays")
    rota = b.task("Rota survey", created="2026-10-02", due="2026-10-20")
    leaflets = b.task("Print leaflets", created="2026-10-05", due="2026-11-30")
    venue = b.task("Venue booking", created="2026-10-06")
    b.task_review(budget, "2026-10-12", TaskState.UNDER_WAY)
    b.task_review(rota, "2026-10-21", TaskState.DONE, "Fewer complaints about Mondays")
    b.task_review(leaflets, "2026-10-22", TaskState.NOT_DONE)
    b.task_review(venue, "2026-10-23", TaskState.DONE_POORLY)
    b.task_review(budget, "2026-10-25", TaskState.UNDER_WAY)
    newsletter = b.task("Newsletter", created="2026-10-28", due="2026-11-05")
    b.monthly_audit(
        "2026-10",
        {**dict(zip(audit, (4, 3, 4, 3), strict=True)), "monthly.back.principles": 4},
        texts={
            "monthly.back.faults": "Interrupting people in meetings",
            "monthly.ahead.goal": "Publish the rota before the 25th",
        },
    )

    previous = None
    for day in [*days("2026-11", range(1, 6)), *days("2026-11", range(20, 26))]:
        followups = {}
        if previous and int(day[-2:]) - int(previous.day[-2:]) == 1:
            followups = {previous.commitments[0]: "done"}
        previous = b.daily_review(day, commitments=1, followups=followups)
    b.daily_review("2026-11-12", complete=False)
    b.task_review(newsletter, "2026-11-03", TaskState.DONE)
    b.task("Annual plan", created="2026-11-02", due="2026-11-10")
    b.entry("2026-11-26", "up", "Compared with last year's plan: two weeks ahead")
    b.entry("2026-11-27", "ahead", "Finish the budget draft")
    return b


def build_standard_journal(path: Path) -> Path:
    """The standard journal in a file of its own, written whole: no WAL left beside it."""
    return build_journal(path, standard_journal)


def build_journal(path: Path, fill=lambda journal: None) -> Path:
    """A journal created (migrated) at `path` and filled, closed with no WAL beside it."""
    with open_journal(path) as journal:
        fill(journal)
        busy, _, _ = journal.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0, "the WAL could not be written back into the file"
    # The last connection to close deletes the WAL: the file alone is the whole journal.
    assert not Path(f"{path}-wal").exists(), "a WAL is left: a copy would lose its pages"
    return path


def copy_journal(source: Path, target: Path) -> Path:
    """A private copy of a closed journal: the folder 0700, the file 0600 from its creation."""
    target.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with open(source, "rb") as read, os.fdopen(fd, "wb") as write:
        shutil.copyfileobj(read, write)
    return target
