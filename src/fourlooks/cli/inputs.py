"""What a person types, turned into values: looks, dates, tags, text, and the shared options.

The model and the date grammar are imported where a value is parsed, not here: a command's
`--help`, and every command up to its body, would otherwise pay for the model's dataclasses
(~7 ms of CPU), which typer does not need to build the command. fourlooks.people too (its
patterns and unicodedata, ~0.8 ms): NAME_HELP below says its grammar of names, and
tests/test_people.py checks that the two agree.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from fourlooks.cli.app import today
from fourlooks.errors import UsageError

if TYPE_CHECKING:
    from fourlooks.fulltext import Term
    from fourlooks.model import Cadence, Look

LOOK_HELP = "back, up, down or ahead (also b/u/d/a, 回头看/抬头看/低头看/向前看)."
WHEN_HELP = "A date: YYYY-MM-DD, today, yesterday, '3 days ago', monday, 昨天, 3天前, 周五."
DUE_HELP = (
    "When it is due: YYYY-MM-DD, tomorrow, friday (the next one), 'in 3 days', 'next friday',"
    " 周五, 下周一."
)
NAME_HELP = (
    "@name in an entry's text records a person heard: @ then a letter, then letters, digits"
    " or _ (any script: @张三), up to 64; the name ends at a space or punctuation;"
    " an e-mail address (bob@example.com) names no one."
)
SPAN_HELP = "YYYY-MM-DD, '3 days ago', monday, 上周五; or a month or year: 'last month', 2026-10."


def parse_look(text: str) -> Look:
    from fourlooks.model import Look

    try:
        return Look.parse(text)
    except ValueError:
        raise UsageError(
            f"unknown look {text!r}: use back, up, down or ahead (or b/u/d/a)"
        ) from None


def parse_cadence(text: str) -> Cadence:
    from fourlooks.model import Cadence

    try:
        return Cadence(text.strip().lower())
    except ValueError:
        raise UsageError(f"unknown cadence {text!r}: use daily, monthly or task") from None


def parse_date(text: str) -> str:
    from fourlooks import dates

    return dates.parse_when(text, today=today()).isoformat()


def parse_due(text: str) -> str:
    """A due date reads forward: `friday` is the coming one, today included."""
    from fourlooks import dates

    return dates.parse_when(text, today=today(), ahead=True).isoformat()


def parse_first_day(text: str) -> str:
    """Where a range starts: a day, or the first day of a month or year (`last month`)."""
    from fourlooks import dates

    return dates.parse_span(text, today=today())[0].isoformat()


def parse_last_day(text: str) -> str:
    """Where a range ends: a day, or the last day of a month or year (`last month`)."""
    from fourlooks import dates

    return dates.parse_span(text, today=today())[1].isoformat()


def parse_query(words: list[str]) -> list[Term]:
    """The words of a search, as one query: phrases, prefixes, Chinese runs."""
    from fourlooks import fulltext

    try:
        return fulltext.parse_query(" ".join(words))
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def parse_tags(tags: list[str] | None) -> list[str]:
    from fourlooks.model import clean_tag

    try:
        return [clean_tag(tag) for tag in tags or []]
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def parse_person(name: str | None) -> str | None:
    """A --person NAME in the form names are compared in, or one line saying why not."""
    if name is None:
        return None
    from fourlooks.people import clean_name

    try:
        return clean_name(name)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def parse_owner(owner: str | None) -> str | None:
    """An --owner NAME as tasks keep it, or one line saying why not."""
    if owner is None:
        return None
    from fourlooks.model import clean_owner

    try:
        return clean_owner(owner)
    except ValueError as exc:
        raise UsageError(f"--owner: {exc}") from None


def checked_text(text: str, clean: Callable[[str], str] | None = None) -> str:
    """The text as `clean` keeps it (model.clean_text unless told), or one line saying why not."""
    if clean is None:
        from fourlooks.model import clean_text as clean
    try:
        return clean(text)
    except ValueError as exc:
        raise UsageError(f"{exc}; nothing stored") from None


def read_stdin() -> str:
    """All of stdin as UTF-8 text, refusing early rather than reading gigabytes."""
    from fourlooks import files
    from fourlooks.model import MAX_TEXT_BYTES

    raw = files.read_bounded("-", MAX_TEXT_BYTES, what="one entry")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("stdin is not UTF-8 text; nothing stored") from None


def stdin_is_piped() -> bool:
    return not sys.stdin.isatty()


def wants_editor(text: str | None) -> bool:
    """No text given and nothing piped in: the entry is written in $EDITOR."""
    return text is None and not stdin_is_piped()


def entry_text(text: str | None) -> str:
    """A new entry's text: the argument, stdin ('-' or piped), else what $EDITOR gives back."""
    if text == "-" or (text is None and stdin_is_piped()):
        text = read_stdin()
    elif text is None:
        from fourlooks import editor

        text = editor.edit(instead="pass TEXT or pipe it")
    return checked_text(text)  # empty text: the same refusal from the editor as from a pipe


def parse_days(
    on: str | None, date_from: str | None, date_to: str | None
) -> tuple[str | None, str | None]:
    """The first and last day asked for: --on DAY, or --from and --to, each optional."""
    # `is not None`, not truth: an empty --on '' is a bad date, not a missing filter.
    if on is not None and (date_from is not None or date_to is not None):
        raise UsageError("--on cannot be combined with --from or --to")
    first = on if on is not None else date_from
    last = on if on is not None else date_to
    return (
        parse_first_day(first) if first is not None else None,
        parse_last_day(last) if last is not None else None,
    )


# Filters several commands share, declared once so that their flags and help read alike.
LookFilter = Annotated[str | None, typer.Option("--look", "-l", help=LOOK_HELP, metavar="LOOK")]
DateFrom = Annotated[
    str | None, typer.Option("--from", help="From this day on: " + SPAN_HELP, metavar="WHEN")
]
DateTo = Annotated[
    str | None, typer.Option("--to", help="Up to this day: " + SPAN_HELP, metavar="WHEN")
]
PersonFilter = Annotated[
    str | None,
    typer.Option(
        "--person", "-p", help="Only entries naming this person. " + NAME_HELP, metavar="NAME"
    ),
]
TagFilter = Annotated[
    str | None, typer.Option("--tag", "-t", help="Only entries with this tag.", metavar="TAG")
]
