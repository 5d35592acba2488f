"""The command line: parse, call the core, render. Each module registers its commands.

They are imported in the order `fourlooks --help` lists them: the evening's review first,
then writing and finding entries, tasks, reports, moving data, and keeping it safe.
"""

from fourlooks.cli import review as _review  # noqa: F401  (registers its commands)
from fourlooks.cli import status as _status  # noqa: F401
from fourlooks.cli import entries as _entries  # noqa: F401
from fourlooks.cli import search as _search  # noqa: F401
from fourlooks.cli import tasks as _tasks  # noqa: F401
from fourlooks.cli import report as _report  # noqa: F401
from fourlooks.cli import questions as _questions  # noqa: F401
from fourlooks.cli import transfer as _transfer  # noqa: F401
from fourlooks.cli import maintenance as _maintenance  # noqa: F401
from fourlooks.cli.app import app, run

main = run

__all__ = ["app", "main"]
