"""Edits on a machine whose clock is behind still win the merge: stamps never go backwards."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

FAST = "2030-01-01T00:00:00.000000+00:00"  # machine A's clock runs years ahead


def _stamp_everything_fast(db: Path) -> None:
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE entries SET updated_at = ?", (FAST,))
        conn.execute("UPDATE tasks SET updated_at = ?", (FAST,))


def test_an_edit_made_under_a_slow_clock_reaches_the_other_machine(cli, tmp_path):
    a = {"FOURLOOKS_DB": str(tmp_path / "a.db")}
    b = {"FOURLOOKS_DB": str(tmp_path / "b.db")}
    cli.ok("add", "--look", "back", "first draft", env=a)
    cli.ok("task", "add", "Budget draft", env=a)
    _stamp_everything_fast(tmp_path / "a.db")
    cli.ok("export", "-o", str(tmp_path / "a.json"), env=a)

    cli.ok("import", str(tmp_path / "a.json"), env=b)
    [entry] = cli.json("list", "--json", env=b)
    cli.ok("edit", entry["id"], "--text", "second draft, edited on B", env=b)
    [task] = cli.json("task", "list", "--json", env=b)
    cli.ok("task", "close", task["id"], env=b)
    [edited] = cli.json("list", "--json", env=b)
    assert edited["updated_at"] > FAST

    cli.ok("export", "-o", str(tmp_path / "b.json"), env=b)
    cli.ok("import", str(tmp_path / "b.json"), env=a)
    [merged] = cli.json("list", "--json", env=a)
    assert merged["text"] == "second draft, edited on B"
    assert cli.json("task", "list", "--json", "--all", env=a)[0]["closed_at"] is not None
