"""The report as rich text for the terminal: tables, bars, sparklines and a calendar.

Every figure comes from `fourlooks.report.figures`; nothing here counts or queries. rich is
imported only inside the functions. The text never relies on colour alone: the calendar uses
shade characters and a check mark, bars are blocks, gaps in a trend are `·`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

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
from fourlooks.report.strings import look_name, month_name, month_only, t, weekdays

if TYPE_CHECKING:
    from fourlooks.report.figures import MonthReport, YearReport
    from fourlooks.report.sections import Section

HIGHLIGHTS_SHOWN = 5  # per group in the terminal; Markdown and JSON give them all
OVERDUE_SHOWN = 5  # overdue tasks named in the terminal, likewise


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
    from rich.console import Group

    out = _console(width, colour)
    out.print(Group(*parts))
    # Table padding leaves spaces at line ends; a file or a pager is better without them.
    return "\n".join(line.rstrip() for line in out.file.getvalue().splitlines()) + "\n"


def _table(*columns: tuple[str, str]):
    """A borderless table; each column is (header, justify)."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for header, justify in columns:
        table.add_column(header, justify=justify, no_wrap=True)
    return table


def document(
    report: MonthReport | YearReport,
    sections: Sequence[Section],
    *,
    width: int = 80,
    colour: bool = False,
) -> str:
    """The report for a terminal of `width` columns: title, head, then each section."""
    from rich.text import Text

    parts: list[Any] = [Text(phrases.title(report), style="bold")]
    for index, paragraph in enumerate(phrases.head(report)):
        if index:
            parts.append("")  # paragraphs apart; a section's heading brings its own blank line
        parts += paragraph
    for section in sections:
        heading = Text(t(report.lang, section.heading), style="bold underline")
        parts += ["", heading, *section.text(report, width)]
    return _printed(parts, width, colour)


def coverage(report: MonthReport, width: int) -> Iterable[Any]:
    from rich.text import Text

    lang = report.lang
    yield from _present(phrases.reviewed(report))
    yield phrases.streaks(report, "period_month")
    yield ""
    most = max(report.entries_by_day.values(), default=0)
    reviewed = set(report.reviewed_dates)
    # Each day is four columns (day, shade, mark); both languages' weekday names are two wide.
    header = Text("  " + " ".join(f"{name}  " for name in weekdays(lang)).rstrip())
    yield header
    for week in calendar_weeks(report.first_day, list(report.entries_by_day)):
        line = Text("  ")
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
    yield Text(
        "  " + t(lang, "legend", none=GAP, shades=SHADES, most=most, mark=REVIEWED),
        style="dim",
    )


def balance(report: MonthReport, width: int) -> Iterable[Any]:
    lang = report.lang
    yield from _present(phrases.no_entries(report))
    most = max(report.entries_by_look.values(), default=0)
    bar_width = max(8, min(30, width - 52))
    previous = month_name(report.previous_month, lang, short=True)
    table = _table(
        (t(lang, "look"), "left"),
        ("", "left"),
        (t(lang, "entries"), "right"),
        (t(lang, "share"), "right"),
        (previous, "right"),
        (t(lang, "change"), "right"),
    )
    for look, count in report.entries_by_look.items():
        table.add_row(
            look_name(look, lang),
            bar(count, most, bar_width),
            str(count),
            phrases.share(count, report.entries),
            str(report.previous_entries_by_look[look]),
            phrases.signed(report.entries_by_look_change[look]),
        )
    yield table
    yield phrases.neglected(report)


def _trend_header(report: MonthReport) -> str:
    lang = report.lang
    first, last = report.trend_months[0], report.trend_months[-1]
    return f"{month_only(first, lang)}-{month_only(last, lang)}"


def audit(report: MonthReport, width: int) -> Iterable[Any]:
    lang = report.lang
    yield from _present(phrases.audit_missing(report))
    table = _table(
        (t(lang, "question"), "left"),
        (month_name(report.month, lang, short=True), "right"),
        (month_name(report.previous_month, lang, short=True), "right"),
        (t(lang, "change"), "right"),
        (f"{t(lang, 'trend')} {_trend_header(report)}", "left"),
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
    yield t(lang, "gap_note", gap=GAP)


def commitments(report: MonthReport, width: int) -> Iterable[Any]:
    c = report.commitments
    followed = phrases.share(c.followed_up, c.made)
    yield t(report.lang, "commitments_line", made=c.made, followed_up=c.followed_up, share=followed)
    yield t(report.lang, "answers_line", **c._asdict())  # done, partly, not done, awaiting


def tasks(report: MonthReport, width: int) -> Iterable[Any]:
    from rich.text import Text

    tasks = report.tasks
    lang = report.lang
    yield t(
        lang,
        "tasks_line",
        opened=tasks.opened,
        closed=tasks.closed,
        open=tasks.open,
        overdue=tasks.overdue,
    )
    yield t(lang, "states_line", reviewed=tasks.reviewed, **tasks.by_state)
    for task in tasks.overdue_tasks[:OVERDUE_SHOWN]:  # the longest overdue first
        line = Text("  ! ", style="bold")
        line.append(t(lang, "overdue_item", title=shown(task.title), due=task.due))
        line.truncate(width, overflow="ellipsis")  # one line each, however long
        yield line
    if len(tasks.overdue_tasks) > OVERDUE_SHOWN:
        more = len(tasks.overdue_tasks) - OVERDUE_SHOWN
        yield Text("  " + t(lang, "more", count=more), style="dim")


def highlights(report: MonthReport, width: int) -> Iterable[Any]:
    from rich.text import Text

    lang = report.lang
    if not any(report.highlights.values()):
        yield t(lang, "no_highlights")
        return
    for group, items in report.highlights.items():
        if not items:
            continue
        yield Text(f"{t(lang, group)} ({len(items)})", style="bold")
        for item in items[-HIGHLIGHTS_SHOWN:]:
            first_line = shown(" ".join(item.text.split()))
            line = Text(f"  {item.date[5:]}  ", style="dim")
            line.append(first_line)
            line.truncate(width, overflow="ellipsis")  # one line each, however long
            yield line
        if len(items) > HIGHLIGHTS_SHOWN:
            yield Text("  " + t(lang, "more", count=len(items) - HIGHLIGHTS_SHOWN), style="dim")


def year_months(report: YearReport, width: int) -> Iterable[Any]:
    lang = report.lang
    table = _table(
        (t(lang, "month"), "left"),
        (t(lang, "reviewed_col"), "right"),
        (t(lang, "entries"), "right"),
        *((look_name(look.value, lang), "right") for look in Look),
        (t(lang, "neglected_col"), "left"),
        (t(lang, "audit_col"), "center"),
    )
    for month in report.months:
        name = month_only(month.month, lang)
        if not month.days_so_far:
            table.add_row(name, t(lang, "to_come"), *[GAP] * 7)
            continue
        table.add_row(
            name,
            f"{month.days_reviewed}/{month.days_so_far} {phrases.percent(month.coverage):>4}",
            str(month.entries),
            *(str(month.entries_by_look[look.value]) for look in Look),
            look_name(month.neglected_look, lang) if month.neglected_look else "",
            REVIEWED if month.audit_done else "",
        )
    yield table
    yield from _year_trends(report)


def _year_trends(report: YearReport) -> Iterable[str]:
    """Coverage and entries month by month; months still to come are gaps."""
    lang = report.lang
    coverage = [m.coverage if m.days_so_far else None for m in report.months]
    counts = [m.entries if m.days_so_far else None for m in report.months]
    first, last = report.months[0].month, report.months[-1].month
    span = f"{month_only(first, lang)}-{month_only(last, lang)}"
    yield f"{t(lang, 'trends')} {span} {t(lang, 'trend_legend', gap=GAP)}"
    yield f"  {t(lang, 'coverage_trend'):<10} {count_spark(coverage)}"
    yield f"  {t(lang, 'entries_trend'):<10} {count_spark(counts)}"


def year_audit(report: YearReport, width: int) -> Iterable[Any]:
    lang = report.lang
    table = _table(
        (t(lang, "question"), "left"),
        (t(lang, "trend"), "left"),
        ("1-12", "left"),
        (t(lang, "average"), "right"),
    )
    for rating in report.ratings:
        table.add_row(
            rating.label,
            rating_spark(rating.values),
            " ".join(phrases.value(v) for v in rating.values),
            phrases.value(rating.average),
        )
    yield table
    yield t(lang, "gap_note", gap=GAP)


def _present(line: str | None) -> Iterable[str]:
    """The line, if there is one to say."""
    if line is not None:
        yield line
