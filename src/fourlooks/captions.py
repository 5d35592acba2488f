"""Answers that read on their own: what an entry answered, and for a follow-up its outcome.

A bare "done" or "half of it" means nothing outside the review that asked it. A caption
names the question by its short name (words: "questions" and "ratings") and, for a
commitment's follow-up or a task's state, the outcome and what it is about:
`Followed up «Draft the budget»: partly — half of it`. `list`, `show`, On this day, the
report's highlights and the Markdown export all name answers through this module, so no
question id or record id reaches a person.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from fourlooks import words
from fourlooks.model import Record, record

if TYPE_CHECKING:
    from fourlooks.model import Entry
    from fourlooks.store import Journal

FOLLOWUP_ID = "daily.back.followup"
STATE_ID = "task.back.state"
# An answer about a decision (store.decisions), before it is made and after: its caption key.
DECISION_CAPTIONS = {
    "daily.down.decision_coming": "caption_decision_coming",
    "daily.down.decision_made": "caption_decision_made",
}
NAME_WIDTH = 40  # a question without a short name is named by its first words: enough to know it
ABOUT_WIDTH = 40  # what a follow-up or a task answer is about, likewise
GONE = "…"  # what a follow-up is about, when that was deleted since


def question_name(question_id: str, lang: str, texts: Mapping[str, str] | None = None) -> str:
    """A question as a person calls it: its short name, else its text cut short, else its slug.

    `texts` (id -> text) names the questions a user added, which have no short name.
    """
    name = words.question_name(question_id, lang)
    if name is None:
        text = (texts or {}).get(question_id)
        if text:
            return first_line(text, NAME_WIDTH)
        name = question_id.rsplit(".", 1)[-1].replace("_", " ")  # a question since removed
    return name[:1].upper() + name[1:]


def repeated(entry: Entry) -> bool:
    """Whether the text only repeats the rating or the choice (stored when no note was written).

    A choice without a note is stored as its label in the language the review was taken in.
    """
    text = entry.text.strip()
    if entry.rating is not None and text == str(entry.rating):
        return True
    if entry.choice is None:
        return False
    qid = entry.question_id or ""
    labels = {words.choice_label(qid, entry.choice, lang) for lang in words.LANGS}
    return text in labels | {entry.choice}


@record
class Captions(Record):
    """How the entries of one screen read on their own, with what they refer to gathered."""

    lang: str
    about: Mapping[str, str]  # commitment or task id -> its text
    texts: Mapping[str, str]  # question id -> text (user-added)

    def __init__(
        self,
        lang: str,
        about: Mapping[str, str] | None = None,
        texts: Mapping[str, str] | None = None,
    ) -> None:
        object.__setattr__(self, "lang", lang)
        object.__setattr__(self, "about", {} if about is None else about)
        object.__setattr__(self, "texts", {} if texts is None else texts)

    def heading(self, entry: Entry, mark: Callable[[str], str] = str) -> str | None:
        """What the entry answered, and how: `Went well`, `Conduct 4/5`, `Followed up «x»:
        partly`; None for an entry written freely. `mark` dresses the outcome (Markdown bold)."""
        qid = entry.question_id
        if qid is None:
            return None
        outcome = words.choice_label(qid, entry.choice, self.lang) if entry.choice else None
        if outcome and qid == FOLLOWUP_ID and entry.commitment_id:
            about = self._about(entry.commitment_id)
            return words.say("caption_followup", self.lang, about=about, outcome=mark(outcome))
        if outcome and qid in DECISION_CAPTIONS:
            about = self._about(entry.id)  # gathered by the answer's own id
            return words.say(DECISION_CAPTIONS[qid], self.lang, about=about, outcome=mark(outcome))
        if outcome and qid == STATE_ID and entry.task_id:
            about = self._about(entry.task_id)
            return words.say("caption_task_state", self.lang, about=about, outcome=mark(outcome))
        name = question_name(qid, self.lang, self.texts)
        if entry.task_id:
            about = self._about(entry.task_id)
            name = words.say("caption_task_answer", self.lang, question=name, about=about)
        if entry.rating is not None:
            return f"{name} {mark(f'{entry.rating}/5')}"
        if outcome:
            return words.say("caption_choice", self.lang, question=name, outcome=mark(outcome))
        return name

    def note(self, entry: Entry) -> str:
        """The entry's own words: its text, or nothing when that only repeats the outcome."""
        return "" if self.heading(entry) is not None and repeated(entry) else entry.text

    def line(self, entry: Entry, width: int = 72) -> str:
        """The entry on one line: `Went well — shipped the report`."""
        heading, note = self.heading(entry), self.note(entry)
        if heading is None:
            return first_line(entry.text, width)
        return f"{heading} — {first_line(note, width)}" if note.strip() else heading

    def _about(self, record_id: str) -> str:
        text = self.about.get(record_id)
        return first_line(text, ABOUT_WIDTH) if text else GONE


def gather(
    journal: Journal, entries: Iterable[Entry], lang: str, texts: Mapping[str, str] | None = None
) -> Captions:
    """Captions for these entries, reading at once what their follow-ups, task answers and
    decision answers are about; the question bank is read only when an answer's question has
    no short name."""
    from fourlooks.store import decisions as decision_table
    from fourlooks.store import entries as entry_table
    from fourlooks.store import tasks as task_table

    chosen = list(entries)
    commitments = sorted({e.commitment_id for e in chosen if e.commitment_id})
    task_ids = sorted({e.task_id for e in chosen if e.task_id})
    about = entry_table.texts_of(journal, commitments)
    about.update(task_table.titles_of(journal, task_ids))
    answers = sorted(e.id for e in chosen if e.question_id in DECISION_CAPTIONS)
    about.update(decision_table.texts_by_answer(journal, answers))
    unnamed = any(e.question_id and not words.question_name(e.question_id, lang) for e in chosen)
    if texts is None and unnamed:
        texts = question_texts(lang)
    return Captions(lang, about, texts or {})


def question_texts(lang: str) -> Mapping[str, str]:
    """Every question's text, the user's own included; the built-in ones when their file is
    broken (a typo there should not stop a listing: the review names it)."""
    from fourlooks import paths, questions
    from fourlooks.errors import ConfigError

    try:
        return questions.texts(lang, paths.questions_file())
    except ConfigError:
        return questions.texts(lang)


def first_line(text: str, width: int = 72) -> str:
    """The first line of a text, cut to `width`, with `…` when something was left out."""
    line = text.strip().split("\n", 1)[0]
    more = "…" if len(line) > width or "\n" in text.strip() else ""
    return line[:width] + more
