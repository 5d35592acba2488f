"""The performance targets, as data, and their verdicts on one run's figures.

Each target compares one measured command with a reference: the CLI framework alone
(`python -c "import typer"`, the floor every typer command pays), the bare script doing the
same work (bench/floor.py), the same command at the smallest size (flat in journal size),
the input file's size (memory of an import), or the peer (jrnl, whose ratio is printed).
Ratios are medians of per-round ratios (bench/runner.py); all at the largest size measured.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import content
from runner import Result, added, paired, stopped_after

READS = (
    "add",
    "list -n 20",
    f"search {content.ENGLISH_WORD}",
    f"search {content.CHINESE_PHRASE}",
    "status",
    "show",
)
PEERED = (
    "add",
    "list -n 20",
    f"search {content.ENGLISH_WORD}",
    f"search {content.CHINESE_PHRASE}",
    "export markdown (document)",
    "export json",
)


@dataclass(frozen=True)
class Target:
    """`command` measured against `against` (a kind below), within `limit`."""

    command: str
    against: str
    limit: float


TARGETS: list[Target] = [
    Target("--version", "typer", 1.15),
    Target("--help", "typer", 1.15),
    Target("every command", "startup", 0.010),  # seconds added to the framework's floor
    *(Target(name, "typer", 1.5) for name in READS),
    *(Target(name, "flat", 1.2) for name in READS),
    Target("export markdown (document)", "floor", 3),
    Target("export markdown (document)", "floor memory", 2),
    Target("export markdown (folder)", "floor", 3),
    Target("export markdown (folder)", "floor memory", 2),
    Target("export json", "floor", 2),
    Target("import json", "floor", 1.5),
    Target("import json", "file size", 2),
    Target("report", "typer", 2),
    Target("report --year", "typer", 2),
    *(Target(name, "peer", 0) for name in PEERED),
]


@dataclass
class Run:
    """One run's figures: by size, command name and program; start-up by command."""

    sizes: dict[int, dict[str, dict]]
    startup: dict[str, dict]

    @property
    def big(self) -> int:
        return max(self.sizes)

    @property
    def small(self) -> int:
        return min(self.sizes)

    def row(self, name: str, size: int | None = None) -> dict:
        return self.sizes[size or self.big].get(name, {})


# A verdict row: target, measured (wall), the same in CPU time, verdict.
Verdict = tuple[str, str, str, str]


def fmt(ratio: float | None, suffix: str = "x") -> str:
    return "-" if ratio is None else f"{ratio:.{2 if ratio < 10 else 1}f}{suffix}"


def _mark(met: bool | None) -> str:
    return "n/a" if met is None else "met" if met else "**missed**"


def _ratio(label: str, a: Result | None, b: Result | None, limit: float) -> Verdict:
    stopped = stopped_after(a)
    if stopped is not None and b is not None and b.ok:  # a lower bound is enough to judge
        return label, f"> {fmt(stopped / b.wall)} (stopped)", "-", _mark(False)
    wall = paired(a, b)
    why = a.error if a is not None and a.error else b.error if b is not None else None
    shown = fmt(wall) if wall is not None else why or "-"
    met = None if wall is None else wall <= limit
    return label, shown, fmt(paired(a, b, cpu=True)), _mark(met)


def _at(run: Run) -> str:
    return f" at {run.big:,}" + ("" if run.big >= 100_000 else " (100k not run)")


def _typer(run: Run, t: Target) -> Verdict:
    row = run.row(t.command)
    label = f"`{t.command}` within {t.limit}x of `python -c 'import typer'`{_at(run)}"
    return _ratio(label, row.get("fourlooks"), row.get("typer"), t.limit)


def _floor(run: Run, t: Target) -> Verdict:
    row = run.row(t.command)
    label = f"`{t.command}` within {t.limit}x of the bare script{_at(run)}"
    return _ratio(label, row.get("fourlooks"), row.get("floor"), t.limit)


def _flat(run: Run, t: Target) -> Verdict:
    label = f"`{t.command}` at {run.big:,} entries within {t.limit}x of {run.small:,}"
    if run.big == run.small:
        return label, "one size run", "-", _mark(None)
    small = run.row(t.command, run.small).get("fourlooks")
    return _ratio(label, run.row(t.command).get("fourlooks"), small, t.limit)


def _memory(label: str, peak_kib: float | None, reference_kib: float | None, limit: float):
    if not peak_kib or not reference_kib:
        return label, "-", "-", _mark(None)
    ratio = peak_kib / reference_kib
    return label, fmt(ratio), "-", _mark(ratio <= limit)


def _floor_memory(run: Run, t: Target) -> Verdict:
    row = run.row(t.command)
    fl, floor = row.get("fourlooks"), row.get("floor")
    label = f"`{t.command}` peak memory within {t.limit}x of the bare script's{_at(run)}"
    peaks = [r.peak if r is not None and r.ok else None for r in (fl, floor)]
    return _memory(label, peaks[0], peaks[1], t.limit)


def _file_size(run: Run, t: Target) -> Verdict:
    row = run.row(t.command)
    fl, size = row.get("fourlooks"), row.get("source_bytes")
    label = f"`{t.command}` peak memory within {t.limit}x of the file's size{_at(run)}"
    return _memory(
        label, fl.peak if fl is not None and fl.ok else None, size and size / 1024, t.limit
    )


def _startup(run: Run, t: Target) -> Verdict:
    label = (
        f"each command's start-up (`CMD --help`) adds at most {t.limit * 1000:.0f} ms"
        " to `python -c 'import typer'`"
    )
    costs = {name: added(r.get("fourlooks"), r.get("typer")) for name, r in run.startup.items()}
    known = {name: cost for name, cost in costs.items() if cost is not None}
    if not known:
        return label, "-", "-", _mark(None)
    worst = max(known, key=known.__getitem__)
    shown = f"{known[worst] * 1000:+.1f} ms (`{worst}`, the most)"
    row = run.startup[worst]
    cpu = added(row.get("fourlooks"), row.get("typer"), cpu=True)
    cpu_shown = "-" if cpu is None else f"{cpu * 1000:+.1f} ms"
    return label, shown, cpu_shown, _mark(len(known) == len(costs) and known[worst] <= t.limit)


def _peer(run: Run, t: Target) -> Verdict:
    row = run.row(t.command)
    fl, jr = row.get("fourlooks"), row.get("jrnl")
    label = f"`{t.command}`: jrnl 4.6 / fourlooks (the peer, printed){_at(run)}"
    stopped = stopped_after(jr)
    if stopped is not None and fl is not None and fl.ok:
        return label, f"> {fmt(stopped / fl.wall)} (jrnl stopped)", "-", "printed"
    ratio = paired(jr, fl)
    return label, fmt(ratio), fmt(paired(jr, fl, cpu=True)), "printed" if ratio else "n/a"


KINDS: dict[str, Callable[[Run, Target], Verdict]] = {
    "typer": _typer,
    "floor": _floor,
    "flat": _flat,
    "floor memory": _floor_memory,
    "file size": _file_size,
    "startup": _startup,
    "peer": _peer,
}


def verdicts(run: Run) -> list[Verdict]:
    return [KINDS[target.against](run, target) for target in TARGETS]
