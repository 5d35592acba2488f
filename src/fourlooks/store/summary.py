"""Aggregate queries for the reports: counts and answers over a span of days, as plain values.

Every function takes days as `YYYY-MM-DD` text, both ends included, and reads only: the
figures built from them live in `fourlooks.report`. Timestamps (`created_at`, `closed_at`)
are stored in UTC; their day is the user's local day (`clock.day_starts`), not their first
ten characters.
"""

from __future__ import annotations

from collections.abc import Iterable

from fourlooks import clock
from fourlooks.store import Journal
from fourlooks.store.counts import BOOKKEEPING
from fourlooks.store.reviews import IS_COMMITMENT, IS_SETTLED, KEPT

FOLLOW_UPS = "follow_ups"  # the key under which entries_per_month_and_look counts BOOKKEEPING


def entries_per_day(journal: Journal, first: str, last: str) -> dict[str, int]:
    """Entries per date, for dates that have any."""
    rows = journal.conn.execute(
        "SELECT date, count(*) FROM entries WHERE date BETWEEN ? AND ? GROUP BY date",
        (first, last),
    )
    return dict(rows.fetchall())


def entries_per_month_and_look(
    journal: Journal, first: str, last: str
) -> dict[str, dict[str, int]]:
    """Entries per month (`YYYY-MM`) and look, for months that have any.

    Follow-ups of commitments and the states given to tasks record what became of a plan,
    not a look taken: they are counted apart, under FOLLOW_UPS, in the same single scan.
    """
    kept = ", ".join(f"'{question_id}'" for question_id in BOOKKEEPING)
    rows = journal.conn.execute(
        "SELECT substr(date, 1, 7),"
        f" CASE WHEN ifnull(question_id, '') IN ({kept}) THEN '{FOLLOW_UPS}' ELSE look END,"
        " count(*) FROM entries WHERE date BETWEEN ? AND ? GROUP BY 1, 2",
        (first, last),
    )
    return _nested(rows)


def first_entry_date(journal: Journal) -> str | None:
    """The date of the journal's earliest entry: the day it began, as far as it tells."""
    return journal.conn.execute("SELECT min(date) FROM entries").fetchone()[0]


def monthly_ratings(journal: Journal, first: str, last: str) -> dict[str, dict[str, int]]:
    """Ratings given in monthly reviews, per month (`YYYY-MM`, between the two given) and question.

    Read through the reviews: a handful of rows, where scanning the entries of six months
    for their ratings read every entry of them. If a question was somehow answered twice in
    a review, the answer written last counts.
    """
    rows = journal.conn.execute(
        "SELECT r.period, e.question_id, e.rating FROM reviews AS r"
        " JOIN entries AS e ON e.review_id = r.id"
        " WHERE r.cadence = 'monthly' AND r.period BETWEEN ? AND ?"
        " AND e.rating IS NOT NULL AND e.question_id IS NOT NULL"
        " ORDER BY r.period, e.created_at",
        (first, last),
    )
    return _nested(rows)


def _nested(rows: Iterable[tuple[str, str, int]]) -> dict[str, dict[str, int]]:
    """(month, key, number) rows as month -> key -> number; a later row wins."""
    found: dict[str, dict[str, int]] = {}
    for month, key, number in rows:
        found.setdefault(month, {})[key] = number
    return found


def commitment_answers(journal: Journal, first: str, last: str) -> list[str | None]:
    """For each commitment dated in the span, the answer that settled it, None while open.

    The rule of what settles a commitment is the review's (store.reviews.IS_SETTLED): a
    commitment kept open when asked whether to keep it is still awaited. Follow-ups written
    after the span count too, since a commitment is followed up in a later review.
    """
    rows = journal.conn.execute(
        "SELECT (SELECT f.choice FROM entries AS f WHERE f.commitment_id = e.id"
        f"        AND ifnull(f.choice, '') != '{KEPT}'"
        "        ORDER BY f.date DESC, f.created_at DESC LIMIT 1),"
        f"       {IS_SETTLED.format(commitment='e')}"
        f" FROM entries AS e WHERE {IS_COMMITMENT} AND e.date BETWEEN ? AND ?",
        (first, last),
    )
    # A follow-up without a choice still counts as followed up: it is told apart from none.
    return [(choice or "") if settled else None for choice, settled in rows]


# A task's days are the user's local days: its stamps (UTC) are compared with the moments
# the local days begin (clock.day_starts), so a task added at 07:00 in UTC+8 is of that day.


def tasks_opened(journal: Journal, first: str, last: str) -> int:
    """Tasks created in the span of local days."""
    sql = "SELECT count(*) FROM tasks WHERE created_at >= ? AND created_at < ?"
    return journal.conn.execute(sql, clock.day_starts(first, last)).fetchone()[0]


def tasks_closed(journal: Journal, first: str, last: str) -> int:
    """Tasks closed (done, or done poorly) in the span of local days."""
    sql = "SELECT count(*) FROM tasks WHERE closed_at >= ? AND closed_at < ?"
    return journal.conn.execute(sql, clock.day_starts(first, last)).fetchone()[0]


def tasks_open_on(journal: Journal, day: str) -> list[tuple[str, str, str | None]]:
    """(id, title, due) of the tasks created by the end of the local `day` and not closed
    by then, by due date."""
    _, end = clock.day_starts(day, day)
    rows = journal.conn.execute(
        "SELECT id, title, due FROM tasks WHERE created_at < ?"
        " AND (closed_at IS NULL OR closed_at >= ?)"
        " ORDER BY due IS NULL, due, created_at",
        (end, end),
    )
    return [tuple(row) for row in rows]


def task_states_reviewed(
    journal: Journal, first: str, last: str, state_question: str
) -> dict[str, str]:
    """The last state given to each task reviewed in the span: task id -> state."""
    rows = journal.conn.execute(
        "SELECT task_id, choice FROM entries WHERE question_id = ? AND task_id IS NOT NULL"
        " AND choice IS NOT NULL AND date BETWEEN ? AND ? ORDER BY date, created_at",
        (state_question, first, last),
    )
    return dict(rows.fetchall())


def answers(
    journal: Journal, first: str, last: str, question_ids: Iterable[str]
) -> list[tuple[str, str, str]]:
    """(date, question id, text) of the answers to these questions, oldest first."""
    return [
        (date, qid or "", text)
        for date, qid, _, text in answers_and_notes(journal, first, last, question_ids)
    ]


def answers_and_notes(
    journal: Journal,
    first: str,
    last: str,
    question_ids: Iterable[str],
    free_looks: Iterable[str] = (),
) -> list[tuple[str, str | None, str, str]]:
    """(date, question id, look, text) of the answers to these questions, oldest first; with
    `free_looks`, also the entries of those looks written freely (question id None)."""
    ids, looks = list(question_ids), list(free_looks)
    if not ids and not looks:
        return []
    wanted = f"question_id IN ({','.join('?' * len(ids))})" if ids else "0"
    if looks:
        wanted += f" OR (question_id IS NULL AND look IN ({','.join('?' * len(looks))}))"
    rows = journal.conn.execute(
        f"SELECT date, question_id, look, text FROM entries WHERE date BETWEEN ? AND ?"
        f" AND ({wanted}) ORDER BY date, created_at",
        (first, last, *ids, *looks),
    )
    return [tuple(row) for row in rows]
