"""Figures shared by `status` and the reports: streaks and the balance of the four looks.

Pure functions over dates and counts; the store gathers the inputs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from fourlooks.model import Look, Record, record

# A look with less than this share of the entries (over a window) is called neglected.
NEGLECTED_SHARE = 0.10


@record
class Streak(Record):
    current: int
    longest: int

    def __init__(self, current: int, longest: int) -> None:
        object.__setattr__(self, "current", current)
        object.__setattr__(self, "longest", longest)


def streak(marks: Iterable[int], *, now: int) -> Streak:
    """Runs of consecutive numbers (periods of a cadence with a completed review).

    The current streak still counts when the period `now` is not done yet: it is alive until
    a whole period passes without one. Each cadence numbers its periods (review.cadences).
    """
    present = set(marks)
    longest = run = 0
    previous: int | None = None
    for mark in sorted(present):
        run = run + 1 if previous is not None and mark - previous == 1 else 1
        longest = max(longest, run)
        previous = mark
    cursor = now if now in present else now - 1
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
