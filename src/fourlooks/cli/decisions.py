"""`decision add|list|show|made|drop`: decisions, and those they affect heard before and after."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from typing import Annotated

import typer

from fourlooks.cli.app import journal, lang, output, subcommands
from fourlooks.cli.inputs import WHEN_HELP, checked_text, parse_date

decision_app = subcommands(
    "decision",
    "Decisions, and those they affect heard before and after: add, list, show, made, drop.",
)

ID_HELP = "A decision id or unique prefix."


@decision_app.command("add")
def add_decision(
    text: Annotated[str, typer.Argument(help="What is decided.", metavar="TEXT")],
    *,
    coming: Annotated[
        bool, typer.Option("--coming", help="Still to be made (the default).")
    ] = False,
    made: Annotated[bool, typer.Option("--made", help="Already made, on --date.")] = False,
    date: Annotated[str, typer.Option("--date", "-d", help=WHEN_HELP, metavar="WHEN")] = "today",
) -> None:
    """Add a decision, to come unless --made; prints its short id. Reviews ask who was heard."""
    from fourlooks import decisions
    from fourlooks.model import clean_title

    chosen = decisions.is_made(coming=coming, made=made)
    cleaned = checked_text(text, clean_title)
    added = decisions.add(journal(), cleaned, day=parse_date(date), made=chosen)
    typer.echo(added.short_id)


@decision_app.command("list")
def list_decisions(
    *,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array of decisions.")] = False,
) -> None:
    """List the decisions by the day they were written down, with how often they were heard."""
    from fourlooks import decisions, render, words
    from fourlooks.render import decisions as screen

    found = decisions.listing(journal())
    if as_json:
        typer.echo(render.to_json(screen.list_json(found)))
    elif not found:
        typer.echo(words.say("decision_none", lang()), err=True)
    else:
        typer.echo("\n".join(screen.list_lines(found, lang(), colour=render.colour_enabled())))


@decision_app.command("show")
def show_decision(
    decision_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    *,
    as_json: Annotated[
        bool, typer.Option("--json", help="The decision and its answers as JSON.")
    ] = False,
) -> None:
    """Show a decision and the review answers that heard those it affects."""
    from fourlooks import decisions, render
    from fourlooks.render import decisions as screen

    found = decisions.detail(journal(), decision_id)
    output(
        screen.detail_json(found),
        lambda: screen.detail_lines(found, lang(), colour=render.colour_enabled()),
        as_json=as_json,
    )


@decision_app.command("made")
def made_decision(
    decision_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    *,
    date: Annotated[str, typer.Option("--date", "-d", help=WHEN_HELP, metavar="WHEN")] = "today",
) -> None:
    """Mark a coming decision made; reviews then ask whether those it affects approve."""
    _settle(decision_id, "made", date)


@decision_app.command("drop")
def drop_decision(decision_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)]) -> None:
    """Drop a coming decision: it will not be made; nothing more is asked about it."""
    _settle(decision_id, "dropped", "today")


def _settle(decision_id: str, state: str, date: str) -> None:
    from fourlooks import decisions, words
    from fourlooks.model import DecisionState

    day = parse_date(date)
    settled = decisions.settle(journal(), decision_id, DecisionState(state), day=day)
    key = "decision_marked_made" if state == "made" else "decision_marked_dropped"
    typer.echo(words.say(key, lang(), id=settled.short_id), err=True)
