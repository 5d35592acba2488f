"""The report's small charts as characters: sparklines, bars, calendar shades and weeks.

They never rely on colour alone: shades and blocks carry the value, a gap is `·`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

GAP = "·"
REVIEWED = "✓"
SHADES = "░▒▓█"  # a day's entries, by quarter of the month's busiest day
_SPARKS = "▁▂▃▄▅▆▇█"
_EIGHTHS = " ▏▎▍▌▋▊▉"


def rating_spark(values: Sequence[int | None]) -> str:
    """Ratings 1-5 as ▁..█, a gap as `·`."""
    return "".join(GAP if v is None else _SPARKS[round((v - 1) / 4 * 7)] for v in values)


def count_spark(values: Sequence[float | None]) -> str:
    """Counts scaled to their largest: nothing is a space, a gap `·`, the largest █."""
    top = max((v for v in values if v is not None), default=0)
    marks = []
    for value in values:
        if value is None:
            marks.append(GAP)
        elif value <= 0 or top <= 0:
            marks.append(" ")
        else:
            marks.append(_SPARKS[max(0, math.ceil(value / top * 8) - 1)])
    return "".join(marks)


def shade(count: int, most: int) -> str:
    """A day of the calendar: `·` for none, then four shades by quarter of the busiest day."""
    if count <= 0 or most <= 0:
        return GAP
    return SHADES[min(3, math.ceil(count / most * 4) - 1)]


def bar(count: int, most: int, width: int) -> str:
    """A horizontal bar in eighths of a character, the largest count `width` long."""
    if count <= 0 or most <= 0:
        return ""
    eighths = max(1, round(count / most * width * 8))
    return "█" * (eighths // 8) + _EIGHTHS[eighths % 8].strip()


def calendar_weeks(first_day: str, days: Sequence[str]) -> list[list[str | None]]:
    """The month's dates by week, Monday first; None pads the first and last weeks."""
    first = dt.date.fromisoformat(first_day)
    padded: list[str | None] = [None] * first.weekday() + list(days)
    padded += [None] * (-len(padded) % 7)
    return [padded[start : start + 7] for start in range(0, len(padded), 7)]
