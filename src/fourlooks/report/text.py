"""The report as rich text for the terminal: tables, bars, sparklines and a calendar.

Every figure comes from `fourlooks.report.figures`; nothing here counts or queries. The
sections yield plain parts: strings, `Line`s of styled runs and `Grid`s (tables). In colour
they are printed through rich; without colour (a pipe, a file, NO_COLOR) the same layout is
laid out here, with rich's own cell widths and word wrap (rich.cells, rich._wrap), since
importing rich's console and tables cost a report ~22 ms of its ~140. A part this layout does
not cover (a table wider than the terminal, a tab or a line break inside a line) sends the
whole report through rich. The text never relies on colour alone: the calendar uses shade
characters and a check mark, bars are blocks, gaps in a trend are `·`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from fourlooks import words
from fourlooks.model import Look
from fourlooks.render import shown
from fourlooks.report import phrases
from fourlooks.report.charts import (
    GAP,
    REVIEWED,
    SHADES,
    bar,
    calendar_weeks,
    count_spark,
    rating_spark,
    shade,
)
from fourlooks.report.counting import STATE_ID

if TYPE_CHECKING:
    from fourlooks.report.figures import MonthReport, YearReport
    from fourlooks.report.sections import Section

HIGHLIGHTS_SHOWN = 5  # per group in the terminal; Markdown and JSON give them all
OVERDUE_SHOWN = 5  # overdue tasks named in the terminal, likewise
PEOPLE_SHOWN = 10  # people heard named in the terminal, likewise


class Line:
    """A paragraph of styled runs: the few ways of rich's Text the sections use."""

    __slots__ = ("cut", "runs", "style")

    def __init__(self, text: str = "", style: str | None = None) -> None:
        self.runs: list[tuple[str, str | None]] = [(text, None)] if text else []
        self.style = style
        self.cut: int | None = None  # kept to one line of this width, an ellipsis at its end

    def append(self, text: str, style: str | None = None) -> None:
        self.runs.append((text, style))

    def truncate(self, width: int, *, overflow: str) -> None:
        assert overflow == "ellipsis"  # the one way used
        self.cut = width


class Grid:
    """A borderless table: each column is (header, justify: left, right or center)."""

    __slots__ = ("columns", "rows")

    def __init__(self, columns: tuple[tuple[str, str], ...]) -> None:
        self.columns = columns
        self.rows: list[tuple[str, ...]] = []

    def add_row(self, *cells: str) -> None:
        self.rows.append(cells)


def _table(*columns: tuple[str, str]) -> Grid:
    return Grid(columns)


def _console(width: int, colour: bool):
    import io

    from rich.console import Console

    return Console(
        file=io.StringIO(),
        width=width,
        height=50,  # given, so rich does not ask the terminal for its size on every print
        force_terminal=colour,
        color_system="standard" if colour else None,
        no_color=not colour,
        markup=False,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )


def _printed(parts: list[Any], width: int, colour: bool) -> str:
    """The parts, one after another, as text; printed at once, as each print has a cost."""
    printed = None if colour else _plain(parts, width)
    if printed is None:
        printed = _through_rich(parts, width, colour)
    # Table padding leaves spaces at line ends; a file or a pager is better without them.
    return "\n".join(line.rstrip() for line in printed.splitlines()) + "\n"


def _through_rich(parts: list[Any], width: int, colour: bool) -> str:
    from rich.console import Group

    out = _console(width, colour)
    out.print(Group(*(_rich(part, width) for part in parts)))
    return out.file.getvalue()


def _rich(part: Any, width: int) -> Any:
    """A part as rich prints it: a Text, a Table, or the string itself."""
    if isinstance(part, Line):
        from rich.text import Text

        text = Text(style=part.style or "")
        for run, style in part.runs:
            text.append(run, style=style)
        if part.cut is not None:
            text.truncate(part.cut, overflow="ellipsis")
        return text
    if isinstance(part, Grid):
        from rich import box
        from rich.table import Table

        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
        for header, justify in part.columns:
            table.add_column(header, justify=justify, no_wrap=True)
        for row in part.rows:
            table.add_row(*row)
        return table
    return part


# What rich's Text removes from a string: bell, backspace, vertical tab, form feed, CR.
_STRIPPED = dict.fromkeys((7, 8, 11, 12, 13))
_TRAILING_SPACE = re.compile(r"\s+$")


def _plain(parts: list[Any], width: int) -> str | None:
    """The parts as rich prints them without colour, or None where that is not laid out here."""
    from rich.cells import cell_len, set_cell_size

    lines: list[str] = []
    for part in parts:
        if isinstance(part, Grid):
            rows = _grid(part, width, cell_len)
            if rows is None:
                return None
            lines += rows
            continue
        text = "".join(run for run, _ in part.runs) if isinstance(part, Line) else part
        if "\n" in text or "\t" in text:
            return None
        text = text.translate(_STRIPPED)
        if isinstance(part, Line) and part.cut is not None and cell_len(text) > part.cut:
            text = set_cell_size(text, part.cut - 1) + "…"
        lines += _wrapped(text, width, cell_len, set_cell_size)
    return "".join(line + "\n" for line in lines)


def _wrapped(text: str, width: int, cell_len, set_cell_size) -> list[str]:
    """One line of text word-wrapped to `width` cells, as rich's Text.wrap does it."""
    from rich._wrap import divide_line

    offsets = [0, *divide_line(text, width, fold=True), len(text)]
    found = []
    for start, end in itertools.pairwise(offsets):
        line = text[start:end]
        if len(line) > width:  # rstrip_end: spaces past the width go
            space = _TRAILING_SPACE.search(line)
            if space is not None:
                line = line[: len(line) - min(len(space.group(0)), len(line) - width)]
        found.append(set_cell_size(line, width) if cell_len(line) > width else line)
    return found


def _grid(grid: Grid, width: int, cell_len) -> list[str] | None:
    """A table's lines as rich's SIMPLE_HEAD draws it without edges; None when it would
    have to shrink its columns to fit (rich does that)."""
    count = len(grid.columns)
    headers = tuple(header.translate(_STRIPPED) for header, _ in grid.columns)
    rows = [tuple(cell.translate(_STRIPPED) for cell in row) for row in grid.rows]
    if any(len(row) != count for row in rows) or any(
        "\n" in cell or "\t" in cell for row in (headers, *rows) for cell in row
    ):
        return None
    pads = [(0 if n == 0 else 1, 0 if n == count - 1 else 1) for n in range(count)]
    inner = [max(cell_len(row[n]) for row in (headers, *rows)) for n in range(count)]
    widths = [(inner[n] + sum(pads[n])) or 1 for n in range(count)]
    if sum(widths) > width - (count - 1):
        return None

    def drawn(row: tuple[str, ...]) -> str:
        cells = []
        for n, ((_, justify), cell) in enumerate(zip(grid.columns, row, strict=True)):
            room = widths[n] - sum(pads[n]) - cell_len(cell)
            if justify == "right":
                cell = " " * room + cell
            elif justify == "center":
                cell = " " * (room // 2) + cell + " " * (room - room // 2)
            else:
                cell += " " * room
            cells.append(" " * pads[n][0] + cell + " " * pads[n][1])
        return " ".join(cells)

    return [drawn(headers), "─" * (sum(widths) + count - 1), *(drawn(row) for row in rows)]


def document(
    report: MonthReport | YearReport,
    sections: Sequence[Section],
    *,
    width: int = 80,
    colour: bool = False,
) -> str:
    """The report for a terminal of `width` columns: title, head, then each section."""
    parts: list[Any] = [Line(phrases.title(report), style="bold")]
    for index, paragraph in enumerate(phrases.head(report)):
        if index:
            parts.append("")  # paragraphs apart; a section's heading brings its own blank line
        parts += paragraph
    for section in sections:
        heading = Line(words.say(section.heading, report.lang), style="bold underline")
        parts += ["", heading, *section.text(report, width)]
    return _printed(parts, width, colour)


def coverage(report: MonthReport, width: int) -> Iterable[Any]:
    lang = report.lang
    yield from _present(phrases.reviewed(report))
    yield phrases.streaks(report, "report_period_month")
    yield ""
    most = max(report.entries_by_day.values(), default=0)
    reviewed = set(report.reviewed_dates)
    # Each day is four columns (day, shade, mark); both languages' weekday names are two wide.
    header = Line(
        "  " + " ".join(f"{name}  " for name in words.weekdays(lang, form="calendar")).rstrip()
    )
    yield header
    for week in calendar_weeks(report.first_day, list(report.entries_by_day)):
        line = Line("  ")
        for index, day in enumerate(week):
            if index:
                line.append(" ")
            if day is None:
                line.append("    ")
                continue
            count = report.entries_by_day[day]
            future = day > report.today
            mark = shade(count, most) if not future or count else " "
            line.append(f"{int(day[8:]):>2}")
            line.append(mark, style="green" if count else "dim")
            line.append(REVIEWED if day in reviewed else " ", style="bold")
        yield line
    yield Line(
        "  " + words.say("report_legend", lang, none=GAP, shades=SHADES, most=most, mark=REVIEWED),
        style="dim",
    )


def balance(report: MonthReport, width: int) -> Iterable[Any]:
    lang = report.lang
    yield from _present(phrases.no_entries(report))
    most = max(report.entries_by_look.values(), default=0)
    bar_width = max(8, min(30, width - 52))
    previous = words.month_name(report.previous_month, lang, form="short")
    table = _table(
        (words.say("report_look", lang), "left"),
        ("", "left"),
        (words.say("report_entries", lang), "right"),
        (words.say("report_share", lang), "right"),
        (previous, "right"),
        (words.say("report_change", lang), "right"),
    )
    for look, count in report.entries_by_look.items():
        table.add_row(
            words.look_name(look, lang),
            bar(count, most, bar_width),
            str(count),
            phrases.share(count, phrases.reflection(report)),
            str(report.previous_entries_by_look[look]),
            phrases.signed(report.entries_by_look_change[look]),
        )
    yield table
    yield phrases.neglected(report)
    yield from _present(phrases.follow_ups(report))


def _trend_header(report: MonthReport) -> str:
    lang = report.lang
    first, last = report.trend_months[0], report.trend_months[-1]
    return phrases.month_span(first, last, lang)


def audit(report: MonthReport, width: int) -> Iterable[Any]:
    lang = report.lang
    yield from _present(phrases.audit_missing(report))
    table = _table(
        (words.say("report_question", lang), "left"),
        (words.month_name(report.month, lang, form="short"), "right"),
        (words.month_name(report.previous_month, lang, form="short"), "right"),
        (words.say("report_change", lang), "right"),
        (f"{words.say('report_trend', lang)} {_trend_header(report)}", "left"),
    )
    for rating in report.ratings:
        table.add_row(
            rating.label,
            phrases.value(rating.value),
            phrases.value(rating.previous),
            phrases.signed(rating.change),
            rating_spark(rating.trend) + "  " + " ".join(phrases.value(v) for v in rating.trend),
        )
    yield table
    yield words.say("report_gap_note", lang, gap=GAP)


def commitments(report: MonthReport, width: int) -> Iterable[Any]:
    c = report.commitments
    followed = phrases.share(c.followed_up, c.made)
    yield words.say(
        "report_commitments_line",
        report.lang,
        made=c.made,
        followed_up=c.followed_up,
        share=followed,
    )
    counts = phrases.follow_up_counts(c, report.lang)
    yield words.say("report_answers_line", report.lang, counts=counts, awaiting=c.awaiting)


def tasks(report: MonthReport, width: int) -> Iterable[Any]:
    tasks = report.tasks
    lang = report.lang
    yield words.say(
        "report_tasks_line",
        lang,
        opened=tasks.opened,
        closed=tasks.closed,
        open=tasks.open,
        overdue=tasks.overdue,
    )
    counts = words.choice_counts(STATE_ID, tasks.by_state, lang)
    yield words.say("report_states_line", lang, reviewed=tasks.reviewed, counts=counts)
    for task in tasks.overdue_tasks[:OVERDUE_SHOWN]:  # the longest overdue first
        line = Line("  ! ", style="bold")
        line.append(words.say("report_overdue_item", lang, title=shown(task.title), due=task.due))
        line.truncate(width, overflow="ellipsis")  # one line each, however long
        yield line
    if len(tasks.overdue_tasks) > OVERDUE_SHOWN:
        more = len(tasks.overdue_tasks) - OVERDUE_SHOWN
        yield Line("  " + words.say("report_more", lang, count=more), style="dim")


def open_goals(report: MonthReport, width: int) -> Iterable[Any]:
    lang = report.lang
    if not report.open_goals:
        yield words.say("report_no_goals", lang)
    for goal in report.open_goals:
        line = Line("  " + phrases.goal_line(goal), style="bold")
        line.truncate(width, overflow="ellipsis")
        yield line
        if not goal.tasks:
            yield Line("      " + words.say("goal_no_tasks", lang), style="dim")
        for task in goal.tasks:
            line = Line("      " + phrases.goal_task_line(task, lang))
            line.truncate(width, overflow="ellipsis")  # one line each, however long
            yield line


def decisions(report: MonthReport, width: int) -> Iterable[Any]:
    lang = report.lang
    yield phrases.decisions_line(report) or words.say("report_no_decisions", lang)
    for decision in report.decisions.made:
        line = Line("  " + phrases.decision_line(decision, lang))
        line.truncate(width, overflow="ellipsis")  # one line each, however long
        yield line


def people(report: MonthReport, width: int) -> Iterable[Any]:
    lang, heard = report.lang, report.people.heard
    if not heard:
        yield words.say("report_no_people", lang)
    names = max((words.width(shown(p.name)) for p in heard[:PEOPLE_SHOWN]), default=0) + 2
    for person in heard[:PEOPLE_SHOWN]:  # the most often heard first
        name = words.pad("@" + shown(person.name), names)
        said = words.say("people_line", lang, name=name, times=person.times, last=person.last)
        line = Line("  " + said)
        line.truncate(width, overflow="ellipsis")
        yield line
    if len(heard) > PEOPLE_SHOWN:
        yield Line("  " + words.say("report_more", lang, count=len(heard) - PEOPLE_SHOWN))
    quiet = phrases.quiet_line(report)
    if quiet:
        yield Line(quiet, style="yellow")
def lessons(report: MonthReport, width: int) -> Iterable[Any]:
    lang = report.lang
    groups = phrases.lesson_groups(report)
    if not groups:
        yield words.say("report_no_lessons", lang)
    for key, items in groups:
        yield Line(words.say(key, lang, count=len(items)), style="bold")
        for item in items:
            line = Line("  " + phrases.lesson_line(item, lang))
            line.truncate(width, overflow="ellipsis")  # one line each, however long
            yield line


def highlights(report: MonthReport, width: int) -> Iterable[Any]:
    lang = report.lang
    if not any(report.highlights.values()):
        yield words.say("report_no_highlights", lang)
        return
    for group, items in report.highlights.items():
        if not items:
            continue
        yield Line(f"{phrases.highlight_heading(group, lang)} ({len(items)})", style="bold")
        for item in items[-HIGHLIGHTS_SHOWN:]:
            first_line = shown(" ".join(item.text.split()))
            line = Line(f"  {item.date[5:]}  ", style="dim")
            if item.question:
                line.append(f"{item.question} — ", style="dim")
            line.append(first_line)
            line.truncate(width, overflow="ellipsis")  # one line each, however long
            yield line
        if len(items) > HIGHLIGHTS_SHOWN:
            yield Line(
                "  " + words.say("report_more", lang, count=len(items) - HIGHLIGHTS_SHOWN),
                style="dim",
            )


def year_months(report: YearReport, width: int) -> Iterable[Any]:
    lang = report.lang
    table = _table(
        (words.say("report_month", lang), "left"),
        (words.say("report_reviewed_col", lang), "right"),
        (words.say("report_entries", lang), "right"),
        *((words.look_name(look.value, lang), "right") for look in Look),
        (words.say("report_neglected_col", lang), "left"),
        (words.say("report_audit_col", lang), "center"),
    )
    for month in report.months:
        name = words.month_name(month.month, lang, form="short", year=False)
        if not month.begun:
            continue  # before the journal's first entry: not a month of nothing
        if not month.days_so_far:
            table.add_row(name, words.say("report_to_come", lang), *[GAP] * 7)
            continue
        table.add_row(
            name,
            f"{month.days_reviewed}/{month.days_so_far} {phrases.percent(month.coverage):>4}",
            str(month.entries),
            *(str(month.entries_by_look[look.value]) for look in Look),
            words.look_name(month.neglected_look, lang) if month.neglected_look else "",
            REVIEWED if month.audit_done else "",
        )
    yield table
    yield from _year_trends(report)


def _year_trends(report: YearReport) -> Iterable[str]:
    """Coverage and entries month by month; months still to come are gaps."""
    lang = report.lang
    months = [m for m in report.months if m.begun]  # from the journal's first month on
    if not months:
        return
    coverage = [m.coverage if m.days_so_far else None for m in months]
    counts = [m.entries if m.days_so_far else None for m in months]
    first, last = months[0].month, months[-1].month
    span = phrases.month_span(first, last, lang)
    legend = words.say("report_trend_legend", lang, gap=GAP)
    yield f"{words.say('report_trends', lang)} {span} {legend}"
    yield f"  {words.say('report_coverage_trend', lang):<10} {count_spark(coverage)}"
    yield f"  {words.say('report_entries_trend', lang):<10} {count_spark(counts)}"


def year_audit(report: YearReport, width: int) -> Iterable[Any]:
    lang = report.lang
    table = _table(
        (words.say("report_question", lang), "left"),
        (words.say("report_trend", lang), "left"),
        ("1-12", "left"),
        (words.say("report_average", lang), "right"),
    )
    for rating in report.ratings:
        table.add_row(
            rating.label,
            rating_spark(rating.values),
            " ".join(phrases.value(v) for v in rating.values),
            phrases.value(rating.average),
        )
    yield table
    yield words.say("report_gap_note", lang, gap=GAP)


def _present(line: str | None) -> Iterable[str]:
    """The line, if there is one to say."""
    if line is not None:
        yield line
