"""The report's three formats: rich text for the terminal, Markdown to keep, JSON for scripts."""

from __future__ import annotations

from fourlooks.errors import UsageError
from fourlooks.report import markdown, sections, text
from fourlooks.report.figures import MonthReport, YearReport

FORMATS = ("text", "markdown", "json")
_ALIASES = {"text": "text", "markdown": "markdown", "md": "markdown", "json": "json"}
MAX_WIDTH = 100  # wider than this, lines get hard to read
FILE_WIDTH = 80  # a text report written to a file is read in windows we do not know


def choose_format(fmt: str | None, as_json: bool) -> str:
    """The format asked for by `--format` (any case, `md` too) or `--json`; text by default."""
    if as_json and fmt not in (None, "json"):
        raise UsageError(f"--json cannot be combined with --format {fmt}")
    if as_json:
        return "json"
    if fmt is None:
        return "text"
    chosen = _ALIASES.get(fmt.strip().lower())
    if chosen is None:
        raise UsageError(f"unknown format {fmt!r}: use text, markdown or json")
    return chosen


def terminal_width() -> int:
    """The width of a report for this terminal: its columns, at most MAX_WIDTH."""
    import shutil

    return min(shutil.get_terminal_size((FILE_WIDTH, 24)).columns, MAX_WIDTH)


def render(
    data: MonthReport | YearReport, fmt: str, *, width: int = 80, colour: bool = False
) -> str:
    """The report in `fmt` (text, markdown or json), ending with a newline."""
    if fmt == "json":
        return as_json(data)
    table = sections.YEAR if isinstance(data, YearReport) else sections.MONTH
    if fmt == "markdown":
        return markdown.document(data, table)
    return text.document(data, table, width=width, colour=colour)


def as_json(data: MonthReport | YearReport) -> str:
    """Every figure, as docs/report.md names them: `to_dict()` of the report."""
    from fourlooks.render import to_json

    return to_json(data.to_dict()) + "\n"


def written_by_report(head: str) -> bool:
    """Whether a file's first bytes are a report fourlooks wrote, so `-o` may replace it."""
    from fourlooks import words

    first = head.lstrip("# ").split("\n", 1)[0]
    return first.startswith(
        (*words.message_starts("report_month_title"), *words.message_starts("report_year_title"))
    ) or head.startswith(('{\n  "kind": "month"', '{\n  "kind": "year"'))
