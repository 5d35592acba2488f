"""The search command: find entries by a word, a phrase, or any piece of Chinese text."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from typing import Annotated

import typer

from fourlooks.cli.app import app, journal, lang
from fourlooks.cli.inputs import (
    DateFrom,
    DateTo,
    LookFilter,
    PersonFilter,
    parse_first_day,
    parse_last_day,
    parse_look,
    parse_person,
    parse_query,
)

QUERY_HELP = (
    'Words an entry must all contain; "a phrase" in quotes; word* for any word starting with'
    " it. English words match their other forms (checklist finds checklists, work finds"
    " working). A word that is a tag finds the entries with that tag (work finds #work),"
    " after those with the word in their text. Chinese: any two or more characters of the"
    " text."
)


@app.command()
def search(
    query: Annotated[list[str], typer.Argument(help=QUERY_HELP, metavar="QUERY...")],
    *,
    look: LookFilter = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    person: PersonFilter = None,
    number: Annotated[
        int,
        typer.Option("-n", "--number", min=0, metavar="N", help="How many, best first; 0: all."),
    ] = 20,
    as_json: Annotated[
        bool, typer.Option("--json", help="A JSON array: each entry with score and snippet.")
    ] = False,
) -> None:
    """Search the text of every entry, best matches first, the match highlighted.

    Then, unless a filter is given, the goals and decisions whose text matches (--json gives
    the entries alone, as it always has: `goal list --json`, `decision list --json`).
    """
    from fourlooks import render
    from fourlooks import search as core
    from fourlooks.model import Filters
    from fourlooks.render import search as screen

    terms = parse_query(query)
    filters = Filters(
        date_from=parse_first_day(date_from) if date_from else None,
        date_to=parse_last_day(date_to) if date_to else None,
        look=parse_look(look) if look else None,
        person=parse_person(person),
    )
    found = core.search(
        journal(),
        terms,
        filters,
        limit=number,
        short_ids=not as_json,
        lang=None if as_json else lang(),
    )
    if as_json:
        typer.echo(render.to_json(screen.hits_json(found)))
        return
    others = [] if filters.given() else core.records(journal(), terms)
    if not found and not others:
        typer.echo("No entries match.", err=True)
        return
    colour = render.colour_enabled()
    lines = [*screen.hit_lines(found, lang(), colour=colour)]
    if found and others:
        lines.append("")
    typer.echo("\n".join([*lines, *screen.record_lines(others, lang(), colour=colour)]))
