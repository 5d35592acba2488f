"""Time `fourlooks import` of a large JSON export: into an empty journal, then again into it.

    unset PYTHONDONTWRITEBYTECODE
    PYTHONPATH=src .venv/bin/python bench/import_speed.py [--years 7] [--runs 3] [--keep DIR]

Builds the ~100k-entry journal of bench/report_journal.py (seven years, a fixed seed),
exports it with `fourlooks export -o FILE.json`, then runs, as a user would, `python -m
fourlooks import FILE.json` into a new journal (everything added) and once more into the same
journal (everything already there). Each is a whole process: the figures are its wall time,
its CPU time (user + system; steadier than wall time on a busy machine) and its peak memory
(maximum resident set), the median of --runs runs. The fourlooks that runs is the one on
PYTHONPATH; `--src DIR` (repeatable) runs the fourlooks in DIR instead, the versions taking
turns run by run, so that two versions of the code meet the same load on a busy machine:

    PYTHONPATH=src .venv/bin/python bench/import_speed.py --src OLD/src --src src
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import report_journal  # beside this file: the script's folder is on sys.path


def run(args: list[str], journal: Path, src: str | None = None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MB of one `fourlooks` process."""
    env = {**os.environ, "FOURLOOKS_DB": str(journal), "FOURLOOKS_HOME": str(journal.parent)}
    if src is not None:
        env["PYTHONPATH"] = src
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "fourlooks", *args], env=env, stdout=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"fourlooks {' '.join(args)} failed")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


Figures = list[tuple[float, float, float]]


def measure(folder: Path, export: Path, runs: int, sources: list) -> dict[tuple, Figures]:
    """Each source in turn, run after run: into a new journal, then into it again."""
    results: dict[tuple, Figures] = {}
    for n in range(runs):
        for number, src in enumerate(sources):
            target = folder / f"import-{number}-{n}.db"
            _remove(target)  # a kept folder may hold one from an earlier run
            for label in ("empty", "again"):
                figures = run(["import", str(export)], target, src)
                results.setdefault((src, label), []).append(figures)
            _remove(target)
    return results


def _remove(journal: Path) -> None:
    for path in journal.parent.glob(f"{journal.name}*"):
        path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="a folder to build in and keep")
    parser.add_argument("--src", action="append", help="run the fourlooks in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        source, export = folder / "source.db", folder / "export.json"
        if not source.exists():
            count = report_journal.build(source, args.years, seed=1)
            print(f"built {count} entries in {source}")
        export.unlink(missing_ok=True)
        wall, cpu, peak = run(["export", "-o", str(export)], source)
        print(f"export: {wall:.1f} s wall, {cpu:.1f} s CPU, {peak:.0f} MB peak"
              f" ({export.stat().st_size / 1e6:.0f} MB of JSON)")  # fmt: skip
        for (src, label), figures in measure(folder, export, args.runs, args.src or [None]).items():
            walls, cpus, peaks = zip(*figures, strict=True)
            print(
                (f"[{src}] " if src else "")
                + f"import into {'an empty journal' if label == 'empty' else 'the same again'}:"
                f" {statistics.median(walls):.1f} s wall, {statistics.median(cpus):.1f} s CPU,"
                f" {statistics.median(peaks):.0f} MB peak (median of {len(figures)};"
                f" wall {min(walls):.1f}-{max(walls):.1f} s)"
            )


if __name__ == "__main__":
    main()
