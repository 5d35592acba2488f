"""Benchmark fourlooks as whole processes against its floors and its peer (jrnl 4.6).

    python bench/run.py [--sizes 1000,10000,100000] [--runs 5] [--out docs/performance.md]
    python bench/run.py --quick          # 1k and 10k, 3 runs: for development
    python bench/run.py --smoke          # 300 and 1k, 2 runs, no jrnl: does it all work?

Builds journals of each size (bench/journals.py, from bench/content.py), then times every
command as a separate process, in rounds, each in turn with what it is compared with: the
same command at every size, the bare script doing the same work (bench/floor.py) and
`python -c "import typer"` (the floor every typer command pays). bench/targets.py holds the
targets; each is printed met or missed, and the tables of docs/performance.md between its
markers are rewritten from this one run (bench/tables.py); the notes around them are kept.
Commands this build lacks are reported as not available. jrnl is installed into
bench/.venv-jrnl on first use and measured on its own (it takes minutes at 100k).

Run it with the project's virtual environment's own python (not a pyenv shim, which adds
~77 ms to every process) and with bytecode writing on (PYTHONDONTWRITEBYTECODE unset).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SRC = ROOT / "src"
JRNL_TIMEOUT = 180

sys.path.insert(0, str(SRC))
sys.path.insert(0, str(HERE))

# After the path is set:
import content  # noqa: E402
import journals  # noqa: E402
import tables  # noqa: E402
from journals import Paths  # noqa: E402
from runner import Job, Result, interleave, measure_alone  # noqa: E402
from targets import Run, verdicts  # noqa: E402

TYPER = [sys.executable, "-c", "import typer"]


def child_env() -> dict:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    env.update(NO_COLOR="1", FOURLOOKS_NOW=content.NOW, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    env.pop("FOURLOOKS_DB", None)
    return env


def fourlooks_argv() -> list[str]:
    """The console script next to this interpreter, as a user runs it; else `python -m`."""
    script = Path(sys.executable).parent / "fourlooks"
    return [str(script)] if script.exists() else [sys.executable, "-m", "fourlooks"]


def available_commands() -> dict[str, object]:
    """The commands of the measured build: fourlooks.cli.COMMANDS where it exists."""
    from typer.main import get_command

    from fourlooks.cli import app

    return dict.fromkeys(get_command(app).commands)


def _spec(name: str, need: str | None, fourlooks: list[str], **rest) -> dict:
    """One measured operation: fourlooks' argv, and optionally `floor` (the bare script's
    argv), `typer` (compare with the framework's import too), `jrnl` (the peer's argv),
    `reset`/`floor_reset` (run before each run)."""
    return {"name": name, "need": need, "fourlooks": fourlooks, **rest}


def commands(paths: Paths, fl: list[str], jr: list[str] | None) -> list[dict]:
    """Every operation measured at one size."""
    floor = [sys.executable, str(HERE / "floor.py")]
    db, journal = ["--db", str(paths.journal)], str(paths.journal)
    out = paths.folder
    jrnl = [*jr, "--config-file", str(paths.jrnl_config)] if jr else None
    today, entry = content.NOW[:10], journals.newest_id(paths)
    words = (content.ENGLISH_WORD, content.CHINESE_PHRASE)

    def fresh(path: Path):
        return lambda: shutil.rmtree(path, ignore_errors=True) if path.is_dir() else None

    def gone(path: Path):
        return lambda: path.unlink(missing_ok=True)

    def fresh_import():
        shutil.copyfile(paths.empty, out / "imported.db")

    text = "Benchmark entry 基准"
    return [
        _spec("--version", None, [*fl, "--version"], typer=True),
        _spec("--help", None, [*fl, "--help"], typer=True),
        _spec(
            "add",
            "add",
            [*fl, *db, "add", "-l", "up", "-t", "bench", text],
            floor=[*floor, "add", journal, text],
            typer=True,
            jrnl=jrnl and [*jrnl, "today:", f"{text} @bench"],
        ),
        _spec(
            "list -n 20",
            "list",
            [*fl, *db, "list", "-n", "20"],
            floor=[*floor, "list", journal, "20"],
            typer=True,
            jrnl=jrnl and [*jrnl, "-n", "20"],
        ),
        *(
            _spec(
                f"search {word}",
                "search",
                [*fl, *db, "search", word],
                floor=[*floor, "search", journal, word],
                typer=True,
                jrnl=jrnl and [*jrnl, "-contains", word],
            )
            for word in words
        ),
        _spec(
            "status",
            "status",
            [*fl, *db, "status"],
            floor=[*floor, "status", journal, today],
            typer=True,
        ),
        _spec(
            "show",
            "show",
            [*fl, *db, "show", entry],
            floor=[*floor, "show", journal, entry],
            typer=True,
        ),
        _spec(
            "report",
            "report",
            [*fl, *db, "report"],
            floor=[*floor, "report", journal, today[:7]],
            typer=True,
        ),
        _spec(
            "report --year",
            "report",
            [*fl, *db, "report", "--year", today[:4]],
            floor=[*floor, "report", journal, today[:4]],
            typer=True,
        ),
        _spec(
            "export markdown (document)",
            "export",
            [*fl, *db, "export", "--format", "markdown", "--out", str(out / "export.md")],
            reset=gone(out / "export.md"),
            floor=[*floor, "export-markdown-document", journal, str(out / "floor-export.md")],
            jrnl=jrnl and [*jrnl, "--format", "md"],
        ),
        _spec(
            "export markdown (folder)",
            "export",
            [*fl, *db, "export", "--format", "markdown", "--out", f"{out / 'markdown'}/"],
            reset=fresh(out / "markdown"),
            floor=[*floor, "export-markdown", journal, str(out / "floor-markdown")],
            floor_reset=fresh(out / "floor-markdown"),
        ),
        _spec(
            "export json",
            "export",
            [*fl, *db, "export", "--format", "json", "--out", str(paths.export_json)],
            reset=gone(paths.export_json),
            floor=[*floor, "export-json", journal, str(paths.floor_json)],
            jrnl=jrnl and [*jrnl, "--format", "json"],
        ),
        _spec(
            "import json",
            "import",
            [*fl, "--db", str(out / "imported.db"), "import", "{import_source}"],
            reset=fresh_import,
            floor=[*floor, "import", str(out / "imported.db"), "{import_source}"],
            floor_reset=fresh_import,
        ),
    ]


def _with_source(argv: list[str], paths: Paths) -> list[str]:
    source = str(journals.import_source(paths))
    return [part.replace("{import_source}", source) for part in argv]


def _jobs(spec: dict, paths: Paths, row: dict, have: dict) -> list[Job]:
    """The jobs of one operation at one size; their results go into `row`."""
    folder, jobs = paths.folder, []
    if spec["need"] is None or spec["need"] in have:
        row["fourlooks"] = Result()
        argv = _with_source(spec["fourlooks"], paths)
        jobs.append(Job(argv, folder, spec.get("reset"), row["fourlooks"]))
    else:
        row["fourlooks"] = Result(error="not available")
    if spec.get("floor"):
        row["floor"] = Result()
        argv = _with_source(spec["floor"], paths)
        jobs.append(Job(argv, folder, spec.get("floor_reset"), row["floor"]))
    if spec.get("typer"):
        row["typer"] = Result()
        jobs.append(Job(TYPER, folder, None, row["typer"]))
    return jobs


def measure_sizes(
    paths: dict[int, Paths], runs: int, fl: list[str], jr: list[str] | None, env: dict
) -> dict[int, dict[str, dict]]:
    """Every operation at every size: fourlooks, its floors and every size in the same
    rounds; then jrnl on its own."""
    sizes, have = sorted(paths), available_commands()
    specs = {size: commands(paths[size], fl, jr) for size in sizes}
    results: dict[int, dict[str, dict]] = {size: {} for size in sizes}
    for index, first in enumerate(specs[sizes[0]]):
        name, jobs = first["name"], []
        for size in sizes:
            row = results[size][name] = {}
            jobs += _jobs(specs[size][index], paths[size], row, have)
        interleave(jobs, runs, env)
        for size in sizes:
            spec, row = specs[size][index], results[size][name]
            if spec.get("jrnl"):
                row["jrnl"] = measure_alone(
                    spec["jrnl"],
                    min(runs, 3),
                    env,
                    paths[size].folder,
                    slow=20,
                    timeout=JRNL_TIMEOUT,
                )
            else:
                row["jrnl_note"] = "not run" if jr is None else "no equivalent"
            if name == "import json":
                row["source_bytes"] = journals.import_source(paths[size]).stat().st_size
            print(f"  {size:>7,} {name:<28} {_brief(row)}", file=sys.stderr)
    return results


def measure_startup(paths: Paths, runs: int, fl: list[str], env: dict) -> dict[str, dict]:
    """`fourlooks --db JOURNAL CMD --help` for every command, each in turn with the
    framework's import."""
    rows: dict[str, dict] = {}
    jobs = []
    for name in available_commands():
        row = rows[name] = {"fourlooks": Result(), "typer": Result()}
        argv = [*fl, "--db", str(paths.journal), name, "--help"]
        jobs += [Job(argv, paths.folder, None, row["fourlooks"])]
        jobs += [Job(TYPER, paths.folder, None, row["typer"])]
    interleave(jobs, runs, env)
    for name, row in rows.items():
        print(f"  start-up {name:<20} {_brief(row)}", file=sys.stderr)
    return rows


def _brief(row: dict) -> str:
    parts = []
    for key in tables.PROGRAMS:
        result = row.get(key)
        if isinstance(result, Result):
            shown = f"{result.wall * 1000:,.0f} ms" if result.ok else result.error
            parts.append(f"{key} {shown}")
    return "  ".join(parts)


def machine() -> dict:
    info = {
        "date": dt.datetime.now().isoformat(timespec="minutes"),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
    }
    git = ["git", "-C", str(ROOT)]
    try:
        commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True)
        dirty = subprocess.run([*git, "status", "--porcelain", "src"], capture_output=True)
        info["commit"] = commit.stdout.decode().strip() + (" (+ changes)" if dirty.stdout else "")
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
        info["memory"] = f"{int(mem) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    from importlib import metadata

    info["typer"] = metadata.version("typer")
    return info


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--startup-runs",
        type=int,
        default=15,
        help="rounds for each command's start-up (a few ms each: more rounds are cheap)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    parser.add_argument("--quick", action="store_true", help="sizes 1000,10000 and 3 runs")
    parser.add_argument(
        "--smoke", action="store_true", help="sizes 300,1000, 2 runs, no jrnl: a check"
    )
    parser.add_argument("--no-jrnl", action="store_true", help="skip the peer")
    parser.add_argument(
        "--render-only", action="store_true", help="rewrite --out from the last run's figures"
    )
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.runs = "1000,10000", 3
    if args.smoke:
        args.sizes, args.runs, args.no_jrnl = "300,1000", 2, True
    return args


def _print_verdicts(run: Run) -> None:
    for target, wall, _, verdict in verdicts(run):
        print(f"{verdict.strip('*'):>7}  {target}: {wall}", file=sys.stderr)


def main() -> None:
    args = _arguments()
    if args.render_only:
        run, meta = tables.load(journals.OUT)
    else:
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            print("note: PYTHONDONTWRITEBYTECODE is set; measured processes run without it")
        env, fl = child_env(), fourlooks_argv()
        jr = None if args.no_jrnl else journals.jrnl_argv()
        load_before = os.getloadavg()[0]
        paths = {int(size): journals.build(int(size)) for size in args.sizes.split(",")}
        sizes = measure_sizes(paths, args.runs, fl, jr, env)
        startup = measure_startup(paths[min(paths)], max(args.runs, args.startup_runs), fl, env)
        run = Run(sizes, startup)
        argv = ["python", "bench/run.py", *sys.argv[1:]]
        meta = {"machine": machine(), "argv": argv, "load": (load_before, os.getloadavg()[0])}
        tables.save(journals.OUT, run, meta)
    report = tables.render(run, meta["machine"], meta["argv"], tuple(meta["load"]))
    tables.write_report(args.out, report)
    _print_verdicts(run)
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
