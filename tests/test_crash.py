"""Writers killed with SIGKILL at random moments lose nothing they acknowledged.

A writer process runs fourlooks commands in-process, one after another, and prints
`ack N` once command N has returned with exit 0: that is the moment a user sees the
command finish. The test kills it at a random moment, many times (each round a new writer,
forked from one that has imported fourlooks), then checks that every
acknowledged write is there whole, that no write is there in part, and that SQLite finds
the file sound. Writers are pluggable: a Writer says which command it needs, how to build
its N-th command line, and which rows that command must leave (all of them, or none).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import random
import re
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from fourlooks import store
from fourlooks.cli import app
from fourlooks.model import Look
from fourlooks.store import entries

# Kills per writer: enough to land inside transactions many times, bounded for CI.
KILLS = int(os.environ.get("FOURLOOKS_CRASH_KILLS", "20"))

# The writer imports fourlooks once, then forks one writer process per round: a round then
# costs its writes, not an interpreter's start-up. Each forked writer opens the journal
# itself, like any new process; the parent never opens it. It reaps a writer only when told,
# so the test's SIGKILL can never reach a process that has reused the writer's pid.
WRITER_SCRIPT = r"""
import importlib, json, os, sys, traceback
from fourlooks.cli import COMMANDS, app
commands = json.load(open(sys.argv[1], encoding="utf-8"))
importlib.import_module(COMMANDS[commands[0][0]].module)  # every writer has it loaded

def write(start, stop):
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # the requests are not the commands' input
    sys.stdin = open(os.devnull, encoding="utf-8")
    print(f"writer {os.getpid()}", flush=True)
    for n in range(start, stop):
        code = app(commands[n], prog_name="fourlooks", standalone_mode=False)
        if code == 0:
            print(f"ack {n}", flush=True)
        else:
            print(f"failed {n} {code}", flush=True)

print("ready", flush=True)
while request := sys.stdin.readline():
    pid = os.fork()
    if pid == 0:
        status = 0
        try:
            write(*map(int, request.split()))
        except BaseException:
            traceback.print_exc()
            status = 1
        print("exit", flush=True)
        sys.stderr.flush()
        os._exit(status)
    assert sys.stdin.readline() == "reap\n"
    os.waitpid(pid, 0)
    print("ended", flush=True)
"""

ACK = re.compile(r"ack ([0-9]+)")
# Far above any write (the busy timeout is 15 s): only a writer that is stuck gets there.
LINE_TIMEOUT = 120

# A row a command must leave: (text, tags); tags sorted and comma-joined.
Row = tuple[str, str]


@dataclass(frozen=True)
class Writer:
    name: str
    command: str  # the fourlooks command it runs: the test fails if it is gone
    build: Callable[[int, Path], list[str]]  # command line of write N (may write files)
    rows: Callable[[int], list[Row]]  # what write N leaves in the journal when it is done
    # All or nothing (one transaction), or row by row (a review keeps each answer given).
    atomic: bool = True


def _text(n: int) -> str:
    # Long enough to span several database pages, so half a write would show.
    return f"[write {n}] " + "经常性反思 looking back at the day; " * 120 + f"[end {n}]"


def _add_args(n: int, folder: Path) -> list[str]:
    look = ("back", "up", "down", "ahead")[n % 4]
    return ["add", "--look", look, "--date", "2026-11-26", "-t", f"w{n}", "-t", "crash", _text(n)]


def _add_rows(n: int) -> list[Row]:
    return [(_text(n), ",".join(sorted(["crash", f"w{n}"])))]


def _import_args(n: int, folder: Path) -> list[str]:
    """A fourlooks JSON file of three entries: an import is all or nothing."""
    path = folder / f"import-{n}.json"
    stamp = "2026-11-26T20:00:00.000000+00:00"
    entries = [
        {
            "id": f"{n:08x}-0000-4000-8000-{k:012x}",
            "date": "2026-11-20",
            "look": "up",
            "text": f"{_text(n)} part {k}",
            "tags": ["crash", f"w{n}"],
            "cadence": None,
            "question_id": None,
            "review_id": None,
            "task_id": None,
            "rating": None,
            "choice": None,
            "commitment_id": None,
            "created_at": stamp,
            "updated_at": stamp,
        }
        for k in range(3)
    ]
    document = {"format": "fourlooks", "version": 1, "entries": entries, "tasks": [], "reviews": []}
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return ["import", str(path)]


def _import_rows(n: int) -> list[Row]:
    return [(f"{_text(n)} part {k}", ",".join(sorted(["crash", f"w{n}"]))) for k in range(3)]


def _daily_questions() -> list[str]:
    from fourlooks import questions
    from fourlooks.model import Cadence

    return [q.id for q in questions.for_cadence(questions.load("en", None), Cadence.DAILY)]


def _review_args(n: int, folder: Path) -> list[str]:
    """A whole daily review of its own day, answered from a file (`--answers`)."""
    path = folder / f"answers-{n}.json"
    answers = {question: f"{_text(n)} {question}" for question in _daily_questions()}
    path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    day = (dt.date(2026, 11, 26) - dt.timedelta(days=n)).isoformat()
    return ["review", "--full", "--date", day, "--answers", str(path)]


def _review_rows(n: int) -> list[Row]:
    return [(f"{_text(n)} {question}", "") for question in _daily_questions()]


WRITERS = [
    Writer("add", "add", _add_args, _add_rows),
    Writer("import", "import", _import_args, _import_rows),
    Writer("review", "review", _review_args, _review_rows, atomic=False),
]


def available_commands() -> set[str]:
    from typer.main import get_command

    return set(get_command(app).commands)


def _journal_rows(path: Path) -> Counter[Row]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        rows = conn.execute(
            "SELECT e.text, coalesce((SELECT group_concat(tag, ',') FROM"
            " (SELECT tag FROM entry_tags WHERE entry_id = e.id ORDER BY tag)), '')"
            " FROM entries e"
        ).fetchall()
    return Counter(rows)


def _acknowledged(line: str) -> int | None:
    """The number of the write a writer's line acknowledges, or None for any other line."""
    match = ACK.fullmatch(line.strip())
    return int(match[1]) if match else None


class Writers:
    """The writer process: each round, one forked writer runs its slice of the commands."""

    def __init__(self, script: Path, commands: Path, env: dict):
        # Its stderr goes to a file, not a pipe: a pipe nobody reads until the end would
        # block the writer once it filled, while the test waits on its stdout.
        self.errors = (script.parent / "writer-stderr.txt").open("w+", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, str(script), str(commands)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            env=env,
        )
        self.pending = b""
        assert self._line() == "ready", self._stderr()

    def _stderr(self) -> str:
        self.errors.flush()
        self.errors.seek(0)
        return self.errors.read()

    def _line(self) -> str:
        """The writer's next line; a writer silent for LINE_TIMEOUT fails the test, not hangs it.

        Read from the descriptor itself: select() cannot see lines a file object buffered."""
        while b"\n" not in self.pending:
            fd = self.process.stdout.fileno()
            if not select.select([fd], [], [], LINE_TIMEOUT)[0]:
                self.process.kill()
                raise AssertionError(f"the writer was silent {LINE_TIMEOUT} s: {self._stderr()}")
            chunk = os.read(fd, 65536)
            assert chunk, f"the writer process died: {self._stderr()}"
            self.pending += chunk
        line, self.pending = self.pending.split(b"\n", 1)
        return line.decode("utf-8").strip()

    def _send(self, line: str) -> None:
        self.process.stdin.write(f"{line}\n".encode())
        self.process.stdin.flush()

    def run_and_kill(self, start: int, stop: int, acks: int, delay: float) -> list[str]:
        """Run commands start..stop; after `acks` acknowledgements and `delay` more seconds,
        kill the writer. Counting acknowledgements, not seconds, keeps this meaningful on a
        loaded machine. Returns every line the writer printed."""
        self._send(f"{start} {stop}")
        first = self._line()
        assert first.startswith("writer "), first
        pid = int(first.split()[1])
        seen: list[str] = []
        # The commands print their own lines (`add` its id, `import` its counts) between
        # the acknowledgements: count the acknowledgements alone, until the writer ends.
        while sum(_acknowledged(line) is not None for line in seen) < acks:
            seen.append(self._line())
            if seen[-1] == "exit":  # it ran its whole slice, or failed
                break
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)  # not reaped yet: the pid is still the writer's
        self._send("reap")
        while (line := self._line()) != "ended":
            seen.append(line)
        return seen

    def close(self) -> str:
        """Stop the writer process; what it wrote on stderr."""
        try:
            self.process.communicate(timeout=30)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
        err = self._stderr()
        self.errors.close()
        return err


def _round(writers: Writers, start: int, per_round: int, rng: random.Random):
    # Kill after a few writes, at a random moment of the next ones (a write takes some
    # milliseconds, mostly in fsync); now and then right after the writer starts.
    acks = rng.choice([0, 1, 2, 3])
    delay = rng.uniform(0.0, 0.05)
    # Each round has its own slice of commands: on a slow machine a writer that outruns
    # the kill must not run the next round's commands twice.
    return start, writers.run_and_kill(start, start + per_round, acks, delay)


@pytest.mark.slow
@pytest.mark.parametrize("writer", WRITERS, ids=lambda w: w.name)
def test_killed_writers_lose_nothing_acknowledged_and_leave_nothing_half_written(
    writer: Writer, tmp_path: Path, home: Path
):
    assert writer.command in available_commands(), f"`fourlooks {writer.command}` is gone"
    seed = int(os.environ.get("FOURLOOKS_CRASH_SEED", time.time_ns() % 10**6))
    rng = random.Random(seed)
    journal_path = home / "journal.db"
    script = tmp_path / "writer.py"
    script.write_text(WRITER_SCRIPT, encoding="utf-8")
    per_round = 12  # more commands than a writer can finish before it is killed
    commands = [writer.build(n, tmp_path) for n in range(KILLS * per_round)]
    commands_file = tmp_path / "commands.json"
    commands_file.write_text(json.dumps(commands, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "FOURLOOKS_HOME": str(home), "FOURLOOKS_NOW": "2026-11-26T21:00:00"}

    acked: set[int] = set()
    attempted: set[int] = set()
    writers = Writers(script, commands_file, env)
    try:
        rounds = [_round(writers, kill * per_round, per_round, rng) for kill in range(KILLS)]
    finally:
        err = writers.close()
    assert "Traceback" not in err, err
    for start, lines in rounds:
        assert not [line for line in lines if line.startswith("failed")], (seed, lines)
        done = {n for n in map(_acknowledged, lines) if n is not None}
        acked |= done
        # The command after the last acknowledged one may have been in flight.
        attempted |= done | {max(done, default=start - 1) + 1}

    assert len(acked) >= KILLS // 2, f"seed {seed}: too few writes finished to test anything"
    found = _journal_rows(journal_path)
    for n in sorted(attempted):
        expected = Counter(writer.rows(n))
        present = found & expected
        if n in acked:
            assert present == expected, f"seed {seed}: acknowledged write {n} is missing"
        elif writer.atomic:
            assert present in (expected, Counter()), f"seed {seed}: write {n} is in part"
    unexpected = found - sum((Counter(writer.rows(n)) for n in attempted), Counter())
    assert not unexpected, f"seed {seed}: rows that no write made, or half-written: {unexpected}"
    with contextlib.closing(sqlite3.connect(journal_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.slow
def test_a_killed_backup_never_leaves_a_half_written_copy(cli, tmp_path: Path, home: Path):
    # Written in one transaction: the journal is what is backed up, not how it was written.
    with store.open_journal(home / "journal.db") as journal, journal.write():
        for n in range(200):
            entries.add(journal, date="2026-11-26", look=Look.UP, text=_text(n), tags=["bulk"])
    target = tmp_path / "copy.db"
    env = {**os.environ, "FOURLOOKS_HOME": str(home)}
    rng = random.Random(int(os.environ.get("FOURLOOKS_CRASH_SEED", "7")))
    for _ in range(8):
        target.unlink(missing_ok=True)
        child = subprocess.Popen(
            [sys.executable, "-m", "fourlooks", "backup", str(target)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        time.sleep(rng.uniform(0.1, 0.5))
        child.kill()
        child.wait()
        if target.exists():
            with contextlib.closing(sqlite3.connect(target)) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 200
    assert cli.json("check", "--json")["ok"] is True
