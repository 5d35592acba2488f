"""The search command: find entries by a word, a phrase, or any piece of Chinese text."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from typing import TYPE_CHECKING, Annotated

import typer

from fourlooks.cli.app import app, journal, lang
from fourlooks.cli.inputs import DateFrom, DateTo, LookFilter, parse_date, parse_look
from fourlooks.errors import UsageError

if TYPE_CHECKING:
    from fourlooks.model import Entry

QUERY_HELP = (
    'Words an entry must all contain; "a phrase" in quotes; word* for any word starting with'
    " it. Chinese: any two or more characters of the text."
)
_MATCH_STYLE = "1;33"  # bold yellow, like a highlighter pen


@app.command()
def search(
    query: Annotated[list[str], typer.Argument(help=QUERY_HELP, metavar="QUERY...")],
    *,
    look: LookFilter = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    number: Annotated[
        int,
        typer.Option("-n", "--number", min=0, metavar="N", help="How many, best first; 0: all."),
    ] = 20,
    as_json: Annotated[
        bool, typer.Option("--json", help="A JSON array: each entry with score and snippet.")
    ] = False,
) -> None:
    """Search the text of every entry, best matches first, the match highlighted."""
    from fourlooks import fulltext, render
    from fourlooks.store import entries
    from fourlooks.store import search as index

    try:
        terms = fulltext.parse_query(" ".join(query))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    first = parse_date(date_from) if date_from else None
    last = parse_date(date_to) if date_to else None
    if first and last and first > last:
        raise UsageError(f"--from {first} is after --to {last}")
    found = index.search(
        journal(),
        terms,
        look=parse_look(look) if look else None,
        date_from=first,
        date_to=last,
        limit=number or None,
    )
    snippets = [fulltext.snippet(e.text, fulltext.highlight_spans(e.text, terms)) for e, _ in found]
    if as_json:
        typer.echo(
            render.to_json(
                [
                    {**entry.to_dict(), "score": round(score, 6), "snippet": _plain(pieces)}
                    for (entry, score), pieces in zip(found, snippets, strict=True)
                ]
            )
        )
        return
    if not found:
        typer.echo("No entries match.", err=True)
        return
    short = entries.short_ids(journal(), [entry.id for entry, _ in found])
    colour = render.colour_enabled()
    for (entry, _), pieces in zip(found, snippets, strict=True):
        typer.echo(_heading(entry, short[entry.id], colour))
        typer.echo("    " + _painted(pieces, colour))


def _heading(entry: "Entry", short_id: str, colour: bool) -> str:
    from fourlooks import render

    tags = "  " + " ".join(f"#{tag}" for tag in entry.tags) if entry.tags else ""
    return (
        f"{render.paint(short_id, '2', enabled=colour)}  {entry.date} {render.weekday(entry.date)}"
        f"  {render.look_name(entry.look, lang())}{render.paint(tags, '2', enabled=colour)}"
    )


def _painted(pieces: list[tuple[str, bool]], colour: bool) -> str:
    from fourlooks import render

    return "".join(
        render.paint(text, _MATCH_STYLE, enabled=colour) if is_match else text
        for text, is_match in pieces
    )


def _plain(pieces: list[tuple[str, bool]]) -> str:
    return "".join(text for text, _ in pieces)
