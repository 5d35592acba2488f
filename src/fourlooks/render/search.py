"""The `search` results: a heading per entry and its snippet with the matches highlighted."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from fourlooks import words
from fourlooks.render import day_heading, paint, shown

if TYPE_CHECKING:
    from fourlooks.search import Hit, RecordHit

_MATCH_STYLE = "1;33"  # bold yellow, like a highlighter pen


def hit_lines(hits: list[Hit], lang: str, *, colour: bool) -> Iterator[str]:
    for hit in hits:
        entry = hit.entry
        tags = "  " + " ".join(f"#{shown(tag)}" for tag in entry.tags) if entry.tags else ""
        caption = f"  {shown(hit.caption)}" if hit.caption else ""
        yield (
            f"{paint(hit.short_id, '2', enabled=colour)}  {day_heading(entry.date, lang)}"
            f"  {words.look_name(entry.look, lang)}{caption}{paint(tags, '2', enabled=colour)}"
        )
        yield "    " + _painted(hit.snippet, colour)


def record_lines(hits: list[RecordHit], lang: str, *, colour: bool) -> Iterator[str]:
    """The goals and decisions that match, after the entries, under a heading of their own."""
    if not hits:
        return
    yield paint(words.say("search_records", lang), "1", enabled=colour)
    for hit in hits:
        kind = words.say("search_goal" if hit.kind == "goal" else "search_decision", lang)
        yield f"{paint(hit.short_id, '2', enabled=colour)}  {words.pad(kind, 8)}  {hit.when}"
        yield "    " + _painted(hit.snippet, colour)


def _painted(snippet: list[tuple[str, bool]], colour: bool) -> str:
    return "".join(
        paint(shown(text), _MATCH_STYLE, enabled=colour) if is_match else shown(text)
        for text, is_match in snippet
    )


def hits_json(hits: list[Hit]) -> list[dict]:
    """Each entry as `list --json` gives it, with its score and its snippet as plain text."""
    return [
        {
            **hit.entry.to_dict(),
            "score": round(hit.score, 6),
            "snippet": "".join(text for text, _ in hit.snippet),
        }
        for hit in hits
    ]
