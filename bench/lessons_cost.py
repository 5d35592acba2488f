"""What the lessons register costs: listing, a month's lessons, and the search for lessons like one.

    PYTHONPATH=src .venv/bin/python bench/lessons_cost.py [--lessons 1000]

Builds a journal of one "what went wrong" answer a day (four words of a small vocabulary
each, so that many are alike), links every third one to the next, then times in-process
(the best of 9): `lessons.register` (what `fourlooks lessons` shows), `written_between`
for one month (what the report and the audit's opening read) and `candidates` for the
newest lesson (what a review at a terminal asks after that answer).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fourlooks import lessons
from fourlooks.model import Cadence, Look
from fourlooks.store import open_journal, reviews

WORDS = (
    "email", "client", "late", "meeting", "budget", "report", "deadline", "plants", "call",
    "rota", "drivers", "survey", "notes", "slides", "inbox", "review", "plan",
)  # fmt: skip


def best_ms(run: Callable[[], object], times: int = 9) -> float:
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        spent.append(time.perf_counter() - start)
    return min(spent) * 1000


def build(path: Path, count: int) -> None:
    chance = random.Random(1)
    first = dt.date(2024, 1, 1)
    with open_journal(path) as journal:
        with journal.write():
            for number in range(count):
                day = (first + dt.timedelta(days=number)).isoformat()
                text = "Was " + " ".join(chance.sample(WORDS, 4)) + f", number {number}"
                draft = reviews.Draft(day, Look.BACK, text, "daily.back.went_wrong")
                reviews.save(journal, reviews.Key(Cadence.DAILY, day), [draft])
        found = lessons.register(journal)
        for later, earlier in zip(found[::3], found[1::3], strict=False):
            lessons.link(journal, later.entry.id, earlier.entry.id)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", type=int, default=1000)
    count = parser.parse_args().lessons
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.db"
        build(path, count)
        with open_journal(path) as journal:
            newest = lessons.register(journal)[0].entry
            month = newest.date[:7]
            print(f"{count} lessons, {len(lessons.register(journal, recurring=True))} recurring")
            print(f"register        {best_ms(lambda: lessons.register(journal)):7.1f} ms")
            between = (month + "-01", month + "-31")
            spent = best_ms(lambda: lessons.written_between(journal, *between))
            print(f"month's lessons {spent:7.1f} ms")
            print(f"candidates      {best_ms(lambda: lessons.candidates(journal, newest)):7.1f} ms")


if __name__ == "__main__":
    main()
