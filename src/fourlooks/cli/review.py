"""`review`: the daily review, the monthly self-audit (--monthly) and a task's review (--task)."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

import contextlib
import functools
import signal
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated, Any

import typer

from fourlooks.cli.app import app, journal, lang
from fourlooks.cli.days import review_today
from fourlooks.errors import UsageError

if TYPE_CHECKING:
    from fourlooks.review import Outcome, Prompter, Sitting


class Terminated(BaseException):
    """SIGTERM or SIGHUP: unwinds like Ctrl-C, so the transaction in flight rolls back."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@app.command()
def review(
    *,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            "-d",
            metavar="WHEN",
            help="The day to review [default: today; before the day start, 04:00, yesterday].",
        ),
    ] = None,
    monthly: Annotated[
        bool, typer.Option("--monthly", help="The monthly self-audit instead.")
    ] = False,
    month: Annotated[
        str | None,
        typer.Option(
            "--month",
            metavar="YYYY-MM",
            help="With --monthly: the month [default: this one; in its first 7 days, the last].",
        ),
    ] = None,
    task_id: Annotated[
        str | None,
        typer.Option("--task", metavar="ID", help="Review this task (an id or unique prefix)."),
    ] = None,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="Every daily question, not the short set; with --monthly, all five qualities.",
        ),
    ] = False,
    answers: Annotated[
        str | None,
        typer.Option(
            "--answers",
            metavar="FILE",
            help="Answers as a JSON object, question id -> answer; '-' reads stdin.",
        ),
    ] = None,
) -> None:
    """Take the day's review; --monthly the month's self-audit; --task ID a task's review.

    At a terminal the questions come one by one, look by look: finish an answer with an empty
    line, and an empty answer skips the question. The daily review first asks about every
    commitment still open, then shows entries of a month and a year ago; then a short core
    and one spotlight question (--full: every daily question). The monthly self-audit asks
    one of the five qualities as the month's focus (--full: all five).

    With stdin piped, answers are read one per line in the order `fourlooks questions --cadence
    ...` prints them (for a task: its state, that state's question, for under way or not done
    the day of its next checkpoint, then the lesson); an empty line
    skips; a review taken up again reads answers for the questions still open. --answers FILE
    takes a JSON object of question id -> answer instead.

    Ctrl-C, end of input or a closed terminal keep every answer already given: run the same
    command again to go on. Exit status: 0 when the review ends or pauses at end of input,
    1 on bad input (earlier answers stay saved), 130 on Ctrl-C, 129/143 on SIGHUP/SIGTERM.
    """
    from fourlooks import prompters
    from fourlooks import review as engine
    from fourlooks.model import Cadence

    if month is not None and not monthly:
        raise UsageError("--month goes with --monthly")
    if monthly and (task_id is not None or date is not None):
        raise UsageError("--monthly cannot be combined with --task or --date (use --month)")
    cadence = Cadence.MONTHLY if monthly else Cadence.TASK if task_id is not None else Cadence.DAILY
    from fourlooks import config

    if full and cadence is Cadence.TASK:
        raise UsageError("--full goes with the daily review or --monthly")
    sitting = engine.prepare(
        journal,
        cadence,
        when=month if monthly else date,
        task_id=task_id,
        today=review_today(),
        lang=lang(),
        daily=engine.DailySet.configured(config.daily_review(), full=full),
        full=full,
    )
    day = sitting.spec.dated(sitting.period)
    prompter = prompters.choose(answers, list(sitting.questions), lang(), day=day)
    outcome = _guarded(lambda: engine.take(journal(), prompter, sitting, lang=lang()))
    _finish(prompter, outcome)
    if cadence is Cadence.DAILY and prompter.interactive and outcome.complete:
        _offer_tasks(prompter)


def _take(prompter: "Prompter", sitting: "Sitting") -> "Outcome":
    from fourlooks import review as engine

    return engine.take(journal(), prompter, sitting, lang=lang())


def _offer_tasks(prompter: "Prompter") -> None:
    """At a terminal, the nightly review ends by offering the reviews of the tasks due."""
    from fourlooks import review as engine
    from fourlooks import tasks, words
    from fourlooks.model import Cadence

    due = [
        item
        for item in tasks.listing(journal(), include_closed=True, today=review_today())
        if item.review_due
    ]
    if not due:
        return
    count = words.count(len(due), "task", lang())
    if not typer.confirm(words.say("tasks_offer", lang(), count=count), default=False, err=True):
        return
    for item in due:
        sitting = engine.prepare(
            journal,
            Cadence.TASK,
            when=None,
            task_id=item.task.id,
            today=review_today(),
            lang=lang(),
        )
        _finish(prompter, _guarded(functools.partial(_take, prompter, sitting)))


def _guarded(run: "Callable[[], Outcome]") -> "Outcome":
    """Run the review; Ctrl-C, SIGTERM and SIGHUP end it with every answer given kept."""
    try:
        with _signals_raise():
            return run()
    except KeyboardInterrupt:
        _stopped()
        raise typer.Exit(130) from None
    except Terminated as exc:
        _stopped()
        raise typer.Exit(128 + exc.signum) from None


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """While the review runs, SIGTERM and SIGHUP (a closed terminal) raise Terminated."""
    names = ("SIGTERM", "SIGHUP")  # SIGHUP does not exist on Windows
    numbers = [getattr(signal, name) for name in names if hasattr(signal, name)]

    def handler(signum: int, frame: Any) -> None:
        for number in numbers:  # one is enough: let the rollback finish undisturbed
            signal.signal(number, signal.SIG_IGN)
        raise Terminated(signum)

    previous = {number: signal.signal(number, handler) for number in numbers}
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)


def _stopped() -> None:
    from fourlooks import words

    _say("\n" + words.say("stopped", lang()))


def _say(text: str) -> None:
    """A closing line on stderr; the terminal may be gone already (SIGHUP)."""
    with contextlib.suppress(OSError, ValueError):
        typer.echo(text, err=True)


def _finish(prompter: "Prompter", outcome: "Outcome") -> None:
    from fourlooks import prompters
    from fourlooks.render import review as screen

    unused = prompters.finish(prompter, outcome)
    for line in screen.closing(outcome, lang(), unused=unused):
        _say(line)
