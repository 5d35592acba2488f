"""Reading jrnl's JSON export (`jrnl --format json`) into entries.

jrnl writes `{"tags": {"@tag": count}, "entries": [{"title", "body", "date": "YYYY-MM-DD",
"time": "HH:MM", "tags": ["@tag"], "starred": bool}]}`, with no ids and no time zone. So:

- the text is the title and the body, joined as jrnl split them (a space after a sentence's
  end, a line break otherwise);
- the time is read in the time zone given (the computer's own by default) and becomes the
  entry's created_at, which orders a day's entries;
- tags lose their `@` (or `#`); a tag naming a look (`@back`, `@up`, `@down`, `@ahead`, or
  回头看...) sets the entry's look and is not kept as a tag; otherwise the look is the
  default given. A starred entry gets the tag `starred`;
- the id is derived from the entry's date, time and text, so importing the same file twice
  adds nothing. An entry edited in jrnl since comes in as a new entry.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid

from fourlooks import words
from fourlooks.formats.fields import (
    Where,
    a_list,
    as_object,
    date,
    string,
    type_name,
)
from fourlooks.model import Bundle, Entry, Look, clean_tag, clean_text

FORMAT = "jrnl"
HINT = 'jrnl\'s {"entries": [...]}'
KINDS = ("entries",)  # jrnl has no tasks or reviews
OPTIONS = ("default_look",)
STARRED_TAG = "starred"
# Fixed forever: ids of imported entries must not change between versions of fourlooks.
_NAMESPACE = uuid.UUID("6d1c5b1e-2f59-4f0e-9a43-3c1f8e0b7a52")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?")
_SENTENCE_END = re.compile(r"[.!?…]$")
_CJK_SENTENCE_END = re.compile(r"[。！？]$")
_LOOK_NAMES = {words.look_name(look, lang): look for look in Look for lang in words.LANGS}


def detect(data: object) -> bool:
    """jrnl writes a `tags` object, and entries with a title or a body."""
    if not isinstance(data, dict) or "format" in data:
        return False
    found = data.get("entries")
    return isinstance(found, list) and (
        "tags" in data
        or not found
        or any(
            isinstance(item, dict) and ("title" in item or "body" in item) for item in found[:10]
        )
    )


def parse(
    data: object, origin: str, *, default_look: Look = Look.BACK, tz: dt.tzinfo | None = None
) -> Bundle:
    """Validate a decoded jrnl export and turn it into entries; ImportFileError if malformed."""
    top = Where(origin)
    if not isinstance(data, dict):
        raise top.fail(None, f"expected a jrnl export object, found {type_name(data)}")
    if "entries" not in data:
        raise top.fail("entries", "missing")
    if not isinstance(data.get("tags", {}), dict):
        raise top.fail("tags", f"expected an object, found {type_name(data['tags'])}")
    bundle = Bundle(format=FORMAT)
    seen: dict[str, int] = {}
    for number, item in enumerate(a_list(data, "entries", top), start=1):
        where = Where(origin, "entry", number, item)
        draft = entry_from(as_object(item, where), where, default_look, tz)
        # Two identical entries in one file stay two entries, with ids stable across imports.
        key = draft.id
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            draft = with_id(draft, entry_id(key, seen[key]))
        bundle.entries.append(draft)
    return bundle


def entry_from(item: dict, where: Where, default_look: Look, tz: dt.tzinfo | None) -> Entry:
    """One entry of jrnl's JSON export (formats.jrnl_text builds the same from its text)."""
    title = string(item, "title", where, optional=True) or ""
    body = string(item, "body", where, optional=True) or ""
    day = date(item, "date", where)
    time = string(item, "time", where, optional=True) or "00:00"
    if not _TIME.fullmatch(time):
        raise where.fail("time", f"{time[:20]!r} is not a time of day (HH:MM)")
    starred = item.get("starred", False)
    if not isinstance(starred, bool):
        raise where.fail("starred", f"expected true or false, found {type_name(starred)}")
    try:
        text = clean_text(_join(title.strip(), body.strip()))
    except ValueError as exc:
        raise where.fail("body" if title.strip() else "title", str(exc)) from None
    look, tags = _look_and_tags(a_list(item, "tags", where), where, default_look)
    if starred:
        tags.add(STARRED_TAG)
    moment = dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(time))
    aware = moment.astimezone() if tz is None else moment.replace(tzinfo=tz)
    stamp = aware.astimezone(dt.UTC).isoformat(timespec="microseconds")
    return Entry(
        id=entry_id(f"{day}\n{time}\n{title}\n{body}", 1),
        date=day,
        look=look,
        text=text,
        tags=tuple(sorted(tags)),
        created_at=stamp,
        updated_at=stamp,
    )


def _join(title: str, body: str) -> str:
    """jrnl splits an entry's text after its first sentence: put it back together."""
    if not body:
        return title
    if not title:
        return body
    if _CJK_SENTENCE_END.search(title):
        return title + body
    if _SENTENCE_END.search(title):
        return f"{title} {body}"
    return f"{title}\n{body}"


def _look_and_tags(tags: list, where: Where, default_look: Look) -> tuple[Look, set[str]]:
    look: Look | None = None
    kept: set[str] = set()
    for tag in tags:
        if not isinstance(tag, str):
            raise where.fail("tags", f"expected strings, found {type_name(tag)}")
        try:
            cleaned = clean_tag(tag)
        except ValueError as exc:
            raise where.fail("tags", str(exc)) from None
        named = _LOOK_NAMES.get(cleaned)
        if named is not None and look is None:
            look = named  # the first look named sets the look
        elif named is None or named != look:
            kept.add(cleaned)
    return look or default_look, kept


def entry_id(key: str, occurrence: int) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"jrnl\n{key}\n{occurrence}"))


def with_id(entry: Entry, new_id: str) -> Entry:
    import dataclasses

    return dataclasses.replace(entry, id=new_id)
