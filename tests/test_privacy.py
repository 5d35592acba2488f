"""A journal is private: its files are the user's alone, and nothing leaves the machine."""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import fourlooks
from fourlooks import store
from fourlooks.model import Look
from fourlooks.store import entries, opening


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    """The most careless umask a user can have: whatever fourlooks makes is still private."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def test_a_new_journal_and_its_folder_are_private(cli, home, open_umask):
    assert not home.exists()
    cli.ok("add", "-l", "back", "a private thought")
    assert mode(home) == 0o700
    assert mode(home / "journal.db") == 0o600


def test_wal_and_shm_files_are_private_while_the_journal_is_open(tmp_path, open_umask):
    path = tmp_path / "j" / "journal.db"
    with store.open_journal(path) as journal:
        entries.add(journal, date="2026-11-26", look=Look.UP, text="open right now")
        wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
        assert wal.exists() and shm.exists()
        assert (mode(path), mode(wal), mode(shm)) == (0o600, 0o600, 0o600)


def test_backups_are_private(cli, home, tmp_path, open_umask):
    cli.ok("add", "-l", "back", "x")
    default = Path(cli.ok("backup").stdout.strip())
    elsewhere = Path(cli.ok("backup", str(tmp_path)).stdout.strip())
    assert (mode(default), mode(elsewhere)) == (0o600, 0o600)


def test_the_copy_saved_before_a_migration_is_private(tmp_path, monkeypatch, open_umask):
    path = tmp_path / "journal.db"
    with store.open_journal(path):
        monkeypatch.setattr(store, "SCHEMA_VERSION", store.SCHEMA_VERSION + 1)
        opening.save_copy_before_migration(path, store.SCHEMA_VERSION - 1)
    [copy] = tmp_path.glob("journal.db.schema*.bak")
    assert mode(copy) == 0o600


def test_default_data_and_config_folders_are_private(cli, tmp_path, monkeypatch, open_umask):
    monkeypatch.delenv("FOURLOOKS_HOME")  # the platform's folders, under XDG_* in tmp_path
    cli.ok("add", "-l", "down", "x")
    cli.ok("list")
    cli.ok("paths")
    data = tmp_path / "xdg-data" / "fourlooks"
    assert mode(data) == 0o700
    assert mode(data / "journal.db") == 0o600
    config = tmp_path / "xdg-config" / "fourlooks"
    if config.exists():  # fourlooks creates it only when it writes a config file
        assert mode(config) == 0o700


# --- No network -------------------------------------------------------------------------

_NETWORK_EVENTS = ("socket.", "urllib.", "http.", "ftplib.", "smtplib.", "webbrowser.")
_armed: list[list[str]] = []  # while a test runs: where to record network attempts


def _audit(event: str, args: tuple) -> None:
    if _armed and event.startswith(_NETWORK_EVENTS):
        _armed[-1].append(f"{event}{args!r}"[:200])
        raise RuntimeError(f"fourlooks tried to use the network: {event}")


# Audit hooks cannot be removed: it is installed once and acts only while armed.
sys.addaudithook(_audit)


@contextlib.contextmanager
def no_network():
    attempts: list[str] = []
    _armed.append(attempts)
    try:
        yield attempts
    finally:
        _armed.pop()


# Scenarios a user runs: each names a command that must exist.
SCENARIOS: list[tuple[str, ...]] = [
    ("--version",),
    ("add", "-l", "back", "-t", "net", "no network here 无网络"),
    ("list",),
    ("list", "--json"),
    ("paths",),
    ("backup",),
    ("check",),
    ("status",),
    ("status", "--json"),
    ("report",),
    ("report", "--format", "markdown"),
    ("report", "--format", "json"),
    ("search", "network"),
    ("search", "网络"),
    ("export", "--format", "json"),
    ("export", "--format", "markdown"),
    ("questions",),
    ("task", "list"),
]


def _commands() -> set[str]:
    from typer.main import get_command

    from fourlooks.cli import app

    return set(get_command(app).commands)


def test_no_command_opens_a_network_connection(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    commands = _commands()
    with no_network() as attempts:
        for name in sorted(commands):
            result = cli(name, "--help")
            assert result.exit_code == 0, (name, result.output)
        for args in SCENARIOS:
            result = cli(*args)
            assert result.exit_code == 0, (args, result.output, result.exception)
        folder = str(tmp_path / "md") + "/"
        cli.ok("export", "--format", "markdown", "--out", folder)
        cli.ok("review", input="went well\n\n\n\n\n\n\n\n\n\n\n")
    assert attempts == []


SITECUSTOMIZE = """
import os, sys
def _audit(event, args):
    if event.startswith(("socket.", "urllib.", "http.")):
        with open(os.environ["NETWORK_MARK"], "a") as mark:
            mark.write(event + "\\n")
        os._exit(99)
sys.addaudithook(_audit)
"""


def _guarded_env(tmp_path: Path, home: Path) -> tuple[dict, Path]:
    """Environment for a child whose sitecustomize records any socket and stops the child."""
    hooks = tmp_path / "hooks"
    hooks.mkdir(exist_ok=True)
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    mark = tmp_path / "network-attempts"
    env = {
        **os.environ,
        # This fourlooks' own source, absolute: the child runs in another folder.
        "PYTHONPATH": os.pathsep.join([str(hooks), str(Path(fourlooks.__file__).parents[1])]),
        "NETWORK_MARK": str(mark),
        "FOURLOOKS_HOME": str(home),
    }
    return env, mark


def test_no_command_opens_a_network_connection_in_a_real_process(tmp_path, home):
    """Start-up included, in the process a user would run."""
    env, mark = _guarded_env(tmp_path, home)
    for args in SCENARIOS[:6]:
        done = subprocess.run(
            [sys.executable, "-m", "fourlooks", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=60,
        )
        assert done.returncode == 0, (args, done.stderr)
    assert not mark.exists(), mark.read_text()


def test_the_network_guards_themselves_work(tmp_path, home):
    """The guards above would catch a connection: tried here on purpose."""
    import socket

    with no_network() as attempts, pytest.raises(RuntimeError):
        socket.create_connection(("127.0.0.1", 9), timeout=0.1)
    assert attempts
    env, mark = _guarded_env(tmp_path, home)
    code = "import socket; socket.socket()"
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, timeout=60)
    assert done.returncode == 99
    assert mark.read_text() == "socket.__new__\n"
