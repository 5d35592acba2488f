"""`status`: what is due now, the streaks, and the balance of the looks."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from fourlooks.cli.app import app, journal, lang
from fourlooks.cli.days import review_today

if TYPE_CHECKING:
    from fourlooks.status import Status


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
    from fourlooks import render
    from fourlooks import status as core

    found = core.gather(journal(), day=review_today())
    if as_json:
        typer.echo(render.to_json(found.to_dict()))
    elif not check or sys.stdout.isatty():
        typer.echo("\n".join(_lines(found, lang(), colour=render.colour_enabled())))
    if check and found.due:
        raise typer.Exit(1)


def _lines(found: "Status", lang: str, *, colour: bool) -> Iterator[str]:
    from fourlooks import render, texts
    from fourlooks.store import tasks

    def say(key: str, **values: object) -> str:
        return texts.say(lang, key, **values)

    def row(label: str, value: str) -> str:
        return f"  {texts.pad(label, 19)} {value}"

    def due(text: str) -> str:
        return render.paint(text, "33", enabled=colour)

    title = f"{texts.weekday(lang, found.day)} {found.day.isoformat()}"
    yield render.paint(title, "1", enabled=colour)
    daily = {"not_started": due(say("due")), "in_progress": due(say("in_progress"))}
    command = render.paint("fourlooks review", "2", enabled=colour)
    state = daily.get(found.daily.state, say("done"))
    yield row(say("status_daily"), state + (f"  {command}" if found.daily.due else ""))
    monthly = found.monthly
    if monthly.state == "complete":
        audit = say("done")
    elif monthly.due:
        audit = due(say("in_progress" if monthly.state == "in_progress" else "due"))
        audit += "  " + render.paint("fourlooks review --monthly", "2", enabled=colour)
    else:
        audit = say("opens", date=monthly.opens)
    yield row(say("status_monthly"), f"{monthly.period}: {audit}")
    yield row(say("status_tasks"), str(len(found.tasks)) if found.tasks else say("none"))
    short = tasks.short_ids(journal(), [item.task.id for item in found.tasks])
    for item in found.tasks:
        reason = due(say(item.reason, due=item.task.due))
        task_id = render.paint(short[item.task.id], "2", enabled=colour)
        yield f"    {task_id}  {item.task.title}  {reason}"
    units = {"daily": "day", "monthly": "month"}
    streaks = [
        say(
            f"streak_{name}",
            current=texts.count(lang, streak.current, units[name]),
            longest=streak.longest,
        )
        for name, streak in (("daily", found.daily_streak), ("monthly", found.monthly_streak))
    ]
    yield row(say("status_streaks"), " · ".join(streaks))
    looks = " · ".join(f"{texts.look_name(lang, look)} {n}" for look, n in found.looks.items())
    if found.neglected:
        looks += "  " + due(say("neglected", look=texts.look_heading(lang, found.neglected)))
    yield row(say("status_balance"), looks)
