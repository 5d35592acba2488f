"""The checks every reader of a hand-made file shares: import files and questions.toml.

Each check answers a question about a value and leaves the wording to its caller, so that a
message names the file, the place and the field the way that file's reader does.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable
from typing import TypeVar

E = TypeVar("E", bound=enum.Enum)


def member(kind: type[E], value: object) -> E | None:
    """The member of `kind` whose value is exactly `value` (no aliases in files), or None."""
    try:
        return kind(value)
    except ValueError:
        return None


def values(kind: type[enum.Enum]) -> str:
    """The values `kind` allows, as a message lists them: `back, up, down, ahead`."""
    return ", ".join(str(item.value) for item in kind)


def unknown_key(keys: Iterable[str], known: Collection[str]) -> str | None:
    """The first key that is not known: a typo must not be silently ignored."""
    for key in keys:  # a plain loop: an import asks this of every record
        if key not in known:
            return key
    return None
