"""The goal screens: `goal list` and `goal show`, as lines and as JSON."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from fourlooks import words
from fourlooks.render import field, local_minute, paint, shown
from fourlooks.render.tasks import state_label

if TYPE_CHECKING:
    from fourlooks.goals import Detail, GoalRef
    from fourlooks.model import Goal


# Keys written whole, so that tests/test_words.py finds each one used.
_STATE_KEYS = {"open": "goal_open", "done": "goal_done", "dropped": "goal_dropped"}


def goal_state(goal: Goal, lang: str) -> str:
    return words.say(_STATE_KEYS[goal.state.value], lang)


def list_lines(found: list[GoalRef], lang: str, *, colour: bool) -> Iterator[str]:
    """One row a goal: short id, its year or month, state, text, how many tasks serve it."""
    for goal, short_id in found:
        tasks = words.say("goal_task_count", lang, count=len(goal.task_ids))
        yield (
            f"{paint(short_id, '2', enabled=colour)}  {goal.period:<7}  "
            f"{words.pad(goal_state(goal, lang), 8)}  {shown(goal.text)}  ({tasks})"
        )


def list_json(found: list[GoalRef]) -> list[dict]:
    return [item.goal.to_dict() for item in found]


def detail_lines(found: Detail, lang: str, *, colour: bool) -> Iterator[str]:
    """Everything stored about a goal, then the tasks that serve it with their states."""
    goal = found.goal
    yield paint(goal.id, "1", enabled=colour)
    yield field("show_goal", shown(goal.text), lang)
    yield field("show_period", goal.period, lang)
    yield field("show_state", goal_state(goal, lang), lang)
    yield field("show_created", local_minute(goal.created_at), lang)
    if goal.closed_at:
        yield field("show_closed", local_minute(goal.closed_at), lang)
    yield from task_lines(found, lang, colour=colour)


def task_lines(found: Detail, lang: str, *, colour: bool) -> Iterator[str]:
    if not found.tasks:
        yield "  " + words.say("goal_no_tasks", lang)
    for task in found.tasks:
        yield (
            f"  {paint(found.task_ids[task.id], '2', enabled=colour)}  "
            f"{words.pad(state_label(task, lang), 12)}  {shown(task.title)}"
        )


def detail_json(found: Detail) -> dict:
    return {**found.goal.to_dict(), "tasks": [task.to_dict() for task in found.tasks]}
