"""One clock: FOURLOOKS_NOW moves the review day and every stamp stored; stamps keep their order
under a stopped clock and a clock set back; a task's days are the user's local days."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

SHANGHAI_7AM = "2026-12-01T07:00:00"  # local time at UTC+8: 2026-11-30 23:00 in UTC


# `shanghai` (conftest): the user's machine runs at UTC+8.


def at(moment: str) -> dict:
    return {"FOURLOOKS_NOW": moment}


def test_every_stamp_stored_comes_from_the_frozen_clock(cli, shanghai):
    now = at(SHANGHAI_7AM)
    cli.ok("add", "-l", "back", "A thought", env=now)
    short = cli.ok("task", "add", "Budget draft", env=now).stdout.strip()
    cli.ok("task", "close", short, env=now)
    cli.ok("review", "--task", short, input="done\n\n\n", env=now)
    cli.ok("goal", "add", "Ship the survey", env=now)
    cli.ok("review", input="went well\n", env=now)
    data = json.loads(cli.ok("export", "-f", "json", env=now).stdout)
    stamps = [
        value
        for kind in ("entries", "tasks", "reviews", "goals")
        for record in data[kind]
        for key, value in record.items()
        if key.endswith("_at") and value is not None
    ]
    assert len(stamps) > 10
    # All of them at the frozen moment (the microseconds keep them in order), none today's.
    assert {stamp[:19] for stamp in stamps} == {"2026-11-30T23:00:00"}
    assert all(stamp.endswith("+00:00") for stamp in stamps)


def test_a_task_added_and_closed_at_7am_in_utc8_is_of_that_local_day_and_month(cli, shanghai):
    now = at(SHANGHAI_7AM)
    short = cli.ok("task", "add", "Budget draft", env=now).stdout.strip()
    cli.ok("task", "close", short, env=now)
    december = cli.json("report", "--month", "2026-12", "--json", env=now)["tasks"]
    november = cli.json("report", "--month", "2026-11", "--json", env=now)["tasks"]
    assert (december["opened"], december["closed"]) == (1, 1)
    assert (november["opened"], november["closed"]) == (0, 0)
    shown = cli.ok("task", "show", short, env=now).stdout
    assert "created:  2026-12-01 07:00" in shown and "closed:   2026-12-01 07:00" in shown
    [listed] = cli.json("task", "list", "--all", "--json", env=now)
    assert listed["review_due"] == "closed_unreviewed"
    assert [t["title"] for t in cli.json("status", "--json", env=now)["tasks"]] == ["Budget draft"]


def test_a_task_open_at_the_end_of_a_local_day_is_counted_open_on_it(cli, shanghai):
    # Added at 07:00 on 1 December local time, closed at 07:00 on 2 December.
    short = cli.ok("task", "add", "Rota survey", env=at(SHANGHAI_7AM)).stdout.strip()
    cli.ok("task", "close", short, env=at("2026-12-02T07:00:00"))
    november = cli.json("report", "--month", "2026-11", "--json", env=at("2026-12-31T21:00"))
    december = cli.json("report", "--month", "2026-12", "--json", env=at("2026-12-31T21:00"))
    assert november["tasks"]["open"] == 0  # it did not exist yet at the end of November
    assert (december["tasks"]["opened"], december["tasks"]["closed"]) == (1, 1)


def test_stamps_strictly_increase_under_a_frozen_clock(cli):
    now = at("2026-11-26T21:00:00")
    for text in ("first", "second", "third"):
        cli.ok("add", "-l", "back", text, env=now)
    for title in ("Task one", "Task two", "Task three"):
        cli.ok("task", "add", title, "--due", "2026-12-01", env=now)
    listed = cli.json("list", "--json", env=now)  # newest first
    assert [e["text"] for e in listed] == ["third", "second", "first"]
    created = [e["created_at"] for e in reversed(listed)]
    assert created == sorted(set(created))
    tasks = cli.json("task", "list", "--json", env=now)
    assert [t["title"] for t in tasks] == ["Task one", "Task two", "Task three"]


def test_a_clock_set_back_keeps_the_order_and_the_reviews(cli):
    late, early = at("2026-11-26T21:00:00"), at("2026-11-26T08:00:00")
    cli.ok("add", "-l", "back", "written first", env=late)
    cli.ok("add", "-l", "back", "written second, the clock set back", env=early)
    listed = cli.json("list", "--json", env=late)
    assert [e["text"] for e in listed] == ["written second, the clock set back", "written first"]
    assert listed[0]["created_at"] > listed[1]["created_at"]
    # A task closed, then reviewed with the clock set back: the review still follows the close.
    short = cli.ok("task", "add", "Budget draft", env=late).stdout.strip()
    cli.ok("task", "close", short, env=late)
    cli.ok("review", "--task", short, input="done\n\n\n", env=early)
    [task] = cli.json("task", "list", "--all", "--json", env=late)
    assert task["reviewed_at"] > task["closed_at"] and task["review_due"] is None
    # An edit made under the slow clock is newer than what it edits.
    before = listed[1]
    cli.ok("edit", before["id"], "--text", "written first, edited", env=at("2026-11-25T09:00"))
    [edited] = [e for e in cli.json("list", "--json", env=late) if e["id"] == before["id"]]
    assert edited["updated_at"] > before["updated_at"]


def test_separate_commands_under_one_frozen_moment_keep_their_order(home):
    """Each a process of its own, as in a shell: the order comes from the journal, not memory."""
    env = {**os.environ, "FOURLOOKS_HOME": str(home), "FOURLOOKS_NOW": "2026-11-26T21:00:00"}

    def run(*args: str) -> str:
        command = [sys.executable, "-m", "fourlooks", *args]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        return done.stdout

    for text in ("one", "two", "three"):
        run("add", "-l", "up", text)
    listed = json.loads(run("list", "--json"))
    assert [e["text"] for e in listed] == ["three", "two", "one"]
    assert len({e["created_at"] for e in listed}) == 3
    frozen = dt.datetime(2026, 11, 26, 21).astimezone(dt.UTC).isoformat()[:19]
    assert {e["created_at"][:19] for e in listed} == {frozen}


def test_a_bad_frozen_clock_is_one_line(cli):
    result = cli("status", env=at("next tuesday"))
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert "FOURLOOKS_NOW is not an ISO date-time" in line
