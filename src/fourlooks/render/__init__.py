"""Turning model objects into terminal text. The only package that imports rich.

Plain listings are built from strings (with ANSI colour only on a terminal and without
NO_COLOR) so that `list`, typed every day, does not pay rich's import; reports and tables
use rich, imported inside the functions that draw them. Each screen's layout gets a
submodule named for its screen; the helpers they share stay here.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from fourlooks import words
from fourlooks.model import Look

if TYPE_CHECKING:
    from fourlooks.captions import Captions
    from fourlooks.entries import Detail
    from fourlooks.model import Entry

_LOOK_COLOURS = {Look.BACK: "35", Look.UP: "36", Look.DOWN: "32", Look.AHEAD: "33"}


def colour_enabled(stream: Any = None) -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (no-color.org)."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


# What a terminal would act on in stored text: C0 controls but newline and tab, DEL and
# C1. Each becomes a visible stand-in (ESC shows as ␛), so `add $'\e]0;x\a'` can neither
# retitle the window nor clear the screen, and the person still sees something was there.
_CONTROLS = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)}
_CONTROLS[0x7F] = "\u2421"
_CONTROLS.update({code: "\ufffd" for code in range(0x80, 0xA0)})


def shown(text: str) -> str:
    """Stored text made safe for a terminal: control characters shown, never obeyed."""
    return text.translate(_CONTROLS)


def paint(text: str, code: str, *, enabled: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if enabled else text


def day_heading(date: str, lang: str) -> str:
    """`2026-11-26 Thu`, `2026-11-26 周四`."""
    return f"{date} {words.weekday(dt.date.fromisoformat(date), lang)}"


def entry_lines(
    entries: Sequence[Entry],
    short: Mapping[str, str],
    *,
    lang: str,
    colour: bool,
    captions: Captions | None = None,
) -> Iterable[str]:
    """Entries grouped under a heading per day, in the order given; an answer led by what it
    answered when `captions` are given."""
    current = None
    for entry in entries:
        if entry.date != current:
            if current is not None:
                yield ""
            current = entry.date
            yield paint(day_heading(entry.date, lang), "1", enabled=colour)
        yield from _entry_block(entry, short.get(entry.id, entry.id[:8]), lang, colour, captions)


def _entry_block(
    entry: Entry, short_id: str, lang: str, colour: bool, captions: Captions | None
) -> Iterable[str]:
    name = words.look_name(entry.look, lang)
    pad = " " * max(0, 6 - words.width(name))
    head = f"  {paint(short_id, '2', enabled=colour)}  "
    head += paint(name, _LOOK_COLOURS[entry.look], enabled=colour) + pad + "  "
    indent = " " * (len(short_id) + 4 + max(6, words.width(name)) + 2)
    lines = _captioned(entry, captions)
    tags = "  " + " ".join(f"#{shown(tag)}" for tag in entry.tags) if entry.tags else ""
    lines[-1] += paint(tags, "2", enabled=colour) if tags else ""
    yield head + lines[0]
    for line in lines[1:]:
        yield indent + line


def _captioned(entry: Entry, captions: Captions | None) -> list[str]:
    """The entry's lines, the first led by what it answered: `Went well — shipped it`."""
    heading = captions.heading(entry) if captions else None
    if heading is None:
        return shown(entry.text).splitlines() or [""]
    note = captions.note(entry).splitlines() if captions else []
    first = f"{heading} — {note[0]}" if note else heading
    return [shown(line) for line in (first, *note[1:])]


def entry_detail(found: Detail, *, lang: str, colour: bool) -> Iterable[str]:
    """Everything stored about one entry, for `show`: what it answered, by name."""
    entry, captions = found.entry, found.captions
    yield paint(entry.id, "1", enabled=colour)
    yield field("show_date", day_heading(entry.date, lang), lang)
    # The look and the review by their stored value and the article's name, in any language.
    yield field("show_look", f"{entry.look.value} {words.look_name(entry.look, 'zh')}", lang)
    if entry.tags:
        yield field("show_tags", " ".join(f"#{shown(tag)}" for tag in entry.tags), lang)
    if entry.cadence:
        yield field("show_review", words.cadence_heading(entry.cadence), lang)
    heading = captions.heading(entry)
    if heading is not None:
        yield field("show_answers", shown(heading), lang)
    if entry.rating is not None:
        yield field("show_rating", f"{entry.rating}/5", lang)
    for key, record_id in (("show_task", entry.task_id), ("show_follows", entry.commitment_id)):
        if record_id:
            yield field(key, shown(_named(found, record_id)), lang)
    yield field("show_created", local_minute(entry.created_at), lang)
    if entry.updated_at != entry.created_at:
        yield field("show_updated", local_minute(entry.updated_at), lang)
    yield ""
    yield shown(entry.text)


def _named(found: Detail, record_id: str) -> str:
    """A task or commitment `show` names: `«Draft the budget» (3f2a9b1c)`, its short id to
    show it by; `«…»` once it was deleted."""
    about = found.captions.about.get(record_id)
    if about is None:
        return "«…»"
    text = about.strip().split("\n", 1)[0]
    return f"«{text}» ({found.short_ids.get(record_id, record_id[:8])})"


def local_minute(stamp: str) -> str:
    """A stored timestamp (UTC) as a person reads it: local time, to the minute."""
    import datetime as dt

    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return shown(stamp)  # not ours to reinterpret: shown as stored
    if moment.tzinfo is None:
        return shown(stamp)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def field(key: str, value: str, lang: str) -> str:
    """One labelled line of `show`, values aligned whatever the labels' language."""
    return words.pad(words.say(key, lang), 10) + value


def to_json(data: Any) -> str:
    """JSON for scripts: UTF-8 text as it is (not \\u escapes), stable key order as given."""
    import json  # deferred (2 ms): only --json output needs it

    return json.dumps(data, ensure_ascii=False, indent=2)


def progress(items: Iterable[Any], *, total: int, label: str) -> Iterator[Any]:
    """Yield `items`, drawing a progress bar on stderr when it is a terminal.

    Nothing is drawn for a pipe or a file, so redirected stderr stays clean; stdout is never
    touched.
    """
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)
