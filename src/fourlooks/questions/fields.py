"""Checking one field of a [[question]] table: each returns the value or raises ConfigError."""

from __future__ import annotations

import re

from fourlooks import validate
from fourlooks.errors import ConfigError
from fourlooks.model import Cadence, TaskState

SLUG = re.compile(r"[a-z][a-z0-9_]*")
SOURCE = re.compile(r"(intro|part [1-4])(: \S.*)?")
USER_SOURCE = "user"  # the source of an added question that names none
ANCHORED = (1, 3, 5)  # the ratings a rating's anchors describe, in order


def check_keys(table: dict, allowed: tuple[str, ...], where: str, what: str) -> None:
    """Reject keys we do not know: a typo should not be silently ignored."""
    key = validate.unknown_key(table, allowed)
    if key is not None:
        raise ConfigError(f"{where}: unknown {what} {key!r}")


def string(table: dict, field: str, where: str) -> str:
    """A field that must be a non-empty string."""
    value = table[field]
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: {field} must be a non-empty string")
    return value.strip()


def enum(enum_type: type, value: object, field: str, where: str):
    """The enum member named by `value`, strictly (no aliases: files should be unambiguous)."""
    found = validate.member(enum_type, value)
    if found is None:
        expected = validate.values(enum_type)
        raise ConfigError(f"{where}: unknown {field} {value!r} (expected {expected})")
    return found


def source(table: dict, where: str, *, builtin: bool) -> str:
    """The article reference: `intro` or `part N`, optionally `: key term`."""
    if "source" not in table:
        return USER_SOURCE
    source = string(table, "source", where)
    if not SOURCE.fullmatch(source) and (builtin or source != USER_SOURCE):
        raise ConfigError(f"{where}: source {source!r} must be 'intro' or 'part 1'..'part 4'")
    return source


def choices(table: dict, kind: str, where: str) -> tuple[str, ...]:
    """The choices of a choice question; other kinds have none."""
    if kind != "choice":
        if "choices" in table:
            raise ConfigError(f"{where}: only a choice question has choices")
        return ()
    choices = table.get("choices")
    if choices is None:
        raise ConfigError(f"{where}: missing field 'choices'")
    if (
        not isinstance(choices, list)
        or not choices
        or not all(isinstance(c, str) and c.strip() for c in choices)
        or len(set(choices)) != len(choices)
    ):
        raise ConfigError(f"{where}: choices must be a list of distinct non-empty strings")
    return tuple(choices)


def anchors(table: dict, field: str, kind: str, where: str, *, required: bool) -> tuple:
    """What 1, 3 and 5 mean for a rating: three non-empty strings, in that order."""
    if kind != "rating":
        if field in table:
            raise ConfigError(f"{where}: only a rating has {field}")
        return ()
    if field not in table:
        if required:
            raise ConfigError(f"{where}: missing field {field!r}")
        return ()
    found = table[field]
    if (
        not isinstance(found, list)
        or len(found) != len(ANCHORED)
        or not all(isinstance(a, str) and a.strip() for a in found)
    ):
        raise ConfigError(f"{where}: {field} must be three strings: what 1, 3 and 5 mean")
    return tuple(a.strip() for a in found)


def optional_set(table: dict, where: str) -> str | None:
    """The optional set the question belongs to, if any."""
    if "optional_set" not in table:
        return None
    name = string(table, "optional_set", where)
    if not SLUG.fullmatch(name):
        raise ConfigError(f"{where}: optional_set {name!r} must be a lower-case name")
    return name


def when(table: dict, cadence: Cadence, where: str) -> str | None:
    """The task state that leads to a task question, if any."""
    if "when" not in table:
        return None
    if cadence != Cadence.TASK:
        raise ConfigError(f"{where}: only task questions have 'when'")
    return enum(TaskState, table["when"], "when", where).value
