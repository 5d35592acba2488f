"""The year report's figures: the twelve months side by side, counted from the journal once.

A year is counted from the later of 1 January and the journal's first entry: the months
before a journal began are not months of nothing, and a journal begun in October is not
judged on 365 days.
"""

from __future__ import annotations

import datetime as dt

from fourlooks import dates, words
from fourlooks.model import Cadence, Look
from fourlooks.report import counting, figures
from fourlooks.store import Journal
from fourlooks.store import summary as store
from fourlooks.store.reviews import completed_periods


def year_report(journal: Journal, year: int, *, today: dt.date, lang: str) -> figures.YearReport:
    """The twelve months of `year` side by side, counted up to `today`."""
    counting.refuse_future((year, 1), str(year), today)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    end = min(last, today)
    start = counting.counted_from(journal, first)
    year_reviewed = completed_periods(journal, Cadence.DAILY, first.isoformat(), end.isoformat())
    reviewed = [day for day in year_reviewed if day >= start.isoformat()]
    rated = store.monthly_ratings(journal, f"{year:04d}-01", f"{year:04d}-12")
    ids = counting.rating_ids(rated)
    months = _months(journal, year, (start, end), reviewed, rated, ids)
    totals = {look.value: sum(m.entries_by_look[look.value] for m in months) for look in Look}
    days_so_far = sum(m.days_so_far for m in months)
    return figures.YearReport(
        year=year,
        lang=lang,
        today=today.isoformat(),
        complete=today > last,
        first_day=start.isoformat(),
        days_so_far=days_so_far,
        days_reviewed=len(reviewed),
        coverage=counting.ratio(len(reviewed), days_so_far),
        entries=sum(m.entries for m in months),
        entries_by_look=totals,
        follow_ups=sum(m.follow_ups for m in months),
        neglected_look=counting.neglected(totals),
        months_with_entries=sum(1 for m in months if m.entries),
        audits_done=sum(1 for m in months if m.audit_done),
        streaks=counting.streaks(journal, year_reviewed, first, end),
        months=months,
        ratings=_ratings(months, ids, lang),
    )


def _months(
    journal: Journal,
    year: int,
    counted: tuple[dt.date, dt.date],
    reviewed: list[str],
    rated: dict[str, dict[str, int]],
    ids: list[str],
) -> list[figures.YearMonth]:
    """Each month's row: its days counted from `counted[0]` up to `counted[1]`."""
    start, end = counted
    span = (f"{year:04d}-01-01", f"{year:04d}-12-31")
    looks = store.entries_per_month_and_look(journal, *span)
    audits = set(completed_periods(journal, Cadence.MONTHLY, f"{year:04d}-01", f"{year:04d}-12"))
    months = []
    for number in range(1, 13):
        key = dates.format_month(year, number)
        month_first, month_last = dates.month_bounds(year, number)
        since, until = max(month_first, start), min(month_last, end)
        so_far = max(0, (until - since).days + 1)
        done = sum(1 for day in reviewed if day.startswith(key))
        by_look, follow_ups = counting.looks_apart(looks.get(key, {}))
        months.append(
            figures.YearMonth(
                month=key,
                days_in_month=month_last.day,
                days_so_far=so_far,
                days_reviewed=done,
                coverage=counting.ratio(done, so_far),
                entries=sum(by_look.values()) + follow_ups,
                entries_by_look=by_look,
                follow_ups=follow_ups,
                neglected_look=counting.neglected(by_look),
                audit_done=key in audits,
                ratings={qid: rated.get(key, {}).get(qid) for qid in ids},
                begun=month_last >= start,
            )
        )
    return months


def _ratings(
    months: list[figures.YearMonth], ids: list[str], lang: str
) -> list[figures.YearRating]:
    found = []
    for qid in ids:
        values = [m.ratings[qid] for m in months]
        present = [v for v in values if v is not None]
        average = round(sum(present) / len(present), 2) if present else None
        found.append(figures.YearRating(qid, words.rating_label(qid, lang), values, average))
    return found
