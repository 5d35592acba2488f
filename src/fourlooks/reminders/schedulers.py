"""The three schedulers a reminder can live in, each: files, install, status, uninstall."""

from __future__ import annotations

import contextlib
import re
import shutil
from pathlib import Path

from fourlooks import files
from fourlooks.errors import FourlooksError
from fourlooks.reminders import Installed, Reminder, config_home, home, run, run_full, units


def _write(written: dict[str, str]) -> None:
    for where, text in written.items():
        path = Path(where)
        files.make_folder(path.parent)
        files.write_atomic(path, [text])


def _remove(paths: list[Path]) -> list[str]:
    removed = []
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(str(path))
    return removed


class Systemd:
    """A user timer and its oneshot service in ~/.config/systemd/user."""

    def folder(self) -> Path:
        return config_home() / "systemd" / "user"

    def paths(self, reminder: Reminder) -> tuple[Path, Path]:
        folder = self.folder()
        return folder / f"{reminder.unit}.timer", folder / f"{reminder.unit}.service"

    def files(self, reminder: Reminder, fire: list[str]) -> dict[str, str]:
        timer, service = self.paths(reminder)
        return {
            str(timer): units.systemd_timer(reminder.description, reminder.at, reminder.unit),
            str(service): units.systemd_service(reminder.description, fire),
        }

    def install(self, reminder: Reminder, fire: list[str]) -> dict[str, str]:
        written = self.files(reminder, fire)
        _write(written)
        run(["systemctl", "--user", "daemon-reload"])
        run(["systemctl", "--user", "enable", "--now", f"{reminder.unit}.timer"])
        return written

    def status(self, reminder: Reminder) -> Installed | None:
        timer, _ = self.paths(reminder)
        if not timer.exists():
            return None
        found = re.search(r"OnCalendar=\*-\*-\* (\d\d:\d\d)", timer.read_text(errors="replace"))
        at = found[1] if found else "?"
        upcoming = ""
        if shutil.which("systemctl"):
            show = ["systemctl", "--user", "show", f"{reminder.unit}.timer"]
            upcoming = run([*show, "-p", "NextElapseUSecRealtime", "--value"], check=False)
        return Installed("systemd", at, str(timer), upcoming.strip())

    def uninstall(self, reminder: Reminder) -> list[str]:
        timer, service = self.paths(reminder)
        if not timer.exists() and not service.exists():
            return []
        if shutil.which("systemctl"):
            run(["systemctl", "--user", "disable", "--now", f"{reminder.unit}.timer"], check=False)
        removed = _remove([timer, service])
        if shutil.which("systemctl"):
            run(["systemctl", "--user", "daemon-reload"], check=False)
        return removed


class Launchd:
    """A launch agent in ~/Library/LaunchAgents."""

    def path(self, reminder: Reminder) -> Path:
        return home() / "Library" / "LaunchAgents" / f"{self.label(reminder)}.plist"

    def label(self, reminder: Reminder) -> str:
        return f"fourlooks.remind-{reminder.which}"

    def files(self, reminder: Reminder, fire: list[str]) -> dict[str, str]:
        plist = units.launchd_plist(self.label(reminder), reminder.at, fire)
        return {str(self.path(reminder)): plist}

    def install(self, reminder: Reminder, fire: list[str]) -> dict[str, str]:
        path = self.path(reminder)
        if path.exists():
            run(["launchctl", "unload", str(path)], check=False)
        written = self.files(reminder, fire)
        _write(written)
        run(["launchctl", "load", "-w", str(path)])
        return written

    def status(self, reminder: Reminder) -> Installed | None:
        import plistlib

        path = self.path(reminder)
        if not path.exists():
            return None
        try:
            interval = plistlib.loads(path.read_bytes())["StartCalendarInterval"]
            at = f"{interval['Hour']:02d}:{interval['Minute']:02d}"
        except (ValueError, KeyError, TypeError, plistlib.InvalidFileException):
            at = "?"
        return Installed("launchd", at, str(path))

    def uninstall(self, reminder: Reminder) -> list[str]:
        path = self.path(reminder)
        if not path.exists():
            return []
        if shutil.which("launchctl"):
            run(["launchctl", "unload", "-w", str(path)], check=False)
        return _remove([path])


class Cron:
    """One line in the user's crontab, marked with a comment naming it."""

    def mark(self, reminder: Reminder) -> str:
        return f"# fourlooks remind {reminder.which}"

    def files(self, reminder: Reminder, fire: list[str]) -> dict[str, str]:
        return {"crontab": units.cron_line(reminder.at, fire, self.mark(reminder)) + "\n"}

    def read(self) -> list[str]:
        """The crontab's lines; none when the user has no crontab yet."""
        if not shutil.which("crontab"):
            return []
        code, out, err = run_full(["crontab", "-l"])
        if code != 0:
            if "no crontab" in err.lower():
                return []
            raise FourlooksError(f"crontab -l failed: {err.strip() or code}")
        return out.splitlines()

    def others(self, reminder: Reminder) -> tuple[list[str], bool]:
        lines = self.read()
        kept = [line for line in lines if not line.endswith(self.mark(reminder))]
        return kept, len(kept) != len(lines)

    def install(self, reminder: Reminder, fire: list[str]) -> dict[str, str]:
        if not shutil.which("crontab"):
            raise FourlooksError("crontab is not installed")
        kept, _ = self.others(reminder)
        written = self.files(reminder, fire)
        run(["crontab", "-"], text="".join(f"{line}\n" for line in kept) + written["crontab"])
        return written

    def status(self, reminder: Reminder) -> Installed | None:
        for line in self.read():
            if line.endswith(self.mark(reminder)):
                minute, hour = line.split()[:2]
                return Installed("cron", f"{int(hour):02d}:{int(minute):02d}", "crontab")
        return None

    def uninstall(self, reminder: Reminder) -> list[str]:
        kept, found = self.others(reminder)
        if not found:
            return []
        if kept:
            run(["crontab", "-"], text="".join(f"{line}\n" for line in kept))
        else:
            run(["crontab", "-r"])  # ours was its only line: no crontab, as before
        return [f"crontab: {self.mark(reminder)}"]
