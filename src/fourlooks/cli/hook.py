"""`hook`: the prompt snippet that shows a marker while a review is due."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from typing import Annotated

import typer

from fourlooks.cli.app import app, settings


@app.command()
def hook(
    shell: Annotated[str, typer.Argument(help="bash, zsh or fish.", metavar="SHELL")],
    *,
    marker: Annotated[
        str, typer.Option("--marker", help="What the prompt shows while a review is due.")
    ] = "✎ ",
) -> None:
    """Print a prompt snippet for the shell's startup file: a marker while a review is due.

    Add it with `fourlooks hook bash >> ~/.bashrc` (zsh: ~/.zshrc; fish:
    ~/.config/fish/config.fish). The prompt reads the journal's due file (journal.db.due,
    kept current by every command that changes the journal) and starts no Python.
    """
    from fourlooks import due_file
    from fourlooks import hook as core

    state = settings()
    path = due_file.path_for(state.journal_path.absolute())
    typer.echo(core.snippet(shell, path, marker), nl=False)
    if state.journal_path.exists():
        state.due_changed = True  # so the prompt is right from the next one on
