"""The month and year reports as plain data: every figure the formats show, and nothing else.

`fourlooks.report.counting` fills them in from the journal; the renderers of this package
only lay them out; the JSON format is `to_dict()` of them, and docs/report.md names every
field.
"""

# No `from __future__ import annotations` here: NamedTuple makes a ForwardRef of each string
# annotation and compiles it (defining this module: 2.3 ms with them, 1.45 ms without).
# Every type named is defined above the class that names it.
from typing import Any, NamedTuple


# NamedTuple: immutable, and ~7x cheaper to define at import than a frozen dataclass.
class Rating(NamedTuple):
    """One monthly rating question: this month's value, last month's, and the trend."""

    id: str
    label: str
    value: int | None
    previous: int | None
    change: int | None
    trend: list[int | None]  # one value per month of `trend_months`; None: no rating that month


class Streaks(NamedTuple):
    current: int  # consecutive reviewed days up to the report's last day (or the day before)
    longest: int  # the longest run in the journal up to the report's last day
    longest_in_period: int  # the longest run inside the month (or year)


class Commitments(NamedTuple):
    made: int  # look-ahead entries dated in the month
    followed_up: int  # of those, how many a later review followed up
    done: int
    partly: int
    not_done: int
    awaiting: int  # still open: not followed up, or kept open when asked
    dropped: int = 0  # followed up as dropped: given up, no longer awaited


class OverdueTask(NamedTuple):
    id: str
    title: str
    due: str


class Tasks(NamedTuple):
    opened: int
    closed: int
    open: int  # open at the end of the period
    overdue: int  # open at the end of the period with a due date before that day
    reviewed: int  # tasks given a state in a task review during the month
    by_state: dict[str, int]  # the last state given to each reviewed task, counted
    overdue_tasks: list[OverdueTask]


class GoalTask(NamedTuple):
    id: str
    title: str
    state: str | None  # its last review's state; None before its first review
    open: bool


class OpenGoal(NamedTuple):
    """A goal still open, for the report's year or month or one before it, with its tasks."""

    id: str
    text: str
    period: str  # YYYY or YYYY-MM
    tasks: list[GoalTask]  # in the order they were added


class DecisionMade(NamedTuple):
    id: str
    text: str
    made_on: str  # YYYY-MM-DD
    heard_before: bool  # those it affects were asked before it was made
    heard_after: bool  # and have been heard since


class Decisions(NamedTuple):
    """The decisions of the month (part 3): made, and heard before they were made."""

    made: list[DecisionMade]  # made in the month, in the order they were made
    heard_before: int  # of those, how many were heard before they were made
    heard_before_share: float | None  # heard_before / made; None when none were made
    coming: int  # written down by the month's last day counted and still to be made then


class PersonHeard(NamedTuple):
    name: str  # as last written
    key: str  # the form names are compared in
    times: int  # entries naming them: in the month, or (quiet) up to its last day counted
    last: str  # YYYY-MM-DD


class People(NamedTuple):
    """Who the month's entries name, and who has not been heard from for long."""

    heard: list[PersonHeard]  # named in the month's entries, most often first
    quiet_days: int
    quiet: list[PersonHeard]  # not named in the quiet_days days up to the last day counted
class ReportLesson(NamedTuple):
    """A lesson written in the report's month, and which time it was written."""

    id: str
    date: str
    question_id: str
    text: str
    nth: int  # 1 the first time it was written, 2 when it came back once...
    since: str  # the day it was first written


class Lessons(NamedTuple):
    new: list[ReportLesson]  # written for the first time this month, oldest first
    recurring: list[ReportLesson]  # written before, and again this month, oldest first


class Highlight(NamedTuple):
    date: str
    question_id: str | None  # None: an entry written freely under the group's look
    question: str | None  # the question's short name in the report's language
    text: str


class MonthReport(NamedTuple):
    month: str  # YYYY-MM
    lang: str
    today: str
    first_day: str
    last_day: str
    days_in_month: int
    counted_from: str  # the first day counted: the month's first, or the journal's first day
    days_so_far: int  # days counted, from counted_from up to today or the month's end
    complete: bool  # the month is over
    days_reviewed: int
    coverage: float | None  # days_reviewed / days_so_far
    reviewed_dates: list[str]
    entries: int
    entries_by_day: dict[str, int]
    entries_by_look: dict[str, int]
    neglected_look: str | None
    previous_month: str
    previous_entries_by_look: dict[str, int]
    entries_by_look_change: dict[str, int]
    follow_ups: int  # follow-ups and task states: what became of plans, apart from the looks
    streaks: Streaks
    audit_done: bool
    audit_opens: str  # the first day the month's self-audit is due
    audit_due: str | None  # the month `review --monthly` audits on `today`, when due and not done
    trend_months: list[str]
    ratings: list[Rating]
    commitments: Commitments
    tasks: Tasks
    open_goals: list[OpenGoal]
    decisions: Decisions
    people: People
    lessons: Lessons
    highlights: dict[str, list[Highlight]]
    kind: str = "month"

    def to_dict(self) -> dict:
        """Plain dicts and lists for JSON, `kind` first."""
        data = _plain(self)
        return {"kind": data.pop("kind"), **data}


class YearMonth(NamedTuple):
    """One month's row of the year report."""

    month: str
    days_in_month: int
    days_so_far: int  # 0 for a month still to come
    days_reviewed: int
    coverage: float | None
    entries: int
    entries_by_look: dict[str, int]
    follow_ups: int
    neglected_look: str | None
    audit_done: bool
    ratings: dict[str, int | None]  # rating question id -> value
    begun: bool = True  # False for a month before the journal's first entry


class YearRating(NamedTuple):
    id: str
    label: str
    values: list[int | None]  # twelve, January first; None: no rating that month
    average: float | None


class YearReport(NamedTuple):
    year: int
    lang: str
    today: str
    complete: bool  # the year is over
    first_day: str  # the first day counted: 1 January, or the journal's first entry's day
    days_so_far: int
    days_reviewed: int
    coverage: float | None
    entries: int
    entries_by_look: dict[str, int]
    follow_ups: int
    neglected_look: str | None
    months_with_entries: int
    audits_done: int
    streaks: Streaks
    months: list[YearMonth]
    ratings: list[YearRating]
    kind: str = "year"

    def to_dict(self) -> dict:
        """Plain dicts and lists for JSON, `kind` first."""
        data = _plain(self)
        return {"kind": data.pop("kind"), **data}


def _plain(value: Any) -> Any:
    """The report's tuples as dicts, recursively; lists and dicts copied, values as they are."""
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {key: _plain(item) for key, item in value._asdict().items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value
