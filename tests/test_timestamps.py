"""One form of timestamp in and out: the export writes only what the import reads back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "journal-schema1.db"


def _export(cli, env, target: Path) -> bytes:
    cli.ok("export", "-o", str(target), env=env)
    return target.read_bytes()


def test_an_old_journal_exports_a_file_its_import_takes_back_byte_for_byte(cli, tmp_path):
    old = tmp_path / "old.db"
    shutil.copyfile(FIXTURE, old)
    old_env, new_env = {"FOURLOOKS_DB": str(old)}, {"FOURLOOKS_DB": str(tmp_path / "new.db")}
    first = _export(cli, old_env, tmp_path / "first.json")
    assert b"2026-10-1T" not in first  # the old journal's stray stamp, written in full
    cli.ok("import", str(tmp_path / "first.json"), env=new_env)
    assert _export(cli, new_env, tmp_path / "second.json") == first
    again = cli.ok("import", str(tmp_path / "first.json"), "--json", env=old_env)
    counts = json.loads(again.stdout)
    assert [counts[kind]["added"] for kind in ("entries", "tasks", "reviews")] == [0, 0, 0]


def _with_task_stamp(cli, tmp_path: Path, stamp: str) -> Path:
    cli.ok("task", "add", "Budget draft")
    data = json.loads(cli.ok("export", "-f", "json").stdout)
    data["tasks"][0]["created_at"] = stamp
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data))
    return path


@pytest.mark.parametrize(
    "stamp",
    [
        "2026-11-26T21:00:00Z",
        "2026-W48-4T21:00:00+00:00",
        "20261126T210000+0000",
        "2026-11-26T21:00:00+23:59",
        "2026-11-26T21:00:00",
        "2026-11-26 21:00:00+00:00",
    ],
)
def test_import_refuses_timestamps_outside_the_documented_form(cli, tmp_path, stamp):
    path = _with_task_stamp(cli, tmp_path, stamp)
    fresh = {"FOURLOOKS_DB": str(tmp_path / "fresh.db")}
    result = cli("import", str(path), env=fresh)
    assert result.exit_code == 1
    assert "created_at" in result.stderr
    assert "ISO 8601" in result.stderr or "UTC offset" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_offset_is_stored_as_the_same_moment_in_utc(cli, tmp_path):
    path = _with_task_stamp(cli, tmp_path, "2026-11-27T05:00:00.5+08:00")
    fresh = {"FOURLOOKS_DB": str(tmp_path / "fresh.db")}
    cli.ok("import", str(path), env=fresh)
    [task] = cli.json("task", "list", "--json", env=fresh)
    assert task["created_at"] == "2026-11-26T21:00:00.500000+00:00"
