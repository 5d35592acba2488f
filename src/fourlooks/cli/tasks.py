"""`task add|list|show|edit|close`: tasks, each reviewed on its own with `review --task ID`."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from typing import Annotated

import typer

from fourlooks.cli.app import journal, lang, output, subcommands
from fourlooks.cli.days import review_today
from fourlooks.cli.inputs import DUE_HELP, checked_text, parse_due, parse_owner

task_app = subcommands(
    "task",
    "Tasks, each reviewed on its own (事省): add, list, show, edit, close.",
)

ID_HELP = "A task id or unique prefix."
OWNER_HELP = "Who answers for it (落实到具体责任人): a name, 64 characters at most."


@task_app.command("add")
def add_task(
    title: Annotated[str, typer.Argument(help="What the task is.", metavar="TITLE")],
    *,
    due: Annotated[str | None, typer.Option("--due", help=DUE_HELP, metavar="WHEN")] = None,
    goal: Annotated[
        str | None,
        typer.Option(
            "--goal", help="The open goal it serves: an id or unique prefix.", metavar="ID"
        ),
    ] = None,
    owner: Annotated[str | None, typer.Option("--owner", help=OWNER_HELP, metavar="NAME")] = None,
) -> None:
    """Add a task; prints its short id. Past its due date it is due for a review."""
    from fourlooks import tasks
    from fourlooks.model import clean_title

    cleaned = checked_text(title, clean_title)
    added = tasks.add(
        journal(),
        cleaned,
        due=parse_due(due) if due else None,
        goal_id=goal,
        owner=parse_owner(owner),
    )
    typer.echo(added.short_id)


@task_app.command("list")
def list_tasks(
    *,
    include_closed: Annotated[bool, typer.Option("--all", "-a", help="Closed tasks too.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array of tasks.")] = False,
    owner: Annotated[
        str | None,
        typer.Option("--owner", help="Only this owner's tasks (any case).", metavar="NAME"),
    ] = None,
) -> None:
    """List open tasks by due date; those due for a review are marked."""
    from fourlooks import render, tasks
    from fourlooks.render import tasks as screen

    found = tasks.listing(
        journal(), include_closed=include_closed, today=review_today(), owner=parse_owner(owner)
    )
    if as_json:
        typer.echo(render.to_json(screen.list_json(found)))
    elif not found:
        typer.echo(screen.nothing_listed(include_closed=include_closed), err=True)
    else:
        colour = render.colour_enabled()
        typer.echo("\n".join(screen.list_lines(found, lang(), colour=colour)))


@task_app.command("show")
def show_task(
    task_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    *,
    as_json: Annotated[
        bool, typer.Option("--json", help="The task and its review answers as JSON.")
    ] = False,
) -> None:
    """Show a task, whether a review is due, and the answers of its reviews."""
    from fourlooks import render, tasks
    from fourlooks.render import tasks as screen

    found = tasks.detail(journal(), task_id, today=review_today())
    output(
        screen.detail_json(found),
        lambda: screen.detail_lines(found, lang(), colour=render.colour_enabled()),
        as_json=as_json,
    )


@task_app.command("edit")
def edit_task(
    task_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    *,
    title: Annotated[
        str | None, typer.Option("--title", help="Its new title.", metavar="TITLE")
    ] = None,
    due: Annotated[str | None, typer.Option("--due", help=DUE_HELP, metavar="WHEN")] = None,
    owner: Annotated[str | None, typer.Option("--owner", help=OWNER_HELP, metavar="NAME")] = None,
) -> None:
    """Change a task's title, due date or owner; prints its short id."""
    from fourlooks import tasks
    from fourlooks.model import clean_title

    cleaned = checked_text(title, clean_title) if title is not None else None
    edited = tasks.edit(
        journal(),
        task_id,
        title=cleaned,
        due=parse_due(due) if due else None,
        owner=parse_owner(owner),
    )
    typer.echo(edited.short_id)


@task_app.command("close")
def close_task(task_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)]) -> None:
    """Close a task without reviewing it; it stays due for a review until it has one."""
    from fourlooks import tasks

    short = tasks.close(journal(), task_id).short_id
    typer.echo(f"Closed {short}; `fourlooks review --task {short}` reviews it.", err=True)
