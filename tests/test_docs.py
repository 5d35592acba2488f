"""The documentation says what the program does: generated parts are current."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("gen", ROOT / "docs" / "gen_cli_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_matches_the_commands_help():
    generator = _generator()
    assert generator.TARGET.read_text(encoding="utf-8") == generator.render(), (
        "docs/cli.md is out of date: run `python docs/gen_cli_reference.py`"
    )


def test_every_command_is_in_the_reference():
    generator = _generator()
    from typer.main import get_command

    from fourlooks.cli import app

    text = generator.TARGET.read_text(encoding="utf-8")
    for path in generator.command_paths(get_command(app)):
        assert f"## `{' '.join(('fourlooks', *path))}`" in text


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = re.search(r"&& (python -m pytest[^\n`]*)$", readme, re.M)
    assert command, "README.md names no test command"
    assert command.group(1) in ci.splitlines()


def test_every_test_docs_reliability_names_exists():
    """docs/reliability.md says which tests hold each promise: each must be there."""
    import re

    text = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    files = set(re.findall(r"`(test_\w+\.py)`", text))
    functions = set(re.findall(r"`(test_\w+)`", text)) - {name[:-3] for name in files}
    assert files and all((ROOT / "tests" / name).is_file() for name in files), files
    sources = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "tests").glob("*.py"))
    assert all(f"def {name}(" in sources for name in functions), functions
