"""The keeping-safe screens: `paths`, what `backup` and `restore` say, the `check` report."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fourlooks.store.maintenance import Backup
    from fourlooks.store.restore import Candidate, Restored


def path_lines(found: Mapping[str, str]) -> Iterator[str]:
    for name, path in found.items():
        yield f"{name + ':':<11}{path}"


def backed_up(done: Backup) -> str:
    return f"Backed up {done.entries:,} {_entries(done.entries)} ({done.size:,} bytes)."


def restore_question(journal_path: Path, backup_path: Path, candidate: Candidate) -> str:
    noun = _entries(candidate.entries)
    return f"Replace {journal_path} with {backup_path} ({candidate.entries:,} {noun})?"


def restored(done: Restored, backup_path: Path) -> Iterator[str]:
    yield f"Restored {done.entries:,} {_entries(done.entries)} from {backup_path}."
    if done.kept is not None:
        yield f"The journal as it was is kept at {done.kept}."


def _entries(count: int) -> str:
    return "entry" if count == 1 else "entries"


def check_lines(report: Mapping[str, Any]) -> Iterable[str]:
    """`fourlooks check` as text: what was checked, each problem and warning, the verdict."""
    schema = report["schema_version"]
    expected = report["expected_schema_version"]
    yield f"journal:  {report['path']}"
    if schema is not None:
        yield f"schema:   {schema}" + (" (current)" if schema == expected else "")
    if report["entries"] is not None:
        yield f"entries:  {report['entries']:,}"
    for problem in report["problems"]:
        yield f"problem:  {problem}"
    for warning in report["warnings"]:
        yield f"warning:  {warning}"
    count = len(report["problems"])
    yield "ok" if not count else f"NOT OK: {count} problem{'s' if count > 1 else ''}"
