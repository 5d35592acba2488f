"""Every figure of the month and year reports, counted from the journal once, here.

`today` is passed in: it is the day the report is written for, and a month still under way
is counted up to it ("so far").
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from fourlooks import captions, dates, stats, status, words
from fourlooks.errors import UsageError
from fourlooks.model import Cadence, Look, TaskState
from fourlooks.people import DEFAULT_QUIET_DAYS
from fourlooks.report import figures, hearing
from fourlooks.review import cadences
from fourlooks.store import Journal
from fourlooks.store import summary as store
from fourlooks.store.reviews import completed_periods

# Question ids are never renamed once released (bank.toml), so they can be named here;
# importing the question bank for them would cost the report ~14 ms of start-up.
STATE_ID = "task.back.state"
TREND_MONTHS = 6  # the self-audit trend of a month report ends with that month
FOLLOW_UP_CHOICES = ("done", "partly", "not_done", "dropped")

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
# Entries written freely (`fourlooks add`) join the group of their look: a note looking back
# is kept with the lessons, one looking down with the voices heard. A free look-ahead entry
# is a commitment (counted under Commitments, as the commitments answer is), and no group
# gathers the look up.
FREE_LOOKS = {"lessons": Look.BACK.value, "voices": Look.DOWN.value}


class Period(NamedTuple):
    year: int
    month: int | None  # None: the whole year


def choose_period(
    month: str | None, year: str | None, *, today: dt.date, calendar_day: dt.date | None = None
) -> Period:
    """The month or the year the person typed; this month by default.

    `today` is the journal's day: before day_start, still the day before (a report written
    at 1 a.m. is of the evening's month). Words that name another period are read against
    the calendar's day, as the person reads them: at 00:30 on 1 January, last month is
    December, which is also this month.
    """
    if month is not None and year is not None:
        raise UsageError("--month and --year cannot be combined: a report is of one or the other")
    if year is not None:
        period = Period(_read(dates.parse_year, year, today, calendar_day, today.year), None)
    elif month is not None:
        this = (today.year, today.month)
        period = Period(*_read(dates.parse_month, month, today, calendar_day, this))
    else:
        period = Period(today.year, today.month)
    dates.require_reachable(period.year, year or month or "this month")
    return period


def _read(parse, text: str, today: dt.date, calendar_day: dt.date | None, this):
    """`text` against the journal's day if it names that day's period, else the calendar's."""
    found = parse(text, today=today)
    if found == this or calendar_day is None:
        return found
    return parse(text, today=calendar_day)


def for_period(
    journal: Journal,
    period: Period,
    *,
    today: dt.date,
    lang: str,
    quiet_days: int = DEFAULT_QUIET_DAYS,
) -> figures.MonthReport | figures.YearReport:
    """The month report of the period, or its year report when it is a whole year."""
    if period.month is None:
        from fourlooks.report.yearly import year_report

        return year_report(journal, period.year, today=today, lang=lang)
    return month_report(
        journal, period.year, period.month, today=today, lang=lang, quiet_days=quiet_days
    )


def month_report(
    journal: Journal,
    year: int,
    month: int,
    *,
    today: dt.date,
    lang: str,
    quiet_days: int = DEFAULT_QUIET_DAYS,
) -> figures.MonthReport:
    """Every figure of the month report for (year, month), counted up to `today`; someone
    not named in the `quiet_days` days up to then has not been heard from for long."""
    label = dates.format_month(year, month)
    refuse_future((year, month), label, today)
    first, last = dates.month_bounds(year, month)
    end = min(last, today)  # the last day counted ("so far")
    start = counted_from(journal, first)  # ... and the first: the journal's first day, if later
    span = (first.isoformat(), last.isoformat())
    previous = dates.shift_month(year, month, -1)
    by_look, follow_ups = _month_looks(journal, year, month)
    previous_by_look, _ = _month_looks(journal, *previous)
    # The month's reviewed days; the streaks number the whole history's in SQL (streaks()).
    month_reviewed = completed_periods(journal, Cadence.DAILY, span[0], end.isoformat())
    reviewed = [day for day in month_reviewed if day >= start.isoformat()]
    days = max(0, (end - start).days + 1)
    trend = [dates.shift_month(year, month, back) for back in range(1 - TREND_MONTHS, 1)]
    return figures.MonthReport(
        month=label,
        lang=lang,
        today=today.isoformat(),
        first_day=span[0],
        last_day=span[1],
        days_in_month=last.day,
        counted_from=start.isoformat(),
        days_so_far=days,
        complete=today > last,
        days_reviewed=len(reviewed),
        coverage=ratio(len(reviewed), days),
        reviewed_dates=reviewed,
        entries=sum(by_look.values()) + follow_ups,
        entries_by_day=_entries_by_day(journal, first, last),
        entries_by_look=by_look,
        neglected_look=neglected(by_look),
        previous_month=dates.format_month(*previous),
        previous_entries_by_look=previous_by_look,
        entries_by_look_change={look: by_look[look] - previous_by_look[look] for look in by_look},
        follow_ups=follow_ups,
        streaks=streaks(journal, month_reviewed, first, end),
        audit_done=bool(completed_periods(journal, Cadence.MONTHLY, label, label)),
        audit_opens=_audit_opens(label),
        audit_due=status.audit_due(journal, today),
        trend_months=[dates.format_month(*m) for m in trend],
        ratings=_ratings(journal, trend, lang),
        commitments=_commitments(journal, *span),
        tasks=_tasks(journal, span, end.isoformat()),
        open_goals=_open_goals(journal, label),
        decisions=hearing.decisions(journal, first, end),
        people=hearing.people(journal, first, end, quiet_days),
        lessons=_lessons(journal, *span),
        highlights=_highlights(journal, *span, lang),
    )


def counted_from(journal: Journal, first: dt.date) -> dt.date:
    """`first`, or the day of the journal's first entry when that is later: days before a
    journal began are not days it missed."""
    began = store.first_entry_date(journal)
    return max(first, dt.date.fromisoformat(began)) if began else first


def refuse_future(start: tuple[int, int], label: str, today: dt.date) -> None:
    """A report of a time that has not begun is refused: it is a typo more often than a wish."""
    if start > (today.year, today.month):
        raise UsageError(f"{label} has not begun yet (today is {today.isoformat()})")


def _entries_by_day(journal: Journal, first: dt.date, last: dt.date) -> dict[str, int]:
    """Entries per day, every day from `first` to `last` (0 for a day without any)."""
    per_day = store.entries_per_day(journal, first.isoformat(), last.isoformat())
    days = (first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    return {day.isoformat(): per_day.get(day.isoformat(), 0) for day in days}


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _month_looks(journal: Journal, year: int, month: int) -> tuple[dict[str, int], int]:
    """Entries per look in the month, every look present, in the article's order; and the
    follow-ups and task states, counted apart."""
    first, last = dates.month_bounds(year, month)
    found = store.entries_per_month_and_look(journal, first.isoformat(), last.isoformat())
    return looks_apart(found.get(dates.format_month(year, month), {}))


def looks_apart(counts: dict[str, int]) -> tuple[dict[str, int], int]:
    """A month's counts (store.entries_per_month_and_look) as the four looks and follow-ups."""
    looks = {Look(key): n for key, n in counts.items() if key != store.FOLLOW_UPS}
    by_look = {look.value: count for look, count in stats.balance(looks).items()}
    return by_look, counts.get(store.FOLLOW_UPS, 0)


def _audit_opens(month: str) -> str:
    window = cadences.MONTHLY.window(month)
    assert window is not None  # the self-audit has a window of its own
    return window[0].isoformat()


def neglected(by_look: dict[str, int]) -> str | None:
    look = stats.neglected({Look(key): value for key, value in by_look.items()})
    return look.value if look else None


def streaks(
    journal: Journal, reviewed: list[str], first: dt.date, end: dt.date
) -> figures.Streaks:
    """Streaks as they stood on `end`, from every reviewed day up to it, numbered by SQLite
    (at 100,000 entries, reading the 7,840 days as dates cost ~5 ms more); the longest
    inside the period from `reviewed`, its reviewed days up to `end`."""
    at, start = end.isoformat(), first.isoformat()
    overall = cadences.DAILY.streak_in(journal, at=at, through=at)
    inside = cadences.DAILY.streak_of([day for day in reviewed if day >= start], at=at)
    return figures.Streaks(
        current=overall.current, longest=overall.longest, longest_in_period=inside.longest
    )


def rating_ids(rated: dict[str, dict[str, int]]) -> list[str]:
    """The four audit questions, then the qualities and user-added ratings that have values."""
    present = {qid for month in rated.values() for qid in month}
    extra = sorted(qid for qid in present if qid not in AUDIT_IDS and qid not in QUALITY_IDS)
    return [*AUDIT_IDS, *(qid for qid in QUALITY_IDS if qid in present), *extra]


def _ratings(journal: Journal, months: list[tuple[int, int]], lang: str) -> list[figures.Rating]:
    keys = [dates.format_month(*m) for m in months]
    rated = store.monthly_ratings(journal, keys[0], keys[-1])
    found = []
    for qid in rating_ids(rated):
        trend = [rated.get(key, {}).get(qid) for key in keys]
        value, previous = trend[-1], trend[-2]
        change = value - previous if value is not None and previous is not None else None
        found.append(
            figures.Rating(qid, words.rating_label(qid, lang), value, previous, change, trend)
        )
    return found


def _commitments(journal: Journal, first: str, last: str) -> figures.Commitments:
    answers = store.commitment_answers(journal, first, last)
    followed = [a for a in answers if a is not None]
    return figures.Commitments(
        made=len(answers),
        followed_up=len(followed),
        done=followed.count("done"),
        partly=followed.count("partly"),
        not_done=followed.count("not_done"),
        awaiting=len(answers) - len(followed),
        dropped=followed.count("dropped"),
    )


def _tasks(journal: Journal, span: tuple[str, str], end: str) -> figures.Tasks:
    states = store.task_states_reviewed(journal, *span, STATE_ID)
    open_tasks = store.tasks_open_on(journal, end)
    overdue = [
        figures.OverdueTask(tid, title, due) for tid, title, due in open_tasks if due and due < end
    ]
    return figures.Tasks(
        opened=store.tasks_opened(journal, *span),
        closed=store.tasks_closed(journal, *span),
        open=len(open_tasks),
        overdue=len(overdue),
        reviewed=len(states),
        by_state={state.value: list(states.values()).count(state.value) for state in TaskState},
        overdue_tasks=overdue,
    )


def _open_goals(journal: Journal, month: str) -> list[figures.OpenGoal]:
    """Goals open now whose year or month is the report's or earlier: still to be reached."""
    from fourlooks import goals

    return [
        figures.OpenGoal(
            found.goal.id,
            found.goal.text,
            found.goal.period,
            [
                figures.GoalTask(t.id, t.title, t.state.value if t.state else None, t.is_open)
                for t in found.tasks
            ],
        )
        for found in goals.open_with_tasks(journal)
        if found.goal.period <= month  # "2026" sorts before "2026-01": a year counts from January
    ]


def _lessons(journal: Journal, first: str, last: str) -> figures.Lessons:
    """The month's lessons: those written for the first time, and those that came back."""
    from fourlooks import lessons

    found = [
        figures.ReportLesson(
            item.entry.id, item.entry.date, item.entry.question_id or "", item.entry.text,
            item.nth, item.since,
        )
        for item in lessons.written_between(journal, first, last)
    ]  # fmt: skip
    return figures.Lessons(
        [item for item in found if item.nth == 1], [item for item in found if item.nth > 1]
    )


def _highlights(
    journal: Journal, first: str, last: str, lang: str
) -> dict[str, list[figures.Highlight]]:
    ids = [qid for group in HIGHLIGHTS.values() for qid in group]
    rows = store.answers_and_notes(journal, first, last, ids, FREE_LOOKS.values())

    def member(name: str, qid: str | None, look: str) -> bool:
        return qid in HIGHLIGHTS[name] if qid else FREE_LOOKS.get(name) == look

    return {
        name: [
            figures.Highlight(date, qid, captions.question_name(qid, lang) if qid else None, text)
            for date, qid, look, text in rows
            if member(name, qid, look)
        ]
        for name in HIGHLIGHTS
    }
