"""Times shown to a person are local and to the minute; JSON keeps the full stored instant."""

from __future__ import annotations

import datetime as dt
import re

# `shanghai` (conftest): the user's machine runs at UTC+8.


def test_show_prints_the_creation_time_locally_to_the_minute(cli, shanghai):
    short = cli.ok("add", "-l", "back", "A thought").stdout.strip()
    [entry] = cli.json("list", "--json")
    stamp = entry["created_at"]
    assert stamp.endswith("+00:00") and "." in stamp  # JSON: the full instant, UTC
    local = dt.datetime.fromisoformat(stamp).astimezone(dt.timezone(dt.timedelta(hours=8)))
    line = next(line for line in cli.ok("show", short).stdout.splitlines() if "created" in line)
    assert line.split(None, 1)[1] == local.strftime("%Y-%m-%d %H:%M")
    assert not re.search(r"\d\d:\d\d:\d\d|\+00:00", line)


def test_task_show_prints_local_minutes_too(cli, shanghai):
    short = cli.ok("task", "add", "Budget draft").stdout.strip()
    cli.ok("task", "close", short)
    shown = cli.ok("task", "show", short).stdout
    for line in shown.splitlines():
        assert "+00:00" not in line and not re.search(r"\d\d:\d\d:\d\d", line), line
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d$", shown, flags=re.MULTILINE)
