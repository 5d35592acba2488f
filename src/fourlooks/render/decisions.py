"""The decision screens: `decision list` and `decision show`, as lines and as JSON."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from fourlooks import words
from fourlooks.render import field, local_minute, paint, shown

if TYPE_CHECKING:
    from fourlooks.decisions import Detail, Listed
    from fourlooks.model import Decision, Entry


# Keys written whole, so that tests/test_words.py finds each one used.
_STATE_KEYS = {"coming": "decision_coming", "made": "decision_made", "dropped": "decision_dropped"}


def decision_state(decision: Decision, lang: str) -> str:
    return words.say(_STATE_KEYS[decision.state.value], lang)


def list_lines(found: list[Listed], lang: str, *, colour: bool) -> Iterator[str]:
    """One row a decision: short id, day written, state, text, whether it was heard."""
    for decision, short_id, before, after in found:
        heard = heard_note(before, after, lang)
        yield (
            f"{paint(short_id, '2', enabled=colour)}  {decision.date}  "
            f"{words.pad(decision_state(decision, lang), 8)}  {shown(decision.text)}  ({heard})"
        )


def heard_note(before: bool, after: bool, lang: str) -> str:
    """`heard before ✓ after -`: whether those it affects were heard, before and after."""
    return words.say("decision_heard", lang, before=mark(before), after=mark(after))


def mark(heard: bool) -> str:
    return "✓" if heard else "-"


def list_json(found: list[Listed]) -> list[dict]:
    return [
        {
            **item.decision.to_dict(),
            "heard_before": item.heard_before,
            "heard_after": item.heard_after,
        }
        for item in found
    ]


def detail_lines(found: Detail, lang: str, *, colour: bool) -> Iterator[str]:
    """Everything stored about a decision, then the answers that heard those it affects."""
    decision = found.decision
    yield paint(decision.id, "1", enabled=colour)
    yield field("show_decision", shown(decision.text), lang)
    yield field("show_date", decision.date, lang)
    yield field("show_state", decision_state(decision, lang), lang)
    if decision.made_on:
        yield field("show_made", decision.made_on, lang)
    yield field("show_created", local_minute(decision.created_at), lang)
    if not found.answers:
        yield "  " + words.say("decision_not_heard", lang)
    for entry in found.answers:
        yield "  " + answer_line(entry, found.answer_ids.get(entry.id, entry.id[:8]), lang)


def answer_line(entry: Entry, short_id: str, lang: str) -> str:
    """An answer about a decision: its day, before or after, what was heard, the note."""
    from fourlooks.store.decisions import BEFORE_ID

    before = entry.question_id == BEFORE_ID
    stage = words.say("decision_before" if before else "decision_after", lang)
    label = words.choice_label(entry.question_id or "", entry.choice or "", lang)
    note = shown(entry.text).replace("\n", " ")
    return f"{short_id}  {entry.date}  {words.pad(stage, 8)}  {words.pad(label, 10)}  {note}"


def detail_json(found: Detail) -> dict:
    return {**found.decision.to_dict(), "answers": [entry.to_dict() for entry in found.answers]}
