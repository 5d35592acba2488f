"""Commands that keep the journal safe and findable: paths, backup, restore and check."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fourlooks.cli.app import app, now, output, settings

if TYPE_CHECKING:
    from fourlooks.maintenance import Candidate


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
    from fourlooks import maintenance
    from fourlooks.render import maintenance as screen

    done = maintenance.backup(settings().journal_path, path, now=now(), force=force)
    typer.echo(str(done.path))
    typer.echo(screen.backed_up(done), err=True)


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
    from fourlooks import maintenance
    from fourlooks.render import maintenance as screen

    journal_path = settings().journal_path

    def agreed(candidate: "Candidate") -> bool:
        question = screen.restore_question(journal_path, path, candidate)
        return yes or typer.confirm(question, default=False)

    done = maintenance.restore(journal_path, path, now=now(), confirm=agreed)
    if done is None:
        typer.echo("Not restored.", err=True)
        raise typer.Exit(1)
    settings().due_changed = True  # the journal put back has reviews of its own
    typer.echo("\n".join(screen.restored(done, path)), err=True)


@app.command()
def check(
    *,
    as_json: Annotated[bool, typer.Option("--json", help="The findings as a JSON object.")] = False,
) -> None:
    """Check the journal: SQLite integrity, foreign keys, schema version; exit 1 on a problem."""
    from fourlooks import maintenance
    from fourlooks.render import maintenance as screen

    found = maintenance.check(settings().journal_path).to_dict()
    output(found, lambda: screen.check_lines(found), as_json=as_json)
    if not found["ok"]:
        raise typer.Exit(1)


@app.command()
def paths(
    *,
    as_json: Annotated[bool, typer.Option("--json", help="As a JSON object.")] = False,
) -> None:
    """Print where the journal and the configuration files are."""
    from fourlooks import maintenance
    from fourlooks.render import maintenance as screen

    found = maintenance.where(settings().journal_path)
    output(found, lambda: screen.path_lines(found), as_json=as_json)
