"""Write docs/cli.md from the commands' own --help, so the reference cannot drift.

Run `python docs/gen_cli_reference.py` after changing a command; tests/test_docs.py fails
when the file is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from typer.main import get_command
from typer.testing import CliRunner

from fourlooks.cli import app

TARGET = Path(__file__).with_name("cli.md")

HEADER = """# Command reference

Generated from `--help` by `python docs/gen_cli_reference.py`; do not edit by hand.

Exit codes: 0 success; 1 an error (a missing entry, a journal that cannot be opened or
written, or, for `status --check`, something due); 2 a usage error (a bad option, date or
look); 130 interrupted by Ctrl-C.
"""


def command_paths(command, prefix=()):
    """Every command path, depth first, in the order --help lists them."""
    yield prefix
    for name, sub in getattr(command, "commands", {}).items():
        if not sub.hidden:
            yield from command_paths(sub, (*prefix, name))


def render() -> str:
    runner = CliRunner()
    parts = [HEADER]
    for path in command_paths(get_command(app)):
        result = runner.invoke(
            app, [*path, "--help"], env={"COLUMNS": "88", "NO_COLOR": "1"}, prog_name="fourlooks"
        )
        title = " ".join(("fourlooks", *path))
        parts.append(f"## `{title}`\n\n```\n{result.stdout.rstrip()}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}", file=sys.stderr)
