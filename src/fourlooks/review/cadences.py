"""Each cadence described once: its period, its dates, when it is due, its streak, its words.

The engine, `status` and the streaks read this table. A new cadence is a row here (and a
period kind if it needs one) with its enum value, its questions in the bank and its words,
not a new copy of the review's steps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from importlib import import_module
from typing import TYPE_CHECKING

from fourlooks import dates, stats
from fourlooks.errors import UsageError
from fourlooks.model import Cadence, Question, Record, TaskState, record
from fourlooks.questions import MONTH_GOAL_ID, STATE_ID
from fourlooks.store import Journal, reviews, tasks

if TYPE_CHECKING:
    from fourlooks.review.answers import Answer

# Steps a person at a terminal sees before the questions: (run, the period's day) -> None.
Step = Callable[..., None]


def _step(module: str, name: str) -> Step:
    """The step `name` of fourlooks.review.`module`, imported when a review first runs it.

    `status`, the due file and the report read this table for its calendar only: the
    review's steps and what they import (~4 ms) are left to a review.
    """

    def step(*args: object) -> None:
        return getattr(import_module(f"fourlooks.review.{module}"), name)(*args)

    step.__name__ = step.__qualname__ = name
    return step


class Days:
    """Periods of one day, written `2026-11-26`."""

    unit = "day"
    # `index` in SQL: julianday('0001-01-01') is 1721425.5, and that day's ordinal is 1.
    sql_index = "CAST(julianday(period) - 1721424.5 AS INTEGER)"

    def of(self, day: dt.date) -> str:
        return day.isoformat()

    def bounds(self, period: str) -> tuple[dt.date, dt.date]:
        day = dt.date.fromisoformat(period)
        return day, day

    def index(self, period: str) -> int:
        return dt.date.fromisoformat(period).toordinal()

    def read(self, text: str, today: dt.date) -> str:
        day = dates.parse_when(text, today=today)
        dates.require_reachable(day.year, text)
        return day.isoformat()


class Months:
    """Periods of one calendar month, written `2026-11`."""

    unit = "month"
    # `index` in SQL (dates.month_index): year * 12 + month - 1.
    sql_index = (
        "CAST(substr(period, 1, 4) AS INTEGER) * 12 + CAST(substr(period, 6, 2) AS INTEGER) - 1"
    )

    def of(self, day: dt.date) -> str:
        return dates.format_month(day.year, day.month)

    def bounds(self, period: str) -> tuple[dt.date, dt.date]:
        return dates.month_bounds(*dates.split_month(period))

    def index(self, period: str) -> int:
        return dates.month_index(*dates.split_month(period))

    def read(self, text: str, today: dt.date) -> str:
        year, month = dates.parse_month(text, today=today)
        dates.require_reachable(year, text)
        return dates.format_month(year, month)


@record
class Spec(Record):
    """How one cadence works: the engine, `status` and the streaks read it from here."""

    cadence: Cadence
    periods: Days | Months  # how a day maps to a period and back; consecutive periods
    title: str  # the words key of the review's title
    not_yet: str  # why a period still to come is refused on the command line
    keeps_streak: bool = True  # whether consecutive completed periods are counted
    opens: int | None = None  # due from this many days before the period ends (None: its own)
    grace: int = 0  # ... and until this many days after it
    opening: tuple[Step, ...] = ()  # shown to a person at a terminal, before the questions
    before_ahead: tuple[Step, ...] = ()  # shown to them before the look-ahead's questions
    after_answer: tuple[Step, ...] = ()  # (run, the question just answered), whoever answers
    branch: str | None = None  # the question whose choice picks the questions marked `when`
    answered: Callable[[Journal, reviews.Key, Question, Answer], None] | None = None
    completed: Callable[[Journal, reviews.Key], None] | None = None  # in the same transaction

    def __init__(
        self,
        cadence: Cadence,
        periods: Days | Months,
        title: str,
        not_yet: str,
        keeps_streak: bool = True,
        opens: int | None = None,
        grace: int = 0,
        opening: tuple[Step, ...] = (),
        before_ahead: tuple[Step, ...] = (),
        after_answer: tuple[Step, ...] = (),
        branch: str | None = None,
        answered: Callable[[Journal, reviews.Key, Question, Answer], None] | None = None,
        completed: Callable[[Journal, reviews.Key], None] | None = None,
    ) -> None:
        values = (cadence, periods, title, not_yet, keeps_streak, opens, grace, opening)
        values += (before_ahead, after_answer, branch, answered, completed)
        for name, value in zip(self.__match_args__, values, strict=True):
            object.__setattr__(self, name, value)

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

    def streak_in(self, journal: Journal, *, at: str, through: str = "\uffff") -> stats.Streak:
        """streak_of the journal's completed periods (up to `through`: a report of a past
        month counts its streaks as they stood then), numbered by SQLite, not read as dates.

        The longest streak needs the whole history: at 100,000 entries (7,840 daily reviews)
        parsing each period in Python cost `status` ~9 ms.
        """
        marks = reviews.completed_marks(journal, self.cadence, self.periods.sql_index, through)
        return stats.streak(marks, now=self.periods.index(at))

    def choose(self, text: str | None, today: dt.date) -> str:
        """The period a command line names (None: the current one); never one still to come."""
        if text is None:
            return self.current(today)
        period = self.periods.read(text, today)
        if period > self.period(today):  # ISO periods sort like the dates they name
            raise UsageError(f"{period} has not come yet: {self.not_yet}")
        return period


def _record_answer(journal: Journal, key: reviews.Key, question: Question, answer: Answer) -> None:
    """A task review's state answer is the task's new state, and a date answer its next
    checkpoint, in the answer's transaction."""
    from fourlooks.review.answers import Choice, Day

    assert key.task_id is not None
    states = {state.value for state in TaskState}
    if question.id == STATE_ID and isinstance(answer, Choice) and answer.value in states:
        tasks.record_state(journal, key.task_id, TaskState(answer.value))
    elif isinstance(answer, Day):
        tasks.set_checkpoint(journal, key.task_id, answer.value)


def _set_next_goal(journal: Journal, key: reviews.Key, question: Question, answer: Answer) -> None:
    """The goal an audit sets is the next month's goal (`fourlooks goal`), in its transaction.

    So `goal list` shows it, the nightly look-ahead keeps it in view, and the next audit asks
    whether it was met.
    """
    from fourlooks.review.answers import answer_text
    from fourlooks.review.closing import month_before
    from fourlooks.store import goals

    if question.id == MONTH_GOAL_ID and isinstance(answer, str):
        goals.add(journal, answer_text(answer), period=month_before(key.period, -1))


def _mark_reviewed(journal: Journal, key: reviews.Key) -> None:
    assert key.task_id is not None
    tasks.mark_reviewed(journal, key.task_id)


DAILY = Spec(
    Cadence.DAILY,
    Days(),
    title="title_daily",
    not_yet="a review looks back",
    opening=(
        _step("opening", "follow_up"),
        _step("opening", "hear_decisions"),
        _step("opening", "on_this_day"),
    ),
    before_ahead=(_step("opening", "open_goals"),),
    after_answer=(_step("recurrence", "same_lesson"),),
)
MONTHLY = Spec(
    Cadence.MONTHLY,
    Months(),
    title="title_monthly",
    not_yet="an audit looks back",
    # The month closed first (last month's goals, faults and owners), then its lessons
    # that came back.
    opening=(_step("closing", "close_month"), _step("recurrence", "came_back")),
    answered=_set_next_goal,
    opens=3,  # the self-audit falls due in the month's last three days...
    grace=7,  # ...and stays due until done or until the 7th of the next month
    after_answer=(_step("recurrence", "same_lesson"),),
)
# A task is reviewed on a day; when it is due is the task's own affair (status.task_reason).
TASK = Spec(
    Cadence.TASK,
    Days(),
    title="title_task",
    not_yet="a review looks back",
    keeps_streak=False,
    branch=STATE_ID,
    answered=_record_answer,
    completed=_mark_reviewed,
    after_answer=(_step("recurrence", "same_lesson"),),
)

SPECS = {spec.cadence: spec for spec in (DAILY, MONTHLY, TASK)}
