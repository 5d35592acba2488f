"""The report's figures, checked against the journal of tests/journal_builder.py."""

from __future__ import annotations

import datetime as dt

import pytest

from fourlooks import report
from fourlooks.errors import UsageError
from fourlooks.store import open_journal
from journal_builder import JournalBuilder, copy_journal

TODAY = dt.date(2026, 11, 26)
AUDIT = [
    "monthly.back.commitment",
    "monthly.back.conduct",
    "monthly.back.image",
    "monthly.back.performance",
]


@pytest.fixture(scope="module")
def journal(tmp_path_factory, standard_journal_template):
    copy = copy_journal(standard_journal_template, tmp_path_factory.mktemp("report") / "j.db")
    journal = open_journal(copy)
    yield journal
    journal.close()


@pytest.fixture(scope="module")
def october(journal):
    return report.month_report(journal, 2026, 10, today=TODAY, lang="en")


@pytest.fixture(scope="module")
def november(journal):
    return report.month_report(journal, 2026, 11, today=TODAY, lang="en")


def test_coverage_of_a_past_month_counts_all_its_days(october):
    assert (october.days_in_month, october.days_so_far, october.complete) == (31, 31, True)
    assert october.days_reviewed == 10  # Oct 1-10; the Oct 20 review was never completed
    assert october.reviewed_dates == [f"2026-10-{n:02d}" for n in range(1, 11)]
    assert october.coverage == pytest.approx(10 / 31, abs=1e-4)


def test_coverage_of_the_current_month_counts_up_to_today(november):
    assert (november.days_in_month, november.days_so_far, november.complete) == (30, 26, False)
    assert november.days_reviewed == 11  # Nov 1-5 and 20-25
    assert november.coverage == pytest.approx(11 / 26, abs=1e-4)


def test_entries_per_day_cover_every_day_of_the_month(october, november):
    assert len(october.entries_by_day) == 31
    # Oct 1: went_well, lesson, listened, two commitments; Oct 2-10 add two follow-ups.
    assert october.entries_by_day["2026-10-01"] == 5
    assert october.entries_by_day["2026-10-02"] == 7
    assert october.entries_by_day["2026-10-11"] == 0
    assert october.entries_by_day["2026-10-31"] == 7  # the audit: 5 ratings, faults, goal
    assert sum(october.entries_by_day.values()) == october.entries == 86
    # An entry dated tomorrow is in the month (a look-ahead written today).
    assert november.entries_by_day["2026-11-27"] == 1


def test_balance_names_the_neglected_look_and_the_change(october, november):
    # The balance is of reflection: follow-ups and task states are counted apart. October
    # has 19 follow-ups (two a day Oct 2-10, one Oct 20) and 5 task states; November 9
    # follow-ups and 1 task state. Every entry is still in `entries` and the calendar.
    assert october.entries_by_look == {"back": 28, "up": 1, "down": 11, "ahead": 22}
    assert (october.follow_ups, november.follow_ups) == (24, 10)
    assert october.entries == sum(october.entries_by_look.values()) + october.follow_ups
    assert october.neglected_look == "up"
    assert october.previous_month == "2026-09"
    assert october.previous_entries_by_look == {"back": 4, "up": 0, "down": 0, "ahead": 0}
    assert october.entries_by_look_change == {"back": 24, "up": 1, "down": 11, "ahead": 22}
    assert november.entries_by_look == {"back": 23, "up": 1, "down": 11, "ahead": 12}
    assert november.entries_by_look_change == {"back": -5, "up": 0, "down": 0, "ahead": -10}


def test_streaks_as_they_stood_at_the_end_of_the_period(october, november):
    # On Oct 31 the run of Oct 1-10 was long over.
    assert october.streaks == report.Streaks(current=0, longest=10, longest_in_period=10)
    # Nov 20-25: still alive on the 26th, whose review is not done yet.
    assert november.streaks == report.Streaks(current=6, longest=10, longest_in_period=6)


def test_ratings_next_to_the_previous_month_with_gaps_as_none(october):
    assert october.audit_done is True
    assert october.trend_months == [f"2026-{m:02d}" for m in range(5, 11)]
    by_id = {r.id: r for r in october.ratings}
    assert list(by_id) == [*AUDIT, "monthly.back.principles"]  # a quality shows when rated
    commitment = by_id["monthly.back.commitment"]
    assert (commitment.label, commitment.value, commitment.previous, commitment.change) == (
        "commitment",
        4,
        3,
        1,
    )
    # May: before the journal; July: no audit. Gaps, never zeros.
    assert commitment.trend == [None, 3, None, 4, 3, 4]
    assert by_id["monthly.back.conduct"].change == 0
    assert by_id["monthly.back.performance"].trend == [None, 2, None, 3, 3, 3]
    principles = by_id["monthly.back.principles"]
    assert (principles.value, principles.previous, principles.change) == (4, None, None)


def test_a_month_not_yet_audited_has_no_values_but_last_months(november):
    assert november.audit_done is False
    by_id = {r.id: r for r in november.ratings}
    assert [(r.value, r.previous, r.change) for r in november.ratings[:4]] == [
        (None, 4, None),
        (None, 3, None),
        (None, 4, None),
        (None, 3, None),
    ]
    assert by_id["monthly.back.image"].trend == [3, None, 3, 3, 4, None]


def test_rating_labels_follow_the_language(journal):
    zh = report.month_report(journal, 2026, 10, today=TODAY, lang="zh")
    assert [r.label for r in zh.ratings] == ["党性", "品行", "形象", "业绩", "党性修养"]


def test_commitments_made_followed_up_and_their_answers(october, november):
    # 20 from the daily reviews and "Call the printer" (Oct 15); the audit's goal (Oct 31) is
    # a plan of another kind, which no review asks "did it happen?" about.
    assert october.commitments == report.Commitments(
        made=21, followed_up=19, done=9, partly=4, not_done=6, awaiting=2
    )
    assert november.commitments == report.Commitments(
        made=12, followed_up=9, done=9, partly=0, not_done=0, awaiting=3
    )


def test_tasks_opened_closed_by_state_and_overdue(october, november):
    tasks = october.tasks
    assert (tasks.opened, tasks.closed, tasks.open, tasks.overdue) == (4, 2, 3, 1)
    assert tasks.reviewed == 4
    assert tasks.by_state == {"done": 1, "under_way": 1, "not_done": 1, "done_poorly": 1}
    assert [(t.title, t.due) for t in tasks.overdue_tasks] == [("Budget draft", "2026-10-15")]
    tasks = november.tasks
    assert (tasks.opened, tasks.closed, tasks.open, tasks.overdue, tasks.reviewed) == (
        1,
        1,
        3,
        2,
        1,
    )
    assert tasks.by_state == {"done": 1, "under_way": 0, "not_done": 0, "done_poorly": 0}
    # "Print leaflets" is due Nov 30: open, not overdue on the 26th.
    assert [t.title for t in tasks.overdue_tasks] == ["Budget draft", "Annual plan"]


def test_highlights_are_the_months_answers_by_group(october):
    highlights = october.highlights
    assert list(highlights) == ["successes", "lessons", "voices", "goals"]
    successes = [(h.date, h.text) for h in highlights["successes"]]
    assert len(successes) == 12  # ten complete reviews, the incomplete one, a task's effect
    assert successes[-1] == ("2026-10-21", "Fewer complaints about Mondays")
    assert highlights["lessons"][-1].text == "Interrupting people in meetings"
    assert [h.text for h in highlights["voices"]][:2] == ["2026-10-01 heard", "2026-10-02 heard"]
    assert [h.text for h in highlights["goals"]] == ["Publish the rota before the 25th"]


def test_an_empty_month_is_an_honest_report_of_nothing(journal):
    empty = report.month_report(journal, 2026, 7, today=TODAY, lang="en")
    assert (empty.entries, empty.days_reviewed, empty.coverage) == (0, 0, 0.0)
    assert empty.neglected_look is None
    assert set(empty.entries_by_day.values()) == {0}
    assert empty.commitments.made == 0
    assert all(r.value is None for r in empty.ratings)
    assert [r.previous for r in empty.ratings] == [3, 4, 3, 2]  # June's audit
    assert empty.highlights == {"successes": [], "lessons": [], "voices": [], "goals": []}


def test_a_fresh_journal_reports_without_error(tmp_path):
    with open_journal(tmp_path / "new.db") as journal:
        month = report.month_report(journal, 2026, 11, today=TODAY, lang="en")
        year = report.year_report(journal, 2026, today=TODAY, lang="en")
    assert month.entries == 0 and month.ratings[0].trend == [None] * 6
    assert year.entries == 0 and year.ratings[0].values == [None] * 12


def test_a_month_or_year_that_has_not_begun_is_refused(journal):
    with pytest.raises(UsageError, match="2026-12 has not begun yet"):
        report.month_report(journal, 2026, 12, today=TODAY, lang="en")
    with pytest.raises(UsageError, match="2027 has not begun yet"):
        report.year_report(journal, 2027, today=TODAY, lang="en")


def test_year_report_puts_twelve_months_side_by_side(journal):
    year = report.year_report(journal, 2026, today=TODAY, lang="en")
    assert [m.month for m in year.months] == [f"2026-{m:02d}" for m in range(1, 13)]
    assert year.entries == 159
    # Follow-ups and task states apart: one task state in August, 24 in October, 10 in November.
    assert year.entries_by_look == {"back": 64, "up": 3, "down": 22, "ahead": 35}
    assert year.follow_ups == 35
    assert year.neglected_look == "up"
    # Counted from the journal's first entry, June 10: 21 + 31 + 31 + 30 + 31 + 26 days.
    assert (year.first_day, year.days_so_far, year.days_reviewed) == ("2026-06-10", 170, 21)
    assert [m.begun for m in year.months] == [False] * 5 + [True] * 7
    assert year.months[5].days_so_far == 21 and year.months[4].days_so_far == 0
    assert (year.months_with_entries, year.audits_done) == (5, 4)
    july, november, december = year.months[6], year.months[10], year.months[11]
    assert (july.entries, july.audit_done, july.ratings["monthly.back.conduct"]) == (0, False, None)
    assert (november.days_so_far, november.days_reviewed, november.entries) == (26, 11, 57)
    assert (december.days_so_far, december.coverage) == (0, None)  # still to come
    commitment = year.ratings[0]
    assert commitment.values == [None] * 5 + [3, None, 4, 3, 4, None, None]
    assert commitment.average == 3.5


def test_a_later_follow_up_counts_for_the_month_the_commitment_was_made(tmp_path):
    with open_journal(tmp_path / "j.db") as journal:
        b = JournalBuilder(journal)
        made = b.daily_review("2026-09-30", commitments=1)
        b.daily_review("2026-10-01", followups={made.commitments[0]: "partly"})
        september = report.month_report(journal, 2026, 9, today=TODAY, lang="en")
    assert september.commitments == report.Commitments(
        made=1, followed_up=1, done=0, partly=1, not_done=0, awaiting=0
    )
