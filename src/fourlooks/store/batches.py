"""A large import written in batches: the order the entries go in, the batches, and the
private copy of the journal a dry run merges into.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

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


def entry_ids(records: Sequence[Entry]) -> list[str]:
    """The ids of a file's entries in file order (formats.held keeps them at hand)."""
    held = getattr(records, "ids", None)
    return held if held is not None else [entry.id for entry in records]


def _commitments(records: Sequence[Entry]) -> dict[int, str]:
    """The entry each follows up, by its number in the file (from 0), for those that do."""
    held = getattr(records, "commitment_ids", None)
    if held is not None:
        return held
    return {n: entry.commitment_id for n, entry in enumerate(records) if entry.commitment_id}


def in_write_order(records: Sequence[Entry]) -> list[int]:
    """The numbers of the file's entries (from 0), each after the entry of the file it
    follows up (commitment_id).

    Batches are separate transactions: an entry must not reach the journal before the one
    it refers to. Otherwise the file's order is kept. Numbers, not entries: a large file's
    entries are not all made at once (formats.held).
    """
    ids, follows = entry_ids(records), _commitments(records)
    first: dict[str, int] = {}
    for number, entry_id in enumerate(ids):
        first.setdefault(entry_id, number)
    if not any(first.get(target, -1) > number for number, target in follows.items()):
        return list(range(len(ids)))  # none follows up an entry after it: the file's order
    placed: set[int] = set()
    ordered: list[int] = []
    for start in range(len(ids)):
        chain: list[int] = []
        at: int | None = start
        while at is not None and at not in placed and at not in chain:
            chain.append(at)
            at = first.get(follows.get(at))
        for each in reversed(chain):
            placed.add(each)
            ordered.append(each)
    return ordered


def batches(records: Sequence[Entry], size: int) -> Iterator[list[Entry]]:
    """The entries in write order, `size` at a time, a batch longer only where a cycle of
    references crosses it."""
    ids, follows = entry_ids(records), _commitments(records)
    in_file = set(ids)
    batch: list[int] = []
    written: set[str] = set()
    wanted: set[str] = set()  # referred to in this batch, not yet written
    for number in in_write_order(records):
        batch.append(number)
        written.add(ids[number])
        wanted.discard(ids[number])
        target = follows.get(number)
        if target in in_file and target not in written:
            wanted.add(target)
        if len(batch) >= size and not wanted:
            yield [records[n] for n in batch]
            batch = []
    if batch:
        yield [records[n] for n in batch]
