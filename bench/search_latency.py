"""Search latency at 100k entries: in-process query time and a whole `fourlooks search` run.

    unset PYTHONDONTWRITEBYTECODE
    PYTHONPATH=src .venv/bin/python bench/search_latency.py [--entries 100000] [--keep DIR]

Builds a journal of English and Chinese entries (a fixed random seed, one transaction through
store.entries.insert, so the search triggers run as they do for `add`), then times each
query: the median of repeated in-process searches (open journal excluded), and the median
wall time of `python -m fourlooks search QUERY -n 20` as a user runs it.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fourlooks import fulltext, store
from fourlooks.model import Entry, Look
from fourlooks.store import entries, search

_VOCABULARY = (
    "report budget meeting team rota plan review lesson outline draft deadline client "
    "feedback shift night morning visit survey village decision policy goal target progress "
    "result colleague peer manager owner task checkpoint cause effect responsibility learned "
    "listened asked heard compared improved delayed finished started shipped missed kept "
    "promise commitment quarter month week tomorrow yesterday early late again first second"
)
WORDS = _VOCABULARY.split()
HANZI = (
    "我们经常性反思自己的工作学习进步问题群众意见调查研究决策目标任务责任原因效果进度"
    "同事领导基层走访农村干部作风能力精神面貌纵向横向比较先进经验改进落实计划总结会议"
)
QUERIES = [
    "budget",
    "rota",
    '"team meeting"',
    "shipp*",
    "反思",
    "经常性",
    "工作进步",
    "走访 village",
    "思",
]


def make_text(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40))).capitalize() + "."
    return "".join(rng.choice(HANZI) for _ in range(rng.randint(15, 80))) + "。"


def build(path: Path, count: int) -> float:
    rng = random.Random(20261126)
    started = time.perf_counter()
    with store.open_journal(path) as journal, journal.write():
        for n in range(count):
            stamp = f"2026-01-01T00:00:00.{n:06d}+00:00"
            entries.insert(
                journal,
                Entry(
                    id=f"{n:08x}-0000-4000-8000-{rng.getrandbits(48):012x}",
                    date=f"{2020 + n % 7}-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                    look=rng.choice(list(Look)),
                    text=make_text(rng),
                    created_at=stamp,
                    updated_at=stamp,
                ),
            )
    return time.perf_counter() - started


def in_process(path: Path, query: str, runs: int = 15) -> tuple[float, int]:
    with store.open_journal(path) as journal:
        terms = fulltext.parse_query(query)
        found = search.search(journal, terms, limit=20)
        total = search.search(journal, terms)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            search.search(journal, terms, limit=20)
            times.append(time.perf_counter() - started)
    del found
    return statistics.median(times), len(total)


def command(path: Path, query: str, runs: int = 7) -> float:
    env = {**os.environ, "FOURLOOKS_DB": str(path)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "fourlooks", "search", "-n", "20", "--", query],
            env=env,
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the journal in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="fourlooks-bench-"))
    path = folder / f"search-{args.entries}.db"
    if not path.exists():
        seconds = build(path, args.entries)
        print(f"built {args.entries:,} entries in {seconds:.1f} s ({path})")
    size = sum(p.stat().st_size for p in folder.glob(path.name + "*"))
    print(f"journal size with index: {size / 1e6:.1f} MB")
    print(f"{'query':<16}{'matches':>9}{'query ms':>10}{'command ms':>12}")
    for query in QUERIES:
        seconds, matches = in_process(path, query)
        wall = command(path, query)
        print(f"{query:<16}{matches:>9,}{seconds * 1000:>10.1f}{wall * 1000:>12.0f}")
    print(f"baseline `fourlooks --version`: {_version_ms():.0f} ms")


def _version_ms(runs: int = 7) -> float:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "fourlooks", "--version"], env=env, check=True,
                       capture_output=True)  # fmt: skip
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


if __name__ == "__main__":
    main()
