"""The `status` screen: what is due, the streaks and the balance of the looks, as lines."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from fourlooks.render import paint, shown

if TYPE_CHECKING:
    from fourlooks.status import Status


def lines(found: Status, lang: str, *, colour: bool) -> Iterator[str]:
    """Everything `status` prints, from what the core gathered; nothing is read here."""
    from fourlooks import words
    from fourlooks.model import Cadence
    from fourlooks.review import cadences

    def say(key: str, **values: object) -> str:
        return words.say(key, lang, **values)

    def due(text: str) -> str:
        return paint(text, "33", enabled=colour)

    title = f"{words.weekday(found.day, lang)} {found.day.isoformat()}"
    yield paint(title, "1", enabled=colour)
    daily = {
        "not_started": due(say("due")),
        "in_progress": due(say("in_progress")),
        "off": say("off"),
    }
    command = paint("fourlooks review", "2", enabled=colour)
    state = daily.get(found.daily.state, say("done"))
    state += f"  {command}" if found.daily.due else ""
    yield _row(words.cadence_name(Cadence.DAILY, lang), state)
    monthly = found.monthly
    if monthly.state in ("complete", "off"):
        audit = say("done" if monthly.state == "complete" else "off")
    elif monthly.due:
        audit = due(say("in_progress" if monthly.state == "in_progress" else "due"))
        audit += "  " + paint("fourlooks review --monthly", "2", enabled=colour)
    else:
        audit = say("opens", date=monthly.opens)
    yield _row(words.cadence_name(Cadence.MONTHLY, lang), f"{monthly.period}: {audit}")
    yield _row(say("status_tasks"), str(len(found.tasks)) if found.tasks else say("none"))
    for item in found.tasks:
        reason = due(say(item.reason, due=item.task.due, checkpoint=item.task.checkpoint))
        yield f"    {paint(item.short_id, '2', enabled=colour)}  {shown(item.task.title)}  {reason}"
    open_count = str(found.commitments_open) if found.commitments_open else say("none")
    yield _row(say("status_commitments"), open_count)
    streaks = [
        say(key, current=words.count(streak.current, unit, lang), longest=streak.longest)
        for key, streak, unit in (
            ("streak_daily", found.daily_streak, cadences.DAILY.periods.unit),
            ("streak_monthly", found.monthly_streak, cadences.MONTHLY.periods.unit),
        )
    ]
    yield _row(say("status_streaks"), " · ".join(streaks))
    looks = " · ".join(f"{words.look_name(look, lang)} {n}" for look, n in found.looks.items())
    if found.follow_ups:
        looks += " · " + say("status_follow_ups", count=found.follow_ups)
    if found.neglected:
        looks += "  " + due(say("neglected", look=words.look_heading(found.neglected, lang)))
    yield _row(say("status_balance"), looks)


def _row(label: str, value: str) -> str:
    from fourlooks import words

    return f"  {words.pad(label, 19)} {value}"
