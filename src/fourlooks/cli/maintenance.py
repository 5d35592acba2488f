"""Commands that keep the journal safe and findable: paths, backup and check."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from pathlib import Path
from typing import Annotated

import typer

from fourlooks.cli.app import app, now, settings


@app.command()
def backup(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="File or folder for the copy [default: journal-YYYYMMDD-HHMMSS.db beside "
            "the journal].",
            metavar="[PATH]",
        ),
    ] = None,
    *,
    force: Annotated[
        bool, typer.Option("--force", "-f", help="Overwrite PATH if it exists.")
    ] = False,
) -> None:
    """Copy the journal to a private file (0600), safely, even while it is in use.

    Prints the copy's path. To restore, copy it over the journal while no fourlooks runs.
    """
    from fourlooks.store import maintenance

    journal_path = settings().journal_path
    target = maintenance.backup_target(journal_path, path, now())
    done = maintenance.backup(journal_path, target, force=force)
    typer.echo(str(done.path))
    noun = "entry" if done.entries == 1 else "entries"
    typer.echo(f"Backed up {done.entries:,} {noun} ({done.size:,} bytes).", err=True)


@app.command()
def check(
    *,
    as_json: Annotated[bool, typer.Option("--json", help="The findings as a JSON object.")] = False,
) -> None:
    """Check the journal: SQLite integrity, foreign keys, schema version; exit 1 on a problem."""
    from fourlooks import render
    from fourlooks.store import maintenance

    report = maintenance.check(settings().journal_path)
    if as_json:
        typer.echo(render.to_json(report.to_dict()))
    else:
        typer.echo("\n".join(render.check_lines(report.to_dict())))
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def paths(
    *,
    as_json: Annotated[bool, typer.Option("--json", help="As a JSON object.")] = False,
) -> None:
    """Print where the journal and the configuration files are."""
    from fourlooks import paths as where
    from fourlooks import render

    found = {
        "journal": str(settings().journal_path),
        "config": str(where.config_file()),
        "questions": str(where.questions_file()),
    }
    if as_json:
        typer.echo(render.to_json(found))
    else:
        for name, path in found.items():
            typer.echo(f"{name + ':':<11}{path}")
