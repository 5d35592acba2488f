"""Time `fourlooks report` (and, for scale, a bare interpreter and `list`) on a journal.

    env -u PYTHONDONTWRITEBYTECODE PYTHONPATH=src python bench/time_report.py JOURNAL [RUNS]

Each command runs once to warm the caches (bytecode, pages), then RUNS times (default 20);
prints the median and the fastest wall time. The clock is frozen at 2026-11-26 21:00, the
last day of bench/report_journal.py's journals. Output goes to /dev/null, as to a pipe.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

CASES = (
    ["-c", "pass"],
    ["-m", "fourlooks", "--version"],
    ["-m", "fourlooks", "list", "-n", "20"],
    ["-m", "fourlooks", "report"],
    ["-m", "fourlooks", "report", "--json"],
    ["-m", "fourlooks", "report", "-m", "2026-10", "-f", "markdown"],
    ["-m", "fourlooks", "report", "--year", "2026"],
    ["-m", "fourlooks", "report", "--year", "2026", "--json"],
)


def main() -> None:
    journal = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        sys.exit("unset PYTHONDONTWRITEBYTECODE first: it inflates import times")
    env = {
        **os.environ,
        "FOURLOOKS_DB": journal,
        "FOURLOOKS_HOME": tempfile.mkdtemp(),  # no config file
        "FOURLOOKS_NOW": "2026-11-26T21:00:00",
        "COLUMNS": "80",
    }
    for args in CASES:
        command = [sys.executable, *args]
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
            times.append((time.perf_counter() - start) * 1000)
        label = " ".join(args[2:] if args[0] == "-m" else ["python", *args])
        print(f"{label:38} median {statistics.median(times):6.1f} ms   min {min(times):6.1f} ms")


if __name__ == "__main__":
    main()
