"""Running the measured programs: one process each, through bench/spawner.py, in rounds.

Programs that are compared run in the same rounds, one after another (`interleave`), so
that load which drifts during the benchmark weighs on both; a ratio is then the median of
the per-round ratios (`paired`), which a burst of load in one round cannot move much.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass
class Result:
    """One program measured: per-round wall and CPU seconds, peak memory in KiB."""

    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.walls)

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)

    @property
    def peak(self) -> int:
        return max(self.rss)

    def to_dict(self) -> dict:
        return {"walls": self.walls, "cpus": self.cpus, "rss": self.rss, "error": self.error}


def paired(a: Result | None, b: Result | None, *, cpu: bool = False) -> float | None:
    """a over b: the median of the per-round ratios when both ran in the same rounds, else
    the ratio of the medians (jrnl, measured on its own)."""
    if a is None or b is None or not a.ok or not b.ok:
        return None
    top, bottom = (a.cpus, b.cpus) if cpu else (a.walls, b.walls)
    if len(top) == len(bottom):
        return statistics.median(x / y for x, y in zip(top, bottom, strict=True) if y)
    return statistics.median(top) / statistics.median(bottom)


def added(a: Result | None, b: Result | None, *, cpu: bool = False) -> float | None:
    """Seconds a adds to b: the median of the per-round differences."""
    if a is None or b is None or not a.ok or not b.ok or len(a.walls) != len(b.walls):
        return None
    top, bottom = (a.cpus, b.cpus) if cpu else (a.walls, b.walls)
    return statistics.median(x - y for x, y in zip(top, bottom, strict=True))


class Spawner:
    """bench/spawner.py, started once: it starts each measured process (see why there)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "spawner.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(
        self, argv: list[str], env: dict, cwd: Path, timeout: int | None = None
    ) -> tuple[float, float, int, int, str]:
        """Wall seconds, CPU seconds, peak RSS (KiB), exit code and stderr of one process."""
        with tempfile.NamedTemporaryFile(prefix="bench-stderr-") as err:
            request = {
                "argv": argv,
                "env": env,
                "cwd": str(cwd),
                "stderr": err.name,
                "timeout": timeout,
            }
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            reply = json.loads(self.process.stdout.readline())
            message = Path(err.name).read_text(encoding="utf-8", errors="replace")
        if reply["timed_out"]:
            message = f"stopped after {timeout} s"
        return reply["wall"], reply["cpu"], reply["maxrss_kib"], reply["code"], message


_SPAWNER: Spawner | None = None


def run_once(
    argv: list[str], env: dict, cwd: Path, timeout: int | None = None
) -> tuple[float, float, int, int, str]:
    global _SPAWNER
    if _SPAWNER is None:
        _SPAWNER = Spawner()
    return _SPAWNER.run(argv, env, cwd, timeout)


def _failure(code: int, message: str) -> str:
    last = (message.strip().splitlines() or ["(no message)"])[-1][:120]
    return last if last.startswith("stopped") else f"failed (exit {code}): {last}"


@dataclass
class Job:
    """One program to time; its samples go into `result`; `reset` runs before each run;
    `env`, if given, replaces the environment of the round."""

    argv: list[str]
    cwd: Path
    reset: Callable[[], None] | None
    result: Result
    env: dict | None = None


def interleave(jobs: list[Job], runs: int, env: dict) -> None:
    """Run the jobs in turn, `runs` rounds after a warm-up round (page cache, bytecode).

    A job that fails stops being run, and says why; the others go on.
    """
    for n in range(runs + 1):
        for job in jobs:
            if job.result.error:
                continue
            if job.reset:
                job.reset()
            wall, cpu, rss, code, message = run_once(job.argv, job.env or env, job.cwd)
            if code != 0:
                job.result.error = _failure(code, message)
            elif n:
                job.result.walls.append(wall)
                job.result.cpus.append(cpu)
                job.result.rss.append(rss)


def measure_alone(
    argv: list[str], runs: int, env: dict, cwd: Path, *, slow: float, timeout: int
) -> Result:
    """The peer, on its own: one warm-up, then `runs` runs. A warm-up slower than `slow`
    seconds is taken as the one sample (a minute-long command needs no median to show its
    scale); a run past `timeout` seconds is stopped and reported as such."""
    result = Result()
    for n in range(runs + 1):
        wall, cpu, rss, code, message = run_once(argv, env, cwd, timeout)
        if code != 0:
            result.error = _failure(code, message)
            return result
        if n or wall > slow:
            result.walls.append(wall)
            result.cpus.append(cpu)
            result.rss.append(rss)
        if not n and wall > slow:
            break
    return result


def stopped_after(result: Result | None) -> float | None:
    """Seconds after which a run was stopped (a lower bound of its time), if it was."""
    if result is None or not result.error or not result.error.startswith("stopped after"):
        return None
    return float(result.error.split()[2])
