"""The three ways a review gets its answers: a person at a terminal, lines on stdin, a JSON file.

Each implements `review.Prompter`. Only the terminal prompter asks again after a bad answer;
the other two stop with an error naming the line or the question, keeping what was saved.
`choose` picks one for a command line; `finish` checks what its input left over.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any

from fourlooks import render, words
from fourlooks.errors import FourlooksError, UsageError
from fourlooks.model import MAX_TEXT_BYTES, Question
from fourlooks.review.answers import LATER, Choice, Day, Rating, parse, parse_rating
from fourlooks.review.prompter import Interrupted, Progress, Prompter

if TYPE_CHECKING:
    from fourlooks.review.engine import Outcome

# A day's answers are a few kilobytes; each may be as long as one entry, and no more.
MAX_ANSWERS_BYTES = 16 * MAX_TEXT_BYTES

_STYLES = {"title": "1", "heading": "1;36", "dim": "2", "warn": "33"}
PROMPT = "> "


class TerminalPrompter:
    """A person at a terminal: multi-line answers end with an empty line; bad ones are re-asked.

    Lines are read with plain input(), without the readline module: with GNU readline 8.2
    loaded, a Ctrl-C that arrives while readline is inside its own read loop is swallowed and
    later ones too, so the review could not be stopped. The terminal's own line editing
    (backspace, Ctrl-U, Ctrl-W) still works.
    """

    interactive = True

    def __init__(self, lang: str, *, out: IO[str] | None = None):
        self.lang = lang
        self.out = out or sys.stdout
        self.colour = render.colour_enabled(self.out)
        self._ended = False  # Ctrl-D after some lines: keep them, then stop at the next question

    def show(self, text: str, *, style: str = "") -> None:
        if style in ("title", "heading"):
            self._print("")
        code = _STYLES.get(style)
        for line in self._wrapped(render.shown(text)):
            self._print(render.paint(line, code, enabled=self.colour) if code else line)

    def ask_text(self, question: Question, progress: Progress) -> str | None:
        self._header(question, progress)
        return self._until_valid(question, self._lines, "text_again")

    def ask_rating(self, question: Question, progress: Progress) -> Rating | None:
        self._header(question, progress)
        for line in anchor_lines(question):
            self.show(line)
        self.show(words.say("rating_hint", self.lang), style="dim")
        return self._until_valid(question, self._read, "rating_again")

    def ask_choice(self, question: Question, progress: Progress) -> Choice | None:
        self._header(question, progress)
        options = "  ".join(
            f"{number} {words.choice_label(question.id, value, self.lang)}"
            for number, value in enumerate(question.choices, start=1)
        )
        self.show(options)
        self.show(words.say("choice_hint", self.lang), style="dim")
        return self._until_valid(question, self._read, "choice_again")

    def ask_date(self, question: Question, progress: Progress, after: dt.date) -> Day | None:
        self._header(question, progress)
        self.show(words.say("date_hint", self.lang), style="dim")
        return self._until_valid(question, self._read, "text_again", day=after)

    def _until_valid(
        self, question: Question, read: Callable[[], str], again: str, day: dt.date | None = None
    ) -> Any:
        """Read an answer until it is a valid one; an empty answer skips (None)."""
        while True:
            typed = read()
            if not typed.strip():
                return None
            try:
                return parse(question, typed, day=day)
            except ValueError as exc:
                self.show(words.say(again, self.lang, problem=exc), style="warn")

    def _header(self, question: Question, progress: Progress) -> None:
        """`[3/11] The question`, wrapped at the terminal's edge under its first word."""
        self._print("")
        mark = f"[{progress}]"
        hang = len(mark) + 1
        first, *rest = self._wrapped(f"{mark} {render.shown(question.text)}", hang=hang)
        self._print(render.paint(mark, "2", enabled=self.colour) + first[len(mark) :])
        for line in rest:
            self._print(line)

    def _wrapped(self, text: str, *, hang: int | None = None) -> list[str]:
        """Each line of `text` wrapped to the terminal's width, read afresh (it may be resized).

        A wrapped line goes on under where its text began: `hang` columns in, or as far in
        as the line itself is indented.
        """
        import shutil

        from fourlooks.render.wrapping import wrap

        columns = shutil.get_terminal_size().columns
        found: list[str] = []
        for number, line in enumerate(text.split("\n")):
            if hang is not None and number:
                line = " " * hang + line
            indent = hang if hang is not None else len(line) - len(line.lstrip(" "))
            found.extend(wrap(line, columns, indent=indent))
        return found

    def _lines(self) -> str:
        """Lines up to an empty one; Ctrl-D ends the answer too, and then the review."""
        lines: list[str] = []
        while True:
            try:
                line = self._read()
            except EOFError:
                if not lines:
                    raise
                self._ended = True
                return "\n".join(lines)
            except BaseException as stop:  # Ctrl-C, a closed terminal, SIGTERM
                if lines:
                    raise Interrupted("\n".join(lines), stop) from None
                raise
            if not line.strip():
                return "\n".join(lines)
            lines.append(line)

    def _read(self) -> str:
        while True:
            if self._ended:
                raise EOFError
            self.out.flush()
            try:
                return input(PROMPT)
            except EOFError:
                self._print("")  # Ctrl-D leaves the cursor after the prompt
                raise
            except UnicodeDecodeError:  # a terminal set to another encoding
                problem = "that line is not UTF-8 text"
                self.show(words.say("text_again", self.lang, problem=problem), style="warn")

    def _print(self, text: str) -> None:
        print(text, file=self.out)


def anchor_lines(question: Question) -> list[str]:
    """What 1, 3 and 5 mean for a rating, a line each: `  5  held to principle ...`."""
    from fourlooks.questions.fields import ANCHORED

    pairs = zip(ANCHORED, question.anchors, strict=False)  # a rating without anchors: none
    return [f"  {rating}  {meaning}" for rating, meaning in pairs]


class LinePrompter:
    """Answers piped in, one per line in the order of `fourlooks questions`; empty skips."""

    interactive = False

    def __init__(self, stream: IO[bytes], *, name: str = "stdin"):
        self.stream = stream  # bytes, decoded line by line: an error names its own line
        self.name = name
        self.line_number = 0

    def show(self, text: str, *, style: str = "") -> None:
        pass  # nobody is watching: the closing summary goes to stderr

    def ask_text(self, question: Question, progress: Progress) -> str | None:
        return self._answer(question)

    def ask_rating(self, question: Question, progress: Progress) -> Rating | None:
        return self._answer(question, example=", e.g. '4 a good month, one slip'")

    def ask_choice(self, question: Question, progress: Progress) -> Choice | None:
        return self._answer(question)

    def ask_date(self, question: Question, progress: Progress, after: dt.date) -> Day | None:
        return self._answer(question, day=after)

    def _answer(self, question: Question, *, example: str = "", day: dt.date | None = None) -> Any:
        """The next line as an answer to `question`; an empty line skips (None)."""
        line = self._next()
        if not line.strip():
            return None
        try:
            return parse(question, line, day=day)
        except ValueError as exc:
            raise self._error(f"{exc} ({question.id}){example}") from None

    def finish(self) -> None:
        """After the last question: lines left over mean the input did not match the questions."""
        while True:
            line = self._next_or_none()
            if line is None:
                return
            if line.strip():
                raise self._error(
                    "more answers than open questions", kept="the answers to every question"
                )

    def _next(self) -> str:
        line = self._next_or_none()
        if line is None:
            raise EOFError
        return line

    def _next_or_none(self) -> str | None:
        raw = self.stream.readline()
        if not raw:
            return None
        self.line_number += 1
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise self._error("not UTF-8 text") from None
        if self.line_number == 1:
            line = line.removeprefix("\ufeff")  # the byte-order mark some editors write
        return line.rstrip("\r\n")

    def _error(self, problem: str, *, kept: str = "the answers before it") -> FourlooksError:
        where = f"{self.name} line {self.line_number}"
        return FourlooksError(f"{where}: {problem}; {kept} are saved")


class AnswersPrompter:
    """Answers from a JSON object, question id -> answer, all checked before any is saved.

    A text answer is a string (a list of strings is joined by lines: one commitment each); a
    rating is 1-5 or a string like "4 a good month, one slip"; a choice is its value, number or
    label. null or "" skips the question; a question left out stays open.
    """

    interactive = False

    def __init__(
        self,
        answers: Mapping[str, Any],
        questions: Sequence[Question],
        *,
        name: str,
        day: dt.date | None = None,
    ):
        self.name = name
        self.day = day  # the review's day, which a date answer is read from
        self.used: set[str] = set()
        by_id = {q.id: q for q in questions}
        self.answers: dict[str, str | Rating | Choice | None] = {}
        for question_id, value in answers.items():
            question = by_id.get(question_id)
            if question is None:
                cadence = questions[0].cadence.value if questions else "daily"
                raise FourlooksError(
                    f"{name}: no question {question_id!r} in this review"
                    f" (see `fourlooks questions --cadence {cadence}`); nothing was saved"
                )
            self.answers[question_id] = self._checked(question, value)

    def show(self, text: str, *, style: str = "") -> None:
        pass

    def _take(self, question: Question, progress: Progress) -> Any:
        """The file's answer, or LATER when the file leaves the question out."""
        if question.id not in self.answers:
            return LATER
        self.used.add(question.id)
        return self.answers[question.id]

    ask_text = ask_rating = ask_choice = _take

    def ask_date(self, question: Question, progress: Progress, after: dt.date) -> Any:
        return self._take(question, progress)

    def unused(self) -> list[str]:
        """Ids given in the file but not asked (already done, or another task state's)."""
        return [question_id for question_id in self.answers if question_id not in self.used]

    def _checked(self, question: Question, value: Any) -> str | Rating | Choice | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            if question.kind == "rating" and isinstance(value, int) and not isinstance(value, bool):
                return parse_rating(str(value))
            if isinstance(value, list) and all(isinstance(item, str) for item in value):
                value = "\n".join(value)
            if not isinstance(value, str):
                raise ValueError(f"{type(value).__name__} is not an answer: give text")
            return parse(question, value, day=self.day)
        except ValueError as exc:
            raise FourlooksError(f"{self.name}: {question.id}: {exc}; nothing was saved") from None


def choose(
    answers: str | None, asked: Sequence[Question], lang: str, *, day: dt.date | None = None
) -> Prompter:
    """The answers file if given ('-': stdin), else a person at a terminal, else piped lines.

    `day` is the review's, which the answers file's dates are read from.
    """
    if answers is not None:
        name = "stdin" if answers == "-" else answers
        return AnswersPrompter(read_answers(answers), asked, name=name, day=day)
    if sys.stdin.isatty():
        return TerminalPrompter(lang)
    return LinePrompter(sys.stdin.buffer)


def read_answers(source: str) -> dict[str, Any]:
    """The JSON object of an answers file; every problem is one line naming the file."""
    import json

    from fourlooks import files

    name = "stdin" if source == "-" else source
    try:
        raw = files.read_bounded(source, MAX_ANSWERS_BYTES, what="an answers file")
    except OSError as exc:
        raise UsageError(f"cannot read answers file {name}: {exc.strerror or exc}") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise FourlooksError(f"{name}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise FourlooksError(
            f"{name}, line {exc.lineno}, column {exc.colno}: not JSON: {exc.msg.lower()}"
        ) from None
    except RecursionError:
        raise FourlooksError(f"{name}: nested too deeply to be an answers file") from None
    if not isinstance(data, dict):
        raise FourlooksError(f"{name}: give a JSON object of question id -> answer")
    return data


def finish(prompter: Prompter, outcome: Outcome) -> list[str]:
    """After a review: refuse piped lines left over; the ids an answers file gave in vain."""
    if isinstance(prompter, LinePrompter) and not (outcome.stopped or outcome.was_complete):
        prompter.finish()
    if isinstance(prompter, AnswersPrompter):
        return prompter.unused()
    return []
