"""The monthly audit's questions: the self-audit, and one of the five qualities as the focus.

The introduction's five qualities (党性修养高, 道德品质优, 工作作风实, 能力素质强, 精神面貌好)
would be five more ratings every month; instead the audit takes one a month as the month's
focus, in turn. Which one is a pure function of the month, so `fourlooks questions --cadence
monthly --date WHEN` lists exactly what that month's audit asks, in the order piped answers
come. All five are asked when the `qualities` set is switched on (optional_sets, in
config.toml or questions.toml) or with `review --monthly --full`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from fourlooks import dates, paths, questions, words
from fourlooks.errors import DateError
from fourlooks.model import Cadence, Look, Question
from fourlooks.review.cadences import SPECS

FOCUS_SET = "qualities"


def focus(qualities: Sequence[Question], period: str) -> Question | None:
    """The quality a month takes as its focus: each in turn, month after month."""
    if not qualities:
        return None
    return qualities[dates.month_index(*dates.split_month(period)) % len(qualities)]


def audit_questions(lang: str, period: str, *, full: bool) -> list[Question]:
    """The questions the audit of `period` asks, in review order.

    Those switched on, and the month's focus among the qualities unless all of them are
    asked (the set switched on, or `full`), its text saying it is the month's focus. A
    quality switched off by id is never asked.
    """
    user_file = paths.questions_file()
    asked = questions.for_cadence(questions.load(lang, user_file), Cadence.MONTHLY)
    every = questions.load(lang, user_file, with_sets=frozenset({FOCUS_SET}))
    every = questions.for_cadence(every, Cadence.MONTHLY)
    qualities = [q for q in every if q.optional_set == FOCUS_SET]
    picked = {q.id for q in asked}
    if full or any(q.optional_set == FOCUS_SET for q in asked):
        picked |= {q.id for q in qualities}
    elif (chosen := focus(qualities, period)) is not None:
        picked.add(chosen.id)
        named = replace(chosen, text=words.say("focus_question", lang, text=chosen.text))
        every = [named if q.id == chosen.id else q for q in every]
    return [q for q in every if q.id in picked]


def audit_month(when: str | None, today: dt.date) -> str:
    """The month a command line names for the audit: a month, or a day in it (None: current)."""
    spec = SPECS[Cadence.MONTHLY]
    if when is None:
        return spec.current(today)
    try:
        return spec.choose(when, today)
    except DateError:
        day = SPECS[Cadence.DAILY].choose(when, today)  # a day: its month (or its error)
        return spec.period(dt.date.fromisoformat(day))


def audit_listing(
    *, when: str | None, today: dt.date, lang: str, full: bool, look: Look | None = None
) -> list[tuple[int, Question]]:
    """The questions a month's audit asks, numbered as its piped answers come."""
    asked = audit_questions(lang, audit_month(when, today), full=full)
    return [(n, q) for n, q in enumerate(asked, start=1) if look in (None, q.look)]
