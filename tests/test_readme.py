"""Every command line of README.md's tour runs as written and does what its comment says."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-26T21:00:00"  # a Thursday: `--due friday` is the next day
ENTRY_ID = "3f2a9c1b-5d8e-4c1a-9f0e-2b7c6d5e4a31"  # the ids the README's examples use
TASK_ID = "3f2a7d10-0000-4000-8000-000000000001"


def tour_lines() -> list[str]:
    """The README's shell lines that run fourlooks, in order, comments and all."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    tour = text.split("## A short tour", 1)[1].split("## Documentation", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", tour, re.S)
    return [line for block in blocks for line in block.splitlines() if "fourlooks" in line]


def _seed(folder: Path, env: dict) -> None:
    """What the examples refer to: entries and a task with those ids, the files they name."""
    journal = {
        "format": "fourlooks",
        "version": 1,
        "entries": [
            {
                "id": ENTRY_ID, "date": "2026-11-25", "look": "down",
                "text": "Asked Li about the rota", "tags": [], "cadence": None,
                "question_id": None, "review_id": None, "task_id": None, "rating": None,
                "choice": None, "commitment_id": None,
                "created_at": "2026-11-25T20:00:00.000000+00:00",
                "updated_at": "2026-11-25T20:00:00.000000+00:00",
            }
        ],
        "tasks": [
            {
                "id": TASK_ID, "title": "Budget draft", "due": "2026-11-25", "state": None,
                "closed_at": None, "reviewed_at": None,
                "created_at": "2026-11-20T20:00:00.000000+00:00",
                "updated_at": "2026-11-20T20:00:00.000000+00:00",
            }
        ],
        "reviews": [],
    }  # fmt: skip
    seed = folder / "seed.json"
    seed.write_text(json.dumps(journal))
    run(f"fourlooks import {seed}", folder, env)
    (folder / "answers.json").write_text(json.dumps({"daily.back.went_well": "Shipped it"}))
    jrnl = {"tags": {}, "entries": [{"title": "From jrnl", "body": "", "date": "2026-11-01",
                                     "time": "09:00", "tags": [], "starred": False}]}  # fmt: skip
    (folder / "jrnl.json").write_text(json.dumps(jrnl))
    (folder / "journal.txt").write_text("[2026-11-02 09:00] From jrnl's own file @team\n")
    run("fourlooks backup journal-20261126-210000.db", folder, env)


def run(line: str, folder: Path, env: dict, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        line, shell=True, cwd=folder, env=env, input=stdin, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


@pytest.fixture
def tour(tmp_path, home) -> tuple[Path, dict]:
    bin_dir = str(Path(sys.executable).parent)  # the fourlooks this suite installed
    env = {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "HOME": str(tmp_path),  # for ~/vault
        "FOURLOOKS_HOME": str(home),
        "FOURLOOKS_NOW": NOW,
        "NO_COLOR": "1",
        "EDITOR": "true",  # `edit` with options never opens it
    }
    _seed(tmp_path, env)
    return tmp_path, env


def test_the_tour_has_the_lines_it_had():
    assert len(tour_lines()) >= 30


def test_every_line_of_the_tour_runs_as_written(tour):
    folder, env = tour
    for line in tour_lines():
        # `delete` and `restore` ask first: the person says yes.
        asks = " delete " in line or " restore " in line
        done = run(line, folder, env, stdin="y\n" if asks else "")
        assert done.returncode == 0, (line, done.stderr)
        assert "Traceback" not in done.stderr and "internal error" not in done.stderr, line


def test_the_lines_do_what_their_comments_say(tour):
    folder, env = tour
    run('fourlooks task add "Budget draft" --due friday', folder, env)
    tasks = json.loads(run("fourlooks task list --json", folder, env).stdout)
    assert "2026-11-27" in {task["due"] for task in tasks}  # friday: the next one
    shown = run("fourlooks show 3f2a9c1b", folder, env)
    assert "Asked Li about the rota" in shown.stdout
    down = json.loads(
        run('fourlooks list --look down --from "last month" --json', folder, env).stdout
    )
    assert [entry["id"] for entry in down] == [ENTRY_ID]
    run("fourlooks export -o ~/vault/journal/", folder, env)
    assert (folder / "vault" / "journal" / "2026" / "11" / "2026-11-25.md").is_file()
    first = run("fourlooks export -o backup.json", folder, env)
    assert first.returncode == 0
    exported = (folder / "backup.json").read_bytes()
    run("fourlooks export -o backup.json", folder, env)
    assert (folder / "backup.json").read_bytes() == exported  # the same journal, the same bytes
    run('fourlooks report -m "last month" -f markdown -o october.md', folder, env)
    assert (folder / "october.md").read_text().startswith("# ")
    assert "October 2026" in (folder / "october.md").read_text()
