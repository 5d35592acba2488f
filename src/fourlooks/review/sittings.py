"""Which review to take: its cadence and period, the task it is about, the questions it asks.

The questions are data the engine is given: choosing another set for a review changes what
is asked, not how it is asked or saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fourlooks import paths, questions
from fourlooks.errors import ConfigError
from fourlooks.model import Cadence, Question, Task
from fourlooks.review.cadences import SPECS, Spec
from fourlooks.store import Journal, reviews, tasks


@dataclass(frozen=True)
class Sitting:
    """One review to take, and every question it may ask (for a task, every state's own)."""

    spec: Spec
    period: str
    questions: tuple[Question, ...]
    task: Task | None = None

    @property
    def key(self) -> reviews.Key:
        return reviews.Key(self.spec.cadence, self.period, self.task.id if self.task else None)

    def sequence(self, chosen: str | None) -> list[Question]:
        """The questions to ask in order, once the branch question's choice is `chosen`.

        The branch question comes first, then the questions its choice leads to, then the
        rest; questions marked `when` are asked only after their choice.
        """
        branch = self.spec.branch
        lead = [q for q in self.questions if q.id == branch]
        if not lead:
            return [q for q in self.questions if q.when is None]
        led = [q for q in self.questions if q.when is not None and q.when == chosen]
        rest = [q for q in self.questions if q.when is None and q.id != branch]
        return [*lead, *led, *rest]

    def widest(self) -> int:
        """The most questions one choice of the branch question leads to."""
        counts: dict[str, int] = {}
        for question in self.questions:
            if question.when is not None:
                counts[question.when] = counts.get(question.when, 0) + 1
        return max(counts.values(), default=0)


def sitting(
    bank: Sequence[Question], cadence: Cadence, period: str, *, task: Task | None = None
) -> Sitting:
    """The review of `period` with the cadence's questions of the bank."""
    return Sitting(SPECS[cadence], period, tuple(questions.for_cadence(list(bank), cadence)), task)


def prepare(
    journal: Callable[[], Journal],
    cadence: Cadence,
    *,
    when: str | None,
    task_id: str | None,
    today: dt.date,
    lang: str,
) -> Sitting:
    """The review a command line asks for: the period it names (or the current one), the task.

    `journal` opens the journal when it is first needed: a bad period or questions file
    leaves no journal behind.
    """
    period = SPECS[cadence].choose(when, today)
    bank = questions.load(lang, paths.questions_file())
    if not questions.for_cadence(bank, cadence):
        # Such a review could never be completed; status does not call it due either.
        raise ConfigError(
            f"{paths.questions_file()}: every {cadence.value} question is switched off; "
            "there is nothing to review"
        )
    task = tasks.get(journal(), task_id) if task_id is not None else None
    return sitting(bank, cadence, period, task=task)
