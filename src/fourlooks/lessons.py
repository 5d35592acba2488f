"""Lessons and their recurrence: faults thought of often, so that small ones never grow (常思己过).

A lesson is an answer to one of QUESTION_IDS: what went wrong today, the month's small
faults, what a task's review says to keep or avoid next time. When a person says a new
lesson is the same one as an earlier one (in a review at a terminal, or `lessons link`),
the two are linked; linked lessons form one group, and a group of three is "the third
time". Every function gathers all its command shows, short ids included, so rendering
reads no journal.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from fourlooks.errors import UsageError
from fourlooks.model import Entry, LessonLink
from fourlooks.store import Journal
from fourlooks.store import entries as entry_table
from fourlooks.store import lessons as table

# The questions whose answers are lessons, as the bank names them.
QUESTION_IDS = ("daily.back.went_wrong", "monthly.back.faults", "task.ahead.lesson")


class Lesson(NamedTuple):
    entry: Entry
    short_id: str  # as listings show it (the whole id where no screen shows it)
    nth: int  # 1 for the first of its group, 2 for the second time it was written...
    times: int  # how many lessons its group holds: how often it has been written
    dates: tuple[str, ...]  # the group's dates, earliest first
    same_as: tuple[str, ...]  # the ids of the other lessons of its group, earliest first

    @property
    def since(self) -> str:
        return self.dates[0]

    @property
    def recurring(self) -> bool:
        """Written more than once: this lesson or another of its group came back."""
        return self.times > 1

    @property
    def came_back(self) -> bool:
        """An earlier lesson of its group was written before it: a recurrence, not a first."""
        return self.nth > 1


def register(journal: Journal, *, recurring: bool = False) -> list[Lesson]:
    """Every lesson (or those that came back), newest first, each with its group."""
    found = [lesson for lesson in _all(journal) if lesson.recurring or not recurring]
    return _shortened(journal, sorted(found, key=lambda item: _order(item.entry), reverse=True))


def written_between(journal: Journal, first: str, last: str) -> list[Lesson]:
    """The lessons dated from `first` to `last` (YYYY-MM-DD), earliest first.

    Only those lessons are read, and the linked ones their groups reach: a month report at
    100,000 entries read every lesson (~7,500 at 100 ms) for the month's few.
    """
    found = table.answers_between(journal, QUESTION_IDS, first, last)
    if not found:
        return []
    links = table.links(journal)
    inside = {entry.id for entry in found}
    linked = sorted({end for link_ in links for end in (link_.lesson_id, link_.same_as)} - inside)
    outside = [e for e in entry_table.by_ids(journal, linked).values() if is_lesson(e.question_id)]
    groups = _groups(sorted([*found, *outside], key=_order), links)
    return [_lesson(entry, groups[entry.id]) for entry in found]


def link(journal: Journal, one: str, other: str) -> Lesson:
    """Say two lessons are the same one; the later of the two is returned with its group."""
    first, second = _pair(journal, one, other)
    groups = _groups(table.answers(journal, QUESTION_IDS), table.links(journal))
    if first.id in {entry.id for entry in groups[second.id]}:
        raise UsageError(
            f"lessons {one} and {other} are already the same lesson; nothing changed"
        )
    table.add_link(journal, second.id, first.id)
    return _one(journal, second.id)


def unlink(journal: Journal, one: str, other: str) -> Lesson:
    """Undo a link made by mistake; the later of the two is returned with what is left."""
    first, second = _pair(journal, one, other)
    if not table.remove_link(journal, first.id, second.id):
        raise UsageError(f"lessons {one} and {other} are not linked; nothing changed")
    return _one(journal, second.id)


def like(journal: Journal, lesson_id: str) -> list[Lesson]:
    """The earlier lessons like the one given, best first, as a review would offer them."""
    found = table.resolve(journal, lesson_id, QUESTION_IDS)
    return _shortened(journal, candidates(journal, entry_table.by_ids(journal, [found])[found]))


def link_new(journal: Journal, new: Entry, earlier: Entry) -> Lesson:
    """Link a lesson just written to an earlier one the person named as the same."""
    table.add_link(journal, new.id, earlier.id)
    return _one(journal, new.id)


def is_lesson(question_id: str | None) -> bool:
    return question_id in QUESTION_IDS


def _pair(journal: Journal, one: str, other: str) -> tuple[Entry, Entry]:
    """Two distinct lessons by id or prefix, the earlier first."""
    ids = [table.resolve(journal, text, QUESTION_IDS) for text in (one, other)]
    if ids[0] == ids[1]:
        raise UsageError(f"{one} and {other} are one lesson: a lesson is not linked to itself")
    found = entry_table.by_ids(journal, ids)
    first, second = sorted((found[ids[0]], found[ids[1]]), key=_order)
    return first, second


def _one(journal: Journal, entry_id: str) -> Lesson:
    found = [lesson for lesson in _all(journal) if lesson.entry.id == entry_id]
    return _shortened(journal, found)[0]


def _all(journal: Journal) -> list[Lesson]:
    """Every lesson with its group, earliest first; short ids are left for `_shortened`."""
    found = table.answers(journal, QUESTION_IDS)
    groups = _groups(found, table.links(journal))
    return [_lesson(entry, groups[entry.id]) for entry in found]


def _shortened(journal: Journal, found: list[Lesson]) -> list[Lesson]:
    """The lessons with the short ids their screens show (one query each: only those shown)."""
    short = entry_table.short_ids(journal, [lesson.entry.id for lesson in found])
    return [lesson._replace(short_id=short[lesson.entry.id]) for lesson in found]


def _lesson(entry: Entry, group: list[Entry]) -> Lesson:
    return Lesson(
        entry,
        entry.id,
        nth=group.index(entry) + 1,
        times=len(group),
        dates=tuple(member.date for member in group),
        same_as=tuple(member.id for member in group if member.id != entry.id),
    )


def _groups(found: list[Entry], links: Iterable[LessonLink]) -> dict[str, list[Entry]]:
    """Each lesson's group: the lessons joined to it by links, earliest first."""
    parent = {entry.id: entry.id for entry in found}

    def root(entry_id: str) -> str:
        while parent[entry_id] != entry_id:
            parent[entry_id] = parent[parent[entry_id]]
            entry_id = parent[entry_id]
        return entry_id

    for link_ in links:
        if link_.lesson_id in parent and link_.same_as in parent:
            parent[root(link_.lesson_id)] = root(link_.same_as)
    members: dict[str, list[Entry]] = {}
    for entry in found:  # earliest first already
        members.setdefault(root(entry.id), []).append(entry)
    return {entry.id: members[root(entry.id)] for entry in found}


def _order(entry: Entry) -> tuple[str, str, str]:
    return entry.date, entry.created_at, entry.id


# Words too common to say two lessons are alike; a lesson shares at least two others with an
# earlier one (or all it has, when it has fewer) before it is offered as the same one.
_COMMON = frozenset((
    "about", "again", "also", "and", "any", "are", "because", "been", "but", "can", "could",
    "did", "does", "for", "from", "get", "got", "had", "has", "have", "how", "into", "its",
    "just", "more", "much", "not", "now", "our", "out", "over", "should", "some", "than", "that",
    "the", "then", "there", "they", "this", "today", "too", "very", "was", "were", "what", "when",
    "which", "who", "why", "will", "with", "would", "you", "your",
))  # fmt: skip
_COMMON_CJK = "的了是在我也和就都而与着个这那"
SIMILAR_SHOWN = 3  # earlier lessons offered, best first
_RANKED = 30  # ranked by the index before the shared words are checked


def candidates(journal: Journal, new: Entry) -> list[Lesson]:
    """Earlier lessons like a new one, best first, one per group, none already its own."""
    from fourlooks import fulltext

    terms = [fulltext.Term(word) for word in _words(new.text)]
    if not terms:
        return []
    every = {lesson.entry.id: lesson for lesson in _all(journal)}
    own = {new.id, *every[new.id].same_as} if new.id in every else {new.id}
    tagged = table.tagged_like(journal, new.tags, QUESTION_IDS)
    ranked = table.similar(journal, fulltext.any_expression(terms), QUESTION_IDS, limit=_RANKED)
    needed = min(2, len(terms))
    alike = [
        entry for entry, _ in ranked
        if sum(bool(fulltext.highlight_spans(entry.text, [term])) for term in terms) >= needed
    ]  # fmt: skip
    found: list[Lesson] = []
    for entry in [*tagged, *alike]:
        lesson = every.get(entry.id)
        if lesson is None or entry.id in own or _order(entry) > _order(new):
            continue
        found.append(lesson)
        own.update((entry.id, *lesson.same_as))  # one of each group is enough
    return found[:SIMILAR_SHOWN]


def _words(text: str) -> list[str]:
    """The words of a lesson that can say it is like another: no common ones, CJK as pairs."""
    from fourlooks import fulltext

    found: dict[str, None] = {}
    for token in fulltext.tokens(text):
        if token.isascii():
            telling = len(token) >= 3 and token.isalpha() and token not in _COMMON
        else:
            telling = len(token) >= 2 and not any(ch in _COMMON_CJK for ch in token)
        if telling:
            found[token] = None
    return list(found)[: fulltext.MAX_TERMS]
