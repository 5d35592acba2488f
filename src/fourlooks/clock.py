"""The one clock: the review day and every timestamp the journal stores are read from here.

`FOURLOOKS_NOW` (an ISO 8601 date-time; without an offset it is local time) stops the clock
at that moment for everything at once: the day a review counts for, and the created_at,
updated_at, started_at, completed_at, closed_at and reviewed_at it stores.

Stamps are ordered even when the clock is not: a stopped clock gives every stamp the same
moment, and a clock set back (by hand, by NTP, a laptop's dead battery) gives stamps earlier
than those already stored. Where order matters, a stamp is therefore the later of the clock
and one microsecond past a floor:
- the last stamp this command issued, so the stamps of one command are strictly increasing
  (the lines of one answer, an answer and the review it completes);
- what the caller passes: the record's own previous stamp (a change is never stamped before
  the version it changes, or a merge would undo it), or the latest stamp among the records
  it is ordered with (a day's entries, the tasks, the goals), read in the same transaction.
A microsecond past the floor rather than ordering by rowid: rowids are not exported and may
change on VACUUM, while stamps travel with the records to every machine.
"""

from __future__ import annotations

import datetime as dt
import os

from fourlooks.errors import UsageError

ENV = "FOURLOOKS_NOW"
_TICK = dt.timedelta(microseconds=1)
_last: dt.datetime | None = None  # the latest stamp this command has issued


def now() -> dt.datetime:
    """The moment it is, in local time (aware): the real clock, or FOURLOOKS_NOW."""
    frozen = os.environ.get(ENV)
    if not frozen:
        return dt.datetime.now().astimezone()
    try:
        moment = dt.datetime.fromisoformat(frozen)
    except ValueError:
        raise UsageError(f"{ENV} is not an ISO date-time: {frozen!r}") from None
    try:
        return moment.astimezone()  # a naive moment is read as local time
    except (OverflowError, OSError, ValueError):
        raise UsageError(f"{ENV} is out of the range this computer can read: {frozen!r}") from None


def stamp(*floors: str | None) -> str:
    """Now, as the journal stores it (UTC, microseconds), strictly after every floor given
    and after the last stamp this command issued."""
    global _last
    moment = now().astimezone(dt.UTC)
    latest = max((found for found in map(_moment, floors) if found is not None), default=None)
    for floor in (_last, latest):
        if floor is not None and moment <= floor:
            moment = floor + _TICK
    _last = moment
    return moment.isoformat(timespec="microseconds")


def day_starts(first: str, last: str) -> tuple[str, str]:
    """The stamps (as stored: UTC) at which the local day `first` begins and the local day
    after `last` begins: a stamp falls on the days first..last, in the user's own time zone,
    when start <= stamp < end. Stamps are stored in UTC; days are the user's."""
    start = dt.datetime.combine(dt.date.fromisoformat(first), dt.time())
    end = dt.datetime.combine(dt.date.fromisoformat(last) + dt.timedelta(days=1), dt.time())
    return _stored(start), _stored(end)


def _stored(local: dt.datetime) -> str:
    return local.astimezone().astimezone(dt.UTC).isoformat(timespec="microseconds")


def start_command() -> None:
    """Forget the stamps of an earlier command run in this process (tests run many)."""
    global _last
    _last = None


def _moment(text: str | None) -> dt.datetime | None:
    """A stored stamp as a moment; None for none, or for one no fourlooks could have written."""
    if not text:
        return None
    try:
        found = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return found if found.tzinfo is not None else found.replace(tzinfo=dt.UTC)
