"""The Markdown exports' last part: the goals with their tasks, the decisions with the answers
that heard those they affect, and the people the entries name (`@name`).

Gathered while the entries stream past (`Records.watch`), so nothing is read twice: the one
document ends with these sections, the folder export writes them to EXTRA_FILES' page.
This module builds on formats.markdown and is imported by it: it reads markdown's helpers
when it runs, not when it is imported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from fourlooks import people, words
from fourlooks.formats.markdown_text import inline

if TYPE_CHECKING:
    from fourlooks.formats import ExportSource
    from fourlooks.model import Decision, Entry, Goal

EXTRA_FILES = ("goals-decisions-people.md",)  # the folder's page (transfer checks it first)
_GOAL_STATES = {"open": "goal_open", "done": "goal_done", "dropped": "goal_dropped"}
_DECISION_STATES = {
    "coming": "decision_coming",
    "made": "decision_made",
    "dropped": "decision_dropped",
}


class Records:
    """What the closing sections show, gathered from the source and the entries it streams."""

    def __init__(self, source: ExportSource):
        self.lang, self._source = source.lang, source
        self.goals: list[Goal] = list(source.goals())
        self.decisions: list[Decision] = list(source.decisions())
        self.titles = source.task_titles()
        self._wanted = {entry_id for d in self.decisions for entry_id in d.answer_ids}
        self.answers: dict[str, Entry] = {}
        self._named: list[tuple[str, str, str]] = []  # (entry id, day, its mentions)

    def watch(self, entries: Iterable[Entry]) -> Iterator[Entry]:
        """The entries, unchanged, noting the answers about decisions and the names."""
        for entry in entries:
            if entry.id in self._wanted:
                self.answers[entry.id] = entry
            names = people.mentions(entry.text)
            if names:
                self._named.append((entry.id, entry.date, " ".join("@" + n for n in names)))
            yield entry

    def document(self, render: Callable[[Iterable[Entry]], Iterator[str]]) -> Iterator[str]:
        """The one document the entries render to, ending with these sections."""
        yield from render(self.watch(self._source.entries()))
        lines = self.sections(level=2)
        if lines:
            yield "\n" + "\n".join(lines) + "\n"

    def files(
        self, render: Callable[[Iterable[Entry]], Iterator[tuple[str, str]]]
    ) -> Iterator[tuple[str, str]]:
        """The folder's files the entries render to, then the page of these sections."""
        from fourlooks.formats.markdown import GENERATOR_LINE, _note

        yield from render(self.watch(self._source.entries()))
        lines = self.sections(level=1)
        if lines:
            yield EXTRA_FILES[0], _note([GENERATOR_LINE], "\n".join(lines[1:]) + "\n")

    def sections(self, *, level: int) -> list[str]:
        lines: list[str] = []
        for key, items in (
            ("export_goals", list(self._goal_lines())),
            ("report_decisions", list(self._decision_lines())),
            ("report_people", list(self._people_lines())),
        ):
            if items:
                lines += ["", f"{'#' * level} {words.say(key, self.lang)}", "", *items]
        return lines

    def _goal_lines(self) -> Iterator[str]:

        for goal in self.goals:
            state = words.say(_GOAL_STATES[goal.state.value], self.lang)
            yield f"- **{goal.period}** {inline(goal.text)} · {state}"
            for task_id in goal.task_ids:
                yield f"  - {inline(self.titles.get(task_id) or task_id[:8])}"

    def _decision_lines(self) -> Iterator[str]:
        from fourlooks.store.decisions import BEFORE_ID

        for decision in self.decisions:
            state = words.say(_DECISION_STATES[decision.state.value], self.lang)
            made = f" {decision.made_on}" if decision.made_on else ""
            yield f"- **{decision.date}** {inline(decision.text)} · {state}{made}"
            heard = [self.answers[i] for i in decision.answer_ids if i in self.answers]
            for answer in sorted(heard, key=lambda e: (e.date, e.created_at, e.id)):
                before = answer.question_id == BEFORE_ID
                stage = words.say("decision_before" if before else "decision_after", self.lang)
                label = words.choice_label(answer.question_id or "", answer.choice or "", self.lang)
                said = words.say(
                    "export_answer", self.lang, date=answer.date, stage=stage, outcome=label
                )
                if answer.text != label:
                    said = words.say("export_answer_note", self.lang, answer=said,
                                     note=inline(answer.text))  # fmt: skip
                yield f"  - {said}"

    def _people_lines(self) -> Iterator[str]:

        if not self._named:
            return
        last = max(day for _, day, _ in self._named)
        heard = people.tally(self._named, today=dt.date.fromisoformat(last), quiet_days=0)
        for person in sorted(heard.people, key=lambda p: (-p.times, p.key)):
            name = "@" + inline(person.name)
            yield "- " + words.say(
                "people_line", self.lang, name=name, times=person.times, last=person.last
            )
