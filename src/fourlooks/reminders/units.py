"""The texts a reminder is installed as: systemd units, a launchd agent, a crontab line.

Plain functions of the reminder: install, status and --dry-run all show the same text.
"""

from __future__ import annotations

import datetime as dt
import plistlib
import re
import shlex

_SYSTEMD_PLAIN = re.compile(r"[A-Za-z0-9_@%+=:,./-]+")


def systemd_timer(description: str, at: dt.time, unit: str) -> str:
    # Persistent: a reminder missed while the machine slept comes at the next start.
    return (
        f"[Unit]\nDescription={description}\n\n"
        f"[Timer]\nOnCalendar=*-*-* {at:%H:%M}:00\nPersistent=true\nUnit={unit}.service\n\n"
        "[Install]\nWantedBy=timers.target\n"
    )


def systemd_service(description: str, command: list[str]) -> str:
    line = " ".join(_systemd_quote(arg) for arg in command)
    return f"[Unit]\nDescription={description}\n\n[Service]\nType=oneshot\nExecStart={line}\n"


def _systemd_quote(arg: str) -> str:
    """One ExecStart word: systemd expands % specifiers and $ variables, so both are doubled."""
    escaped = arg.replace("%", "%%").replace("$", "$$")
    if _SYSTEMD_PLAIN.fullmatch(arg):
        return escaped
    return '"' + escaped.replace("\\", "\\\\").replace('"', '\\"') + '"'


def launchd_plist(label: str, at: dt.time, command: list[str]) -> str:
    # launchd runs a calendar job missed while asleep once the machine wakes.
    agent = {
        "Label": label,
        "ProgramArguments": command,
        "StartCalendarInterval": {"Hour": at.hour, "Minute": at.minute},
        "RunAtLoad": False,
    }
    return plistlib.dumps(agent).decode("utf-8")


def cron_line(at: dt.time, command: list[str], mark: str) -> str:
    """One crontab line, ending in the comment that says whose it is (cron: % is a newline)."""
    words = " ".join(shlex.quote(arg) for arg in command).replace("%", "\\%")
    return f"{at.minute} {at.hour} * * * {words} {mark}"
