"""What is due now, as plain data: the day's review, the month's self-audit, tasks to review.

Rules:
- The daily review of the review day is due until it is complete (all day: it is today's).
- The self-audit of a month is due in its window (review.cadences.MONTHLY: from the month's
  last 3 days until the 7th of the next) until it is done; then it lapses: a month skipped
  does not stay due for ever. A month that ended before the journal's first entry is one
  the person never used: its audit is not due, and the month of the day is shown instead.
- A task is due for a review when it is past its due date and has had no review since that
  date, when it was closed without a review (`task close`), when its review was begun and
  not finished, or, while it is open, from the day of the checkpoint its last review set
  (reviewed as under way or not done) until it is reviewed on or after that day.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from fourlooks import stats
from fourlooks.model import Cadence, Look, Task
from fourlooks.review import cadences
from fourlooks.store import Journal, reviews, tasks
from fourlooks.store.counts import by_look

BALANCE_DAYS = 30

PAST_DUE = "past_due"
CLOSED_UNREVIEWED = "closed_unreviewed"
REVIEW_UNFINISHED = "review_unfinished"
CHECKPOINT = "checkpoint"  # the day a review under way or not done set for the next one
OFF = "off"  # the state of a cadence whose every question is switched off


class Due(NamedTuple):
    """One review's standing: not_started, in_progress, complete or off; whether it is due."""

    period: str
    state: str
    due: bool
    opens: str | None = None  # the self-audit's window
    lapses: str | None = None


class TaskDue(NamedTuple):
    task: Task
    reason: str  # PAST_DUE, CLOSED_UNREVIEWED, REVIEW_UNFINISHED or CHECKPOINT
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
    commitments_open: int = 0  # dated up to the day and not settled by a follow-up yet
    follow_ups: int = 0  # follow-ups and task states in the window, apart from the looks

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
            "commitments": {"open": self.commitments_open},
            "looks": {
                "from": first.isoformat(),
                "to": self.day.isoformat(),
                "counts": {look.value: count for look, count in self.looks.items()},
                "neglected": self.neglected.value if self.neglected else None,
                "follow_ups": self.follow_ups,
            },
        }


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
    reached = bool(task.checkpoint) and task.checkpoint <= today.isoformat()
    if reached and (item.last_review is None or item.last_review < task.checkpoint):
        return CHECKPOINT
    return None


def gather(
    journal: Journal, *, day: dt.date, asked: frozenset[Cadence] = frozenset(Cadence)
) -> Status:
    """Everything `status` shows for the review day `day`.

    A cadence not `asked` (questions.toml switches off all of its questions) is never due:
    a review with nothing to ask could never be completed.
    """
    due_tasks = _due_tasks(journal, day)
    window = {
        "date_from": (day - dt.timedelta(days=BALANCE_DAYS - 1)).isoformat(),
        "date_to": day.isoformat(),
    }
    # Follow-ups and task states record what became of a plan: counted apart from the looks.
    looks = by_look(journal, **window, reflection_only=True)
    every = by_look(journal, **window)
    return Status(
        day=day,
        daily=_standing(journal, cadences.DAILY, day, asked),
        monthly=_standing(journal, cadences.MONTHLY, day, asked),
        tasks=due_tasks,
        daily_streak=_streak(journal, cadences.DAILY, day),
        monthly_streak=_streak(journal, cadences.MONTHLY, day),
        looks=stats.balance(looks),
        neglected=stats.neglected(looks),
        follow_ups=sum(every.values()) - sum(looks.values()),
        commitments_open=reviews.count_open_commitments(
            journal, (day + dt.timedelta(days=1)).isoformat()
        ),
    )


def _due_tasks(journal: Journal, day: dt.date) -> list[TaskDue]:
    reasons = [(item.task, task_reason(item, day)) for item in tasks.awaiting_review(journal)]
    due = [(task, reason) for task, reason in reasons if reason]
    short = tasks.short_ids(journal, [task.id for task, _ in due])
    return [TaskDue(task, reason, short[task.id]) for task, reason in due]


def audit_due(journal: Journal, day: dt.date) -> str | None:
    """The month whose self-audit `review --monthly` takes on `day`, when it is due and not done."""
    standing = _standing(journal, cadences.MONTHLY, day, frozenset(Cadence))
    return standing.period if standing.due else None


def current_period(journal: Journal, spec: cadences.Spec, day: dt.date) -> str:
    """The period whose review is current on `day`, unless it ended before the journal began."""
    from fourlooks.store.summary import first_entry_date

    period = spec.current(day)
    if period == spec.period(day):
        return period
    began = min(first_entry_date(journal) or day.isoformat(), day.isoformat())
    return period if spec.dated(period).isoformat() >= began else spec.period(day)


def _standing(
    journal: Journal, spec: cadences.Spec, day: dt.date, asked: frozenset[Cadence]
) -> Due:
    """The review current on `day`: how far it is, and whether it is due (in its window)."""
    period = current_period(journal, spec, day)
    if spec.cadence not in asked:
        return Due(period, OFF, due=False)
    found = reviews.find(journal, reviews.Key(spec.cadence, period))
    state = "not_started" if found is None else "complete" if found.complete else "in_progress"
    window = spec.window(period)
    opens, lapses = (window[0].isoformat(), window[1].isoformat()) if window else (None, None)
    due = state != "complete" and spec.is_due(period, day)
    return Due(period, state, due=due, opens=opens, lapses=lapses)


def _streak(journal: Journal, spec: cadences.Spec, day: dt.date) -> stats.Streak:
    """The streak as it stands in the period `day` falls in."""
    return spec.streak_in(journal, at=spec.period(day))


def _due_dict(due: Due) -> dict:
    found = {"period": due.period, "state": due.state, "due": due.due}
    if due.opens:
        found.update(opens=due.opens, lapses=due.lapses)
    return found


def _streak_dict(streak: stats.Streak) -> dict:
    return {"current": streak.current, "longest": streak.longest}
