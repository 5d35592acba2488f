"""Reviews, the questions they skipped, and the commitments a daily review follows up.

A review row is created by its first answer or skip, in that answer's transaction: opening a
review and leaving at once stores nothing, so it does not count as a day with a review.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from fourlooks.model import Cadence, Entry, Look, Review, field_names
from fourlooks.store import Journal, entries, in_chunks, latest_stamp, new_id, now_iso

# The answer that follows up a commitment (not in the bank: the loop asks it per commitment).
FOLLOWUP_ID = "daily.back.followup"
COMMITMENTS_ID = "daily.ahead.commitments"

# The columns of `reviews` are Review's fields in their order; skips live in review_skips.
_FIELDS = tuple(name for name in field_names(Review) if name != "skipped")
_COLUMNS = ", ".join(_FIELDS)


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
    return _review(row, sorted(skipped(journal, row[0]))) if row else None


def in_period_order(journal: Journal, ids: set[str] | None = None) -> Iterator[Review]:
    """Reviews (all, or those with the ids given) by period, cadence and task, with skips."""
    skips: dict[str, list[str]] = {}
    for review_id, question_id in journal.conn.execute(
        "SELECT review_id, question_id FROM review_skips ORDER BY review_id, question_id"
    ):
        skips.setdefault(review_id, []).append(question_id)
    rows = journal.conn.execute(
        f"SELECT {_COLUMNS} FROM reviews ORDER BY period, cadence, ifnull(task_id, ''), id"
    ).fetchall()
    for row in rows:
        if ids is None or row[0] in ids:
            yield _review(row, skips.get(row[0], ()))


def by_id(journal: Journal, ids: Sequence[str]) -> dict[str, Review]:
    """The stored reviews with these ids (their skips not read)."""
    sql = f"SELECT {_COLUMNS} FROM reviews WHERE id IN ({{marks}})"
    return {row[0]: _review(row) for row in in_chunks(journal, sql, ids)}


def insert(journal: Journal, review: Review) -> None:
    """Write a review exactly as given, with the questions it skipped."""
    with journal.write() as conn:
        conn.execute(
            f"INSERT INTO reviews ({_COLUMNS}) VALUES ({', '.join('?' * len(_FIELDS))})",
            _row(review),
        )
        add_skips(journal, review.id, review.skipped)


def add_skips(journal: Journal, review_id: str, question_ids: Iterable[str]) -> int:
    """Mark these questions skipped in a review; return how many were not already."""
    added = 0
    with journal.write() as conn:
        for question_id in question_ids:
            added += conn.execute(
                "INSERT OR IGNORE INTO review_skips (review_id, question_id) VALUES (?, ?)",
                (review_id, question_id),
            ).rowcount
    return added


def set_times(journal: Journal, review_id: str, started_at: str, completed_at: str | None) -> None:
    """Change when a review started and was completed."""
    with journal.write() as conn:
        conn.execute(
            "UPDATE reviews SET started_at = ?, completed_at = ? WHERE id = ?",
            (started_at, completed_at, review_id),
        )


def answers(journal: Journal, review_id: str) -> list[Entry]:
    """The entries of a review, in the order they were written."""
    return entries.query(journal, review_id=review_id, newest_first=False)


def given(journal: Journal, key: Key, question_id: str) -> tuple[list[Entry], bool]:
    """What is stored for one question of a review: its answer's entries, and whether skipped.

    Read inside the transaction that would store an answer: another terminal taking the
    same review may have settled the question meanwhile.
    """
    review = find(journal, key)
    if review is None:
        return [], False
    stored = [entry for entry in answers(journal, review.id) if entry.question_id == question_id]
    return stored, question_id in skipped(journal, review.id)


def skipped(journal: Journal, review_id: str) -> set[str]:
    """The ids of the questions skipped in a review."""
    rows = journal.conn.execute(
        "SELECT question_id FROM review_skips WHERE review_id = ?", (review_id,)
    )
    return {row[0] for row in rows}


def save(journal: Journal, key: Key, drafts: Sequence[Draft]) -> list[Entry]:
    """Store one answer (one or more entries) in one transaction; return the entries stored."""
    stored: list[Entry] = []
    with journal.write() as conn:
        review_id = _ensure(conn, key)
        for draft in drafts:
            # Each after the day's latest entry: the lines of one answer, and the answers of
            # one review, keep their order in every listing whatever the clock says.
            stamp = now_iso(entries.day_latest(conn, draft.date))
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
    return stored


def save_apart(journal: Journal, drafts: Sequence[Draft]) -> list[Entry]:
    """Keep an answer as plain entries of its day and look, belonging to no review."""
    with journal.write():
        return [entries.add(journal, date=d.date, look=d.look, text=d.text) for d in drafts]


def skip(journal: Journal, key: Key, question_id: str) -> str:
    """Record a skipped question in one transaction; return the review's id."""
    with journal.write() as conn:
        review_id = _ensure(conn, key)
        add_skips(journal, review_id, [question_id])
    return review_id


def keep_questions(journal: Journal, key: Key, question_ids: Sequence[str]) -> None:
    """Keep the questions a review was given, in order, unless it keeps a set already.

    Called in the transaction of the review's first answer or skip, so a review taken up
    again asks the set it began with.
    """
    with journal.write() as conn:
        review_id = _ensure(conn, key)
        if conn.execute(
            "SELECT 1 FROM review_questions WHERE review_id = ? LIMIT 1", (review_id,)
        ).fetchone():
            return
        conn.executemany(
            "INSERT INTO review_questions (review_id, position, question_id) VALUES (?, ?, ?)",
            [(review_id, number, qid) for number, qid in enumerate(question_ids)],
        )


def kept_questions(journal: Journal, key: Key) -> list[str] | None:
    """The question ids a review was given, in order; None when it keeps none."""
    found = find(journal, key)
    if found is None:
        return None
    rows = journal.conn.execute(
        "SELECT question_id FROM review_questions WHERE review_id = ? ORDER BY position",
        (found.id,),
    ).fetchall()
    return [row[0] for row in rows] or None


def last_answered(journal: Journal, question_ids: Sequence[str], before: str) -> dict[str, str]:
    """The last day before `before` each of these questions was answered, for those answered."""
    sql = (
        "SELECT question_id, max(date) FROM entries WHERE date < ?"
        " AND question_id IN ({marks}) GROUP BY question_id"
    )
    found: dict[str, str] = {}
    for start in range(0, len(question_ids), 500):
        chunk = list(question_ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        found.update(journal.conn.execute(sql.format(marks=marks), (before, *chunk)).fetchall())
    return found


def complete(journal: Journal, key: Key) -> str:
    """Mark the review complete (creating it if it has no row yet).

    Whether a review is complete is the engine's decision (review.engine.Run._finished),
    made inside the transaction that stores the last answer: call this within it.
    """
    with journal.write() as conn:
        review_id = _ensure(conn, key)
        _complete(conn, review_id)
    return review_id


def completed_periods(
    journal: Journal, cadence: Cadence, first: str = "", last: str = "\uffff"
) -> list[str]:
    """Periods of the completed reviews of a cadence, from `first` to `last`, oldest first.

    A review counts only when at least one of its questions was answered: a review whose
    every question was skipped is complete (nothing is left to ask) but holds no practice, so
    it extends no streak and covers no day.
    """
    # `answered` is kept by triggers on entries (m012): asking the entries here for each
    # review read the whole history's answers on every `status`.
    rows = journal.conn.execute(
        "SELECT DISTINCT period FROM reviews WHERE cadence = ? AND completed_at IS NOT NULL"
        " AND answered = 1 AND period BETWEEN ? AND ? ORDER BY period",
        (cadence.value, first, last),
    )
    return [row[0] for row in rows]


def completed_marks(
    journal: Journal, cadence: Cadence, index_sql: str, last: str = "\uffff"
) -> list[int]:
    """completed_periods' periods up to `last` as numbers, by `index_sql` (an expression of
    `period`).

    In no order, and a period with several reviews (tasks') comes once for each.
    """
    rows = journal.conn.execute(
        f"SELECT {index_sql} FROM reviews WHERE cadence = ? AND completed_at IS NOT NULL"
        " AND answered = 1 AND period <= ?",
        (cadence.value, last),
    )
    return [row[0] for row in rows]


# Which entries are commitments, for the review's follow-up loop and the report alike:
# look-ahead entries added by hand, and the lines of the commitments answer.
IS_COMMITMENT = f"look = 'ahead' AND (cadence IS NULL OR question_id = '{COMMITMENTS_ID}')"

# Every commitment ever made, by date (m012's partial index, on the rule above): named,
# since the planner prefers the (look, date) index, which reads every look-ahead entry.
COMMITMENTS = "entries INDEXED BY entries_commitments"

# The follow-up answer that keeps a commitment open when it has been open for a while.
KEPT = "kept"

# A commitment is settled once a follow-up answered it (done, partly, not done or dropped):
# `kept` leaves it open, and a follow-up without a choice (an older journal's) settles it.
# One rule for the review that asks and the report that counts what is still awaited.
# SETTLES is that rule for a follow-up `f`; a decision's answers follow it too
# (store.decisions).
SETTLES = f"ifnull(f.choice, '') != '{KEPT}'"
IS_SETTLED = (
    "EXISTS (SELECT 1 FROM entries AS f WHERE f.commitment_id = {commitment}.id"
    f" AND {SETTLES})"
)


def open_commitments(journal: Journal, day: str) -> list[Entry]:
    """The commitments a daily review of `day` asks about, oldest first.

    They are the look-ahead entries dated before `day`, on any day, reviewed or not, that no
    follow-up has settled yet: entries added by hand (`add -l ahead`) and the lines of the
    commitments answer. A follow-up skipped leaves its commitment open, so the next review
    asks it again. Answers to other look-ahead questions (a yearly goal, a task's lesson,
    next month's goal) are plans of another kind and are not asked "did it happen?".
    """
    settled = IS_SETTLED.format(commitment="entries")
    ids = [
        row[0]
        for row in journal.conn.execute(
            f"SELECT id FROM {COMMITMENTS} WHERE date < ? AND {IS_COMMITMENT} AND NOT {settled}"
            " ORDER BY date, created_at, id",
            (day,),
        )
    ]
    return [entries.get(journal, entry_id) for entry_id in ids]


def not_followed_up(journal: Journal, question_id: str, first: str, last: str) -> list[Entry]:
    """The answers to a question dated `first` to `last` that no follow-up answered yet.

    What the monthly audit asks about again: the faults named before, the goal an audit set
    before goals were stored. Oldest first, in the order they were written.
    """
    rows = journal.conn.execute(
        "SELECT id FROM entries AS e WHERE question_id = ? AND date BETWEEN ? AND ?"
        " AND NOT EXISTS (SELECT 1 FROM entries AS f WHERE f.commitment_id = e.id)"
        " ORDER BY date, created_at, id",
        (question_id, first, last),
    )
    return [entries.get(journal, row[0]) for row in rows.fetchall()]


def holds_answer(journal: Journal, key: Key, question_id: str) -> bool:
    """Whether the review holds an answer to this question (one asked outside the bank too)."""
    review = find(journal, key)
    if review is None:
        return False
    row = journal.conn.execute(
        "SELECT 1 FROM entries WHERE review_id = ? AND question_id = ? LIMIT 1",
        (review.id, question_id),
    ).fetchone()
    return row is not None


def kept_open(journal: Journal, ids: Sequence[str]) -> set[str]:
    """Of these commitments, the ones already asked whether to keep them, and kept."""
    sql = (
        f"SELECT commitment_id FROM entries WHERE choice = '{KEPT}'"
        " AND commitment_id IN ({marks})"
    )
    return {row[0] for row in in_chunks(journal, sql, ids)}


# The commitments no follow-up settled: entries.settled is IS_SETTLED kept by triggers (m014),
# and this partial index holds the commitments whose flag is clear.
OPEN_COMMITMENTS = "entries INDEXED BY entries_open_commitments"


def count_open_commitments(journal: Journal, day: str) -> int:
    """How many commitments dated before `day` are still open."""
    sql = (
        f"SELECT count(*) FROM {OPEN_COMMITMENTS} WHERE date < ? AND {IS_COMMITMENT}"
        " AND settled = 0"
    )
    return journal.conn.execute(sql, (day,)).fetchone()[0]


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
    started = latest_stamp(conn, "SELECT started_at FROM reviews WHERE id = ?", (review_id,))
    conn.execute(
        "UPDATE reviews SET completed_at = ? WHERE id = ? AND completed_at IS NULL",
        (now_iso(started), review_id),
    )


def _review(row: Sequence, skipped: Iterable[str] = ()) -> Review:
    """The one mapping from a row of _COLUMNS (and its skips) to a Review."""
    values = dict(zip(_FIELDS, row, strict=True))
    values["cadence"] = Cadence(values["cadence"])
    return Review(**values, skipped=tuple(skipped))


def _row(review: Review) -> tuple:
    return tuple(getattr(review, name) for name in _FIELDS)
