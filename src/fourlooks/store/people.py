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


def texts_naming_anyone(journal: Journal) -> list[tuple[str, str, str]]:
    """(id, date, text) of every entry whose text holds an `@`."""
    return read_rows(journal, "SELECT id, date, text FROM entries WHERE instr(text, '@')")
