"""What a review says when it ends, on stderr: complete, already complete, or what is left."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fourlooks import words

if TYPE_CHECKING:
    from fourlooks.review import Outcome


def closing(outcome: Outcome, lang: str, *, unused: list[str]) -> list[str]:
    """The closing lines: answers given in vain first, then how the review stands."""
    lines = [words.say("unused", lang, ids=", ".join(unused))] if unused else []
    period = outcome.key.period
    if outcome.was_complete:
        lines.append(words.say("already_complete", lang, period=period))
    elif outcome.complete:
        counts = {"answered": outcome.answered_total, "skipped": outcome.skipped_total}
        lines.append(words.say("complete", lang, period=period, **counts))
    else:
        lines.append(words.say("left", lang, left=outcome.left, total=outcome.total))
    return [*lines, *outcome.notes]
