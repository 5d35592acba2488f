"""`questions`: the review questions, in the order reviews ask them."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from typing import Annotated

import typer

from fourlooks.cli.app import app, lang
from fourlooks.cli.inputs import LookFilter, parse_look
from fourlooks.errors import UsageError


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
    from fourlooks.model import Cadence

    chosen = None
    if cadence is not None:
        try:
            chosen = Cadence(cadence.strip().lower())
        except ValueError:
            raise UsageError(f"unknown cadence {cadence!r}: use daily, monthly or task") from None
    wanted = parse_look(look) if look else None
    bank = questions.load(lang(), paths.questions_file())
    numbered = [
        (number, question)
        for each in Cadence
        if chosen in (None, each)
        for number, question in enumerate(questions.for_cadence(bank, each), start=1)
        if wanted in (None, question.look)
    ]
    if as_json:
        typer.echo(render.to_json([_as_dict(question) for _, question in numbered]))
        return
    typer.echo("\n".join(_lines(numbered, colour=render.colour_enabled())))


def _as_dict(question) -> dict:
    return {
        "id": question.id,
        "cadence": question.cadence.value,
        "look": question.look.value,
        "kind": question.kind,
        "text": question.text,
        "source": question.source,
        "choices": list(question.choices),
        "optional_set": question.optional_set,
        "when": question.when,
    }


def _lines(numbered, *, colour: bool):
    from fourlooks import render, texts

    cadence = look = None
    for number, question in numbered:
        if question.cadence != cadence:
            if cadence is not None:
                yield ""
            cadence, look = question.cadence, None
            yield render.paint(texts.cadence_heading(cadence.value), "1", enabled=colour)
        if question.look != look:
            look = question.look
            yield "  " + render.paint(texts.look_heading(lang(), look), "36", enabled=colour)
        yield f"  {number:>3}  {question.text}"
        yield "       " + render.paint(" · ".join(_details(question)), "2", enabled=colour)


def _details(question) -> list[str]:
    found = [question.id, question.source]
    if question.kind == "rating":
        found.append("rating 1-5 + note")
    if question.choices:
        found.append("choice: " + ", ".join(question.choices))
    if question.when:
        found.append(f"when {question.when}")
    if question.optional_set:
        found.append(f"set {question.optional_set}")
    return found
