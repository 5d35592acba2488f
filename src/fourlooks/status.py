"""What is due now, as plain data: the day's review, the month's self-audit, tasks to review.

Rules:
- The daily review of the review day is due until it is complete (all day: it is today's).
- The self-audit of a month is due from its last AUDIT_OPENS days until it is done, or until
  the AUDIT_GRACE-th day of the next month, when it lapses: a month skipped does not stay
  due for ever.
- A task is due for a review when it is past its due date and has had no review since that
  date, when it was closed without a review (`task close`), or when its review was begun and
  not finished.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from fourlooks import dates, stats
from fourlooks.model import Cadence, Look, Task
from fourlooks.store import Journal, reviews, tasks
from fourlooks.store.counts import by_look

AUDIT_OPENS = 3  # the self-audit falls due this many days before the month ends...
AUDIT_GRACE = 7  # ...and stays due until done or until this day of the next month
BALANCE_DAYS = 30

PAST_DUE = "past_due"
CLOSED_UNREVIEWED = "closed_unreviewed"
REVIEW_UNFINISHED = "review_unfinished"


class Due(NamedTuple):
    """One review's standing: not_started, in_progress or complete, and whether it is due."""

    period: str
    state: str
    due: bool
    opens: str | None = None  # the self-audit's window
    lapses: str | None = None


class TaskDue(NamedTuple):
    task: Task
    reason: str  # PAST_DUE, CLOSED_UNREVIEWED or REVIEW_UNFINISHED
    short_id: str = ""  # the id as listings show it, gathered so rendering reads no journal


class Status(NamedTuple):
    day: dt.date
    daily: Due
    monthly: Due
    tasks: list[TaskDue]
    daily_streak: stats.Streak
    monthly_streak: stats.Streak
    looks: dict[Look, int]
    neglected: Look | None = None

    @property
    def due(self) -> bool:
        return self.daily.due or self.monthly.due or bool(self.tasks)

    def to_dict(self) -> dict:
        """The shape of `status --json`."""
        first = self.day - dt.timedelta(days=BALANCE_DAYS - 1)
        return {
            "day": self.day.isoformat(),
            "due": self.due,
            "daily": _due_dict(self.daily),
            "monthly": _due_dict(self.monthly),
            "tasks": [{**item.task.to_dict(), "reason": item.reason} for item in self.tasks],
            "streaks": {
                "daily": _streak_dict(self.daily_streak),
                "monthly": _streak_dict(self.monthly_streak),
            },
            "looks": {
                "from": first.isoformat(),
                "to": self.day.isoformat(),
                "counts": {look.value: count for look, count in self.looks.items()},
                "neglected": self.neglected.value if self.neglected else None,
            },
        }


def audit_month(day: dt.date) -> tuple[int, int]:
    """The month whose self-audit is current on `day`: last month in the grace days, else this."""
    if day.day <= AUDIT_GRACE:
        index = day.year * 12 + day.month - 2
        return index // 12, index % 12 + 1
    return day.year, day.month


def audit_window(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day on which the month's self-audit is due."""
    last = dates.month_bounds(year, month)[1]
    return last - dt.timedelta(days=AUDIT_OPENS - 1), last + dt.timedelta(days=AUDIT_GRACE)


def task_reason(item: tasks.TaskReviews, today: dt.date) -> str | None:
    """Why the task is due for a review, or None when it is not."""
    task = item.task
    if item.unfinished:
        return REVIEW_UNFINISHED
    if not task.is_open:
        unreviewed = task.reviewed_at is None or task.reviewed_at < (task.closed_at or "")
        return CLOSED_UNREVIEWED if unreviewed else None
    late = bool(task.due) and task.due < today.isoformat()
    if late and (item.last_review is None or item.last_review < task.due):
        return PAST_DUE
    return None


def gather(journal: Journal, *, day: dt.date) -> Status:
    """Everything `status` shows for the review day `day`."""
    year, month = audit_month(day)
    opens, lapses = audit_window(year, month)
    monthly = _standing(journal, Cadence.MONTHLY, dates.format_month(year, month))
    due_tasks = _due_tasks(journal, day)
    looks = by_look(
        journal,
        date_from=(day - dt.timedelta(days=BALANCE_DAYS - 1)).isoformat(),
        date_to=day.isoformat(),
    )
    daily_days = reviews.completed_periods(journal, Cadence.DAILY)
    months = reviews.completed_periods(journal, Cadence.MONTHLY)
    return Status(
        day=day,
        daily=_standing(journal, Cadence.DAILY, day.isoformat()),
        monthly=Due(
            period=monthly.period,
            state=monthly.state,
            due=monthly.state != "complete" and opens <= day <= lapses,
            opens=opens.isoformat(),
            lapses=lapses.isoformat(),
        ),
        tasks=due_tasks,
        daily_streak=stats.daily_streak(map(dt.date.fromisoformat, daily_days), today=day),
        monthly_streak=stats.monthly_streak([(int(m[:4]), int(m[5:7])) for m in months], today=day),
        looks=stats.balance(looks),
        neglected=stats.neglected(looks),
    )


def _due_tasks(journal: Journal, day: dt.date) -> list[TaskDue]:
    reasons = [(item.task, task_reason(item, day)) for item in tasks.with_reviews(journal)]
    due = [(task, reason) for task, reason in reasons if reason]
    short = tasks.short_ids(journal, [task.id for task, _ in due])
    return [TaskDue(task, reason, short[task.id]) for task, reason in due]


def _standing(journal: Journal, cadence: Cadence, period: str) -> Due:
    found = reviews.find(journal, reviews.Key(cadence, period))
    if found is None:
        return Due(period, "not_started", due=True)
    if found.complete:
        return Due(period, "complete", due=False)
    return Due(period, "in_progress", due=True)


def _due_dict(due: Due) -> dict:
    found = {"period": due.period, "state": due.state, "due": due.due}
    if due.opens:
        found.update(opens=due.opens, lapses=due.lapses)
    return found


def _streak_dict(streak: stats.Streak) -> dict:
    return {"current": streak.current, "longest": streak.longest}
