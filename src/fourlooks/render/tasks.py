"""The task screens: `task list` and `task show`, as lines and as JSON."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from fourlooks.render import entry_lines, paint, shown

if TYPE_CHECKING:
    from fourlooks.model import Task
    from fourlooks.tasks import Detail, Listed


def list_lines(found: list[Listed], lang: str, *, colour: bool) -> Iterator[str]:
    """One row a task: short id, due date, state, title, and why a review is due."""
    from fourlooks import texts

    for task, short_id, reason in found:
        yield (
            f"{paint(short_id, '2', enabled=colour)}  {task.due or '-':<10}  "
            f"{texts.pad(_state(task, lang), 12)}  {shown(task.title)}"
            f"{_flag(reason, task, lang, colour)}"
        )


def nothing_listed(*, include_closed: bool) -> str:
    return "No tasks." if include_closed else "No open tasks."


def list_json(found: list[Listed]) -> list[dict]:
    return [{**item.task.to_dict(), "review_due": item.review_due} for item in found]


def detail_lines(found: Detail, lang: str, *, colour: bool) -> Iterator[str]:
    """Everything stored about a task, then the answers of its reviews."""
    task = found.task
    yield paint(task.id, "1", enabled=colour)
    yield f"title:    {shown(task.title)}"
    yield f"due:      {task.due or '-'}"
    yield f"state:    {_state(task, lang)}" + (" (closed)" if not task.is_open else "")
    if found.review_due:
        yield f"review:   due ({_reason(found.review_due, task, lang)})"
    yield f"created:  {task.created_at}"
    if task.reviewed_at:
        yield f"reviewed: {task.reviewed_at}"
    if task.closed_at:
        yield f"closed:   {task.closed_at}"
    if found.answers:
        yield ""
        yield from entry_lines(found.answers, found.answer_ids, lang=lang, colour=colour)


def detail_json(found: Detail) -> dict:
    return {
        **found.task.to_dict(),
        "review_due": found.review_due,
        "entries": [entry.to_dict() for entry in found.answers],
    }


def _state(task: Task, lang: str) -> str:
    from fourlooks import texts

    if task.state is None:
        return texts.say(lang, "task_new")
    return texts.choice_label(lang, "task.back.state", task.state.value)


def _reason(reason: str, task: Task, lang: str) -> str:
    from fourlooks import texts

    return texts.say(lang, reason, due=task.due)


def _flag(reason: str | None, task: Task, lang: str, colour: bool) -> str:
    from fourlooks import texts

    if not reason:
        return f"  ({texts.say(lang, 'closed')})" if not task.is_open else ""
    flag = f"{texts.say(lang, 'review_due')}: {_reason(reason, task, lang)}"
    return "  " + paint(flag, "33", enabled=colour)
