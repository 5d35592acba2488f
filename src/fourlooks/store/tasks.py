"""Tasks: pieces of work reviewed one by one (事省)."""

from __future__ import annotations

import operator
import sqlite3
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from fourlooks.errors import FourlooksError
from fourlooks.model import Task, TaskState, field_names
from fourlooks.store import (
    Journal,
    in_chunks,
    latest_stamp,
    new_id,
    now_iso,
    read_rows,
    stamp_after,
)
from fourlooks.store.entries import _short_id, resolve_id

# The columns of `tasks` are Task's fields in their order.
_FIELDS = field_names(Task)
_COLUMNS = ", ".join(_FIELDS)
_INSERT = f"INSERT INTO tasks ({_COLUMNS}) VALUES ({', '.join('?' * len(_FIELDS))})"
_UPDATE = f"UPDATE tasks SET {', '.join(f'{name} = ?' for name in _FIELDS[1:])} WHERE id = ?"


class TaskReviews(NamedTuple):
    """A task with what its reviews tell: the last review's day, and one left unfinished."""

    task: Task
    last_review: str | None  # YYYY-MM-DD of its latest task review, if any
    unfinished: bool  # a task review was started and not completed


def add(journal: Journal, title: str, *, due: str | None = None, owner: str | None = None) -> Task:
    """Store a new open task; the title and the owner must already be cleaned.

    Stamped after the latest task, so tasks due the same day list in the order they were
    added whatever the clock.
    """
    with journal.write() as conn:
        stamp = now_iso(latest_stamp(conn, "SELECT max(created_at) FROM tasks"))
        task = Task(
            id=new_id(), title=title, due=due, owner=owner, created_at=stamp, updated_at=stamp
        )
        insert(journal, task)
    return task


def insert(journal: Journal, task: Task) -> None:
    """Write a task exactly as given (id and timestamps included)."""
    with journal.write() as conn:
        conn.execute(_INSERT, _row(task))


def overwrite(journal: Journal, task: Task) -> None:
    """Replace the stored task that has this task's id with it, every field."""
    with journal.write() as conn:
        conn.execute(_UPDATE, (*_row(task)[1:], task.id))


def get(journal: Journal, id_or_prefix: str) -> Task:
    """The task whose id is, or starts with, the text given."""
    task_id = resolve_id(journal, id_or_prefix, table="tasks", noun="task")
    return _fetch(journal, "WHERE id = ?", [task_id])[0]


def query(journal: Journal, *, include_closed: bool = False) -> list[Task]:
    """Tasks by due date (undated last), then by when they were added."""
    where = "" if include_closed else "WHERE closed_at IS NULL"
    return _fetch(journal, f"{where} ORDER BY due IS NULL, due, created_at, id", [])


def in_creation_order(journal: Journal, ids: set[str] | None = None) -> Iterator[Task]:
    """Tasks (all, or those with the ids given) in the order they were created."""
    for task in _fetch(journal, "ORDER BY created_at, id", []):
        if ids is None or task.id in ids:
            yield task


def titles(journal: Journal) -> dict[str, str]:
    """Every task's title by its id."""
    return dict(read_rows(journal, "SELECT id, title FROM tasks", noun="task"))


def titles_of(journal: Journal, ids: Sequence[str]) -> dict[str, str]:
    """The title of each task with these ids."""
    return dict(in_chunks(journal, "SELECT id, title FROM tasks WHERE id IN ({marks})", ids))


def updated_at(journal: Journal, ids: Sequence[str]) -> dict[str, str]:
    """When each of the stored tasks with these ids was last changed."""
    return dict(in_chunks(journal, "SELECT id, updated_at FROM tasks WHERE id IN ({marks})", ids))


# A review begun and not finished (m010 indexes these alone, so asking every task is cheap).
_UNFINISHED = (
    "EXISTS (SELECT 1 FROM reviews AS r WHERE r.cadence = 'task' AND r.task_id = t.id"
    "        AND r.completed_at IS NULL)"
)


def with_reviews(journal: Journal, *, include_closed: bool = True) -> list[TaskReviews]:
    """Every task (or the open ones) with its last review day and any unfinished review."""
    return _with_reviews(journal, "" if include_closed else "WHERE t.closed_at IS NULL")


def awaiting_review(journal: Journal) -> list[TaskReviews]:
    """The tasks that may be due for a review, as with_reviews reads them: the open ones, the
    closed ones not reviewed since they closed, and any with a review left unfinished.

    status.task_reason decides which are due; a task closed and reviewed after is never,
    and a long journal is mostly those (299 of 300 tasks in the 100,000-entry benchmark):
    `status` and the due file read each task it asks about, twice a run.
    """
    where = (
        "WHERE t.closed_at IS NULL OR t.reviewed_at IS NULL OR t.reviewed_at < t.closed_at"
        f" OR {_UNFINISHED}"
    )
    return _with_reviews(journal, where)


def _with_reviews(journal: Journal, where: str) -> list[TaskReviews]:
    columns = ", ".join(f"t.{name}" for name in _FIELDS)
    rows = read_rows(
        journal,
        f"SELECT {columns},"
        " (SELECT max(period) FROM reviews AS r WHERE r.cadence = 'task' AND r.task_id = t.id),"
        f" {_UNFINISHED}"
        f" FROM tasks AS t {where} ORDER BY t.due IS NULL, t.due, t.created_at, t.id",
        noun="task",
    )
    width = len(_FIELDS)
    return [TaskReviews(_task(row[:width]), row[width], bool(row[width + 1])) for row in rows]


def close(journal: Journal, task_id: str) -> Task:
    """Close an open task without a review (it then awaits one)."""
    with journal.write() as conn:
        stamp = _stamp(conn, task_id)
        cursor = conn.execute(
            "UPDATE tasks SET closed_at = ?, updated_at = ? WHERE id = ? AND closed_at IS NULL",
            (stamp, stamp, task_id),
        )
        if cursor.rowcount != 1:
            raise FourlooksError(f"task {task_id[:8]} is already closed")
    return get(journal, task_id)


def edit(
    journal: Journal,
    task_id: str,
    *,
    title: str | None,
    due: str | None,
    owner: str | None = None,
) -> Task:
    """Change a task's title, due date and/or owner (None: leave it) in one transaction."""
    with journal.write() as conn:
        conn.execute(
            "UPDATE tasks SET title = ifnull(?, title), due = ifnull(?, due),"
            " owner = ifnull(?, owner), updated_at = ? WHERE id = ?",
            (title, due, owner, _stamp(conn, task_id), task_id),
        )
    return get(journal, task_id)


def set_checkpoint(journal: Journal, task_id: str, day: str) -> None:
    """The day the task is due for its next review, as a review under way set it."""
    with journal.write() as conn:
        conn.execute(
            "UPDATE tasks SET checkpoint = ?, updated_at = ? WHERE id = ?",
            (day, _stamp(conn, task_id), task_id),
        )


def record_state(journal: Journal, task_id: str, state: TaskState) -> None:
    """A review's verdict on the task: its state, reviewed now, closed if the state closes it.

    A task that is already closed stays closed whatever the state: someone closed it on
    purpose, and the review records how it ended.
    """
    with journal.write() as conn:
        # One stamp, after the task's last change: a review after `task close` is later
        # than the close, whatever the clock says.
        stamp = _stamp(conn, task_id)
        conn.execute(
            "UPDATE tasks SET state = ?, reviewed_at = ?, updated_at = ?,"
            " closed_at = CASE WHEN closed_at IS NULL AND ? THEN ? ELSE closed_at END"
            " WHERE id = ?",
            (state.value, stamp, stamp, state.closes, stamp, task_id),
        )


def mark_reviewed(journal: Journal, task_id: str) -> None:
    """Note that the task has just been reviewed."""
    with journal.write() as conn:
        stamp = _stamp(conn, task_id)
        conn.execute(
            "UPDATE tasks SET reviewed_at = ?, updated_at = ? WHERE id = ?",
            (stamp, stamp, task_id),
        )


def _stamp(conn: sqlite3.Connection, task_id: str) -> str:
    """The task's next `updated_at`, read and written in one transaction: never backwards."""
    row = conn.execute("SELECT updated_at FROM tasks WHERE id = ?", (task_id,)).fetchone()
    return stamp_after(row[0] if row else None)


def short_ids(journal: Journal, ids: Sequence[str]) -> dict[str, str]:
    """The shortest prefix of each task id (at least 8 long) that no other task shares."""
    return {task_id: _short_id(journal, "tasks", task_id) for task_id in ids}


def _fetch(journal: Journal, where_sql: str, params: Sequence[object]) -> list[Task]:
    rows = read_rows(journal, f"SELECT {_COLUMNS} FROM tasks {where_sql}", params, noun="task")
    return [_task(row) for row in rows]


def _task(row: Sequence) -> Task:
    """The one mapping from a row of _COLUMNS to a Task."""
    values = dict(zip(_FIELDS, row, strict=True))
    values["state"] = TaskState(values["state"]) if values["state"] else None
    return Task(**values)


# TaskState is a str enum: sqlite3 binds it as its text value.
_row = operator.attrgetter(*_FIELDS)
