"""Commands that move the journal in and out: export and import."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fourlooks.cli.app import app, journal, lang, settings
from fourlooks.cli.inputs import (
    DateFrom,
    DateTo,
    LookFilter,
    TagFilter,
    parse_first_day,
    parse_last_day,
    parse_look,
    parse_tags,
)
from fourlooks.errors import FourlooksError, ImportFileError, UsageError

if TYPE_CHECKING:
    from fourlooks.formats.markdown import Renderer
    from fourlooks.model import Bundle, Entry
    from fourlooks.store.transfer import Filters, MergeReport

# Exports of fewer entries finish before a progress bar would be worth drawing.
PROGRESS_MIN_ENTRIES = 2000
# An import file is read whole; a file this large is a mistake, not a journal.
MAX_IMPORT_BYTES = 1 << 30


@app.command()
def export(
    *,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="markdown|json",
            help="markdown (to read) or json (lossless, for import) [default: json when --out"
            " ends in .json, else markdown].",
        ),
    ] = None,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            metavar="PATH",
            help="A file to write, or a folder (a trailing / or an existing folder) for one"
            " Markdown file per day: DIR/YYYY/MM/YYYY-MM-DD.md [default: stdout].",
        ),
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    look: LookFilter = None,
    tag: TagFilter = None,
) -> None:
    """Export the journal as Markdown or as lossless JSON; exporting twice gives the same bytes.

    A folder export writes only its own files (each starts with `generator: fourlooks`) and
    refuses to overwrite any other file. A filtered JSON export also carries the reviews,
    tasks and commitments its entries refer to, so it imports anywhere.
    """
    from fourlooks.store import transfer
    from fourlooks.store.transfer import Filters

    chosen_format = _export_format(fmt, out)
    filters = Filters(
        date_from=parse_first_day(date_from) if date_from else None,
        date_to=parse_last_day(date_to) if date_to else None,
        look=parse_look(look) if look else None,
        tag=parse_tags([tag])[0] if tag else None,
    )
    folder = out is not None and (out.endswith(("/", "\\")) or Path(out).is_dir())
    if folder and chosen_format == "json":
        raise UsageError("a JSON export is one file: give --out a file name, e.g. journal.json")
    target = Path(out) if out and out != "-" and not folder else None
    if target is not None:
        _check_overwrite(target)
    with transfer.snapshot(journal()):
        if folder:
            _export_folder(Path(out), filters)
        elif chosen_format == "json":
            _write(target, _json_chunks(filters))
        else:
            _write(target, _renderer().document(_with_progress(filters)))


def _export_format(fmt: str | None, out: str | None) -> str:
    if fmt is None:
        return "json" if out and out.lower().endswith(".json") else "markdown"
    if fmt not in ("markdown", "json"):
        raise UsageError(f"unknown export format {fmt!r}: use markdown or json")
    return fmt


def _json_chunks(filters: "Filters") -> Iterator[str]:
    from fourlooks.formats import fourlooks_json
    from fourlooks.store import transfer

    if not filters.given():
        return fourlooks_json.dump(
            _with_progress(filters), transfer.tasks(journal()), transfer.reviews(journal())
        )
    chosen = transfer.select(journal(), filters)
    return fourlooks_json.dump(
        transfer.selected_entries(journal(), chosen),
        transfer.tasks(journal(), chosen.task_ids),
        transfer.reviews(journal(), chosen.review_ids),
    )


def _with_progress(filters: "Filters") -> "Iterable[Entry]":
    from fourlooks import render
    from fourlooks.store import transfer

    found = transfer.entries(journal(), filters)
    if not sys.stderr.isatty():
        return found
    total = transfer.count_entries(journal(), filters)
    if total < PROGRESS_MIN_ENTRIES:
        return found
    return render.progress(found, total=total, label="Exporting")


def _renderer() -> "Renderer":
    from fourlooks import paths, questions
    from fourlooks.errors import ConfigError
    from fourlooks.formats.markdown import Renderer
    from fourlooks.store import transfer

    try:
        texts = questions.texts(lang(), paths.questions_file())
    except ConfigError as exc:
        # A typo in questions.toml should not stop the journal from leaving.
        typer.echo(f"fourlooks: {exc}; using the built-in question texts", err=True)
        texts = questions.texts(lang())
    return Renderer(lang=lang(), questions=texts, task_titles=transfer.task_titles(journal()))


def _check_overwrite(target: Path) -> None:
    """Overwrite an earlier export, never the journal or a file fourlooks did not write."""
    from fourlooks import files
    from fourlooks.formats.markdown import made_by_export

    files.refuse_journal(target, settings().journal_path)
    if target.is_dir():
        raise UsageError(f"{target} is a folder: add a trailing / for one file per day")
    if not target.is_file():
        return  # nothing there yet, or a device or pipe: written to, never replaced
    head = files.read_head(target)
    if not (made_by_export(head) or head.startswith('{\n  "format": "fourlooks",')):
        raise FourlooksError(
            f"{target} exists and was not written by fourlooks export; not overwriting it"
            " (move it away or choose another name)"
        )


def _write(target: Path | None, chunks: Iterable[str]) -> None:
    """To a file, atomically; or to stdout as UTF-8 whatever the locale."""
    from fourlooks import files

    if target is not None:
        files.write_atomic(target, chunks)
        return
    if sys.stdout.isatty():  # a person reads it: control codes shown, not obeyed
        from fourlooks.render import shown

        chunks = (shown(chunk) for chunk in chunks)
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        return
    sys.stdout.flush()
    for chunk in chunks:
        stream.write(chunk.encode("utf-8"))
    stream.flush()


def _export_folder(folder: Path, filters: "Filters") -> None:
    """One note per day and one self-audit per month; only files of our own are replaced."""
    from fourlooks import files
    from fourlooks.formats import markdown
    from fourlooks.store import transfer

    targets = [
        folder / (markdown.audit_path(day[:7]) if monthly else markdown.day_path(day))
        for day, monthly in transfer.days(journal(), filters)
    ]
    # All checked before anything is written: a refusal leaves the folder as it was.
    for target in targets:
        if target.is_dir() or (
            target.exists() and not markdown.made_by_export(files.read_head(target))
        ):
            raise FourlooksError(
                f"{target} exists and was not written by fourlooks export; nothing was written"
                " (move it away or export to another folder)"
            )
    written = unchanged = 0
    for relative, content in _renderer().files(_with_progress(filters)):
        target = folder / relative
        if files.same_content(target, content):
            unchanged += 1
            continue
        files.make_folder(target.parent)
        files.write_atomic(target, [content])
        written += 1
    typer.echo(
        f"Exported to {folder}: {written} file{'s' * (written != 1)} written,"
        f" {unchanged} unchanged.",
        err=True,
    )


@app.command("import")
def import_file(
    file: Annotated[
        str,
        typer.Argument(metavar="FILE", help="A fourlooks or jrnl JSON export; '-' reads stdin."),
    ],
    *,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="fourlooks|jrnl",
            help="The file's format [default: recognised from its content].",
        ),
    ] = None,
    look: Annotated[
        str | None,
        typer.Option(
            "--look",
            "-l",
            metavar="LOOK",
            help="jrnl: the look of entries without a @back/@up/@down/@ahead tag [default: back].",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Say what would change; change nothing.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="The counts as JSON.")] = False,
) -> None:
    """Import a JSON export: entries are matched by id, so importing twice adds nothing.

    For an entry (or task) already in the journal, the copy changed last wins: this is how
    the journals of two machines are merged. A file with any problem is refused whole.
    """
    from fourlooks import render
    from fourlooks.store import transfer

    if fmt is not None and fmt not in ("fourlooks", "jrnl"):
        raise UsageError(f"unknown import format {fmt!r}: use fourlooks or jrnl")
    origin = "stdin" if file == "-" else file
    bundle = _read_bundle(file, origin, fmt, parse_look(look) if look else None)
    report = transfer.merge(journal(), bundle, origin=origin, dry_run=dry_run)
    if as_json:
        typer.echo(render.to_json({"format": bundle.format, **report.to_dict()}))
    else:
        typer.echo("\n".join(_report_lines(report, bundle.format)))


def _read_bytes(file: str) -> bytes:
    from fourlooks import files

    return files.read_bounded(file, MAX_IMPORT_BYTES, what="an import")


def _read_bundle(file: str, origin: str, fmt: str | None, look) -> "Bundle":
    from fourlooks.formats import detect, fourlooks_json, jrnl, load_json

    # The bytes are passed on, never kept here: load_json frees them once decoded.
    data = load_json(_read_bytes(file), origin)
    found = detect(data, origin)
    if fmt is not None and fmt != found:
        raise ImportFileError(f"{origin} is a {found} export, not {fmt}")
    if found == "fourlooks":
        if look is not None:
            raise UsageError("--look is for jrnl files: a fourlooks export has every look")
        return fourlooks_json.parse(data, origin)
    return jrnl.parse(data, origin, **({"default_look": look} if look else {}))


def _report_lines(report: "MergeReport", fmt: str) -> Iterator[str]:
    if report.dry_run:
        yield "Dry run: nothing was changed. Importing would give:"
    kinds = ("entries",) if fmt == "jrnl" else ("entries", "tasks", "reviews")
    verb = ("would be added", "would be updated") if report.dry_run else ("added", "updated")
    for kind in kinds:
        counts = getattr(report, kind)
        yield (
            f"{kind + ':':<9} {counts.added} {verb[0]}, {counts.updated} {verb[1]},"
            f" {counts.skipped} already there"
        )
