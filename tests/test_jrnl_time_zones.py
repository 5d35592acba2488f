"""A jrnl file read again under another time zone changes nothing (jrnl stores no zone)."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def _import(path, home, zone: str) -> dict:
    env = {**os.environ, "FOURLOOKS_HOME": str(home), "TZ": zone}
    done = subprocess.run(
        [sys.executable, "-m", "fourlooks", "import", str(path), "--json"],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_reimporting_under_another_zone_keeps_every_entry_as_it_was(cli, home, tmp_path):
    source = tmp_path / "jrnl.json"
    entries = [
        {"title": f"Day {n}", "body": "", "date": "2026-11-2" + str(n), "time": "09:30",
         "tags": [], "starred": False}
        for n in range(3)
    ]  # fmt: skip
    source.write_text(json.dumps({"tags": {}, "entries": entries}))
    first = _import(source, home, "Asia/Shanghai")
    assert first["entries"]["added"] == 3
    before = cli.json("list", "--json", "-n", "0")
    again = _import(source, home, "America/New_York")
    assert again["entries"] == {"added": 0, "updated": 0, "skipped": 3}
    assert cli.json("list", "--json", "-n", "0") == before
