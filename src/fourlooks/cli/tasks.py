"""`task add|list|show|close`: tasks, each reviewed on its own with `review --task ID`."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from typing import TYPE_CHECKING, Annotated

import typer

from fourlooks.cli.app import app, journal, lang
from fourlooks.cli.days import review_today
from fourlooks.cli.inputs import WHEN_HELP, checked_text, parse_date
from fourlooks.errors import UsageError

if TYPE_CHECKING:
    from fourlooks.model import Task

task_app = typer.Typer(
    name="task",
    help="Tasks, each reviewed on its own (事省): add, list, show, close.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(task_app)

ID_HELP = "A task id or unique prefix."


@task_app.command("add")
def add_task(
    title: Annotated[str, typer.Argument(help="What the task is.", metavar="TITLE")],
    *,
    due: Annotated[
        str | None, typer.Option("--due", help="When it is due. " + WHEN_HELP, metavar="WHEN")
    ] = None,
) -> None:
    """Add a task; prints its short id. Past its due date it is due for a review."""
    from fourlooks.store import tasks

    cleaned = checked_text(title)
    if "\n" in cleaned:
        raise UsageError("a task title is one line; nothing stored")
    task = tasks.add(journal(), cleaned, due=parse_date(due) if due else None)
    typer.echo(tasks.short_ids(journal(), [task.id])[task.id])


@task_app.command("list")
def list_tasks(
    *,
    include_closed: Annotated[bool, typer.Option("--all", "-a", help="Closed tasks too.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array of tasks.")] = False,
) -> None:
    """List open tasks by due date; those due for a review are marked."""
    from fourlooks import render, status, texts
    from fourlooks.store import tasks

    found = tasks.with_reviews(journal(), include_closed=include_closed)
    reasons = {item.task.id: status.task_reason(item, review_today()) for item in found}
    if as_json:
        listed = [{**item.task.to_dict(), "review_due": reasons[item.task.id]} for item in found]
        typer.echo(render.to_json(listed))
        return
    if not found:
        typer.echo("No tasks." if include_closed else "No open tasks.", err=True)
        return
    short = tasks.short_ids(journal(), [item.task.id for item in found])
    colour = render.colour_enabled()
    for item in found:
        task = item.task
        typer.echo(
            f"{render.paint(short[task.id], '2', enabled=colour)}  {task.due or '-':<10}  "
            f"{texts.pad(_state(task), 12)}  {task.title}{_flag(reasons[task.id], task, colour)}"
        )


@task_app.command("show")
def show_task(
    task_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    *,
    as_json: Annotated[
        bool, typer.Option("--json", help="The task and its review answers as JSON.")
    ] = False,
) -> None:
    """Show a task, whether a review is due, and the answers of its reviews."""
    from fourlooks import render, status
    from fourlooks.store import entries, tasks

    task = tasks.get(journal(), task_id)
    [item] = [i for i in tasks.with_reviews(journal()) if i.task.id == task.id]
    reason = status.task_reason(item, review_today())
    answers = entries.query(journal(), task_id=task.id, newest_first=False)
    if as_json:
        shown = {
            **task.to_dict(),
            "review_due": reason,
            "entries": [entry.to_dict() for entry in answers],
        }
        typer.echo(render.to_json(shown))
        return
    colour = render.colour_enabled()
    typer.echo(render.paint(task.id, "1", enabled=colour))
    typer.echo(f"title:    {task.title}")
    typer.echo(f"due:      {task.due or '-'}")
    typer.echo(f"state:    {_state(task)}" + (" (closed)" if not task.is_open else ""))
    if reason:
        typer.echo(f"review:   due ({_reason(reason, task)})")
    typer.echo(f"created:  {task.created_at}")
    if task.reviewed_at:
        typer.echo(f"reviewed: {task.reviewed_at}")
    if task.closed_at:
        typer.echo(f"closed:   {task.closed_at}")
    if answers:
        short = entries.short_ids(journal(), [entry.id for entry in answers])
        typer.echo("")
        typer.echo("\n".join(render.entry_lines(answers, short, lang=lang(), colour=colour)))


@task_app.command("close")
def close_task(task_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)]) -> None:
    """Close a task without reviewing it; it stays due for a review until it has one."""
    from fourlooks.store import tasks

    task = tasks.get(journal(), task_id)
    short = tasks.short_ids(journal(), [task.id])[task.id]
    if not task.is_open:
        from fourlooks.errors import FourlooksError

        raise FourlooksError(f"task {short} is already closed")
    tasks.close(journal(), task.id)
    typer.echo(f"Closed {short}; `fourlooks review --task {short}` reviews it.", err=True)


def _state(task: "Task") -> str:
    from fourlooks import texts

    if task.state is None:
        return texts.say(lang(), "task_new")
    return texts.choice_label(lang(), "task.back.state", task.state.value)


def _reason(reason: str, task: "Task") -> str:
    from fourlooks import texts

    return texts.say(lang(), reason, due=task.due)


def _flag(reason: str | None, task: "Task", colour: bool) -> str:
    from fourlooks import render, texts

    if not reason:
        return f"  ({texts.say(lang(), 'closed')})" if not task.is_open else ""
    flag = f"{texts.say(lang(), 'review_due')}: {_reason(reason, task)}"
    return "  " + render.paint(flag, "33", enabled=colour)
