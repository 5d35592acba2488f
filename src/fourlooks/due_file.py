"""The due file: when something is due, written where a shell prompt can read it for free.

`fourlooks hook` prints a snippet that reads this file on every prompt without starting
Python, so the file holds the due *times*, not a yes or no that goes stale at midnight:
one line per span of time in which a review is due, two local times `YYYYMMDDHHMM`
(from, until; `until` 999999999999 when the span has no end), which a shell compares with
the clock as integers. The spans come from the same rules as `status` (review/cadences.py
for the day's review and the month's self-audit, status.task_reason for tasks), applied to
each review day ahead, so a day rolling over needs no write: the file already says that
the next day's review falls due at the next day start.

The file lives beside the journal (`journal.db.due`): one journal, one file, and a
journal chosen with --db or FOURLOOKS_DB gets its own. It is written atomically, 0600, by
every command that changed the journal, and by `status`; only when its text changes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fourlooks import status
from fourlooks.model import Cadence
from fourlooks.review import cadences
from fourlooks.store import Journal, reviews, tasks

SUFFIX = ".due"
HORIZON_DAYS = 400  # the self-audit's windows are listed this far ahead
NO_END = "999999999999"
HEADER = "# fourlooks: spans of local time (YYYYMMDDHHMM from, until) in which a review is due\n"

Span = tuple[dt.date, dt.date | None]  # first and last review day due (None: no end)


def path_for(journal_path: Path) -> Path:
    return journal_path.with_name(journal_path.name + SUFFIX)


def due_spans(journal: Journal, day: dt.date, asked: frozenset[Cadence]) -> list[Span]:
    """The review days from `day` on in which something is due, as merged spans."""
    from fourlooks.store.summary import first_entry_date

    spans: list[Span] = []
    # A period that ended before the journal's first entry was never used: not due (status).
    began = min(first_entry_date(journal) or day.isoformat(), day.isoformat())
    for spec in (cadences.DAILY, cadences.MONTHLY):
        if spec.cadence in asked:
            # Only periods from the current one on are asked about (and the latest of
            # them is the latest done): reading the whole history cost every `add` and
            # `status` ~14 ms at 100,000 entries.
            done = set(reviews.completed_periods(journal, spec.cadence, spec.current(day)))
            spans += _days_due(spec, done, day, began)
    spans += _task_spans(journal, day)
    return _merged(spans)


def _days_due(spec: cadences.Spec, done: set[str], day: dt.date, began: str) -> list[Span]:
    """The review days from `day` on in which the cadence's review is due, period by period.

    A period's review is current on its days shifted by the grace days, and due on those
    of them in its window. A cadence without a window of its own is due on every day after
    the last period done (no later period can be done yet): that span has no end.
    """
    spans: list[Span] = []
    last_done = max(done, default="")
    horizon = day + dt.timedelta(days=HORIZON_DAYS)
    grace = dt.timedelta(days=spec.grace)
    period = spec.current(day)
    while True:
        start, end = spec.periods.bounds(period)
        first, last = max(start + grace, day), end + grace
        window = spec.window(period)
        if window is not None:
            first, last = max(first, window[0]), min(last, window[1])
        if first > horizon:
            return spans
        used = spec.dated(period).isoformat() >= began
        if period not in done and used and first <= last:
            if window is None and period > last_done:
                return [*spans, (first, None)]
            spans.append((first, last))
        period = spec.period(end + dt.timedelta(days=1))


def _task_spans(journal: Journal, day: dt.date) -> list[Span]:
    """Tasks due now, and open tasks that fall due later: the day after their due date, or
    on their next checkpoint."""
    spans: list[Span] = []
    for item in tasks.awaiting_review(journal):
        if status.task_reason(item, day):
            spans.append((day, None))
            continue
        for later in _days_after(item.task.due, 1), _days_after(item.task.checkpoint, 0):
            if later is not None and later > day and status.task_reason(item, later):
                spans.append((later, None))
                break
    return spans


def _days_after(day: str | None, days: int) -> dt.date | None:
    try:
        return dt.date.fromisoformat(day or "") + dt.timedelta(days=days)
    except (ValueError, OverflowError):
        return None


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for first, last in sorted(spans, key=lambda span: (span[0], span[1] or dt.date.max)):
        if merged:
            start, end = merged[-1]
            if end is None or first <= end + dt.timedelta(days=1):
                longer = None if end is None or last is None else max(end, last)
                merged[-1] = (start, longer)
                continue
        merged.append((first, last))
    return merged


def text(spans: list[Span], day_start: dt.time) -> str:
    """The file's text: a review day runs from its day start to the next day's."""

    def stamp(day: dt.date) -> str:
        return dt.datetime.combine(day, day_start).strftime("%Y%m%d%H%M")

    lines = [HEADER]
    for first, last in spans:
        until = NO_END if last is None else stamp(last + dt.timedelta(days=1))
        lines.append(f"{stamp(first)} {until}\n")
    return "".join(lines)


def refresh(journal: Journal, day: dt.date, day_start: dt.time, asked: frozenset[Cadence]) -> None:
    """Bring the journal's due file up to date; write it only when its text changes."""
    from fourlooks import files

    target = path_for(journal.path)
    content = text(due_spans(journal, day, asked), day_start)
    if not files.same_content(target, content):
        files.write_atomic(target, [content])
