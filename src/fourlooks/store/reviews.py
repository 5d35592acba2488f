"""Reviews, the questions they skipped, and the commitments a daily review follows up.

A review row is created by its first answer or skip, in that answer's transaction: opening a
review and leaving at once stores nothing, so it does not count as a day with a review.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from typing import NamedTuple

from fourlooks.model import Cadence, Entry, Look, Review
from fourlooks.store import Journal, entries, new_id, now_iso

# The answer that follows up a commitment (not in the bank: the loop asks it per commitment).
FOLLOWUP_ID = "daily.back.followup"
COMMITMENTS_ID = "daily.ahead.commitments"

_COLUMNS = "id, cadence, period, task_id, started_at, completed_at"


class Key(NamedTuple):
    """Which review: its cadence, its period (YYYY-MM-DD or YYYY-MM) and, for a task, the task."""

    cadence: Cadence
    period: str
    task_id: str | None = None


class Draft(NamedTuple):
    """An answer to store: one entry of the review (cadence and task come from its Key)."""

    date: str
    look: Look
    text: str
    question_id: str
    rating: int | None = None
    choice: str | None = None
    commitment_id: str | None = None


def find(journal: Journal, key: Key) -> Review | None:
    """The review for this key, if it has been started."""
    row = journal.conn.execute(
        f"SELECT {_COLUMNS} FROM reviews WHERE cadence = ? AND period = ?"
        " AND ifnull(task_id, '') = ?",
        (key.cadence.value, key.period, key.task_id or ""),
    ).fetchone()
    return _review(row) if row else None


def answers(journal: Journal, review_id: str) -> list[Entry]:
    """The entries of a review, in the order they were written."""
    return entries.query(journal, review_id=review_id, newest_first=False)


def skipped(journal: Journal, review_id: str) -> set[str]:
    """The ids of the questions skipped in a review."""
    rows = journal.conn.execute(
        "SELECT question_id FROM review_skips WHERE review_id = ?", (review_id,)
    )
    return {row[0] for row in rows}


def save(
    journal: Journal, key: Key, drafts: Sequence[Draft], *, complete: bool = False
) -> list[Entry]:
    """Store one answer (one or more entries) in one transaction; return the entries stored."""
    stored: list[Entry] = []
    with journal.write() as conn:
        review_id = _ensure(conn, key)
        start = dt.datetime.now(dt.UTC)
        for number, draft in enumerate(drafts):
            # A microsecond apart: the lines of one answer keep their order in every listing.
            stamp = (start + dt.timedelta(microseconds=number)).isoformat(timespec="microseconds")
            stored.append(
                Entry(
                    id=new_id(),
                    date=draft.date,
                    look=draft.look,
                    text=draft.text,
                    cadence=key.cadence,
                    question_id=draft.question_id,
                    review_id=review_id,
                    task_id=key.task_id,
                    rating=draft.rating,
                    choice=draft.choice,
                    commitment_id=draft.commitment_id,
                    created_at=stamp,
                    updated_at=stamp,
                )
            )
            entries.insert(journal, stored[-1])
        if complete:
            _complete(conn, review_id)
    return stored


def skip(journal: Journal, key: Key, question_id: str, *, complete: bool = False) -> str:
    """Record a skipped question in one transaction; return the review's id."""
    with journal.write() as conn:
        review_id = _ensure(conn, key)
        conn.execute(
            "INSERT OR IGNORE INTO review_skips (review_id, question_id) VALUES (?, ?)",
            (review_id, question_id),
        )
        if complete:
            _complete(conn, review_id)
    return review_id


def complete(journal: Journal, key: Key) -> str:
    """Mark the review complete (creating it if it has no row yet)."""
    with journal.write() as conn:
        review_id = _ensure(conn, key)
        _complete(conn, review_id)
    return review_id


def completed_periods(
    journal: Journal, cadence: Cadence, first: str = "", last: str = "\uffff"
) -> list[str]:
    """Periods of the completed reviews of a cadence, from `first` to `last`, oldest first."""
    rows = journal.conn.execute(
        "SELECT DISTINCT period FROM reviews WHERE cadence = ? AND completed_at IS NOT NULL"
        " AND period BETWEEN ? AND ? ORDER BY period",
        (cadence.value, first, last),
    )
    return [row[0] for row in rows]


def last_reviewed_day(journal: Journal, before: str) -> str | None:
    """The last day before `before` that has a daily review (complete or not)."""
    row = journal.conn.execute(
        "SELECT max(period) FROM reviews WHERE cadence = 'daily' AND period < ?", (before,)
    ).fetchone()
    return row[0]


# Which entries are commitments, for the review's follow-up loop and the report alike:
# look-ahead entries added by hand, and the lines of the commitments answer.
IS_COMMITMENT = f"look = 'ahead' AND (cadence IS NULL OR question_id = '{COMMITMENTS_ID}')"


def open_commitments(journal: Journal, day: str) -> list[Entry]:
    """The commitments a daily review of `day` asks about, oldest first.

    They are the look-ahead entries dated on the last day before `day` that has a daily
    review, not followed up yet: entries added by hand (`add -l ahead`) and the lines of the
    commitments answer. Answers to other look-ahead questions (a yearly goal, a task's lesson,
    next month's goal) are plans of another kind and are not asked "did it happen?".
    """
    previous = last_reviewed_day(journal, day)
    if previous is None:
        return []
    ids = [
        row[0]
        for row in journal.conn.execute(
            f"SELECT id FROM entries WHERE date = ? AND {IS_COMMITMENT}"
            " AND NOT EXISTS (SELECT 1 FROM entries AS f WHERE f.commitment_id = entries.id)"
            " ORDER BY created_at, id",
            (previous,),
        )
    ]
    return [entries.get(journal, entry_id) for entry_id in ids]


def _ensure(conn: sqlite3.Connection, key: Key) -> str:
    """The review's id, inserting its row first if needed; call inside a transaction."""
    row = conn.execute(
        "SELECT id FROM reviews WHERE cadence = ? AND period = ? AND ifnull(task_id, '') = ?",
        (key.cadence.value, key.period, key.task_id or ""),
    ).fetchone()
    if row:
        return row[0]
    review_id = new_id()
    conn.execute(
        "INSERT INTO reviews (id, cadence, period, task_id, started_at) VALUES (?, ?, ?, ?, ?)",
        (review_id, key.cadence.value, key.period, key.task_id, now_iso()),
    )
    return review_id


def _complete(conn: sqlite3.Connection, review_id: str) -> None:
    conn.execute(
        "UPDATE reviews SET completed_at = ? WHERE id = ? AND completed_at IS NULL",
        (now_iso(), review_id),
    )


def _review(row: Sequence) -> Review:
    return Review(
        id=row[0],
        cadence=Cadence(row[1]),
        period=row[2],
        task_id=row[3],
        started_at=row[4],
        completed_at=row[5],
    )
