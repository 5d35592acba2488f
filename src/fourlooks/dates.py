"""Read the dates, months and years a person types; `today` is always passed in, never read here.

Choices worth knowing:
- A bare weekday (`monday`, `mon`, `周一`) is the most recent one, today included: journals look
  back. A due date reads forward (`ahead=True`): a bare weekday is then the next one, today
  included, so `friday` on a Thursday is tomorrow.
- `last monday` is the most recent Monday strictly before today (on a Thursday it equals
  `monday`; on a Monday it is a week ago). `next friday` is the first Friday strictly after today.
  Chinese counts calendar weeks, Monday first, as Chinese speakers do: `上周五` is the Friday of
  last week, `下周一` the Monday of next week, `本周五` this week's.
- A count may be a word: `a week ago`, `two days ago`, `3天前`, `三个月前`, `2周后`.
- A range's end may name a month or a year (`parse_span`): `--from "last month"` is its first
  day, `--to "last month"` its last.
- A bare month name (`nov`) is the most recent such month not after the current one.
- Other forms fall back to dateutil (never fuzzy) and must name a month and a day: `3 Nov` is
  in today's year. All-numeric forms must start with a four-digit year (`2026/11/03`), since
  `03/11/2026` means different days to different people; two-digit years and times are refused.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re

from fourlooks import date_words as vocab
from fourlooks.errors import DateError

MAX_INPUT = 100  # longer text is refused before any parsing, so absurd input costs nothing

_DATE_HINT = "try YYYY-MM-DD, today, yesterday, 3 days ago, monday"
_SPAN_HINT = "try YYYY-MM-DD, yesterday, 3 days ago, monday, last month, 2026-10, 2026"
_MONTH_HINT = "try YYYY-MM, this month, last month, 2 months ago, november"
_YEAR_HINT = "try YYYY, this year, last year"

# Plain strings, compiled by re's own cache on first use: compiling all at import costs ~8 ms.
# [0-9], not \d: \d also matches Arabic-Indic and other digits that nobody means here.
_ISO_DATE = r"([0-9]{4,})-([0-9]{1,2})-([0-9]{1,2})"
_ISO_MONTH = r"([0-9]{4,})-([0-9]{1,2})"
_YEAR = r"[0-9]{4,}"
_NAMED_MONTH_YEAR = r"([a-z]+),? ([0-9]{4,})"
_YEAR_FIRST = r"[0-9]{4}"
_WORD = r"[a-z]+"


class _TwoDigitYear(ValueError):
    """dateutil met a year like `26`, which it would resolve against the real clock."""


def parse_when(text: str, *, today: dt.date, ahead: bool = False) -> dt.date:
    """Return the date `text` names, relative to `today`; raise DateError otherwise.

    `ahead` reads a bare weekday forward (a due date) instead of back (a journal's day).
    """
    shown, key = _clean(text, "date", _DATE_HINT)
    for reader in (_day_word, _iso_date, _relative, _weekday, _zh_weekday):
        found = reader(key, today, ahead)
        if found is not None:
            return found
    return _dateutil_date(key, shown, today)


def parse_span(text: str, *, today: dt.date) -> tuple[dt.date, dt.date]:
    """Return the first and last day `text` names: one day, or a whole month or year.

    A day is read first, so `2 months ago` stays a day; `last month`, `2026-10`, `oct` and
    `2026` (which name no single day) are their whole month or year.
    """
    shown, _ = _clean(text, "date", _SPAN_HINT)
    try:
        day = parse_when(text, today=today)
        return day, day
    except DateError as not_a_day:
        if not str(not_a_day).startswith("not a date"):
            raise  # a day that does not exist (2026-02-30) is not a month either
    with contextlib.suppress(DateError):
        return month_bounds(*parse_month(text, today=today))
    with contextlib.suppress(DateError):
        return year_bounds(parse_year(text, today=today))
    raise DateError(f"not a date: {shown!r} ({_SPAN_HINT})")


def parse_month(text: str, *, today: dt.date) -> tuple[int, int]:
    """Return the (year, month) `text` names, relative to `today`; raise DateError otherwise."""
    shown, key = _clean(text, "month", _MONTH_HINT)
    if key in vocab.THIS_MONTH:
        return today.year, today.month
    if key in vocab.LAST_MONTH:
        return _months_back(today, 1, key)
    if match := re.fullmatch(_ISO_MONTH, key):
        return _checked_month(int(match[1]), int(match[2]), key)
    if (counted := vocab.counted(key)) and counted[1] == "month" and counted[0] <= 0:
        return _months_back(today, -counted[0], key)
    if key in vocab.MONTHS:
        month = vocab.MONTHS[key]
        # Months still to come this year mean the same month last year: reports look back.
        year = today.year if month <= today.month else today.year - 1
        return _checked_month(year, month, key)
    if (match := re.fullmatch(_NAMED_MONTH_YEAR, key)) and match[1] in vocab.MONTHS:
        return _checked_month(int(match[2]), vocab.MONTHS[match[1]], key)
    raise DateError(f"not a month: {shown!r} ({_MONTH_HINT})")


def parse_year(text: str, *, today: dt.date) -> int:
    """Return the year `text` names, relative to `today`; raise DateError otherwise."""
    shown, key = _clean(text, "year", _YEAR_HINT)
    if key in vocab.THIS_YEAR:
        return today.year
    if key in vocab.LAST_YEAR:
        return _checked_year(today.year - 1, key)
    if re.fullmatch(_YEAR, key):
        return _checked_year(int(key), key)
    if (counted := vocab.counted(key)) and counted[1] == "year" and counted[0] <= 0:
        return _checked_year(today.year + counted[0], key)
    raise DateError(f"not a year: {shown!r} ({_YEAR_HINT})")


# The years a review or a report may be of: one year inside the calendar's ends, so that
# the day, the month and the year before and after each can still be counted (a report
# compares with the month before, a review looks at the day before).
FIRST_YEAR, LAST_YEAR = 2, 9998


def require_reachable(year: int, label: str) -> None:
    """Refuse a period too near the calendar's ends for the days around it to exist."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateError(
            f"{label} is too near the ends of the calendar: reviews and reports run from year "
            f"{FIRST_YEAR} to {LAST_YEAR}"
        )


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """Return the first and last day of the year."""
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """Return the first and last day of the month."""
    first = dt.date(year, month, 1)
    if month == 12:
        return first, dt.date(year, 12, 31)
    return first, dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def review_day(now: dt.datetime, *, day_start: dt.time = dt.time(4, 0)) -> dt.date:
    """Return the day a review written at `now` counts for: before `day_start`, the day before."""
    # A review written at 1 a.m. closes the evening before, not the day just begun.
    if now.time() < day_start:
        return now.date() - dt.timedelta(days=1)
    return now.date()


def format_month(year: int, month: int) -> str:
    """Return the month as `YYYY-MM`."""
    return f"{year:04d}-{month:02d}"


# ---------------------------------------------------------------- months
# The one place that counts months: as one index (year * 12 + month - 1), stepping across a
# year's end is plain arithmetic.


def month_index(year: int, month: int) -> int:
    """The month counted from January of year 0: consecutive months differ by one."""
    return year * 12 + month - 1


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """Return the (year, month) `months` later, or earlier when `months` is negative."""
    index = month_index(year, month) + months
    return index // 12, index % 12 + 1


def split_month(period: str) -> tuple[int, int]:
    """Return the (year, month) of a `YYYY-MM` month (or of a `YYYY-MM-DD` day)."""
    return int(period[:4]), int(period[5:7])


def add_months(day: dt.date, months: int) -> dt.date | None:
    """The same day `months` later (earlier when negative), or the last day of a shorter month.

    None when that day falls outside the years 1 to 9999.
    """
    year, month = shift_month(day.year, day.month, months)
    if not 1 <= year <= 9999:
        return None
    return dt.date(year, month, min(day.day, month_bounds(year, month)[1].day))


def _clean(text: str, kind: str, hint: str) -> tuple[str, str]:
    """Return `text` stripped (for messages) and normalised (for matching), or raise."""
    if len(text) > MAX_INPUT:
        raise DateError(f"not a {kind}: too long ({MAX_INPUT} characters at most)")
    shown = text.strip()
    key = " ".join(shown.split()).lower()
    # NUL and other control characters can only be accidents; repr makes them visible.
    if not key or not key.isprintable():
        raise DateError(f"not a {kind}: {shown!r} ({hint})")
    return shown, key


def _day_word(key: str, today: dt.date, ahead: bool) -> dt.date | None:
    if key in vocab.DAY_WORDS:
        return _add_days(today, vocab.DAY_WORDS[key], key)
    return None


def _iso_date(key: str, today: dt.date, ahead: bool) -> dt.date | None:
    match = re.fullmatch(_ISO_DATE, key)
    if match is None:
        return None
    return _checked_date(int(match[1]), int(match[2]), int(match[3]), key)


def _relative(key: str, today: dt.date, ahead: bool) -> dt.date | None:
    counted = vocab.counted(key)
    if counted is None:
        return None
    count, unit = counted
    if unit == "day":
        return _add_days(today, count, key)
    if unit == "week":
        return _add_days(today, 7 * count, key)
    if unit == "month":
        return _add_months(today, count, key)
    return _add_months(today, 12 * count, key)


def _weekday(key: str, today: dt.date, ahead: bool) -> dt.date | None:
    qualifier, _, name = key.rpartition(" ")
    if name not in vocab.WEEKDAYS or qualifier not in ("", "last", "next"):
        return None
    if qualifier == "":
        return _nearest(today, vocab.WEEKDAYS[name], ahead, key)
    since = (today.weekday() - vocab.WEEKDAYS[name]) % 7
    if qualifier == "last":
        return _add_days(today, -(since or 7), key)
    return _add_days(today, (7 - since) % 7 or 7, key)


def _zh_weekday(key: str, today: dt.date, ahead: bool) -> dt.date | None:
    """`周五`, `星期五` like `friday`; `上周五`, `本周五`, `下周一` in calendar weeks."""
    found = vocab.zh_weekday(key)
    if found is None:
        return None
    week, weekday = found
    if week is None:
        return _nearest(today, weekday, ahead, key)
    return _add_days(today, 7 * week - today.weekday() + weekday, key)


def _nearest(today: dt.date, weekday: int, ahead: bool, label: str) -> dt.date:
    """The nearest such weekday, today included: the one before, or `ahead` the one after."""
    since = (today.weekday() - weekday) % 7
    return _add_days(today, (7 - since) % 7 if ahead else -since, label)


def _dateutil_date(key: str, shown: str, today: dt.date) -> dt.date:
    """Let dateutil read forms like `2026/11/03` or `Nov 3 2026`, accepting only whole dates."""
    not_a_date = DateError(f"not a date: {shown!r} ({_DATE_HINT})")
    if not key.isascii():
        raise not_a_date
    has_letters = any(char.isalpha() for char in key)
    if not has_letters and any(char.isdigit() for char in key) and not re.match(_YEAR_FIRST, key):
        raise DateError(f"ambiguous date: {shown!r} (write it as YYYY-MM-DD)")
    try:
        # Non-fuzzy dateutil still fills missing fields from the default (`nov`, `2026`, `12:30`
        # all "parse"). With two defaults that differ in every field, a field the user typed is
        # equal in both results and one taken from a default is not: we need month and day
        # typed, and no time of day.
        first = _dateutil_parse(key, dt.datetime(today.year, 1, 1, 0, 0, 0, 0))
        second = _dateutil_parse(key, dt.datetime(today.year, 2, 2, 1, 1, 1, 1))
    except _TwoDigitYear:
        raise DateError(f"ambiguous date: {shown!r} (write the year in full)") from None
    except (ValueError, OverflowError) as exc:
        if "range" in str(exc) or "must be in" in str(exc):
            raise DateError(f"no such date: {shown}") from None
        raise not_a_date from None
    fields = ("hour", "minute", "second", "microsecond")
    has_time = any(getattr(first, name) == getattr(second, name) for name in fields)
    if first.date() != second.date() or has_time:
        raise not_a_date
    found = first.date()
    # dateutil ignores a weekday when the day is given; `Fri 3 Nov 2026` must not pass quietly.
    for word in re.findall(_WORD, key):
        if word in vocab.WEEKDAYS and vocab.WEEKDAYS[word] != found.weekday():
            weekday = vocab.WEEKDAY_NAMES[found.weekday()][0].capitalize()  # %A follows the locale
            raise DateError(f"no such date: {shown} ({found.isoformat()} is a {weekday})")
    return found


def _dateutil_parse(key: str, default: dt.datetime) -> dt.datetime:
    from dateutil import parser  # costs ~28 ms, so only paid for unusual forms

    class _Info(parser.parserinfo):
        def convertyear(self, year: int, century_specified: bool = False) -> int:
            if year < 100 and not century_specified:
                raise _TwoDigitYear(year)
            return year

    return parser.parse(key, parserinfo=_Info(), default=default, ignoretz=True)


def _checked_date(year: int, month: int, day: int, label: str) -> dt.date:
    if not 1 <= year <= 9999:
        raise DateError(f"no such date: {label} (years run 1 to 9999)")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"no such date: {label}") from None


def _checked_month(year: int, month: int, label: str) -> tuple[int, int]:
    if not 1 <= year <= 9999:
        raise DateError(f"no such month: {label} (years run 1 to 9999)")
    if not 1 <= month <= 12:
        raise DateError(f"no such month: {label} (months run 01 to 12)")
    return year, month


def _checked_year(year: int, label: str) -> int:
    if not 1 <= year <= 9999:
        raise DateError(f"no such year: {label} (years run 1 to 9999)")
    return year


def _months_back(today: dt.date, count: int, label: str) -> tuple[int, int]:
    return _checked_month(*shift_month(today.year, today.month, -count), label)


def _add_days(today: dt.date, days: int, label: str) -> dt.date:
    try:
        return today + dt.timedelta(days=days)
    except OverflowError:
        raise DateError(f"no such date: {label} (before year 1 or after 9999)") from None


def _add_months(today: dt.date, months: int, label: str) -> dt.date:
    # Clamped to the month's end: 1 month before March 31 is February 28 or 29.
    found = add_months(today, months)
    if found is None:
        raise DateError(f"no such date: {label} (before year 1 or after 9999)")
    return found


# --- Instants: the one form timestamps take in the journal and its JSON export -------------
# `2026-11-26T21:00:00.000000+00:00`: UTC, microseconds, sortable as text (store.now_iso).

_CANONICAL_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00")
# What an import accepts: ISO 8601's extended form with seconds and a real UTC offset.
_STRICT_INSTANT = (
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?([+-])(\d{2}):(\d{2})"
)
# What an older fourlooks may have stored: fields without their leading zeros.
_LOOSE_INSTANT = (
    r"(\d{4})-(\d{1,2})-(\d{1,2})T(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,6}))?([+-])(\d{2}):(\d{2})"
)
MAX_OFFSET_HOURS = 14  # the widest UTC offset in use (Line Islands)


def instant(text: str) -> str:
    """A timestamp from outside (an import) in the journal's form, or ValueError."""
    if _CANONICAL_INSTANT.fullmatch(text):
        # Nearly every stamp of an import is in the journal's form already: checking it is a
        # real moment in C takes a quarter of the time of rebuilding it (a large import reads
        # two per entry). A failure is worded below.
        with contextlib.suppress(ValueError):
            dt.datetime.fromisoformat(text)
            return text
    return _instant(text, _STRICT_INSTANT)


def canonical_instant(text: str) -> str:
    """A stored timestamp in the journal's form, for the export: what the import accepts."""
    if _CANONICAL_INSTANT.fullmatch(text):
        return text
    return _instant(text, _LOOSE_INSTANT)


def _instant(text: str, pattern: str) -> str:
    # Compiled here, by re's cache, for the stamps not in the journal's form: few, and
    # compiling both at import cost every command that reads a date ~0.5 ms.
    match = re.fullmatch(pattern, text)
    if match is None:
        raise ValueError(f"{text[:40]!r} is not an ISO 8601 date-time with a UTC offset")
    year, month, day, hour, minute, second, fraction, sign, off_h, off_m = match.groups()
    if int(off_h) > MAX_OFFSET_HOURS or int(off_m) >= 60:
        raise ValueError(f"{text[:40]!r} has no real UTC offset")
    offset = dt.timedelta(hours=int(off_h), minutes=int(off_m)) * (1 if sign == "+" else -1)
    moment = dt.datetime(
        int(year), int(month), int(day), int(hour), int(minute), int(second),
        int((fraction or "0").ljust(6, "0")), tzinfo=dt.timezone(offset),
    )  # fmt: skip
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")
