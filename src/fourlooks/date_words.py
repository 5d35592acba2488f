"""The words of dates, in English and Chinese: day words, weekdays, months and counts.

dates.py does the arithmetic; this module only says what the words mean. Chinese weeks are
calendar weeks, Monday first, as Chinese speakers count them: `上周五` is the Friday of last
week (on a Saturday, eight days ago), not the most recent Friday.
"""

from __future__ import annotations

import re

DAY_WORDS = {
    "today": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "今天": 0,
    "昨天": -1,
    "明天": 1,
    "前天": -2,
    "后天": 2,
}

WEEKDAY_NAMES = (
    ("monday", "mon"),
    ("tuesday", "tue", "tues"),
    ("wednesday", "wed"),
    ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"),
    ("saturday", "sat"),
    ("sunday", "sun"),
)
WEEKDAYS = {name: day for day, names in enumerate(WEEKDAY_NAMES) for name in names}

MONTH_NAMES = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTHS = {name: month for month, names in enumerate(MONTH_NAMES, 1) for name in names}

_COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
THIS_MONTH = {"this month", "本月", "这个月"}
LAST_MONTH = {"last month", "上月", "上个月"}
THIS_YEAR = {"this year", "今年"}
LAST_YEAR = {"last year", "去年"}

_ZH_DIGITS = {char: value for value, char in enumerate("一二三四五六七八九", 1)} | {"两": 2}
_ZH_UNITS = {"天": "day", "日": "day", "周": "week", "星期": "week", "个星期": "week"}
_ZH_UNITS |= {"个月": "month", "年": "year"}
_ZH_SIGNS = {"前": -1, "以前": -1, "之前": -1, "后": 1, "以后": 1, "之后": 1}
_ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_ZH_WEEKS = {"上": -1, "上个": -1, "本": 0, "这": 0, "这个": 0, "下": 1, "下个": 1}

# [0-9], not \d, as in dates.py. `3月前` is refused: 3月 is March.
_COUNT = r"([0-9]+|" + "|".join(_COUNT_WORDS) + ")"
_AGO = _COUNT + r" (day|week|month|year)s? ago"
_IN = "in " + _COUNT + r" (day|week|month|year)s?"
_ZH_COUNT = (
    r"([0-9]+|[一二两三四五六七八九十]+) ?(天|日|个?星期|周|个月|年) ?(以前|之前|以后|之后|前|后)"
)
_ZH_WEEKDAY = r"(上个?|下个?|本|这个?)?(?:周|星期|礼拜)([一二三四五六日天])"


def counted(key: str) -> tuple[int, str] | None:
    """`3 days ago` or `3天前` as (-3, "day"), `in a month` as (1, "month"); else None."""
    if match := re.fullmatch(_AGO, key):
        return -_count(match[1]), match[2]
    if match := re.fullmatch(_IN, key):
        return _count(match[1]), match[2]
    match = re.fullmatch(_ZH_COUNT, key)
    if match is None:
        return None
    count = _zh_number(match[1])
    if count is None:
        return None
    return _ZH_SIGNS[match[3]] * count, _ZH_UNITS[match[2]]


def zh_weekday(key: str) -> tuple[int | None, int] | None:
    """`上周五` as (-1, 4): a week offset and a weekday (Monday 0); `周五` as (None, 4)."""
    match = re.fullmatch(_ZH_WEEKDAY, key)
    if match is None:
        return None
    week = _ZH_WEEKS[match[1]] if match[1] is not None else None
    return week, _ZH_WEEKDAYS[match[2]]


def _count(text: str) -> int:
    return _COUNT_WORDS[text] if text in _COUNT_WORDS else int(text)


def _zh_number(text: str) -> int | None:
    """Digits, or a Chinese numeral up to 99 (三, 十二, 二十, 三十五); None for other forms."""
    if text.isascii():
        return int(text)
    tens, ten, ones = text.partition("十")
    if not ten:
        return _ZH_DIGITS.get(text)
    high = _ZH_DIGITS.get(tens, 1 if tens == "" else None)
    low = _ZH_DIGITS.get(ones, 0 if ones == "" else None)
    if high is None or low is None:
        return None
    return 10 * high + low
