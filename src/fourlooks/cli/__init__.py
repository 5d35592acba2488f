"""The command line: parse, call the core, render. Each module registers its commands."""

from fourlooks.cli import entries as _entries  # noqa: F401  (registers its commands)
from fourlooks.cli import maintenance as _maintenance  # noqa: F401
from fourlooks.cli.app import app, run

main = run

__all__ = ["app", "main"]
