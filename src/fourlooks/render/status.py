"""The `status` screen: what is due, the streaks and the balance of the looks, as lines."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from fourlooks.render import paint, shown

if TYPE_CHECKING:
    from fourlooks.status import Status

_STREAK_UNITS = {"daily": "day", "monthly": "month"}


def lines(found: Status, lang: str, *, colour: bool) -> Iterator[str]:
    """Everything `status` prints, from what the core gathered; nothing is read here."""
    from fourlooks import texts

    def say(key: str, **values: object) -> str:
        return texts.say(lang, key, **values)

    def due(text: str) -> str:
        return paint(text, "33", enabled=colour)

    title = f"{texts.weekday(lang, found.day)} {found.day.isoformat()}"
    yield paint(title, "1", enabled=colour)
    daily = {"not_started": due(say("due")), "in_progress": due(say("in_progress"))}
    command = paint("fourlooks review", "2", enabled=colour)
    state = daily.get(found.daily.state, say("done"))
    yield _row(say("status_daily"), state + (f"  {command}" if found.daily.due else ""))
    monthly = found.monthly
    if monthly.state == "complete":
        audit = say("done")
    elif monthly.due:
        audit = due(say("in_progress" if monthly.state == "in_progress" else "due"))
        audit += "  " + paint("fourlooks review --monthly", "2", enabled=colour)
    else:
        audit = say("opens", date=monthly.opens)
    yield _row(say("status_monthly"), f"{monthly.period}: {audit}")
    yield _row(say("status_tasks"), str(len(found.tasks)) if found.tasks else say("none"))
    for item in found.tasks:
        reason = due(say(item.reason, due=item.task.due))
        yield f"    {paint(item.short_id, '2', enabled=colour)}  {shown(item.task.title)}  {reason}"
    streaks = [
        say(
            f"streak_{name}",
            current=texts.count(lang, streak.current, _STREAK_UNITS[name]),
            longest=streak.longest,
        )
        for name, streak in (("daily", found.daily_streak), ("monthly", found.monthly_streak))
    ]
    yield _row(say("status_streaks"), " · ".join(streaks))
    looks = " · ".join(f"{texts.look_name(lang, look)} {n}" for look, n in found.looks.items())
    if found.neglected:
        looks += "  " + due(say("neglected", look=texts.look_heading(lang, found.neglected)))
    yield _row(say("status_balance"), looks)


def _row(label: str, value: str) -> str:
    from fourlooks import texts

    return f"  {texts.pad(label, 19)} {value}"
