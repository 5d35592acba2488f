"""The lossless JSON export: every stored field of entries, tasks and reviews.

    {"format": "fourlooks", "version": 1, "entries": [...], "tasks": [...], "reviews": [...]}

and, after the reviews, `"goals": [...]`, `"lesson_links": [...]` and `"decisions": [...]`,
each only when the journal holds some (a journal without them exports the same bytes as
before they existed).

Written as `json.dumps(document, indent=2, ensure_ascii=False)` would write it, plus a final
newline, but a record at a time so that a large journal never sits in memory. The caller
gives records in a stable order (see store.readout), so one journal always gives the same
bytes. docs/export-format.md describes every field.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from fourlooks.dates import canonical_instant
from fourlooks.errors import ImportFileError, JournalError
from fourlooks.formats.fields import (
    Where,
    a_list,
    as_object,
    choice_of,
    date,
    ident,
    month,
    name,
    no_unknown_keys,
    string,
    timestamp,
    type_name,
    utf8,
)
from fourlooks.model import (
    Bundle,
    Cadence,
    Decision,
    DecisionState,
    Entry,
    Goal,
    GoalState,
    LessonLink,
    Look,
    Review,
    Task,
    TaskState,
    clean_owner,
    clean_tag,
    clean_text,
    clean_title,
)

if TYPE_CHECKING:
    from fourlooks.formats import ExportSource

FORMAT = "fourlooks"
VERSION = 1
# A filtered export carries the reviews, tasks and commitments its entries refer to.
SELF_CONTAINED = True
HINT = 'an object with "format": "fourlooks"'
KINDS = ("entries", "tasks", "reviews", "goals", "lesson_links", "decisions")
OPTIONS: tuple[str, ...] = ()
_HEAD = f'{{\n  "format": "{FORMAT}",'  # how every file this module writes begins
_TOP_KEYS = (
    "format", "version", "entries", "tasks", "reviews", "goals", "lesson_links", "decisions"
)  # fmt: skip
_ENTRY_KEYS = tuple(Entry(id="", date="", look=Look.BACK, text="").to_dict())
_TASK_KEYS = tuple(Task(id="", title="").to_dict())
_REVIEW_KEYS = tuple(Review(id="", cadence=Cadence.DAILY, period="").to_dict())
_GOAL_KEYS = tuple(Goal(id="", text="", period="").to_dict())
_LINK_KEYS = tuple(LessonLink(lesson_id="", same_as="").to_dict())
_DECISION_KEYS = tuple(Decision(id="", text="", date="").to_dict())
# Fields added to a record after version 1 was released, written only when set: a journal
# that has none of them exports the same bytes as before they existed.
_WHEN_SET = {Task: ("owner", "checkpoint")}


def write(source: ExportSource) -> Iterator[str]:
    return dump(
        source.entries(),
        source.tasks(),
        source.reviews(),
        source.goals(),
        lesson_links=source.lesson_links(),
        decisions=source.decisions(),
    )


def made_by_export(head: str) -> bool:
    """Whether a file's first bytes are those this module writes."""
    return head.startswith(_HEAD)


def dump(
    entries: Iterable[Entry],
    tasks: Iterable[Task],
    reviews: Iterable[Review],
    goals: Iterable[Goal] = (),
    *,
    lesson_links: Iterable[LessonLink] = (),
    decisions: Iterable[Decision] = (),
) -> Iterator[str]:
    """The export as chunks of text, in the order given; the last keys only when not empty."""
    yield "{\n"
    yield f'  "format": "{FORMAT}",\n'
    yield f'  "version": {VERSION},\n'
    yield from _array("entries", entries, last=False)
    yield from _array("tasks", tasks, last=False)
    # A few of each: read whole, to know which key is the last.
    optional = [
        (key, found)
        for key, records in (
            ("goals", goals),
            ("lesson_links", lesson_links),
            ("decisions", decisions),
        )
        if (found := list(records))
    ]
    yield from _array("reviews", reviews, last=not optional)
    for number, (key, found) in enumerate(optional, start=1):
        yield from _array(key, found, last=number == len(optional))
    yield "}\n"


def _array(key: str, records: Iterable, *, last: bool) -> Iterator[str]:
    yield f'  "{key}": ['
    empty = True
    for record in records:
        yield ("\n" if empty else ",\n") + _indented(_exported(record))
        empty = False
    yield ("]" if empty else "\n  ]") + ("\n" if last else ",\n")


def _indented(fields: dict) -> str:
    """`json.dumps(fields, indent=2, ensure_ascii=False)` indented by 4 more spaces.

    Written out here for the flat records of the export (strings, whole numbers, null, lists
    of strings): json's indenting encoder is pure Python, ~5x slower than this. Any other
    value goes through json itself.
    """
    lines = ["    {"]
    for key, value in fields.items():
        if type(value) is list and all(type(item) is str for item in value):
            if value:
                items = ",\n".join("        " + _string(item) for item in value)
                value_text = "[\n" + items + "\n      ]"
            else:
                value_text = "[]"
        else:
            value_text = _SCALARS.get(type(value), _nested)(value)
        lines.append(f"      {_string(key)}: {value_text},")
    if len(lines) == 1:
        return "    {}"
    lines[-1] = lines[-1][:-1]
    lines.append("    }")
    return "\n".join(lines)


def _nested(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n      ")


_string = json.encoder.encode_basestring  # json's own escaping for ensure_ascii=False
_SCALARS = {str: _string, int: int.__repr__, type(None): lambda _: "null", bool: json.dumps}


def _exported(record) -> dict:
    """The record's fields, its timestamps in the one form the import reads back."""
    fields = record.to_dict()
    for key in _WHEN_SET.get(type(record), ()):
        if fields[key] is None:
            del fields[key]
    for key, value in fields.items():
        if key.endswith("_at") and value is not None:
            try:
                fields[key] = canonical_instant(value)
            except ValueError:
                raise JournalError(
                    f"{key} of {record.id[:8]} is {value[:40]!r}, which no import could read "
                    "back; the export was stopped"
                ) from None
    return fields


def detect(data: object) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def parse(data: object, origin: str) -> Bundle:
    """Validate a decoded export; raise ImportFileError at the first problem."""
    top = Where(origin)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise top.fail("format", f'expected "{FORMAT}"')
    no_unknown_keys(data, _TOP_KEYS, top)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise top.fail("version", f"expected a whole number, found {type_name(version)}")
    if version > VERSION:
        raise ImportFileError(
            f"{origin} is format version {version}, written by a newer fourlooks"
            f" (this one reads version {VERSION}): upgrade fourlooks to import it"
        )
    if "entries" not in data:
        raise top.fail("entries", "missing")
    bundle = Bundle(format=FORMAT)
    bundle.tasks = _each(origin, "task", a_list(data, "tasks", top), _task)
    bundle.reviews = _each(origin, "review", a_list(data, "reviews", top), _review)
    bundle.entries = _each(origin, "entry", a_list(data, "entries", top), _entry)
    bundle.goals = _each(origin, "goal", a_list(data, "goals", top), _goal)
    bundle.lesson_links = _links(origin, a_list(data, "lesson_links", top))
    bundle.decisions = _each(origin, "decision", a_list(data, "decisions", top), _decision)
    return bundle


def _links(origin: str, items: list) -> list[LessonLink]:
    """Each link between two lessons, once; a lesson is never linked to itself."""
    found: list[LessonLink] = []
    seen: dict[tuple[str, ...], int] = {}
    for number, item in enumerate(items, start=1):
        found.append(_link(origin, number, item, seen))
    return found


def _link(origin: str, number: int, item: object, seen: dict) -> LessonLink:
    where = Where(origin, "lesson link", number, item)
    item = as_object(item, where)
    no_unknown_keys(item, _LINK_KEYS, where)
    link = LessonLink(
        lesson_id=ident(item, "lesson_id", where),
        same_as=ident(item, "same_as", where),
        created_at=timestamp(item, "created_at", where),
    )
    if link.lesson_id == link.same_as:
        raise where.fail("same_as", "a lesson is not linked to itself")
    pair = tuple(sorted((link.lesson_id, link.same_as)))
    if pair in seen:
        raise where.fail("same_as", f"the same link as lesson link #{seen[pair]}")
    seen[pair] = number
    return link


def _each(origin: str, noun: str, items: list, read) -> list:
    """Read every item, numbering from 1 as a person counts; ids must not repeat."""
    records = []
    seen: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        records.append(_one(origin, noun, number, item, read, seen))
    return records


def _one(origin: str, noun: str, number: int, item: object, read, seen: dict):
    where = Where(origin, noun, number, item)
    record = read(as_object(item, where), where)
    if record.id in seen:
        raise where.fail("id", f"the same id as {noun} #{seen[record.id]}")
    seen[record.id] = number
    return record


# Reading a file a record at a time (formats.streaming): what each array's items are.
_NOUNS = {"entries": "entry", "tasks": "task", "reviews": "review", "goals": "goal",
          "lesson_links": "lesson link", "decisions": "decision"}  # fmt: skip


def begins_as_export(first: bytes) -> bool:
    """Whether a file's first bytes are those this module writes: such a file is read a
    record at a time (read_stream); any other goes through formats.recognise."""
    return first.startswith(_HEAD.encode())


def read_stream(handle, origin: str, *, first: bytes, limit: int, what: str) -> Bundle:
    """What `parse(load_json(whole file))` gives, and the same first problem, holding the
    file's text a piece at a time and its entries compressed (formats.held).

    As parse does, a problem in the tasks is told before one in the reviews, then the
    entries, and so on; a byte that is not UTF-8, or a JSON error, before any of them.
    """
    from fourlooks.formats.held import HeldEntries
    from fourlooks.formats.streaming import Document

    document = Document(handle, origin, first=first, limit=limit, what=what)
    top: dict[str, object] = {}  # the members, a list's as None
    kinds: dict[str, _Kind] = {}
    for event, key, value in document.events(_NOUNS):
        if event == "value":
            top[key] = value
            kinds.pop(key, None)  # a member given twice: the last counts, as in json
        elif event == "array":
            top[key] = None
            kinds[key] = _Kind(origin, key, HeldEntries() if key == "entries" else [])
        else:
            kinds[key].add(value)
    return _streamed_bundle(origin, top, kinds)


class _Kind:
    """One array of records as it is read: the records, and the first problem in them."""

    def __init__(self, origin: str, key: str, records):
        self.origin, self.key, self.records = origin, key, records
        self.problem: ImportFileError | None = None
        self.seen: dict = {}
        self.count = 0
        self._read = _READERS.get(key)

    def add(self, item: object) -> None:
        self.count += 1
        if self.problem is not None:
            return  # the first problem is the one told; the rest is only read
        try:
            if self.key == "lesson_links":
                self.records.append(_link(self.origin, self.count, item, self.seen))
            else:
                noun, read = _NOUNS[self.key], self._read
                self.records.append(_one(self.origin, noun, self.count, item, read, self.seen))
        except ImportFileError as exc:
            self.problem = exc
            self.records = []


def _streamed_bundle(origin: str, top: dict, kinds: dict[str, _Kind]) -> Bundle:
    """parse's checks, in parse's order, of a file read by read_stream."""
    # The checks of the file as a whole: format, version, no unknown member, entries.
    parse({**top, **{key: [] for key in _NOUNS if key in top}}, origin)
    where = Where(origin)
    for key in ("tasks", "reviews", "entries", "goals", "lesson_links", "decisions"):
        if key in top and key not in kinds:
            a_list(top, key, where)  # not a list: parse's message
        elif key in kinds and kinds[key].problem is not None:
            raise kinds[key].problem
    bundle = Bundle(format=FORMAT)
    for key, kind in kinds.items():
        setattr(bundle, key, kind.records)
    return bundle


def _cleaned(item: dict, key: str, where: Where, clean: Callable[[str], str]) -> str:
    """A text field as the model keeps it (clean_text, clean_title), or the file's error."""
    try:
        return clean(string(item, key, where))
    except ValueError as exc:
        raise where.fail(key, str(exc)) from None


def _entry(item: dict, where: Where) -> Entry:
    no_unknown_keys(item, _ENTRY_KEYS, where)
    text = _cleaned(item, "text", where, clean_text)
    rating = item.get("rating")
    if rating is not None and (
        not isinstance(rating, int) or isinstance(rating, bool) or not 1 <= rating <= 5
    ):
        raise where.fail("rating", f"expected a whole number from 1 to 5, found {rating!r:.40}")
    return Entry(
        id=ident(item, "id", where),
        date=date(item, "date", where),
        look=choice_of(item, "look", Look, where),
        text=text,
        tags=_tags(item, where),
        cadence=choice_of(item, "cadence", Cadence, where, optional=True),
        question_id=name(item, "question_id", where),
        review_id=ident(item, "review_id", where, optional=True),
        task_id=ident(item, "task_id", where, optional=True),
        rating=rating,
        choice=name(item, "choice", where),
        commitment_id=ident(item, "commitment_id", where, optional=True),
        created_at=timestamp(item, "created_at", where),
        updated_at=timestamp(item, "updated_at", where),
    )


def _tags(item: dict, where: Where) -> tuple[str, ...]:
    tags = set()
    for tag in a_list(item, "tags", where):
        if not isinstance(tag, str):
            raise where.fail("tags", f"expected strings, found {type_name(tag)}")
        try:
            tags.add(clean_tag(tag))
        except ValueError as exc:
            raise where.fail("tags", str(exc)) from None
    return tuple(sorted(tags))


def _task(item: dict, where: Where) -> Task:
    no_unknown_keys(item, _TASK_KEYS, where)
    title = _cleaned(item, "title", where, clean_title)
    return Task(
        id=ident(item, "id", where),
        title=title,
        due=date(item, "due", where, optional=True),
        state=choice_of(item, "state", TaskState, where, optional=True),
        closed_at=timestamp(item, "closed_at", where, optional=True),
        reviewed_at=timestamp(item, "reviewed_at", where, optional=True),
        created_at=timestamp(item, "created_at", where),
        updated_at=timestamp(item, "updated_at", where),
        owner=None if item.get("owner") is None else _cleaned(item, "owner", where, clean_owner),
        checkpoint=date(item, "checkpoint", where, optional=True),
    )


def _review(item: dict, where: Where) -> Review:
    no_unknown_keys(item, _REVIEW_KEYS, where)
    cadence = choice_of(item, "cadence", Cadence, where)
    if cadence == Cadence.MONTHLY:
        period = month(string(item, "period", where), "period", where)
    else:
        period = date(item, "period", where)
    task_id = ident(item, "task_id", where, optional=True)
    if (cadence == Cadence.TASK) != (task_id is not None):
        raise where.fail("task_id", "a task review names its task; other reviews have none")
    skipped = set()
    for question_id in a_list(item, "skipped", where):
        if not isinstance(question_id, str) or not question_id.strip() or "\x00" in question_id:
            raise where.fail("skipped", f"expected question ids, found {question_id!r:.40}")
        skipped.add(utf8(question_id, "skipped", where))
    return Review(
        id=ident(item, "id", where),
        cadence=cadence,
        period=period,
        task_id=task_id,
        started_at=timestamp(item, "started_at", where),
        completed_at=timestamp(item, "completed_at", where, optional=True),
        skipped=tuple(sorted(skipped)),
    )


def _goal(item: dict, where: Where) -> Goal:
    no_unknown_keys(item, _GOAL_KEYS, where)
    period = string(item, "period", where)
    if len(period) == 4 and period.isdigit():
        pass  # a year's goal
    else:
        month(period, "period", where)
    task_ids = _sorted_ids(item, "task_ids", where)
    return Goal(
        id=ident(item, "id", where),
        text=_cleaned(item, "text", where, clean_title),
        period=period,
        state=choice_of(item, "state", GoalState, where),
        closed_at=timestamp(item, "closed_at", where, optional=True),
        task_ids=task_ids,
        created_at=timestamp(item, "created_at", where),
        updated_at=timestamp(item, "updated_at", where),
    )


def _decision(item: dict, where: Where) -> Decision:
    no_unknown_keys(item, _DECISION_KEYS, where)
    state = choice_of(item, "state", DecisionState, where)
    made_on = date(item, "made_on", where, optional=True)
    if (made_on is not None) != (state is DecisionState.MADE):
        raise where.fail("made_on", "expected a day for a decision made, and null otherwise")
    return Decision(
        id=ident(item, "id", where),
        text=_cleaned(item, "text", where, clean_title),
        date=date(item, "date", where),
        state=state,
        made_on=made_on,
        answer_ids=_sorted_ids(item, "answer_ids", where),
        created_at=timestamp(item, "created_at", where),
        updated_at=timestamp(item, "updated_at", where),
    )


def _sorted_ids(item: dict, key: str, where: Where) -> tuple[str, ...]:
    """A list of distinct ids, sorted, as the export writes a record's links."""
    ids = [ident({key: value}, key, where) for value in a_list(item, key, where)]
    if ids != sorted(set(ids)):
        raise where.fail(key, "expected distinct ids, sorted")
    return tuple(ids)


_READERS = {"entries": _entry, "tasks": _task, "reviews": _review, "goals": _goal,
            "decisions": _decision}  # fmt: skip
