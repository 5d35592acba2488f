"""Commands on entries: add, list, show, edit, delete."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from typing import Annotated

import typer

from fourlooks.cli.app import app, journal, lang, output
from fourlooks.cli.inputs import (
    LOOK_HELP,
    SPAN_HELP,
    WHEN_HELP,
    DateFrom,
    DateTo,
    LookFilter,
    PersonFilter,
    TagFilter,
    checked_text,
    entry_text,
    parse_date,
    parse_days,
    parse_look,
    parse_person,
    parse_tags,
    read_stdin,
    wants_editor,
)

LIST_DEFAULT = 20  # entries `list` shows unless -n says otherwise


@app.command()
def add(
    text: Annotated[
        str | None,
        typer.Argument(
            help="The entry's text; '-' reads stdin; none opens $EDITOR.", metavar="[TEXT]"
        ),
    ] = None,
    *,
    look: Annotated[str, typer.Option("--look", "-l", help=LOOK_HELP, metavar="LOOK")],
    date: Annotated[str, typer.Option("--date", "-d", help=WHEN_HELP, metavar="WHEN")] = "today",
    tag: Annotated[
        list[str] | None, typer.Option("--tag", "-t", help="A tag; repeatable.", metavar="TAG")
    ] = None,
) -> None:
    """Add an entry tagged with one of the four looks; prints its short id."""
    from fourlooks import entries

    chosen_look, day, tags = parse_look(look), parse_date(date), parse_tags(tag)
    from_editor = wants_editor(text)
    if from_editor:
        entries.check_writable(journal())  # fail before anyone types, not after
    added = entries.add(
        journal(), date=day, look=chosen_look, text=entry_text(text), tags=tags, typed=from_editor
    )
    typer.echo(added.short_id)


@app.command("list")
def list_entries(
    *,
    on: Annotated[
        str | None,
        typer.Option(
            "--on", help="Only this day, or this month or year: " + SPAN_HELP, metavar="WHEN"
        ),
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    look: LookFilter = None,
    tag: TagFilter = None,
    person: PersonFilter = None,
    number: Annotated[
        int | None,
        typer.Option(
            "-n",
            "--number",
            min=0,
            metavar="N",
            help="How many entries, newest first; 0: all. Unless told: 20, and with --json and"
            " a range (--on, --from, --to) the whole range.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array of full entries.")] = False,
) -> None:
    """List entries, newest day first, grouped by day."""
    from fourlooks import entries, render
    from fourlooks.model import Filters
    from fourlooks.render import entries as screen

    first, last = parse_days(on, date_from, date_to)
    filters = Filters(
        date_from=first,
        date_to=last,
        look=parse_look(look) if look is not None else None,
        tag=parse_tags([tag])[0] if tag is not None else None,
        person=parse_person(person),
    )
    found = entries.listing(
        journal(),
        filters,
        limit=_list_limit(number, ranged=first is not None or last is not None, as_json=as_json),
        short_ids=not as_json,
        lang=None if as_json else lang(),
    )
    if found.more:
        typer.echo(screen.more_listed(found, as_json=as_json), err=True)
    if as_json:
        typer.echo(render.to_json([entry.to_dict() for entry in found.entries]))
    elif not found.entries:
        typer.echo(screen.nothing_listed(found), err=True)
    else:
        colour = render.colour_enabled()
        shown = render.entry_lines(
            found.entries, found.short_ids, lang=lang(), colour=colour, captions=found.captions
        )
        typer.echo("\n".join(shown))


def _list_limit(number: int | None, *, ranged: bool, as_json: bool) -> int:
    """-n as given; else a script asking for a range gets all of it, a person the newest 20."""
    # Without a range, JSON keeps the 20 too: `list --json` on a journal of years stays quick,
    # and the line on stderr says what was left out and how to have it all.
    if number is not None:
        return number
    return 0 if as_json and ranged else LIST_DEFAULT


@app.command()
def show(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="An entry id or unique prefix.")],
    *,
    as_json: Annotated[bool, typer.Option("--json", help="The entry as a JSON object.")] = False,
) -> None:
    """Show one entry with everything stored about it."""
    from fourlooks import entries, render

    found = entries.detail(journal(), entry_id, lang=lang())
    output(
        found.entry.to_dict(),
        lambda: render.entry_detail(found, lang=lang(), colour=render.colour_enabled()),
        as_json=as_json,
    )


@app.command()
def edit(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="An entry id or unique prefix.")],
    *,
    text: Annotated[
        str | None, typer.Option("--text", help="New text; '-' reads stdin.", metavar="TEXT")
    ] = None,
    look: LookFilter = None,
    date: Annotated[
        str | None, typer.Option("--date", "-d", help=WHEN_HELP, metavar="WHEN")
    ] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", "-t", help="Replace the tags; repeatable.", metavar="TAG"),
    ] = None,
) -> None:
    """Change an entry; with no options, edit its text in $EDITOR."""
    from fourlooks import editor, entries

    change = entries.Change(
        look=parse_look(look) if look is not None else None,
        date=parse_date(date) if date is not None else None,
        tags=parse_tags(tag) if tag is not None else None,
        text=checked_text(read_stdin() if text == "-" else text) if text is not None else None,
    )
    done = entries.edit(
        journal(),
        entry_id,
        change,
        ask_text=lambda old: checked_text(editor.edit(old, instead="pass --text")),
    )
    if done.changed:
        typer.echo(f"Saved {done.short_id}.", err=True)
    else:
        typer.echo("No change: nothing saved.", err=True)


@app.command()
def delete(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="An entry id or unique prefix.")],
    *,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete an entry (asks first)."""
    from fourlooks import entries
    from fourlooks.render import entries as screen

    def agreed(found: entries.EntryRef) -> bool:
        return yes or typer.confirm(screen.delete_question(found), default=False)

    deleted = entries.delete(journal(), entry_id, confirm=agreed)
    if deleted is None:
        typer.echo("Not deleted.", err=True)
        raise typer.Exit(1)
    typer.echo(f"Deleted {deleted.short_id}.", err=True)
