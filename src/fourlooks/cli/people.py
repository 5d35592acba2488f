"""`people`: who the entries name (`@name`), how often and when last, and who went quiet."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from typing import Annotated

import typer

from fourlooks.cli.app import app, journal, lang
from fourlooks.cli.days import review_today
from fourlooks.cli.inputs import NAME_HELP


@app.command(
    help="List the people heard (@name in entries), how often, when last; who went quiet.\n\n"
    + NAME_HELP
)
def people(
    *,
    quiet_days: Annotated[
        int | None,
        typer.Option(
            "--quiet-days",
            min=1,
            max=36600,
            metavar="N",
            help="Name those not heard from for N days (config.toml quiet_days, else 30).",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON object of people.")] = False,
) -> None:
    from fourlooks import config, render
    from fourlooks import people as core
    from fourlooks.render import people as screen

    days = quiet_days if quiet_days is not None else config.quiet_days()
    found = core.heard(journal(), today=review_today(), quiet_days=days)
    if as_json:
        typer.echo(render.to_json(screen.as_json(found)))
    elif not found.people:
        typer.echo(screen.nothing(lang()), err=True)
    else:
        typer.echo("\n".join(screen.lines(found, lang(), colour=render.colour_enabled())))
