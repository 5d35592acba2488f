"""`status`: what is due now, the streaks, and the balance of the looks."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

import sys
from typing import Annotated

import typer

from fourlooks.cli.app import app, journal, lang, settings
from fourlooks.cli.days import review_today


@app.command()
def status(
    *,
    as_json: Annotated[bool, typer.Option("--json", help="As a JSON object.")] = False,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Exit 1 when anything is due, else 0; quiet unless --json or a terminal.",
        ),
    ] = False,
) -> None:
    """Show what is due: today's review, the month's self-audit, tasks to review; streaks; looks.

    The self-audit is due from the last 3 days of its month until it is done, or until the
    7th of the next month. A task is due for a review past its due date, when it was closed
    without one, or when its review was left unfinished. --check suits a shell prompt or
    cron: `fourlooks status --check || echo "time to reflect"`.
    """
    from fourlooks import questions, render
    from fourlooks import status as core
    from fourlooks.render import status as screen

    asked = questions.asked_cadences(lang())
    found = core.gather(journal(), day=review_today(), asked=asked)
    settings().due_changed = True  # the prompt's due file follows what status found
    if as_json:
        typer.echo(render.to_json(found.to_dict()))
    elif not check or sys.stdout.isatty():
        typer.echo("\n".join(screen.lines(found, lang(), colour=render.colour_enabled())))
    if check and found.due:
        raise typer.Exit(1)
