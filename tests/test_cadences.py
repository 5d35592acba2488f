"""The cadence table and the question set a review is given, through the review API."""

from __future__ import annotations

import datetime as dt

import pytest

from fourlooks import questions, review, stats, store
from fourlooks.errors import UsageError
from fourlooks.model import Cadence
from fourlooks.review.cadences import DAILY, MONTHLY, SPECS, TASK
from fourlooks.store import reviews

D = dt.date
BANK = questions.load("en")


class Answers:
    """A prompter that answers every question with its id and records what it was asked."""

    interactive = False

    def __init__(self):
        self.asked: list[str] = []

    def show(self, text, *, style=""):
        pass

    def _answer(self, question, progress):
        self.asked.append(question.id)
        return "4 fine" if question.kind != "rating" else review.parse_rating("4")

    ask_text = ask_rating = ask_choice = _answer


@pytest.fixture
def journal(tmp_path):
    with store.open_journal(tmp_path / "j.db") as opened:
        yield opened


def test_every_cadence_has_its_row():
    assert set(SPECS) == set(Cadence)


@pytest.mark.parametrize(
    ("spec", "day", "period", "dated"),
    [
        (DAILY, D(2026, 11, 26), "2026-11-26", D(2026, 11, 26)),
        (MONTHLY, D(2024, 2, 10), "2024-02", D(2024, 2, 29)),
        (TASK, D(2026, 11, 26), "2026-11-26", D(2026, 11, 26)),
    ],
)
def test_a_period_and_the_date_its_answers_carry(spec, day, period, dated):
    assert spec.period(day) == period
    assert spec.dated(period) == dated


def test_the_monthly_audit_stays_current_into_the_next_month_for_its_grace_days():
    assert MONTHLY.current(D(2027, 1, 7)) == "2026-12"
    assert MONTHLY.current(D(2027, 1, 8)) == "2027-01"
    assert MONTHLY.window("2026-12") == (D(2026, 12, 29), D(2027, 1, 7))
    assert DAILY.window("2026-12-31") is None and DAILY.is_due("2026-12-31", D(2027, 5, 1))


def test_a_command_line_period_still_to_come_is_refused():
    today = D(2026, 11, 26)
    assert MONTHLY.choose("2026-11", today) == "2026-11"
    with pytest.raises(UsageError, match="2026-12 has not come yet: an audit looks back"):
        MONTHLY.choose("2026-12", today)
    with pytest.raises(UsageError, match="2026-11-27 has not come yet: a review looks back"):
        DAILY.choose("tomorrow", today)


def test_a_review_asks_the_question_set_it_is_given_and_completes_on_its_last(journal):
    chosen = [q for q in questions.for_cadence(BANK, Cadence.DAILY) if q.look.value == "back"]
    sitting = review.Sitting(DAILY, "2026-11-26", tuple(chosen))
    prompter = Answers()
    outcome = review.take(journal, prompter, sitting, lang="en")
    assert prompter.asked == [q.id for q in chosen]
    assert (outcome.complete, outcome.total) == (True, len(chosen))
    assert reviews.completed_periods(journal, Cadence.DAILY) == ["2026-11-26"]


@pytest.mark.parametrize(
    ("spec", "periods"),
    [
        (DAILY, ["0001-01-01", "1999-12-31", "2000-02-29", "2000-03-01", "9999-12-31"]),
        (MONTHLY, ["0001-01", "1999-12", "2000-01", "2026-11", "9999-12"]),
    ],
)
def test_sqlite_numbers_periods_as_the_cadence_does(spec, periods):
    """status counts streaks on the numbers SQLite gives the periods: the same as Python's."""
    import sqlite3

    conn = sqlite3.connect(":memory:")
    sql = f"SELECT {spec.periods.sql_index} FROM (SELECT ? AS period)"
    numbered = [conn.execute(sql, (period,)).fetchone()[0] for period in periods]
    assert numbered == [spec.periods.index(period) for period in periods]


def test_status_streak_is_the_streak_of_the_completed_periods(journal):
    """The streak status reads through SQLite is the one the review and the report count."""
    chosen = tuple(q for q in questions.for_cadence(BANK, Cadence.DAILY) if q.look.value == "back")
    for day in ("2026-11-20", "2026-11-21", "2026-11-23", "2026-11-24", "2026-11-25"):
        review.take(journal, Answers(), review.Sitting(DAILY, day, chosen), lang="en")
    completed = reviews.completed_periods(journal, Cadence.DAILY)
    for at in ("2026-11-25", "2026-11-26", "2026-11-27"):
        expected = DAILY.streak_of(completed, at=at)
        assert DAILY.streak_in(journal, at=at) == expected
    assert DAILY.streak_in(journal, at="2026-11-26") == stats.Streak(current=3, longest=3)
