"""The journal's vocabulary: plain values with no I/O."""

from __future__ import annotations

import dataclasses
import enum
import functools
import operator
import unicodedata

from fourlooks import words

# Records are dataclasses (dataclasses.fields, replace and asdict work on them) whose methods
# are written in their module's bytecode instead of generated at import: @dataclass compiles
# each generated method with exec, ~0.8 ms a frozen record, paid by every command. `record`
# keeps the bookkeeping (fields, __match_args__, __slots__); each record writes its own
# __init__; equality, hashing, repr and immutability come from `Record`. Other modules'
# small frozen types on a command's path are made the same way.
_set = object.__setattr__


def record(cls: type) -> type:
    """A frozen, slotted dataclass whose __init__ is the class's own."""
    return _with_getter(dataclasses.dataclass(init=False, repr=False, eq=False, slots=True)(cls))


def _with_getter(cls: type) -> type:
    """The fields' values read at once, as a tuple (equality compares them per record)."""
    cls._getter = operator.attrgetter(*cls.__match_args__)
    return cls


class _Values:
    """Equality, hash and repr by the fields in declared order, as @dataclass makes them."""

    __slots__ = ()
    _getter: operator.attrgetter

    def _values(self) -> tuple:
        return self._getter(self)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._getter(self) == self._getter(other)
        return NotImplemented

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__match_args__)
        return f"{type(self).__qualname__}({fields})"


class Record(_Values):
    """What frozen=True gives: no field is assigned or deleted after __init__."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name: str, value: object) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def __getstate__(self) -> list:
        return [getattr(self, name) for name in self.__match_args__]

    def __setstate__(self, state: list) -> None:
        for name, value in zip(self.__match_args__, state, strict=True):
            _set(self, name, value)


class Look(enum.StrEnum):
    """The four habits of self-examination; every entry is tagged with one."""

    BACK = "back"
    UP = "up"
    DOWN = "down"
    AHEAD = "ahead"

    @classmethod
    def parse(cls, text: str) -> Look:
        """Accept `back`, `b`, `回头看` and friends; raise ValueError otherwise."""
        key = text.strip().lower()
        look = _LOOK_ALIASES.get(key)
        if look is None:
            raise ValueError(text)
        return look


_LOOK_ALIASES: dict[str, Look] = {}
for _look in Look:
    _LOOK_ALIASES[_look.value] = _look
    _LOOK_ALIASES[_look.value[0]] = _look
    _LOOK_ALIASES[words.look_name(_look, "zh")] = _look


class Cadence(enum.StrEnum):
    """How often a review is taken: per task (事省), daily (日省), monthly (月省)."""

    DAILY = "daily"
    MONTHLY = "monthly"
    TASK = "task"


class TaskState(enum.StrEnum):
    """The four states of a task (part 4 of the article)."""

    DONE = "done"
    UNDER_WAY = "under_way"
    NOT_DONE = "not_done"
    DONE_POORLY = "done_poorly"

    @property
    def closes(self) -> bool:
        """Done and done-poorly close a task; the other two keep it open."""
        return self in (TaskState.DONE, TaskState.DONE_POORLY)


@record
class Entry(Record):
    """One dated note, tagged with a look; review answers are entries too."""

    id: str
    date: str  # YYYY-MM-DD: the day the entry is about
    look: Look
    text: str
    tags: tuple[str, ...] = ()
    cadence: Cadence | None = None  # set when the entry answers a review question
    question_id: str | None = None
    review_id: str | None = None
    task_id: str | None = None
    rating: int | None = None  # 1-5 for rating questions
    choice: str | None = None  # the value picked for a choice question, e.g. a task state
    commitment_id: str | None = None  # the look-ahead entry this one follows up
    created_at: str = ""
    updated_at: str = ""

    def __init__(
        self,
        id: str,
        date: str,
        look: Look,
        text: str,
        tags: tuple[str, ...] = (),
        cadence: Cadence | None = None,
        question_id: str | None = None,
        review_id: str | None = None,
        task_id: str | None = None,
        rating: int | None = None,
        choice: str | None = None,
        commitment_id: str | None = None,
        created_at: str = "",
        updated_at: str = "",
    ) -> None:
        _set(self, "id", id)
        _set(self, "date", date)
        _set(self, "look", look)
        _set(self, "text", text)
        _set(self, "tags", tags)
        _set(self, "cadence", cadence)
        _set(self, "question_id", question_id)
        _set(self, "review_id", review_id)
        _set(self, "task_id", task_id)
        _set(self, "rating", rating)
        _set(self, "choice", choice)
        _set(self, "commitment_id", commitment_id)
        _set(self, "created_at", created_at)
        _set(self, "updated_at", updated_at)

    def to_dict(self) -> dict:
        """The field names and order shared by `list --json` and the JSON export."""
        return plain(self)


@record
class Filters(Record):
    """Which entries a listing, a search or an export keeps; all of them when nothing is set.

    Days are YYYY-MM-DD, both ends included; a range that ends before it starts is refused.
    """

    date_from: str | None = None
    date_to: str | None = None
    look: Look | None = None
    tag: str | None = None
    person: str | None = None  # a name in normal form (fourlooks.people.clean_name)

    def __init__(
        self,
        date_from: str | None = None,
        date_to: str | None = None,
        look: Look | None = None,
        tag: str | None = None,
        person: str | None = None,
    ) -> None:
        if date_from and date_to and date_from > date_to:
            from fourlooks.errors import UsageError

            raise UsageError(f"--from {date_from} is after --to {date_to}")
        _set(self, "date_from", date_from)
        _set(self, "date_to", date_to)
        _set(self, "look", look)
        _set(self, "tag", tag)
        _set(self, "person", person)

    def given(self) -> bool:
        """Whether any filter is set: an empty result then means none match, not none yet."""
        return any(value is not None for value in self._values())

    def as_kwargs(self) -> dict[str, object]:
        """The filters that are set, as keyword arguments for store.entries' readers."""
        pairs = zip(self.__match_args__, self._values(), strict=True)
        return {key: value for key, value in pairs if value is not None}


# More rows than any journal holds, and within SQLite's 64-bit integers.
_ALL_ROWS = 2**62


def row_limit(number: int) -> int | None:
    """How many rows `-n number` asks for: None (all) for 0 or more than SQLite can count."""
    return number if 0 < number < _ALL_ROWS else None


@record
class Task(Record):
    """A piece of work with an owner's checkpoints; reviewed per task (事省)."""

    id: str
    title: str
    due: str | None = None  # YYYY-MM-DD
    state: TaskState | None = None  # None until its first review
    closed_at: str | None = None
    reviewed_at: str | None = None  # last per-task review
    created_at: str = ""
    updated_at: str = ""
    owner: str | None = None  # who answers for it (落实到具体责任人)
    checkpoint: str | None = None  # YYYY-MM-DD: when it is due for its next review

    def __init__(
        self,
        id: str,
        title: str,
        due: str | None = None,
        state: TaskState | None = None,
        closed_at: str | None = None,
        reviewed_at: str | None = None,
        created_at: str = "",
        updated_at: str = "",
        owner: str | None = None,
        checkpoint: str | None = None,
    ) -> None:
        _set(self, "id", id)
        _set(self, "title", title)
        _set(self, "due", due)
        _set(self, "state", state)
        _set(self, "closed_at", closed_at)
        _set(self, "reviewed_at", reviewed_at)
        _set(self, "created_at", created_at)
        _set(self, "updated_at", updated_at)
        _set(self, "owner", owner)
        _set(self, "checkpoint", checkpoint)

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def to_dict(self) -> dict:
        return plain(self)


class GoalState(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


@record
class Goal(Record):
    """A goal for a year or a month, kept in view (part 4), served by tasks."""

    id: str
    text: str
    period: str  # YYYY for a year's goal, YYYY-MM for a month's
    state: GoalState = GoalState.OPEN
    closed_at: str | None = None  # when it was marked done or dropped
    task_ids: tuple[str, ...] = ()  # the tasks that serve it, sorted
    created_at: str = ""
    updated_at: str = ""

    def __init__(
        self,
        id: str,
        text: str,
        period: str,
        state: GoalState = GoalState.OPEN,
        closed_at: str | None = None,
        task_ids: tuple[str, ...] = (),
        created_at: str = "",
        updated_at: str = "",
    ) -> None:
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "period", period)
        _set(self, "state", state)
        _set(self, "closed_at", closed_at)
        _set(self, "task_ids", task_ids)
        _set(self, "created_at", created_at)
        _set(self, "updated_at", updated_at)

    @property
    def is_open(self) -> bool:
        return self.state is GoalState.OPEN

    def to_dict(self) -> dict:
        return plain(self)


class DecisionState(enum.StrEnum):
    COMING = "coming"  # still to be made: those it affects are asked whether they accept it
    MADE = "made"  # made: they are asked whether they approve of it
    DROPPED = "dropped"  # not to be made after all: nothing more is asked


@record
class Decision(Record):
    """A decision, to come or made, and the review answers that heard those it affects (part 3)."""

    id: str
    text: str
    date: str  # YYYY-MM-DD: the day it was written down
    state: DecisionState = DecisionState.COMING
    made_on: str | None = None  # YYYY-MM-DD: the day it was made
    answer_ids: tuple[str, ...] = ()  # the review answers about it, sorted
    created_at: str = ""
    updated_at: str = ""

    def __init__(
        self,
        id: str,
        text: str,
        date: str,
        state: DecisionState = DecisionState.COMING,
        made_on: str | None = None,
        answer_ids: tuple[str, ...] = (),
        created_at: str = "",
        updated_at: str = "",
    ) -> None:
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "date", date)
        _set(self, "state", state)
        _set(self, "made_on", made_on)
        _set(self, "answer_ids", answer_ids)
        _set(self, "created_at", created_at)
        _set(self, "updated_at", updated_at)

    @property
    def is_coming(self) -> bool:
        return self.state is DecisionState.COMING

    def to_dict(self) -> dict:
        return plain(self)


@record
class LessonLink(Record):
    """A person's word that a lesson is the same one as an earlier lesson: it came back."""

    lesson_id: str  # the later of the two lesson entries
    same_as: str  # the earlier one
    created_at: str = ""

    def __init__(self, lesson_id: str, same_as: str, created_at: str = "") -> None:
        _set(self, "lesson_id", lesson_id)
        _set(self, "same_as", same_as)
        _set(self, "created_at", created_at)

    @property
    def id(self) -> str:
        """What messages name it by: the lesson that came back."""
        return self.lesson_id

    def to_dict(self) -> dict:
        return plain(self)


@record
class Review(Record):
    """One review taken: a day's (period YYYY-MM-DD), a month's (YYYY-MM) or a task's."""

    id: str
    cadence: Cadence
    period: str
    task_id: str | None = None
    started_at: str = ""
    completed_at: str | None = None  # set once every question is answered or skipped
    skipped: tuple[str, ...] = ()  # ids of the questions skipped, sorted

    def __init__(
        self,
        id: str,
        cadence: Cadence,
        period: str,
        task_id: str | None = None,
        started_at: str = "",
        completed_at: str | None = None,
        skipped: tuple[str, ...] = (),
    ) -> None:
        _set(self, "id", id)
        _set(self, "cadence", cadence)
        _set(self, "period", period)
        _set(self, "task_id", task_id)
        _set(self, "started_at", started_at)
        _set(self, "completed_at", completed_at)
        _set(self, "skipped", skipped)

    @property
    def complete(self) -> bool:
        return self.completed_at is not None

    def to_dict(self) -> dict:
        return plain(self)


def plain(record: object) -> dict:
    """A record's fields in their declared order, as JSON values: the one place that decides
    how a record is written out (the export, `--json` listings)."""
    return {name: _plain_value(getattr(record, name)) for name in field_names(type(record))}


def _plain_value(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    return value


@functools.cache
def field_names(kind: type) -> tuple[str, ...]:
    """A record type's field names in declared order (the store's columns follow them)."""
    return tuple(f.name for f in dataclasses.fields(kind))


@_with_getter
@dataclasses.dataclass(init=False, repr=False, eq=False)
class Bundle(_Values):
    """What an import file holds, validated, in file order."""

    format: str  # the name of the format it was read from, e.g. "fourlooks" or "jrnl"
    entries: list[Entry]
    tasks: list[Task]
    reviews: list[Review]
    goals: list[Goal]
    decisions: list[Decision]
    lesson_links: list[LessonLink]

    def __init__(
        self,
        format: str,
        entries: list[Entry] | None = None,
        tasks: list[Task] | None = None,
        reviews: list[Review] | None = None,
        goals: list[Goal] | None = None,
        decisions: list[Decision] | None = None,
        lesson_links: list[LessonLink] | None = None,
    ) -> None:
        self.format = format
        self.entries = [] if entries is None else entries
        self.tasks = [] if tasks is None else tasks
        self.reviews = [] if reviews is None else reviews
        self.goals = [] if goals is None else goals
        self.decisions = [] if decisions is None else decisions
        self.lesson_links = [] if lesson_links is None else lesson_links


@record
class Question(Record):
    """One question of the bank, in the language it was loaded in."""

    id: str  # stable, e.g. "daily.back.lesson"
    cadence: Cadence
    look: Look
    kind: str  # "text", "rating" (1-5 with optional note) or "choice"
    text: str
    source: str  # the part of the article it comes from, e.g. "part 1"
    choices: tuple[str, ...] = ()
    optional_set: str | None = None  # e.g. "qualities": asked only when switched on
    when: str | None = None  # task questions: the TaskState value that leads to this one
    anchors: tuple[str, ...] = ()  # a rating's: what 1, 3 and 5 mean

    def __init__(
        self,
        id: str,
        cadence: Cadence,
        look: Look,
        kind: str,
        text: str,
        source: str,
        choices: tuple[str, ...] = (),
        optional_set: str | None = None,
        when: str | None = None,
        anchors: tuple[str, ...] = (),
    ) -> None:
        _set(self, "id", id)
        _set(self, "cadence", cadence)
        _set(self, "look", look)
        _set(self, "kind", kind)
        _set(self, "text", text)
        _set(self, "source", source)
        _set(self, "choices", choices)
        _set(self, "optional_set", optional_set)
        _set(self, "when", when)
        _set(self, "anchors", anchors)


# One entry's text may hold a long letter, not a book: past this it is refused with a
# clear message instead of slowing every listing and export that touches it.
MAX_TEXT_BYTES = 1_000_000
MAX_TAG_CHARS = 64
MAX_OWNER_CHARS = 64  # a person's or a team's name, not a sentence


def clean_text(text: str) -> str:
    """Return the text to store, or raise ValueError saying what is wrong with it."""
    if "\x00" in text:
        raise ValueError("text contains a NUL byte; is it a binary file?")
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        raise ValueError("text is not valid UTF-8") from None
    if size > MAX_TEXT_BYTES:
        raise ValueError(f"text is {size:,} bytes; the limit for one entry is {MAX_TEXT_BYTES:,}")
    text = text.strip("\n")
    if not text.strip():
        raise ValueError("text is empty")
    return text


def clean_title(title: str) -> str:
    """A task's title: clean text on one line, so every task listing keeps one row a task."""
    cleaned = clean_text(title)
    if "\n" in cleaned:
        raise ValueError("a task title is one line")
    return cleaned


def clean_owner(owner: str) -> str:
    """Who a task is for: a name on one line, its spaces collapsed; ValueError otherwise."""
    name = " ".join(owner.split())
    if not name:
        raise ValueError("an owner is a name: it cannot be empty")
    if len(name) > MAX_OWNER_CHARS:
        raise ValueError(f"an owner's name is longer than {MAX_OWNER_CHARS} characters")
    if not name.isprintable() or any(unicodedata.category(ch) == "Cs" for ch in name):
        raise ValueError(f"not a name: {owner[:20]!r} (no control characters)")
    return name


def clean_tag(tag: str) -> str:
    """Tags are stored lower-case without a leading @ or #, so `@Work` and `work` are one."""
    cleaned = tag.strip().lstrip("@#").lower()
    if not cleaned or any(ch.isspace() for ch in cleaned) or "\x00" in cleaned:
        raise ValueError(f"not a tag: {tag!r} (one word, no spaces)")
    if any(unicodedata.category(ch) == "Cs" for ch in cleaned):
        # A lone surrogate: bytes that were not UTF-8 (`-t $'tag\xff'`), or a bad \ud800 escape.
        raise ValueError(f"not a tag: {tag!r} (not UTF-8 text)")
    if any(unicodedata.category(ch) == "Cc" for ch in cleaned):
        # C0, DEL and C1 (ESC among them): a tag is shown on every screen, never obeyed.
        raise ValueError(f"not a tag: {tag!r} (no control characters)")
    if len(cleaned) > MAX_TAG_CHARS:
        raise ValueError(f"tag is longer than {MAX_TAG_CHARS} characters: {tag[:20]!r}...")
    return cleaned
