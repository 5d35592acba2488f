"""A large import lets other terminals write while it runs, and a dry run waits for no one."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time

from fourlooks import store
from fourlooks.formats import fourlooks_json
from fourlooks.store import entries
from fourlooks.store import transfer as merging
from test_bulk_import import make_entries

# Enough entries that one transaction holds the lock several times longer than the adds
# below wait (SHORT_WAIT), while one batch takes a fraction of it (~0.1-0.2 s measured).
LARGE = 60 * merging.BATCH_ENTRIES
SHORT_WAIT = 0.6
# An `add` that waits SHORT_WAIT on the lock instead of 15 s, and is otherwise the real one.
ADD = (
    "import sys; from fourlooks import store; store.BUSY_TIMEOUT_SECONDS = float(sys.argv[1]);"
    " sys.argv[1:] = sys.argv[2:]; from fourlooks.cli import main; main()"
)


def write_export(path, records) -> None:
    path.write_text("".join(fourlooks_json.dump(records, (), ())), encoding="utf-8")


def test_an_add_during_a_large_import_gets_in(tmp_path, journal_file):
    export = tmp_path / "large.json"
    write_export(export, make_entries(LARGE, seed=3))
    store.open_journal(journal_file).close()
    env = {**os.environ, "FOURLOOKS_DB": str(journal_file), "PYTHONUNBUFFERED": "1"}
    importing = subprocess.Popen(
        [sys.executable, "-m", "fourlooks", "import", str(export)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    adds, failures, during = 0, [], 0
    deadline = time.monotonic() + 120
    while importing.poll() is None and time.monotonic() < deadline:
        added = subprocess.run(
            [sys.executable, "-c", ADD, str(SHORT_WAIT), "add", "-l", "back", f"meanwhile {adds}"],
            env=env,
            capture_output=True,
            text=True,
        )
        adds += 1
        if added.returncode != 0:
            failures.append(added.stderr.strip())
        elif importing.poll() is None:
            during += 1
    out, err = importing.communicate(timeout=120)
    assert importing.returncode == 0, err
    assert failures == []
    assert during >= 1  # the adds did run while the import was writing
    assert "batches" in out and "again" in out
    with store.open_journal(journal_file) as journal:
        assert entries.count(journal) == LARGE + adds


def test_a_dry_run_completes_while_another_terminal_holds_the_write_lock(
    cli, tmp_path, journal_file, monkeypatch
):
    export = tmp_path / "some.json"
    write_export(export, make_entries(3))
    store.open_journal(journal_file).close()
    monkeypatch.setattr(store, "BUSY_TIMEOUT_SECONDS", SHORT_WAIT)
    holder = sqlite3.connect(journal_file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = cli("import", "--dry-run", str(export))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 0, result.output
    assert "entries:  3 would be added" in result.output
    with store.open_journal(journal_file) as journal:
        assert entries.count(journal) == 0


def test_a_large_dry_run_counts_as_the_import_then_does(cli, tmp_path, journal_file):
    export = tmp_path / "large.json"
    write_export(export, make_entries(2 * merging.BATCH_ENTRIES + 5, seed=4))
    dry = cli("import", "--dry-run", "--json", str(export))
    real = cli("import", "--json", str(export))
    assert dry.exit_code == real.exit_code == 0
    assert dry.output.replace('"dry_run": true', '"dry_run": false') == real.output
    assert '"added": 2005' in real.output
    again = cli("import", str(export))
    assert "0 added, 0 updated, 2005 already there" in again.output


def test_follow_ups_before_their_look_ahead_entries_import_across_batches(cli, tmp_path):
    import dataclasses

    made = make_entries(2 * merging.BATCH_ENTRIES, seed=6)
    # Each entry of the first half follows up one of the second half: a later batch.
    half = len(made) // 2
    linked = [
        dataclasses.replace(entry, commitment_id=made[half + n].id) if n < half else entry
        for n, entry in enumerate(made)
    ]
    # And two that follow up each other, across the boundary of the first batch.
    linked[half - 1] = dataclasses.replace(linked[half - 1], commitment_id=linked[half].id)
    linked[half] = dataclasses.replace(linked[half], commitment_id=linked[half - 1].id)
    export = tmp_path / "linked.json"
    write_export(export, linked)
    result = cli("import", str(export))
    assert result.exit_code == 0, result.output
    assert f"{len(made)} added" in result.output
    with store.open_journal(tmp_path / "home" / "journal.db") as journal:
        stored = {entry.id: entry.commitment_id for entry in entries.iterate(journal)}
    assert stored == {entry.id: entry.commitment_id for entry in linked}


def test_a_large_file_with_a_bad_reference_at_its_end_writes_nothing(cli, tmp_path, journal_file):
    import dataclasses

    made = make_entries(3 * merging.BATCH_ENTRIES, seed=8)
    made[-1] = dataclasses.replace(made[-1], commitment_id="no-such-entry")
    export = tmp_path / "bad.json"
    write_export(export, made)
    result = cli("import", str(export))
    assert result.exit_code != 0
    assert "nothing was imported" in result.output
    with store.open_journal(journal_file) as journal:
        assert entries.count(journal) == 0
