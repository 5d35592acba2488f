"""`questions`: the review questions, in the order reviews ask them."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from typing import Annotated

import typer

from fourlooks.cli.app import app, journal, lang, output, settings
from fourlooks.cli.days import review_today
from fourlooks.cli.inputs import LookFilter, parse_cadence, parse_look
from fourlooks.errors import UsageError


@app.command("questions")
def list_questions(
    *,
    cadence: Annotated[
        str | None,
        typer.Option("--cadence", "-c", metavar="CADENCE", help="daily, monthly or task."),
    ] = None,
    look: LookFilter = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            "-d",
            metavar="WHEN",
            help="With --cadence daily: the day whose review to list [default: today];"
            " with monthly, the month whose audit (or a day in it).",
        ),
    ] = None,
    full: Annotated[
        bool,
        typer.Option(
            "--full", help="With --cadence daily: every daily question; monthly: every quality."
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array of questions.")] = False,
) -> None:
    """List the review questions with their ids and sources, in the order reviews ask them.

    The numbers count within each cadence: piped answers to `fourlooks review` come one per
    line in this order. With --cadence daily, the questions of the day's review (--date):
    the short set it asks (the core and that day's spotlight), or every one with --full;
    with --cadence monthly, the questions of the month's audit (--date), its focus among
    the five qualities included (all five with --full).
    Your questions.toml (`fourlooks paths`) rewords, adds and switches off questions; --lang
    picks the language.
    """
    from fourlooks import config, paths, questions, render
    from fourlooks import review as engine
    from fourlooks.model import Cadence
    from fourlooks.render import questions as screen

    chosen = parse_cadence(cadence) if cadence is not None else None
    if (date is not None or full) and chosen not in (Cadence.DAILY, Cadence.MONTHLY):
        raise UsageError("--date and --full go with --cadence daily or monthly")
    if chosen is Cadence.DAILY:
        found = engine.daily_listing(
            lambda: journal() if settings().journal_path.exists() else None,
            when=date,
            today=review_today(),
            lang=lang(),
            daily=engine.DailySet.configured(config.daily_review(), full=full),
            look=parse_look(look) if look else None,
        )
    elif chosen is Cadence.MONTHLY:
        from fourlooks.review import focus

        found = focus.audit_listing(
            when=date,
            today=review_today(),
            lang=lang(),
            full=full,
            look=parse_look(look) if look else None,
        )
    else:
        found = questions.listing(
            lang(),
            paths.questions_file(),
            cadence=chosen,
            look=parse_look(look) if look else None,
        )
    output(
        screen.as_json(found),
        lambda: screen.lines(found, lang(), colour=render.colour_enabled()),
        as_json=as_json,
    )
