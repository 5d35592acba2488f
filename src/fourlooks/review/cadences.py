"""Each cadence described once: its period, its dates, when it is due, its streak, its words.

The engine, `status` and the streaks read this table; a new cadence is a row here (with its
enum value and its questions in the bank), not a new copy of the review's steps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from fourlooks import dates, stats
from fourlooks.errors import UsageError
from fourlooks.model import Cadence


class Days:
    """Periods of one day, written `2026-11-26`."""

    unit = "day"

    def of(self, day: dt.date) -> str:
        return day.isoformat()

    def bounds(self, period: str) -> tuple[dt.date, dt.date]:
        day = dt.date.fromisoformat(period)
        return day, day

    def index(self, period: str) -> int:
        return dt.date.fromisoformat(period).toordinal()

    def read(self, text: str, today: dt.date) -> str:
        return dates.parse_when(text, today=today).isoformat()


class Months:
    """Periods of one calendar month, written `2026-11`."""

    unit = "month"

    def of(self, day: dt.date) -> str:
        return dates.format_month(day.year, day.month)

    def bounds(self, period: str) -> tuple[dt.date, dt.date]:
        return dates.month_bounds(int(period[:4]), int(period[5:7]))

    def index(self, period: str) -> int:
        return int(period[:4]) * 12 + int(period[5:7]) - 1

    def read(self, text: str, today: dt.date) -> str:
        return dates.format_month(*dates.parse_month(text, today=today))


@dataclass(frozen=True)
class Spec:
    """How one cadence works: the engine, `status` and the streaks read it from here."""

    cadence: Cadence
    periods: Days | Months  # how a day maps to a period and back; consecutive periods
    title: str  # the words key of the review's title
    not_yet: str  # why a period still to come is refused on the command line
    keeps_streak: bool = True  # whether consecutive completed periods are counted
    opens: int | None = None  # due from this many days before the period ends (None: its own)
    grace: int = 0  # ... and until this many days after it

    def period(self, day: dt.date) -> str:
        """The period a day falls in: `2026-11-26`, `2026-11`."""
        return self.periods.of(day)

    def dated(self, period: str) -> dt.date:
        """The date a review's answers carry: the last day of its period."""
        return self.periods.bounds(period)[1]

    def current(self, day: dt.date) -> str:
        """The period whose review is current on `day` (in the grace days, the one before)."""
        return self.period(day - dt.timedelta(days=self.grace))

    def window(self, period: str) -> tuple[dt.date, dt.date] | None:
        """The first and last day the period's review is due, when it has a window of its own."""
        if self.opens is None:
            return None
        last = self.dated(period)
        return last - dt.timedelta(days=self.opens - 1), last + dt.timedelta(days=self.grace)

    def is_due(self, period: str, day: dt.date) -> bool:
        """Whether an unfinished review of `period` is due on `day`."""
        window = self.window(period)
        return window is None or window[0] <= day <= window[1]

    def streak_of(self, completed: Iterable[str], *, at: str) -> stats.Streak:
        """The streak of completed periods as it stands in period `at`."""
        index = self.periods.index
        return stats.streak((index(period) for period in completed), now=index(at))

    def choose(self, text: str | None, today: dt.date) -> str:
        """The period a command line names (None: the current one); never one still to come."""
        if text is None:
            return self.current(today)
        period = self.periods.read(text, today)
        if period > self.period(today):  # ISO periods sort like the dates they name
            raise UsageError(f"{period} has not come yet: {self.not_yet}")
        return period


DAILY = Spec(
    Cadence.DAILY,
    Days(),
    title="title_daily",
    not_yet="a review looks back",
)
MONTHLY = Spec(
    Cadence.MONTHLY,
    Months(),
    title="title_monthly",
    not_yet="an audit looks back",
    opens=3,  # the self-audit falls due in the month's last three days...
    grace=7,  # ...and stays due until done or until the 7th of the next month
)
# A task is reviewed on a day; when it is due is the task's own affair (status.task_reason).
TASK = Spec(
    Cadence.TASK,
    Days(),
    title="title_task",
    not_yet="a review looks back",
    keeps_streak=False,
)

SPECS = {spec.cadence: spec for spec in (DAILY, MONTHLY, TASK)}
