"""A large import written in batches: the order the entries go in, the batches, and the
private copy of the journal a dry run merges into.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from fourlooks.model import Entry
from fourlooks.store import Journal


@contextlib.contextmanager
def scratch_copy(journal: Journal) -> Iterator[Journal]:
    """A private in-memory copy of the journal, to run a dry run's merge on for real.

    SQLite's backup API reads the journal in one read transaction (WAL: no lock that stops
    a writer), so a dry run waits for no one and changes nothing; nothing is left on disk.
    It costs memory about the journal's size (a 100k-entry journal: ~50 MB).
    """
    from fourlooks.store import connection, search

    conn = connection.connect(":memory:", like=journal.conn, isolation_level=None)
    try:
        search.register(conn)
        journal.conn.backup(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        yield Journal(conn, journal.path)
    finally:
        conn.close()


def in_write_order(records: list[Entry]) -> list[Entry]:
    """The file's entries, each after the entry of the file it follows up (commitment_id).

    Batches are separate transactions: an entry must not reach the journal before the one
    it refers to. Otherwise the file's order is kept.
    """
    first = {}
    for number, entry in enumerate(records):
        first.setdefault(entry.id, number)
    placed: set[int] = set()
    ordered: list[Entry] = []
    for start in range(len(records)):
        chain: list[int] = []
        at: int | None = start
        while at is not None and at not in placed and at not in chain:
            chain.append(at)
            at = first.get(records[at].commitment_id)
        for each in reversed(chain):
            placed.add(each)
            ordered.append(records[each])
    return ordered


def batches(records: list[Entry], size: int) -> Iterator[list[Entry]]:
    """`size` entries at a time, a batch longer only where a cycle of references crosses it."""
    in_file = {entry.id for entry in records}
    batch: list[Entry] = []
    written: set[str] = set()
    wanted: set[str] = set()  # referred to in this batch, not yet written
    for entry in records:
        batch.append(entry)
        written.add(entry.id)
        wanted.discard(entry.id)
        if entry.commitment_id in in_file and entry.commitment_id not in written:
            wanted.add(entry.commitment_id)
        if len(batch) >= size and not wanted:
            yield batch
            batch = []
    if batch:
        yield batch
