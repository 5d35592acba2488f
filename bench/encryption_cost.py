"""What encryption at rest costs: the same journal plain and encrypted, side by side.

    PYTHONPATH=src:bench .venv/bin/python bench/encryption_cost.py [--entries 10000]

Builds a journal (bench/content.py), encrypts a copy of it (store.conversion, as
`fourlooks encrypt` does), then times, for each: opening it and reading the newest 20
entries in-process (the best of 15: the key derivation is the cost), a LIKE scan of every
entry (decrypting every page), and whole console-script runs of a few commands (median of
9), the passphrase given by FOURLOOKS_PASSPHRASE_COMMAND. Needs the `encrypt` extra.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from content import generate, write_fourlooks

PASSPHRASE = "a passphrase for timing"
COMMANDS = (["list", "-n", "20"], ["search", "工作"], ["add", "-l", "up", "timed"], ["check"])


def best_ms(run: Callable[[], object], times: int = 15) -> float:
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        spent.append(time.perf_counter() - start)
    return min(spent) * 1000


def in_process(plain: Path, encrypted: Path) -> None:
    from sqlcipher3 import dbapi2

    def opened(path: Path, sql: str) -> Callable[[], object]:
        def run() -> object:
            if path == plain:
                conn = sqlite3.connect(path)
            else:
                conn = dbapi2.connect(str(path))
                conn.execute("PRAGMA cipher_log_level = NONE")
                conn.set_key(PASSPHRASE)
            try:
                return conn.execute(sql).fetchall()
            finally:
                conn.close()

        return run

    for label, sql in (
        ("open + newest 20", "SELECT id, text FROM entries ORDER BY date DESC LIMIT 20"),
        ("open + scan of every entry", "SELECT count(*) FROM entries WHERE text LIKE '%工作%'"),
    ):
        print(
            f"{label:32} plain {best_ms(opened(plain, sql)):7.1f} ms   "
            f"encrypted {best_ms(opened(encrypted, sql)):7.1f} ms"
        )


def console(plain: Path, encrypted: Path, home: Path) -> None:
    script = Path(sys.executable).with_name("fourlooks")
    give = {"FOURLOOKS_PASSPHRASE_COMMAND": f"echo '{PASSPHRASE}'"}
    for args in COMMANDS:
        row = []
        for path, extra in ((plain, {}), (encrypted, give)):
            env = {**os.environ, "FOURLOOKS_HOME": str(home), "FOURLOOKS_DB": str(path), **extra}
            spent = []
            for _ in range(9):
                start = time.perf_counter()
                subprocess.run([str(script), *args], env=env, capture_output=True, check=True)
                spent.append(time.perf_counter() - start)
            row.append(statistics.median(spent) * 1000)
        print(f"fourlooks {' '.join(args):22} plain {row[0]:7.0f} ms   encrypted {row[1]:7.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    options = parser.parse_args()
    from fourlooks.store import conversion

    with tempfile.TemporaryDirectory() as folder:
        plain, encrypted = Path(folder, "plain.db"), Path(folder, "encrypted.db")
        write_fourlooks(generate(options.entries), plain)
        shutil.copy(plain, encrypted)
        conversion.convert(encrypted, old=None, new=PASSPHRASE)
        print(f"{options.entries:,} entries; load average {os.getloadavg()[0]:.1f}")
        in_process(plain, encrypted)
        console(plain, encrypted, Path(folder, "home"))


if __name__ == "__main__":
    main()
