"""The task screens: `task list` and `task show`, as lines and as JSON."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from fourlooks import words
from fourlooks.render import entry_lines, field, local_minute, paint, shown

if TYPE_CHECKING:
    from fourlooks.model import Task
    from fourlooks.tasks import Detail, Listed


def list_lines(found: list[Listed], lang: str, *, colour: bool) -> Iterator[str]:
    """One row a task: short id, due date, state, title, and why a review is due."""
    for task, short_id, reason in found:
        yield (
            f"{paint(short_id, '2', enabled=colour)}  {task.due or '-':<10}  "
            f"{words.pad(state_label(task, lang), 12)}  {shown(task.title)}"
            f"{_owner(task, lang, colour)}{_flag(reason, task, lang, colour)}"
        )


def nothing_listed(*, include_closed: bool) -> str:
    return "No tasks." if include_closed else "No open tasks."


def list_json(found: list[Listed]) -> list[dict]:
    return [{**item.task.to_dict(), "review_due": item.review_due} for item in found]


def detail_lines(found: Detail, lang: str, *, colour: bool) -> Iterator[str]:
    """Everything stored about a task, then the answers of its reviews."""
    task = found.task
    yield paint(task.id, "1", enabled=colour)
    yield field("show_title", shown(task.title), lang)
    yield field("show_due", task.due or "-", lang)
    if task.checkpoint:
        yield field("show_checkpoint", task.checkpoint, lang)
    if task.owner:
        yield field("show_owner", shown(task.owner), lang)
    closed = words.say("show_closed_mark", lang) if not task.is_open else ""
    yield field("show_state", state_label(task, lang) + closed, lang)
    if found.review_due:
        reason = _reason(found.review_due, task, lang)
        yield field("show_review", words.say("show_review_due", lang, reason=reason), lang)
    yield field("show_created", local_minute(task.created_at), lang)
    if task.reviewed_at:
        yield field("show_reviewed", local_minute(task.reviewed_at), lang)
    if task.closed_at:
        yield field("show_closed", local_minute(task.closed_at), lang)
    if found.answers:
        yield ""
        yield from entry_lines(found.answers, found.answer_ids, lang=lang, colour=colour)


def detail_json(found: Detail) -> dict:
    return {
        **found.task.to_dict(),
        "review_due": found.review_due,
        "entries": [entry.to_dict() for entry in found.answers],
    }


def state_label(task: Task, lang: str) -> str:
    if task.state is None:
        return words.say("task_new", lang)
    return words.choice_label("task.back.state", task.state.value, lang)


def _reason(reason: str, task: Task, lang: str) -> str:
    return words.say(reason, lang, due=task.due, checkpoint=task.checkpoint)


def _owner(task: Task, lang: str, colour: bool) -> str:
    if not task.owner:
        return ""
    return "  " + paint(words.say("list_owner", lang, owner=shown(task.owner)), "2", enabled=colour)


def _flag(reason: str | None, task: Task, lang: str, colour: bool) -> str:
    if not reason:
        return f"  ({words.say('closed', lang)})" if not task.is_open else ""
    flag = words.say("review_due", lang, reason=_reason(reason, task, lang))
    return "  " + paint(flag, "33", enabled=colour)
