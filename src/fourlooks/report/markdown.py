"""The report as Markdown: a self-contained document to keep, every highlight in full."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from fourlooks.model import Look
from fourlooks.report.charts import GAP, REVIEWED, calendar_weeks
from fourlooks.report.lines import (
    neglected_line,
    percent,
    share,
    signed,
    span_line,
    streaks_line,
    value,
)
from fourlooks.report.strings import look_name, month_name, month_only, t, weekdays

if TYPE_CHECKING:
    from fourlooks.report.figures import MonthReport, YearReport


def _cell(text: object) -> str:
    """A table cell: pipes escaped, lines joined."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _md_table(headers: Sequence[str], rows: Iterable[Sequence[object]], align: str) -> list[str]:
    """A GitHub-style table; `align` has one letter per column: l, r or c."""
    marks = {"l": "---", "r": "---:", "c": ":---:"}
    lines = [
        "| " + " | ".join(_cell(h) for h in headers) + " |",
        "| " + " | ".join(marks[a] for a in align) + " |",
    ]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def _md_item(date: str, text: str) -> list[str]:
    """A list item keeping the whole text; later lines indented so they stay in the item."""
    lines = text.splitlines() or [""]
    return [f"- **{date}**: {lines[0]}", *(f"  {line}" if line else "" for line in lines[1:])]


def month_markdown(report: MonthReport) -> str:
    """The month report as a self-contained Markdown document."""
    lang = report.lang
    md: list[str] = [f"# {t(lang, 'month_title', month=month_name(report.month, lang))}", ""]
    md += [span_line(report), ""]

    md += [f"## {t(lang, 'coverage')}", ""]
    if report.days_so_far:
        md.append(
            t(
                lang,
                "reviewed",
                done=report.days_reviewed,
                days=report.days_so_far,
                share=percent(report.coverage),
            )
        )
        md.append("")
    md += [streaks_line(report, "period_month"), ""]
    reviewed = set(report.reviewed_dates)
    rows = [
        [
            ""
            if day is None
            else f"{int(day[8:])}: {report.entries_by_day[day]}"
            + (f" {REVIEWED}" if day in reviewed else "")
            for day in week
        ]
        for week in calendar_weeks(report.first_day, list(report.entries_by_day))
    ]
    md += _md_table(weekdays(lang), rows, "c" * 7)
    md += ["", t(lang, "calendar_note", mark=REVIEWED), ""]

    md += [f"## {t(lang, 'balance')}", ""]
    if not report.entries:
        md += [t(lang, "no_entries"), ""]
    rows = [
        [
            f"{look} {Look(look).zh}",
            count,
            share(count, report.entries),
            report.previous_entries_by_look[look],
            signed(report.entries_by_look_change[look]),
        ]
        for look, count in report.entries_by_look.items()
    ]
    headers = [t(lang, "look"), t(lang, "entries"), t(lang, "share")]
    headers += [month_name(report.previous_month, lang), t(lang, "change")]
    md += _md_table(headers, rows, "lrrrr")
    md += ["", neglected_line(report), ""]

    md += [f"## {t(lang, 'audit')}", ""]
    if not report.audit_done and all(r.value is None for r in report.ratings):
        md += [t(lang, "audit_missing", month=month_name(report.month, lang)), ""]
    months = " ".join(month_only(m, lang) for m in report.trend_months)
    headers = [t(lang, "question"), month_name(report.month, lang)]
    headers += [month_name(report.previous_month, lang), t(lang, "change")]
    headers += [f"{t(lang, 'trend')} ({months})"]
    rows = [
        [
            r.label,
            value(r.value),
            value(r.previous),
            signed(r.change),
            " ".join(value(v) for v in r.trend),
        ]
        for r in report.ratings
    ]
    md += _md_table(headers, rows, "lrrrl")
    md += ["", t(lang, "gap_note", gap=GAP), ""]

    c = report.commitments
    md += [f"## {t(lang, 'commitments')}", ""]
    keys = ("made", "followed_up", "done", "partly", "not_done", "awaiting")
    md += _md_table([t(lang, k) for k in keys], [[getattr(c, k) for k in keys]], "rrrrrr")
    md.append("")

    tasks = report.tasks
    md += [f"## {t(lang, 'tasks')}", ""]
    keys = ("opened", "closed", "open", "overdue")
    md += _md_table([t(lang, k) for k in keys], [[getattr(tasks, k) for k in keys]], "rrrr")
    md.append("")
    rows = [[t(lang, f"state_{state}"), count] for state, count in tasks.by_state.items()]
    md += _md_table([t(lang, "state"), t(lang, "tasks_count")], rows, "lr")
    md.append("")
    if tasks.overdue_tasks:
        md += [f"**{t(lang, 'overdue')}:**", ""]
        items = tasks.overdue_tasks
        md += [f"- {t(lang, 'overdue_item', title=o.title, due=o.due)}" for o in items]
        md.append("")

    md += [f"## {t(lang, 'highlights')}", ""]
    if not any(report.highlights.values()):
        md += [t(lang, "no_highlights"), ""]
    for group, items in report.highlights.items():
        if not items:
            continue
        md += [f"### {t(lang, group)}", ""]
        for item in items:
            md += _md_item(item.date, item.text)
        md.append("")
    md.append(f"_{t(lang, 'written', today=report.today)}_")
    return "\n".join(md) + "\n"


def year_markdown(report: YearReport) -> str:
    """The year report as a self-contained Markdown document."""
    lang = report.lang
    md = [f"# {t(lang, 'year_title', year=report.year)}", ""]
    md += [t(lang, "year_so_far", days=report.days_so_far, today=report.today), ""]
    md.append(
        t(
            lang,
            "year_reviewed",
            done=report.days_reviewed,
            days=report.days_so_far,
            share=percent(report.coverage),
            current=report.streaks.current,
            longest=report.streaks.longest,
        )
    )
    md.append("")
    md.append(
        t(
            lang,
            "year_entries",
            entries=report.entries,
            months=report.months_with_entries,
            audits=report.audits_done,
        )
    )
    md += ["", neglected_line(report), ""]

    md += [f"## {t(lang, 'months')}", ""]
    headers = [t(lang, k) for k in ("month", "reviewed_col", "coverage_col", "entries")]
    headers += [look_name(look.value, lang) for look in Look]
    headers += [t(lang, "neglected_col"), t(lang, "audit_col")]
    rows = []
    for m in report.months:
        if not m.days_so_far:
            rows.append([month_name(m.month, lang), t(lang, "to_come"), *[GAP] * 8])
            continue
        rows.append(
            [
                month_name(m.month, lang),
                f"{m.days_reviewed}/{m.days_so_far}",
                percent(m.coverage),
                m.entries,
                *(m.entries_by_look[look.value] for look in Look),
                look_name(m.neglected_look, lang) if m.neglected_look else "",
                REVIEWED if m.audit_done else "",
            ]
        )
    md += _md_table(headers, rows, "lrrrrrrrlc")
    md.append("")

    md += [f"## {t(lang, 'audit')}", ""]
    headers = [t(lang, "question"), *(month_only(m.month, lang) for m in report.months)]
    headers.append(t(lang, "average"))
    rows = [[r.label, *(value(v) for v in r.values), value(r.average)] for r in report.ratings]
    md += _md_table(headers, rows, "l" + "c" * 12 + "r")
    md += ["", t(lang, "gap_note", gap=GAP), ""]
    md.append(f"_{t(lang, 'written', today=report.today)}_")
    return "\n".join(md) + "\n"
