"""Every test gets its own journal and config folder: no test touches a real user's data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer.main
import typer.testing
from hypothesis import settings
from typer.testing import CliRunner

from fourlooks.cli import app
from journal_builder import build_journal, build_standard_journal, copy_journal

# typer's CliRunner builds the click command from the app on every invoke, some 20 ms, more
# than a short command takes to run; a run of fourlooks builds it once. The app's commands
# are fixed once fourlooks.cli is imported, so the test run builds them once too.
_COMMAND = typer.main.get_command(app)
typer.testing._get_command = lambda typer_app: (
    _COMMAND if typer_app is app else typer.main.get_command(typer_app)
)

# Hypothesis' default deadline (200 ms of wall time per example) judges the machine, not the
# code: on a shared 2-core machine an in-process store example took 441 ms and failed. No
# property here is about speed (bench/ measures that), so no example has a deadline.
settings.register_profile("fourlooks", deadline=None)
settings.load_profile("fourlooks")

_ISOLATED_VARS = (
    "FOURLOOKS_DB",
    "FOURLOOKS_LANG",
    "FOURLOOKS_NOW",
    "FOURLOOKS_DEBUG",
    "NO_COLOR",
    "EDITOR",
    "VISUAL",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """FOURLOOKS_HOME moves both the journal and the config folder into tmp_path."""
    folder = tmp_path / "home"
    for var in _ISOLATED_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("FOURLOOKS_HOME", str(folder))
    # Nor a real user's keyring (an encrypted journal's passphrase): keyring's own backend
    # for a machine that has none, unless a test sets another.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    # Belt and braces: platformdirs would look here if FOURLOOKS_HOME were ever ignored.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return folder


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch):
    """Run the test on a machine in time zone `name` (TZ, applied with time.tzset)."""
    import time

    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def shanghai(zone) -> None:
    """The user's machine runs at UTC+8 (no daylight saving, so a test holds all year)."""
    zone("Asia/Shanghai")


@pytest.fixture
def journal_file(home: Path) -> Path:
    return home / "journal.db"


@pytest.fixture(scope="session")
def standard_journal_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The journal of journal_builder.standard_journal, built once per run; only ever copied."""
    return build_standard_journal(tmp_path_factory.mktemp("standard") / "journal.db")


@pytest.fixture(scope="session")
def empty_journal_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new journal, migrated and empty, for tests that need many: copying costs a fortieth."""
    return build_journal(tmp_path_factory.mktemp("empty") / "journal.db")


@pytest.fixture
def standard_journal_file(journal_file: Path, standard_journal_template: Path) -> Path:
    """This test's own copy of the standard journal, where the CLI finds its journal."""
    return copy_journal(standard_journal_template, journal_file)


class Cli:
    """Runs fourlooks in-process, as a user would type it, with a frozen clock."""

    def __init__(self, now: str = "2026-11-26T21:00:00"):
        self.runner = CliRunner()
        self.now = now

    def __call__(self, *args: str, input: str | None = None, env: dict | None = None):
        merged = {"FOURLOOKS_NOW": self.now, **(env or {})}
        return self.runner.invoke(app, list(args), input=input, env=merged)

    def ok(self, *args: str, **kwargs):
        result = self(*args, **kwargs)
        assert result.exit_code == 0, (result.exit_code, result.output, result.exception)
        return result

    def json(self, *args: str, **kwargs):
        return json.loads(self.ok(*args, **kwargs).stdout)


@pytest.fixture
def cli() -> Cli:
    return Cli()
