"""The field checks the JSON readers share: each returns the value or raises ImportFileError.

A message names the place in the file (`Where`), the field and the problem, and ends with
"nothing was imported": a file is refused whole.
"""

from __future__ import annotations

import datetime as dt
import re

from fourlooks import validate
from fourlooks.errors import ImportFileError

_ID = re.compile(r"[0-9a-f]+(-[0-9a-f]+)*")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
MAX_ID_CHARS = 64
MAX_NAME_CHARS = 200  # question ids, choices


class Where:
    """The place in a file that a message names: `entry #3 (id 3f2a...)`."""

    def __init__(self, origin: str, noun: str | None = None, number: int = 0, item: object = None):
        self.label = f"{origin}: {noun} #{number}" if noun else origin
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            shown = item["id"] if len(item["id"]) <= 40 else item["id"][:40] + "..."
            self.label += f" (id {shown})"

    def fail(self, field: str | None, problem: str) -> ImportFileError:
        where = f"{self.label}, field {field!r}" if field else self.label
        return ImportFileError(f"{where}: {problem}; nothing was imported")


def as_object(item: object, where: Where) -> dict:
    if not isinstance(item, dict):
        raise where.fail(None, f"expected an object, found {type_name(item)}")
    return item


def type_name(value: object) -> str:
    return {
        type(None): "null",
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def string(item: dict, key: str, where: Where, *, optional: bool = False) -> str | None:
    """A string field, or None where optional and null or absent."""
    value = item.get(key)
    if value is None and optional:
        return None
    if key not in item:
        raise where.fail(key, "missing")
    if not isinstance(value, str):
        raise where.fail(key, f"expected a string, found {type_name(value)}")
    if "\x00" in value:
        raise where.fail(key, "contains a NUL character")
    return utf8(value, key, where)


def utf8(value: str, key: str, where: Where) -> str:
    """JSON's \\ud800 escapes can make lone surrogates, which no file or screen can hold."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        problem = f"not UTF-8 text (a lone surrogate at character {exc.start})"
        raise where.fail(key, problem) from None
    return value


def ident(item: dict, key: str, where: Where, *, optional: bool = False) -> str | None:
    """An id: lower-case hex digits and dashes, as fourlooks makes them."""
    value = string(item, key, where, optional=optional)
    if value is not None and (len(value) > MAX_ID_CHARS or not _ID.fullmatch(value)):
        raise where.fail(key, f"{value[:40]!r} is not an id (lower-case hex digits and dashes)")
    return value


def name(item: dict, key: str, where: Where, *, optional: bool = True) -> str | None:
    """A short name such as a question id or a choice: one line, not empty."""
    value = string(item, key, where, optional=optional)
    if value is not None and (not value.strip() or len(value) > MAX_NAME_CHARS or "\n" in value):
        raise where.fail(key, f"expected a short one-line name, found {value[:40]!r}")
    return value


def date(item: dict, key: str, where: Where, *, optional: bool = False) -> str | None:
    """A YYYY-MM-DD date that exists on the calendar."""
    value = string(item, key, where, optional=optional)
    if value is None:
        return None
    if not _DATE.fullmatch(value):
        raise where.fail(key, f"{value[:40]!r} is not a YYYY-MM-DD date")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise where.fail(key, f"{value!r} is not a day of the calendar") from None
    return value


def month(value: str, key: str, where: Where) -> str:
    if not _MONTH.fullmatch(value) or not 1 <= int(value[5:]) <= 12:
        raise where.fail(key, f"{value[:40]!r} is not a YYYY-MM month")
    return value


def timestamp(item: dict, key: str, where: Where, *, optional: bool = False) -> str | None:
    """An ISO 8601 date-time with its UTC offset, stored in the journal's form (UTC)."""
    from fourlooks.dates import instant

    value = string(item, key, where, optional=optional)
    if value is None:
        return None
    try:
        return instant(value)
    except ValueError as exc:
        raise where.fail(key, f"{exc} (e.g. 2026-11-26T21:00:00+00:00)") from None


def choice_of(item: dict, key: str, allowed: type, where: Where, *, optional: bool = False):
    """A value of an enum, written exactly (no aliases in files)."""
    value = string(item, key, where, optional=optional)
    if value is None:
        return None
    found = validate.member(allowed, value)
    if found is None:
        raise where.fail(key, f"{value[:40]!r} is not one of {validate.values(allowed)}")
    return found


def a_list(item: dict, key: str, where: Where) -> list:
    value = item.get(key, [])
    if not isinstance(value, list):
        raise where.fail(key, f"expected a list, found {type_name(value)}")
    return value


def no_unknown_keys(item: dict, known: tuple[str, ...], where: Where) -> None:
    key = validate.unknown_key(item, known)
    if key is not None:
        raise where.fail(key, "unknown field (is the file from a newer fourlooks?)")
