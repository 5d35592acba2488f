"""The month report's decisions and people heard (part 3, 低头看), counted from the journal."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from fourlooks.report import figures

if TYPE_CHECKING:
    from fourlooks.people import Person
    from fourlooks.store import Journal


def decisions(journal: Journal, first: dt.date, end: dt.date) -> figures.Decisions:
    """The decisions made from `first` to `end`, heard before or not; those still to come."""
    from fourlooks.model import DecisionState
    from fourlooks.store import decisions as table

    made = table.made_between(journal, first.isoformat(), end.isoformat())
    _, after = table.heard(journal, [decision.id for decision, _ in made])
    heard = sum(before for _, before in made)
    until = end.isoformat()
    coming = sum(
        d.date <= until
        and (d.state is DecisionState.COMING or (d.made_on or "") > until)
        for d in table.in_creation_order(journal)
    )  # fmt: skip
    return figures.Decisions(
        made=[
            figures.DecisionMade(d.id, d.text, d.made_on or "", before, d.id in after)
            for d, before in made
        ],
        heard_before=heard,
        heard_before_share=heard / len(made) if made else None,
        coming=coming,
    )


def people(journal: Journal, first: dt.date, end: dt.date, quiet_days: int) -> figures.People:
    """Who was named from `first` to `end`, and who had gone quiet by `end`."""
    from fourlooks import people as core

    month, everyone = core.heard_until(journal, end, first=first, quiet_days=quiet_days)
    by_times = sorted(month.people, key=lambda p: (-p.times, p.key))
    return figures.People(
        heard=[_person(person) for person in by_times],
        quiet_days=quiet_days,
        quiet=[_person(person) for person in everyone.quiet],
    )


def _person(person: Person) -> figures.PersonHeard:
    return figures.PersonHeard(person.name, person.key, person.times, person.last)
