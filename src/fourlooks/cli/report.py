"""The report command: a month (or a year) of reflection, for the terminal, Markdown or JSON."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from pathlib import Path
from typing import Annotated

import typer

from fourlooks.cli.app import app, journal, lang, now, settings
from fourlooks.errors import UsageError

MAX_WIDTH = 100  # wider than this, lines get hard to read
FILE_WIDTH = 80  # a text report written to a file is read in windows we do not know
_FORMAT_ALIASES = {"text": "text", "markdown": "markdown", "md": "markdown", "json": "json"}


@app.command("report")
def report_command(
    *,
    month: Annotated[
        str | None,
        typer.Option(
            "--month",
            "-m",
            metavar="MONTH",
            help="YYYY-MM, 'last month', '2 months ago', 'nov'... [default: this month so far]",
        ),
    ] = None,
    year: Annotated[
        str | None,
        typer.Option(
            "--year",
            "-y",
            metavar="YEAR",
            help="The twelve months of a year side by side: YYYY, 'this year', 'last year'.",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text (for the terminal), markdown (to keep) or json (every figure).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", metavar="FILE", help="Write the report to FILE instead of stdout."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace FILE if it exists (never the journal).")
    ] = False,
) -> None:
    """Report a month: reviews, balance of the looks, self-audit, commitments, tasks, highlights.

    A month still under way is counted up to today. Fields of the JSON: docs/report.md.
    """
    from fourlooks import config, dates, render
    from fourlooks import report as figures

    chosen = _format(fmt, as_json)
    if month is not None and year is not None:
        raise UsageError("--month and --year cannot be combined: a report is of one or the other")
    # A report written at 1 a.m. belongs to the day before, like the review it follows.
    today = dates.review_day(now(), day_start=config.day_start())
    if year is not None:
        data = figures.year_report(
            journal(), dates.parse_year(year, today=today), today=today, lang=lang()
        )
    else:
        chosen_year, chosen_month = (
            dates.parse_month(month, today=today) if month else (today.year, today.month)
        )
        data = figures.month_report(journal(), chosen_year, chosen_month, today=today, lang=lang())
    if out is None:
        import shutil

        width = min(shutil.get_terminal_size((FILE_WIDTH, 24)).columns, MAX_WIDTH)
        text = figures.render(data, chosen, width=width, colour=render.colour_enabled())
        typer.echo(text, nl=False)
        return
    _write(out, figures.render(data, chosen, width=FILE_WIDTH, colour=False), force=force)


def _write(out: Path, text: str, *, force: bool) -> None:
    """A report to keep: private, whole or not at all, never over the journal or a stranger."""
    from fourlooks import files
    from fourlooks.report.formats import written_by_report

    files.check_output(out, settings().journal_path, force=force, made_here=written_by_report)
    files.write_atomic(out, [text])
    typer.echo(f"Wrote the report to {out}.", err=True)


def _format(fmt: str | None, as_json: bool) -> str:
    if as_json and fmt not in (None, "json"):
        raise UsageError(f"--json cannot be combined with --format {fmt}")
    if as_json:
        return "json"
    if fmt is None:
        return "text"
    chosen = _FORMAT_ALIASES.get(fmt.strip().lower())
    if chosen is None:
        raise UsageError(f"unknown format {fmt!r}: use text, markdown or json")
    return chosen
