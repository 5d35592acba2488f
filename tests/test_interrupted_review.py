"""A review interrupted by Ctrl-C, SIGTERM, a closed terminal or EOF keeps every answer given.

Runs the real `fourlooks review` in a pseudo-terminal. The test knows nothing of the
review's screens: it types an answer, waits until that answer is in the journal (each
answer is stored as it is given), types a second, then interrupts.
"""

from __future__ import annotations

import contextlib
import signal
import sqlite3
import time
from pathlib import Path

import pexpect
import pytest

from pty_harness import TIMEOUT, spawn, stop

pytestmark = pytest.mark.slow


def _texts(path: Path) -> set[str]:
    if not path.exists():
        return set()
    with contextlib.closing(sqlite3.connect(path, timeout=15)) as conn:
        try:
            return {row[0] for row in conn.execute("SELECT text FROM entries")}
        except sqlite3.OperationalError:  # not created yet
            return set()


def _answer(child, journal: Path, text: str, timeout: float = TIMEOUT) -> None:
    """Type one answer and wait until it is stored.

    An empty line follows it: a review whose answers end with an empty line needs it, and
    one that takes single lines reads it as a skip of the next question, which is harmless.
    """
    child.sendline(text)
    child.sendline("")
    deadline = time.monotonic() + timeout
    while text not in _texts(journal):
        if time.monotonic() > deadline:
            pytest.fail(f"answer {text!r} was never stored; screen:\n{child.before}")
        with contextlib.suppress(pexpect.TIMEOUT, pexpect.EOF):
            child.expect(r"\S", timeout=0.2)


def _interrupt(child, how: str) -> None:
    if how == "sighup":
        child.close(force=False)  # the terminal goes away: the kernel sends SIGHUP
        return
    if how == "eof":
        child.sendeof()
        with contextlib.suppress(pexpect.TIMEOUT, pexpect.EOF):
            child.expect(pexpect.EOF, timeout=TIMEOUT)
    else:
        stop(child, getattr(signal, how.upper()))  # leaves what it printed in child.before
    child.close(force=True)


@pytest.mark.parametrize("how", ["sigint", "sigterm", "sighup", "eof"])
def test_an_interrupted_review_keeps_every_answer_given(how, home: Path):
    journal = home / "journal.db"
    child = spawn("review", width=100)
    try:
        first, second = f"first answer before {how} 第一", f"second answer before {how} 第二"
        _answer(child, journal, first)
        _answer(child, journal, second)
        _interrupt(child, how)
    finally:
        if child.isalive():
            child.close(force=True)
    assert {first, second} <= _texts(journal)
    assert "Traceback" not in (child.before or "")
    with contextlib.closing(sqlite3.connect(journal)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
