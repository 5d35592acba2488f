"""Tests for reading dates, months and years typed by a person."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fourlooks.dates import (
    add_months,
    format_month,
    month_bounds,
    parse_month,
    parse_span,
    parse_when,
    parse_year,
    review_day,
    shift_month,
    split_month,
)
from fourlooks.errors import DateError, FourlooksError

TODAY = dt.date(2026, 11, 26)  # a Thursday
D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO, with the forgiving one-digit month and day
        ("2026-11-03", D(2026, 11, 3)),
        ("2026-1-5", D(2026, 1, 5)),
        ("2024-02-29", D(2024, 2, 29)),
        ("0001-01-01", D(1, 1, 1)),
        ("9999-12-31", D(9999, 12, 31)),
        # day words, case and surrounding whitespace ignored
        ("today", TODAY),
        ("  Today\n", TODAY),
        ("YESTERDAY", D(2026, 11, 25)),
        ("tomorrow", D(2026, 11, 27)),
        ("今天", TODAY),
        ("昨天", D(2026, 11, 25)),
        ("明天", D(2026, 11, 27)),
        ("前天", D(2026, 11, 24)),
        ("后天", D(2026, 11, 28)),
        # counted offsets
        ("0 days ago", TODAY),
        ("1 day ago", D(2026, 11, 25)),
        ("3 days ago", D(2026, 11, 23)),
        ("3  days\tago", D(2026, 11, 23)),
        ("30 days ago", D(2026, 10, 27)),
        ("2 weeks ago", D(2026, 11, 12)),
        ("1 week ago", D(2026, 11, 19)),
        ("1 month ago", D(2026, 10, 26)),
        ("12 months ago", D(2025, 11, 26)),
        ("2 years ago", D(2024, 11, 26)),
        ("in 3 days", D(2026, 11, 29)),
        ("in 1 day", D(2026, 11, 27)),
        ("in 2 weeks", D(2026, 12, 10)),
        ("in 1 month", D(2026, 12, 26)),
        # weekdays: the most recent one, today included
        ("thursday", TODAY),
        ("thu", TODAY),
        ("Monday", D(2026, 11, 23)),
        ("mon", D(2026, 11, 23)),
        ("tues", D(2026, 11, 24)),
        ("wed", D(2026, 11, 25)),
        ("friday", D(2026, 11, 20)),
        ("sat", D(2026, 11, 21)),
        ("sunday", D(2026, 11, 22)),
        # `last X` is strictly before today, `next X` strictly after
        ("last thursday", D(2026, 11, 19)),
        ("last monday", D(2026, 11, 23)),
        ("last friday", D(2026, 11, 20)),
        ("next thursday", D(2026, 12, 3)),
        ("next friday", D(2026, 11, 27)),
        ("next wed", D(2026, 12, 2)),
        # dateutil fallback: whole dates only, year from today when missing
        ("2026/11/03", D(2026, 11, 3)),
        ("2026.11.03", D(2026, 11, 3)),
        ("20261103", D(2026, 11, 3)),
        ("Nov 3 2026", D(2026, 11, 3)),
        ("November 3, 2026", D(2026, 11, 3)),
        ("3 Nov", D(2026, 11, 3)),
        ("3 nov 2025", D(2025, 11, 3)),
        ("Sept 3", D(2026, 9, 3)),
        ("3rd of November 2026", D(2026, 11, 3)),
        ("Tue 3 Nov 2026", D(2026, 11, 3)),
        ("29 Feb 2024", D(2024, 2, 29)),
    ],
)
def test_parse_when_accepts(text: str, expected: dt.date) -> None:
    assert parse_when(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        # relativedelta clamps to the month's end instead of failing
        ("1 month ago", D(2026, 3, 31), D(2026, 2, 28)),
        ("1 month ago", D(2024, 3, 31), D(2024, 2, 29)),
        ("in 1 month", D(2026, 1, 31), D(2026, 2, 28)),
        ("1 year ago", D(2024, 2, 29), D(2023, 2, 28)),
        ("yesterday", D(2026, 3, 1), D(2026, 2, 28)),
        ("yesterday", D(2024, 3, 1), D(2024, 2, 29)),
        ("tomorrow", D(2026, 12, 31), D(2027, 1, 1)),
        # weekday equal to today
        ("monday", D(2026, 11, 23), D(2026, 11, 23)),
        ("last monday", D(2026, 11, 23), D(2026, 11, 16)),
        ("next monday", D(2026, 11, 23), D(2026, 11, 30)),
        ("sunday", D(2026, 1, 1), D(2025, 12, 28)),
        # year comes from the `today` passed in, not the clock
        ("3 Nov", D(1999, 5, 5), D(1999, 11, 3)),
        ("today", D(1, 1, 1), D(1, 1, 1)),
    ],
)
def test_parse_when_edge_cases(text: str, today: dt.date, expected: dt.date) -> None:
    assert parse_when(text, today=today) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-13-45", "no such date: 2026-13-45"),
        ("2026-02-30", "no such date: 2026-02-30"),
        ("2025-02-29", "no such date: 2025-02-29"),
        ("2026-11-00", "no such date: 2026-11-00"),
        ("0000-01-01", "no such date: 0000-01-01"),
        ("99999-01-01", "no such date: 99999-01-01"),
        ("Feb 30 2026", "no such date: Feb 30 2026"),
        ("31 Nov", "no such date: 31 Nov"),
        ("Fri 3 Nov 2026", "2026-11-03 is a Tuesday"),
        ("not a date", "not a date: 'not a date'"),
        ("", "not a date: ''"),
        ("   ", "not a date: ''"),
        ("\x00", "not a date: '\\x00'"),
        ("today\x00", "not a date"),
        ("x" * 10_000_000, "too long"),
        (" " * 200 + "today", "too long"),
        ("garbage", "not a date"),
        ("Nov 3 2026 foo", "not a date"),
        ("today please", "not a date"),
        ("nov", "not a date"),  # a month, not a day
        ("2026-11", "not a date"),
        ("2026", "not a date"),
        ("monday 3", "not a date"),
        ("this monday", "not a date"),
        ("last", "not a date"),
        ("3 Nov 10pm", "not a date"),  # a time is not part of a day
        ("2026-11-03T10:00", "not a date"),
        ("12:30", "ambiguous"),
        ("03/11/2026", "ambiguous"),  # 3 November or 11 March
        ("11/03", "ambiguous"),
        ("3", "ambiguous"),
        ("3 Nov 26", "write the year in full"),  # dateutil would ask the clock for the century
        ("-3 days ago", "not a date"),
        ("in -3 days", "not a date"),
        ("٣ days ago", "not a date"),  # Arabic-Indic digit
        ("٢٠٢٦-١١-٠٣", "not a date"),
        ("12345678 days ago", "no such date"),
        ("9" * 80 + " days ago", "no such date"),
        ("9" * 80 + " months ago", "no such date"),
        ("in 9999 years", "no such date"),
        ("99999999999999999999 Nov", "not a date"),
        ("3 Nov 99999", "no such date"),
    ],
)
def test_parse_when_rejects(text: str, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_when(text, today=TODAY)
    assert message in str(caught.value)
    assert len(str(caught.value)) < 200  # a user reads it on one line


def test_date_error_is_a_fourlooks_error() -> None:
    assert issubclass(DateError, FourlooksError)


def test_unparseable_message_suggests_forms() -> None:
    with pytest.raises(DateError) as caught:
        parse_when("2026-13-45x", today=TODAY)
    assert str(caught.value) == (
        "not a date: '2026-13-45x' (try YYYY-MM-DD, today, yesterday, 3 days ago, monday)"
    )


def test_relative_overflow_near_the_ends_of_time() -> None:
    with pytest.raises(DateError):
        parse_when("yesterday", today=D(1, 1, 1))
    with pytest.raises(DateError):
        parse_when("tomorrow", today=D(9999, 12, 31))
    with pytest.raises(DateError):
        parse_when("1 month ago", today=D(1, 1, 15))
    with pytest.raises(DateError):
        parse_when("sunday", today=D(1, 1, 1))  # a Monday: the Sunday before is year 0


def test_huge_input_is_rejected_quickly() -> None:
    start = time.perf_counter()
    for text in ("9" * 10_000_000, "\x00" * 10_000_000, "today " * 2_000_000):
        with pytest.raises(DateError):
            parse_when(text, today=TODAY)
    assert time.perf_counter() - start < 1


def test_keyword_today_is_required() -> None:
    with pytest.raises(TypeError):
        parse_when("today")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        parse_when("today", TODAY)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("2026-11", TODAY, (2026, 11)),
        ("2026-1", TODAY, (2026, 1)),
        ("0001-01", TODAY, (1, 1)),
        ("9999-12", TODAY, (9999, 12)),
        ("this month", TODAY, (2026, 11)),
        (" This  Month ", TODAY, (2026, 11)),
        ("本月", TODAY, (2026, 11)),
        ("这个月", TODAY, (2026, 11)),
        ("last month", TODAY, (2026, 10)),
        ("上月", TODAY, (2026, 10)),
        ("上个月", TODAY, (2026, 10)),
        ("last month", D(2026, 1, 10), (2025, 12)),
        ("0 months ago", TODAY, (2026, 11)),
        ("1 month ago", TODAY, (2026, 10)),
        ("11 months ago", TODAY, (2025, 12)),
        ("12 months ago", TODAY, (2025, 11)),
        ("25 months ago", TODAY, (2024, 10)),
        ("november", TODAY, (2026, 11)),  # the current month counts
        ("nov", TODAY, (2026, 11)),
        ("Jan", TODAY, (2026, 1)),
        ("december", TODAY, (2025, 12)),  # not yet come this year
        ("sept", TODAY, (2026, 9)),
        ("may", TODAY, (2026, 5)),
        ("dec", D(2026, 12, 1), (2026, 12)),
        ("nov 2025", TODAY, (2025, 11)),
        ("November, 2024", TODAY, (2024, 11)),
    ],
)
def test_parse_month_accepts(text: str, today: dt.date, expected: tuple[int, int]) -> None:
    assert parse_month(text, today=today) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-13", "no such month: 2026-13"),
        ("2026-00", "no such month: 2026-00"),
        ("0000-05", "no such month: 0000-05"),
        ("99999-01", "no such month: 99999-01"),
        ("abc", "not a month: 'abc'"),
        ("", "not a month"),
        ("\x00", "not a month"),
        ("x" * 10_000_000, "too long"),
        ("2026-11-03", "not a month"),
        ("today", "not a month"),
        ("3 days ago", "not a month"),
        ("next month", "not a month"),
        ("smarch", "not a month"),
        ("nov 26", "not a month"),
        ("9" * 80 + " months ago", "no such month"),
    ],
)
def test_parse_month_rejects(text: str, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_month(text, today=TODAY)
    assert message in str(caught.value)


def test_month_name_in_year_one_cannot_reach_year_zero() -> None:
    with pytest.raises(DateError):
        parse_month("december", today=D(1, 6, 1))
    with pytest.raises(DateError):
        parse_month("last month", today=D(1, 1, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026", 2026),
        ("0001", 1),
        ("9999", 9999),
        ("this year", 2026),
        ("今年", 2026),
        ("last year", 2025),
        ("去年", 2025),
        ("3 years ago", 2023),
        ("1 year ago", 2025),
    ],
)
def test_parse_year_accepts(text: str, expected: int) -> None:
    assert parse_year(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text", ["0000", "10000", "26", "abc", "", "2026-11", "x" * 1000, "\x00", "3000 years ago"]
)
def test_parse_year_rejects(text: str) -> None:
    with pytest.raises(DateError):
        parse_year(text, today=TODAY)


@pytest.mark.parametrize(
    ("year", "month", "first", "last"),
    [
        (2026, 11, D(2026, 11, 1), D(2026, 11, 30)),
        (2026, 12, D(2026, 12, 1), D(2026, 12, 31)),
        (2026, 2, D(2026, 2, 1), D(2026, 2, 28)),
        (2024, 2, D(2024, 2, 1), D(2024, 2, 29)),
        (1900, 2, D(1900, 2, 1), D(1900, 2, 28)),
        (2000, 2, D(2000, 2, 1), D(2000, 2, 29)),
        (9999, 12, D(9999, 12, 1), D(9999, 12, 31)),
    ],
)
def test_month_bounds(year: int, month: int, first: dt.date, last: dt.date) -> None:
    assert month_bounds(year, month) == (first, last)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (dt.datetime(2026, 11, 26, 3, 59, 59), D(2026, 11, 25)),
        (dt.datetime(2026, 11, 26, 4, 0), D(2026, 11, 26)),
        (dt.datetime(2026, 11, 26, 0, 0), D(2026, 11, 25)),
        (dt.datetime(2026, 11, 26, 23, 59), D(2026, 11, 26)),
        (dt.datetime(2026, 1, 1, 1, 0), D(2025, 12, 31)),
        (dt.datetime(2026, 11, 26, 1, 0, tzinfo=dt.UTC), D(2026, 11, 25)),
    ],
)
def test_review_day(now: dt.datetime, expected: dt.date) -> None:
    assert review_day(now) == expected


def test_review_day_with_other_day_start() -> None:
    now = dt.datetime(2026, 11, 26, 5, 30)
    assert review_day(now, day_start=dt.time(6, 0)) == D(2026, 11, 25)
    assert review_day(now, day_start=dt.time(0, 0)) == D(2026, 11, 26)


def test_format_month() -> None:
    assert format_month(2026, 11) == "2026-11"
    assert format_month(2026, 1) == "2026-01"
    assert format_month(1, 1) == "0001-01"


def test_shift_month_crosses_the_ends_of_years() -> None:
    assert shift_month(2026, 11, 2) == (2027, 1)
    assert shift_month(2026, 1, -1) == (2025, 12)
    assert shift_month(2026, 6, -18) == (2024, 12)
    assert shift_month(2026, 6, 0) == (2026, 6)
    assert split_month("2026-03") == split_month("2026-03-31") == (2026, 3)


@given(day=st.dates(), months=st.integers(-130_000, 130_000))
def test_add_months_agrees_with_dateutil(day: dt.date, months: int) -> None:
    from dateutil.relativedelta import relativedelta

    try:
        expected = day + relativedelta(months=months)
    except ValueError:  # before year 1 or after 9999
        expected = None
    assert add_months(day, months) == expected


@given(
    day=st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)),
    today=st.dates(),
)
def test_iso_dates_round_trip(day: dt.date, today: dt.date) -> None:
    assert parse_when(day.isoformat(), today=today) == day


@given(day=st.dates(), today=st.dates())
def test_iso_months_round_trip(day: dt.date, today: dt.date) -> None:
    assert parse_month(format_month(day.year, day.month), today=today) == (day.year, day.month)


@given(today=st.dates(min_value=D(2, 1, 1), max_value=D(9998, 12, 31)), weekday=st.integers(0, 6))
def test_weekday_words_stay_within_a_week(today: dt.date, weekday: int) -> None:
    name = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")[weekday]
    recent = parse_when(name, today=today)
    last = parse_when(f"last {name}", today=today)
    upcoming = parse_when(f"next {name}", today=today)
    assert recent.weekday() == last.weekday() == upcoming.weekday() == weekday
    assert 0 <= (today - recent).days <= 6
    assert 1 <= (today - last).days <= 7
    assert 1 <= (upcoming - today).days <= 7


def _never_crashes(text: str) -> None:
    for parse in (parse_when, parse_month, parse_year):
        with contextlib.suppress(DateError):
            parse(text, today=TODAY)


@given(st.text())
def test_arbitrary_text_only_raises_date_error(text: str) -> None:
    _never_crashes(text)


# Short strings of the characters dates are made of reach deep into dateutil's parser.
_DATEISH = st.lists(
    st.one_of(
        st.text(alphabet="0123456789-/.:, ", min_size=1, max_size=6),
        st.sampled_from(
            [
                "nov",
                "Feb",
                "monday",
                "fri",
                "of",
                "at",
                "on",
                "am",
                "pm",
                "utc",
                "z",
                "t",
                "th",
                "ago",
                "in",
                "days",
                "month",
                "last",
                "next",
                "today",
                "sept",
                "+05:00",
                "1e9",
            ]
        ),
    ),
    max_size=6,
).map(" ".join)


@given(_DATEISH)
def test_date_like_text_only_raises_date_error(text: str) -> None:
    _never_crashes(text)


def test_import_does_not_load_dateutil() -> None:
    src = Path(__file__).resolve().parent.parent / "src"
    code = (
        "import sys, fourlooks.dates; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'dateutil'))"
    )
    env = {**os.environ, "PYTHONPATH": str(src)}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count may be an article or a word
        ("a week ago", D(2026, 11, 19)),
        ("a day ago", D(2026, 11, 25)),
        ("a year ago", D(2025, 11, 26)),
        ("a month ago", D(2026, 10, 26)),
        ("two weeks ago", D(2026, 11, 12)),
        ("in a week", D(2026, 12, 3)),
        ("in ten days", D(2026, 12, 6)),
        # Chinese counts, in digits or numerals
        ("3天前", D(2026, 11, 23)),
        ("3 天前", D(2026, 11, 23)),
        ("三天前", D(2026, 11, 23)),
        ("十天前", D(2026, 11, 16)),
        ("十二天前", D(2026, 11, 14)),
        ("二十天以前", D(2026, 11, 6)),
        ("2周前", D(2026, 11, 12)),
        ("两个星期前", D(2026, 11, 12)),
        ("一个月前", D(2026, 10, 26)),
        ("1年前", D(2025, 11, 26)),
        ("3天后", D(2026, 11, 29)),
        ("两周以后", D(2026, 12, 10)),
        # Chinese weekdays: bare, the most recent; 上/本/下 in calendar weeks (Monday first)
        ("周五", D(2026, 11, 20)),
        ("星期四", TODAY),
        ("礼拜一", D(2026, 11, 23)),
        ("周日", D(2026, 11, 22)),
        ("星期天", D(2026, 11, 22)),
        ("上周五", D(2026, 11, 20)),
        ("上个星期一", D(2026, 11, 16)),
        ("本周五", D(2026, 11, 27)),
        ("这周一", D(2026, 11, 23)),
        ("下周一", D(2026, 11, 30)),
        ("下个星期五", D(2026, 12, 4)),
    ],
)
def test_parse_when_reads_words_people_write(text: str, expected: dt.date) -> None:
    assert parse_when(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        # on a Saturday, 上周五 is the Friday of last week, not yesterday
        ("上周五", D(2026, 11, 28), D(2026, 11, 20)),
        ("周五", D(2026, 11, 28), D(2026, 11, 27)),
        # on a Sunday, 下周一 is tomorrow: the week ends on Sunday
        ("下周一", D(2026, 11, 29), D(2026, 11, 30)),
    ],
)
def test_chinese_weeks_are_calendar_weeks(text: str, today: dt.date, expected: dt.date) -> None:
    assert parse_when(text, today=today) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("friday", D(2026, 11, 27)),  # on a Thursday: tomorrow, not last week's
        ("fri", D(2026, 11, 27)),
        ("thursday", TODAY),  # today still counts
        ("wednesday", D(2026, 12, 2)),
        ("周五", D(2026, 11, 27)),
        ("周三", D(2026, 12, 2)),
        # words that say their direction keep it
        ("next friday", D(2026, 11, 27)),
        ("last friday", D(2026, 11, 20)),
        ("下周一", D(2026, 11, 30)),
        ("上周五", D(2026, 11, 20)),
        ("in 3 days", D(2026, 11, 29)),
        ("yesterday", D(2026, 11, 25)),
        ("2026-12-24", D(2026, 12, 24)),
    ],
)
def test_due_dates_read_forward(text: str, expected: dt.date) -> None:
    assert parse_when(text, today=TODAY, ahead=True) == expected


@pytest.mark.parametrize(
    "text", ["3月前", "十十天前", "三十十天前", "周八", "上上周五", "3天", "天前", "in an", "an"]
)
def test_parse_when_refuses_near_misses(text: str) -> None:
    with pytest.raises(DateError):
        parse_when(text, today=TODAY)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("last month", D(2026, 10, 1), D(2026, 10, 31)),
        ("上个月", D(2026, 10, 1), D(2026, 10, 31)),
        ("this month", D(2026, 11, 1), D(2026, 11, 30)),
        ("本月", D(2026, 11, 1), D(2026, 11, 30)),
        ("2026-02", D(2026, 2, 1), D(2026, 2, 28)),
        ("feb 2024", D(2024, 2, 1), D(2024, 2, 29)),
        ("oct", D(2026, 10, 1), D(2026, 10, 31)),
        ("a month ago", D(2026, 10, 26), D(2026, 10, 26)),  # a day: today's date a month ago
        ("last year", D(2025, 1, 1), D(2025, 12, 31)),
        ("2025", D(2025, 1, 1), D(2025, 12, 31)),
        ("yesterday", D(2026, 11, 25), D(2026, 11, 25)),
        ("上周五", D(2026, 11, 20), D(2026, 11, 20)),
    ],
)
def test_parse_span_reads_days_months_and_years(text: str, first: dt.date, last: dt.date) -> None:
    assert parse_span(text, today=TODAY) == (first, last)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30", "no such date: 2026-02-30"),
        ("garbage", "not a date: 'garbage' (try YYYY-MM-DD, yesterday, 3 days ago, monday, last"),
        ("x" * 10_000, "too long"),
        ("", "not a date: ''"),
    ],
)
def test_parse_span_rejects(text: str, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_span(text, today=TODAY)
    assert message in str(caught.value)
    assert len(str(caught.value)) < 200
