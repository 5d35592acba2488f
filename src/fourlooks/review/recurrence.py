"""Is it the same one? After a lesson is written at a terminal, earlier lessons like it.

A person at a terminal is shown up to three earlier lessons the full-text index finds alike
(one of each group, those sharing a tag first) and asked of each whether the new one is the
same; the first "the same" links them and says how often the lesson has now been written.
Piped and file reviews ask nothing: their answers keep lining up with `fourlooks questions`,
and a lesson they store stays unlinked until `fourlooks lessons link` says otherwise; their
closing names the likest earlier lesson and the command that would link the two.

The monthly audit, at a terminal, opens with the lessons of its month that came back.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from fourlooks import words
from fourlooks.captions import first_line
from fourlooks.model import Look, Question
from fourlooks.review.answers import Choice
from fourlooks.review.prompter import Progress
from fourlooks.store import entries

if TYPE_CHECKING:
    from fourlooks.review.engine import Run

SAME_ID = "lesson.same"  # not a bank question: asked of each earlier lesson in turn
SAME_CHOICES = ("same", "other")


def same_lesson(run: Run, question: Question) -> None:
    """After a lesson is answered: ask whether it is one of the earlier lessons like it."""
    # Imported here: every command that works out what is due imports the cadences.
    from fourlooks import lessons
    from fourlooks.render import lessons as screen

    if not lessons.is_lesson(question.id) or question.id not in run.answers:
        return
    new = run.answers[question.id][-1]
    found = lessons.candidates(run.journal, new)
    if not found:
        return
    if not run.prompter.interactive:
        # Nothing more is read, so the answers keep lining up; the closing says what to run.
        earlier = found[0].entry
        short = entries.short_ids(run.journal, [new.id, earlier.id])
        said = words.say(
            "lesson_like_piped", run.lang, id=short[new.id], date=earlier.date,
            other=short[earlier.id],
        )  # fmt: skip
        run.outcome.notes.append(said)
        return
    run.say("lesson_like", style="heading")
    for number, earlier in enumerate(found, start=1):
        asked = Question(
            id=SAME_ID,
            cadence=question.cadence,
            look=Look.BACK,
            kind="choice",
            text=words.say(
                "lesson_same",
                run.lang,
                date=earlier.entry.date,
                text=first_line(earlier.entry.text),
                times=words.count(earlier.times, "time", run.lang),
            ),
            source="part 1: 常思己过",
            choices=SAME_CHOICES,
        )
        answer = run.prompter.ask_choice(asked, Progress(number, len(found)))
        if isinstance(answer, Choice) and answer.value == "same":
            linked = lessons.link_new(run.journal, new, earlier.entry)
            run.prompter.show(screen.again(linked, run.lang), style="heading")
            return


def came_back(run: Run, day: dt.date) -> None:
    """The audit opens with the month's lessons that came back: the faults to fix first."""
    from fourlooks import lessons

    first = dt.date(day.year, day.month, 1).isoformat()
    found = [
        lesson
        for lesson in lessons.written_between(run.journal, first, day.isoformat())
        if lesson.came_back
    ]
    if not found:
        return
    month = words.month_name(first[:7], run.lang)
    run.say("lessons_came_back", style="heading", month=month)
    for lesson in found:
        since = words.month_name(lesson.since[:7], run.lang)
        times = words.say("report_lesson_times", run.lang, n=lesson.nth, month=since)
        run.prompter.show(f"  {lesson.entry.date}  {first_line(lesson.entry.text)}  {times}")
