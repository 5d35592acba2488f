"""The review engine: what is already done, asking the rest in order, saving each answer.

One path for every cadence of the article: the daily review (日省), the monthly self-audit
(月省) and the review of one task (事省). What differs between them is data: the cadence's
row in `cadences` and the questions of the `Sitting`. The engine talks to the person through
a `Prompter` and to the journal through the store; it holds no SQL and no terminal codes.

Every answer is stored at once, in its own transaction, so an interrupted review loses nothing
that was given: running the same review again shows what is done and asks only the rest.
A prompter signals the end of its input by raising EOFError; Ctrl-C (KeyboardInterrupt) and
any other exception propagate after the transaction in flight has rolled back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fourlooks import recovery, words
from fourlooks.captions import first_line
from fourlooks.model import Entry, Look, Question
from fourlooks.questions import LISTED_IDS, STATE_ID
from fourlooks.review.answers import (
    LATER,
    Answer,
    Choice,
    Day,
    Rating,
    answer_text,
    commitment_lines,
)
from fourlooks.review.prompter import Interrupted, Progress, Prompter
from fourlooks.review.sittings import Sitting
from fourlooks.store import Journal, reviews


@dataclass
class Outcome:
    """What a run of a review did, for the closing message."""

    key: reviews.Key
    total: int = 0  # questions in the review
    done: int = 0  # answered or skipped, in this run or before
    answered: int = 0  # in this run
    skipped: int = 0  # in this run
    followed_up: int = 0  # commitments and decisions followed up in this run
    answered_total: int = 0  # in this run and before
    skipped_total: int = 0
    complete: bool = False
    was_complete: bool = False  # complete before this run: nothing was asked
    stopped: bool = False  # the input ended before the last question
    notes: list[str] = field(default_factory=list)  # said after how the review stands

    @property
    def left(self) -> int:
        return self.total - self.done


def take(journal: Journal, prompter: Prompter, sitting: Sitting, *, lang: str) -> Outcome:
    """Take a review: its title, what is done already, then every open question in turn."""
    run = Run(journal, prompter, sitting, lang=lang)
    run.title()
    if run.was_complete:
        return run.finish()
    run.show_streak()
    try:
        if prompter.interactive:
            run.say("hint", style="dim")
            for step in sitting.spec.opening:
                step(run, sitting.spec.dated(sitting.period))
        run.show_earlier()
        run.ask_all()
    except EOFError:
        run.outcome.stopped = True
    return run.finish()


class Run:
    """One sitting of one review: what was done before, asking the rest, saving each answer."""

    def __init__(self, journal: Journal, prompter: Prompter, sitting: Sitting, *, lang: str):
        self.journal = journal
        self.prompter = prompter
        self.sitting = sitting
        self.spec = sitting.spec
        self.key = sitting.key
        self.date = sitting.spec.dated(sitting.period).isoformat()  # what the answers carry
        self.lang = lang
        review = reviews.find(journal, self.key)
        self.was_complete = bool(review and review.complete)
        self.answers: dict[str, list[Entry]] = {}
        for entry in reviews.answers(journal, review.id) if review else []:
            self.answers.setdefault(entry.question_id or "", []).append(entry)
        self.skips = reviews.skipped(journal, review.id) if review else set()
        self.later: set[str] = set()  # left open in this run: not asked again in it
        self.complete = self.was_complete
        self.outcome = Outcome(key=self.key, was_complete=self.was_complete)

    def say(self, key: str, *, style: str = "", **values: object) -> None:
        self.prompter.show(words.say(key, self.lang, **values), style=style)

    def title(self) -> None:
        """The review's title; a task's review adds the task's due date and state."""
        period, task = self.sitting.period, self.sitting.task
        day = self.spec.dated(period)
        weekday = words.weekday(day, self.lang)
        title = task.title if task else ""
        # Each cadence's title takes the values it names: `{weekday} {date}`, `{month}`, `{title}`.
        name = words.cadence_name(self.spec.cadence, self.lang)
        values = {"name": name, "date": period, "month": period, "weekday": weekday, "title": title}
        self.say(self.spec.title, style="title", **values)
        if task is None:
            return
        state = words.say("not_reviewed", self.lang)
        if task.state:
            state = words.choice_label(STATE_ID, task.state.value, self.lang)
        if not task.is_open:
            state += " · " + words.say("closed", self.lang)
        self.say("task_facts", due=task.due or words.say("no_due", self.lang), state=state)

    def show_streak(self) -> None:
        """How many periods in a row have a completed review, for cadences that keep count."""
        if not self.spec.keeps_streak:
            return
        completed = reviews.completed_periods(self.journal, self.spec.cadence)
        current = self.spec.streak_of(completed, at=self.sitting.period).current
        self.say("streak", count=words.count(current, self.spec.periods.unit, self.lang))

    def is_done(self, question_id: str) -> bool:
        return question_id in self.answers or question_id in self.skips

    def sequence(self) -> list[Question]:
        """The questions to ask in order, given the branch question's answer so far."""
        stored = self.answers.get(self.spec.branch or "")
        return self.sitting.sequence(stored[-1].choice if stored else None)

    def show_earlier(self) -> None:
        """On resuming, what has been answered or skipped already."""
        asked = self.sequence()
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
                skipped = words.say("skipped", self.lang)
                self.prompter.show(f"  - {where} {question.text} {skipped}", style="dim")

    def ask_all(self) -> None:
        """Ask every open question, look by look, each saved as it is answered.

        The order is worked out again after each answer: the branch question's choice adds
        the questions it leads to. The branch question opens the review, before any look's
        heading; until it is answered its count includes the longest branch.
        """
        look: Look | None = None
        while (found := self._next_open()) is not None:
            number, question, asked = found
            total = len(asked)
            if question.id == self.spec.branch:
                look, total = None, total + self.sitting.widest()
            elif question.look != look:
                look = question.look
                self.prompter.show(words.look_heading(look, self.lang), style="heading")
                if look is Look.AHEAD and self.prompter.interactive:
                    for step in self.spec.before_ahead:
                        step(self, self.spec.dated(self.sitting.period))
            self.ask(question, Progress(number, total))

    def _next_open(self) -> tuple[int, Question, list[Question]] | None:
        asked = self.sequence()
        for number, question in enumerate(asked, start=1):
            if not self.is_done(question.id) and question.id not in self.later:
                return number, question, asked
        return None

    def ask(self, question: Question, progress: Progress) -> None:
        """Ask one question; store the answer or the skip, and what follows, in one transaction.

        Stopped half-way through an answer, the lines typed so far are stored as the answer
        before the stop goes on.
        """
        try:
            answer = self._answer(question, progress)
        except Interrupted as stopped:
            self.store(question, stopped.partial)
            raise stopped.stop from None
        if answer is LATER:
            self.later.add(question.id)
            return
        self.store(question, answer)
        for step in self.spec.after_answer:
            step(self, question)

    def _answer(self, question: Question, progress: Progress) -> Answer:
        if question.kind == "rating":
            return self.prompter.ask_rating(question, progress)
        if question.kind == "choice":
            return self.prompter.ask_choice(question, progress)
        if question.kind == "date":
            return self.prompter.ask_date(question, progress, self.spec.dated(self.sitting.period))
        return self.prompter.ask_text(question, progress)

    def store(self, question: Question, answer: Answer) -> None:
        """The answer (None: the skip), what its cadence does with it, completion: one write."""
        drafts = [] if answer is None else self._drafts(question, answer)
        # Typed at a terminal, an answer has no other copy: if saving it fails (a lock held
        # too long, a read-only journal, a full disk) it is kept in a recovery file.
        typed = "\n".join(draft.text for draft in drafts) if self.prompter.interactive else ""
        kept = f"{question.text}\n\n{typed}" if typed else ""
        with recovery.kept_on_failure(lambda: kept, self.journal.path, "review"):
            self._write(question, answer, drafts)

    def _write(self, question: Question, answer: Answer, drafts: list[reviews.Draft]) -> None:
        with self.journal.write():
            self._keep_questions()
            if self._settled_elsewhere(question.id, drafts):
                self._settle()
                return
            if drafts:
                self.answers[question.id] = reviews.save(self.journal, self.key, drafts)
                self.outcome.answered += 1
            else:  # skipped, or e.g. commitments that were only bullets: nothing to keep
                answer = None
                reviews.skip(self.journal, self.key, question.id)
                self.skips.add(question.id)
                self.outcome.skipped += 1
            if self.spec.answered is not None:
                self.spec.answered(self.journal, self.key, question, answer)
            self._settle()

    def _settled_elsewhere(self, question_id: str, drafts: list[reviews.Draft]) -> bool:
        """Whether another terminal taking this review has settled this question meanwhile.

        Then the question keeps one answer: a skip gives way to what is there, the same
        words are not written again, and different words are kept as plain entries of the
        day, so nobody's are lost. An answer here still replaces a skip made there.
        """
        stored, skipped = reviews.given(self.journal, self.key, question_id)
        if not stored and (drafts or not skipped):
            return False
        if stored and drafts and [d.text for d in drafts] != [e.text for e in stored]:
            reviews.save_apart(self.journal, drafts)
            self.prompter.show(words.say("answered_elsewhere", self.lang), style="dim")
        if stored:
            self.answers[question_id] = stored
        else:
            self.skips.add(question_id)
        return True

    def _finished(self) -> bool:
        """Whether the review is now complete: the one place that decides it."""
        return not self.complete and all(self.is_done(q.id) for q in self.sequence())

    def _settle(self) -> None:
        """Mark the review complete once it is finished, with what its cadence does then.

        Called inside the transaction that stores an answer, so a review is never left
        answered in full but not complete, nor complete without its last answer.
        """
        if not self._finished():
            return
        reviews.complete(self.journal, self.key)
        if self.spec.completed is not None:
            self.spec.completed(self.journal, self.key)
        self.complete = True

    def save(self, drafts: list[reviews.Draft]) -> list[Entry]:
        """Store entries that answer no bank question (a follow-up); return them."""
        with self.journal.write():
            self._keep_questions()
            return reviews.save(self.journal, self.key, drafts)

    def _keep_questions(self) -> None:
        """Keep the set of questions with the review, from its first write on."""
        reviews.keep_questions(self.journal, self.key, [q.id for q in self.sitting.questions])

    def draft(self, question: Question, answer: Answer, **fields: str) -> reviews.Draft:
        """The entry that stores an answer: a rating's or choice's note, or its value, as text."""
        if isinstance(answer, Rating):
            text, extra = answer.note or str(answer.value), {"rating": answer.value}
        elif isinstance(answer, Choice):
            label = words.choice_label(question.id, answer.value, self.lang)
            text, extra = answer.note or label, {"choice": answer.value}
        elif isinstance(answer, Day):
            text, extra = answer.value, {}
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
        if question.id in LISTED_IDS and isinstance(answer, str):
            # Each line is its own commitment or fault, followed up on its own later.
            return [self.draft(question, line) for line in commitment_lines(answer)]
        return [self.draft(question, answer)]

    def finish(self) -> Outcome:
        """The outcome; a review begun whose open questions were switched off since completes."""
        if (self.answers or self.skips) and self._finished():
            with self.journal.write():
                self._settle()
        asked = self.sequence()
        pending = [q for q in asked if not self.is_done(q.id)]
        self.outcome.total = len(asked)
        self.outcome.done = len(asked) - len(pending)
        self.outcome.answered_total = sum(q.id in self.answers for q in asked)
        self.outcome.skipped_total = sum(q.id in self.skips for q in asked)
        self.outcome.complete = self.complete
        return self.outcome
