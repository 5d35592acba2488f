"""Goals (a year's or a month's) and the tasks that serve them (goal_tasks, m008)."""

from __future__ import annotations

import operator
from collections.abc import Sequence

from fourlooks.errors import FourlooksError
from fourlooks.model import Goal, GoalState, field_names
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

# The columns of `goals` are Goal's fields in their order; task_ids live in goal_tasks.
_FIELDS = tuple(name for name in field_names(Goal) if name != "task_ids")
_COLUMNS = ", ".join(_FIELDS)
_INSERT = f"INSERT INTO goals ({_COLUMNS}) VALUES ({', '.join('?' * len(_FIELDS))})"
_UPDATE = f"UPDATE goals SET {', '.join(f'{name} = ?' for name in _FIELDS[1:])} WHERE id = ?"


def add(journal: Journal, text: str, *, period: str) -> Goal:
    """Store a new open goal; the text must already be cleaned.

    Stamped after the latest goal, so goals list in the order they were set whatever the clock.
    """
    with journal.write() as conn:
        stamp = now_iso(latest_stamp(conn, "SELECT max(created_at) FROM goals"))
        goal = Goal(id=new_id(), text=text, period=period, created_at=stamp, updated_at=stamp)
        insert(journal, goal)
    return goal


def insert(journal: Journal, goal: Goal) -> None:
    """Write a goal exactly as given (ids, links and timestamps included)."""
    with journal.write() as conn:
        conn.execute(_INSERT, _row(goal))
        _link(journal, goal)


def overwrite(journal: Journal, goal: Goal) -> None:
    """Replace the stored goal with this one, every field and its links."""
    with journal.write() as conn:
        conn.execute(_UPDATE, (*_row(goal)[1:], goal.id))
        conn.execute("DELETE FROM goal_tasks WHERE goal_id = ?", (goal.id,))
        _link(journal, goal)


def _link(journal: Journal, goal: Goal) -> None:
    # A task serves one goal: linking it here unlinks it from any other.
    journal.conn.executemany(
        "INSERT OR REPLACE INTO goal_tasks (task_id, goal_id) VALUES (?, ?)",
        ((task_id, goal.id) for task_id in goal.task_ids),
    )


def link_task(journal: Journal, goal_id: str, task_id: str) -> None:
    """Let the task serve the goal; the goal is stamped, so an import carries the link."""
    with journal.write() as conn:
        row = conn.execute("SELECT updated_at FROM goals WHERE id = ?", (goal_id,)).fetchone()
        conn.execute("UPDATE goals SET updated_at = ? WHERE id = ?", (stamp_after(row[0]), goal_id))
        conn.execute(
            "INSERT OR REPLACE INTO goal_tasks (task_id, goal_id) VALUES (?, ?)",
            (task_id, goal_id),
        )


def close(journal: Journal, goal: Goal, state: GoalState) -> Goal:
    """Mark an open goal done or dropped."""
    if not goal.is_open:
        raise FourlooksError(f"goal {goal.id[:8]} is already {goal.state.value}")
    stamp = stamp_after(goal.updated_at)
    with journal.write() as conn:
        conn.execute(
            "UPDATE goals SET state = ?, closed_at = ?, updated_at = ? WHERE id = ?",
            (state.value, stamp, stamp, goal.id),
        )
    return _fetch(journal, "WHERE id = ?", [goal.id])[0]


def get(journal: Journal, id_or_prefix: str) -> Goal:
    """The goal whose id is, or starts with, the text given."""
    goal_id = resolve_id(journal, id_or_prefix, table="goals", noun="goal")
    return _fetch(journal, "WHERE id = ?", [goal_id])[0]


def query(journal: Journal, *, include_closed: bool = False) -> list[Goal]:
    """Goals by period (years before their months), then by when they were added."""
    where = "" if include_closed else "WHERE state = 'open'"
    return _fetch(journal, f"{where} ORDER BY period, created_at, id", [])


def in_creation_order(journal: Journal) -> list[Goal]:
    return _fetch(journal, "ORDER BY created_at, id", [])


def updated_at(journal: Journal, ids: Sequence[str]) -> dict[str, str]:
    """When each of the stored goals with these ids was last changed."""
    return dict(in_chunks(journal, "SELECT id, updated_at FROM goals WHERE id IN ({marks})", ids))


def short_ids(journal: Journal, ids: Sequence[str]) -> dict[str, str]:
    return {goal_id: _short_id(journal, "goals", goal_id) for goal_id in ids}


def goal_of(journal: Journal, task_id: str) -> str | None:
    row = journal.conn.execute(
        "SELECT goal_id FROM goal_tasks WHERE task_id = ?", (task_id,)
    ).fetchone()
    return row[0] if row else None


def _fetch(journal: Journal, where_sql: str, params: Sequence[object]) -> list[Goal]:
    rows = read_rows(journal, f"SELECT {_COLUMNS} FROM goals {where_sql}", params, noun="goal")
    links: dict[str, list[str]] = {}
    sql = "SELECT goal_id, task_id FROM goal_tasks WHERE goal_id IN ({marks}) ORDER BY task_id"
    for goal_id, task_id in in_chunks(journal, sql, [row[0] for row in rows]):
        links.setdefault(goal_id, []).append(task_id)
    return [_goal(row, tuple(links.get(row[0], ()))) for row in rows]


def _goal(row: Sequence, task_ids: tuple[str, ...]) -> Goal:
    """The one mapping from a row of _COLUMNS to a Goal."""
    values = dict(zip(_FIELDS, row, strict=True))
    values["state"] = GoalState(values["state"])
    return Goal(**values, task_ids=task_ids)


# GoalState is a str enum: sqlite3 binds it as its text value.
_row = operator.attrgetter(*_FIELDS)
