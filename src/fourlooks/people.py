"""The people heard: `@name` in any entry or answer records that person as heard that day.

The grammar, said once here and in `--help` (NAME_HELP in fourlooks/cli/inputs.py): `@`,
not right after a Latin letter, a digit or one of `._%+-@` (so `bob@example.com` names no
one, while `和@张三` does), then a letter, then letters, digits or `_`, up to 64 characters
in all; the name ends at the first other character (a space, punctuation). Letters are any
script's: `@张三` and `@Zoë` are names; in Chinese, end the name with a space or a
punctuation mark (`@张三，` or `@张三 说`), since the characters after it would be read as
part of it.
A run longer than 64 is not a name. Names are compared case-folded (NFC, then casefold):
`@Li` and `@li` are one person.

People are derived from the entries' text when read, not kept in a table of their own:
at 100,000 entries, a fifth of them naming someone, listing everyone heard reads the
entries holding an `@` in ~430 ms (a table: ~140 ms), `list --person` takes 1 ms for
the newest 20 and ~310 ms to count the rest; a table kept on every write would cost each
import ~4.5 µs an entry (~450 ms at 100k). A partial index of the entries holding an `@`
(m013) spares a reader the entries that hold none: in a journal naming no one, a month's
report asks 0.0 ms of it at 100k, against ~27 ms reading every text. The text is the
one record; an export, an import and an edit carry the people with it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from fourlooks.store import Journal

MAX_NAME_CHARS = 64
DEFAULT_QUIET_DAYS = 30
_MENTION = re.compile(rf"(?<![A-Za-z0-9._%+@-])@([^\W\d_]\w{{0,{MAX_NAME_CHARS - 1}}})(?!\w)")
_NAME = re.compile(r"[^\W\d_]\w*")


def normal(name: str) -> str:
    """The form names are compared in: NFC, case-folded."""
    return unicodedata.normalize("NFC", name).casefold()


def mentions(text: str) -> list[str]:
    """The names `@`-mentioned in the text, as written, in order (repeats included)."""
    return _MENTION.findall(text) if "@" in text else []


def heard_in(text: str) -> set[str]:
    """The normal forms of the names the text mentions."""
    return {normal(name) for name in mentions(text)}


def clean_name(typed: str) -> str:
    """A name typed as an option (`--person Li`, `--person @李`), in normal form.

    ValueError says why it is not a name: empty, too long, or not the grammar's.
    """
    name = typed.strip().removeprefix("@")
    if not name:
        raise ValueError("a person's name is empty")
    if len(name) > MAX_NAME_CHARS:
        raise ValueError(f"a person's name is longer than {MAX_NAME_CHARS} characters")
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a person's name: {typed!r} (a letter, then letters, digits or _)")
    return normal(name)


class Person(NamedTuple):
    name: str  # as last written
    key: str  # the normal form it is compared in
    times: int  # entries naming them
    first: str  # YYYY-MM-DD
    last: str
    quiet: bool  # not heard from in the last quiet_days days


class Heard(NamedTuple):
    people: list[Person]  # most recently heard first
    today: str
    quiet_days: int

    @property
    def quiet(self) -> list[Person]:
        return [person for person in self.people if person.quiet]


def heard(journal: Journal, *, today: dt.date, quiet_days: int) -> Heard:
    """Everyone the journal's entries name, how often, first and last; who has gone quiet."""
    from fourlooks.store import people as table

    return tally(table.texts_naming_anyone(journal), today=today, quiet_days=quiet_days)


def heard_until(
    journal: Journal, last: dt.date, *, first: dt.date, quiet_days: int
) -> tuple[Heard, Heard]:
    """As of day `last`: those heard from day `first` on, and everyone, with who went quiet.

    Entries dated after `last` are left out of both, so a past month reads as it stood.
    """
    from fourlooks.store import people as table

    until, since = last.isoformat(), first.isoformat()
    rows = table.texts_naming_anyone(journal, until)
    between = [row for row in rows if row[1] >= since]
    return (
        tally(between, today=last, quiet_days=quiet_days),
        tally(rows, today=last, quiet_days=quiet_days),
    )


def tally(rows: Iterable[tuple[str, str, str]], *, today: dt.date, quiet_days: int) -> Heard:
    """The people named in these (entry id, day, text) rows."""
    found: dict[str, list] = {}
    for entry_id, day, text in rows:
        for name in mentions(text):
            key = normal(name)
            seen = found.setdefault(key, [name, set(), day, day])
            seen[1].add(entry_id)  # an entry naming someone twice counts once
            if day >= seen[3]:
                seen[0], seen[3] = name, day
            seen[2] = min(seen[2], day)
    cutoff = (today - dt.timedelta(days=quiet_days)).isoformat()
    people = [
        Person(name, key, len(entries), first, last, last <= cutoff)
        for key, (name, entries, first, last) in found.items()
    ]
    people.sort(key=lambda person: (person.last, person.times, person.key), reverse=True)
    return Heard(people, today.isoformat(), quiet_days)
