"""Reminders: installed into a temporary home, with stand-ins for crontab, systemctl and
notify-send on PATH (each logs how it was called), so no real scheduler is ever touched."""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
from pathlib import Path

import pytest

from fourlooks import questions
from fourlooks.model import Cadence

DAILY = [q.id for q in questions.for_cadence(questions.load("en"), Cadence.DAILY)]

FAKES = {
    "crontab": """#!/bin/sh
echo "crontab $*" >> "$FAKE_LOG"
case "$1" in
  -l) [ -f "$FAKE_CRONTAB" ] || { echo "no crontab for me" >&2; exit 1; }
      cat "$FAKE_CRONTAB" ;;
  -r) rm -f "$FAKE_CRONTAB" ;;
  -) cat > "$FAKE_CRONTAB" ;;
esac
""",
    "systemctl": """#!/bin/sh
echo "systemctl $*" >> "$FAKE_LOG"
case "$*" in
  *show-environment*) exit "${FAKE_SYSTEMD_RC:-0}" ;;
  *NextElapseUSecRealtime*) echo "Thu 2026-11-26 21:45:00 UTC" ;;
esac
""",
    "notify-send": """#!/bin/sh
echo "notify-send $*" >> "$FAKE_LOG"
""",
}


class Sandbox:
    def __init__(self, root: Path):
        self.root = root
        self.home = root / "user"
        self.log = root / "calls.log"
        self.crontab = root / "crontab.txt"

    def calls(self) -> list[str]:
        return self.log.read_text().splitlines() if self.log.exists() else []

    def files(self) -> list[str]:
        return sorted(str(p.relative_to(self.home)) for p in self.home.rglob("*") if p.is_file())


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    box = Sandbox(tmp_path / "sandbox")
    bin_dir = box.root / "bin"
    bin_dir.mkdir(parents=True)
    box.home.mkdir()
    for name, script in FAKES.items():
        (bin_dir / name).write_text(script)
        (bin_dir / name).chmod(0o700)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin:/bin")
    monkeypatch.setenv("HOME", str(box.home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(box.home / ".config"))
    monkeypatch.setenv("FAKE_LOG", str(box.log))
    monkeypatch.setenv("FAKE_CRONTAB", str(box.crontab))
    return box


def verify(*units: Path, runtime: Path) -> subprocess.CompletedProcess:
    """systemd's own check of unit files (in user mode, with a private runtime folder)."""
    runtime.mkdir(exist_ok=True)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze checks the unit files"
    argv = [analyze, "--user", "verify", *map(str, units)]
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60)


def test_a_systemd_timer_is_installed_verified_reported_and_removed_whole(cli, sandbox):
    result = cli.ok("remind", "install", "--at", "21:45")
    assert "Installed the daily reminder (systemd, at 21:45)" in result.stderr
    folder = sandbox.home / ".config" / "systemd" / "user"
    timer, service = (
        folder / "fourlooks-remind-daily.timer",
        folder / "fourlooks-remind-daily.service",
    )
    assert "OnCalendar=*-*-* 21:45:00\nPersistent=true\n" in timer.read_text()
    assert "remind fire" in service.read_text() and "--monthly" not in service.read_text()
    checked = verify(timer, service, runtime=sandbox.root / "run")
    assert checked.returncode == 0, checked.stderr
    assert "systemctl --user enable --now fourlooks-remind-daily.timer" in sandbox.calls()
    status = cli.ok("remind", "status").stdout
    assert status == (
        f"daily: systemd, daily at 21:45 ({timer}); next Thu 2026-11-26 21:45:00 UTC\n"
    )
    removed = cli.ok("remind", "uninstall")
    assert f"Removed {timer}" in removed.stderr
    assert "systemctl --user disable --now fourlooks-remind-daily.timer" in sandbox.calls()
    assert sandbox.files() == []
    assert cli.ok("remind", "status").stdout == "No reminder installed.\n"


def test_dry_run_prints_a_valid_timer_and_installs_nothing(cli, sandbox):
    printed = cli.ok("remind", "install", "--monthly", "--dry-run", "--with", "systemd").stdout
    assert sandbox.files() == [] and sandbox.calls() == []
    folder = sandbox.root / "printed"
    folder.mkdir()
    for part in printed.split("# ")[1:]:
        where, text = part.split("\n", 1)
        (folder / Path(where).name).write_text(text)
    assert "--monthly" in (folder / "fourlooks-remind-monthly.service").read_text()
    units = sorted(folder.iterdir())
    checked = verify(*units, runtime=sandbox.root / "run")
    assert checked.returncode == 0, checked.stderr


def test_without_systemd_a_marked_crontab_line_leaves_the_other_lines_as_they_were(
    cli, sandbox, monkeypatch
):
    monkeypatch.setenv("FAKE_SYSTEMD_RC", "1")  # systemctl is there, its user manager is not
    mine = "0 7 * * * backup-photos\n# a comment of my own\n"
    sandbox.crontab.write_text(mine)
    cli.ok("remind", "install")
    cli.ok("remind", "install", "--at", "07:05")  # installing again replaces the line
    lines = sandbox.crontab.read_text().splitlines()
    assert lines[:2] == mine.splitlines()
    assert len(lines) == 3 and lines[2].startswith("5 7 * * * ")
    assert lines[2].endswith(" remind fire # fourlooks remind daily")
    assert cli.ok("remind", "status").stdout == "daily: cron, daily at 07:05 (crontab)\n"
    cli.ok("remind", "uninstall")
    assert sandbox.crontab.read_text() == mine


def test_a_crontab_that_held_only_the_reminder_is_removed_with_it(cli, sandbox, monkeypatch):
    monkeypatch.setenv("FAKE_SYSTEMD_RC", "1")
    cli.ok("remind", "install", "--monthly", "--with", "cron")
    assert "remind fire --monthly # fourlooks remind monthly" in sandbox.crontab.read_text()
    cli.ok("remind", "uninstall", "--monthly")
    assert not sandbox.crontab.exists()
    assert "crontab -r" in sandbox.calls()
    assert sandbox.files() == []


def test_a_launchd_agent_fires_daily_at_the_hour(cli, sandbox):
    printed = cli.ok("remind", "install", "--dry-run", "--with", "launchd", "--at", "22:10").stdout
    where, text = printed.removeprefix("# ").split("\n", 1)
    assert where == str(sandbox.home / "Library/LaunchAgents/fourlooks.remind-daily.plist")
    agent = plistlib.loads(text.encode())
    assert agent["StartCalendarInterval"] == {"Hour": 22, "Minute": 10}
    assert agent["ProgramArguments"][-2:] == ["remind", "fire"]


@pytest.mark.parametrize("at", ["25:00", "9:30", "21:30:00", "noon"])
def test_a_bad_time_is_one_line_and_nothing_is_installed(cli, sandbox, at):
    result = cli("remind", "install", "--at", at)
    assert result.exit_code == 2
    assert result.stderr == f"fourlooks: --at {at!r} is not a time of day as HH:MM (e.g. 21:30)\n"
    assert sandbox.files() == [] and sandbox.calls() == []


def test_when_it_fires_it_notifies_only_while_the_review_is_due(cli, sandbox):
    cli.ok("add", "a first entry", "--look", "back")
    cli.ok("remind", "fire")
    assert sandbox.calls() == [
        "notify-send --app-name fourlooks fourlooks Today's review is still to do: fourlooks review"
    ]
    cli.ok("review", "--full", input="".join(f"answer {n}\n" for n in range(len(DAILY))))
    cli.ok("remind", "fire")
    assert len(sandbox.calls()) == 1  # done: no second notification


def test_the_monthly_reminder_notifies_in_the_audit_s_window_only(cli, sandbox):
    cli.ok("add", "a first entry", "--look", "back")
    cli.ok("remind", "fire", "--monthly")  # 26 November: the window opens on the 28th
    assert sandbox.calls() == []
    cli.ok("--lang", "zh", "remind", "fire", "--monthly", env={"FOURLOOKS_NOW": "2026-11-29T21:30"})
    assert sandbox.calls() == [
        "notify-send --app-name fourlooks fourlooks 本月的月省到期了：fourlooks review --monthly"
    ]


def test_firing_without_a_journal_makes_none_and_notifies_nothing(cli, sandbox, journal_file):
    cli.ok("remind", "fire")
    assert not journal_file.exists() and sandbox.calls() == []
