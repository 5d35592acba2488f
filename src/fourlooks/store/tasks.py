"""Tasks: pieces of work reviewed one by one (事省)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from fourlooks.errors import FourlooksError
from fourlooks.model import Task, TaskState
from fourlooks.store import Journal, new_id, now_iso
from fourlooks.store.entries import _short_id, resolve_id

COLUMNS = "id, title, due, state, closed_at, reviewed_at, created_at, updated_at"


class TaskReviews(NamedTuple):
    """A task with what its reviews tell: the last review's day, and one left unfinished."""

    task: Task
    last_review: str | None  # YYYY-MM-DD of its latest task review, if any
    unfinished: bool  # a task review was started and not completed


def add(journal: Journal, title: str, *, due: str | None = None) -> Task:
    """Store a new open task; the title must already be cleaned."""
    stamp = now_iso()
    task = Task(id=new_id(), title=title, due=due, created_at=stamp, updated_at=stamp)
    with journal.write() as conn:
        conn.execute(
            f"INSERT INTO tasks ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (task.id, task.title, task.due, None, None, None, stamp, stamp),
        )
    return task


def get(journal: Journal, id_or_prefix: str) -> Task:
    """The task whose id is, or starts with, the text given."""
    task_id = resolve_id(journal, id_or_prefix, table="tasks", noun="task")
    return _fetch(journal, "WHERE id = ?", [task_id])[0]


def query(journal: Journal, *, include_closed: bool = False) -> list[Task]:
    """Tasks by due date (undated last), then by when they were added."""
    where = "" if include_closed else "WHERE closed_at IS NULL"
    return _fetch(journal, f"{where} ORDER BY due IS NULL, due, created_at, id", [])


def with_reviews(journal: Journal, *, include_closed: bool = True) -> list[TaskReviews]:
    """Every task (or the open ones) with its last review day and any unfinished review."""
    where = "" if include_closed else "WHERE t.closed_at IS NULL"
    columns = ", ".join(f"t.{name.strip()}" for name in COLUMNS.split(","))
    rows = journal.conn.execute(
        f"SELECT {columns},"
        " (SELECT max(period) FROM reviews AS r WHERE r.cadence = 'task' AND r.task_id = t.id),"
        " EXISTS (SELECT 1 FROM reviews AS r WHERE r.cadence = 'task' AND r.task_id = t.id"
        "         AND r.completed_at IS NULL)"
        f" FROM tasks AS t {where} ORDER BY t.due IS NULL, t.due, t.created_at, t.id"
    ).fetchall()
    return [TaskReviews(from_row(row[:8]), row[8], bool(row[9])) for row in rows]


def close(journal: Journal, task_id: str) -> Task:
    """Close an open task without a review (it then awaits one)."""
    stamp = now_iso()
    with journal.write() as conn:
        cursor = conn.execute(
            "UPDATE tasks SET closed_at = ?, updated_at = ? WHERE id = ? AND closed_at IS NULL",
            (stamp, stamp, task_id),
        )
        if cursor.rowcount != 1:
            raise FourlooksError(f"task {task_id[:8]} is already closed")
    return get(journal, task_id)


def record_state(journal: Journal, task_id: str, state: TaskState) -> None:
    """A review's verdict on the task: its state, reviewed now, closed if the state closes it.

    A task that is already closed stays closed whatever the state: someone closed it on
    purpose, and the review records how it ended.
    """
    stamp = now_iso()
    with journal.write() as conn:
        conn.execute(
            "UPDATE tasks SET state = ?, reviewed_at = ?, updated_at = ?,"
            " closed_at = CASE WHEN closed_at IS NULL AND ? THEN ? ELSE closed_at END"
            " WHERE id = ?",
            (state.value, stamp, stamp, state.closes, stamp, task_id),
        )


def mark_reviewed(journal: Journal, task_id: str) -> None:
    """Note that the task has just been reviewed."""
    stamp = now_iso()
    with journal.write() as conn:
        conn.execute(
            "UPDATE tasks SET reviewed_at = ?, updated_at = ? WHERE id = ?",
            (stamp, stamp, task_id),
        )


def short_ids(journal: Journal, ids: Sequence[str]) -> dict[str, str]:
    """The shortest prefix of each task id (at least 8 long) that no other task shares."""
    return {task_id: _short_id(journal, "tasks", task_id) for task_id in ids}


def _fetch(journal: Journal, where_sql: str, params: Sequence[object]) -> list[Task]:
    rows = journal.conn.execute(f"SELECT {COLUMNS} FROM tasks {where_sql}", params).fetchall()
    return [from_row(row) for row in rows]


def from_row(row: Sequence) -> Task:
    """A Task from a row of COLUMNS, in that order."""
    return Task(
        id=row[0],
        title=row[1],
        due=row[2],
        state=TaskState(row[3]) if row[3] else None,
        closed_at=row[4],
        reviewed_at=row[5],
        created_at=row[6],
        updated_at=row[7],
    )
