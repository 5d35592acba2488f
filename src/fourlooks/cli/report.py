"""The report command: a month (or a year) of reflection, for the terminal, Markdown or JSON."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from pathlib import Path
from typing import Annotated

import typer

from fourlooks.cli.app import app, journal, lang, now, settings


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

    A month still under way is counted up to today. What each figure means, and every
    field of the JSON: `fourlooks help report`.
    """
    from fourlooks import config, dates, render
    from fourlooks import report as reports

    chosen = reports.choose_format(fmt, as_json)
    moment = now()
    # A report written at 1 a.m. belongs to the day before, like the review it follows.
    today = dates.review_day(moment, day_start=config.day_start())
    period = reports.choose_period(month, year, today=today, calendar_day=moment.date())
    data = reports.for_period(
        journal(), period, today=today, lang=lang(), quiet_days=config.quiet_days()
    )
    if out is not None:
        text = reports.render(data, chosen, width=reports.FILE_WIDTH, colour=False)
        _write(out, text, force=force)
        return
    width = reports.terminal_width()
    typer.echo(reports.render(data, chosen, width=width, colour=render.colour_enabled()), nl=False)


def _write(out: Path, text: str, *, force: bool) -> None:
    """A report to keep: private, whole or not at all, never over the journal or a stranger."""
    from fourlooks import files
    from fourlooks.report.formats import written_by_report

    files.check_output(out, settings().journal_path, force=force, made_here=written_by_report)
    files.write_atomic(out, [text])
    typer.echo(f"Wrote the report to {out}.", err=True)
