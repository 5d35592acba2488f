"""The store behind reviews and tasks: review rows, skips, commitments, task states."""

from __future__ import annotations

import dataclasses

import pytest

from fourlooks import store
from fourlooks.errors import FourlooksError
from fourlooks.model import Cadence, Look, TaskState
from fourlooks.store import entries, reviews, tasks
from fourlooks.store.counts import by_look

DAY = reviews.Key(Cadence.DAILY, "2026-11-26")


@pytest.fixture
def journal(tmp_path):
    with store.open_journal(tmp_path / "j.db") as opened:
        yield opened


def answer(journal, key, question_id, text, look=Look.BACK, date=None, **fields):
    draft = reviews.Draft(
        date=date or key.period, look=look, text=text, question_id=question_id, **fields
    )
    [stored] = reviews.save(journal, key, [draft])
    return stored.review_id


def test_a_review_row_is_created_by_its_first_answer_not_before(journal):
    assert reviews.find(journal, DAY) is None
    review_id = answer(journal, DAY, "daily.back.went_well", "shipped it")
    assert answer(journal, DAY, "daily.back.lesson", "outline first") == review_id
    found = reviews.find(journal, DAY)
    assert (found.id, found.complete) == (review_id, False)
    assert [e.text for e in reviews.answers(journal, review_id)] == ["shipped it", "outline first"]
    [first, _] = reviews.answers(journal, review_id)
    assert (first.cadence, first.review_id, first.date) == (Cadence.DAILY, review_id, "2026-11-26")


def test_skips_and_completion(journal):
    review_id = reviews.skip(journal, DAY, "daily.up.peers")
    reviews.skip(journal, DAY, "daily.up.peers")  # twice is harmless
    assert reviews.skipped(journal, review_id) == {"daily.up.peers"}
    answer(journal, DAY, "daily.back.lesson", "x")
    assert reviews.completed_periods(journal, Cadence.DAILY) == []
    with journal.write():
        reviews.skip(journal, DAY, "daily.ahead.goal")
        reviews.complete(journal, DAY)
    assert reviews.find(journal, DAY).complete
    assert reviews.completed_periods(journal, Cadence.DAILY) == ["2026-11-26"]


def test_a_complete_review_counts_while_it_holds_an_answer(journal):
    review_id = answer(journal, DAY, "daily.back.lesson", "outline first")
    answer(journal, DAY, "daily.back.went_well", "shipped it")
    with journal.write():
        reviews.complete(journal, DAY)
    first, second = reviews.answers(journal, review_id)
    entries.delete(journal, first.id)
    assert reviews.completed_periods(journal, Cadence.DAILY) == ["2026-11-26"]
    entries.delete(journal, second.id)  # nothing answered is left: no practice to count
    assert reviews.completed_periods(journal, Cadence.DAILY) == []
    loose = entries.add(journal, date="2026-11-26", look=Look.BACK, text="written later")
    entries.replace(journal, dataclasses.replace(loose, review_id=review_id))
    assert reviews.completed_periods(journal, Cadence.DAILY) == ["2026-11-26"]
    entries.replace(journal, dataclasses.replace(loose, review_id=None))
    assert reviews.completed_periods(journal, Cadence.DAILY) == []


def test_a_failed_answer_stores_nothing_not_even_the_review_row(journal):
    bad = reviews.Draft(date="2026-11-26", look=Look.BACK, text="x", question_id="q", rating=9)
    with pytest.raises(FourlooksError):
        reviews.save(journal, DAY, [bad])
    assert reviews.find(journal, DAY) is None
    assert entries.count(journal) == 0


def test_commitments_of_any_earlier_day_stay_open_until_a_follow_up_settles_them(journal):
    yesterday = reviews.Key(Cadence.DAILY, "2026-11-24")
    answer(journal, yesterday, "daily.ahead.commitments", "call Li", look=Look.AHEAD)
    answer(journal, yesterday, "daily.ahead.goal", "the budget", look=Look.AHEAD)
    by_hand = entries.add(journal, date="2026-11-24", look=Look.AHEAD, text="draft the rota")
    unreviewed = entries.add(journal, date="2026-11-23", look=Look.AHEAD, text="no review that day")
    entries.add(journal, date="2026-11-26", look=Look.AHEAD, text="today's: asked tomorrow")
    asked = reviews.open_commitments(journal, "2026-11-26")
    assert [e.text for e in asked] == ["no review that day", "call Li", "draft the rota"]
    assert reviews.count_open_commitments(journal, "2026-11-26") == 3

    def follow(commitment, choice):
        draft = reviews.Draft(
            date="2026-11-26",
            look=Look.BACK,
            text=choice,
            question_id=reviews.FOLLOWUP_ID,
            choice=choice,
            commitment_id=commitment.id,
        )
        reviews.save(journal, DAY, [draft])

    follow(by_hand, "done")
    follow(unreviewed, reviews.KEPT)  # kept open: still asked, and known as kept
    assert [e.text for e in reviews.open_commitments(journal, "2026-11-26")] == [
        "no review that day",
        "call Li",
    ]
    assert reviews.kept_open(journal, [e.id for e in asked]) == {unreviewed.id}
    follow(unreviewed, "dropped")
    assert [e.text for e in reviews.open_commitments(journal, "2026-11-26")] == ["call Li"]
    assert reviews.count_open_commitments(journal, "2026-11-26") == 1
    # Only commitments dated before the review's day are asked in it.
    assert reviews.open_commitments(journal, "2026-11-23") == []


def test_task_states_close_and_keep_open(journal):
    task = tasks.add(journal, "Budget draft", due="2026-11-20")
    tasks.record_state(journal, task.id, TaskState.UNDER_WAY)
    got = tasks.get(journal, task.id[:8])
    assert (got.state, got.is_open) == (TaskState.UNDER_WAY, True)
    assert got.reviewed_at is not None
    tasks.record_state(journal, task.id, TaskState.DONE_POORLY)
    got = tasks.get(journal, task.id)
    assert (got.state, got.is_open) == (TaskState.DONE_POORLY, False)
    assert got.closed_at == got.reviewed_at


def test_a_closed_task_stays_closed_and_closing_twice_is_an_error(journal):
    task = tasks.add(journal, "Rota survey")
    closed = tasks.close(journal, task.id)
    assert not closed.is_open and closed.reviewed_at is None
    with pytest.raises(FourlooksError, match="already closed"):
        tasks.close(journal, task.id)
    tasks.record_state(journal, task.id, TaskState.NOT_DONE)
    assert tasks.get(journal, task.id).closed_at == closed.closed_at


def test_tasks_listed_by_due_date_with_their_reviews(journal):
    late = tasks.add(journal, "late", due="2026-12-01")
    undated = tasks.add(journal, "undated")
    soon = tasks.add(journal, "soon", due="2026-11-20")
    tasks.close(journal, undated.id)
    assert [t.title for t in tasks.query(journal)] == ["soon", "late"]
    assert [t.title for t in tasks.query(journal, include_closed=True)] == [
        "soon",
        "late",
        "undated",
    ]
    key = reviews.Key(Cadence.TASK, "2026-11-21", soon.id)
    answer(journal, key, "task.back.state", "done", choice="done")
    info = {r.task.title: r for r in tasks.with_reviews(journal)}
    assert (info["soon"].last_review, info["soon"].unfinished) == ("2026-11-21", True)
    assert (info["late"].last_review, info["late"].unfinished) == (None, False)
    assert tasks.short_ids(journal, [late.id]) == {late.id: late.id[:8]}


def test_look_counts_over_a_window(journal):
    for date, look in [("2026-10-27", Look.UP), ("2026-10-28", Look.UP), ("2026-11-26", Look.BACK)]:
        entries.add(journal, date=date, look=look, text="x")
    counts = by_look(journal, date_from="2026-10-28", date_to="2026-11-26")
    assert counts == {Look.BACK: 1, Look.UP: 1, Look.DOWN: 0, Look.AHEAD: 0}
