"""Several processes writing at once: every entry arrives; nobody sees "database is locked"."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

# Each process opens the journal itself (the first ones race to create it), waits for the
# shared start time, then adds its entries one transaction each, as separate commands would.
STORE_WRITER = r"""
import sys, time
from pathlib import Path
from fourlooks import store
from fourlooks.model import Look
from fourlooks.store import entries
path, worker, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
start_at = float(sys.argv[4])
time.sleep(max(0.0, start_at - time.time()))
looks = list(Look)
with store.open_journal(path) as journal:
    for n in range(count):
        entries.add(journal, date="2026-11-26", look=looks[n % 4], text=f"w{worker} n{n} 并发",
                    tags=[f"w{worker}"])
print("done", flush=True)
"""


def _entries(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM entries")]


@pytest.mark.slow
def test_four_processes_adding_200_each_through_the_store(tmp_path: Path):
    path = tmp_path / "fresh" / "journal.db"  # does not exist yet: creating it is raced too
    script = tmp_path / "writer.py"
    script.write_text(STORE_WRITER, encoding="utf-8")
    start_at = time.time() + 1.0  # after every interpreter has started
    workers = [
        subprocess.Popen(
            [sys.executable, str(script), str(path), str(worker), "200", str(start_at)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for worker in range(4)
    ]
    results = [worker.communicate(timeout=120) for worker in workers]
    for worker, (out, err) in zip(workers, results, strict=True):
        assert worker.returncode == 0, err
        assert err == ""
        assert out.strip() == "done"
    texts = _entries(path)
    assert len(texts) == 800
    assert set(texts) == {f"w{w} n{n} 并发" for w in range(4) for n in range(200)}
    with contextlib.closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert not list(path.parent.glob("*.bak")), "a fresh journal needs no pre-migration copy"


@pytest.mark.slow
def test_four_terminals_adding_25_each_through_the_cli(tmp_path: Path, home: Path):
    env = {**os.environ, "FOURLOOKS_HOME": str(home)}

    def terminal(worker: int) -> list[tuple[int, str, str]]:
        outcomes = []
        for n in range(25):
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "fourlooks",
                    "add",
                    "-l",
                    "up",
                    "-t",
                    f"t{worker}",
                    f"terminal {worker} entry {n}",
                ],
                capture_output=True,
                text=True,
                env=env,
                timeout=60,
            )
            outcomes.append((done.returncode, done.stdout, done.stderr))
        return outcomes

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = [o for batch in pool.map(terminal, range(4)) for o in batch]
    failures = [(code, err) for code, _, err in outcomes if code != 0 or err]
    assert failures == []
    assert not any("locked" in err or "busy" in err for _, _, err in outcomes)
    assert all(len(out.strip()) >= 8 for _, out, _ in outcomes)  # each printed its id
    expected = {f"terminal {w} entry {n}" for w in range(4) for n in range(25)}
    texts = _entries(home / "journal.db")
    assert sorted(texts) == sorted(expected)
