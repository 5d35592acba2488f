"""The daily review's opening screen: the last reviewed day's commitments, then on this day.

Shown only to a person at a terminal, before the day's questions.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from fourlooks import dates, words
from fourlooks.model import Cadence, Look, Question
from fourlooks.review.answers import Choice
from fourlooks.review.prompter import Progress
from fourlooks.store import entries, reviews

if TYPE_CHECKING:
    from fourlooks.review.engine import Run

FOLLOWUP_ID = reviews.FOLLOWUP_ID
FOLLOWUP_CHOICES = ("done", "partly", "not_done")
ON_THIS_DAY_SHOWN = 5  # entries shown per earlier day; the rest are counted


def follow_up(run: Run, day: dt.date) -> None:
    """Ask about each commitment of the last reviewed day: did it happen?"""
    commitments = reviews.open_commitments(run.journal, day.isoformat())
    if not commitments:
        return
    run.say("commitments", style="heading", date=commitments[0].date)
    for number, commitment in enumerate(commitments, start=1):
        question = Question(
            id=FOLLOWUP_ID,
            cadence=Cadence.DAILY,
            look=Look.BACK,
            kind="choice",
            text=words.say("followup", run.lang, text=commitment.text),
            source="part 4",
            choices=FOLLOWUP_CHOICES,
        )
        answer = run.prompter.ask_choice(question, Progress(number, len(commitments)))
        if isinstance(answer, Choice):
            run.save([run.draft(question, answer, commitment_id=commitment.id)])
            run.outcome.followed_up += 1


def on_this_day(run: Run, day: dt.date) -> None:
    """The entries of one month and one year before, when there are any."""
    shown = False
    for label, months in (("month_ago", 1), ("year_ago", 12)):
        earlier = dates.add_months(day, -months)
        if earlier is None:
            continue
        then = earlier.isoformat()
        found = entries.query(run.journal, date_from=then, date_to=then, newest_first=False)
        if not found:
            continue
        if not shown:
            run.say("on_this_day", style="heading")
            shown = True
        run.say(label, date=then)
        for entry in found[:ON_THIS_DAY_SHOWN]:
            look = words.look_name(entry.look, run.lang)
            run.prompter.show(f"  {look:<6} {first_line(entry.text)}")
        if len(found) > ON_THIS_DAY_SHOWN:
            run.say("more", style="dim", count=len(found) - ON_THIS_DAY_SHOWN)


def first_line(text: str, width: int = 72) -> str:
    """The first line of a text, cut to `width`, with `…` when something was left out."""
    line = text.strip().split("\n", 1)[0]
    more = "…" if len(line) > width or "\n" in text.strip() else ""
    return line[:width] + more
