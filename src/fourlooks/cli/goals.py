"""`goal add|list|show|done|drop`: goals for a year or a month, served by tasks."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from typing import Annotated

import typer

from fourlooks.cli.app import journal, lang, output, subcommands, today
from fourlooks.cli.inputs import checked_text

goal_app = subcommands(
    "goal",
    "Goals for a year or a month, kept in view and served by tasks: add, list, show, done, drop.",
)

ID_HELP = "A goal id or unique prefix."


@goal_app.command("add")
def add_goal(
    text: Annotated[str, typer.Argument(help="What the goal is.", metavar="TEXT")],
    *,
    year: Annotated[
        str | None,
        typer.Option("--year", help="A year's goal: 2027, 'this year'.", metavar="YYYY"),
    ] = None,
    month: Annotated[
        str | None,
        typer.Option("--month", help="A month's goal: YYYY-MM or 'this month'.", metavar="WHEN"),
    ] = None,
) -> None:
    """Add a goal for this year unless --year or --month says; prints its short id."""
    from fourlooks import goals
    from fourlooks.model import clean_title

    period = goals.parse_period(year=year, month=month, today=today())
    added = goals.add(journal(), checked_text(text, clean_title), period=period)
    typer.echo(added.short_id)


@goal_app.command("list")
def list_goals(
    *,
    include_closed: Annotated[
        bool, typer.Option("--all", "-a", help="Goals done or dropped too.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array of goals.")] = False,
) -> None:
    """List open goals, years before their months."""
    from fourlooks import goals, render, words
    from fourlooks.render import goals as screen

    found = goals.listing(journal(), include_closed=include_closed)
    if as_json:
        typer.echo(render.to_json(screen.list_json(found)))
    elif not found:
        typer.echo(words.say("goal_none", lang()), err=True)
    else:
        typer.echo("\n".join(screen.list_lines(found, lang(), colour=render.colour_enabled())))


@goal_app.command("show")
def show_goal(
    goal_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    *,
    as_json: Annotated[
        bool, typer.Option("--json", help="The goal and its tasks as JSON.")
    ] = False,
) -> None:
    """Show a goal and the tasks that serve it, with their states."""
    from fourlooks import goals, render
    from fourlooks.render import goals as screen

    found = goals.detail(journal(), goal_id)
    output(
        screen.detail_json(found),
        lambda: screen.detail_lines(found, lang(), colour=render.colour_enabled()),
        as_json=as_json,
    )


@goal_app.command("done")
def done_goal(goal_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)]) -> None:
    """Mark a goal as reached."""
    _close(goal_id, "done")


@goal_app.command("drop")
def drop_goal(goal_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)]) -> None:
    """Drop a goal: no longer pursued; its tasks stay as they are."""
    _close(goal_id, "dropped")


def _close(goal_id: str, state: str) -> None:
    from fourlooks import goals, words
    from fourlooks.model import GoalState

    closed = goals.close(journal(), goal_id, GoalState(state))
    key = "goal_marked_done" if state == "done" else "goal_marked_dropped"
    typer.echo(words.say(key, lang(), id=closed.short_id), err=True)
