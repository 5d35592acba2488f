"""Entries and their tags."""

from __future__ import annotations

import operator
import sqlite3
from collections.abc import Iterable, Iterator, Sequence

from fourlooks.errors import Ambiguous, NotFound
from fourlooks.model import Cadence, Entry, Look, field_names
from fourlooks.store import Journal, in_chunks, latest_stamp, new_id, now_iso, read_rows
from fourlooks.store.people import HEARS

# The columns of `entries` are Entry's fields in their order; tags live in entry_tags.
_FIELDS = tuple(name for name in field_names(Entry) if name != "tags")
_COLUMNS = ", ".join(_FIELDS)
_INSERT = f"INSERT INTO entries ({_COLUMNS}) VALUES ({', '.join('?' * len(_FIELDS))})"
_UPDATE = f"UPDATE entries SET {', '.join(f'{name} = ?' for name in _FIELDS[1:])} WHERE id = ?"
# Listings show at least this many characters of an id, more where needed to be unique.
SHORT_ID = 8


def add(
    journal: Journal,
    *,
    date: str,
    look: Look,
    text: str,
    tags: Iterable[str] = (),
    cadence: Cadence | None = None,
    question_id: str | None = None,
    review_id: str | None = None,
    task_id: str | None = None,
    rating: int | None = None,
    choice: str | None = None,
    commitment_id: str | None = None,
) -> Entry:
    """Store a new entry in one transaction; text and tags must already be cleaned.

    Stamped after the day's latest entry, so a day's entries list in the order they were
    written whatever the clock.
    """
    with journal.write() as conn:
        stamp = now_iso(day_latest(conn, date))
        entry = Entry(
            id=new_id(),
            date=date,
            look=look,
            text=text,
            tags=tuple(sorted(set(tags))),
            cadence=cadence,
            question_id=question_id,
            review_id=review_id,
            task_id=task_id,
            rating=rating,
            choice=choice,
            commitment_id=commitment_id,
            created_at=stamp,
            updated_at=stamp,
        )
        insert(journal, entry)
    return entry


def day_latest(conn: sqlite3.Connection, date: str) -> str | None:
    """The latest created_at among a day's entries (the index on date, created_at finds it)."""
    return latest_stamp(conn, "SELECT max(created_at) FROM entries WHERE date = ?", (date,))


def insert(journal: Journal, entry: Entry) -> None:
    """Write an entry exactly as given (ids and timestamps included), inside a transaction."""
    insert_many(journal, [entry])


def insert_many(journal: Journal, new: Sequence[Entry]) -> None:
    """Write entries exactly as given, in this order, with one statement per table."""
    from fourlooks.store import versions

    with journal.write() as conn:
        conn.executemany(_INSERT, map(_row, new))
        versions.record(journal, new)
        conn.executemany(
            "INSERT INTO entry_tags (entry_id, tag) VALUES (?, ?)",
            ((entry.id, tag) for entry in new for tag in entry.tags),
        )


def replace(journal: Journal, entry: Entry) -> None:
    """Overwrite a stored entry with `entry` (same id), tags included."""
    replace_many(journal, [entry])


def replace_many(journal: Journal, changed: Sequence[Entry]) -> None:
    """Overwrite stored entries with these (same ids), tags included; all must exist."""
    from fourlooks.store import versions

    with journal.write() as conn:
        cursor = conn.executemany(_UPDATE, ((*_row(entry)[1:], entry.id) for entry in changed))
        if cursor.rowcount != len(changed):
            missing = next(
                entry.id
                for entry in changed
                if conn.execute("SELECT 1 FROM entries WHERE id = ?", (entry.id,)).fetchone()
                is None
            )
            raise NotFound(f"no entry {missing}")
        versions.record(journal, changed)
        conn.executemany(
            "DELETE FROM entry_tags WHERE entry_id = ?", ((entry.id,) for entry in changed)
        )
        conn.executemany(
            "INSERT INTO entry_tags (entry_id, tag) VALUES (?, ?)",
            ((entry.id, tag) for entry in changed for tag in entry.tags),
        )


def delete(journal: Journal, entry_id: str) -> None:
    with journal.write() as conn:
        conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))


def get(journal: Journal, id_or_prefix: str) -> Entry:
    """The entry whose id is, or starts with, the text given."""
    entry_id = resolve_id(journal, id_or_prefix, table="entries", noun="entry")
    return _fetch(journal, "WHERE id = ?", [entry_id])[0]


def resolve_id(
    journal: Journal,
    text: str,
    *,
    table: str,
    noun: str,
    among: str = "",
    values: Sequence[object] = (),
) -> str:
    """Expand a unique id prefix; name the candidates when it is ambiguous.

    `among` (an SQL condition with `values` for its marks) narrows the rows that count.
    """
    prefix = text.strip().lower()
    if not prefix or any(ch not in "0123456789abcdef-" for ch in prefix):
        raise NotFound(f"no {noun} {text!r}: ids are made of 0-9, a-f and -")
    # A range scan on the primary key: cheap even with 100k entries.
    narrowed = f" AND {among}" if among else ""
    rows = journal.conn.execute(
        f"SELECT id FROM {table} WHERE id >= ? AND id < ?{narrowed} ORDER BY id LIMIT 6",
        (prefix, prefix + "~", *values),
    ).fetchall()
    if not rows:
        raise NotFound(f"no {noun} with id {text!r}")
    if len(rows) > 1 and rows[0][0] != prefix:
        shown = ", ".join(row[0][: max(SHORT_ID, len(prefix) + 1)] for row in rows[:5])
        more = " and more" if len(rows) > 5 else ""
        raise Ambiguous(f"{text!r} matches several {noun} ids: {shown}{more}; type more of it")
    return rows[0][0]


def query(
    journal: Journal,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    look: Look | None = None,
    tag: str | None = None,
    cadence: Cadence | None = None,
    question_id: str | None = None,
    review_id: str | None = None,
    task_id: str | None = None,
    person: str | None = None,
    limit: int | None = None,
    newest_first: bool = True,
) -> list[Entry]:
    """Entries matching every filter given, by date then time of writing."""
    where, params = _filters(
        date_from=date_from,
        date_to=date_to,
        look=look,
        tag=tag,
        cadence=cadence,
        question_id=question_id,
        review_id=review_id,
        task_id=task_id,
        person=person,
    )
    order = "DESC" if newest_first else "ASC"
    sql = ("WHERE " + " AND ".join(where) if where else "") + (
        f" ORDER BY date {order}, created_at {order}"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return _fetch(journal, sql, params)


def iterate(journal: Journal, *, batch: int = 1000, **filters: object) -> Iterator[Entry]:
    """All matching entries, oldest first, a batch at a time so memory stays flat."""
    last: tuple[str, str, str] | None = None
    while True:
        where, params = _filters(**filters)
        if last is not None:
            where.append("(date, created_at, id) > (?, ?, ?)")
            params.extend(last)
        sql = ("WHERE " + " AND ".join(where) if where else "") + (
            " ORDER BY date, created_at, id LIMIT ?"
        )
        params.append(batch)
        rows = read_rows(journal, f"SELECT {_COLUMNS} FROM entries {sql}", params)
        tags = _tags_of(journal, [row[0] for row in rows])
        yield from [_entry(row, tags.get(row[0], ())) for row in rows]
        if len(rows) < batch:
            return
        tail = rows[-1]
        last = (tail[1], tail[_CREATED], tail[0])


_FILTERS = {
    "date_from": "date >= ?",
    "date_to": "date <= ?",
    "look": "look = ?",
    "tag": "id IN (SELECT entry_id FROM entry_tags WHERE tag = ?)",
    "cadence": "cadence = ?",
    "question_id": "question_id = ?",
    "review_id": "review_id = ?",
    "task_id": "task_id = ?",
    "person": HEARS.format(text="text"),  # a name in normal form (fourlooks.people)
}


def _filters(**filters: object) -> tuple[list[str], list[object]]:
    """WHERE clauses for the filters that have a value; an unknown name is a programming error."""
    where: list[str] = []
    params: list[object] = []
    for name, value in filters.items():
        if value is not None:
            where.append(_FILTERS[name])
            params.append(str(value))
    return where, params


def short_ids(journal: Journal, ids: Sequence[str]) -> dict[str, str]:
    """The shortest prefix of each id (at least SHORT_ID long) that no other entry shares."""
    return {entry_id: _short_id(journal, "entries", entry_id) for entry_id in ids}


def _short_id(journal: Journal, table: str, entry_id: str) -> str:
    length = SHORT_ID
    while length < len(entry_id):
        prefix = entry_id[:length]
        clash = journal.conn.execute(
            f"SELECT 1 FROM {table} WHERE id >= ? AND id < ? AND id != ? LIMIT 1",
            (prefix, prefix + "~", entry_id),
        ).fetchone()
        if clash is None:
            return prefix
        length += 4
    return entry_id


def count(journal: Journal, **filters: object) -> int:
    """How many entries match every filter given (all of them with none)."""
    return journal.conn.execute(*_select("count(*)", filters)).fetchone()[0]


def dates_and_cadences(journal: Journal, **filters: object) -> list[tuple[str, Cadence | None]]:
    """The distinct (date, cadence) pairs of the matching entries, by date."""
    sql, params = _select("DISTINCT date, cadence", filters)
    rows = journal.conn.execute(sql + " ORDER BY date, cadence", params)
    return [(day, Cadence(cadence) if cadence else None) for day, cadence in rows]


def commitments_followed(journal: Journal, **filters: object) -> list[str]:
    """The commitment_id of each matching follow-up (the partial index covers it)."""
    where, params = _filters(**filters)
    where.append("commitment_id IS NOT NULL")
    sql = "SELECT commitment_id FROM entries WHERE " + " AND ".join(where)
    return [commitment for (commitment,) in read_rows(journal, sql, params)]


def updated_at(journal: Journal, ids: Sequence[str]) -> dict[str, str]:
    """When each of the stored entries with these ids was last changed."""
    return dict(in_chunks(journal, "SELECT id, updated_at FROM entries WHERE id IN ({marks})", ids))


def texts_of(journal: Journal, ids: Sequence[str]) -> dict[str, str]:
    """The text of each stored entry with these ids: what a follow-up of it is about."""
    return dict(in_chunks(journal, "SELECT id, text FROM entries WHERE id IN ({marks})", ids))


def by_ids(journal: Journal, ids: Sequence[str]) -> dict[str, Entry]:
    """The stored entries with these ids, by id."""
    rows = list(in_chunks(journal, f"SELECT {_COLUMNS} FROM entries WHERE id IN ({{marks}})", ids))
    tags = _tags_of(journal, [row[0] for row in rows])
    return {row[0]: _entry(row, tags.get(row[0], ())) for row in rows}


def _select(what: str, filters: dict[str, object]) -> tuple[str, list[object]]:
    where, params = _filters(**filters)
    sql = f"SELECT {what} FROM entries" + (" WHERE " + " AND ".join(where) if where else "")
    return sql, params


def _fetch(journal: Journal, where_sql: str, params: Sequence[object]) -> list[Entry]:
    rows = read_rows(journal, f"SELECT {_COLUMNS} FROM entries {where_sql}", params)
    tags = _tags_of(journal, [row[0] for row in rows])
    return [_entry(row, tags.get(row[0], ())) for row in rows]


def _tags_of(journal: Journal, ids: list[str]) -> dict[str, tuple[str, ...]]:
    # In the primary key's order: by tag within an entry, with no sort step.
    sql = "SELECT entry_id, tag FROM entry_tags WHERE entry_id IN ({marks}) ORDER BY entry_id, tag"
    return _grouped(in_chunks(journal, sql, ids))


def _grouped(pairs: Iterable[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """(entry id, tag) pairs, in tag order, as each entry's tags."""
    found: dict[str, list[str]] = {}
    for entry_id, tag in pairs:
        found.setdefault(entry_id, []).append(tag)
    return {key: tuple(value) for key, value in found.items()}


# The columns before and after `tags` in Entry's field order; a row is built positionally
# (an export maps 100,000 of them: a dict per row cost more than the rest of the mapping).
_LOOK, _CADENCE, _CREATED = (_FIELDS.index(name) for name in ("look", "cadence", "created_at"))
_TAGS_AT = field_names(Entry).index("tags")
_LOOKS = {look.value: look for look in Look}
_CADENCES = {cadence.value: cadence for cadence in Cadence}


def _entry(row: Sequence, tags: tuple[str, ...]) -> Entry:
    """The one mapping from a row of _COLUMNS to an Entry."""
    values = list(row)
    values[_LOOK] = _LOOKS.get(values[_LOOK]) or Look(values[_LOOK])
    cadence = values[_CADENCE]
    values[_CADENCE] = (_CADENCES.get(cadence) or Cadence(cadence)) if cadence else None
    values.insert(_TAGS_AT, tags)
    return Entry(*values)


# Look and Cadence are str enums: sqlite3 binds them as their text values.
_row = operator.attrgetter(*_FIELDS)
