"""fourlooks at either end of a shell pipe: a reader that leaves early is not an error to report."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def _journal_with_entries(cli, tmp_path, count: int = 300) -> None:
    entries = [
        {
            "title": f"Entry {n}",
            "body": "words " * 200,
            "date": "2026-11-01",
            "time": "09:00",
            "tags": [],
            "starred": False,
        }
        for n in range(count)
    ]
    source = tmp_path / "many.json"
    source.write_text(json.dumps({"tags": {}, "entries": entries}))
    cli.ok("import", str(source), "--look", "back")


def _run_and_leave(args: list[str], home) -> subprocess.CompletedProcess:
    """`fourlooks ARGS | head -c 100`: read a little, then close the pipe."""
    env = {**os.environ, "FOURLOOKS_HOME": str(home), "NO_COLOR": "1"}
    child = subprocess.Popen(
        [sys.executable, "-m", "fourlooks", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert os.read(child.stdout.fileno(), 100)
    child.stdout.close()
    stderr = child.stderr.read()
    child.wait(timeout=60)
    return subprocess.CompletedProcess(args, child.returncode, b"", stderr)


def test_a_reader_that_leaves_early_gets_no_error_message(cli, home, tmp_path):
    _journal_with_entries(cli, tmp_path)
    for args in (["export"], ["export", "-f", "json"]):
        done = _run_and_leave(args, home)
        assert done.stderr == b"", (args, done.stderr)
        assert done.returncode == 1, args
