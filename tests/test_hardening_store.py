"""Opening a journal: what it is is known before a byte is written, and nothing is half made.

Kills and full disks are made exact with RLIMIT_FSIZE in a child process: with SIGXFSZ
ignored, a write past the limit fails (a full disk); with SIGXFSZ at its default, the
kernel kills the process at that very write (a kill mid-copy). Read-only files and folders
are real chmods, met as a user (see tests/test_faults.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fourlooks import migrations, store
from fourlooks.model import Look
from fourlooks.store import entries, opening
from test_faults import _as_a_user, dump, one_line_error, run

FIXTURE = Path(__file__).parent / "fixtures" / "journal-schema1.db"
HEADER = 100  # bytes of SQLite's file header


def _application_id(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[68:72], "big")


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture
def old_journal(tmp_path: Path) -> Path:
    path = tmp_path / "old" / "journal.db"
    path.parent.mkdir()
    shutil.copyfile(FIXTURE, path)
    return path


@pytest.fixture
def open_umask():
    previous = os.umask(0)
    yield
    os.umask(previous)


def _limit(size: int, *, killed: bool):
    """A child whose files cannot grow past `size`: refused, or killed at that write."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        signal.signal(signal.SIGXFSZ, signal.SIG_DFL if killed else signal.SIG_IGN)

    return apply


def _run_unforgiving(journal: Path, *args: str, preexec) -> subprocess.CompletedProcess:
    """fourlooks with SIGXFSZ at its default (Python itself ignores it at start-up)."""
    code = (
        "import signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_DFL); "
        "from fourlooks.cli.app import run; sys.argv[0] = 'fourlooks'; run()"
    )
    return subprocess.run(
        [sys.executable, "-c", code, "--db", str(journal), *args],
        capture_output=True,
        text=True,
        preexec_fn=preexec,
        timeout=60,
    )


# 8 ------------------------------------------------------------------------------------


def test_a_full_disk_leaves_no_copy_and_does_not_migrate(old_journal):
    before = dump(old_journal)
    # Room for the -shm (32 KiB), not for a copy of the 72 KiB journal.
    done = run(old_journal, "list", preexec=_limit(40_000, killed=False))
    one_line_error(done, "cannot save a copy", "nothing was changed")
    assert sorted(p.name for p in old_journal.parent.iterdir() if "bak" in p.name) == []
    assert dump(old_journal) == before
    with contextlib.closing(sqlite3.connect(old_journal)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert run(old_journal, "list").returncode == 0
    [copy] = old_journal.parent.glob("*.bak")
    assert copy.stat().st_size > 0


def test_a_kill_while_the_copy_is_written_leaves_no_copy_under_a_trusted_name(old_journal):
    before = dump(old_journal)
    done = _run_unforgiving(old_journal, "list", preexec=_limit(40_000, killed=True))
    assert done.returncode == -signal.SIGXFSZ, (done.returncode, done.stderr)
    assert list(old_journal.parent.glob("*.bak")) == []
    assert dump(old_journal) == before
    # The next command makes the copy whole, and clears the piece the kill left.
    assert run(old_journal, "list").returncode == 0
    [copy] = old_journal.parent.glob("*.bak")
    assert dump(copy) == before
    assert [p.name for p in old_journal.parent.iterdir() if "partial" in p.name] == []


# 9 ------------------------------------------------------------------------------------


def _enlarge(path: Path, count: int) -> None:
    """More schema-1 entries, so that copying the journal takes long enough to overlap."""
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.executemany(
            "INSERT INTO entries (id, date, look, text, created_at, updated_at) "
            "VALUES (?, '2026-10-01', 'back', ?, '2026-10-01T20:00:00+00:00', "
            "'2026-10-01T20:00:00+00:00')",
            [(f"bulk-{n:05}", f"line {n} " * 100) for n in range(count)],
        )


def _add_at_once(path: Path, count: int) -> list[tuple[int, str]]:
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "fourlooks", "--db", str(path), "add", "-l", "up", f"t{n}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(count)
    ]
    results = []
    for writer in writers:
        with writer:
            results.append((writer.wait(timeout=120), writer.stderr.read()))
    return results


def test_terminals_opening_an_old_journal_at_once_all_add(tmp_path):
    for round_ in range(3):
        path = tmp_path / f"round{round_}" / "journal.db"
        path.parent.mkdir()
        shutil.copyfile(FIXTURE, path)
        _enlarge(path, 3000)
        before = dump(path)
        results = _add_at_once(path, 6)
        assert [code for code, _ in results] == [0] * 6, results
        assert {f"t{n}" for n in range(6)} <= {row[3] for row in dump(path)["entries"]}
        [copy] = path.parent.glob("*.bak")  # one copy, made once, whole
        assert dump(copy) == before


# 13, 14 ------------------------------------------------------------------------------


def test_a_journal_made_through_a_dangling_symlink_is_private(tmp_path, open_umask):
    link = tmp_path / "journal.db"
    real = tmp_path / "elsewhere" / "real.db"
    link.symlink_to(real)
    with store.open_journal(link) as journal:
        entries.add(journal, date="2026-11-26", look=Look.UP, text="through a link")
        companions = [Path(f"{real}{suffix}") for suffix in ("", "-wal", "-shm")]
        assert [_mode(p) for p in companions] == [0o600] * 3
    assert link.is_symlink()
    assert _mode(real.parent) == 0o700


def test_every_missing_folder_of_fourlooks_home_is_private(cli, tmp_path, monkeypatch, open_umask):
    home = tmp_path / "a" / "b" / "c"
    monkeypatch.setenv("FOURLOOKS_HOME", str(home))
    cli.ok("add", "-l", "back", "deep")
    assert [_mode(p) for p in (tmp_path / "a", tmp_path / "a" / "b", home)] == [0o700] * 3


# 15 ------------------------------------------------------------------------------------


def _foreign(path: Path, *, user_version: int = 0) -> bytes:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.execute("INSERT INTO recipes VALUES ('soup')")
        conn.execute(f"PRAGMA user_version = {user_version}")
        conn.commit()
    return path.read_bytes()


@pytest.mark.parametrize("user_version", [0, store.SCHEMA_VERSION, 999])
def test_a_foreign_sqlite_file_is_refused_untouched(cli, tmp_path, user_version):
    other = tmp_path / "recipes.db"
    before = _foreign(other, user_version=user_version)
    for args in (["add", "-l", "up", "x"], ["list"], ["backup", str(tmp_path / "b.db")]):
        result = cli("--db", str(other), *args)
        assert result.exit_code == 1
        [line] = result.stderr.splitlines()
        assert "not a fourlooks journal" in line and "newer" not in line
    assert other.read_bytes() == before  # not even switched to WAL
    beside = {p.name for p in tmp_path.iterdir()} - {"recovered"}  # where typed text is kept
    assert beside == {"recipes.db"}  # no -wal, no -shm, no copy


def test_a_file_with_another_programs_application_id_is_foreign(cli, tmp_path):
    other = tmp_path / "other.db"
    with contextlib.closing(sqlite3.connect(other)) as conn:
        conn.execute("PRAGMA application_id = 1")
    before = other.read_bytes()
    result = cli("--db", str(other), "add", "-l", "up", "x")
    assert result.exit_code == 1 and "not a fourlooks journal" in result.stderr
    assert other.read_bytes() == before


def test_our_journal_carries_the_documented_application_id(cli, journal_file):
    cli.ok("add", "-l", "up", "x")
    assert _application_id(journal_file) == opening.APPLICATION_ID == 0x344C4B53
    schema_doc = (Path(__file__).parents[1] / "docs" / "schema.md").read_text()
    assert "0x344C4B53" in schema_doc
    assert "application_id = 877415251" in Path(migrations.__file__).read_text()


def test_an_old_journal_without_an_application_id_is_recognised_and_marked(cli, old_journal):
    assert _application_id(old_journal) == 0
    assert len(cli.json("--db", str(old_journal), "list", "--json", "-n", "0")) == 14
    assert _application_id(old_journal) == opening.APPLICATION_ID


def test_a_newer_journal_of_ours_says_newer(cli, journal_file):
    cli.ok("add", "-l", "up", "x")
    with contextlib.closing(sqlite3.connect(journal_file)) as conn:
        conn.execute("PRAGMA user_version = 999")
    result = cli("add", "-l", "up", "y")
    assert result.exit_code == 1 and "newer fourlooks" in result.stderr


# 22 ------------------------------------------------------------------------------------

READING = (
    ["list"],
    ["show", "ENTRY"],
    ["search", "entry"],
    ["status"],
    ["report"],
    ["export", "-f", "json"],
    ["check"],
)


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    """Four entries, written by four commands as a person would."""
    path = tmp_path / "j" / "journal.db"
    for look in ("back", "up", "down", "ahead"):
        assert run(path, "add", "-l", look, f"entry {look}").returncode == 0
    return path


def _first_id(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT id FROM entries ORDER BY created_at").fetchone()[0]


def _reads_all(path: Path, preexec) -> None:
    entry = _first_id(path)
    for args in READING:
        args = [entry if a == "ENTRY" else a for a in args]
        done = run(path, *args, preexec=preexec)
        assert done.returncode == 0, (args, done.stderr)
        assert done.stderr == "" or args[0] == "status", (args, done.stderr)
        assert "NOT OK" not in done.stdout
    exported = json.loads(run(path, "export", "-f", "json", preexec=preexec).stdout)
    assert len(exported["entries"]) == 4


def test_a_read_only_journal_can_be_read_whole(journal):
    before = dump(journal)
    journal.chmod(0o400)
    try:
        _reads_all(journal, _as_a_user)
        added = run(journal, "add", "-l", "up", "not stored", preexec=_as_a_user)
    finally:
        journal.chmod(0o600)
    one_line_error(added, "permission denied", "nothing was changed")
    assert dump(journal) == before


def test_a_journal_in_a_read_only_folder_can_be_read_whole(journal):
    before = dump(journal)
    journal.parent.chmod(0o500)
    try:
        _reads_all(journal, _as_a_user)
        added = run(journal, "add", "-l", "up", "not stored", preexec=_as_a_user)
    finally:
        journal.parent.chmod(0o700)
    one_line_error(added, "read-only", "nothing was changed")
    assert dump(journal) == before


def test_a_journal_on_a_full_disk_can_be_read_whole(journal):
    before = dump(journal)
    full = _limit(4096, killed=False)  # not even the -shm file can be made
    _reads_all(journal, full)
    added = run(journal, "add", "-l", "up", "not stored", preexec=full)
    one_line_error(added, "cannot write", "nothing was changed")
    assert dump(journal) == before


# 23 ------------------------------------------------------------------------------------


def test_backup_and_check_while_another_terminal_creates_the_journal(cli, tmp_path):
    messages: list[str] = []
    for round_ in range(3):
        path = tmp_path / f"new{round_}" / "journal.db"
        creator = subprocess.Popen(
            [sys.executable, "-m", "fourlooks", "--db", str(path), "add", "-l", "up", "first"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while creator.poll() is None and time.monotonic() < deadline:
            for args in (["check"], ["backup", "--force", str(tmp_path / "copy.db")]):
                result = cli("--db", str(path), *args)
                messages.append(result.output)
        assert creator.wait(timeout=30) == 0
    assert messages, "the journals were created before any check ran"
    assert not [m for m in messages if "not a fourlooks journal" in m]
    assert not [m for m in messages if "NOT OK" in m]
