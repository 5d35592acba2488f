"""The tasks core: the title rule, listings with why a review is due, closing once."""

from __future__ import annotations

import datetime as dt

import pytest

from fourlooks import status, store, tasks
from fourlooks.errors import FourlooksError
from fourlooks.model import Cadence, TaskState, clean_title
from fourlooks.store import reviews
from fourlooks.store import tasks as stored

DAY = dt.date(2026, 11, 26)


@pytest.fixture
def journal(tmp_path):
    with store.open_journal(tmp_path / "j.db") as opened:
        yield opened


def test_a_title_is_one_line_of_clean_text():
    assert clean_title("\nWrite the report\n") == "Write the report"
    with pytest.raises(ValueError, match="a task title is one line"):
        clean_title("two\nlines")
    with pytest.raises(ValueError, match="text is empty"):
        clean_title("   ")


def test_listing_gives_open_tasks_by_due_date_with_short_ids_and_why_a_review_is_due(journal):
    later = tasks.add(journal, "Later", due="2026-12-20")
    late = tasks.add(journal, "Late", due="2026-11-20")
    undated = tasks.add(journal, "Whenever")
    found = tasks.listing(journal, include_closed=False, today=DAY)
    assert [item.task.id for item in found] == [late.task.id, later.task.id, undated.task.id]
    assert [item.short_id for item in found] == [item.task.id[:8] for item in found]
    assert [item.review_due for item in found] == [status.PAST_DUE, None, None]


def test_a_closed_task_leaves_the_open_listing_awaits_a_review_and_cannot_close_twice(journal):
    added = tasks.add(journal, "Drop it")
    closed = tasks.close(journal, added.short_id)
    assert closed.task.closed_at and closed.short_id == added.short_id
    assert tasks.listing(journal, include_closed=False, today=DAY) == []
    [item] = tasks.listing(journal, include_closed=True, today=DAY)
    assert item.review_due == status.CLOSED_UNREVIEWED
    with pytest.raises(FourlooksError, match=f"task {added.short_id} is already closed"):
        tasks.close(journal, added.task.id)


def test_detail_of_a_task_without_reviews_has_no_answers(journal):
    added = tasks.add(journal, "Plan", due="2026-11-01")
    found = tasks.detail(journal, added.short_id, today=DAY)
    assert (found.task, found.review_due, found.answers) == (added.task, status.PAST_DUE, [])


def test_the_tasks_awaiting_a_review_leave_out_only_those_closed_and_reviewed_since(journal):
    tasks.add(journal, "Open")
    closed = tasks.add(journal, "Closed unreviewed")
    tasks.close(journal, closed.short_id)
    stored.record_state(journal, tasks.add(journal, "Done, reviewed").task.id, TaskState.DONE)
    begun = tasks.add(journal, "Done, a review begun again").task
    stored.record_state(journal, begun.id, TaskState.DONE)
    reviews.skip(journal, reviews.Key(Cadence.TASK, "2026-11-26", begun.id), "task.back.state")
    awaiting = {item.task.title for item in stored.awaiting_review(journal)}
    assert awaiting == {"Open", "Closed unreviewed", "Done, a review begun again"}
    every = stored.with_reviews(journal)
    assert len(every) == 4
    assert {item.task.title for item in every if status.task_reason(item, DAY)} == {
        "Closed unreviewed",
        "Done, a review begun again",
    }
