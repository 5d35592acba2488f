"""Decisions and the people they affect, heard before and after (part 3, 低头看).

For a decision to come: will those it affects accept it (答应不答应), will they support it
(拥护不拥护)? Once made: do they approve (赞成不赞成), are they satisfied (满意不满意)? The
daily review asks (review.opening.hear_decisions); the answers are its entries, so `@name`
in them records the people heard (fourlooks.people).

Every function gathers all its command shows, short ids included, so rendering reads no
journal.
"""

from __future__ import annotations

from typing import NamedTuple

from fourlooks.errors import UsageError
from fourlooks.model import Decision, DecisionState, Entry
from fourlooks.store import Journal
from fourlooks.store import decisions as table


class DecisionRef(NamedTuple):
    decision: Decision
    short_id: str  # as listings show it


class Listed(NamedTuple):
    decision: Decision
    short_id: str
    heard_before: bool  # an answer settled whether those it affects accept it
    heard_after: bool  # ... whether they approve of it, once made


class Detail(NamedTuple):
    decision: Decision
    short_id: str
    answers: list[Entry]  # the review answers about it, oldest first
    answer_ids: dict[str, str]  # each answer's short id


def is_made(*, coming: bool, made: bool) -> bool:
    """Whether `decision add` records a decision already made (--made) or one to come."""
    if coming and made:
        raise UsageError("--coming and --made cannot be combined: a decision is one or the other")
    return made


def add(journal: Journal, text: str, *, day: str, made: bool) -> DecisionRef:
    """Store a new decision, written down on `day`: to come, or made that day."""
    decision = table.add(journal, text, day=day, made=made)
    return DecisionRef(decision, _short(journal, decision))


def listing(journal: Journal) -> list[Listed]:
    """Every decision, by the day it was written down, with whether it was heard."""
    found = table.in_creation_order(journal)
    ids = [decision.id for decision in found]
    short = table.short_ids(journal, ids)
    before, after = table.heard(journal, ids)
    return [
        Listed(decision, short[decision.id], decision.id in before, decision.id in after)
        for decision in found
    ]


def detail(journal: Journal, decision_id: str) -> Detail:
    from fourlooks.store import entries

    decision = table.get(journal, decision_id)
    answers = table.answers(journal, decision)
    short = entries.short_ids(journal, [entry.id for entry in answers])
    return Detail(decision, _short(journal, decision), answers, short)


def settle(journal: Journal, decision_id: str, state: DecisionState, *, day: str) -> DecisionRef:
    """Mark a coming decision made (on `day`) or dropped; any other is refused."""
    decision = table.settle(journal, table.get(journal, decision_id), state, day)
    return DecisionRef(decision, _short(journal, decision))


def _short(journal: Journal, decision: Decision) -> str:
    return table.short_ids(journal, [decision.id])[decision.id]
