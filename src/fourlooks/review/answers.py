"""Checking what a person typed: free text, a 1-5 rating, a choice, commitments.

Pure functions with no I/O: every prompter (terminal, piped lines, answers file) uses them,
so one answer is read the same way wherever it comes from.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import NamedTuple

from fourlooks import dates, words
from fourlooks.errors import DateError
from fourlooks.model import Question, clean_text

# A rating: a whole number 1-5, optionally `/5`, then separators and the note.
_RATING = re.compile(r"([0-9]+(?:[.,][0-9]+)?)(?:\s*/\s*5)?(?:[\s:：,，.。;；\-–—]+(.*))?", re.S)
_NOTE_LEAD = " \t:：,，.。;；-–—"


class Rating(NamedTuple):
    value: int  # 1-5
    note: str


class Choice(NamedTuple):
    value: str  # one of the question's choices
    note: str


class Day(NamedTuple):
    value: str  # YYYY-MM-DD, a day after the review's: a task's next checkpoint


class _Later:
    def __repr__(self) -> str:
        return "LATER"


# A prompter's "not now": the question stays open for another run (an answers file without it).
LATER = _Later()

Answer = str | Rating | Choice | Day | None | _Later


def parse(
    question: Question, text: str, *, day: dt.date | None = None
) -> str | Rating | Choice | Day:
    """The answer `text` gives to `question`, by the question's kind; ValueError otherwise.

    A date question reads its answer from `day`, the day of the review, forward.
    """
    if question.kind == "rating":
        return parse_rating(text)
    if question.kind == "choice":
        return parse_choice(text, question)
    if question.kind == "date":
        if day is None:
            raise ValueError("a date answer is read from the review's day")
        return parse_day(text, after=day)
    return answer_text(text)


def parse_day(text: str, *, after: dt.date) -> Day:
    """`friday`, `in 3 days`, `周五`, `2026-12-04`: a day after `after`; ValueError otherwise.

    The day of the review itself is refused too: a checkpoint set for the day of the review
    that sets it would never fall due.
    """
    try:
        found = dates.parse_when(text, today=after, ahead=True)
    except DateError as exc:
        raise ValueError(str(exc)) from None
    if found <= after:
        when = "is the day of this review" if found == after else "is in the past"
        raise ValueError(f"{found.isoformat()} {when}: give a day after {after.isoformat()}")
    return Day(found.isoformat())


def answer_text(text: str) -> str:
    """The text to store for a free answer; ValueError says what is wrong with it."""
    return clean_text(text)


def parse_rating(text: str) -> Rating:
    """`4`, `4 a good month, one slip`, `4/5: fine`, `４，很好`; ValueError otherwise."""
    match = _RATING.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if not match or match[1] not in ("1", "2", "3", "4", "5"):
        raise ValueError(f"{text.strip()[:40]!r} is not a rating: start with a number from 1 to 5")
    return Rating(int(match[1]), (match[2] or "").strip())


def parse_choice(text: str, question: Question) -> Choice:
    """A choice by its number, value or label in either language, then an optional note."""
    typed = unicodedata.normalize("NFKC", text).strip()
    folded = typed.casefold()
    for alias, value in _aliases(question):
        if not folded.startswith(alias):
            continue
        rest = typed[len(alias) :] if len(folded) == len(typed) else folded[len(alias) :]
        # `1` must not match `12`, nor `done` match `doneness`; a Chinese word needs no space.
        if rest and alias[-1].isascii() and alias[-1].isalnum() and rest[0].isalnum():
            continue
        return Choice(value, rest.lstrip(_NOTE_LEAD).strip())
    shown = ", ".join(question.choices)
    raise ValueError(f"{typed[:40]!r} is not one of the choices ({shown})")


def _aliases(question: Question) -> list[tuple[str, str]]:
    """Every accepted word for every choice, longest first (so `not done` beats `n`)."""
    found: dict[str, str] = {}
    for number, value in enumerate(question.choices, start=1):
        forms = (str(number), value, value.replace("_", " "), value.replace("_", "-"))
        for word in (*forms, *words.choice_aliases(question.id, value)):
            found.setdefault(unicodedata.normalize("NFKC", word).casefold(), value)
    return sorted(found.items(), key=lambda item: -len(item[0]))


def commitment_lines(text: str) -> list[str]:
    """Each line of a commitments answer that says something, without its list bullet."""
    lines = (re.sub(r"^[-*•]+(\s+|$)", "", line.strip()).strip() for line in text.split("\n"))
    return [line for line in lines if line]
