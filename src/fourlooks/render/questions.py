"""The `questions` listing: by cadence, then look, each question numbered with its details."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from fourlooks.render import paint, shown

if TYPE_CHECKING:
    from fourlooks.model import Question


def lines(numbered: list[tuple[int, Question]], lang: str, *, colour: bool) -> Iterator[str]:
    from fourlooks import words

    cadence = look = None
    for number, question in numbered:
        if question.cadence != cadence:
            if cadence is not None:
                yield ""
            cadence, look = question.cadence, None
            yield paint(words.cadence_heading(cadence), "1", enabled=colour)
        if question.look != look:
            look = question.look
            yield "  " + paint(words.look_heading(look, lang), "36", enabled=colour)
        yield f"  {number:>3}  {shown(question.text)}"
        yield "       " + paint(" · ".join(_details(question)), "2", enabled=colour)
        if question.anchors:
            yield "       " + paint(_anchors(question), "2", enabled=colour)


def as_json(numbered: list[tuple[int, Question]]) -> list[dict]:
    return [
        {
            "id": question.id,
            "cadence": question.cadence.value,
            "look": question.look.value,
            "kind": question.kind,
            "text": question.text,
            "source": question.source,
            "choices": list(question.choices),
            "optional_set": question.optional_set,
            "when": question.when,
            "anchors": list(question.anchors),
        }
        for _, question in numbered
    ]


def _anchors(question: Question) -> str:
    """`1 gave way on principle … · 3 … · 5 …`: what the ratings mean."""
    from fourlooks.questions.fields import ANCHORED

    pairs = zip(ANCHORED, question.anchors, strict=True)
    return " · ".join(f"{rating} {shown(meaning)}" for rating, meaning in pairs)


def _details(question: Question) -> list[str]:
    found = [question.id, question.source]
    if question.kind == "rating":
        found.append("rating 1-5 + note")
    if question.choices:
        found.append("choice: " + ", ".join(question.choices))
    if question.when:
        found.append(f"when {question.when}")
    if question.optional_set:
        found.append(f"set {question.optional_set}")
    return found
