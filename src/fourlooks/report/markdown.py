"""The report as Markdown: a self-contained document to keep, every highlight in full."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from fourlooks import words
from fourlooks.model import Look
from fourlooks.render import shown
from fourlooks.render.decisions import mark
from fourlooks.report import phrases
from fourlooks.report.charts import GAP, REVIEWED, calendar_weeks
from fourlooks.report.counting import STATE_ID
from fourlooks.store.reviews import FOLLOWUP_ID

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
        md += [f"## {words.say(section.heading, report.lang)}", "", *section.markdown(report)]
    md.append(f"_{words.say('report_written', report.lang, today=report.today)}_")
    return "\n".join(md) + "\n"


def _paragraph(line: str | None) -> list[str]:
    """The line and the blank line after it, if there is one to say."""
    return [] if line is None else [line, ""]


def coverage(report: MonthReport) -> list[str]:
    lang = report.lang
    md = [*_paragraph(phrases.reviewed(report)), phrases.streaks(report, "report_period_month"), ""]
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
    md += _md_table(words.weekdays(lang, form="calendar"), rows, "c" * 7)
    return [*md, "", words.say("report_calendar_note", lang, mark=REVIEWED), ""]


def balance(report: MonthReport) -> list[str]:
    lang = report.lang
    rows = [
        [
            f"{look} {words.look_name(look, 'zh')}",
            count,
            phrases.share(count, phrases.reflection(report)),
            report.previous_entries_by_look[look],
            phrases.signed(report.entries_by_look_change[look]),
        ]
        for look, count in report.entries_by_look.items()
    ]
    headers = [
        words.say("report_look", lang),
        words.say("report_entries", lang),
        words.say("report_share", lang),
    ]
    headers += [words.month_name(report.previous_month, lang), words.say("report_change", lang)]
    md = [*_paragraph(phrases.no_entries(report)), *_md_table(headers, rows, "lrrrr")]
    return [*md, "", phrases.neglected(report), "", *_paragraph(phrases.follow_ups(report))]


def audit(report: MonthReport) -> list[str]:
    lang = report.lang
    months = " ".join(
        words.month_name(m, lang, form="short", year=False) for m in report.trend_months
    )
    headers = [words.say("report_question", lang), words.month_name(report.month, lang)]
    headers += [words.month_name(report.previous_month, lang), words.say("report_change", lang)]
    headers += [f"{words.say('report_trend', lang)} ({months})"]
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
    return [*md, "", words.say("report_gap_note", lang, gap=GAP), ""]


def commitments(report: MonthReport) -> list[str]:
    c, lang = report.commitments, report.lang
    answers = phrases.follow_up_answers(c)
    headers = [words.say("report_made", lang), words.say("report_followed_up", lang)]
    headers += [phrases.heading(words.choice_label(FOLLOWUP_ID, value, lang)) for value in answers]
    headers.append(words.say("report_awaiting", lang))
    row = [c.made, c.followed_up, *answers.values(), c.awaiting]
    return [*_md_table(headers, [row], "r" * len(row)), ""]


def tasks(report: MonthReport) -> list[str]:
    lang = report.lang
    figures = report.tasks
    headers = [
        words.say(key, lang)
        for key in ("report_opened", "report_closed", "report_open", "report_overdue")
    ]
    row = [figures.opened, figures.closed, figures.open, figures.overdue]
    md = [*_md_table(headers, [row], "rrrr"), ""]
    rows = [
        [phrases.heading(words.choice_label(STATE_ID, state, lang)), count]
        for state, count in figures.by_state.items()
    ]
    md += _md_table(
        [words.say("report_state", lang), words.say("report_tasks_count", lang)], rows, "lr"
    )
    md.append("")
    if figures.overdue_tasks:
        md += [f"**{words.say('report_overdue', lang)}:**", ""]
        items = figures.overdue_tasks
        md += [
            f"- {words.say('report_overdue_item', lang, title=shown(o.title), due=o.due)}"
            for o in items
        ]
        md.append("")
    return md


def open_goals(report: MonthReport) -> list[str]:
    lang = report.lang
    if not report.open_goals:
        return [words.say("report_no_goals", lang), ""]
    md = []
    for goal in report.open_goals:
        md.append(f"- **{goal.period}** {shown(goal.text)}")
        if not goal.tasks:
            md.append(f"  - {words.say('goal_no_tasks', lang)}")
        md += [f"  - {phrases.goal_task_line(task, lang)}" for task in goal.tasks]
    return [*md, ""]


def decisions(report: MonthReport) -> list[str]:
    lang = report.lang
    line = phrases.decisions_line(report)
    if line is None:
        return [words.say("report_no_decisions", lang), ""]
    md = [line, ""]
    if report.decisions.made:
        keys = ("report_made_on", "show_decision", "report_heard_before", "report_heard_after")
        headers = [phrases.heading(words.say(key, lang).rstrip(":：")) for key in keys]
        rows = [
            [d.made_on, shown(d.text), mark(d.heard_before), mark(d.heard_after)]
            for d in report.decisions.made
        ]
        md += [*_md_table(headers, rows, "llcc"), ""]
    return md


def people(report: MonthReport) -> list[str]:
    lang = report.lang
    md = [] if report.people.heard else [words.say("report_no_people", lang), ""]
    if report.people.heard:
        headers = [words.say(k, lang) for k in ("report_person", "report_times", "report_last")]
        rows = [["@" + shown(p.name), p.times, p.last] for p in report.people.heard]
        md += [*_md_table(headers, rows, "lrl"), ""]
    return [*md, *_paragraph(phrases.quiet_line(report))]


def lessons(report: MonthReport) -> list[str]:
    lang = report.lang
    groups = phrases.lesson_groups(report)
    if not groups:
        return [words.say("report_no_lessons", lang), ""]
    md = []
    for key, items in groups:
        md += [f"**{words.say(key, lang, count=len(items))}**", ""]
        md += [f"- {phrases.lesson_line(item, lang)}" for item in items]
        md.append("")
    return md


def highlights(report: MonthReport) -> list[str]:
    lang = report.lang
    md = [] if any(report.highlights.values()) else [words.say("report_no_highlights", lang), ""]
    for group, items in report.highlights.items():
        if not items:
            continue
        md += [f"### {phrases.highlight_heading(group, lang)}", ""]
        for item in items:
            text = f"{item.question} — {item.text}" if item.question else item.text
            md += _md_item(item.date, shown(text))
        md.append("")
    return md


def year_months(report: YearReport) -> list[str]:
    lang = report.lang
    headers = [
        words.say(key, lang)
        for key in ("report_month", "report_reviewed_col", "report_coverage_col", "report_entries")
    ]
    headers += [words.look_name(look.value, lang) for look in Look]
    headers.append(words.say("report_follow_ups_col", lang))
    headers += [words.say("report_neglected_col", lang), words.say("report_audit_col", lang)]
    rows = []
    for m in report.months:
        if not m.begun:
            continue  # before the journal's first entry: not a month of nothing
        if not m.days_so_far:
            rows.append(
                [words.month_name(m.month, lang), words.say("report_to_come", lang), *[GAP] * 9]
            )
            continue
        rows.append(
            [
                words.month_name(m.month, lang),
                f"{m.days_reviewed}/{m.days_so_far}",
                phrases.percent(m.coverage),
                m.entries,
                *(m.entries_by_look[look.value] for look in Look),
                m.follow_ups,
                words.look_name(m.neglected_look, lang) if m.neglected_look else "",
                REVIEWED if m.audit_done else "",
            ]
        )
    return [*_md_table(headers, rows, "lrrrrrrrrlc"), ""]


def year_audit(report: YearReport) -> list[str]:
    lang = report.lang
    headers = [
        words.say("report_question", lang),
        *(words.month_name(m.month, lang, form="short", year=False) for m in report.months),
    ]
    headers.append(words.say("report_average", lang))
    rows = [
        [r.label, *(phrases.value(v) for v in r.values), phrases.value(r.average)]
        for r in report.ratings
    ]
    md = _md_table(headers, rows, "l" + "c" * 12 + "r")
    return [*md, "", words.say("report_gap_note", lang, gap=GAP), ""]
