"""The journal's vocabulary: plain values with no I/O."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Look(enum.StrEnum):
    """The four habits of self-examination; every entry is tagged with one."""

    BACK = "back"
    UP = "up"
    DOWN = "down"
    AHEAD = "ahead"

    @property
    def zh(self) -> str:
        return _LOOK_ZH[self]

    @classmethod
    def parse(cls, text: str) -> Look:
        """Accept `back`, `b`, `回头看` and friends; raise ValueError otherwise."""
        key = text.strip().lower()
        look = _LOOK_ALIASES.get(key)
        if look is None:
            raise ValueError(text)
        return look


_LOOK_ZH = {
    Look.BACK: "回头看",
    Look.UP: "抬头看",
    Look.DOWN: "低头看",
    Look.AHEAD: "向前看",
}
_LOOK_ALIASES: dict[str, Look] = {}
for _look in Look:
    _LOOK_ALIASES[_look.value] = _look
    _LOOK_ALIASES[_look.value[0]] = _look
    _LOOK_ALIASES[_LOOK_ZH[_look]] = _look


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


@dataclass(frozen=True, slots=True)
class Entry:
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

    def to_dict(self) -> dict:
        """The field names and order shared by `list --json` and the JSON export."""
        return {
            "id": self.id,
            "date": self.date,
            "look": self.look.value,
            "text": self.text,
            "tags": list(self.tags),
            "cadence": self.cadence.value if self.cadence else None,
            "question_id": self.question_id,
            "review_id": self.review_id,
            "task_id": self.task_id,
            "rating": self.rating,
            "choice": self.choice,
            "commitment_id": self.commitment_id,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


@dataclass(frozen=True, slots=True)
class Task:
    """A piece of work with an owner's checkpoints; reviewed per task (事省)."""

    id: str
    title: str
    due: str | None = None  # YYYY-MM-DD
    state: TaskState | None = None  # None until its first review
    closed_at: str | None = None
    reviewed_at: str | None = None  # last per-task review
    created_at: str = ""
    updated_at: str = ""

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "due": self.due,
            "state": self.state.value if self.state else None,
            "closed_at": self.closed_at,
            "reviewed_at": self.reviewed_at,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


@dataclass(frozen=True, slots=True)
class Review:
    """One review taken: a day's (period YYYY-MM-DD), a month's (YYYY-MM) or a task's."""

    id: str
    cadence: Cadence
    period: str
    task_id: str | None = None
    started_at: str = ""
    completed_at: str | None = None  # set once every question is answered or skipped

    @property
    def complete(self) -> bool:
        return self.completed_at is not None


@dataclass(frozen=True, slots=True)
class Question:
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


# One entry's text may hold a long letter, not a book: past this it is refused with a
# clear message instead of slowing every listing and export that touches it.
MAX_TEXT_BYTES = 1_000_000
MAX_TAG_CHARS = 64


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


def clean_tag(tag: str) -> str:
    """Tags are stored lower-case without a leading @ or #, so `@Work` and `work` are one."""
    cleaned = tag.strip().lstrip("@#").lower()
    if not cleaned or any(ch.isspace() for ch in cleaned) or "\x00" in cleaned:
        raise ValueError(f"not a tag: {tag!r} (one word, no spaces)")
    if len(cleaned) > MAX_TAG_CHARS:
        raise ValueError(f"tag is longer than {MAX_TAG_CHARS} characters: {tag[:20]!r}...")
    return cleaned
