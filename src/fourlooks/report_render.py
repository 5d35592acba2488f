"""The report's three formats: rich text for the terminal, Markdown to keep, JSON for scripts.

Every figure comes from `fourlooks.report`; nothing here counts or queries. rich is imported
only inside the text renderers. The text never relies on colour alone: the calendar uses
shade characters and a check mark, bars are blocks, gaps in a trend are `·`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from typing import Any

from fourlooks.model import Look
from fourlooks.report import MonthReport, YearReport

FORMATS = ("text", "markdown", "json")
HIGHLIGHTS_SHOWN = 5  # per group in the terminal; Markdown and JSON give them all
OVERDUE_SHOWN = 5  # overdue tasks named in the terminal, likewise
GAP = "·"
_SPARKS = "▁▂▃▄▅▆▇█"
_SHADES = "░▒▓█"  # a day's entries, by quarter of the month's busiest day
_EIGHTHS = " ▏▎▍▌▋▊▉"
REVIEWED = "✓"

_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = {"en": ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"), "zh": tuple("一二三四五六日")}

# Every user-facing string of the report, in both languages.
_STRINGS = {
    "en": {
        "month_title": "Monthly report: {month}",
        "year_title": "Year report: {year}",
        "so_far": "So far: {days} of {total} days, up to {today}.",
        "whole_month": "The whole month: {total} days.",
        "year_so_far": "So far: {days} days, up to {today}.",
        "coverage": "Coverage",
        "reviewed": "Daily reviews completed on {done} of {days} days ({share}).",
        "reviewed_none": "No days to count yet.",
        "streaks": "Streaks: current {current} days, longest {longest}, longest in this {period}"
        " {inside}.",
        "legend": "{none} no entries  {shades} fewer to more (busiest day: {most})  {mark} review"
        " completed",
        "balance": "Balance of the four looks",
        "look": "Look",
        "entries": "Entries",
        "share": "Share",
        "change": "Change",
        "neglected": "Neglected look: {look} ({count} of {total} entries).",
        "balanced": "No look is neglected: each has at least 10% of the entries.",
        "no_entries": "No entries in this period.",
        "audit": "Self-audit",
        "question": "Question",
        "trend": "Trend",
        "audit_missing": "No self-audit for {month} yet (fourlooks review --monthly).",
        "gap_note": "{gap} a month without a rating (a gap, not a zero).",
        "commitments": "Commitments",
        "commitments_line": "Made {made}; followed up in a later review {followed_up} ({share}).",
        "answers_line": "Answers: done {done}, partly {partly}, not done {not_done};"
        " awaiting follow-up {awaiting}.",
        "made": "Made",
        "followed_up": "Followed up",
        "done": "Done",
        "partly": "Partly",
        "not_done": "Not done",
        "awaiting": "Awaiting",
        "tasks": "Tasks",
        "tasks_line": "Opened {opened}, closed {closed}; open at the end {open},"
        " overdue {overdue}.",
        "states_line": "Reviewed {reviewed}: done {done}, under way {under_way}, not done"
        " {not_done}, done poorly {done_poorly}.",
        "opened": "Opened",
        "closed": "Closed",
        "open": "Open at the end",
        "overdue": "Overdue",
        "reviewed_tasks": "Reviewed",
        "state": "State",
        "tasks_count": "Tasks",
        "state_done": "Done",
        "state_under_way": "Under way",
        "state_not_done": "Not done",
        "state_done_poorly": "Done poorly",
        "overdue_item": "{title} (due {due})",
        "highlights": "Highlights",
        "successes": "Successes",
        "lessons": "Lessons",
        "voices": "Voices heard",
        "goals": "Next goals",
        "no_highlights": "No answers to the review questions in this period.",
        "more": "... and {count} more (--format markdown shows them all)",
        "months": "Months",
        "month": "Month",
        "reviewed_col": "Reviewed",
        "coverage_col": "Coverage",
        "neglected_col": "Neglected",
        "audit_col": "Audit",
        "to_come": "to come",
        "average": "Average",
        "trends": "Trends",
        "trend_legend": "(blank: none; {gap}: still to come)",
        "entries_trend": "entries",
        "coverage_trend": "coverage",
        "year_reviewed": "Daily reviews completed on {done} of {days} days ({share}); streaks:"
        " current {current}, longest {longest}.",
        "year_entries": "{entries} entries in {months} months; self-audits in {audits} months.",
        "period_month": "month",
        "period_year": "year",
        "written": "Written by fourlooks on {today}.",
        "calendar_note": "Each day: its number of entries; {mark} marks a completed daily review.",
    },
    "zh": {
        "month_title": "月度报告：{month}",
        "year_title": "年度报告：{year}年",
        "so_far": "截至{today}：本月{total}天中的{days}天。",
        "whole_month": "整月，共{total}天。",
        "year_so_far": "截至{today}：共{days}天。",
        "coverage": "日省情况",
        "reviewed": "{days}天中有{done}天完成了每日回顾（{share}）。",
        "reviewed_none": "还没有可统计的日子。",
        "streaks": "连续：当前{current}天，最长{longest}天，本{period}最长{inside}天。",
        "legend": "{none} 无记录  {shades} 由少到多（最多一天：{most}条）  {mark} 完成回顾",
        "balance": "四看的平衡",
        "look": "四看",
        "entries": "条目",
        "share": "占比",
        "change": "变化",
        "neglected": "被忽视的一看：{look}（共{total}条中只有{count}条）。",
        "balanced": "没有被忽视的一看：每一看都至少占10%。",
        "no_entries": "这段时间没有记录。",
        "audit": "月度自省",
        "question": "问题",
        "trend": "趋势",
        "audit_missing": "{month}还没有做月度自省（fourlooks review --monthly）。",
        "gap_note": "{gap} 表示该月没有评分（是空缺，不是零分）。",
        "commitments": "承诺",
        "commitments_line": "共{made}条；之后的回顾中已跟进{followed_up}条（{share}）。",
        "answers_line": "结果：做到{done}，部分做到{partly}，没做到{not_done}；"
        "待跟进{awaiting}条。",
        "made": "承诺",
        "followed_up": "已跟进",
        "done": "做到",
        "partly": "部分做到",
        "not_done": "没做到",
        "awaiting": "待跟进",
        "tasks": "任务",
        "tasks_line": "新建{opened}项，完成{closed}项；期末未完成{open}项，逾期{overdue}项。",
        "states_line": "回顾了{reviewed}项：已完成{done}，进行中{under_way}，未做{not_done}，"
        "完成得不好{done_poorly}。",
        "opened": "新建",
        "closed": "关闭",
        "open": "期末未完成",
        "overdue": "逾期",
        "reviewed_tasks": "已回顾",
        "state": "状态",
        "tasks_count": "任务数",
        "state_done": "已完成",
        "state_under_way": "进行中",
        "state_not_done": "未做",
        "state_done_poorly": "完成得不好",
        "overdue_item": "{title}（截止{due}）",
        "highlights": "摘录",
        "successes": "成功之处",
        "lessons": "经验教训",
        "voices": "听到的声音",
        "goals": "下一步目标",
        "no_highlights": "这段时间没有回答回顾问题。",
        "more": "……还有{count}条（--format markdown 可看全部）",
        "months": "各月",
        "month": "月份",
        "reviewed_col": "回顾天数",
        "coverage_col": "覆盖",
        "neglected_col": "被忽视",
        "audit_col": "自省",
        "to_come": "未到",
        "average": "平均",
        "trends": "趋势",
        "trend_legend": "（空白：没有；{gap}：未到）",
        "entries_trend": "条目",
        "coverage_trend": "覆盖",
        "year_reviewed": "{days}天中有{done}天完成了每日回顾（{share}）；连续：当前{current}天，"
        "最长{longest}天。",
        "year_entries": "{months}个月中共{entries}条记录；{audits}个月做了月度自省。",
        "period_month": "月",
        "period_year": "年",
        "written": "由 fourlooks 于{today}生成。",
        "calendar_note": "每天：当天的条目数；{mark} 表示完成了每日回顾。",
    },
}


def render(
    data: MonthReport | YearReport, fmt: str, *, width: int = 80, colour: bool = False
) -> str:
    """The report in `fmt` (text, markdown or json), ending with a newline."""
    if fmt == "json":
        from fourlooks.render import to_json

        return to_json(data.to_dict()) + "\n"
    if isinstance(data, YearReport):
        return (
            year_markdown(data)
            if fmt == "markdown"
            else year_text(data, width=width, colour=colour)
        )
    return (
        month_markdown(data) if fmt == "markdown" else month_text(data, width=width, colour=colour)
    )


# ---------------------------------------------------------------- shared wording


def _t(lang: str, key: str, **values: Any) -> str:
    strings = _STRINGS.get(lang, _STRINGS["en"])
    return strings[key].format(**values)


def month_name(month: str, lang: str, *, short: bool = False) -> str:
    """`November 2026` / `Nov 2026` / `2026年11月` for `2026-11`."""
    year, number = int(month[:4]), int(month[5:7])
    if lang == "zh":
        return f"{year}年{number}月"
    name = _MONTHS_EN[number - 1]
    return f"{name[:3] if short else name} {year}"


def _month_only(month: str, lang: str) -> str:
    """`Nov` / `11月`: a month within a year already named."""
    number = int(month[5:7])
    return f"{number}月" if lang == "zh" else _MONTHS_EN[number - 1][:3]


def _look(look: str, lang: str) -> str:
    return Look(look).zh if lang == "zh" else look


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _signed(value: int | None) -> str:
    if value is None:
        return "-"
    return f"{value:+d}" if value else "0"


def _value(value: int | float | None) -> str:
    if value is None:
        return GAP
    return f"{value:g}" if isinstance(value, float) else str(value)


def rating_spark(values: Sequence[int | None]) -> str:
    """Ratings 1-5 as ▁..█, a gap as `·`."""
    return "".join(GAP if v is None else _SPARKS[round((v - 1) / 4 * 7)] for v in values)


def count_spark(values: Sequence[float | None]) -> str:
    """Counts scaled to their largest: nothing is a space, a gap `·`, the largest █."""
    top = max((v for v in values if v is not None), default=0)
    marks = []
    for value in values:
        if value is None:
            marks.append(GAP)
        elif value <= 0 or top <= 0:
            marks.append(" ")
        else:
            marks.append(_SPARKS[max(0, math.ceil(value / top * 8) - 1)])
    return "".join(marks)


def shade(count: int, most: int) -> str:
    """A day of the calendar: `·` for none, then four shades by quarter of the busiest day."""
    if count <= 0 or most <= 0:
        return GAP
    return _SHADES[min(3, math.ceil(count / most * 4) - 1)]


def bar(count: int, most: int, width: int) -> str:
    """A horizontal bar in eighths of a character, the largest count `width` long."""
    if count <= 0 or most <= 0:
        return ""
    eighths = max(1, round(count / most * width * 8))
    return "█" * (eighths // 8) + _EIGHTHS[eighths % 8].strip()


def calendar_weeks(report: MonthReport) -> list[list[str | None]]:
    """The month's dates by week, Monday first; None pads the first and last weeks."""
    first = dt.date.fromisoformat(report.first_day)
    days: list[str | None] = [None] * first.weekday() + list(report.entries_by_day)
    days += [None] * (-len(days) % 7)
    return [days[start : start + 7] for start in range(0, len(days), 7)]


def _span_line(report: MonthReport) -> str:
    lang = report.lang
    if report.complete:
        return _t(lang, "whole_month", total=report.days_in_month)
    return _t(
        lang, "so_far", days=report.days_so_far, total=report.days_in_month, today=report.today
    )


# ---------------------------------------------------------------- text (rich)


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


def month_text(report: MonthReport, *, width: int = 80, colour: bool = False) -> str:
    """The month report for a terminal of `width` columns."""
    from rich.text import Text

    lang = report.lang
    parts: list[Any] = [
        Text(_t(lang, "month_title", month=month_name(report.month, lang)), style="bold"),
        _span_line(report),
    ]
    for heading, body in (
        ("coverage", _coverage_text),
        ("balance", _balance_text),
        ("audit", _audit_text),
        ("commitments", _commitments_text),
        ("tasks", _tasks_text),
        ("highlights", _highlights_text),
    ):
        parts += ["", Text(_t(lang, heading), style="bold underline"), *body(report, width)]
    return _printed(parts, width, colour)


def _coverage_text(report: MonthReport, width: int) -> Iterable[Any]:
    from rich.text import Text

    lang = report.lang
    if report.days_so_far:
        yield _t(
            lang,
            "reviewed",
            done=report.days_reviewed,
            days=report.days_so_far,
            share=_percent(report.coverage),
        )
    yield _streaks_line(report, "period_month")
    yield ""
    most = max(report.entries_by_day.values(), default=0)
    reviewed = set(report.reviewed_dates)
    # Each day is four columns (day, shade, mark); both languages' weekday names are two wide.
    header = Text("  " + " ".join(f"{name}  " for name in _WEEKDAYS[lang]).rstrip())
    yield header
    for week in calendar_weeks(report):
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
        "  " + _t(lang, "legend", none=GAP, shades=_SHADES, most=most, mark=REVIEWED),
        style="dim",
    )


def _streaks_line(report: MonthReport | YearReport, period: str) -> str:
    streaks = report.streaks
    return _t(
        report.lang,
        "streaks",
        current=streaks.current,
        longest=streaks.longest,
        inside=streaks.longest_in_period,
        period=_t(report.lang, period),
    )


def _balance_text(report: MonthReport, width: int) -> Iterable[Any]:
    lang = report.lang
    if not report.entries:
        yield _t(lang, "no_entries")
    most = max(report.entries_by_look.values(), default=0)
    bar_width = max(8, min(30, width - 52))
    previous = month_name(report.previous_month, lang, short=True)
    table = _table(
        (_t(lang, "look"), "left"),
        ("", "left"),
        (_t(lang, "entries"), "right"),
        (_t(lang, "share"), "right"),
        (previous, "right"),
        (_t(lang, "change"), "right"),
    )
    for look, count in report.entries_by_look.items():
        table.add_row(
            _look(look, lang),
            bar(count, most, bar_width),
            str(count),
            _share(count, report.entries),
            str(report.previous_entries_by_look[look]),
            _signed(report.entries_by_look_change[look]),
        )
    yield table
    yield _neglected_line(report)


def _neglected_line(report: MonthReport | YearReport) -> str:
    lang = report.lang
    if report.neglected_look is None:
        return _t(lang, "balanced") if report.entries else ""
    return _t(
        lang,
        "neglected",
        look=_look(report.neglected_look, lang),
        count=report.entries_by_look[report.neglected_look],
        total=report.entries,
    )


def _trend_header(report: MonthReport) -> str:
    lang = report.lang
    first, last = report.trend_months[0], report.trend_months[-1]
    return f"{_month_only(first, lang)}-{_month_only(last, lang)}"


def _audit_text(report: MonthReport, width: int) -> Iterable[Any]:
    lang = report.lang
    if not report.audit_done and all(r.value is None for r in report.ratings):
        yield _t(lang, "audit_missing", month=month_name(report.month, lang))
    table = _table(
        (_t(lang, "question"), "left"),
        (month_name(report.month, lang, short=True), "right"),
        (month_name(report.previous_month, lang, short=True), "right"),
        (_t(lang, "change"), "right"),
        (f"{_t(lang, 'trend')} {_trend_header(report)}", "left"),
    )
    for rating in report.ratings:
        table.add_row(
            rating.label,
            _value(rating.value),
            _value(rating.previous),
            _signed(rating.change),
            rating_spark(rating.trend) + "  " + " ".join(_value(v) for v in rating.trend),
        )
    yield table
    yield _t(lang, "gap_note", gap=GAP)


def _commitments_text(report: MonthReport, width: int) -> Iterable[Any]:
    c = report.commitments
    share = _share(c.followed_up, c.made)
    yield _t(report.lang, "commitments_line", made=c.made, followed_up=c.followed_up, share=share)
    yield _t(
        report.lang,
        "answers_line",
        done=c.done,
        partly=c.partly,
        not_done=c.not_done,
        awaiting=c.awaiting,
    )


def _tasks_text(report: MonthReport, width: int) -> Iterable[Any]:
    from rich.text import Text

    t = report.tasks
    lang = report.lang
    yield _t(lang, "tasks_line", opened=t.opened, closed=t.closed, open=t.open, overdue=t.overdue)
    yield _t(lang, "states_line", reviewed=t.reviewed, **t.by_state)
    for task in t.overdue_tasks[:OVERDUE_SHOWN]:  # the longest overdue first
        line = Text("  ! ", style="bold")
        line.append(_t(lang, "overdue_item", title=task.title, due=task.due))
        line.truncate(width, overflow="ellipsis")  # one line each, however long
        yield line
    if len(t.overdue_tasks) > OVERDUE_SHOWN:
        more = len(t.overdue_tasks) - OVERDUE_SHOWN
        yield Text("  " + _t(lang, "more", count=more), style="dim")


def _highlights_text(report: MonthReport, width: int) -> Iterable[Any]:
    from rich.text import Text

    lang = report.lang
    if not any(report.highlights.values()):
        yield _t(lang, "no_highlights")
        return
    for group, items in report.highlights.items():
        if not items:
            continue
        yield Text(f"{_t(lang, group)} ({len(items)})", style="bold")
        for item in items[-HIGHLIGHTS_SHOWN:]:
            first_line = " ".join(item.text.split())
            line = Text(f"  {item.date[5:]}  ", style="dim")
            line.append(first_line)
            line.truncate(width, overflow="ellipsis")  # one line each, however long
            yield line
        if len(items) > HIGHLIGHTS_SHOWN:
            yield Text("  " + _t(lang, "more", count=len(items) - HIGHLIGHTS_SHOWN), style="dim")


def year_text(report: YearReport, *, width: int = 80, colour: bool = False) -> str:
    """The year report for a terminal of `width` columns."""
    from rich.text import Text

    lang = report.lang
    reviewed = _t(
        lang,
        "year_reviewed",
        done=report.days_reviewed,
        days=report.days_so_far,
        share=_percent(report.coverage),
        current=report.streaks.current,
        longest=report.streaks.longest,
    )
    entries = _t(
        lang,
        "year_entries",
        entries=report.entries,
        months=report.months_with_entries,
        audits=report.audits_done,
    )
    parts: list[Any] = [
        Text(_t(lang, "year_title", year=report.year), style="bold"),
        _t(lang, "year_so_far", days=report.days_so_far, today=report.today),
        "",
        reviewed,
        entries,
        _neglected_line(report),
        "",
        Text(_t(lang, "months"), style="bold underline"),
        _year_months_table(report),
        *_year_trends(report),
        "",
        Text(_t(lang, "audit"), style="bold underline"),
        _year_ratings_table(report),
        _t(lang, "gap_note", gap=GAP),
    ]
    return _printed(parts, width, colour)


def _year_months_table(report: YearReport):
    lang = report.lang
    table = _table(
        (_t(lang, "month"), "left"),
        (_t(lang, "reviewed_col"), "right"),
        (_t(lang, "entries"), "right"),
        *((_look(look.value, lang), "right") for look in Look),
        (_t(lang, "neglected_col"), "left"),
        (_t(lang, "audit_col"), "center"),
    )
    for month in report.months:
        name = _month_only(month.month, lang)
        if not month.days_so_far:
            table.add_row(name, _t(lang, "to_come"), *[GAP] * 7)
            continue
        table.add_row(
            name,
            f"{month.days_reviewed}/{month.days_so_far} {_percent(month.coverage):>4}",
            str(month.entries),
            *(str(month.entries_by_look[look.value]) for look in Look),
            _look(month.neglected_look, lang) if month.neglected_look else "",
            REVIEWED if month.audit_done else "",
        )
    return table


def _year_trends(report: YearReport) -> Iterable[str]:
    """Coverage and entries month by month; months still to come are gaps."""
    lang = report.lang
    coverage = [m.coverage if m.days_so_far else None for m in report.months]
    counts = [m.entries if m.days_so_far else None for m in report.months]
    first, last = report.months[0].month, report.months[-1].month
    span = f"{_month_only(first, lang)}-{_month_only(last, lang)}"
    yield f"{_t(lang, 'trends')} {span} {_t(lang, 'trend_legend', gap=GAP)}"
    yield f"  {_t(lang, 'coverage_trend'):<10} {count_spark(coverage)}"
    yield f"  {_t(lang, 'entries_trend'):<10} {count_spark(counts)}"


def _year_ratings_table(report: YearReport):
    lang = report.lang
    table = _table(
        (_t(lang, "question"), "left"),
        (_t(lang, "trend"), "left"),
        ("1-12", "left"),
        (_t(lang, "average"), "right"),
    )
    for rating in report.ratings:
        table.add_row(
            rating.label,
            rating_spark(rating.values),
            " ".join(_value(v) for v in rating.values),
            _value(rating.average),
        )
    return table


# ---------------------------------------------------------------- Markdown


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
    md: list[str] = [f"# {_t(lang, 'month_title', month=month_name(report.month, lang))}", ""]
    md += [_span_line(report), ""]

    md += [f"## {_t(lang, 'coverage')}", ""]
    if report.days_so_far:
        md.append(
            _t(
                lang,
                "reviewed",
                done=report.days_reviewed,
                days=report.days_so_far,
                share=_percent(report.coverage),
            )
        )
        md.append("")
    md += [_streaks_line(report, "period_month"), ""]
    reviewed = set(report.reviewed_dates)
    rows = [
        [
            ""
            if day is None
            else f"{int(day[8:])}: {report.entries_by_day[day]}"
            + (f" {REVIEWED}" if day in reviewed else "")
            for day in week
        ]
        for week in calendar_weeks(report)
    ]
    md += _md_table(_WEEKDAYS[lang], rows, "c" * 7)
    md += ["", _t(lang, "calendar_note", mark=REVIEWED), ""]

    md += [f"## {_t(lang, 'balance')}", ""]
    if not report.entries:
        md += [_t(lang, "no_entries"), ""]
    rows = [
        [
            f"{look} {Look(look).zh}",
            count,
            _share(count, report.entries),
            report.previous_entries_by_look[look],
            _signed(report.entries_by_look_change[look]),
        ]
        for look, count in report.entries_by_look.items()
    ]
    headers = [_t(lang, "look"), _t(lang, "entries"), _t(lang, "share")]
    headers += [month_name(report.previous_month, lang), _t(lang, "change")]
    md += _md_table(headers, rows, "lrrrr")
    md += ["", _neglected_line(report), ""]

    md += [f"## {_t(lang, 'audit')}", ""]
    if not report.audit_done and all(r.value is None for r in report.ratings):
        md += [_t(lang, "audit_missing", month=month_name(report.month, lang)), ""]
    months = " ".join(_month_only(m, lang) for m in report.trend_months)
    headers = [_t(lang, "question"), month_name(report.month, lang)]
    headers += [month_name(report.previous_month, lang), _t(lang, "change")]
    headers += [f"{_t(lang, 'trend')} ({months})"]
    rows = [
        [
            r.label,
            _value(r.value),
            _value(r.previous),
            _signed(r.change),
            " ".join(_value(v) for v in r.trend),
        ]
        for r in report.ratings
    ]
    md += _md_table(headers, rows, "lrrrl")
    md += ["", _t(lang, "gap_note", gap=GAP), ""]

    c = report.commitments
    md += [f"## {_t(lang, 'commitments')}", ""]
    keys = ("made", "followed_up", "done", "partly", "not_done", "awaiting")
    md += _md_table([_t(lang, k) for k in keys], [[getattr(c, k) for k in keys]], "rrrrrr")
    md.append("")

    t = report.tasks
    md += [f"## {_t(lang, 'tasks')}", ""]
    keys = ("opened", "closed", "open", "overdue")
    md += _md_table([_t(lang, k) for k in keys], [[getattr(t, k) for k in keys]], "rrrr")
    md.append("")
    rows = [[_t(lang, f"state_{state}"), count] for state, count in t.by_state.items()]
    md += _md_table([_t(lang, "state"), _t(lang, "tasks_count")], rows, "lr")
    md.append("")
    if t.overdue_tasks:
        md += [f"**{_t(lang, 'overdue')}:**", ""]
        md += [f"- {_t(lang, 'overdue_item', title=o.title, due=o.due)}" for o in t.overdue_tasks]
        md.append("")

    md += [f"## {_t(lang, 'highlights')}", ""]
    if not any(report.highlights.values()):
        md += [_t(lang, "no_highlights"), ""]
    for group, items in report.highlights.items():
        if not items:
            continue
        md += [f"### {_t(lang, group)}", ""]
        for item in items:
            md += _md_item(item.date, item.text)
        md.append("")
    md.append(f"_{_t(lang, 'written', today=report.today)}_")
    return "\n".join(md) + "\n"


def year_markdown(report: YearReport) -> str:
    """The year report as a self-contained Markdown document."""
    lang = report.lang
    md = [f"# {_t(lang, 'year_title', year=report.year)}", ""]
    md += [_t(lang, "year_so_far", days=report.days_so_far, today=report.today), ""]
    md.append(
        _t(
            lang,
            "year_reviewed",
            done=report.days_reviewed,
            days=report.days_so_far,
            share=_percent(report.coverage),
            current=report.streaks.current,
            longest=report.streaks.longest,
        )
    )
    md.append("")
    md.append(
        _t(
            lang,
            "year_entries",
            entries=report.entries,
            months=report.months_with_entries,
            audits=report.audits_done,
        )
    )
    md += ["", _neglected_line(report), ""]

    md += [f"## {_t(lang, 'months')}", ""]
    headers = [_t(lang, k) for k in ("month", "reviewed_col", "coverage_col", "entries")]
    headers += [_look(look.value, lang) for look in Look]
    headers += [_t(lang, "neglected_col"), _t(lang, "audit_col")]
    rows = []
    for m in report.months:
        if not m.days_so_far:
            rows.append([month_name(m.month, lang), _t(lang, "to_come"), *[GAP] * 8])
            continue
        rows.append(
            [
                month_name(m.month, lang),
                f"{m.days_reviewed}/{m.days_so_far}",
                _percent(m.coverage),
                m.entries,
                *(m.entries_by_look[look.value] for look in Look),
                _look(m.neglected_look, lang) if m.neglected_look else "",
                REVIEWED if m.audit_done else "",
            ]
        )
    md += _md_table(headers, rows, "lrrrrrrrlc")
    md.append("")

    md += [f"## {_t(lang, 'audit')}", ""]
    headers = [_t(lang, "question"), *(_month_only(m.month, lang) for m in report.months)]
    headers.append(_t(lang, "average"))
    rows = [[r.label, *(_value(v) for v in r.values), _value(r.average)] for r in report.ratings]
    md += _md_table(headers, rows, "l" + "c" * 12 + "r")
    md += ["", _t(lang, "gap_note", gap=GAP), ""]
    md.append(f"_{_t(lang, 'written', today=report.today)}_")
    return "\n".join(md) + "\n"
