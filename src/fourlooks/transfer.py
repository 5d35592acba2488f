"""Export and import: which format, which entries, where they go, and what a file may replace.

`export` and `import_file` are the whole of the two commands below their options: the CLI
parses, makes one of these calls and renders what comes back. The formats themselves are
pure codecs behind a registry (fourlooks.formats); reading out and merging in are the
store's (fourlooks.store.readout and fourlooks.store.transfer).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from fourlooks import files, formats
from fourlooks.errors import FourlooksError, ImportFileError, UsageError

if TYPE_CHECKING:
    from fourlooks.model import (
        Bundle,
        Decision,
        Entry,
        Filters,
        Goal,
        LessonLink,
        Look,
        Review,
        Task,
    )
    from fourlooks.store import Journal
    from fourlooks.store.readout import Selection
    from fourlooks.store.transfer import MergeReport

# Exports of fewer entries finish before a progress bar would be worth drawing.
PROGRESS_MIN_ENTRIES = 2000
# An import file is read whole; a file this large is a mistake, not a journal.
MAX_IMPORT_BYTES = 1 << 30

# Draws a bar while the items pass (render.progress); given only when there is a terminal.
ProgressBar = Callable[..., Iterator]


# Export.


@dataclass(frozen=True)
class ExportRequest:
    """An export as asked for: the options, parsed, and where the journal's files are."""

    filters: Filters
    journal_file: Path
    fmt: str | None = None  # a name of formats.WRITERS; None: from `out`'s ending
    out: str | None = None  # a file, a folder (a trailing / or an existing one), or stdout
    lang: str = "en"
    questions_file: Path | None = None
    force: bool = False  # replace an earlier JSON export even if it holds more


@dataclass(frozen=True)
class ExportPlan:
    """What an export will do, decided before anything is read or written."""

    format: str
    filters: Filters
    file: Path | None = None  # with no folder either: stdout
    folder: Path | None = None


@dataclass
class ExportResult:
    plan: ExportPlan
    written: int = 0  # files of a folder export written, and left as they were
    unchanged: int = 0
    entries: int = 0  # entries a file export wrote
    kept: list[str] = field(default_factory=list)  # notes edited by hand: left as they are
    warnings: list[str] = field(default_factory=list)


def plan_export(request: ExportRequest) -> ExportPlan:
    """Check the options and the target; raise UsageError or FourlooksError at a problem."""
    filters, out = request.filters, request.out
    name = _export_format(request.fmt, out)
    if out is not None and (out.endswith(("/", "\\")) or Path(out).is_dir()):
        if not hasattr(formats.writer(name), "files"):
            codec = formats.WRITERS[name]
            raise UsageError(
                f"a {codec.title} export is one file: give --out a file name,"
                f" e.g. journal{codec.suffix}"
            )
        return ExportPlan(name, filters, folder=Path(out))
    if out is None or out == "-":
        return ExportPlan(name, filters)
    check_target(Path(out), request.journal_file)
    return ExportPlan(name, filters, file=Path(out))


def _export_format(fmt: str | None, out: str | None) -> str:
    if fmt is None:
        return formats.writer_for(out or "")
    if fmt not in formats.WRITERS:
        raise UsageError(f"unknown export format {fmt!r}: use {' or '.join(formats.WRITERS)}")
    return fmt


def check_target(
    target: Path,
    journal_file: Path,
    *,
    in_folder: bool = False,
    refuse_journal: Callable[[Path], None] | None = None,
) -> None:
    """Overwrite an earlier export, never the journal or a file fourlooks did not write.

    `refuse_journal` is files.journal_guard(journal_file), when there are many targets.
    """
    (refuse_journal or files.journal_guard(journal_file))(target)
    if target.is_dir() and not in_folder:
        raise UsageError(f"{target} is a folder: add a trailing / for one file per day")
    if not target.exists() or (not in_folder and not target.is_file()):
        return  # nothing there yet, or a device or pipe: written to, never replaced
    if target.is_file() and _made_by_export(files.read_head(target)):
        return
    advice = (
        "nothing was written (move it away or export to another folder)"
        if in_folder
        else "not overwriting it (move it away or choose another name)"
    )
    raise FourlooksError(f"{target} exists and was not written by fourlooks export; {advice}")


# A day's note is a few kilobytes; one holding more than this is not worth comparing.
MAX_NOTE_BYTES = 64 << 20


def _edited_since(writer, target: Path) -> bool:
    """Whether a note of an earlier export was edited by hand since it was written."""
    if not target.is_file() or not hasattr(writer, "edited_by_hand"):
        return False
    raw = files.read_bounded(str(target), MAX_NOTE_BYTES, what="a note")
    return writer.edited_by_hand(raw.decode("utf-8", errors="replace"))


def _made_by_export(head: str) -> bool:
    return any(formats.writer(name).made_by_export(head) for name in formats.WRITERS)


def export(
    journal: Journal,
    request: ExportRequest,
    *,
    stdout: IO[str],
    shown: Callable[[str], str] | None = None,
    progress: ProgressBar | None = None,
) -> ExportResult:
    """Write the export the request asks for: to a file, a folder, or `stdout`.

    `shown` changes what goes to stdout (render.shown, for a terminal); `progress` draws a
    bar over the entries, when there are enough of them to be worth one.
    """
    from fourlooks.store import readout

    result = ExportResult(plan_export(request))
    plan, writer = result.plan, formats.writer(result.plan.format)
    if plan.file is not None and not request.force:
        _refuse_to_lose(journal, plan.file)
    source = _Source(journal, request, result.warnings, progress)
    with readout.snapshot(journal):
        if plan.folder is not None:
            _export_folder(writer, source, plan.folder, result)
            return result
        if getattr(writer, "SELF_CONTAINED", False) and plan.filters.given():
            source.select()
        if plan.file is not None:
            source.count_into(result)
        chunks = writer.write(source)
        if plan.file is not None:
            files.write_atomic(plan.file, chunks)
        else:
            files.write_text_stream(stdout, map(shown, chunks) if shown else chunks)
    return result


def _refuse_to_lose(journal: Journal, target: Path) -> None:
    """Refuse to replace a JSON export that holds records this journal lacks or has older.

    Such a file is another machine's journal not yet imported: replacing it would lose them.
    The merge's modules are imported only for such a file (hashlib alone holds ~3.7 MB).
    """
    if not target.is_file() or not formats.writer("json").made_by_export(files.read_head(target)):
        return
    from fourlooks.formats import fourlooks_json
    from fourlooks.store import transfer

    # Read as an import reads it: a record at a time, never the whole file at once.
    with files.open_input(str(target), MAX_IMPORT_BYTES, what="an earlier export") as handle:
        bundle = fourlooks_json.read_stream(
            handle,
            str(target),
            first=_first_bytes(handle),
            limit=MAX_IMPORT_BYTES,
            what="an earlier export",
        )
    missing = transfer.not_held(journal, bundle)
    if missing:
        one = {"entries": "entry", "tasks": "task", "reviews": "review", "goals": "goal",
               "lesson links": "lesson link", "decisions": "decision"}  # fmt: skip
        counts = ", ".join(
            f"{count} {kind if count != 1 else one[kind]}" for kind, count in missing.items()
        )
        raise FourlooksError(
            f"{target} holds what this journal lacks or has older ({counts}): import it"
            f" first (`fourlooks import {target}`), or --force replaces it"
        )


def _export_folder(writer, source: _Source, folder: Path, result: ExportResult) -> None:
    """One file per day (and per month's self-audit); only files of our own are replaced."""
    from fourlooks.store import readout

    request = source.request
    # All checked before anything is written: a refusal leaves the folder as it was.
    guard = files.journal_guard(request.journal_file)
    for day, monthly in readout.days(source.journal, request.filters):
        target = folder / writer.file_path(day, monthly)
        check_target(target, request.journal_file, in_folder=True, refuse_journal=guard)
    for relative in getattr(writer, "EXTRA_FILES", ()):
        check_target(folder / relative, request.journal_file, in_folder=True, refuse_journal=guard)
    with files.AtomicFiles() as written:
        for relative, content in writer.files(source):
            target = folder / relative
            if files.same_content(target, content):
                result.unchanged += 1
                continue
            if _edited_since(writer, target):
                result.kept.append(str(relative))
                continue
            files.make_folder(target.parent)
            written.add(target, content)
            result.written += 1


class _Source:
    """The journal as a writer reads it (formats.ExportSource), each part read when asked."""

    def __init__(
        self,
        journal: Journal,
        request: ExportRequest,
        warnings: list[str],
        progress: ProgressBar | None,
    ):
        self.journal, self.request, self.lang = journal, request, request.lang
        self._warnings, self._progress = warnings, progress
        self._selection: Selection | None = None
        self._counted: ExportResult | None = None

    def count_into(self, result: ExportResult) -> None:
        """Count the entries the writer reads into `result`, for what the export says it wrote."""
        self._counted = result

    def _counting(self, found: Iterable[Entry]) -> Iterable[Entry]:
        result = self._counted
        if result is None:
            return found
        return _count(found, result)

    def select(self) -> None:
        """From now on, the entries chosen and everything they refer to (store.readout.select)."""
        from fourlooks.store import readout

        self._selection = readout.select(self.journal, self.request.filters)

    def entries(self) -> Iterable[Entry]:
        from fourlooks.store import readout

        if self._selection is not None:
            return self._counting(readout.selected_entries(self.journal, self._selection))
        found = self._counting(readout.entries(self.journal, self.request.filters))
        if self._progress is None:
            return found
        total = readout.count_entries(self.journal, self.request.filters)
        if total < PROGRESS_MIN_ENTRIES:
            return found
        return self._progress(found, total=total, label="Exporting")

    def tasks(self) -> Iterable[Task]:
        from fourlooks.store import readout

        ids = self._selection.task_ids if self._selection else None
        return readout.tasks(self.journal, ids)

    def reviews(self) -> Iterable[Review]:
        from fourlooks.store import readout

        ids = self._selection.review_ids if self._selection else None
        return readout.reviews(self.journal, ids)

    def goals(self) -> Iterable[Goal]:
        from fourlooks.store import readout

        # A filtered export carries no goals: their tasks may be outside what it chose.
        return [] if self._selection is not None else readout.goals(self.journal)

    def lesson_links(self) -> Iterable[LessonLink]:
        from fourlooks.store import readout

        # A filtered export carries the links between the lessons it chose.
        chosen = self._selection.entry_ids if self._selection is not None else None
        return readout.lesson_links(self.journal, chosen)

    def lesson_times(self) -> Mapping[str, tuple[int, int, str]]:
        from fourlooks.store import readout

        return readout.lesson_times(self.journal)

    def decisions(self) -> Iterable[Decision]:
        from fourlooks.store import readout

        # A filtered export carries no decisions: their answers may be outside what it chose.
        return [] if self._selection is not None else readout.decisions(self.journal)

    def followed_up(self) -> Iterable[str]:
        from fourlooks.store import readout

        if self._selection is not None:
            chosen = readout.selected_entries(self.journal, self._selection)
            return [entry.commitment_id for entry in chosen if entry.commitment_id]
        return readout.followed_up(self.journal, self.request.filters)

    def task_titles(self) -> Mapping[str, str]:
        from fourlooks.store import readout

        return readout.task_titles(self.journal)

    def question_texts(self) -> Mapping[str, str]:
        from fourlooks import questions
        from fourlooks.errors import ConfigError

        try:
            return questions.texts(self.lang, self.request.questions_file)
        except ConfigError as exc:
            # A typo in questions.toml should not stop the journal from leaving.
            self._warnings.append(f"{exc}; using the built-in question texts")
            return questions.texts(self.lang)


def _count(found: Iterable[Entry], result: ExportResult) -> Iterator[Entry]:
    for entry in found:
        result.entries += 1
        yield entry


# Import.


@dataclass(frozen=True)
class ImportRequest:
    file: str  # a path, or "-" for stdin
    fmt: str | None = None  # a name of formats.READERS; None: recognised from the content
    look: Look | None = None  # jrnl: the look of entries that name none
    dry_run: bool = False


@dataclass
class ImportResult:
    format: str
    kinds: tuple[str, ...]  # the records that format carries: what is worth reporting
    report: MergeReport

    def to_dict(self) -> dict:
        return {"format": self.format, **self.report.to_dict()}


def import_file(journal: Journal, request: ImportRequest) -> ImportResult:
    """Read, check and merge a file in one transaction; a file with any problem is refused."""
    from fourlooks.store import transfer

    if request.fmt is not None and request.fmt not in formats.READERS:
        raise UsageError(
            f"unknown import format {request.fmt!r}: use {' or '.join(formats.READERS)}"
        )
    origin = "stdin" if request.file == "-" else request.file
    name, bundle = _read_bundle(request, origin)
    report = transfer.merge(journal, bundle, origin=origin, dry_run=request.dry_run)
    return ImportResult(name, formats.reader(name).KINDS, report)


def _read_bundle(request: ImportRequest, origin: str) -> tuple[str, Bundle]:
    found, data, bundle = _read(request, origin)
    if request.fmt is not None and request.fmt != found:
        raise ImportFileError(f"{origin} is a {found} export, not {request.fmt}")
    reader = formats.reader(found)
    options = {"default_look": request.look} if request.look is not None else {}
    if set(options) - set(reader.OPTIONS):
        takers = [
            name for name in formats.READERS if set(options) <= set(formats.reader(name).OPTIONS)
        ]
        raise UsageError(
            f"--look is for {' or '.join(takers)} files: a {found} export has every look"
        )
    return found, bundle if bundle is not None else reader.parse(data, origin, **options)


def _read(request: ImportRequest, origin: str) -> tuple[str, object, Bundle | None]:
    """The reader that knows the file, and what it parses, or the Bundle already read.

    A file that begins as fourlooks' own export writes it is read a record at a time
    (fourlooks_json.read_stream): its text is never whole in memory. Any other is read
    whole, and goes to the reader that recognises it (formats.recognise).
    """
    from fourlooks.formats import fourlooks_json

    handle = files.open_input(request.file, MAX_IMPORT_BYTES, what="an import")
    try:
        first = _first_bytes(handle)
        if request.fmt in (None, "fourlooks") and fourlooks_json.begins_as_export(first):
            bundle = fourlooks_json.read_stream(
                handle, origin, first=first, limit=MAX_IMPORT_BYTES, what="an import"
            )
            return "fourlooks", None, bundle
        whole = [files.read_rest(handle, MAX_IMPORT_BYTES, first)]
        del first
    finally:
        if request.file != "-":
            handle.close()
    if len(whole[0]) > MAX_IMPORT_BYTES:
        raise UsageError(f"{origin} is over {MAX_IMPORT_BYTES:,} bytes: too large for an import")
    # The bytes are passed on, never kept here: recognise frees them once decoded.
    return (*formats.recognise(whole.pop(), origin), None)


def _first_bytes(handle: IO[bytes]) -> bytes:
    """The first piece of a file or a pipe: enough to tell how it begins."""
    from fourlooks.formats.streaming import CHUNK_BYTES

    first = handle.read(CHUNK_BYTES)
    while first and len(first) < files.HEAD_BYTES:  # a pipe may give less at a time
        more = handle.read(CHUNK_BYTES)
        if not more:
            break
        first += more
    return first
