import datetime as dt

from fourlooks.model import Look
from fourlooks.review.cadences import DAILY, MONTHLY
from fourlooks.stats import neglected

D = dt.date


def daily_streak(days, *, today):
    return DAILY.streak_of([day.isoformat() for day in days], at=DAILY.period(today))


def monthly_streak(months, *, today):
    return MONTHLY.streak_of([f"{y:04d}-{m:02d}" for y, m in months], at=MONTHLY.period(today))


def days(*numbers):
    return [D(2026, 11, n) for n in numbers]


def test_daily_streak_counts_back_from_today_or_yesterday():
    assert daily_streak(days(24, 25, 26), today=D(2026, 11, 26)).current == 3
    # Today's review not done yet: the streak up to yesterday is still alive.
    assert daily_streak(days(24, 25), today=D(2026, 11, 26)).current == 2
    # A whole day missed: it is broken.
    assert daily_streak(days(23, 24), today=D(2026, 11, 26)).current == 0


def test_longest_daily_streak_spans_gaps():
    streak = daily_streak(days(1, 2, 3, 4, 10, 11, 26), today=D(2026, 11, 26))
    assert (streak.current, streak.longest) == (1, 4)
    assert daily_streak([], today=D(2026, 11, 26)) == daily_streak([], today=D(2000, 1, 1))


def test_monthly_streak_crosses_years():
    months = [(2025, 11), (2025, 12), (2026, 1)]
    assert monthly_streak(months, today=D(2026, 2, 10)).current == 3
    assert monthly_streak(months, today=D(2026, 3, 1)).current == 0
    assert monthly_streak(months, today=D(2026, 3, 1)).longest == 3


def test_neglected_look_is_the_rare_one():
    assert neglected({Look.BACK: 10, Look.UP: 8, Look.DOWN: 1, Look.AHEAD: 9}) == Look.DOWN
    assert neglected({Look.BACK: 10, Look.UP: 8, Look.AHEAD: 9}) == Look.DOWN
    assert neglected({Look.BACK: 3, Look.UP: 3, Look.DOWN: 3, Look.AHEAD: 3}) is None
    assert neglected({}) is None
