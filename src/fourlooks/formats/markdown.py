"""The journal as Markdown: one document, or a folder of daily notes and monthly self-audits.

Layout (docs/export-format.md shows examples):

- a heading per day; under it a heading per look present, named in the user's language;
  under a look, free entries first, then each review answer under the name of the question it
  answers (fourlooks.captions: its short name, or the start of its text; never its id), with
  the task's title for a task's answers. Every entry is one list item; tags follow its text
  as `#tag`;
- monthly self-audit answers (cadence monthly) get their own heading (one document) or file;
- the folder layout is DIR/YYYY/MM/YYYY-MM-DD.md and DIR/YYYY/MM/YYYY-MM-audit.md, each file
  starting with YAML front matter (date or month, looks, tags, entry ids) and the line
  `generator: fourlooks`, which is how a later export knows the file is its own (the
  one-document export starts with that front matter too).

Entry text is the user's own Markdown and stays so, except what would break the outline
around it: a line that would be a heading is escaped, and a code fence never closed is
escaped so that it cannot swallow the entries after it.
"""

from __future__ import annotations

import array
import bisect
import datetime as dt
import functools
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fourlooks import captions, words
from fourlooks.formats.markdown_records import EXTRA_FILES, Records  # noqa: F401 (transfer)
from fourlooks.formats.markdown_text import escaped, inline
from fourlooks.model import Cadence, Entry, Look

if TYPE_CHECKING:
    from fourlooks.formats import ExportSource

GENERATOR_LINE = "generator: fourlooks"

# Quote markers first: `> # x` is a heading inside a quote, which breaks the outline too.
_COMMITMENT_CHARS = 80  # how much of a commitment a follow-up quotes


def write(source: ExportSource) -> Iterator[str]:
    """The export as one document, ending with the goals, decisions and people heard."""
    return Records(source).document(_renderer(source).document)


def files(source: ExportSource) -> Iterator[tuple[str, str]]:
    """The export as a folder: (relative path, content) of each file, then EXTRA_FILES."""
    return Records(source).files(_renderer(source).files)


def file_path(day: str, monthly: bool) -> str:
    """The file of the folder export that holds a day's entries, or its month's self-audit."""
    return audit_path(day[:7]) if monthly else day_path(day)


def _renderer(source: ExportSource) -> Renderer:
    return Renderer(
        lang=source.lang,
        questions=source.question_texts(),
        task_titles=source.task_titles(),
        lessons=source.lesson_times(),
        followed=source.followed_up(),
    )


@dataclass
class Renderer:
    """Renders entries in one language, with the question texts and task titles given."""

    lang: str = "en"
    questions: Mapping[str, str] = field(default_factory=dict)  # id -> text, in review order
    task_titles: Mapping[str, str] = field(default_factory=dict)
    # Each lesson written more than once: (its time, how many times, since which day).
    lessons: Mapping[str, tuple[int, int, str]] = field(default_factory=dict)
    # The commitment each follow-up of the export follows up, one id per follow-up; None:
    # not known, and every look-ahead entry is kept in case a later follow-up quotes it.
    followed: Iterable[str] | None = None
    # What a later follow-up quotes of each look-ahead entry seen so far (_quoted).
    _ahead: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._order = {question_id: n for n, question_id in enumerate(self.questions)}
        # Words and headings asked for at every entry or day, looked up once.
        self._look_titles = {
            look: words.say("export_look", self.lang, look=words.look_name(look, self.lang))
            for look in Look
        }
        self._tags_label = words.say("export_tags", self.lang)
        self._headings: dict[tuple[str, str], str] = {}
        # Known follow-ups: a quote is kept only for a commitment they name, and only until
        # the last of them is written (a 100k journal holds ~20k look-ahead entries).
        self._uses = _Counts(self.followed) if self.followed is not None else None
        self._left: dict[str, int] = {}

    # One document.

    def document(self, entries: Iterable[Entry]) -> Iterator[str]:
        """The whole export as one document, a day at a time (entries sorted by date)."""
        yield _front_matter([GENERATOR_LINE]) + f"# {words.say('export_title', self.lang)}\n"
        for day, group in itertools.groupby(entries, key=lambda entry: entry.date):
            regular, audit = _split(list(group))
            if regular:
                yield "\n" + "\n".join(self._day(day, regular, level=2)) + "\n"
            if audit:
                yield "\n" + "\n".join(self._audit(day[:7], audit, level=2)) + "\n"

    # A folder of files.

    def files(self, entries: Iterable[Entry]) -> Iterator[tuple[str, str]]:
        """(relative path, content) of each day's note and each month's self-audit."""
        pending_audit: list[Entry] = []
        for day, group in itertools.groupby(entries, key=lambda entry: entry.date):
            regular, audit = _split(list(group))
            if pending_audit and pending_audit[0].date[:7] != day[:7]:
                yield self._audit_file(pending_audit)
                pending_audit = []
            pending_audit.extend(audit)
            if regular:
                yield day_path(day), self._day_file(day, regular)
        if pending_audit:
            yield self._audit_file(pending_audit)

    def _day_file(self, day: str, entries: list[Entry]) -> str:
        head = [f"date: {day}", *_listing(entries)]
        return _note(head, "\n".join(self._day(day, entries, level=1)) + "\n")

    def _audit_file(self, entries: list[Entry]) -> tuple[str, str]:
        month = entries[0].date[:7]
        head = [f"month: {json.dumps(month)}"]
        ratings = {e.question_id: e.rating for e in entries if e.rating and e.question_id}
        if ratings:
            head.append("ratings: " + json.dumps(ratings, ensure_ascii=False))
        head.extend(_listing(entries))
        body = "\n".join(self._audit(month, entries, level=1))
        return audit_path(month), _note(head, body + "\n")

    # Sections.

    def _day(self, day: str, entries: list[Entry], *, level: int) -> list[str]:
        weekday = words.weekday(dt.date.fromisoformat(day), self.lang, form="long")
        return [f"{'#' * level} {day} {weekday}", *self._looks(entries, level + 1)]

    def _audit(self, month: str, entries: list[Entry], *, level: int) -> list[str]:
        title = words.say("export_audit", self.lang, month=words.month_name(month, self.lang))
        return [f"{'#' * level} {title}", *self._looks(entries, level + 1)]

    def _looks(self, entries: list[Entry], level: int) -> Iterator[str]:
        by_look: dict[Look, list[Entry]] = {}
        for entry in entries:
            by_look.setdefault(entry.look, []).append(entry)
        for look in Look:
            chosen = by_look.get(look)
            if not chosen:
                continue
            yield ""
            yield f"{'#' * level} {self._look_titles[look]}"
            free = [entry for entry in chosen if entry.question_id is None]
            if free:
                yield ""
                for entry in free:
                    yield from self._item(entry)
            for heading, answers in self._by_question(chosen):
                yield ""
                yield f"{'#' * (level + 1)} {heading}"
                yield ""
                for entry in answers:
                    yield from self._item(entry)

    def _by_question(self, entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
        """Answers grouped by question (and task), in the order the review asks them."""
        groups: dict[tuple[str, str], list[Entry]] = {}
        for entry in entries:
            if entry.question_id is not None:
                groups.setdefault((entry.question_id, entry.task_id or ""), []).append(entry)

        def order(key: tuple[str, str]) -> tuple[int, str, str]:
            return (self._order.get(key[0], len(self._order)), key[0], key[1])

        return [(self._heading(*key), groups[key]) for key in sorted(groups, key=order)]

    def _heading(self, question_id: str, task_id: str) -> str:
        key = (question_id, task_id)
        if key not in self._headings:
            self._headings[key] = self._new_heading(question_id, task_id)
        return self._headings[key]

    def _new_heading(self, question_id: str, task_id: str) -> str:
        heading = inline(captions.question_name(question_id, self.lang, self.questions))
        if task_id:
            heading += " — " + inline(self.task_titles.get(task_id) or captions.GONE)
        return heading

    def _item(self, entry: Entry) -> Iterator[str]:
        """One entry as a list item: what was rated or picked, the text, then its tags."""
        if entry.look == Look.AHEAD:
            self._keep_quote(entry)
        head = self._mark(entry)
        note = escaped(entry.text)
        plain = _plain_answers(entry.question_id, entry.choice, entry.rating) if head else ()
        if entry.text.strip() in plain:
            note = []  # the text only repeats the rating or the choice
        quote = self._quote(entry)
        if quote:
            head += f": {quote}"
        elif note and head:
            head += f" {note.pop(0)}"
        elif note:
            head = note.pop(0)
        yield f"- {head}".rstrip()
        for line in note:
            yield f"  {line}".rstrip()
        if entry.tags:
            tags = " ".join(f"#{tag}" for tag in entry.tags)
            yield f"  {self._tags_label}: {tags}"
        if entry.id in self.lessons:
            nth, times, since = self.lessons[entry.id]
            yield "  " + words.say("export_lesson", self.lang, nth=nth, times=times, since=since)

    def _mark(self, entry: Entry) -> str:
        """The rating or the choice, in bold, shown before the text."""
        if entry.rating is not None:
            return f"**{entry.rating}/5**"
        if entry.choice is not None:
            return _choice_mark(entry.question_id or "", entry.choice, self.lang)
        return ""

    def _keep_quote(self, entry: Entry) -> None:
        if self._uses is None:
            self._ahead[entry.id] = _quoted(entry.text)
            return
        uses = self._uses.of(entry.id)
        if uses:
            self._ahead[entry.id] = _quoted(entry.text)
            self._left[entry.id] = uses

    def _quote(self, entry: Entry) -> str:
        """For a follow-up: the first line of the commitment it follows up, when known."""
        commitment = entry.commitment_id
        if commitment is None or commitment not in self._ahead:
            return ""
        quote = self._ahead[commitment]
        if self._uses is not None:
            self._left[commitment] -= 1
            if not self._left[commitment]:  # the last follow-up of it: no longer needed
                del self._ahead[commitment], self._left[commitment]
        return quote


class _Counts:
    """How many times each id occurs in a list of ids, in 8 bytes an occurrence.

    The ids' hashes, sorted: two ids sharing a hash only make a quote kept longer.
    """

    def __init__(self, ids: Iterable[str]):
        self._hashes = array.array("q", sorted(map(hash, ids)))

    def of(self, entry_id: str) -> int:
        found = hash(entry_id)
        return bisect.bisect_right(self._hashes, found) - bisect.bisect_left(self._hashes, found)


def _quoted(commitment: str) -> str:
    """What a follow-up quotes of its commitment: the first line, cut to _COMMITMENT_CHARS.

    Kept for every look-ahead entry of the export, so only this much of each is kept.
    """
    if not commitment:
        return ""
    quoted = inline(commitment.splitlines()[0] if commitment.splitlines() else commitment)
    if len(quoted) > _COMMITMENT_CHARS:
        quoted = quoted[: _COMMITMENT_CHARS - 1] + "…"
    return quoted


def day_path(day: str) -> str:
    return f"{day[:4]}/{day[5:7]}/{day}.md"


def audit_path(month: str) -> str:
    return f"{month[:4]}/{month[5:7]}/{month}-audit.md"


def made_by_export(head: str) -> bool:
    """Whether a file's first lines are the front matter this module writes."""
    if not head.startswith("---\n"):
        return False
    end = head.find("\n---\n", 3)
    return end >= 0 and GENERATOR_LINE in head[4:end].split("\n")


def _split(entries: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """A day's entries: the ones for its daily note, and monthly self-audit answers."""
    regular = [entry for entry in entries if entry.cadence != Cadence.MONTHLY]
    audit = [entry for entry in entries if entry.cadence == Cadence.MONTHLY]
    return regular, audit


def _listing(entries: list[Entry]) -> list[str]:
    looks = [look.value for look in Look if any(entry.look == look for entry in entries)]
    tags = sorted({tag for entry in entries for tag in entry.tags})
    return [
        f"looks: [{', '.join(looks)}]",
        "tags: " + _yaml_safe(json.dumps(tags, ensure_ascii=False)),
        "entries: " + json.dumps([entry.id for entry in entries]),
        GENERATOR_LINE,
    ]


# JSON escapes C0 controls itself; YAML also forbids DEL and C1 and breaks lines at NEL, LS
# and PS, so a tag holding one (written before tags refused them) would spoil the front matter.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")


def _yaml_safe(flow: str) -> str:
    return _YAML_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", flow)


def _front_matter(lines: list[str]) -> str:
    return "---\n" + "\n".join(lines) + _END


_END = "\n---\n\n"
# A note of the folder export records a digest of what it wrote below its front matter, so a
# later export can tell a note the person has edited since (the Obsidian use) and keep it.
_DIGEST = "content: sha256-"


def _note(head: list[str], body: str) -> str:
    return _front_matter([*head, _DIGEST + _digest(body)]) + body


def _digest(body: str) -> str:
    from fourlooks.digests import sha256  # deferred: only the folder export needs it

    return sha256(body.encode("utf-8")).hexdigest()[:16]


def edited_by_hand(text: str) -> bool:
    """Whether a note this module wrote has been changed since, by its digest.

    A note written before notes carried a digest cannot tell, and counts as unchanged.
    """
    end = text.find(_END, 3) if text.startswith("---\n") else -1
    found = [line for line in text[4:end].split("\n") if line.startswith(_DIGEST)]
    if end < 0 or not found:
        return False
    return found[0][len(_DIGEST) :] != _digest(text[end + len(_END) :])


@functools.cache
def _choice_mark(question_id: str, choice: str, lang: str) -> str:
    return f"**{inline(words.choice_label(question_id, choice, lang))}**"


@functools.cache
def _plain_answers(question_id: str | None, choice: str | None, rating: int | None) -> frozenset:
    """Texts that only repeat the rating or choice (stored when the user wrote no note).

    A choice without a note is stored as its label in the language the review was taken in.
    Cached: a journal has few distinct (question, choice, rating) triples.
    """
    choice = choice or ""
    labels = {words.choice_label(question_id or "", choice, lang) for lang in words.LANGS}
    return frozenset(({str(rating), choice} | labels) - {""})
