"""Keeping the journal's due file current when a command ends (see due_file.py)."""

import typer

from fourlooks.cli.app import journal, lang
from fourlooks.errors import FourlooksError


def refresh_due_file() -> None:
    """Rewrite the journal's due file (read by `fourlooks hook`'s prompt snippet).

    A due file that cannot be written leaves the command's work done: it is said, not fatal.
    """
    from fourlooks import config, due_file, paths, questions
    from fourlooks.cli.days import review_today
    from fourlooks.model import Cadence
    from fourlooks.store import connection

    try:
        found = journal()
        if found.read_only is None:
            # Without questions.toml every cadence asks its bundled questions: loading the
            # bank to learn so would add ~9 ms to every command that writes.
            custom = paths.questions_file().exists()
            asked = questions.asked_cadences(lang()) if custom else frozenset(Cadence)
            due_file.refresh(found, review_today(), config.day_start(), asked)
    except (FourlooksError, *connection.Error) as exc:
        typer.echo(f"fourlooks: the prompt's due file was not updated: {exc}", err=True)
