"""What a command's start-up loads: the modules it needs, not the heavy libraries or the
modules of other commands (each costs every invocation its import time; FACTS.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fourlooks.cli import COMMANDS

SRC = str(Path(__file__).resolve().parents[1] / "src")

# Runs fourlooks as its console script does, then writes every module loaded by then.
_RUNNER = """
import json, os, sys
from fourlooks.cli import main
try:
    main()
except SystemExit:
    pass
with open(os.environ["MODULES_OUT"], "w") as out:
    json.dump(sorted(sys.modules), out)
"""

HEAVY = ("rich", "sqlite_utils", "dateutil", "platformdirs", "tabulate", "pluggy")


def loaded(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> set[str]:
    out = tmp_path / "modules.json"
    env = {**(os.environ if env is None else env), "PYTHONPATH": SRC, "MODULES_OUT": str(out)}
    result = subprocess.run(
        [sys.executable, "-c", _RUNNER, *args], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(out.read_text()))


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


def command_modules(modules: set[str], *, but: str | None = None) -> list[str]:
    """The command modules of the table that were imported, the one of `but` aside."""
    mine = COMMANDS[but].module if but else None
    listed = {listed.module for listed in COMMANDS.values()} - {mine}
    return sorted(listed & modules)


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_version_and_help_load_no_command_and_no_heavy_library(tmp_path, option):
    modules = loaded(tmp_path, option)
    assert "fourlooks.cli.app" in modules  # it did run the app
    assert heavy(modules) == []
    assert command_modules(modules) == []
    assert "fourlooks.store" not in modules  # no journal is opened to print these
    assert "sqlite3" not in modules
    assert "dataclasses" not in modules  # its import and a class's generated methods: ~1 ms


def test_list_loads_its_own_module_and_no_other(tmp_path, cli):
    journal = tmp_path / "journal.db"
    cli.ok("--db", str(journal), "add", "-l", "up", "a first entry")  # created and migrated
    modules = loaded(tmp_path, "--db", str(journal), "list", "-n", "20")
    assert COMMANDS["list"].module in modules
    assert "fourlooks.store" in modules  # it did read the journal
    assert heavy(modules) == []
    assert command_modules(modules, but="list") == []


def test_a_plain_journal_loads_nothing_of_encryption(tmp_path, cli):
    journal = tmp_path / "journal.db"
    cli.ok("--db", str(journal), "add", "-l", "up", "a first entry")
    for args in (["list", "-n", "20"], ["add", "-l", "up", "a second"], ["status"]):
        modules = loaded(tmp_path, "--db", str(journal), *args)
        assert "fourlooks.store" in modules  # it did open the journal
        encryption = {"sqlcipher3", "keyring", "fourlooks.store.cipher", "fourlooks.encryption"}
        assert sorted(encryption & modules) == [], args


# What a command's start-up needs before its body opens the journal: typer's parameters.
# The model's dataclasses, the store and sqlite3 come with the body (~7 ms of the model).
# fourlooks.people (its patterns, unicodedata) too: the help's grammar of names is in cli/inputs.
BODY_ONLY = ("fourlooks.model", "fourlooks.store", "sqlite3", "dataclasses", "fourlooks.people")


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_commands_help_loads_its_module_but_not_the_model_or_the_store(tmp_path, name):
    journal = tmp_path / "journal.db"
    modules = loaded(tmp_path, "--db", str(journal), name, "--help")
    assert COMMANDS[name].module in modules  # its command was built to print its help
    assert sorted(modules.intersection(BODY_ONLY)) == []
    assert heavy(modules) == []
    assert not journal.exists()


def test_a_commands_help_in_the_default_place_does_not_look_for_the_user_data_folder(tmp_path):
    # No --db, FOURLOOKS_DB or FOURLOOKS_HOME: the journal would be in the user data folder,
    # which platformdirs finds (~4 ms to import); printing a command's help needs no journal.
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOURLOOKS_")}
    env["HOME"] = str(tmp_path)
    env.pop("XDG_DATA_HOME", None)
    env.pop("XDG_CONFIG_HOME", None)
    for name in ("list", "task", "status"):
        modules = loaded(tmp_path, name, "--help", env=env)
        assert COMMANDS[name].module in modules
        assert "platformdirs" not in modules, name
        assert not (tmp_path / ".local").exists()


def test_the_console_entry_point_freezes_what_start_up_loaded(tmp_path):
    # cli/app.run: the collector skips typer's and the CLI's objects from then on, at exit
    # too (~5 ms of CPU a command, quiet); what the command makes is collected as before.
    code = (
        "import gc, sys; from fourlooks.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(gc.get_freeze_count(), len(gc.get_objects()))"
    )
    env = {**os.environ, "PYTHONPATH": SRC}
    result = subprocess.run(
        [sys.executable, "-c", code, "--version"], capture_output=True, text=True, env=env
    )
    frozen, collected = map(int, result.stdout.split()[-2:])
    assert frozen > 10 * collected  # typer and its click: ~17,000 objects, ~500 left
