"""Every read from a file, pipe or device is bounded: no hang, no gigabytes, one line."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

MEMORY = 512 * 1024 * 1024  # far below what an unbounded read of /dev/zero would take


def _limited_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "FOURLOOKS_HOME": str(home), "FOURLOOKS_NOW": "2026-11-26T21:00:00"}
    return subprocess.run(
        [sys.executable, "-m", "fourlooks", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=30,  # a hang fails the test instead of the suite
        preexec_fn=_limited_memory,
    )


def one_line(done: subprocess.CompletedProcess) -> str:
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "no-writer"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("args", [["import", "{source}"], ["review", "--answers", "{source}"]])
def test_a_device_is_refused_without_reading_it(home, args):
    done = run(*(a.format(source="/dev/zero") for a in args), home=home)
    assert done.returncode == 2, done.stderr
    assert one_line(done) == (
        "fourlooks: cannot read /dev/zero: it is a device, not a file; give the file for "
        + ("an import" if args[0] == "import" else "an answers file")
    )


@pytest.mark.parametrize("args", [["import", "{source}"], ["review", "--answers", "{source}"]])
def test_a_fifo_with_no_writer_does_not_hang(home, fifo, args):
    done = run(*(a.format(source=fifo) for a in args), home=home)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    one_line(done)


def test_a_config_file_that_is_a_fifo_does_not_hang(home, tmp_path):
    home.mkdir(parents=True, exist_ok=True)
    os.mkfifo(home / "config.toml")
    done = run("status", home=home)
    assert "Traceback" not in done.stderr
    assert done.returncode == 0 or len(done.stderr.strip().splitlines()) == 1


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_deeply_nested_json_is_one_line_not_a_crash(cli, tmp_path):
    nested = tmp_path / "deep.json"
    nested.write_text('{"daily.back.went_well": ' + _deep(100_000) + "}")
    result = cli("review", "--answers", str(nested))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"fourlooks: {nested}: nested too deeply to be an answers file"
    result = cli("import", str(nested))
    assert result.exit_code == 1
    assert result.stderr.strip().startswith(f"fourlooks: {nested}: not valid JSON")
    assert cli.json("list", "--json") == []


def test_stdin_beyond_the_limit_is_refused(cli):
    result = cli("add", "--look", "back", "-", input="x" * 1_000_001)
    assert result.exit_code == 2
    assert "over 1,000,000 bytes" in result.stderr
