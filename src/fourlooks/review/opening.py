"""The daily review's opening: open commitments, decisions to hear about, on this day.

Shown only to a person at a terminal, before the day's questions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from fourlooks import captions, dates, words
from fourlooks.model import Cadence, Look, Question
from fourlooks.review.answers import Choice
from fourlooks.review.prompter import Progress
from fourlooks.store import entries, reviews

if TYPE_CHECKING:
    from fourlooks.review.engine import Run

FOLLOWUP_ID = reviews.FOLLOWUP_ID
FOLLOWUP_CHOICES = ("done", "partly", "not_done", "dropped")
KEEP_CHOICES = (reviews.KEPT, "dropped")  # asked once of a commitment open this long
KEEP_AFTER_DAYS = 14
# Whether those a decision affects accept it (before) or approve of it (after); `kept`: not
# asked or not heard yet, asked again at the next review.
DECISION_CHOICES = ("yes", "partly", "no", reviews.KEPT)
ON_THIS_DAY_SHOWN = 5  # entries shown per earlier day; the rest are counted


def follow_up(run: Run, day: dt.date) -> None:
    """Ask about each open commitment of an earlier day: did it happen?

    A commitment open for KEEP_AFTER_DAYS is asked once whether to keep or drop it instead;
    kept, it is asked "did it happen?" again from the next review on. An empty answer leaves
    the commitment open, so the next review asks it again.
    """
    commitments = reviews.open_commitments(run.journal, day.isoformat())
    if not commitments:
        return
    kept = reviews.kept_open(run.journal, [c.id for c in commitments])
    asked = []
    for commitment in commitments:
        age = (day - dt.date.fromisoformat(commitment.date)).days
        keep = age >= KEEP_AFTER_DAYS and commitment.id not in kept
        text = words.say(
            "keep_or_drop" if keep else "followup",
            run.lang,
            text=commitment.text,
            date=commitment.date,
            days=words.count(age, "day", run.lang),
        )
        choices = KEEP_CHOICES if keep else FOLLOWUP_CHOICES
        question = follow_up_question(FOLLOWUP_ID, Look.BACK, text, "part 4", choices)
        asked.append(FollowUp(question, {"commitment_id": commitment.id}))
    ask_each(run, "commitments", asked)


def hear_decisions(run: Run, day: dt.date) -> None:
    """Ask about each decision whose people are still to be heard (part 3).

    Before it is made: will those it affects accept it and support it, whom did you ask?
    Once made: do they approve, are they satisfied, how do you know? The note names them
    (`@name`: fourlooks.people). `not yet`, like an empty answer, leaves the decision to
    the next review, as a commitment kept open is (store.reviews.SETTLES).
    """
    from fourlooks.store import decisions

    asked = []
    for decision, question_id in decisions.awaiting(run.journal, day.isoformat()):
        if question_id == decisions.BEFORE_ID:
            key, date = "decision_ask_coming", decision.date
        else:
            key, date = "decision_ask_made", decision.made_on
        text = words.say(key, run.lang, text=decision.text, date=date)
        question = follow_up_question(question_id, Look.DOWN, text, "part 3", DECISION_CHOICES)
        link = partial(decisions.link_answer, run.journal, decision.id)
        asked.append(FollowUp(question, {}, link))
    ask_each(run, "decisions_heading", asked)


class FollowUp(NamedTuple):
    """One thing an opening follows up: its question, the answer's link to what it is about."""

    question: Question
    fields: dict[str, str]  # stored with the answer (a commitment's id)
    linked: Callable[[str], None] | None = None  # given the answer's id, in its transaction
    about: str = ""  # leads the stored text, the note after it (what a goal's answer was about)


def follow_up_question(
    question_id: str,
    look: Look,
    text: str,
    source: str,
    choices: tuple[str, ...],
    cadence: Cadence = Cadence.DAILY,
) -> Question:
    """A follow-up question, asked of one thing: a choice with an optional note."""
    return Question(
        id=question_id,
        cadence=cadence,
        look=look,
        kind="choice",
        text=text,
        source=source,
        choices=choices,
    )


def ask_each(run: Run, heading: str | None, asked: list[FollowUp]) -> None:
    """The one follow-up loop: each answer stored with its link in one transaction.

    An empty answer stores nothing: what it asks about stays open, asked again next time.
    """
    if not asked:
        return
    if heading is not None:
        run.say(heading, style="heading")
    for number, (question, fields, linked, about) in enumerate(asked, start=1):
        answer = run.prompter.ask_choice(question, Progress(number, len(asked)))
        if not isinstance(answer, Choice):
            continue
        if about:
            answer = Choice(answer.value, "\n".join(part for part in (about, answer.note) if part))
        with run.journal.write():
            saved = run.save([run.draft(question, answer, **fields)])
            if linked is not None:
                linked(saved[0].id)
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
        chosen = found[:ON_THIS_DAY_SHOWN]
        named = captions.gather(run.journal, chosen, run.lang)
        for entry in chosen:
            look = words.look_name(entry.look, run.lang)
            run.prompter.show(f"  {words.pad(look, 6)} {named.line(entry)}")
        if len(found) > ON_THIS_DAY_SHOWN:
            run.say("more", style="dim", count=len(found) - ON_THIS_DAY_SHOWN)


def open_goals(run: Run, day: dt.date) -> None:
    """The goals still open for this year or month (or before): in view as tomorrow is planned.

    The look-ahead then asks which of them tomorrow moves forward, not what they are.
    """
    from fourlooks import goals

    month = dates.format_month(day.year, day.month)
    found = [item for item in goals.listing(run.journal) if item.goal.period <= month]
    if not found:
        return
    run.say("open_goals")
    for goal, short_id in found:
        tasks = words.say("goal_task_count", run.lang, count=len(goal.task_ids))
        text = captions.first_line(goal.text)
        run.prompter.show(f"  {short_id}  {goal.period:<7}  {text}  ({tasks})")
