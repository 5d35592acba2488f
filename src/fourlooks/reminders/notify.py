"""What a reminder does when it fires: notify only while the review is still due."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

from fourlooks import status, words
from fourlooks.model import Cadence
from fourlooks.store import Journal

TITLE = "fourlooks"


def due_message(
    journal: Journal, day: dt.date, asked: frozenset[Cadence], *, monthly: bool, lang: str
) -> str | None:
    """The notification's text while the day's review (or the month's audit) is due, else None."""
    found = status.gather(journal, day=day, asked=asked)
    standing = found.monthly if monthly else found.daily
    if not standing.due:
        return None
    return words.say("remind_monthly" if monthly else "remind_daily", lang)


def show(text: str) -> bool:
    """A desktop notification where one can be shown (osascript, notify-send); else nothing."""
    if sys.platform == "darwin" and shutil.which("osascript"):
        quoted = text.replace("\\", "\\\\").replace('"', '\\"')
        argv = ["osascript", "-e", f'display notification "{quoted}" with title "{TITLE}"']
        return _run(argv, os.environ.copy())
    if shutil.which("notify-send"):
        return _run(["notify-send", "--app-name", TITLE, TITLE, text], _session_env())
    return False


def _session_env() -> dict[str, str]:
    """cron starts jobs without the session's bus address: the user's bus is at a known place."""
    env = os.environ.copy()
    bus = Path(f"/run/user/{os.getuid()}/bus")
    if "DBUS_SESSION_BUS_ADDRESS" not in env and bus.exists():
        env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={bus}"
    return env


def _run(argv: list[str], env: dict[str, str]) -> bool:
    try:
        done = subprocess.run(argv, env=env, capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0
