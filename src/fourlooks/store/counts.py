"""Counts over entries for the figures `status` shows."""

from __future__ import annotations

from fourlooks.model import Look
from fourlooks.store import Journal


def by_look(journal: Journal, *, date_from: str, date_to: str) -> dict[Look, int]:
    """Entries per look dated within the range (both ends included)."""
    # One range scan per look on the (look, date) index: flat however large the journal is.
    return {
        look: journal.conn.execute(
            "SELECT count(*) FROM entries WHERE look = ? AND date BETWEEN ? AND ?",
            (look.value, date_from, date_to),
        ).fetchone()[0]
        for look in Look
    }
