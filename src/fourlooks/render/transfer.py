"""What `export` (to a folder) and `import` say when they are done."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from fourlooks import words

if TYPE_CHECKING:
    from fourlooks.transfer import ExportResult, ImportResult


KEPT_NAMED = 5  # notes named in the message; the rest are counted


def export_lines(result: ExportResult, lang: str) -> Iterator[str]:
    """For stderr: any warning, then what was written: a file's entries, a folder's files."""
    for warning in result.warnings:
        yield f"fourlooks: {warning}"
    plan = result.plan
    if plan.file is not None:
        entries = words.count(result.entries, "entry", lang)
        yield words.say("export_file", lang, entries=entries, path=plan.file)
    if plan.folder is None:
        return
    yield words.say(
        "export_folder",
        lang,
        folder=plan.folder,
        written=words.count(result.written, "file", lang),
        unchanged=result.unchanged,
    )
    if result.kept:
        named = ", ".join(result.kept[:KEPT_NAMED])
        extra = len(result.kept) - KEPT_NAMED
        more = words.say("export_kept_more", lang, count=extra) if extra > 0 else ""
        count = words.count(len(result.kept), "note", lang)
        yield words.say("export_kept", lang, count=count, named=named, more=more)


def import_lines(result: ImportResult) -> Iterator[str]:
    """The counts of each kind of record the file's format carries."""
    report = result.report
    if report.dry_run:
        yield "Dry run: nothing was changed. Importing would give:"
    verb = ("would be added", "would be updated") if report.dry_run else ("added", "updated")
    for kind in result.kinds:
        counts = getattr(report, kind)
        yield (
            f"{kind + ':':<9} {counts.added} {verb[0]}, {counts.updated} {verb[1]},"
            f" {counts.skipped} already there"
        )
    if report.conflicts:
        count = len(report.conflicts)
        kept = "would be kept" if report.dry_run else "kept"
        yield (
            f"conflicts: {count} entr{'ies' if count != 1 else 'y'} changed both here and in the"
            f" file; the file's older version {kept} as a new entry tagged `conflict`:"
        )
        for original, copy in report.conflicts:
            yield f"  {original[:8]} -> {copy[:8]}"
    if report.transactions > 1 and not report.dry_run:
        yield (
            f"Written in {report.transactions} batches, each kept whole: had the import"
            " stopped, importing the file again would finish it (nothing is imported twice)."
        )
