"""Text typed into $EDITOR survives a save that fails: checked before, kept after."""

from __future__ import annotations

import os
import resource
import signal
import stat
import sys
from pathlib import Path

import pexpect
import pytest

from pty_harness import environment
from test_faults import _as_a_user

# Long enough that storing it (the row and its search index) outgrows the "disk" below,
# while a file of the text alone still fits.
TYPED = " ".join(f"word{n} typed in the editor" for n in range(800))
FULL = 36_864  # the -shm file (32 KiB) fits; the WAL frames for TYPED do not


def _editor(tmp_path: Path) -> str:
    """An $EDITOR that writes TYPED into the file and notes that it ran."""
    script = tmp_path / "editor.sh"
    marker = tmp_path / "editor-ran"
    script.write_text(f'#!/bin/sh\ntouch "{marker}"\nprintf "%s\\n" "{TYPED}" > "$1"\n')
    script.chmod(0o700)
    return str(script)


def _disk_full_after(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    return apply


def _on_a_terminal(*args: str, env: dict, preexec) -> tuple[int, str]:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "fourlooks", *args],
        env=environment(env),
        encoding="utf-8",
        timeout=60,
        preexec_fn=preexec,
    )
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, child.before.replace("\r\n", "\n")


def _kept_file(screen: str) -> Path:
    [line] = [line for line in screen.splitlines() if "what you typed is kept in" in line]
    return Path(line.rsplit(" ", 1)[1])


def _texts(cli) -> list[str]:
    return [entry["text"] for entry in cli.json("list", "--json", "-n", "0")]


def test_a_failed_save_keeps_what_was_typed_in_a_private_file(cli, journal_file, tmp_path):
    cli.ok("add", "--look", "back", "already here")
    env = {"EDITOR": _editor(tmp_path), "TMPDIR": str(tmp_path)}
    status, screen = _on_a_terminal("add", "-l", "back", env=env, preexec=_disk_full_after(FULL))
    assert status == 1, screen
    assert "cannot write" in screen
    kept = _kept_file(screen)
    assert kept.read_text() == TYPED + "\n"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    assert kept.parent == journal_file.parent / "recovered"
    assert _texts(cli) == ["already here"]


def test_a_failed_edit_keeps_the_new_text(cli, journal_file, tmp_path):
    entry = cli.ok("add", "--look", "back", "the first version").stdout.strip()
    env = {"EDITOR": _editor(tmp_path), "TMPDIR": str(tmp_path)}
    status, screen = _on_a_terminal("edit", entry, env=env, preexec=_disk_full_after(FULL))
    assert status == 1, screen
    assert _kept_file(screen).read_text() == TYPED + "\n"
    assert _texts(cli) == ["the first version"]


def test_the_editor_does_not_open_on_a_journal_that_cannot_be_written(cli, journal_file, tmp_path):
    cli.ok("add", "--look", "back", "already here")
    env = {"EDITOR": _editor(tmp_path), "TMPDIR": str(tmp_path)}
    journal_file.chmod(0o400)
    try:
        status, screen = _on_a_terminal("add", "-l", "back", env=env, preexec=_as_a_user)
    finally:
        journal_file.chmod(0o600)
    if status == 97:
        pytest.fail("this system does not let root give up its file-permission capabilities")
    assert status == 1, screen
    assert "permission denied" in screen or "read-only" in screen
    assert not (tmp_path / "editor-ran").exists()
    assert _texts(cli) == ["already here"]


def test_when_nothing_can_be_kept_beside_the_journal_the_text_goes_to_the_temporary_folder(
    cli, journal_file, tmp_path
):
    cli.ok("add", "--look", "back", "already here")
    (journal_file.parent / "recovered").write_text("a file where the folder would go")
    env = {"EDITOR": _editor(tmp_path), "TMPDIR": str(tmp_path)}
    status, screen = _on_a_terminal("add", "-l", "back", env=env, preexec=_disk_full_after(FULL))
    assert status == 1, screen
    kept = _kept_file(screen)
    assert kept.parent == tmp_path / f"fourlooks-{os.getuid()}-recovered"
    assert kept.read_text() == TYPED + "\n"


def test_a_review_answer_that_cannot_be_saved_is_kept(cli, journal_file, tmp_path):
    cli.ok("add", "--look", "back", "already here")
    lines = [" ".join(f"w{n}x{m}" for m in range(300)) for n in range(10)]  # ~20 KB, short lines
    child = pexpect.spawn(
        sys.executable,
        ["-m", "fourlooks", "review"],
        env=environment({"TMPDIR": str(tmp_path)}),
        encoding="utf-8",
        timeout=60,
        preexec_fn=_disk_full_after(FULL),
        dimensions=(50, 200),
    )
    child.expect_exact("[1/")
    child.expect_exact("> ")
    for line in lines:
        child.sendline(line)
        child.expect_exact("> ")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    screen = child.before.replace("\r\n", "\n")
    assert child.exitstatus == 1, screen
    kept = _kept_file(screen)
    assert kept.read_text().endswith("\n".join(lines) + "\n")
    assert [e["text"] for e in cli.json("list", "--json")] == ["already here"]
