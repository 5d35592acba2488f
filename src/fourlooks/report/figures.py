"""The month and year reports as plain data: every figure computed once, here.

The renderers of this package only lay these figures out; the JSON format is `to_dict()`
of them, and docs/report.md names every field. `today` is passed in: it is the day the
report is written for, and a month still under way is counted up to it ("so far").
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from fourlooks import dates, stats
from fourlooks.errors import UsageError
from fourlooks.model import Cadence, Look, TaskState
from fourlooks.render import shown  # a report is read by a person: never control codes
from fourlooks.report.strings import rating_label
from fourlooks.review import cadences
from fourlooks.store import Journal
from fourlooks.store import summary as store
from fourlooks.store.reviews import completed_periods

# Question ids are never renamed once released (bank.toml), so they can be named here;
# importing the question bank for them would cost the report ~14 ms of start-up.
STATE_ID = "task.back.state"
TREND_MONTHS = 6  # the self-audit trend of a month report ends with that month
FOLLOW_UP_CHOICES = ("done", "partly", "not_done")

# The four self-audit questions of part 1, always shown (a month without an audit is a gap),
# then the five qualities of the introduction, shown when any was rated in the window.
AUDIT_IDS = (
    "monthly.back.commitment",
    "monthly.back.conduct",
    "monthly.back.image",
    "monthly.back.performance",
)
QUALITY_IDS = (
    "monthly.back.principles",
    "monthly.back.character",
    "monthly.back.style",
    "monthly.back.ability",
    "monthly.back.spirit",
)

# Highlights: the month's answers to these questions, by group, in this order.
HIGHLIGHTS = {
    "successes": ("daily.back.went_well", "task.back.effect"),
    "lessons": (
        "daily.back.went_wrong",
        "daily.back.lesson",
        "monthly.back.faults",
        "monthly.back.criticism",
        "task.ahead.lesson",
    ),
    "voices": (
        "daily.down.listened",
        "daily.down.decisions",
        "monthly.down.made",
        "monthly.down.coming",
    ),
    "goals": ("daily.ahead.goal", "monthly.ahead.goal", "monthly.ahead.owners"),
}


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
    awaiting: int  # not followed up (yet)


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


class Highlight(NamedTuple):
    date: str
    question_id: str
    text: str


class MonthReport(NamedTuple):
    month: str  # YYYY-MM
    lang: str
    today: str
    first_day: str
    last_day: str
    days_in_month: int
    days_so_far: int
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
    streaks: Streaks
    audit_done: bool
    trend_months: list[str]
    ratings: list[Rating]
    commitments: Commitments
    tasks: Tasks
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
    neglected_look: str | None
    audit_done: bool
    ratings: dict[str, int | None]  # rating question id -> value


class YearRating(NamedTuple):
    id: str
    label: str
    values: list[int | None]  # twelve, January first; None: no rating that month
    average: float | None


class YearReport(NamedTuple):
    year: int
    lang: str
    today: str
    days_so_far: int
    days_reviewed: int
    coverage: float | None
    entries: int
    entries_by_look: dict[str, int]
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


def month_report(
    journal: Journal, year: int, month: int, *, today: dt.date, lang: str
) -> MonthReport:
    """Every figure of the month report for (year, month), counted up to `today`."""
    label = dates.format_month(year, month)
    _refuse_future((year, month), label, today)
    first, last = dates.month_bounds(year, month)
    end = min(last, today)  # the last day counted ("so far")
    span = (first.isoformat(), last.isoformat())
    previous = dates.shift_month(year, month, -1)
    by_look = _month_looks(journal, year, month)
    previous_by_look = _month_looks(journal, *previous)
    # Every reviewed day up to the end, read once: the streaks need them all, coverage the month's.
    every_reviewed = completed_periods(journal, Cadence.DAILY, "0001-01-01", end.isoformat())
    reviewed = [day for day in every_reviewed if day >= span[0]]
    per_day = store.entries_per_day(journal, *span)
    trend = [dates.shift_month(year, month, back) for back in range(1 - TREND_MONTHS, 1)]
    return MonthReport(
        month=label,
        lang=lang,
        today=today.isoformat(),
        first_day=span[0],
        last_day=span[1],
        days_in_month=last.day,
        days_so_far=end.day,
        complete=today > last,
        days_reviewed=len(reviewed),
        coverage=_ratio(len(reviewed), end.day),
        reviewed_dates=reviewed,
        entries=sum(by_look.values()),
        entries_by_day={
            day.isoformat(): per_day.get(day.isoformat(), 0) for day in _days(first, last)
        },
        entries_by_look=by_look,
        neglected_look=_neglected(by_look),
        previous_month=dates.format_month(*previous),
        previous_entries_by_look=previous_by_look,
        entries_by_look_change={look: by_look[look] - previous_by_look[look] for look in by_look},
        streaks=_streaks(every_reviewed, first, end),
        audit_done=bool(completed_periods(journal, Cadence.MONTHLY, label, label)),
        trend_months=[dates.format_month(*m) for m in trend],
        ratings=_ratings(journal, trend, lang),
        commitments=_commitments(journal, *span),
        tasks=_tasks(journal, span, end.isoformat()),
        highlights=_highlights(journal, *span),
    )


def year_report(journal: Journal, year: int, *, today: dt.date, lang: str) -> YearReport:
    """The twelve months of `year` side by side, counted up to `today`."""
    _refuse_future((year, 1), str(year), today)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    end = min(last, today)
    looks = store.entries_per_month_and_look(journal, first.isoformat(), last.isoformat())
    every_reviewed = completed_periods(journal, Cadence.DAILY, "0001-01-01", end.isoformat())
    reviewed = [day for day in every_reviewed if day >= first.isoformat()]
    audits = set(completed_periods(journal, Cadence.MONTHLY, f"{year:04d}-01", f"{year:04d}-12"))
    rated = store.monthly_ratings(journal, f"{year:04d}-01", f"{year:04d}-12")
    ids = _rating_ids(rated)
    months = []
    for number in range(1, 13):
        key = dates.format_month(year, number)
        month_first, month_last = dates.month_bounds(year, number)
        so_far = 0 if month_first > end else min(month_last, end).day
        done = sum(1 for day in reviewed if day.startswith(key))
        counts = stats.balance({Look(look): n for look, n in looks.get(key, {}).items()})
        by_look = {look.value: count for look, count in counts.items()}
        months.append(
            YearMonth(
                month=key,
                days_in_month=month_last.day,
                days_so_far=so_far,
                days_reviewed=done,
                coverage=_ratio(done, so_far),
                entries=sum(by_look.values()),
                entries_by_look=by_look,
                neglected_look=_neglected(by_look),
                audit_done=key in audits,
                ratings={qid: rated.get(key, {}).get(qid) for qid in ids},
            )
        )
    totals = {look.value: sum(m.entries_by_look[look.value] for m in months) for look in Look}
    days_so_far = sum(m.days_so_far for m in months)
    ratings = []
    for qid in ids:
        values = [m.ratings[qid] for m in months]
        present = [v for v in values if v is not None]
        average = round(sum(present) / len(present), 2) if present else None
        ratings.append(YearRating(qid, rating_label(qid, lang), values, average))
    return YearReport(
        year=year,
        lang=lang,
        today=today.isoformat(),
        days_so_far=days_so_far,
        days_reviewed=len(reviewed),
        coverage=_ratio(len(reviewed), days_so_far),
        entries=sum(totals.values()),
        entries_by_look=totals,
        neglected_look=_neglected(totals),
        months_with_entries=sum(1 for m in months if m.entries),
        audits_done=len(audits),
        streaks=_streaks(every_reviewed, first, end),
        months=months,
        ratings=ratings,
    )


def _refuse_future(start: tuple[int, int], label: str, today: dt.date) -> None:
    """A report of a time that has not begun is refused: it is a typo more often than a wish."""
    if start > (today.year, today.month):
        raise UsageError(f"{label} has not begun yet (today is {today.isoformat()})")


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _month_looks(journal: Journal, year: int, month: int) -> dict[str, int]:
    """Entries per look in the month, every look present, in the article's order."""
    first, last = dates.month_bounds(year, month)
    found = store.entries_per_month_and_look(journal, first.isoformat(), last.isoformat())
    counts = found.get(dates.format_month(year, month), {})
    return {
        look.value: count
        for look, count in stats.balance({Look(k): v for k, v in counts.items()}).items()
    }


def _neglected(by_look: dict[str, int]) -> str | None:
    look = stats.neglected({Look(key): value for key, value in by_look.items()})
    return look.value if look else None


def _streaks(reviewed: list[str], first: dt.date, end: dt.date) -> Streaks:
    """Streaks as they stood on `end`, from every reviewed day up to it; the longest inside too."""
    at, start = end.isoformat(), first.isoformat()
    overall = cadences.DAILY.streak_of(reviewed, at=at)
    inside = cadences.DAILY.streak_of([day for day in reviewed if day >= start], at=at)
    return Streaks(
        current=overall.current, longest=overall.longest, longest_in_period=inside.longest
    )


def _rating_ids(rated: dict[str, dict[str, int]]) -> list[str]:
    """The four audit questions, then the qualities and user-added ratings that have values."""
    present = {qid for month in rated.values() for qid in month}
    extra = sorted(qid for qid in present if qid not in AUDIT_IDS and qid not in QUALITY_IDS)
    return [*AUDIT_IDS, *(qid for qid in QUALITY_IDS if qid in present), *extra]


def _ratings(journal: Journal, months: list[tuple[int, int]], lang: str) -> list[Rating]:
    keys = [dates.format_month(*m) for m in months]
    rated = store.monthly_ratings(journal, keys[0], keys[-1])
    found = []
    for qid in _rating_ids(rated):
        trend = [rated.get(key, {}).get(qid) for key in keys]
        value, previous = trend[-1], trend[-2]
        change = value - previous if value is not None and previous is not None else None
        found.append(Rating(qid, rating_label(qid, lang), value, previous, change, trend))
    return found


def _commitments(journal: Journal, first: str, last: str) -> Commitments:
    answers = store.commitment_answers(journal, first, last)
    followed = [a for a in answers if a is not None]
    return Commitments(
        made=len(answers),
        followed_up=len(followed),
        done=followed.count("done"),
        partly=followed.count("partly"),
        not_done=followed.count("not_done"),
        awaiting=len(answers) - len(followed),
    )


def _tasks(journal: Journal, span: tuple[str, str], end: str) -> Tasks:
    states = store.task_states_reviewed(journal, *span, STATE_ID)
    open_tasks = store.tasks_open_on(journal, end)
    overdue = [
        OverdueTask(tid, shown(title), due) for tid, title, due in open_tasks if due and due < end
    ]
    return Tasks(
        opened=store.tasks_opened(journal, *span),
        closed=store.tasks_closed(journal, *span),
        open=len(open_tasks),
        overdue=len(overdue),
        reviewed=len(states),
        by_state={state.value: list(states.values()).count(state.value) for state in TaskState},
        overdue_tasks=overdue,
    )


def _highlights(journal: Journal, first: str, last: str) -> dict[str, list[Highlight]]:
    ids = [qid for group in HIGHLIGHTS.values() for qid in group]
    rows = store.answers(journal, first, last, ids)
    return {
        name: [Highlight(date, qid, shown(text)) for date, qid, text in rows if qid in group]
        for name, group in HIGHLIGHTS.items()
    }
