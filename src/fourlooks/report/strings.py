"""Every user-facing word of the report, in both languages, and the lookups that read them.

The tables stay together here so that the catalogue of words can take them over in one step.
"""

from __future__ import annotations

from typing import Any

from fourlooks import words

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

_RATING_LABELS = {
    "monthly.back.commitment": ("commitment", "党性"),
    "monthly.back.conduct": ("conduct", "品行"),
    "monthly.back.image": ("image", "形象"),
    "monthly.back.performance": ("performance", "业绩"),
    "monthly.back.principles": ("principles", "党性修养"),
    "monthly.back.character": ("character", "道德品质"),
    "monthly.back.style": ("work style", "工作作风"),
    "monthly.back.ability": ("ability", "能力素质"),
    "monthly.back.spirit": ("spirit", "精神面貌"),
}


def t(lang: str, key: str, **values: Any) -> str:
    """The report's string `key` in `lang` (English when the language is unknown), filled in."""
    strings = _STRINGS.get(lang, _STRINGS["en"])
    return strings[key].format(**values)


def month_name(month: str, lang: str, *, short: bool = False) -> str:
    """`November 2026` / `Nov 2026` / `2026年11月` for `2026-11`."""
    year, number = int(month[:4]), int(month[5:7])
    if lang == "zh":
        return f"{year}年{number}月"
    name = _MONTHS_EN[number - 1]
    return f"{name[:3] if short else name} {year}"


def month_only(month: str, lang: str) -> str:
    """`Nov` / `11月`: a month within a year already named."""
    number = int(month[5:7])
    return f"{number}月" if lang == "zh" else _MONTHS_EN[number - 1][:3]


def weekdays(lang: str) -> tuple[str, ...]:
    """The seven weekdays, Monday first, each two columns wide."""
    return _WEEKDAYS[lang]


def look_name(look: str, lang: str) -> str:
    return words.look_name(look, lang)


def rating_label(question_id: str, lang: str) -> str:
    """The short name of a rating question: `conduct` / `品行`; unknown ids by their slug."""
    if question_id in _RATING_LABELS:
        english, chinese = _RATING_LABELS[question_id]
        return chinese if lang == "zh" else english
    return question_id.rsplit(".", 1)[-1].replace("_", " ")


def title_prefixes() -> tuple[str, ...]:
    """How every report's first line begins, in each language: `Monthly report: `."""
    return tuple(
        table[key].split("{", 1)[0]
        for table in _STRINGS.values()
        for key in ("month_title", "year_title")
    )
