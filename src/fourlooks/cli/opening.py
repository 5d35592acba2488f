"""Opening the journal a command asked for, and a journal named by hand that does not exist.

A journal named by --db or FOURLOOKS_DB that does not exist is most likely a typo. Reading it
would only show an empty journal and leave a stray file behind, so commands that read (or
change what is already there) say so and create nothing; commands that write make the new
journal and say where once they succeed. The default journal in the data folder is made
silently by the first command that needs it: on a fresh machine `fourlooks review` just works.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fourlooks.errors import JournalError

if TYPE_CHECKING:
    from pathlib import Path

    from fourlooks.store import Journal

# As typed after `fourlooks`. check and backup never create a journal; questions opens none.
READING = frozenset(
    {"list", "show", "search", "status", "report", "export", "edit", "delete"}
    | {"task list", "task show", "task edit", "task close"}
)


def open_journal(path: Path, named: bool) -> tuple[Journal, str]:
    """The journal at `path`, and what to say when it was made new at a path `named` by hand."""
    from fourlooks import store

    new = named and not path.exists()
    if new:
        _refuse_reading(path)
    return store.open_journal(path), f"a new journal was created at {path}" if new else ""


def _refuse_reading(path: Path) -> None:
    """Raise when the command being run only reads: there is nothing at `path` to read."""
    if _command_path() in READING:
        raise JournalError(
            f"no journal at {path}; nothing was created (is --db or FOURLOOKS_DB mistyped?)"
        )


def _command_path() -> str:
    """The command being run, as typed after `fourlooks`: `list`, `task show`."""
    from typer._click.globals import get_current_context

    names = []
    context = get_current_context(silent=True)
    while context is not None and context.parent is not None:
        names.append(context.info_name or "")
        context = context.parent
    return " ".join(reversed(names))
