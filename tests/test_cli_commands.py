"""The table of commands (fourlooks.cli.COMMANDS) against what the modules register, and
what a user sees of the lazily loaded group: --help, completion, unknown commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fourlooks.cli import COMMANDS

SRC = str(Path(__file__).resolve().parents[1] / "src")

# In a fresh interpreter (so no other test has imported anything yet): import each module
# of the table in turn and note which commands it registered on the app, with their help.
_REGISTRATIONS = """
import importlib, inspect, json
from fourlooks.cli import COMMANDS, app

def help_of(info):
    if hasattr(info, "callback") and info.help is None:
        return inspect.getdoc(info.callback)
    return inspect.cleandoc(info.help or "")

seen, found = set(), {}
for module in dict.fromkeys(listed.module for listed in COMMANDS.values()):
    importlib.import_module(module)
    for info in app.registered_commands:
        name = info.name or info.callback.__name__.lower().replace("_", "-")
        if name not in seen:
            seen.add(name)
            found[name] = [module, help_of(info)]
    for info in app.registered_groups:
        name = info.typer_instance.info.name
        if name not in seen:
            seen.add(name)
            found[name] = [module, help_of(info.typer_instance.info)]
print(json.dumps(found))
"""

_EVERY_MODULE_FIRST = """
from fourlooks.cli import COMMANDS, main
for listed in COMMANDS.values():
    __import__(listed.module)
main()
"""


def _run(
    *args: str, env: dict | None = None, code: str | None = None
) -> subprocess.CompletedProcess:
    """`fourlooks ARGS` (or a snippet) in its own interpreter, as a user's shell starts it."""
    program = code or "from fourlooks.cli import main; main()"
    argv = [sys.executable, "-c", program, *args]
    merged = {**os.environ, "PYTHONPATH": SRC, "COLUMNS": "80", **(env or {})}
    return subprocess.run(argv, capture_output=True, text=True, env=merged, timeout=60)


def test_every_listed_command_is_registered_by_its_module_with_that_summary():
    found = json.loads(_run(code=_REGISTRATIONS).stdout)
    assert list(found) == list(COMMANDS)  # none missing from the table, none extra, same order
    for name, (module, help_text) in found.items():
        listed = COMMANDS[name]
        assert listed.module == module, name
        paragraph = help_text.split("\n\n")[0]
        # One line, and the whole first paragraph: --help shortens exactly this text.
        assert paragraph == listed.summary, name


def test_help_lists_every_command_as_the_fully_built_app_does():
    lazy = _run("--help")
    assert lazy.returncode == 0, lazy.stderr
    # Every module imported first: typer builds every command, as before the lazy group.
    built = _run("--help", code=_EVERY_MODULE_FIRST)
    assert lazy.stdout == built.stdout
    listing = lazy.stdout.split("Commands:\n", 1)[1].splitlines()
    names = [line.split()[0] for line in listing if line.startswith("  ") and line[2] != " "]
    assert names[:3] == [
        "review",
        "status",
        "add",
    ]
    assert "List entries, newest day first, grouped by day." in lazy.stdout


def test_a_group_of_commands_works_through_the_lazy_group():
    result = _run("task", "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage: fourlooks task [OPTIONS] COMMAND [ARGS]..." in result.stdout
    for name in ("add", "list", "show", "edit", "close"):
        assert f"  {name} " in result.stdout


GROUPS = ("task", "goal", "decision", "lessons", "remind")


def test_a_groups_help_lists_its_commands_as_the_fully_built_app_does():
    # A group's commands are built when looked up; its --help lists them from their help.
    for group in GROUPS:
        lazy = _run(group, "--help")
        assert lazy.returncode == 0, lazy.stderr
        assert lazy.stdout == _run(group, "--help", code=_EVERY_MODULE_FIRST).stdout, group


def test_a_groups_commands_complete_as_the_fully_built_app_does():
    for group in GROUPS:
        for shell in ("bash", "zsh"):
            lazy = _complete(shell, f"fourlooks {group} ")
            assert lazy == _complete(shell, f"fourlooks {group} ", code=_EVERY_MODULE_FIRST)
            assert lazy, group


def _complete(shell: str, words: str, code: str | None = None) -> list[str]:
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    env = {
        "_FOURLOOKS_COMPLETE": f"complete_{shell}",
        "COMP_WORDS": words,
        "COMP_CWORD": str(cword),
        "_TYPER_COMPLETE_ARGS": words,
    }
    result = _run(env=env, code=code)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_shell_completion_offers_commands_their_options_and_subcommands():
    assert _complete("bash", "fourlooks li") == ["list"]
    assert _complete("bash", "fourlooks ") == list(COMMANDS)
    assert _complete("bash", "fourlooks task ") == ["add", "list", "show", "edit", "close"]
    assert "--number" in _complete("bash", "fourlooks list --")
    zsh = "\n".join(_complete("zsh", "fourlooks li"))
    assert '"list":"List entries, newest day first, grouped by..."' in zsh


def test_an_unknown_command_is_said_in_one_line_with_a_suggestion():
    typo = _run("lst")
    assert typo.returncode == 2
    assert typo.stderr == (
        "fourlooks: No such command 'lst'. Did you mean 'list'? (see 'fourlooks --help')\n"
    )
    nested = _run("task", "clse")
    assert nested.returncode == 2
    assert "No such command 'clse'. Did you mean 'close'?" in nested.stderr
    unknown = _run("nope")
    assert unknown.stderr == "fourlooks: No such command 'nope'. (see 'fourlooks --help')\n"
