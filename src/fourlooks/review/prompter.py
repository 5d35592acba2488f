"""What the engine needs from whoever answers: the `Prompter` interface and `Progress`."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple, Protocol

from fourlooks.model import Question
from fourlooks.review.answers import Choice, Day, Rating, _Later


class Progress(NamedTuple):
    """Where a question stands in its review: `3/11`."""

    number: int
    total: int

    def __str__(self) -> str:
        return f"{self.number}/{self.total}"


class Interrupted(Exception):
    """A stop (Ctrl-C, a closed terminal, SIGTERM) in the middle of an answer.

    The prompter raises it with the lines already typed, so the engine keeps them as the
    answer before the stop goes on.
    """

    def __init__(self, partial: str, stop: BaseException):
        super().__init__(partial)
        self.partial = partial
        self.stop = stop


class Prompter(Protocol):
    """How the engine talks to a person, a pipe or a file.

    Each ask_* returns the answer, None to skip the question (it is recorded as skipped), or
    LATER to leave it open; it raises EOFError when its input has ended, and Interrupted when
    it is stopped with part of an answer typed. Answers are already checked through
    `answers.parse`.
    """

    interactive: bool  # a person at a terminal: the opening screen and commitments are shown

    def show(self, text: str, *, style: str = "") -> None:
        """Show text; style is "", "title", "heading" or "dim"."""

    def ask_text(self, question: Question, progress: Progress) -> str | _Later | None: ...

    def ask_rating(self, question: Question, progress: Progress) -> Rating | _Later | None: ...

    def ask_choice(self, question: Question, progress: Progress) -> Choice | _Later | None: ...

    def ask_date(
        self, question: Question, progress: Progress, after: dt.date
    ) -> Day | _Later | None:
        """A day after `after` (the review's day), read forward from it."""
