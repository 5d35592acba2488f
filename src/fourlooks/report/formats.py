"""The report's three formats: rich text for the terminal, Markdown to keep, JSON for scripts."""

from __future__ import annotations

from fourlooks.report import markdown, text
from fourlooks.report.figures import MonthReport, YearReport

FORMATS = ("text", "markdown", "json")


def render(
    data: MonthReport | YearReport, fmt: str, *, width: int = 80, colour: bool = False
) -> str:
    """The report in `fmt` (text, markdown or json), ending with a newline."""
    if fmt == "json":
        return as_json(data)
    if isinstance(data, YearReport):
        return (
            markdown.year_markdown(data)
            if fmt == "markdown"
            else text.year_text(data, width=width, colour=colour)
        )
    return (
        markdown.month_markdown(data)
        if fmt == "markdown"
        else text.month_text(data, width=width, colour=colour)
    )


def as_json(data: MonthReport | YearReport) -> str:
    """Every figure, as docs/report.md names them: `to_dict()` of the report."""
    from fourlooks.render import to_json

    return to_json(data.to_dict()) + "\n"
