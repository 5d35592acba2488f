"""The lesson screens: `lessons` as lines and as JSON, and how a recurrence is told."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from fourlooks import words
from fourlooks.captions import first_line
from fourlooks.render import paint, shown

if TYPE_CHECKING:
    from fourlooks.lessons import Lesson


# Keys written whole, so that tests/test_words.py finds each one used.
_SOURCE_KEYS = {"daily": "lesson_daily", "monthly": "lesson_monthly", "task": "lesson_task"}


def source(lesson: Lesson, lang: str) -> str:
    """Which review wrote it: the day's, the month's, a task's."""
    cadence = lesson.entry.cadence.value if lesson.entry.cadence else "daily"
    return words.say(_SOURCE_KEYS[cadence], lang)


def again(lesson: Lesson, lang: str) -> str:
    """`The same lesson: 3 times since August 2026.`"""
    return words.say(
        "lesson_again", lang, n=lesson.times, month=words.month_name(lesson.since[:7], lang)
    )


def list_lines(found: list[Lesson], lang: str, *, colour: bool) -> Iterator[str]:
    """One row a lesson: short id, date, review, how often it was written, its first line."""
    for lesson in found:
        times, since = "", ""
        if lesson.recurring:
            times = f"{lesson.times}×"
            since = "  " + words.say("lesson_since", lang, date=lesson.since)
        yield (
            f"{paint(lesson.short_id, '2', enabled=colour)}  {lesson.entry.date}  "
            f"{words.pad(source(lesson, lang), 6)}  {times:>3}  "
            f"{shown(first_line(lesson.entry.text))}{since}"
        )


def to_dict(lesson: Lesson) -> dict:
    """A lesson as `lessons --json` and the report's JSON write it."""
    entry = lesson.entry
    return {
        "id": entry.id,
        "date": entry.date,
        "question_id": entry.question_id,
        "text": entry.text,
        "tags": list(entry.tags),
        "task_id": entry.task_id,
        "nth": lesson.nth,
        "times": lesson.times,
        "dates": list(lesson.dates),
        "same_as": list(lesson.same_as),
    }


def list_json(found: list[Lesson]) -> list[dict]:
    return [to_dict(lesson) for lesson in found]
