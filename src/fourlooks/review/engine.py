"""The review engine: which questions, in what order, what is already done, saving each answer.

The three cadences of the article: the daily review (日省), the monthly self-audit (月省) and
the review of one task (事省). The engine talks to the person through a `Prompter` and to the
journal through the store; it holds no SQL and no terminal codes.

Every answer is stored at once, in its own transaction, so an interrupted review loses nothing
that was given: running the same review again shows what is done and asks only the rest.
A prompter signals the end of its input by raising EOFError; Ctrl-C (KeyboardInterrupt) and
any other exception propagate after the transaction in flight has rolled back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fourlooks import dates, texts
from fourlooks.model import Cadence, Entry, Question, Task, TaskState
from fourlooks.questions import COMMITMENTS_ID, STATE_ID, for_cadence
from fourlooks.review import cadences, opening
from fourlooks.review.answers import LATER, Answer, Choice, Rating, answer_text, commitment_lines
from fourlooks.review.opening import first_line
from fourlooks.review.prompter import Progress, Prompter
from fourlooks.store import Journal, reviews, tasks

_TASK_STATES = {state.value for state in TaskState}


@dataclass
class Outcome:
    """What a run of a review did, for the closing message."""

    key: reviews.Key
    total: int = 0  # questions in the review
    done: int = 0  # answered or skipped, in this run or before
    answered: int = 0  # in this run
    skipped: int = 0  # in this run
    followed_up: int = 0  # commitments followed up in this run
    answered_total: int = 0  # in this run and before
    skipped_total: int = 0
    complete: bool = False
    was_complete: bool = False  # complete before this run: nothing was asked
    stopped: bool = False  # the input ended before the last question

    @property
    def left(self) -> int:
        return self.total - self.done


# ---------------------------------------------------------------- the three reviews


def daily(
    journal: Journal, prompter: Prompter, questions: Sequence[Question], *, day: dt.date, lang: str
) -> Outcome:
    """The end-of-day review of `day`: commitments, on this day, then the daily questions."""
    key = reviews.Key(Cadence.DAILY, day.isoformat())
    asked = for_cadence(list(questions), Cadence.DAILY)
    run = Run(journal, prompter, key, date=day.isoformat(), lang=lang)
    run.say("title_daily", style="title", weekday=texts.weekday(lang, day), date=key.period)
    if run.was_complete:
        return run.finish(asked)
    completed = reviews.completed_periods(journal, Cadence.DAILY)
    streak = cadences.DAILY.streak_of(completed, at=key.period)
    run.say("streak", count=texts.count(lang, streak.current, "day"))
    try:
        if prompter.interactive:
            run.say("hint", style="dim")
            opening.follow_up(run, day)
            opening.on_this_day(run, day)
        run.show_earlier(asked)
        run.ask_all(asked)
    except EOFError:
        run.outcome.stopped = True
    return run.finish(asked)


def monthly(
    journal: Journal,
    prompter: Prompter,
    questions: Sequence[Question],
    *,
    year: int,
    month: int,
    lang: str,
) -> Outcome:
    """The self-audit of a month: its ratings and questions, dated on the month's last day."""
    key = reviews.Key(Cadence.MONTHLY, dates.format_month(year, month))
    last_day = dates.month_bounds(year, month)[1]
    asked = for_cadence(list(questions), Cadence.MONTHLY)
    run = Run(journal, prompter, key, date=last_day.isoformat(), lang=lang)
    run.say("title_monthly", style="title", month=key.period)
    if run.was_complete:
        return run.finish(asked)
    completed = reviews.completed_periods(journal, key.cadence)
    streak = cadences.MONTHLY.streak_of(completed, at=key.period)
    run.say("streak", count=texts.count(lang, streak.current, "month"))
    try:
        if prompter.interactive:
            run.say("hint", style="dim")
        run.show_earlier(asked)
        run.ask_all(asked)
    except EOFError:
        run.outcome.stopped = True
    return run.finish(asked)


def task(
    journal: Journal,
    prompter: Prompter,
    questions: Sequence[Question],
    *,
    task: Task,
    day: dt.date,
    lang: str,
) -> Outcome:
    """The review of one task: its state, the question that state gets, then the lesson."""
    key = reviews.Key(Cadence.TASK, day.isoformat(), task.id)
    run = Run(journal, prompter, key, date=day.isoformat(), lang=lang)
    flow = _TaskFlow(for_cadence(list(questions), Cadence.TASK), run)
    run.say("title_task", style="title", title=task.title)
    state = texts.choice_label(lang, STATE_ID, task.state.value) if task.state else None
    state = state or texts.say(lang, "not_reviewed")
    if not task.is_open:
        state += " · " + texts.say(lang, "closed")
    run.say("task_facts", due=task.due or texts.say(lang, "no_due"), state=state)
    if run.was_complete:
        return run.finish(flow.sequence())
    run.on_complete = lambda: tasks.mark_reviewed(journal, task.id)
    try:
        if prompter.interactive:
            run.say("hint", style="dim")
        run.show_earlier(flow.sequence())
        if flow.state_question and not run.is_done(flow.state_question.id):
            flow.ask_state(task)
        run.ask_all(flow.sequence())
    except EOFError:
        run.outcome.stopped = True
    return run.finish(flow.sequence())


class _TaskFlow:
    """The task review's questions, which depend on the state chosen."""

    def __init__(self, asked: list[Question], run: Run):
        self.run = run
        self.state_question = next((q for q in asked if q.id == STATE_ID), None)
        self.branches: dict[str, list[Question]] = {}
        for question in asked:
            if question.when:
                self.branches.setdefault(question.when, []).append(question)
        self.rest = [q for q in asked if q.when is None and q.id != STATE_ID]

    def state(self) -> str | None:
        """The state answered in this review, if any."""
        stored = self.run.answers.get(STATE_ID)
        return stored[-1].choice if stored else None

    def sequence(self, state: str | None = None) -> list[Question]:
        """The questions to ask in order: the state's own question only once it is known."""
        if self.state_question is None:
            return self.rest
        state = state or self.state()
        return [self.state_question, *self.branches.get(state or "", []), *self.rest]

    def expected(self) -> int:
        """How many questions to expect before the state is chosen (for `1/3`)."""
        widest = max((len(branch) for branch in self.branches.values()), default=0)
        return 1 + widest + len(self.rest)

    def ask_state(self, task: Task) -> None:
        question = self.state_question
        assert question is not None

        def completes(answer: Answer) -> bool:
            state = answer.value if isinstance(answer, Choice) else None
            others = [q for q in self.sequence(state) if q.id != STATE_ID]
            return all(self.run.is_done(q.id) for q in others)

        def record(answer: Answer) -> None:
            if isinstance(answer, Choice) and answer.value in _TASK_STATES:
                tasks.record_state(self.run.journal, task.id, TaskState(answer.value))

        progress = Progress(1, self.expected())
        self.run.ask(question, progress, completes=completes, then=record)


# ---------------------------------------------------------------- one run of a review


class Run:
    """One sitting of one review: what was done before, asking the rest, saving each answer."""

    def __init__(
        self, journal: Journal, prompter: Prompter, key: reviews.Key, *, date: str, lang: str
    ):
        self.journal = journal
        self.prompter = prompter
        self.key = key
        self.date = date
        self.lang = lang
        review = reviews.find(journal, key)
        self.was_complete = bool(review and review.complete)
        self.answers: dict[str, list[Entry]] = {}
        for entry in reviews.answers(journal, review.id) if review else []:
            self.answers.setdefault(entry.question_id or "", []).append(entry)
        self.skips = reviews.skipped(journal, review.id) if review else set()
        self.later: set[str] = set()  # left open in this run: not asked again in it
        self.complete = self.was_complete
        self.on_complete: Callable[[], None] | None = None
        self.outcome = Outcome(key=key, was_complete=self.was_complete)

    def say(self, key: str, *, style: str = "", **values: object) -> None:
        self.prompter.show(texts.say(self.lang, key, **values), style=style)

    def is_done(self, question_id: str) -> bool:
        return question_id in self.answers or question_id in self.skips

    def show_earlier(self, asked: list[Question]) -> None:
        """On resuming, what has been answered or skipped already."""
        done = [(n, q) for n, q in enumerate(asked, start=1) if self.is_done(q.id)]
        if not done:
            return
        self.say("earlier", style="heading", done=len(done), total=len(asked))
        for number, question in done:
            where = Progress(number, len(asked))
            given = self.answers.get(question.id)
            if given:
                self.prompter.show(f"  ✓ {where} {question.text}")
                self.prompter.show(f"      {first_line(given[0].text)}", style="dim")
            else:
                skipped = texts.say(self.lang, "skipped")
                self.prompter.show(f"  - {where} {question.text} {skipped}", style="dim")

    def ask_all(self, asked: list[Question]) -> None:
        """Ask every question not yet done, look by look, each saved as it is answered."""
        look = None
        for number, question in enumerate(asked, start=1):
            if self.is_done(question.id) or question.id in self.later:
                continue
            if question.look != look:
                look = question.look
                self.prompter.show(texts.look_heading(self.lang, look), style="heading")
            others = [q for q in asked if q.id != question.id]
            self.ask(
                question,
                Progress(number, len(asked)),
                completes=lambda _answer, others=others: all(self.is_done(q.id) for q in others),
            )

    def ask(
        self,
        question: Question,
        progress: Progress,
        *,
        completes: Callable[[Answer], bool],
        then: Callable[[Answer], None] | None = None,
    ) -> None:
        """Ask one question and store the answer or the skip in one transaction."""
        if question.kind == "rating":
            answer: Answer = self.prompter.ask_rating(question, progress)
        elif question.kind == "choice":
            answer = self.prompter.ask_choice(question, progress)
        else:
            answer = self.prompter.ask_text(question, progress)
        if answer is LATER:
            self.later.add(question.id)
            return
        drafts = [] if answer is None else self._drafts(question, answer)
        if not drafts:
            answer = None  # e.g. commitments that were only bullets: nothing to keep
        complete = completes(answer)
        stored: list[Entry] = []
        with self.journal.write():
            if answer is None:
                reviews.skip(self.journal, self.key, question.id, complete=complete)
            else:
                stored = reviews.save(self.journal, self.key, drafts, complete=complete)
            if then is not None:
                then(answer)
            if complete and self.on_complete is not None:
                self.on_complete()
        if answer is None:
            self.skips.add(question.id)
            self.outcome.skipped += 1
        else:
            self.answers[question.id] = stored
            self.outcome.answered += 1
        self.complete = self.complete or complete

    def save(self, drafts: list[reviews.Draft]) -> None:
        """Store entries that answer no bank question (a commitment's follow-up)."""
        reviews.save(self.journal, self.key, drafts)

    def draft(self, question: Question, answer: Answer, **fields: str) -> reviews.Draft:
        """The entry that stores an answer: a rating's or choice's note, or its value, as text."""
        if isinstance(answer, Rating):
            text, extra = answer.note or str(answer.value), {"rating": answer.value}
        elif isinstance(answer, Choice):
            label = texts.choice_label(self.lang, question.id, answer.value)
            text, extra = answer.note or label, {"choice": answer.value}
        else:
            text, extra = answer_text(str(answer)), {}
        return reviews.Draft(
            date=self.date,
            look=question.look,
            text=text,
            question_id=question.id,
            **extra,
            **fields,
        )

    def _drafts(self, question: Question, answer: Answer) -> list[reviews.Draft]:
        if question.id == COMMITMENTS_ID and isinstance(answer, str):
            # Each line is its own commitment, followed up on its own the next day.
            return [self.draft(question, line) for line in commitment_lines(answer)]
        return [self.draft(question, answer)]

    def finish(self, asked: list[Question]) -> Outcome:
        """Complete the review when nothing is left (e.g. questions switched off since)."""
        pending = [q for q in asked if not self.is_done(q.id)]
        if not pending and not self.complete and (self.answers or self.skips):
            with self.journal.write():
                reviews.complete(self.journal, self.key)
                if self.on_complete is not None:
                    self.on_complete()
            self.complete = True
        self.outcome.total = len(asked)
        self.outcome.done = len(asked) - len(pending)
        self.outcome.answered_total = sum(q.id in self.answers for q in asked)
        self.outcome.skipped_total = sum(q.id in self.skips for q in asked)
        self.outcome.complete = self.complete
        return self.outcome
