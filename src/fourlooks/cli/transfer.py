"""Commands that move the journal in and out: export and import."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

import sys
from typing import Annotated

import typer

from fourlooks.cli.app import app, journal, lang, settings
from fourlooks.cli.inputs import (
    DateFrom,
    DateTo,
    LookFilter,
    TagFilter,
    parse_first_day,
    parse_last_day,
    parse_look,
    parse_tags,
)
from fourlooks.formats import READERS, WRITERS


@app.command()
def export(
    *,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="|".join(WRITERS),
            help="markdown (to read) or json (lossless, for import) [default: json when --out"
            " ends in .json, else markdown].",
        ),
    ] = None,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            metavar="PATH",
            help="A file to write, or a folder (a trailing / or an existing folder) for one"
            " Markdown file per day: DIR/YYYY/MM/YYYY-MM-DD.md [default: stdout].",
        ),
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    look: LookFilter = None,
    tag: TagFilter = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Replace an earlier JSON export even if it holds what this journal lacks.",
        ),
    ] = False,
) -> None:
    """Export the journal as Markdown or as lossless JSON; exporting twice gives the same bytes.

    A folder export writes only its own files (each starts with `generator: fourlooks`) and
    refuses to overwrite any other file. A filtered JSON export also carries the reviews,
    tasks and commitments its entries refer to, so it imports anywhere.
    """
    from fourlooks import paths, render
    from fourlooks import transfer as core
    from fourlooks.model import Filters
    from fourlooks.render import transfer as screen

    filters = Filters(
        date_from=parse_first_day(date_from) if date_from else None,
        date_to=parse_last_day(date_to) if date_to else None,
        look=parse_look(look) if look else None,
        tag=parse_tags([tag])[0] if tag else None,
    )
    request = core.ExportRequest(
        filters,
        journal_file=settings().journal_path,
        fmt=fmt,
        out=out,
        lang=lang(),
        questions_file=paths.questions_file(),
        force=force,
    )
    result = core.export(
        journal(),
        request,
        stdout=sys.stdout,
        # A person reads a terminal: control codes in the text are shown, not obeyed.
        shown=render.shown if sys.stdout.isatty() else None,
        progress=render.progress if sys.stderr.isatty() else None,
    )
    if journal().encrypted:  # the file is as readable as any export (and 0600 like one)
        from fourlooks import words

        typer.echo(words.say("export_plain", lang()), err=True)
    for line in screen.export_lines(result, lang()):
        typer.echo(line, err=True)


@app.command("import")
def import_file(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="A fourlooks or jrnl JSON export, or jrnl's own journal file; '-' reads stdin.",
        ),
    ],
    *,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="|".join(READERS),
            help="The file's format [default: recognised from its content].",
        ),
    ] = None,
    look: Annotated[
        str | None,
        typer.Option(
            "--look",
            "-l",
            metavar="LOOK",
            help="jrnl: the look of entries without a @back/@up/@down/@ahead tag [default: back].",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Say what would change; change nothing.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="The counts as JSON.")] = False,
) -> None:
    """Import a JSON export or a jrnl journal, matched by id: importing twice adds nothing.

    For an entry (or task) already in the journal, the copy changed last wins: this is how
    the journals of two machines are merged. A file with any problem is refused whole.
    """
    from fourlooks import render
    from fourlooks import transfer as core
    from fourlooks.render import transfer as screen

    request = core.ImportRequest(
        file, fmt=fmt, look=parse_look(look) if look else None, dry_run=dry_run
    )
    result = core.import_file(journal(), request)
    if as_json:
        typer.echo(render.to_json(result.to_dict()))
    else:
        typer.echo("\n".join(screen.import_lines(result)))
