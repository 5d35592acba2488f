"""Commands that keep the journal safe and findable: paths, backup, restore and check."""

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

    Prints the copy's path. `fourlooks restore PATH` puts it back.
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


@app.command()
def restore(
    path: Annotated[Path, typer.Argument(help="The backup to put back.", metavar="BACKUP")],
    *,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Replace the journal with a backup; the journal as it was is kept beside it.

    The backup is checked first; it is written through SQLite, so a WAL file left by a
    crash cannot mix into it. Safe while other terminals have the journal open.
    """
    from fourlooks.store import restore as restoring

    journal_path = settings().journal_path
    candidate = restoring.inspect(path, journal_path)
    noun = "entry" if candidate.entries == 1 else "entries"
    question = f"Replace {journal_path} with {path} ({candidate.entries:,} {noun})?"
    if not yes and not typer.confirm(question, default=False):
        typer.echo("Not restored.", err=True)
        raise typer.Exit(1)
    done = restoring.restore(candidate, journal_path, now())
    typer.echo(f"Restored {done.entries:,} {noun} from {path}.", err=True)
    if done.kept is not None:
        typer.echo(f"The journal as it was is kept at {done.kept}.", err=True)
