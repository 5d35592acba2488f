"""The report as Markdown: a self-contained document to keep, every highlight in full."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from fourlooks import words
from fourlooks.model import Look
from fourlooks.render import shown
from fourlooks.report import phrases
from fourlooks.report.charts import GAP, REVIEWED, calendar_weeks
from fourlooks.report.strings import look_name, month_name, month_only, t, weekdays

if TYPE_CHECKING:
    from fourlooks.report.figures import MonthReport, YearReport
    from fourlooks.report.sections import Section


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


def document(report: MonthReport | YearReport, sections: Sequence[Section]) -> str:
    """The report as a self-contained Markdown document: title, head, then each section."""
    md = [f"# {phrases.title(report)}", ""]
    for paragraph in phrases.head(report):
        for line in paragraph:
            md += [line, ""]
    for section in sections:
        md += [f"## {t(report.lang, section.heading)}", "", *section.markdown(report)]
    md.append(f"_{t(report.lang, 'written', today=report.today)}_")
    return "\n".join(md) + "\n"


def _paragraph(line: str | None) -> list[str]:
    """The line and the blank line after it, if there is one to say."""
    return [] if line is None else [line, ""]


def coverage(report: MonthReport) -> list[str]:
    lang = report.lang
    md = [*_paragraph(phrases.reviewed(report)), phrases.streaks(report, "period_month"), ""]
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
    return [*md, "", t(lang, "calendar_note", mark=REVIEWED), ""]


def balance(report: MonthReport) -> list[str]:
    lang = report.lang
    rows = [
        [
            f"{look} {words.look_name(look, 'zh')}",
            count,
            phrases.share(count, report.entries),
            report.previous_entries_by_look[look],
            phrases.signed(report.entries_by_look_change[look]),
        ]
        for look, count in report.entries_by_look.items()
    ]
    headers = [t(lang, "look"), t(lang, "entries"), t(lang, "share")]
    headers += [month_name(report.previous_month, lang), t(lang, "change")]
    md = [*_paragraph(phrases.no_entries(report)), *_md_table(headers, rows, "lrrrr")]
    return [*md, "", phrases.neglected(report), ""]


def audit(report: MonthReport) -> list[str]:
    lang = report.lang
    months = " ".join(month_only(m, lang) for m in report.trend_months)
    headers = [t(lang, "question"), month_name(report.month, lang)]
    headers += [month_name(report.previous_month, lang), t(lang, "change")]
    headers += [f"{t(lang, 'trend')} ({months})"]
    rows = [
        [
            r.label,
            phrases.value(r.value),
            phrases.value(r.previous),
            phrases.signed(r.change),
            " ".join(phrases.value(v) for v in r.trend),
        ]
        for r in report.ratings
    ]
    md = [*_paragraph(phrases.audit_missing(report)), *_md_table(headers, rows, "lrrrl")]
    return [*md, "", t(lang, "gap_note", gap=GAP), ""]


def commitments(report: MonthReport) -> list[str]:
    c = report.commitments
    keys = ("made", "followed_up", "done", "partly", "not_done", "awaiting")
    headers = [t(report.lang, k) for k in keys]
    return [*_md_table(headers, [[getattr(c, k) for k in keys]], "rrrrrr"), ""]


def tasks(report: MonthReport) -> list[str]:
    lang = report.lang
    figures = report.tasks
    keys = ("opened", "closed", "open", "overdue")
    md = _md_table([t(lang, k) for k in keys], [[getattr(figures, k) for k in keys]], "rrrr")
    md.append("")
    rows = [[t(lang, f"state_{state}"), count] for state, count in figures.by_state.items()]
    md += _md_table([t(lang, "state"), t(lang, "tasks_count")], rows, "lr")
    md.append("")
    if figures.overdue_tasks:
        md += [f"**{t(lang, 'overdue')}:**", ""]
        items = figures.overdue_tasks
        md += [f"- {t(lang, 'overdue_item', title=shown(o.title), due=o.due)}" for o in items]
        md.append("")
    return md


def highlights(report: MonthReport) -> list[str]:
    lang = report.lang
    md = [] if any(report.highlights.values()) else [t(lang, "no_highlights"), ""]
    for group, items in report.highlights.items():
        if not items:
            continue
        md += [f"### {t(lang, group)}", ""]
        for item in items:
            md += _md_item(item.date, shown(item.text))
        md.append("")
    return md


def year_months(report: YearReport) -> list[str]:
    lang = report.lang
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
                phrases.percent(m.coverage),
                m.entries,
                *(m.entries_by_look[look.value] for look in Look),
                look_name(m.neglected_look, lang) if m.neglected_look else "",
                REVIEWED if m.audit_done else "",
            ]
        )
    return [*_md_table(headers, rows, "lrrrrrrrlc"), ""]


def year_audit(report: YearReport) -> list[str]:
    lang = report.lang
    headers = [t(lang, "question"), *(month_only(m.month, lang) for m in report.months)]
    headers.append(t(lang, "average"))
    rows = [
        [r.label, *(phrases.value(v) for v in r.values), phrases.value(r.average)]
        for r in report.ratings
    ]
    md = _md_table(headers, rows, "l" + "c" * 12 + "r")
    return [*md, "", t(lang, "gap_note", gap=GAP), ""]
