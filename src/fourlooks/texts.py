"""What reviews and `status` say to a person, in English and Chinese, kept in one place.

Error messages (`fourlooks: ...` on stderr) stay in English like the rest of the CLI's errors;
the screens a person reads while reflecting follow --lang.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from fourlooks.model import Look

_EN = {
    # Review screens.
    "title_daily": "Daily review · {weekday} {date}",
    "title_monthly": "Monthly self-audit · {month}",
    "title_task": "Task review · {title}",
    "task_facts": "due {due} · {state}",
    "no_due": "no due date",
    "not_reviewed": "not reviewed yet",
    "closed": "closed",
    "streak": "Streak: {count}",
    "hint": (
        "Finish an answer with an empty line; an empty answer skips.\n"
        "Ctrl-C stops at any point: the answers already given are kept."
    ),
    "commitments": "You planned on {date}",
    "followup": "You planned: {text}\nDid it happen?",
    "on_this_day": "On this day",
    "month_ago": "a month ago, {date}",
    "year_ago": "a year ago, {date}",
    "more": "… and {count} more",
    "earlier": "Answered earlier ({done} of {total})",
    "skipped": "(skipped)",
    "rating_hint": "1 to 5; a note may follow the number, e.g. 4 kept every promise but one",
    "rating_again": "A rating starts with a whole number from 1 to 5. Try again (empty skips).",
    "choice_hint": "a number or a word; a note may follow",
    "choice_again": "That is not one of the choices. Try again (empty skips).",
    "text_again": "{problem}. Try again (empty skips).",
    # Endings, printed on stderr.
    "complete": "Review of {period} complete: {answered} answered, {skipped} skipped.",
    "already_complete": "The review of {period} is already complete: nothing left to ask.",
    "left": "{left} of {total} questions still open; run the same command again to answer them.",
    "stopped": "Stopped. Every answer given is saved; run the same command again to go on.",
    "unused": "Not used (already answered, or not asked in this review): {ids}",
    # status.
    "status_daily": "Daily review",
    "status_monthly": "Monthly self-audit",
    "status_tasks": "Tasks to review",
    "status_streaks": "Streaks",
    "status_balance": "Last 30 days",
    "due": "due",
    "done": "done",
    "in_progress": "due, in progress",
    "opens": "opens {date}",
    "none": "none",
    "neglected": "neglected: {look}",
    "streak_daily": "daily {current} (longest {longest})",
    "streak_monthly": "monthly {current} (longest {longest})",
    "past_due": "past due {due}",
    "closed_unreviewed": "closed without a review",
    "review_unfinished": "review unfinished",
    "task_new": "new",
    "review_due": "review due",
}

_ZH = {
    "title_daily": "日省 · {date} {weekday}",
    "title_monthly": "月省 · {month}",
    "title_task": "事省 · {title}",
    "task_facts": "截止 {due} · {state}",
    "no_due": "无截止日期",
    "not_reviewed": "尚未复盘",
    "closed": "已关闭",
    "streak": "连续：{count}",
    "hint": "回答以空行结束；直接回车即跳过。\n随时可按 Ctrl-C 退出，已经回答的内容都会保留。",
    "commitments": "{date} 你的计划",
    "followup": "你计划：{text}\n做到了吗？",
    "on_this_day": "往日今天",
    "month_ago": "一个月前，{date}",
    "year_ago": "一年前，{date}",
    "more": "……还有 {count} 条",
    "earlier": "已经回答（{done}/{total}）",
    "skipped": "（已跳过）",
    "rating_hint": "1 到 5 分，分数后可以写一句说明，例如：4 除了一件事都兑现了",
    "rating_again": "评分要以 1 到 5 的整数开头，请再输入一次（空行跳过）。",
    "choice_hint": "输入编号或词语，后面可以加说明",
    "choice_again": "不是可选的答案，请再输入一次（空行跳过）。",
    "text_again": "{problem}。请再输入一次（空行跳过）。",
    "complete": "{period} 的反思已完成：回答 {answered} 题，跳过 {skipped} 题。",
    "already_complete": "{period} 的反思已经完成，没有需要回答的问题了。",
    "left": "还有 {left}/{total} 题未答；再次运行同一命令即可继续。",
    "stopped": "已停止。已经回答的内容都已保存；再次运行同一命令即可继续。",
    "unused": "未使用（已经回答过，或本次不问）：{ids}",
    "status_daily": "每日反思",
    "status_monthly": "月度自查",
    "status_tasks": "待复盘任务",
    "status_streaks": "连续",
    "status_balance": "最近 30 天",
    "due": "待完成",
    "done": "已完成",
    "in_progress": "待完成，进行中",
    "opens": "{date} 开始",
    "none": "无",
    "neglected": "被忽视：{look}",
    "streak_daily": "每日 {current}（最长 {longest}）",
    "streak_monthly": "每月 {current}（最长 {longest}）",
    "past_due": "已过截止日期 {due}",
    "closed_unreviewed": "关闭时未复盘",
    "review_unfinished": "复盘未完成",
    "task_new": "新任务",
    "review_due": "待复盘",
}

_TABLES = {"en": _EN, "zh": _ZH}

_WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
}

_UNITS = {
    "en": {"day": ("day", "days"), "month": ("month", "months")},
    "zh": {"day": ("天", "天"), "month": ("个月", "个月")},
}

# Labels of the values of choice questions, by question id; other choices show as they are.
_CHOICES = {
    "en": {
        "task.back.state": {
            "done": "done",
            "under_way": "under way",
            "not_done": "not done",
            "done_poorly": "done poorly",
        },
        "daily.back.followup": {"done": "done", "partly": "partly", "not_done": "not done"},
    },
    "zh": {
        "task.back.state": {
            "done": "已完成",
            "under_way": "进行中",
            "not_done": "未完成",
            "done_poorly": "完成得不好",
        },
        "daily.back.followup": {"done": "做到了", "partly": "部分做到", "not_done": "没做到"},
    },
}

# Short words also accepted when answering a choice, in either language.
_EXTRA_ALIASES = {
    "daily.back.followup": {
        "done": ("d", "y", "yes", "是"),
        "partly": ("p", "部分"),
        "not_done": ("n", "no", "否", "没有"),
    },
}


def say(lang: str, key: str, **values: object) -> str:
    """The text for `key` in `lang` (English when the language is unknown), filled in."""
    return _TABLES.get(lang, _EN)[key].format(**values)


def weekday(lang: str, day: dt.date) -> str:
    """The short weekday name, independent of the process locale."""
    return _WEEKDAYS.get(lang, _WEEKDAYS["en"])[day.weekday()]


def count(lang: str, number: int, unit: str) -> str:
    """`1 day`, `3 days`, `3 天`."""
    one, many = _UNITS.get(lang, _UNITS["en"])[unit]
    if lang == "zh":
        return f"{number} {one}"
    return f"{number} {one if number == 1 else many}"


_CADENCE_ZH = {"daily": "日省", "monthly": "月省", "task": "事省"}


def cadence_heading(cadence: str) -> str:
    """A cadence with the article's name for it: `daily 日省`."""
    return f"{cadence} {_CADENCE_ZH[cadence]}"


def look_name(lang: str, look: Look) -> str:
    """A look's name in the reader's language: `back`, `回头看`."""
    return look.zh if lang == "zh" else look.value


def look_heading(lang: str, look: Look) -> str:
    """A look's name in both languages, the reader's first: `look back 回头看`."""
    if lang == "zh":
        return f"{look.zh} look {look.value}"
    return f"look {look.value} {look.zh}"


def choice_label(lang: str, question_id: str, value: str) -> str:
    """How a choice value is shown: `under way`, `进行中`."""
    return _CHOICES.get(lang, _CHOICES["en"]).get(question_id, {}).get(value, value)


def choice_aliases(question_id: str, value: str) -> tuple[str, ...]:
    """Every word a person may type for a choice: its labels in both languages and short forms."""
    labels = tuple(_CHOICES[lang].get(question_id, {}).get(value, value) for lang in _TABLES)
    return labels + _EXTRA_ALIASES.get(question_id, {}).get(value, ())


def pad(text: str, columns: int) -> str:
    """`text` padded with spaces to a display width; CJK characters take two columns."""
    width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, columns - width)
