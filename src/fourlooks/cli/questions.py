"""`questions`: the review questions, in the order reviews ask them."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from typing import Annotated

import typer

from fourlooks.cli.app import app, lang, output
from fourlooks.cli.inputs import LookFilter, parse_cadence, parse_look


@app.command("questions")
def list_questions(
    *,
    cadence: Annotated[
        str | None,
        typer.Option("--cadence", "-c", metavar="CADENCE", help="daily, monthly or task."),
    ] = None,
    look: LookFilter = None,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array of questions.")] = False,
) -> None:
    """List the review questions with their ids and sources, in the order reviews ask them.

    The numbers count within each cadence: piped answers to `fourlooks review` come one per
    line in this order. Your questions.toml (`fourlooks paths`) rewords, adds and switches off
    questions; --lang picks the language.
    """
    from fourlooks import paths, questions, render
    from fourlooks.render import questions as screen

    found = questions.listing(
        lang(),
        paths.questions_file(),
        cadence=parse_cadence(cadence) if cadence is not None else None,
        look=parse_look(look) if look else None,
    )
    output(
        screen.as_json(found),
        lambda: screen.lines(found, lang(), colour=render.colour_enabled()),
        as_json=as_json,
    )
