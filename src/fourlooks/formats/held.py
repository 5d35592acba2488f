"""The entries of a large import file, held compressed between reading and writing them.

A file's entries come before the reviews and tasks they refer to, and the whole file is
checked before anything is written (store.transfer.merge): they must be held until the
end of the file. As objects, 100k entries take ~95 MB (more than the file); held a
thousand at a time as marshalled, compressed fields, ~15 MB, and each thousand is made
into entries again only when the store asks for it.
"""

from __future__ import annotations

import marshal
import zlib
from collections.abc import Iterator

from fourlooks.model import Cadence, Entry, Look

PER_BLOCK = 1000
_LOOKS = {look.value: look for look in Look}
_CADENCES = {cadence.value: cadence for cadence in Cadence}


class HeldEntries:
    """A sequence of entries in file order: `len`, iteration, and `held[n]`.

    `ids`, `commitment_ids` and what the entries refer to (`referred`) are at hand without
    unpacking anything: the store orders and checks a file by them. Reading in order
    unpacks each block once.
    """

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.commitment_ids: dict[int, str] = {}  # by number in the file, from 0
        # The ids the entries name, by field, each once.
        self.referred: dict[str, set[str]] = {
            "review_id": set(),
            "task_id": set(),
            "commitment_id": set(),
        }
        self._blocks: list[bytes] = []
        self._open: list[tuple] = []  # the last block, not yet packed
        self._cached: tuple[int, list[tuple]] = (-1, [])

    def append(self, entry: Entry) -> None:
        if entry.commitment_id is not None:
            self.commitment_ids[len(self.ids)] = entry.commitment_id
        self.ids.append(entry.id)
        for field_name, found in self.referred.items():
            target = getattr(entry, field_name)
            if target is not None:
                found.add(target)
        self._open.append(_fields(entry))
        if len(self._open) == PER_BLOCK:
            self._blocks.append(zlib.compress(marshal.dumps(self._open), 1))
            self._open = []

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, number: int) -> Entry:
        if not 0 <= number < len(self.ids):
            raise IndexError(number)
        return _entry(self.ids[number], self._block(number // PER_BLOCK)[number % PER_BLOCK])

    def __iter__(self) -> Iterator[Entry]:
        for block in range(len(self._blocks) + 1):
            start = block * PER_BLOCK
            for offset, fields in enumerate(self._block(block)):
                yield _entry(self.ids[start + offset], fields)

    def _block(self, block: int) -> list[tuple]:
        if block == len(self._blocks):
            return self._open
        if self._cached[0] != block:
            self._cached = (block, marshal.loads(zlib.decompress(self._blocks[block])))
        return self._cached[1]


def _fields(entry: Entry) -> tuple:
    """Every field but the id (kept apart), the looks and cadences by their names."""
    return (
        entry.date,
        entry.look.value,
        entry.text,
        entry.tags,
        None if entry.cadence is None else entry.cadence.value,
        entry.question_id,
        entry.review_id,
        entry.task_id,
        entry.rating,
        entry.choice,
        entry.commitment_id,
        entry.created_at,
        entry.updated_at,
    )


def _entry(entry_id: str, fields: tuple) -> Entry:
    date, look, text, tags, cadence, *rest = fields
    return Entry(
        entry_id,
        date,
        _LOOKS[look],
        text,
        tags,
        None if cadence is None else _CADENCES[cadence],
        *rest,
    )
