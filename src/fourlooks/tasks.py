"""Tasks (事省): adding, listing, showing, editing and closing them, each with why a review is due.

Every function gathers all its command shows, short ids included, so rendering reads no
journal. Why a review is due is decided by `status.task_reason`, with the other due rules.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from fourlooks.errors import FourlooksError, UsageError
from fourlooks.model import Entry, Task
from fourlooks.store import Journal
from fourlooks.store import tasks as table


class TaskRef(NamedTuple):
    task: Task
    short_id: str  # as listings show it


class Listed(NamedTuple):
    task: Task
    short_id: str
    review_due: str | None  # status.PAST_DUE, CLOSED_UNREVIEWED, REVIEW_UNFINISHED or None


class Detail(NamedTuple):
    task: Task
    review_due: str | None
    answers: list[Entry]  # the answers of its reviews, oldest first
    answer_ids: dict[str, str]  # each answer's short id


def add(
    journal: Journal,
    title: str,
    *,
    due: str | None = None,
    goal_id: str | None = None,
    owner: str | None = None,
) -> TaskRef:
    """Store a new open task, serving an open goal if one is given, in one transaction.

    Its title must be what `model.clean_title` returns, its owner what `clean_owner` does.
    """
    from fourlooks import goals
    from fourlooks.store import goals as goal_table

    with journal.write():
        goal = goals.open_goal(journal, goal_id) if goal_id is not None else None
        task = table.add(journal, title, due=due, owner=owner)
        if goal is not None:
            goal_table.link_task(journal, goal.id, task.id)
    return TaskRef(task, _short(journal, task))


def listing(
    journal: Journal, *, include_closed: bool, today: dt.date, owner: str | None = None
) -> list[Listed]:
    """Open tasks (or all) by due date, each with why it is due for a review on `today`.

    `owner` keeps the tasks of that owner only, whatever the case of its letters.
    """
    from fourlooks import status

    found = table.with_reviews(journal, include_closed=include_closed)
    if owner is not None:
        found = [item for item in found if same_owner(item.task.owner, owner)]
    short = table.short_ids(journal, [item.task.id for item in found])
    return [Listed(i.task, short[i.task.id], status.task_reason(i, today)) for i in found]


def detail(journal: Journal, task_id: str, *, today: dt.date) -> Detail:
    """A task, whether a review is due on `today`, and the answers of its reviews."""
    from fourlooks import status
    from fourlooks.store import entries

    task = table.get(journal, task_id)
    [item] = [each for each in table.with_reviews(journal) if each.task.id == task.id]
    answers = entries.query(journal, task_id=task.id, newest_first=False)
    short = entries.short_ids(journal, [entry.id for entry in answers])
    return Detail(task, status.task_reason(item, today), answers, short)


def close(journal: Journal, task_id: str) -> TaskRef:
    """Close an open task without a review; it stays due for one. A closed task is refused."""
    task = table.get(journal, task_id)
    short = _short(journal, task)
    if not task.is_open:
        raise FourlooksError(f"task {short} is already closed")
    return TaskRef(table.close(journal, task.id), short)


def edit(
    journal: Journal,
    task_id: str,
    *,
    title: str | None,
    due: str | None,
    owner: str | None = None,
) -> TaskRef:
    """Give a task a new title, due date or owner; a task is found by its id or a unique prefix."""
    if title is None and due is None and owner is None:
        raise UsageError("give --title, --due or --owner: what to change")
    task = table.get(journal, task_id)
    edited = table.edit(journal, task.id, title=title, due=due, owner=owner)
    return TaskRef(edited, _short(journal, task))


def same_owner(stored: str | None, asked: str) -> bool:
    """Whether a task's owner is the one asked for: `li wei` finds `Li Wei`."""
    return stored is not None and stored.casefold() == asked.casefold()


def _short(journal: Journal, task: Task) -> str:
    return table.short_ids(journal, [task.id])[task.id]
