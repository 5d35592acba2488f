"""Commands on entries: add, list, show, edit, delete."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from typing import Annotated

import typer

from fourlooks.cli.app import app, journal, lang
from fourlooks.cli.inputs import (
    LOOK_HELP,
    WHEN_HELP,
    DateFrom,
    DateTo,
    LookFilter,
    TagFilter,
    checked_text,
    parse_date,
    parse_look,
    parse_tags,
    read_stdin,
    stdin_is_piped,
)
from fourlooks.errors import UsageError


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
    from fourlooks.store import entries

    chosen_look = parse_look(look)
    day = parse_date(date)
    tags = parse_tags(tag)
    if text == "-" or (text is None and stdin_is_piped()):
        text = read_stdin()
    elif text is None:
        from fourlooks import editor

        text = editor.edit()
        if not text.strip():
            typer.echo("Empty text: nothing stored.", err=True)
            raise typer.Exit(1)
    entry = entries.add(journal(), date=day, look=chosen_look, text=checked_text(text), tags=tags)
    typer.echo(entries.short_ids(journal(), [entry.id])[entry.id])


@app.command("list")
def list_entries(
    *,
    on: Annotated[
        str | None, typer.Option("--on", help="Only this day. " + WHEN_HELP, metavar="WHEN")
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    look: LookFilter = None,
    tag: TagFilter = None,
    number: Annotated[
        int,
        typer.Option(
            "-n", "--number", min=0, metavar="N", help="How many entries, newest first; 0: all."
        ),
    ] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array of full entries.")] = False,
) -> None:
    """List entries, newest day first, grouped by day."""
    from fourlooks import render
    from fourlooks.store import entries

    # `is not None`, not truth: an empty --on '' is a bad date, not a missing filter.
    if on is not None and (date_from is not None or date_to is not None):
        raise UsageError("--on cannot be combined with --from or --to")
    first_text = on if on is not None else date_from
    last_text = on if on is not None else date_to
    first = parse_date(first_text) if first_text is not None else None
    last = parse_date(last_text) if last_text is not None else None
    if first and last and first > last:
        raise UsageError(f"--from {first} is after --to {last}")
    found = entries.query(
        journal(),
        date_from=first,
        date_to=last,
        look=parse_look(look) if look is not None else None,
        tag=parse_tags([tag])[0] if tag is not None else None,
        limit=number or None,
    )
    if as_json:
        typer.echo(render.to_json([entry.to_dict() for entry in found]))
        return
    if not found:
        typer.echo("No entries." if first or last or look or tag else "No entries yet.", err=True)
        return
    short = entries.short_ids(journal(), [entry.id for entry in found])
    colour = render.colour_enabled()
    typer.echo("\n".join(render.entry_lines(found, short, lang=lang(), colour=colour)))


@app.command()
def show(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="An entry id or unique prefix.")],
    *,
    as_json: Annotated[bool, typer.Option("--json", help="The entry as a JSON object.")] = False,
) -> None:
    """Show one entry with everything stored about it."""
    from fourlooks import render
    from fourlooks.store import entries

    entry = entries.get(journal(), entry_id)
    if as_json:
        typer.echo(render.to_json(entry.to_dict()))
    else:
        colour = render.colour_enabled()
        typer.echo("\n".join(render.entry_detail(entry, lang=lang(), colour=colour)))


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
    import dataclasses

    from fourlooks.store import entries, now_iso

    entry = entries.get(journal(), entry_id)
    changes: dict[str, object] = {}
    if look is not None:
        changes["look"] = parse_look(look)
    if date is not None:
        changes["date"] = parse_date(date)
    if tag is not None:
        changes["tags"] = tuple(sorted(set(parse_tags(tag))))
    if text == "-":
        text = read_stdin()
    elif text is None and not changes:
        from fourlooks import editor

        text = editor.edit(entry.text)
    if text is not None:
        changes["text"] = checked_text(text)
    changed = {key: value for key, value in changes.items() if getattr(entry, key) != value}
    if not changed:
        typer.echo("No change: nothing saved.", err=True)
        return
    updated = dataclasses.replace(entry, **changed, updated_at=now_iso())
    entries.replace(journal(), updated)
    typer.echo(f"Saved {entries.short_ids(journal(), [entry.id])[entry.id]}.", err=True)


@app.command()
def delete(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="An entry id or unique prefix.")],
    *,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete an entry (asks first)."""
    from fourlooks.store import entries

    entry = entries.get(journal(), entry_id)
    short = entries.short_ids(journal(), [entry.id])[entry.id]
    first_line = entry.text.splitlines()[0][:60] if entry.text else ""
    if not yes and not typer.confirm(
        f"Delete {short} ({entry.date}, {entry.look.value}: {first_line})?", default=False
    ):
        typer.echo("Not deleted.", err=True)
        raise typer.Exit(1)
    entries.delete(journal(), entry.id)
    typer.echo(f"Deleted {short}.", err=True)
