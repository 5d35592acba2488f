"""Goals: a year's or a month's, kept in view, each served by tasks (part 4, 向前看).

Every function gathers all its command shows, short ids included, so rendering reads no
journal.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from fourlooks.errors import UsageError
from fourlooks.model import Goal, GoalState, Task
from fourlooks.store import Journal
from fourlooks.store import goals as table


class GoalRef(NamedTuple):
    goal: Goal
    short_id: str  # as listings show it


class Detail(NamedTuple):
    goal: Goal
    short_id: str
    tasks: list[Task]  # the tasks that serve it, in the order they were added
    task_ids: dict[str, str]  # each task's short id


def parse_period(*, year: str | None, month: str | None, today: dt.date) -> str:
    """The period a goal is for: --year YYYY, --month WHEN, or else this year."""
    from fourlooks import dates

    if year is not None and month is not None:
        raise UsageError("--year and --month cannot be combined: a goal is for one or the other")
    if month is not None:
        return dates.format_month(*dates.parse_month(month, today=today))
    return f"{dates.parse_year(year, today=today) if year is not None else today.year:04d}"


def add(journal: Journal, text: str, *, period: str) -> GoalRef:
    """Store a new open goal for a year (YYYY) or a month (YYYY-MM)."""
    goal = table.add(journal, text, period=period)
    return GoalRef(goal, _short(journal, goal))


def listing(journal: Journal, *, include_closed: bool = False) -> list[GoalRef]:
    """Open goals (or all) by period, years before their months."""
    found = table.query(journal, include_closed=include_closed)
    short = table.short_ids(journal, [goal.id for goal in found])
    return [GoalRef(goal, short[goal.id]) for goal in found]


def detail(journal: Journal, goal_id: str) -> Detail:
    return _detail(journal, table.get(journal, goal_id))


def open_with_tasks(journal: Journal) -> list[Detail]:
    """Every open goal with its tasks: what the report and the look-ahead show."""
    return [_detail(journal, goal) for goal in table.query(journal)]


def close(journal: Journal, goal_id: str, state: GoalState) -> GoalRef:
    """Mark an open goal done or dropped; a closed goal is refused."""
    goal = table.close(journal, table.get(journal, goal_id), state)
    return GoalRef(goal, _short(journal, goal))


def open_goal(journal: Journal, goal_id: str) -> Goal:
    """The goal a new task is to serve: it must be open."""
    goal = table.get(journal, goal_id)
    if not goal.is_open:
        raise UsageError(
            f"goal {_short(journal, goal)} is {goal.state.value}: a task cannot serve it;"
            " nothing stored"
        )
    return goal


def _detail(journal: Journal, goal: Goal) -> Detail:
    from fourlooks.store import tasks

    served = list(tasks.in_creation_order(journal, set(goal.task_ids)))
    return Detail(
        goal, _short(journal, goal), served, tasks.short_ids(journal, list(goal.task_ids))
    )


def _short(journal: Journal, goal: Goal) -> str:
    return table.short_ids(journal, [goal.id])[goal.id]
