"""Start-up of several source trees side by side: `--version`, `--help` and `list -n 20`.

    git archive OLD src bench | tar -x -C /tmp/old      # each tree: src/ (and bench/)
    env -u PYTHONDONTWRITEBYTECODE .venv/bin/python bench/startup_trees.py \
        --rounds 40 /tmp/old src

Each tree runs through this environment's console script (PYTHONPATH=TREE/src), on a
1,000-entry journal built by that tree itself (its own schema), in rounds with
`python -c "import typer"`: each figure is a median, each ratio and each difference the
median of the per-round ones. CPU time (user + system) is steadier than wall time on a
shared machine; both are printed, with the load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import content  # noqa: E402  (after the path is set)
from runner import Job, Result, added, interleave, paired  # noqa: E402


def build_journal(tree: Path, folder: Path) -> Path:
    """A 1,000-entry journal written by the tree's own store (and bench/content.py)."""
    journal = folder / "journal.db"
    bench = tree / "bench" if (tree / "bench" / "content.py").exists() else HERE
    code = "import content, sys, pathlib; content.write_fourlooks(content.generate(1000),"
    code += " pathlib.Path(sys.argv[1]))"
    env = {**os.environ, "PYTHONPATH": f"{tree / 'src'}{os.pathsep}{bench}"}
    subprocess.run([sys.executable, "-c", code, str(journal)], env=env, check=True)
    return journal


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", nargs="+", type=Path, help="folders holding src/")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    script = [str(Path(sys.executable).parent / "fourlooks")]
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    home = tempfile.mkdtemp(prefix="startup-trees-")
    base.update(NO_COLOR="1", FOURLOOKS_NOW=content.NOW, COLUMNS="80", FOURLOOKS_HOME=home)
    floor = Result()
    jobs = [Job([sys.executable, "-c", "import typer"], Path(home), None, floor)]
    rows: list[tuple[str, Result]] = []
    for n, tree in enumerate(args.trees):
        folder = Path(tempfile.mkdtemp(prefix=f"tree{n}-", dir=home))
        journal = build_journal(tree.resolve(), folder)
        env = {**base, "PYTHONPATH": str(tree.resolve() / "src")}
        for name, tail in (
            ("--version", ["--version"]),
            ("--help", ["--help"]),
            ("list -n 20", ["--db", str(journal), "list", "-n", "20"]),
        ):
            result = Result()
            rows.append((f"{tree} {name}", result))
            jobs.append(Job([*script, *tail], folder, None, result, env))
    load = os.getloadavg()[0]
    interleave(jobs, args.rounds, base)
    print(f"{args.rounds} rounds; load average {load:.2f} before, {os.getloadavg()[0]:.2f} after")
    print(f"python -c 'import typer': {floor.wall * 1000:.1f} ms, cpu {floor.cpu * 1000:.1f} ms")
    for label, result in rows:
        if not result.ok:
            print(f"{label:48} {result.error}")
            continue
        print(
            f"{label:48} {statistics.median(result.walls) * 1000:6.1f} ms"
            f" {paired(result, floor):5.2f}x  cpu {result.cpu * 1000:6.1f} ms"
            f" {paired(result, floor, cpu=True):5.2f}x"
            f" {added(result, floor, cpu=True) * 1000:+6.1f} ms"
        )


if __name__ == "__main__":
    main()
