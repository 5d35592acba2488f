"""Reminders: a daily job that notifies while the day's review (or the month's audit) is due.

Installed where the user's own scheduler runs: a systemd user timer where systemd's user
manager answers, a launchd agent on macOS, else a line in the user's crontab. What is
installed is found again from the files (and the crontab's marked lines) alone, so
`uninstall` removes exactly that and nothing else. The job runs `fourlooks remind fire`,
which shows a notification only if the review is still due (reminders/notify.py).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from fourlooks.errors import FourlooksError, UsageError

KINDS = ("systemd", "launchd", "cron")
_AT = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


@dataclass(frozen=True)
class Reminder:
    monthly: bool
    at: dt.time = dt.time(21, 30)

    @property
    def which(self) -> str:
        return "monthly" if self.monthly else "daily"

    @property
    def unit(self) -> str:
        return f"fourlooks-remind-{self.which}"

    @property
    def description(self) -> str:
        review = "the month's self-audit" if self.monthly else "the day's review"
        return f"fourlooks: a reminder while {review} is due"


@dataclass(frozen=True)
class Installed:
    kind: str
    at: str  # HH:MM
    where: str  # the file, or "crontab"
    next: str = ""  # when it fires next, where the scheduler says


def parse_at(text: str) -> dt.time:
    found = _AT.fullmatch(text.strip())
    if not found:
        raise UsageError(f"--at {text!r} is not a time of day as HH:MM (e.g. 21:30)")
    return dt.time(int(found[1]), int(found[2]))


def command(journal_path: Path, reminder: Reminder) -> list[str]:
    """What the job runs: this Python and this journal, whatever PATH the scheduler has."""
    path = str(journal_path.absolute())
    if "\n" in path or "\r" in path:
        raise UsageError("a journal whose path holds a line break cannot be scheduled")
    fire = [sys.executable, "-m", "fourlooks", "--db", path, "remind", "fire"]
    return fire + (["--monthly"] if reminder.monthly else [])


def choose(kind: str | None) -> str:
    """The scheduler asked for, or the one this machine runs."""
    if kind is not None:
        if kind not in KINDS:
            raise UsageError(f"--with {kind!r}: use systemd, launchd or cron")
        return kind
    if sys.platform == "darwin":
        return "launchd"
    if _systemd_user_runs():
        return "systemd"
    if shutil.which("crontab"):
        return "cron"
    raise UsageError("no scheduler found: neither systemd's user manager nor crontab answers")


def _systemd_user_runs() -> bool:
    if not shutil.which("systemctl"):
        return False
    try:
        done = subprocess.run(
            ["systemctl", "--user", "show-environment"], capture_output=True, timeout=10
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def run_full(argv: list[str], text: str | None = None) -> tuple[int, str, str]:
    """Run a scheduler's command: its exit code, output and errors."""
    try:
        done = subprocess.run(argv, input=text, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise FourlooksError(f"cannot run {argv[0]}: {exc}") from None
    return done.returncode, done.stdout, done.stderr


def run(argv: list[str], *, text: str | None = None, check: bool = True) -> str:
    """Run a scheduler's command; its failure is one line."""
    code, out, err = run_full(argv, text)
    if check and code != 0:
        said = (err or out).strip().splitlines()
        raise FourlooksError(f"{' '.join(argv[:3])} failed: {said[-1] if said else code}")
    return out


def home() -> Path:
    return Path(os.environ.get("HOME") or Path.home())


def config_home() -> Path:
    configured = os.environ.get("XDG_CONFIG_HOME")
    return Path(configured) if configured else home() / ".config"


class Scheduler(Protocol):
    def files(self, reminder: Reminder, fire: list[str]) -> dict[str, str]: ...
    def install(self, reminder: Reminder, fire: list[str]) -> dict[str, str]: ...
    def status(self, reminder: Reminder) -> Installed | None: ...
    def uninstall(self, reminder: Reminder) -> list[str]: ...


def by_kind() -> dict[str, Scheduler]:
    from fourlooks.reminders import schedulers as found

    return {"systemd": found.Systemd(), "launchd": found.Launchd(), "cron": found.Cron()}


def plan(kind: str, reminder: Reminder, fire: list[str]) -> dict[str, str]:
    """What installing would write: {where: text}."""
    return by_kind()[kind].files(reminder, fire)


def install(kind: str, reminder: Reminder, fire: list[str]) -> dict[str, str]:
    """Install the reminder (replacing one of the same kind and cadence); what was written."""
    return by_kind()[kind].install(reminder, fire)


def installed() -> list[tuple[Reminder, Installed]]:
    """Every reminder installed, by any scheduler."""
    found = []
    for scheduler in by_kind().values():
        for monthly in (False, True):
            reminder = Reminder(monthly)
            standing = scheduler.status(reminder)
            if standing is not None:
                found.append((reminder, standing))
    return found


def uninstall(monthly: bool | None) -> list[str]:
    """Remove the reminders installed (both cadences unless one is named); what was removed."""
    removed: list[str] = []
    cadences = (False, True) if monthly is None else (monthly,)
    for scheduler in by_kind().values():
        for each in cadences:
            removed += scheduler.uninstall(Reminder(each))
    return removed
