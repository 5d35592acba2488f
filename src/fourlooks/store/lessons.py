"""Lessons: the entries that answer a fault question, and the links that say one came back.

The register is those entries (the question ids come from fourlooks.lessons); the only table
of its own is `lesson_links` (m009), one row for each "this is the same one as that".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from fourlooks.model import Entry, LessonLink
from fourlooks.store import Journal, now_iso, read_rows
from fourlooks.store import entries as _entries


def _among(question_ids: Sequence[str]) -> str:
    return f"question_id IN ({', '.join('?' * len(question_ids))})"


def answers(journal: Journal, question_ids: Sequence[str]) -> list[Entry]:
    """Every lesson, earliest first (by date, then by when it was written)."""
    where = f"WHERE {_among(question_ids)} ORDER BY date, created_at, id"
    return _entries._fetch(journal, where, list(question_ids))


def answers_between(
    journal: Journal, question_ids: Sequence[str], first: str, last: str
) -> list[Entry]:
    """The lessons dated from `first` to `last` (YYYY-MM-DD), earliest first."""
    where = (
        f"WHERE date BETWEEN ? AND ? AND {_among(question_ids)} ORDER BY date, created_at, id"
    )
    return _entries._fetch(journal, where, [first, last, *question_ids])


def resolve(journal: Journal, text: str, question_ids: Sequence[str]) -> str:
    """The lesson whose id is, or starts with, the text; the candidates when several do."""
    return _entries.resolve_id(
        journal, text, table="entries", noun="lesson", among=_among(question_ids),
        values=question_ids,
    )  # fmt: skip


def links(journal: Journal) -> list[LessonLink]:
    """Every link, in the order they were made (the export's order)."""
    rows = read_rows(
        journal,
        "SELECT lesson_id, same_as, created_at FROM lesson_links"
        " ORDER BY created_at, lesson_id, same_as",
        noun="lesson link",
    )
    return [LessonLink(*row) for row in rows]


def add_link(journal: Journal, lesson_id: str, same_as: str) -> LessonLink:
    link = LessonLink(lesson_id, same_as, now_iso())
    insert_links(journal, [link])
    return link


def insert_links(journal: Journal, found: Iterable[LessonLink]) -> int:
    """Store the links not held yet, exactly as given; how many were new."""
    added = 0
    with journal.write() as conn:
        for link in found:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO lesson_links (lesson_id, same_as, created_at)"
                " VALUES (?, ?, ?)",
                (link.lesson_id, link.same_as, link.created_at),
            )
            added += cursor.rowcount
    return added


def remove_link(journal: Journal, one: str, other: str) -> bool:
    """Remove the link between two lessons, whichever way it runs; whether there was one."""
    with journal.write() as conn:
        cursor = conn.execute(
            "DELETE FROM lesson_links WHERE (lesson_id = ? AND same_as = ?)"
            " OR (lesson_id = ? AND same_as = ?)",
            (one, other, other, one),
        )
    return cursor.rowcount > 0


def similar(
    journal: Journal, expression: str, question_ids: Sequence[str], *, limit: int
) -> list[tuple[Entry, float]]:
    """Lessons matching the FTS5 expression, best first (bm25, lower is better)."""
    rows = journal.conn.execute(
        "SELECT e.id, bm25(entry_search, 1.0, 0.2) AS score FROM entry_search"
        " JOIN entry_search_rows r ON r.n = entry_search.rowid"
        " JOIN entries e ON e.id = r.entry_id"
        f" WHERE entry_search MATCH ? AND e.{_among(question_ids)}"
        " ORDER BY score, e.date DESC LIMIT ?",
        (expression, *question_ids, limit),
    ).fetchall()
    found = _entries.by_ids(journal, [row[0] for row in rows])
    return [(found[entry_id], score) for entry_id, score in rows if entry_id in found]


def tagged_like(
    journal: Journal, tags: Sequence[str], question_ids: Sequence[str]
) -> list[Entry]:
    """Lessons carrying any of these tags, newest first."""
    if not tags:
        return []
    marks = ", ".join("?" * len(tags))
    where = (
        f"WHERE {_among(question_ids)} AND id IN"
        f" (SELECT entry_id FROM entry_tags WHERE tag IN ({marks}))"
        " ORDER BY date DESC, created_at DESC"
    )
    return _entries._fetch(journal, where, [*question_ids, *tags])
