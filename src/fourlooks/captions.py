"""Answers that read on their own: what an entry answered, and for a follow-up its outcome.

A bare "done" or "half of it" means nothing outside the review that asked it. A caption
names the question (its text, cut short) and, for a commitment's follow-up or a task's
state, the outcome and what it is about: `Followed up «Draft the budget»: partly — half`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from fourlooks import words
from fourlooks.errors import NotFound
from fourlooks.model import Entry
from fourlooks.store import Journal, entries, tasks

FOLLOWUP_ID = "daily.back.followup"
STATE_ID = "task.back.state"
QUESTION_WIDTH = 40  # a question is named by its first words: enough to know it


def caption(journal: Journal, entry: Entry, lang: str, questions: Mapping[str, str]) -> str:
    """The entry's text as it reads on its own, on one line; `questions`: id -> text."""
    text = first_line(entry.text)
    if entry.choice and entry.question_id in (FOLLOWUP_ID, STATE_ID):
        label = words.choice_label(entry.question_id, entry.choice, lang)
        outcome = label if entry.text.strip() == label else f"{label} — {text}"
        if entry.question_id == FOLLOWUP_ID and entry.commitment_id:
            about = _about(lambda: entries.get(journal, entry.commitment_id or "").text)
            return words.say("caption_followup", lang, about=about, outcome=outcome)
        if entry.task_id:
            about = _about(lambda: tasks.get(journal, entry.task_id or "").title)
            return words.say("caption_task_state", lang, about=about, outcome=outcome)
    asked = questions.get(entry.question_id or "")
    return f"{first_line(asked, QUESTION_WIDTH)} — {text}" if asked else text


def _about(read: Callable[[], str]) -> str:
    """What a follow-up is about, cut short; `…` when it was deleted since."""
    try:
        return first_line(read(), QUESTION_WIDTH)
    except NotFound:
        return "…"


def first_line(text: str, width: int = 72) -> str:
    """The first line of a text, cut to `width`, with `…` when something was left out."""
    line = text.strip().split("\n", 1)[0]
    more = "…" if len(line) > width or "\n" in text.strip() else ""
    return line[:width] + more
