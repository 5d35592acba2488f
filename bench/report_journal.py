"""Build a large journal for timing `fourlooks report`: years of daily reviews, audits, tasks.

    python bench/report_journal.py PATH [--years 7] [--seed 1]

Each day: a daily review on most days (answers, commitments, follow-ups of the day before)
and a handful of free entries; each month a self-audit; now and then a task with reviews.
About 100k entries for seven years ending on 2026-11-26. Entries go through
`store.entries.insert`, all in one transaction.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

from fourlooks import dates
from fourlooks.model import Cadence, Entry, Look, TaskState
from fourlooks.store import entries, new_id, open_journal

END = dt.date(2026, 11, 26)
DAILY = (
    ("daily.back.went_well", Look.BACK),
    ("daily.back.went_wrong", Look.BACK),
    ("daily.back.lesson", Look.BACK),
    ("daily.up.progress", Look.UP),
    ("daily.down.listened", Look.DOWN),
    ("daily.down.decisions", Look.DOWN),
    ("daily.ahead.goal", Look.AHEAD),
)
AUDIT = ("commitment", "conduct", "image", "performance")
WORDS = ("plan", "rota", "budget", "team", "visit", "survey", "report", "meeting", "call")


class Writer:
    def __init__(self, journal, rng: random.Random):
        self.journal, self.rng, self.tick, self.count = journal, rng, 0, 0

    def stamp(self, day: dt.date) -> str:
        self.tick += 1
        return f"{day.isoformat()}T20:00:00.{self.tick % 1_000_000:06d}+00:00"

    def text(self) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(5, 30)))

    def entry(self, day: dt.date, look: Look, **fields) -> str:
        stamp = self.stamp(day)
        entry_id = new_id()
        text = fields.pop("text", None) or self.text()
        entries.insert(
            self.journal,
            Entry(
                entry_id, day.isoformat(), look, text, created_at=stamp, updated_at=stamp, **fields
            ),
        )
        self.count += 1
        return entry_id

    def review(self, cadence: str, period: str, day: dt.date, task_id: str | None = None) -> str:
        review_id = new_id()
        stamp = self.stamp(day)
        self.journal.conn.execute(
            "INSERT INTO reviews (id, cadence, period, task_id, started_at, completed_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (review_id, cadence, period, task_id, stamp, stamp),
        )
        return review_id


def build(path: Path, years: int, seed: int) -> int:
    rng = random.Random(seed)
    journal = open_journal(path)
    w = Writer(journal, rng)
    day = END.replace(year=END.year - years)
    pending: list[str] = []
    tasks: list[tuple[str, str | None]] = []
    with journal.write():
        while day <= END:
            if rng.random() < 0.85:  # most days reviewed
                review = w.review("daily", day.isoformat(), day)
                for commitment in pending:
                    choice = rng.choice(("done", "done", "partly", "not_done"))
                    w.entry(
                        day,
                        Look.BACK,
                        text=choice,
                        cadence=Cadence.DAILY,
                        question_id="daily.back.followup",
                        review_id=review,
                        choice=choice,
                        commitment_id=commitment,
                    )
                for qid, look in DAILY:
                    w.entry(day, look, cadence=Cadence.DAILY, question_id=qid, review_id=review)
                pending = [
                    w.entry(
                        day,
                        Look.AHEAD,
                        cadence=Cadence.DAILY,
                        question_id="daily.ahead.commitments",
                        review_id=review,
                    )
                    for _ in range(3)
                ]
            for _ in range(rng.randint(20, 35)):  # free entries
                w.entry(day, rng.choice(list(Look)))
            if rng.random() < 0.15:
                _task_day(w, day, tasks)
            if day == dates.month_bounds(day.year, day.month)[1]:
                _audit(w, day)
            day += dt.timedelta(days=1)
    journal.close()
    return w.count


def _task_day(w: Writer, day: dt.date, tasks: list[tuple[str, str | None]]) -> None:
    """Open a task, or review an open one."""
    rng = w.rng
    if not tasks or rng.random() < 0.5:
        task_id, stamp = new_id(), w.stamp(day)
        due = (day + dt.timedelta(days=rng.randint(3, 60))).isoformat()
        w.journal.conn.execute(
            "INSERT INTO tasks (id, title, due, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            (task_id, w.text()[:40], due, stamp, stamp),
        )
        tasks.append((task_id, due))
        return
    task_id, _ = tasks.pop(rng.randrange(len(tasks)))
    state = rng.choice(list(TaskState))
    review = w.review("task", day.isoformat(), day, task_id)
    w.entry(
        day,
        Look.BACK,
        text=state.value,
        cadence=Cadence.TASK,
        question_id="task.back.state",
        review_id=review,
        task_id=task_id,
        choice=state.value,
    )
    stamp = w.stamp(day)
    w.journal.conn.execute(
        "UPDATE tasks SET state = ?, reviewed_at = ?, closed_at = ? WHERE id = ?",
        (state.value, stamp, stamp if state.closes else None, task_id),
    )
    if not state.closes:
        tasks.append((task_id, None))


def _audit(w: Writer, day: dt.date) -> None:
    if w.rng.random() < 0.2:  # some months without an audit: gaps
        return
    review = w.review("monthly", dates.format_month(day.year, day.month), day)
    for name in AUDIT:
        rating = w.rng.randint(2, 5)
        w.entry(
            day,
            Look.BACK,
            text=str(rating),
            cadence=Cadence.MONTHLY,
            question_id=f"monthly.back.{name}",
            review_id=review,
            rating=rating,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--years", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.path.exists():
        sys.exit(f"{args.path} exists; give a new file")
    start = time.perf_counter()
    count = build(args.path, args.years, args.seed)
    print(f"{count} entries in {time.perf_counter() - start:.1f} s: {args.path}", file=sys.stderr)


if __name__ == "__main__":
    main()
