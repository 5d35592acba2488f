"""Full-text search over entries: the FTS5 index built by migration m002_search.

Since m005 the index stems English words (FTS5's porter over unicode61): `checklist` finds
"checklists", `work` finds "working". A word that is an entry's tag also finds the entry,
after the matches in the text: `search work` finds the entries tagged #work.

The index is kept by triggers on `entries` (add, edit, delete, import and review answers all
go through that table), and the triggers call two SQL functions that `register` adds to a
connection. `store.open_journal` registers them on every connection it opens; a program
that writes entries through another connection (the sqlite3 shell, say) must register them
too, or its writes fail with "no such function: fourlooks_index_body" (nothing is changed).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from types import ModuleType
from typing import TYPE_CHECKING

from fourlooks.model import Entry, Look, clean_tag
from fourlooks.store import Journal
from fourlooks.store import entries as _entries
from fourlooks.store.people import HEARS

if TYPE_CHECKING:
    from fourlooks import fulltext


def register(conn: sqlite3.Connection) -> None:
    """Add the functions the search triggers call (cheap: nothing is imported for them).

    Every connection has them, but only a write calls them: fulltext is imported then,
    not by every `list`, `show` or `status`.
    """
    conn.create_function("fourlooks_index_body", 1, _body, deterministic=True)
    conn.create_function("fourlooks_index_tail", 1, _tail, deterministic=True)


_FULLTEXT: ModuleType | None = None


def _fulltext() -> ModuleType:
    global _FULLTEXT
    if _FULLTEXT is None:
        from fourlooks import fulltext

        _FULLTEXT = fulltext
    return _FULLTEXT


def _body(text: object) -> str:
    return (_FULLTEXT or _fulltext()).index_body(text) if isinstance(text, str) else ""


def _tail(text: object) -> str:
    return (_FULLTEXT or _fulltext()).index_tail(text) if isinstance(text, str) else ""


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
    person: str | None = None,
    limit: int | None = None,
) -> list[tuple[Entry, float]]:
    """Entries containing every term, best match first (bm25), with their scores.

    A term may also be found as a tag: such entries follow the others, newest first, with
    the score 0.0 (bm25 scores of matches in the text are below zero).
    """
    match = _fulltext().match_expression(terms)
    filters = [
        (clause, value)
        for clause, value in (
            ("e.look = ?", look.value if look else None),
            ("e.date >= ?", date_from),
            ("e.date <= ?", date_to),
            (HEARS.format(text="e.text"), person),
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
    if limit is None or len(rows) < limit:
        rows += _tagged(journal, terms, filters, {row[0] for row in rows}, limit, len(rows))
    found = {entry.id: entry for entry in _entries_by_id(journal, [row[0] for row in rows])}
    return [(found[entry_id], score) for entry_id, score in rows if entry_id in found]


def _tagged(
    journal: Journal,
    terms: list[fulltext.Term],
    filters: list[tuple[str, object]],
    seen: set[str],
    limit: int | None,
    have: int,
) -> list[tuple[str, float]]:
    """Entries where some term is a tag and every other term is a tag or in the text."""
    tags = [_as_tag(term) for term in terms]
    named = [tag for tag in tags if tag is not None]
    if not named:
        return []
    marks = ",".join("?" * len(named))
    wheres = [f"e.id IN (SELECT entry_id FROM entry_tags WHERE tag IN ({marks}))"]
    params: list[object] = [*named]
    for term, tag in zip(terms, tags, strict=True):
        params.append(_fulltext().match_expression([term]))
        if tag is None:
            wheres.append(_IN_TEXT)
        else:
            wheres.append(f"({_IN_TEXT} OR {_HAS_TAG})")
            params.append(tag)
    wheres += [clause for clause, _ in filters]
    params += [value for _, value in filters]
    sql = f"SELECT e.id FROM entries e WHERE {' AND '.join(wheres)}"
    rows = journal.conn.execute(sql + " ORDER BY e.date DESC, e.created_at DESC", params)
    found = [(entry_id, 0.0) for (entry_id,) in rows if entry_id not in seen]
    return found if limit is None else found[: limit - have]


_IN_TEXT = (
    "EXISTS (SELECT 1 FROM entry_search WHERE entry_search MATCH ? AND rowid ="
    " (SELECT n FROM entry_search_rows WHERE entry_id = e.id))"
)
_HAS_TAG = "e.id IN (SELECT entry_id FROM entry_tags WHERE tag = ?)"


def _as_tag(term: fulltext.Term) -> str | None:
    """The tag a term would name (`Work` names #work), or None: phrases and prefixes do not."""
    if term.prefix:
        return None
    try:
        return clean_tag(term.text)
    except ValueError:
        return None


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


_INDEXED = "SELECT r.n, fourlooks_index_body(e.text), fourlooks_index_tail(e.text)"

# Every trigger on `entries`, read from the schema so they come back exactly as they were:
# the index's (entry_search_*), those keeping reviews.answered (review_answered_*, m012) and
# entries.settled (commitment_settled_*, m014).
# All are paused, not the index's alone: with a trigger left on `entries` while the others
# were dropped and recreated, another process opening the journal between two batches of
# an import failed its first insert with "no such table: entries" (SQLite 3.40.1).
_TRIGGERS_SQL = (
    "SELECT name, sql FROM main.sqlite_master"
    " WHERE type = 'trigger' AND tbl_name = 'entries' ORDER BY rowid"
)


@contextlib.contextmanager
def deferred(journal: Journal) -> Iterator[sqlite3.Connection]:
    """Write many entries with the search triggers paused, then index them in one batch.

    Why: a statement whose trigger writes to the FTS5 table opens a savepoint, and FTS5 turns
    its pending terms into a new segment at every savepoint; row by row, indexing writes and
    merges one tiny segment per entry, several times the cost of the insert itself. Here the
    index triggers are dropped for the block and recreated from their own SQL after it; the
    index is then filled for the entries added and updated in the block with what the
    triggers would have stored. DDL is transactional in SQLite, and the block runs in a
    savepoint of the caller's transaction: an error rolls the block back to the triggers and
    index as they were, and a crash loses the uncommitted transaction whole. Readers in other
    connections see the last committed schema, which always has the triggers.

    Inside, entries may be inserted and updated; deleting one or changing its id is refused.
    """
    with journal.write() as conn:
        triggers = conn.execute(_TRIGGERS_SQL).fetchall()
        conn.execute("SAVEPOINT deferred_index")
        try:
            marks = _pause(conn, triggers)
            yield conn
            _catch_up(conn, *marks)
            _resume(conn, triggers)
        except BaseException:
            # Some errors (a full disk, say) have already ended the whole transaction.
            if conn.in_transaction:
                conn.execute("ROLLBACK TO deferred_index")
                conn.execute("RELEASE deferred_index")
            raise
        conn.execute("RELEASE deferred_index")


def _pause(conn: sqlite3.Connection, triggers: list[tuple[str, str]]) -> tuple[int, int]:
    """Drop the index triggers; note where the entries and index rows end, and texts changed."""
    entry_mark, row_mark = conn.execute(
        "SELECT (SELECT ifnull(max(rowid), 0) FROM entries),"
        " (SELECT ifnull(max(n), 0) FROM entry_search_rows)"
    ).fetchone()
    for statement in (
        # The text an entry had before its first change in the block: what the index holds.
        "CREATE TEMP TABLE deferred_index_old (id TEXT PRIMARY KEY, text TEXT NOT NULL)",
        "CREATE TEMP TRIGGER deferred_index_edit AFTER UPDATE OF text ON main.entries"
        " WHEN OLD.text != NEW.text BEGIN"
        " INSERT OR IGNORE INTO deferred_index_old (id, text) VALUES (OLD.id, OLD.text); END",
        "CREATE TEMP TRIGGER deferred_index_no_delete BEFORE DELETE ON main.entries BEGIN"
        " SELECT RAISE(ABORT, 'no deleting entries while the search index is deferred'); END",
        "CREATE TEMP TRIGGER deferred_index_no_rename BEFORE UPDATE OF id ON main.entries"
        " WHEN OLD.id != NEW.id BEGIN"
        " SELECT RAISE(ABORT, 'no renaming entries while the search index is deferred'); END",
        # The reviews an answer left or joined in the block: their `answered` is counted after.
        "CREATE TEMP TABLE deferred_index_moved (review_id TEXT PRIMARY KEY)",
        "CREATE TEMP TRIGGER deferred_index_move AFTER UPDATE OF review_id ON main.entries"
        " WHEN OLD.review_id IS NOT NEW.review_id BEGIN"
        " INSERT OR IGNORE INTO deferred_index_moved SELECT OLD.review_id"
        " WHERE OLD.review_id IS NOT NULL;"
        " INSERT OR IGNORE INTO deferred_index_moved SELECT NEW.review_id"
        " WHERE NEW.review_id IS NOT NULL; END",
        # The commitments a follow-up left or answered anew in the block: settled after.
        "CREATE TEMP TABLE deferred_index_followed (commitment_id TEXT PRIMARY KEY)",
        "CREATE TEMP TRIGGER deferred_index_follow AFTER UPDATE OF choice, commitment_id"
        " ON main.entries BEGIN"
        " INSERT OR IGNORE INTO deferred_index_followed SELECT OLD.commitment_id"
        " WHERE OLD.commitment_id IS NOT NULL;"
        " INSERT OR IGNORE INTO deferred_index_followed SELECT NEW.commitment_id"
        " WHERE NEW.commitment_id IS NOT NULL; END",
    ):
        conn.execute(statement)
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER main."{name}"')
    return entry_mark, row_mark


def _catch_up(conn: sqlite3.Connection, entry_mark: int, row_mark: int) -> None:
    """Index what the triggers would have: new entries in the order added, changed texts."""
    # Row numbers in insertion order (entries' rowids grow with each insert), as the insert
    # trigger hands them out one by one.
    conn.execute(
        "INSERT INTO entry_search_rows (entry_id) SELECT id FROM entries WHERE rowid > ?"
        " ORDER BY rowid",
        (entry_mark,),
    )
    # Entries indexed before the block whose text changed: the old text out, the new one in.
    # CROSS JOIN keeps the (small) list of changes outside: by the range on r.n, the planner
    # would rather scan every row of the index.
    conn.execute(
        "INSERT INTO entry_search (entry_search, rowid, body, tail)"
        " SELECT 'delete', r.n, fourlooks_index_body(o.text), fourlooks_index_tail(o.text)"
        " FROM temp.deferred_index_old o CROSS JOIN entry_search_rows r"
        " WHERE r.entry_id = o.id AND r.n <= ?",
        (row_mark,),
    )
    conn.execute(
        f"INSERT INTO entry_search (rowid, body, tail) {_INDEXED}"
        " FROM temp.deferred_index_old o CROSS JOIN entry_search_rows r CROSS JOIN entries e"
        " WHERE r.entry_id = o.id AND e.id = o.id AND r.n <= ?",
        (row_mark,),
    )
    # New entries, with the text they have now.
    conn.execute(
        f"INSERT INTO entry_search (rowid, body, tail) {_INDEXED}"
        " FROM entry_search_rows r JOIN entries e ON e.id = r.entry_id WHERE r.n > ?",
        (row_mark,),
    )
    # What the review_answered_* triggers would have kept: the reviews of the new answers,
    # and those an answer moved from or to.
    conn.execute(
        "UPDATE reviews SET answered = EXISTS ("
        "  SELECT 1 FROM entries WHERE entries.review_id = reviews.id)"
        " WHERE id IN (SELECT review_id FROM entries WHERE rowid > ? AND review_id IS NOT NULL"
        "              UNION SELECT review_id FROM temp.deferred_index_moved)",
        (entry_mark,),
    )
    # What the commitment_settled_* triggers would have kept (m014): the commitments of the
    # new follow-ups, and those a follow-up changed in the block answered or left. (A new
    # commitment's follow-ups are new too, or the foreign key would have refused them.)
    conn.execute(
        "UPDATE entries SET settled = EXISTS ("
        "  SELECT 1 FROM entries AS f WHERE f.commitment_id = entries.id"
        "  AND ifnull(f.choice, '') != 'kept')"
        " WHERE id IN (SELECT commitment_id FROM entries"
        "              WHERE rowid > ? AND commitment_id IS NOT NULL"
        "              UNION SELECT commitment_id FROM temp.deferred_index_followed)",
        (entry_mark,),
    )


def _resume(conn: sqlite3.Connection, triggers: list[tuple[str, str]]) -> None:
    for statement in (
        "DROP TRIGGER temp.deferred_index_edit",
        "DROP TRIGGER temp.deferred_index_no_delete",
        "DROP TRIGGER temp.deferred_index_no_rename",
        "DROP TRIGGER temp.deferred_index_move",
        "DROP TRIGGER temp.deferred_index_follow",
        "DROP TABLE temp.deferred_index_followed",
        "DROP TABLE temp.deferred_index_old",
        "DROP TABLE temp.deferred_index_moved",
    ):
        conn.execute(statement)
    for _, sql in triggers:
        conn.execute(sql)
