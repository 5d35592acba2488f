"""Full-text search over entries: the FTS5 index built by migration m002_search.

The index is kept by triggers on `entries` (add, edit, delete, import and review answers all
go through that table), and the triggers call two SQL functions that `register` adds to a
connection. `store.open_journal` registers them on every connection it opens; a program
that writes entries through another connection (the sqlite3 shell, say) must register them
too, or its writes fail with "no such function: fourlooks_index_body" (nothing is changed).
"""

from __future__ import annotations

import sqlite3

from fourlooks import fulltext
from fourlooks.model import Entry, Look
from fourlooks.store import Journal
from fourlooks.store import entries as _entries


def register(conn: sqlite3.Connection) -> None:
    """Add the functions the search triggers call (cheap: no import beyond fulltext)."""
    conn.create_function("fourlooks_index_body", 1, _body, deterministic=True)
    conn.create_function("fourlooks_index_tail", 1, _tail, deterministic=True)


def _body(text: object) -> str:
    return fulltext.index_body(text) if isinstance(text, str) else ""


def _tail(text: object) -> str:
    return fulltext.index_tail(text) if isinstance(text, str) else ""


# bm25 is lower for better matches; the tail column (one character per CJK run) weighs less
# than the text itself. Equal scores: the entry indexed last (usually the newest) first.
_SCORE = "bm25(entry_search, 1.0, 0.2)"


def search(
    journal: Journal,
    terms: list[fulltext.Term],
    *,
    look: Look | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int | None = None,
) -> list[tuple[Entry, float]]:
    """Entries containing every term, best match first (bm25), with their scores."""
    match = fulltext.match_expression(terms)
    filters = [
        (clause, value)
        for clause, value in (
            ("e.look = ?", look.value if look else None),
            ("e.date >= ?", date_from),
            ("e.date <= ?", date_to),
        )
        if value is not None
    ]
    limit_sql = " LIMIT ?" if limit is not None else ""
    limit_params = [limit] if limit is not None else []
    if filters:
        sql = (
            f"SELECT e.id, {_SCORE} AS score FROM entry_search"
            " JOIN entry_search_rows r ON r.n = entry_search.rowid"
            " JOIN entries e ON e.id = r.entry_id WHERE entry_search MATCH ? AND "
            + " AND ".join(clause for clause, _ in filters)
            + " ORDER BY score, entry_search.rowid DESC"
            + limit_sql
        )
        params = [match, *(value for _, value in filters), *limit_params]
    else:
        # Ranked and cut inside FTS5 first: joining every match before the LIMIT costs
        # twice as much for a common word.
        sql = (
            f"SELECT r.entry_id, f.score FROM (SELECT rowid AS n, {_SCORE} AS score"
            " FROM entry_search WHERE entry_search MATCH ?"
            f" ORDER BY score, rowid DESC{limit_sql}) f"
            " JOIN entry_search_rows r ON r.n = f.n ORDER BY f.score, f.n DESC"
        )
        params = [match, *limit_params]
    rows = journal.conn.execute(sql, params).fetchall()
    found = {entry.id: entry for entry in _entries_by_id(journal, [row[0] for row in rows])}
    return [(found[entry_id], score) for entry_id, score in rows if entry_id in found]


def _entries_by_id(journal: Journal, ids: list[str]) -> list[Entry]:
    """The entries with these ids, through the entries module's own row reader."""
    found: list[Entry] = []
    for start in range(0, len(ids), 500):  # SQLite limits parameters per statement
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.extend(_entries._fetch(journal, f"WHERE id IN ({marks})", chunk))
    return found


def rebuild(journal: Journal) -> int:
    """Rebuild the whole index from the entries (after changing fulltext's derived text)."""
    with journal.write() as conn:
        conn.execute("INSERT INTO entry_search (entry_search) VALUES ('delete-all')")
        conn.execute("DELETE FROM entry_search_rows")
        conn.execute(
            "INSERT INTO entry_search_rows (entry_id) SELECT id FROM entries"
            " ORDER BY date, created_at"
        )
        conn.execute(
            "INSERT INTO entry_search (rowid, body, tail)"
            " SELECT r.n, fourlooks_index_body(e.text), fourlooks_index_tail(e.text)"
            " FROM entry_search_rows r JOIN entries e ON e.id = r.entry_id"
        )
        return conn.execute("SELECT count(*) FROM entry_search_rows").fetchone()[0]
