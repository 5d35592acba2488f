"""The file formats behind a registry: pure functions between the journal's objects and text.

A format is a module of this package, named in WRITERS (what `export --format` takes) or
READERS (what `import --format` takes); adding one is its module plus one line below.

- a writer module has `write(source) -> Iterator[str]` (the whole export, in chunks) and
  `made_by_export(head) -> bool` (whether a file it may overwrite is one of its own);
  `SELF_CONTAINED = True` asks for a filtered export to carry what its entries refer to;
  `files(source)` and `file_path(day, monthly)` let it write a folder of files;
- a reader module has `detect(data) -> bool`, `parse(data, origin, **options) -> Bundle`,
  `HINT` (what it expects, for the message when no reader knows a file), `KINDS` (the
  records its files carry) and `OPTIONS` (the keyword options its `parse` takes).

Readers take decoded JSON (or, a reader with `TEXT = True`, the file's text), validate
everything before anything is written, and raise
ImportFileError naming the record (its number in the file, and its id when it has one) and
the field at fault. docs/export-format.md describes the formats.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple, Protocol

from fourlooks.errors import ImportFileError

if TYPE_CHECKING:
    from fourlooks.model import Decision, Entry, Goal, LessonLink, Review, Task


class Codec(NamedTuple):
    module: str  # the module of this package that implements the format
    suffix: str = ""  # an export to a file ending so (any case) takes this format
    title: str = ""  # its name in a sentence, e.g. "JSON"


# The formats, by the name a user gives; the first writer is the default export.
WRITERS: dict[str, Codec] = {
    "markdown": Codec("markdown", title="Markdown"),
    "json": Codec("fourlooks_json", suffix=".json", title="JSON"),
}
# Tried in this order when the user names none.
READERS: dict[str, Codec] = {
    "fourlooks": Codec("fourlooks_json"),
    "jrnl": Codec("jrnl"),
    "jrnl-text": Codec("jrnl_text"),
}


class ExportSource(Protocol):
    """What a writer may read of the journal, each part read only when asked for."""

    lang: str

    def entries(self) -> Iterable[Entry]: ...

    def tasks(self) -> Iterable[Task]: ...

    def reviews(self) -> Iterable[Review]: ...

    def goals(self) -> Iterable[Goal]: ...

    def lesson_links(self) -> Iterable[LessonLink]: ...

    def lesson_times(self) -> Mapping[str, tuple[int, int, str]]: ...

    def decisions(self) -> Iterable[Decision]: ...

    def task_titles(self) -> Mapping[str, str]: ...

    def question_texts(self) -> Mapping[str, str]: ...

    def followed_up(self) -> Iterable[str]: ...  # the commitment of each follow-up, repeated


def writer(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{WRITERS[name].module}")


def reader(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{READERS[name].module}")


def writer_for(path: str) -> str:
    """The writer an output path asks for by its ending; the default one otherwise."""
    lowered = path.lower()
    found = (
        name for name, codec in WRITERS.items() if codec.suffix and lowered.endswith(codec.suffix)
    )
    return next(found, next(iter(WRITERS)))


def detect(data: object, origin: str) -> str:
    """Which JSON reader knows a decoded file, by the order of READERS."""
    json_readers = [name for name in READERS if not _reads_text(name)]
    for name in json_readers:
        if reader(name).detect(data):
            return name
    names = " or ".join(json_readers)
    hints = ", or ".join(reader(name).HINT for name in json_readers)
    raise ImportFileError(f"{origin}: not a {names} JSON export (expected {hints})")


def recognise(raw: bytes, origin: str) -> tuple[str, object]:
    """The reader that knows an import file, and what it reads: the decoded JSON, or the text.

    JSON is tried first; a file that is not JSON goes to the readers of text. A file no
    reader knows is refused naming every format expected, not with a bare JSON error.
    Given the bytes as a temporary, as load_json is, so that they are freed once decoded.
    """
    text = _decoded(raw, origin)
    del raw
    try:
        data = _parsed(text, origin)
    except ImportFileError as not_json:
        for name in READERS:
            if _reads_text(name) and reader(name).detect(text):
                return name, text
        hints = "; or ".join(reader(name).HINT for name in READERS if _reads_text(name))
        raise ImportFileError(f"{not_json}; nor is it {hints}") from None
    return detect(data, origin), data


def _reads_text(name: str) -> bool:
    return getattr(reader(name), "TEXT", False)


def load_json(raw: bytes, origin: str) -> object:
    """Decode an import file as UTF-8 JSON, or raise ImportFileError saying where it breaks.

    Given the bytes as a temporary (`load_json(path.read_bytes(), ...)`), this holds the only
    reference to them and frees them before parsing: a large file is then in memory twice at
    most (as text, and as the objects parsed), not three times.
    """
    text = _decoded(raw, origin)
    del raw
    return _parsed(text, origin)


def _decoded(raw: bytes, origin: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"{origin}: not UTF-8 text (byte {exc.start})") from None


def _parsed(text: str, origin: str) -> object:
    import json

    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        from fourlooks.formats.streaming import reason

        raise ImportFileError(
            f"{origin}: not valid JSON at line {exc.lineno}, column {exc.colno}: {reason(exc.msg)}"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(f"{origin}: not valid JSON: {exc}") from None


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON value")
