"""No command writes over the journal, its companions, a database or a file it did not write."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def add(cli, text: str) -> None:
    cli.ok("add", "--look", "back", text)


def texts(cli) -> list[str]:
    return [entry["text"] for entry in cli.json("list", "--json")]


def one_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


JOURNAL_FILES = ["", "-wal", "-shm", "-journal"]


@pytest.mark.parametrize("suffix", JOURNAL_FILES)
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_report_never_writes_over_the_journal_or_its_files(cli, journal_file, suffix, force):
    add(cli, "kept through it all")
    target = f"{journal_file}{suffix}"
    existed = os.path.exists(target)
    result = cli("report", "-o", target, *force)
    assert result.exit_code == 2
    assert "is the journal itself or one of its files" in one_line(result)
    assert os.path.exists(target) == existed
    assert texts(cli) == ["kept through it all"]
    assert cli.ok("check").stdout.rstrip().endswith("ok")


@pytest.mark.parametrize("suffix", JOURNAL_FILES)
def test_export_and_backup_refuse_the_journal_and_its_files(cli, journal_file, suffix):
    add(cli, "kept through it all")
    target = f"{journal_file}{suffix}"
    for command in (["export", "-o", target], ["backup", "--force", target]):
        result = cli(*command)
        assert result.exit_code == 2, (command, result.output)
        assert "is the journal itself or one of its files" in one_line(result)
    assert texts(cli) == ["kept through it all"]


def test_a_link_to_the_journal_is_the_journal(cli, journal_file, tmp_path):
    add(cli, "kept")
    hard, soft = tmp_path / "hard.md", tmp_path / "soft.md"
    os.link(journal_file, hard)
    soft.symlink_to(journal_file)
    for target in (hard, soft):
        result = cli("report", "-o", str(target), "--force")
        assert result.exit_code == 2, result.output
    assert texts(cli) == ["kept"]


def test_report_keeps_a_file_written_by_hand_unless_forced(cli, tmp_path):
    add(cli, "shipped")
    notes = tmp_path / "october.md"
    notes.write_text("my own notes\n")
    result = cli("report", "-o", str(notes))
    assert result.exit_code == 2
    assert "exists and fourlooks did not write it; --force replaces it" in one_line(result)
    assert notes.read_text() == "my own notes\n"
    cli.ok("report", "-o", str(notes), "--force")
    assert notes.read_text().startswith("Monthly report: ")
    assert (notes.stat().st_mode & 0o777) == 0o600


def test_report_never_writes_over_a_backup_even_forced(cli, tmp_path):
    add(cli, "shipped")
    backup = Path(cli.ok("backup", str(tmp_path / "copy.db")).stdout.strip())
    before = backup.read_bytes()
    result = cli("report", "-o", str(backup), "--force")
    assert result.exit_code == 2
    assert "is a SQLite database" in one_line(result)
    assert backup.read_bytes() == before


def test_a_new_report_file_is_written(cli, tmp_path):
    add(cli, "shipped")
    target = tmp_path / "new.md"
    result = cli.ok("report", "-o", str(target), "-f", "markdown")
    assert f"Wrote the report to {target}" in result.stderr
    assert target.read_text().startswith("# ")


def test_a_full_device_is_named_and_not_replaced(cli):
    add(cli, "shipped")
    for command in (["report", "-o", "/dev/full"], ["export", "-o", "/dev/full"]):
        result = cli(*command)
        assert result.exit_code == 1, (command, result.output)
        assert one_line(result) == "fourlooks: cannot write /dev/full: No space left on device"
    assert Path("/dev/full").is_char_device()


def test_many_files_are_each_whole_or_absent_and_leave_no_temporary(tmp_path):
    # The folder export's writer: a file appears only once its batch is synced, whole.
    from fourlooks.files import AtomicFiles

    notes = [tmp_path / f"{day}.md" for day in range(5)]
    notes[0].write_text("an earlier export's note", encoding="utf-8")
    with AtomicFiles(batch=2) as written:
        written.add(notes[0], "first\n")
        assert notes[0].read_text(encoding="utf-8") == "an earlier export's note"
        written.add(notes[1], "second 二\n")  # the batch is full: both are put in place
        assert notes[0].read_text(encoding="utf-8") == "first\n"
        written.add(notes[2], "third\n")
        assert not notes[2].exists()
    assert notes[2].read_text(encoding="utf-8") == "third\n"
    assert notes[1].read_text(encoding="utf-8") == "second 二\n"
    assert oct(notes[2].stat().st_mode & 0o777) == "0o600"
    with pytest.raises(KeyboardInterrupt), AtomicFiles(batch=2) as written:
        written.add(notes[3], "fourth\n")
        raise KeyboardInterrupt  # interrupted: what was not synced is not there, nor half
    assert not notes[3].exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{day}.md" for day in range(3)]


def test_a_folder_export_stays_within_a_low_limit_of_open_files(tmp_path):
    # A batch holds its notes open until they are synced; macOS gives a process 256
    # descriptors unless raised. Under a limit of 64, 300 days' notes are still written.
    import datetime as dt
    import subprocess
    import sys

    from fourlooks.model import Look
    from fourlooks.store import entries
    from journal_builder import build_journal

    def fill(journal):
        with journal.write():
            for n in range(300):
                day = (dt.date(2026, 1, 1) + dt.timedelta(days=n)).isoformat()
                entries.add(journal, date=day, look=Look.BACK, text=f"day {n}")

    journal = build_journal(tmp_path / "journal.db", fill)
    folder = tmp_path / "notes"
    script = (
        "import resource, sys\n"
        "hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]\n"
        "resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))\n"
        "from fourlooks.cli import main\n"
        "sys.argv = ['fourlooks', *sys.argv[1:]]\n"
        "main()\n"
    )
    argv = ["--db", str(journal), "export", "--format", "markdown", "--out", f"{folder}/"]
    env = {**os.environ, "FOURLOOKS_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", script, *argv], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    days = {path.stem: path.read_text(encoding="utf-8") for path in folder.glob("2026/*/*.md")}
    assert len(days) == 300
    assert "day 299" in days["2026-10-27"]
    assert not list(folder.rglob("*.tmp"))
