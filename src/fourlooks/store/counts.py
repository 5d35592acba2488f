"""Counts over entries for the figures `status` shows."""

from __future__ import annotations

from fourlooks.model import Look
from fourlooks.store import Journal

# Answers that record what became of a plan: a commitment's follow-up, a task's state.
BOOKKEEPING = ("daily.back.followup", "task.back.state")


def by_look(
    journal: Journal, *, date_from: str, date_to: str, reflection_only: bool = False
) -> dict[Look, int]:
    """Entries per look dated within the range (both ends included).

    reflection_only leaves out the follow-ups of commitments and the states given to tasks:
    bookkeeping of what was planned, not a look taken.
    """
    # One range scan per look on the (look, date) index: flat however large the journal is.
    sql = "SELECT count(*) FROM entries WHERE look = ? AND date BETWEEN ? AND ?"
    if reflection_only:
        sql += f" AND ifnull(question_id, '') NOT IN ({', '.join(map(repr, BOOKKEEPING))})"
    return {
        look: journal.conn.execute(sql, (look.value, date_from, date_to)).fetchone()[0]
        for look in Look
    }
