"""The monthly audit closes the month: what the audits before set out, asked about or shown.

At a terminal the audit of a month opens, before its questions, with:
- each month goal for this month or before that is still open (`fourlooks goal`), or, for an
  audit taken before goals were stored, the goal the audit before named: met, partly, not
  met or dropped. Met marks the goal done and dropped drops it, in the answer's
  transaction; partly and not met leave it open and in view, asked again at the next audit;
- each fault named in the months before (FAULT_MONTHS) not yet answered: fixed or recurred;
- the tasks and owners the audit before gave, shown.
Goals and faults are asked the way the daily review asks its commitments
(`opening.ask_each`): each answer is stored at once, an entry of the audit with its
outcome; an empty answer leaves it open, so the next audit (or this one taken up again)
asks it again. A piped or file audit asks none of them, so its answers line up with
`fourlooks questions --cadence monthly`.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, NamedTuple

from fourlooks import captions, dates, paths, questions, words
from fourlooks.model import Cadence, Goal, GoalState, Look
from fourlooks.questions import FAULTS_ID, MONTH_GOAL_ID
from fourlooks.review.opening import FollowUp, ask_each, follow_up_question
from fourlooks.store import Journal, reviews

if TYPE_CHECKING:
    import datetime as dt

    from fourlooks.review.engine import Run

GOAL_FOLLOWUP_ID = "monthly.back.goal_met"
FAULT_FOLLOWUP_ID = "monthly.back.fault_fixed"
GOAL_CHOICES = ("met", "partly", "not_met", "dropped")
FAULT_CHOICES = ("fixed", "recurred")
_GOAL_STATES = {"met": GoalState.DONE, "dropped": GoalState.DROPPED}
FAULT_MONTHS = 3  # a fault left unanswered is asked at the audits of this many months after
OWNERS_ID = "monthly.ahead.owners"
OWNER_LINES = 8  # lines of the owners shown; the rest are counted


class Open(NamedTuple):
    """One thing the audit asks about: its text, its month, what its answer settles."""

    text: str
    month: str  # YYYY-MM: the goal's month, or the month the fault was named in
    entry_id: str | None = None  # the answer it follows up: a fault, an older audit's goal
    goal: Goal | None = None


def close_month(run: Run, day: dt.date) -> None:
    """The audit's opening: the goals and faults still open asked about, the owners shown."""
    period = run.sitting.period
    asked_goals = reviews.holds_answer(run.journal, run.key, GOAL_FOLLOWUP_ID)
    goals = [] if asked_goals else goals_to_close(run.journal, period)
    faults = faults_to_close(run.journal, period)
    owners = owners_named(run.journal, period)
    if not (goals or faults or owners):
        return
    before = words.month_name(month_before(period, 1), run.lang)
    run.say("last_month", style="heading", month=before)
    ask_each(run, None, [_follow_up(run, "goal", item) for item in goals])
    ask_each(run, None, [_follow_up(run, "fault", item) for item in faults])
    show_owners(run, owners)


# What each kind of follow-up asks: its id, its words, its choices, the part of the article.
_ASKED = {
    "goal": (GOAL_FOLLOWUP_ID, "goal_followup", GOAL_CHOICES, "part 4"),
    "fault": (FAULT_FOLLOWUP_ID, "fault_followup", FAULT_CHOICES, "part 1: 常思己过"),
}


def _follow_up(run: Run, kind: str, item: Open) -> FollowUp:
    """The question about one goal or fault; its answer names what it was about, then the note."""
    question_id, key, choices, source = _ASKED[kind]
    month = words.month_name(item.month, run.lang)
    text = words.say(key, run.lang, month=month, text=item.text)
    question = follow_up_question(question_id, Look.BACK, text, source, choices, Cadence.MONTHLY)
    fields = {"commitment_id": item.entry_id} if item.entry_id else {}
    settle = functools.partial(_settle_goal, run.journal, item.goal) if item.goal else None
    return FollowUp(question, fields, settle, about=item.text.strip().split("\n", 1)[0])


def _settle_goal(journal: Journal, goal: Goal, answer_id: str) -> None:
    """A goal answered met is done, dropped is dropped; partly and not met stay open."""
    from fourlooks.store import entries
    from fourlooks.store import goals as table

    state = _GOAL_STATES.get(entries.get(journal, answer_id).choice or "")
    if state is None:
        return
    current = table.get(journal, goal.id)
    if current.is_open:  # another terminal may have closed it meanwhile
        table.close(journal, current, state)


def goals_to_close(journal: Journal, period: str) -> list[Open]:
    """The month goals of `period` or before still open; else the audit before's goal answer.

    The answer counts only when no goal is stored for the month at all (an audit taken
    before goals were stored), and until it is answered.
    """
    from fourlooks.store import goals as table

    months = [g for g in table.query(journal, include_closed=True) if len(g.period) == 7]
    months = [g for g in months if g.period <= period]
    found = [Open(g.text, g.period, goal=g) for g in months if g.is_open]
    if not any(g.period == period for g in months):
        first, last = _bounds(month_before(period, 1))
        older = reviews.not_followed_up(journal, MONTH_GOAL_ID, first, last)
        found += [Open(entry.text, period, entry_id=entry.id) for entry in older]
    return found


def faults_to_close(journal: Journal, period: str) -> list[Open]:
    """The faults named in the FAULT_MONTHS months before `period` not yet answered."""
    first = _bounds(month_before(period, FAULT_MONTHS))[0]
    last = _bounds(month_before(period, 1))[1]
    found = reviews.not_followed_up(journal, FAULTS_ID, first, last)
    return [Open(entry.text, entry.date[:7], entry_id=entry.id) for entry in found]


def owners_named(journal: Journal, period: str) -> list[str]:
    """The lines of the tasks and owners the audit of the month before gave."""
    from fourlooks.store import summary

    first, last = _bounds(month_before(period, 1))
    found = summary.answers(journal, first, last, (OWNERS_ID,))
    return [line for _, _, text in found for line in text.splitlines() if line.strip()]


def show_owners(run: Run, lines: list[str]) -> None:
    if not lines:
        return
    asked = questions.texts(run.lang, paths.questions_file())
    run.prompter.show(f"  {captions.first_line(asked.get(OWNERS_ID, OWNERS_ID), 60)}", style="dim")
    for line in lines[:OWNER_LINES]:
        run.prompter.show(f"    {captions.first_line(line)}")
    if len(lines) > OWNER_LINES:
        run.say("more", style="dim", count=len(lines) - OWNER_LINES)


def month_before(period: str, months: int) -> str:
    """The month `months` before `period` (YYYY-MM)."""
    index = dates.month_index(*dates.split_month(period)) - months
    return dates.format_month(index // 12, index % 12 + 1)


def _bounds(period: str) -> tuple[str, str]:
    first, last = dates.month_bounds(*dates.split_month(period))
    return first.isoformat(), last.isoformat()
