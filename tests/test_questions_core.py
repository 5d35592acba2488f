"""`questions.listing`: each question numbered within its cadence, filters keep the numbers."""

from __future__ import annotations

from fourlooks import questions
from fourlooks.model import Cadence, Look


def test_numbers_count_within_each_cadence_in_review_order():
    found = questions.listing("en", None)
    bank = questions.load("en")
    for cadence in Cadence:
        mine = [(n, q) for n, q in found if q.cadence == cadence]
        assert [q for _, q in mine] == questions.for_cadence(bank, cadence)
        assert [n for n, _ in mine] == list(range(1, len(mine) + 1))


def test_a_look_filter_keeps_each_questions_number_so_piped_answers_still_line_up():
    every = questions.listing("zh", None, cadence=Cadence.MONTHLY)
    ahead = questions.listing("zh", None, cadence=Cadence.MONTHLY, look=Look.AHEAD)
    assert ahead and ahead == [(n, q) for n, q in every if q.look == Look.AHEAD]
    assert {q.cadence for _, q in every} == {Cadence.MONTHLY}
