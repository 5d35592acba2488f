"""How --help reads: arguments without braces, a command's summary whole.

typer writes a required argument as `{ID}` in the usage line, and cuts each summary in a
list of commands to the terminal's width with "...". People read `ID`, and a summary is
one sentence worth reading to its end: here it is wrapped instead (click's write_dl).
"""

# No `from __future__ import annotations`, as in the command modules.

from typing import Any

import typer
from typer._click import Command as ClickCommand
from typer._click import Context, HelpFormatter
from typer.core import TyperCommand, TyperGroup

_WHOLE = 10_000  # characters: more than any summary, so none is cut (click stops at a ".")


class Command(TyperCommand):
    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)
        return [_unbraced(piece) for piece in pieces]


class Group(TyperGroup):
    def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
        """typer's list of commands, each summary whole (wrapped, not cut)."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.listed_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(_WHOLE)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def listed_command(self, ctx: Context, name: str) -> ClickCommand | None:
        """The command whose summary --help lists under `name`."""
        return self.get_command(ctx, name)


def _unbraced(piece: str) -> str:
    return piece[1:-1] if piece.startswith("{") and piece.endswith("}") else piece


class Typer(typer.Typer):
    """typer.Typer whose commands and groups use the classes above unless told otherwise."""

    def __init__(self, *, cls: type[TyperGroup] | None = None, **kwargs: Any) -> None:
        super().__init__(cls=cls or Group, **kwargs)

    def command(self, name: str | None = None, *, cls: Any = None, **kwargs: Any) -> Any:
        return super().command(name, cls=cls or Command, **kwargs)
