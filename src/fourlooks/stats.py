"""Figures shared by `status` and the reports: streaks and the balance of the four looks.

Pure functions over dates and counts; the store gathers the inputs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from fourlooks.model import Look

# A look with less than this share of the entries (over a window) is called neglected.
NEGLECTED_SHARE = 0.10


@dataclass(frozen=True, slots=True)
class Streak:
    current: int
    longest: int


def daily_streak(days: Iterable[dt.date], *, today: dt.date) -> Streak:
    """Consecutive days with a completed review.

    The current streak still counts when today's review is not done yet: it is alive until
    a whole day passes without one.
    """
    done = sorted(set(days))
    longest = run = 0
    previous: dt.date | None = None
    for day in done:
        run = run + 1 if previous and day - previous == dt.timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    current = 0
    day = today if today in done else today - dt.timedelta(days=1)
    present = set(done)
    while day in present:
        current += 1
        day -= dt.timedelta(days=1)
    return Streak(current=current, longest=longest)


def monthly_streak(months: Iterable[tuple[int, int]], *, today: dt.date) -> Streak:
    """Consecutive months with a completed self-audit; the current month may still be open."""
    index = sorted({year * 12 + month - 1 for year, month in months})
    longest = run = 0
    previous: int | None = None
    for value in index:
        run = run + 1 if previous is not None and value - previous == 1 else 1
        longest = max(longest, run)
        previous = value
    present = set(index)
    this_month = today.year * 12 + today.month - 1
    cursor = this_month if this_month in present else this_month - 1
    current = 0
    while cursor in present:
        current += 1
        cursor -= 1
    return Streak(current=current, longest=longest)


def balance(counts: Mapping[Look, int]) -> dict[Look, int]:
    """Entries per look, every look present, in the article's order."""
    return {look: int(counts.get(look, 0)) for look in Look}


def neglected(counts: Mapping[Look, int]) -> Look | None:
    """The look with the fewest entries, when it falls under NEGLECTED_SHARE of them all.

    Ties go to the earlier look in the article's order; an empty window neglects nothing.
    """
    full = balance(counts)
    total = sum(full.values())
    if total == 0:
        return None
    look = min(Look, key=lambda candidate: full[candidate])
    return look if full[look] < NEGLECTED_SHARE * total else None
