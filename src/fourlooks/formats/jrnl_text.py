"""Reading jrnl's own plain-text journal file (the one every jrnl user has) into entries.

jrnl writes each entry as a heading line, then its body, then an empty line:

    [2026-11-26 21:15] Shipped the survey. *
    Half the teams answered; @work

- the heading is `[YYYY-MM-DD HH:MM] title` (jrnl 2 and later; seconds and AM/PM as a
  timeformat may add them) or `YYYY-MM-DD HH:MM title` (jrnl 1.x); `DD.MM.YYYY` dates
  (jrnl's little-endian timeformat) are read day first. A line of either form starts an
  entry wherever it is; every other line belongs to the entry above it, `[1] a list` too;
- a trailing ` *` on the heading stars the entry: it gets the tag `starred`;
- `@tags` anywhere in the text are its tags (an e-mail address is not one); the look and
  the other rules are those of jrnl's JSON export (formats.jrnl): title and body are joined
  as jrnl split them, the time is local unless told, and ids come from the entry itself, so
  importing the same file twice adds nothing.
A file whose first line that says something is no heading is not a jrnl journal.
"""

from __future__ import annotations

import datetime as dt
import re

from fourlooks.errors import ImportFileError
from fourlooks.formats import jrnl
from fourlooks.formats.fields import Where
from fourlooks.model import Bundle, Look

FORMAT = "jrnl-text"
HINT = "jrnl's plain text: [YYYY-MM-DD HH:MM] title lines"
KINDS = ("entries",)
OPTIONS = ("default_look",)
TEXT = True  # reads the file's text, not decoded JSON

_CLOCK = r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?: ?([AaPp][Mm]))?"
_DAY = r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})|([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})"
_HEADINGS = (
    re.compile(rf"\[(?:{_DAY}) {_CLOCK}\] ?(.*)"),  # jrnl 2 and later
    re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2}) (.*)"),  # 1.x
)
# jrnl's rule, widened for Chinese (which has no spaces): a tag starts where no letter or
# digit is before it (so an e-mail address is not one), and ends before spaces or the
# punctuation that closes a sentence.
_TAG = re.compile(r"(?<![\w@])@[^\s@]+?(?=[.,!?:;)\"'。，！？；：、）]*(?:\s|$))")
_LOOKED_AT = 20  # lines that say something: a journal has a heading among its first ones


def detect(text: str) -> bool:
    """An entry's heading among a file's first lines that say something.

    The first of them must be one (parse says so, naming the line), but a journal that
    begins with a stray line is still recognised as one.
    """
    import itertools

    said = (line for line in text.lstrip("\ufeff").splitlines() if line.strip())
    return any(_heading(line) is not None for line in itertools.islice(said, _LOOKED_AT))


def parse(
    text: str, origin: str, *, default_look: Look = Look.BACK, tz: dt.tzinfo | None = None
) -> Bundle:
    """The entries of a jrnl text journal; ImportFileError naming the line otherwise."""
    bundle = Bundle(format=FORMAT)
    seen: dict[str, int] = {}
    for number, (line_number, item) in enumerate(_items(text, origin), start=1):
        where = Where(f"{origin}, line {line_number}", "entry", number)
        draft = jrnl.entry_from(item, where, default_look, tz)
        key = draft.id  # two identical entries in one file stay two, with stable ids
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            draft = jrnl.with_id(draft, jrnl.entry_id(key, seen[key]))
        bundle.entries.append(draft)
    return bundle


def _items(text: str, origin: str) -> list[tuple[int, dict]]:
    """Each entry as jrnl's JSON export would have it, with the line its heading is on."""
    items: list[tuple[int, dict]] = []
    body: list[str] = []
    for line_number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        found = _heading(line)
        if found is None:
            if not items and line.strip():
                raise ImportFileError(
                    f"{origin}, line {line_number}: not a jrnl entry heading (expected"
                    " '[YYYY-MM-DD HH:MM] title'); nothing was imported"
                )
            body.append(line)
            continue
        if items:
            items[-1][1]["body"] = _body(body)
        body = []
        items.append((line_number, _item(found, origin, line_number)))
    if items:
        items[-1][1]["body"] = _body(body)
    for _, item in items:
        item["tags"] = _TAG.findall(f"{item['title']}\n{item['body']}")
    return items


def _heading(line: str) -> re.Match[str] | None:
    for pattern in _HEADINGS:
        if found := pattern.fullmatch(line.rstrip()):
            return found
    return None


def _item(found: re.Match[str], origin: str, line_number: int) -> dict:
    """The heading's day, time and title (its star taken off) as jrnl's JSON names them."""
    groups = found.groups()
    if len(groups) == 6:  # jrnl 1.x: year, month, day, hour, minute, title
        year, month, day, hour, minute, title = groups
        second, half = None, None
    else:
        year, month, day, l_day, l_month, l_year, hour, minute, second, half, title = groups
        if year is None:
            year, month, day = l_year, l_month, l_day
    try:
        moment = dt.datetime(
            int(year), int(month), int(day), _hour(int(hour), half), int(minute), int(second or 0)
        )
    except ValueError:
        raise ImportFileError(
            f"{origin}, line {line_number}: {found.group(0)[:40]!r} names no real day and"
            " time; nothing was imported"
        ) from None
    title = title.rstrip()
    starred = title == "*" or title.endswith(" *")
    title = title[:-1].rstrip() if starred else title
    return {
        "title": title,
        "date": moment.date().isoformat(),
        "time": moment.strftime("%H:%M:%S" if second else "%H:%M"),
        "starred": starred,
    }


def _hour(hour: int, half: str | None) -> int:
    """A 12-hour clock's hour on the 24-hour clock; ValueError when there is no such hour."""
    if half is None:
        return hour
    if not 1 <= hour <= 12:
        raise ValueError(hour)
    return hour % 12 + (12 if half.lower() == "pm" else 0)


def _body(lines: list[str]) -> str:
    """The lines under a heading, without the empty lines that part it from the next."""
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    while lines and not lines[0].strip():
        lines = lines[1:]
    return "\n".join(lines)
