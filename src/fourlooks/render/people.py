"""The people screen: who was heard, how often, when last; who has not been heard for long."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from fourlooks import words
from fourlooks.render import paint, shown

if TYPE_CHECKING:
    from fourlooks.people import Heard


def lines(found: Heard, lang: str, *, colour: bool) -> Iterator[str]:
    """One line a person, most recently heard first, then the quiet ones named together."""
    width = max(words.width(shown(person.name)) for person in found.people) + 1
    for person in found.people:
        name = words.pad("@" + shown(person.name), width + 1)
        line = words.say("people_line", lang, name=name, times=person.times, last=person.last)
        yield paint(line, "2", enabled=colour) if person.quiet else line
    if found.quiet:
        names = ", ".join("@" + shown(person.name) for person in found.quiet)
        yield ""
        yield paint(
            words.say("people_quiet", lang, days=found.quiet_days, names=names),
            "33",
            enabled=colour,
        )


def nothing(lang: str) -> str:
    return words.say("people_none", lang)


def as_json(found: Heard) -> dict:
    return {
        "today": found.today,
        "quiet_days": found.quiet_days,
        "people": [
            {
                "name": person.name,
                "key": person.key,
                "times": person.times,
                "first": person.first,
                "last": person.last,
                "quiet": person.quiet,
            }
            for person in found.people
        ],
    }
