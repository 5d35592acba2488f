"""The entries that name people (`@name`, fourlooks.people): read from the entries' text.

`fourlooks_hears(text, name)` is an SQL function `store.open_journal` registers on every
connection, so that `list --person` and `search --person` filter, count and cut in SQL.
"""

from __future__ import annotations

import sqlite3

from fourlooks import people
from fourlooks.store import Journal, read_rows

# instr() first: SQLite skips the Python call for the many entries that hold no `@`.
HEARS = "(instr({text}, '@') AND fourlooks_hears({text}, ?))"


def register(conn: sqlite3.Connection) -> None:
    conn.create_function("fourlooks_hears", 2, _hears, deterministic=True)


def _hears(text: object, name: object) -> bool:
    return isinstance(text, str) and isinstance(name, str) and name in people.heard_in(text)


def texts_naming_anyone(journal: Journal, until: str | None = None) -> list[tuple[str, str, str]]:
    """(id, date, text) of every entry whose text holds an `@`, dated `until` or before.

    The condition is the partial index's own (m013, entries_naming): SQLite reads that
    index, not every entry's text. Rows come by date, then in the table's order, so the
    last of a day is the one a scan of the table read last (the name "as last written").
    """
    sql = "SELECT id, date, text FROM entries WHERE instr(text, '@')"
    if until is None:
        return read_rows(journal, sql)
    return read_rows(journal, sql + " AND date <= ?", [until])
