"""Which review to take: its cadence and period, the task it is about, the questions it asks.

The questions are data the engine is given: choosing another set for a review changes what
is asked, not how it is asked or saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fourlooks import paths, questions, stats
from fourlooks.errors import ConfigError
from fourlooks.model import Cadence, Look, Question, Task
from fourlooks.review.cadences import SPECS, Spec
from fourlooks.store import Journal, reviews, tasks
from fourlooks.store.counts import by_look


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


# The short daily review's core: at most one question per look, asked every night.
CORE = ("daily.back.went_well", "daily.down.listened", "daily.ahead.commitments")
SPOTLIGHT_DAYS = 30  # the looks of these days before the review pick the spotlight's look


@dataclass(frozen=True)
class DailySet:
    """How the daily review's questions are chosen (config.toml: daily_review, core, spotlight)."""

    full: bool = False
    core: tuple[str, ...] = CORE
    spotlight: tuple[str, ...] | None = None  # the questions it is drawn from (None: the rest)

    @classmethod
    def configured(cls, settings: dict, *, full: bool) -> DailySet:
        return cls(
            full=full or settings.get("daily_review") == "full",
            core=tuple(settings.get("core", CORE)),
            spotlight=tuple(settings["spotlight"]) if "spotlight" in settings else None,
        )

    def check(self, daily: Sequence[Question]) -> None:
        """Refuse a core or spotlight naming a question the daily review does not have."""
        known = {q.id: q for q in daily}
        for setting, ids in (("core", self.core), ("spotlight", self.spotlight or ())):
            unknown = [qid for qid in ids if qid not in known]
            if unknown:
                problem = f"{setting} names {unknown[0]!r}: no such daily question"
                raise ConfigError(f"{paths.config_file()}: {problem}")
        looks = [known[qid].look for qid in self.core]
        if len(set(looks)) < len(looks):
            raise ConfigError(f"{paths.config_file()}: core takes at most one question per look")


def daily_questions(
    daily: Sequence[Question],
    chosen: DailySet,
    *,
    looks: dict[Look, int],
    last_answered: dict[str, str],
) -> list[Question]:
    """The short review: the core, and one spotlight question, in the bank's order.

    The spotlight comes from the look the days before neglected (stats.neglected) when it
    has a candidate, then is the candidate answered least recently (never is least), the
    bank's order breaking ties: the same journal and date always give the same set.
    """
    if chosen.full:
        return list(daily)
    core = [q for q in daily if q.id in chosen.core]
    pool = [q for q in daily if q.id not in chosen.core]
    if chosen.spotlight is not None:
        pool = [q for q in pool if q.id in chosen.spotlight]
    neglected = stats.neglected(looks)
    pool = [q for q in pool if q.look == neglected] or pool
    order = {q.id: number for number, q in enumerate(daily)}
    spotlight = min(pool, key=lambda q: (last_answered.get(q.id, ""), order[q.id]), default=None)
    picked = {q.id for q in core} | ({spotlight.id} if spotlight else set())
    return [q for q in daily if q.id in picked]


def daily_sitting(
    journal: Journal | None, bank: Sequence[Question], period: str, chosen: DailySet
) -> Sitting:
    """The daily review of `period`: the set it was given when begun, else the day's choice.

    journal None: there is no journal yet, so nothing was answered and nothing neglected.
    """
    daily = questions.for_cadence(list(bank), Cadence.DAILY)
    if journal is None:
        asked = daily_questions(daily, chosen, looks={}, last_answered={})
        return Sitting(SPECS[Cadence.DAILY], period, tuple(asked))
    kept = reviews.kept_questions(journal, reviews.Key(Cadence.DAILY, period))
    if kept is not None:
        by_id = {q.id: q for q in daily}
        # A question switched off since is not asked; the rest keep the order they had.
        return Sitting(SPECS[Cadence.DAILY], period, tuple(by_id[i] for i in kept if i in by_id))
    day = dt.date.fromisoformat(period)
    first = (day - dt.timedelta(days=SPOTLIGHT_DAYS)).isoformat()
    before = (day - dt.timedelta(days=1)).isoformat()
    looks = by_look(journal, date_from=first, date_to=before, reflection_only=True)
    answered = reviews.last_answered(journal, [q.id for q in daily], before=period)
    asked = daily_questions(daily, chosen, looks=looks, last_answered=answered)
    return Sitting(SPECS[Cadence.DAILY], period, tuple(asked))


def prepare(
    journal: Callable[[], Journal],
    cadence: Cadence,
    *,
    when: str | None,
    task_id: str | None,
    today: dt.date,
    lang: str,
    daily: DailySet | None = None,
    full: bool = False,
) -> Sitting:
    """The review a command line asks for: the period it names (or the current one), the task.

    `journal` opens the journal when it is first needed: a bad period or questions file
    leaves no journal behind. `daily` chooses the daily review's questions (None: all);
    `full` asks the monthly audit every quality, not the month's focus.
    """
    period = SPECS[cadence].choose(when, today)
    bank = questions.load(lang, paths.questions_file())
    if not questions.for_cadence(bank, cadence):
        # Such a review could never be completed; status does not call it due either.
        raise ConfigError(
            f"{paths.questions_file()}: every {cadence.value} question is switched off; "
            "there is nothing to review"
        )
    if cadence is Cadence.DAILY and daily is not None:
        daily.check(questions.for_cadence(bank, Cadence.DAILY))  # before the journal opens
        return daily_sitting(journal(), bank, period, daily)
    if cadence is Cadence.MONTHLY:
        from fourlooks.review import focus

        asked = focus.audit_questions(lang, period, full=full)
        return Sitting(SPECS[cadence], period, tuple(asked))
    task = tasks.get(journal(), task_id) if task_id is not None else None
    return sitting(bank, cadence, period, task=task)


def daily_listing(
    journal: Callable[[], Journal | None],
    *,
    when: str | None,
    today: dt.date,
    lang: str,
    daily: DailySet,
    look: Look | None = None,
) -> list[tuple[int, Question]]:
    """The questions the daily review of a day asks, numbered as its piped answers come.

    `journal` gives the journal, or None when there is none yet (none is made for this).
    """
    period = SPECS[Cadence.DAILY].choose(when, today)
    bank = questions.load(lang, paths.questions_file())
    daily.check(questions.for_cadence(bank, Cadence.DAILY))
    asked = daily_sitting(journal(), bank, period, daily).questions
    return [(n, q) for n, q in enumerate(asked, start=1) if look in (None, q.look)]
