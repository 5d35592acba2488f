"""A write the system refuses leaves the journal as it was, and says so in one line.

The disk is "full" through RLIMIT_FSIZE in a child process (with SIGXFSZ ignored, the OS
refuses to grow any file past the limit). Permissions are real chmods; tests run as root
in CI, where chmod alone stops nothing, so the child also drops CAP_DAC_OVERRIDE and
CAP_DAC_READ_SEARCH from its capability bounding set and meets permissions as a user does.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from journal_builder import copy_journal

PR_CAPBSET_DROP = 24
DAC_CAPABILITIES = (1, 2)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    return apply


def _as_a_user() -> None:
    """In the child: give up root's power to ignore file permissions (no-op for a user)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in DAC_CAPABILITIES:
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            os._exit(97)  # the parent skips: this system does not let root drop them


def run(journal: Path, *args: str, preexec=None, input: str | None = None, as_home=False):
    """fourlooks on `journal`, named by --db or (as_home) found in its FOURLOOKS_HOME."""
    env = {**os.environ, "FOURLOOKS_NOW": "2026-11-26T21:00:00"}
    if as_home:
        assert journal.name == "journal.db"
        env["FOURLOOKS_HOME"] = str(journal.parent)
    done = subprocess.run(
        [sys.executable, "-m", "fourlooks", *([] if as_home else ["--db", str(journal)]), *args],
        capture_output=True,
        text=True,
        input=input,
        preexec_fn=preexec,
        env=env,
        timeout=60,
    )
    if done.returncode == 97 and preexec is _as_a_user:
        pytest.skip("cannot drop root's file-permission capabilities here")
    return done


def dump(path: Path) -> dict[str, list]:
    """Every row of every table: what 'as it was' means."""
    # A plain connection, the last to close, removes the -wal/-shm files it opened.
    with contextlib.closing(sqlite3.connect(path)) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall()) for t in tables}


def integrity(path: Path) -> list:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchall()


def one_line_error(done, *words: str) -> None:
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("fourlooks: "), done.stderr
    assert "Traceback" not in done.stderr
    for word in words:
        assert word in lines[0]


@pytest.fixture(scope="module")
def four_entries(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal of four entries, added by the command, once for the module; only copied."""
    path = tmp_path_factory.mktemp("four") / "journal.db"
    for n, look in enumerate(("back", "up", "down", "ahead")):
        assert run(path, "add", "-l", look, "-t", "kept", f"entry {n} 保留").returncode == 0
    assert not Path(f"{path}-wal").exists()  # the last process to close wrote the WAL back
    return path


@pytest.fixture
def journal(tmp_path: Path, four_entries: Path) -> Path:
    return copy_journal(four_entries, tmp_path / "j" / "journal.db")


def test_a_full_disk_refuses_the_entry_and_keeps_the_journal(journal):
    before = dump(journal)
    big = "一天的反思 reflection " * 20_000  # ~500 kB: the WAL must grow far past the limit
    done = run(journal, "add", "-l", "up", "-", input=big, preexec=_file_size_limit(32_768))
    one_line_error(done, "cannot write", "nothing was changed")
    assert dump(journal) == before
    assert integrity(journal) == [("ok",)]
    assert run(journal, "add", "-l", "up", "after the disk was freed").returncode == 0
    assert len(dump(journal)["entries"]) == 5


def test_a_full_disk_on_the_first_write_leaves_a_journal_that_works_later(tmp_path):
    path = tmp_path / "new" / "journal.db"
    done = run(path, "add", "-l", "back", "first words", preexec=_file_size_limit(16_384))
    one_line_error(done, "cannot write")
    assert run(path, "add", "-l", "back", "first words").returncode == 0
    assert [row[3] for row in dump(path)["entries"]] == ["first words"]


def test_a_full_disk_during_backup_leaves_no_copy_and_the_journal_as_it_was(journal, tmp_path):
    before = dump(journal)
    target = tmp_path / "backups"
    target.mkdir()
    done = run(journal, "backup", str(target), preexec=_file_size_limit(32_768))
    one_line_error(done, "cannot write the backup")
    assert list(target.iterdir()) == []
    assert dump(journal) == before


def test_a_read_only_journal_refuses_a_write_and_keeps_its_content(journal):
    before = dump(journal)
    journal.chmod(0o400)
    try:
        done = run(journal, "add", "-l", "down", "not stored", preexec=_as_a_user)
    finally:
        journal.chmod(0o600)
    one_line_error(done, "permission denied")
    assert dump(journal) == before


def test_an_unreadable_journal_is_an_error(journal):
    journal.chmod(0)
    try:
        done = run(journal, "list", preexec=_as_a_user, as_home=True)
    finally:
        journal.chmod(0o600)
    one_line_error(done, "permission denied")
    assert len(dump(journal)["entries"]) == 4


def test_a_read_only_folder_refuses_a_write_and_keeps_the_journal(journal):
    before = dump(journal)
    assert sorted(p.name for p in journal.parent.iterdir()) == ["journal.db"]
    journal.parent.chmod(0o500)
    try:
        done = run(journal, "add", "-l", "down", "not stored", preexec=_as_a_user)
        new = run(journal.parent / "other.db", "add", "-l", "up", "x", preexec=_as_a_user)
    finally:
        journal.parent.chmod(0o700)
    one_line_error(done, "read-only", "nothing was changed")
    one_line_error(new, "cannot create journal")
    assert dump(journal) == before
    assert not (journal.parent / "other.db").exists()


def test_a_backup_into_a_read_only_folder_says_so(journal, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    try:
        done = run(journal, "backup", str(folder), preexec=_as_a_user)
    finally:
        folder.chmod(0o700)
    one_line_error(done, "cannot write", str(folder))
    assert list(folder.iterdir()) == []


def test_a_backup_in_a_read_only_folder_can_be_read_but_not_written(journal, tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    copy = folder / "copy.db"
    assert run(journal, "backup", str(copy)).returncode == 0
    before = dump(copy)
    folder.chmod(0o500)
    try:
        listed = run(copy, "list", preexec=_as_a_user)
        added = run(copy, "add", "-l", "up", "not stored", preexec=_as_a_user)
    finally:
        folder.chmod(0o700)
    assert listed.returncode == 0, listed.stderr
    assert "entry 3 保留" in listed.stdout
    one_line_error(added, "read-only", "nothing was changed")
    assert dump(copy) == before
