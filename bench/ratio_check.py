"""Interleaved medians of a few read commands against the floor, at 1k and 100k entries.

Run from the repository's top folder after `python bench/run.py` has built the journals in
bench/out/: `env -u PYTHONDONTWRITEBYTECODE .venv/bin/python bench/ratio_check.py`.
"""

import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, "bench")
import content

py = sys.executable
env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
env.update(PYTHONPATH="src", NO_COLOR="1", FOURLOOKS_NOW=content.NOW, LC_ALL="C.UTF-8")


def t(argv):
    s = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - s


today = content.NOW[:10]
for size in (1000, 100000):
    db = f"bench/out/{size}/journal.db"
    cases = {
        "list -n 20": (
            [py, "-m", "fourlooks", "--db", db, "list", "-n", "20"],
            [py, "bench/floor.py", "list", db, "20"],
        ),
        "search outline": (
            [py, "-m", "fourlooks", "--db", db, "search", "outline"],
            [py, "bench/floor.py", "search", db, "outline"],
        ),
        "status": (
            [py, "-m", "fourlooks", "--db", db, "status"],
            [py, "bench/floor.py", "status", db, today],
        ),
    }
    for name, (fl, fr) in cases.items():
        t(fl)
        t(fr)
        a, b = [], []
        for _ in range(9):
            a.append(t(fl))
            b.append(t(fr))
        ma, mb = statistics.median(a) * 1000, statistics.median(b) * 1000
        print(
            f"{size:>7,} {name:<15} fourlooks {ma:5.0f} ms  floor {mb:5.0f} ms"
            f"  ratio {ma / mb:4.2f}x"
        )
