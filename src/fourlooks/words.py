"""Every word a person reads, in English and Chinese, with the same keys: the one catalogue.

Screens, reviews, the report and the exports look their words up here and nowhere else, so a
concept has one name per language. The Chinese vocabulary, chosen once: 日省 the daily review,
月省 the monthly self-audit, 事省 the review of one task (the article's names); 复盘 is
reviewing a task, 反思 a review in general, 四看 the four looks.

Every function takes its subject first and the language last (`look_name(look, lang)`);
options come after as keywords. An unknown language reads as English. Error messages
(`fourlooks: ...` on stderr) stay in English like the rest of the CLI's errors.

The words are dict literals, not a TOML or gettext file, because every command reads some of
them at start-up: building these dicts costs a few microseconds, reading and parsing a data
file (tomllib alone is ~3 ms to import) would be paid on every `add` and `list`.
"""

from __future__ import annotations

import datetime as dt

LANGS = ("en", "zh")

_EN = {
    # Review screens.
    "title_daily": "{name} · {weekday} {date}",
    "title_monthly": "{name} · {month}",
    "title_task": "{name} · {title}",
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
    "answered_elsewhere": (
        "Another terminal answered this question first; yours is kept as an entry of the day."
    ),
    "rating_hint": "1 to 5; a note may follow the number, e.g. 4 kept every promise but one",
    "rating_again": "A rating starts with a whole number from 1 to 5. Try again (empty skips).",
    "choice_hint": "a number or a word; a note may follow",
    "choice_again": "That is not one of the choices. Try again (empty skips).",
    "text_again": "{problem}. Try again (empty skips).",
    # Endings of a review, printed on stderr.
    "complete": "Review of {period} complete: {answered} answered, {skipped} skipped.",
    "already_complete": "The review of {period} is already complete: nothing left to ask.",
    "left": "{left} of {total} questions still open; run the same command again to answer them.",
    "stopped": "Stopped. Every answer given is saved; run the same command again to go on.",
    "unused": "Not used (already answered, or not asked in this review): {ids}",
    # status and task listings.
    "status_tasks": "Tasks to review",
    "status_streaks": "Streaks",
    "status_balance": "Last 30 days",
    "due": "due",
    "done": "done",
    "in_progress": "due, in progress",
    "opens": "opens {date}",
    "off": "off (every question is switched off)",
    "none": "none",
    "neglected": "neglected: {look}",
    "streak_daily": "daily {current} (longest {longest})",
    "streak_monthly": "monthly {current} (longest {longest})",
    "past_due": "past due {due}",
    "closed_unreviewed": "closed without a review",
    "review_unfinished": "review unfinished",
    "task_new": "new",
    "review_due": "review due: {reason}",
    # `show` of an entry or a task: labels end with their own colon (a full-width one in
    # Chinese) and are padded to one display width.
    "show_date": "date:",
    "show_look": "look:",
    "show_tags": "tags:",
    "show_review": "review:",
    "show_rating": "rating:",
    "show_task": "task:",
    "show_follows": "follows:",
    "show_created": "created:",
    "show_updated": "updated:",
    "show_title": "title:",
    "show_due": "due:",
    "show_state": "state:",
    "show_reviewed": "reviewed:",
    "show_closed": "closed:",
    "show_review_due": "due ({reason})",
    "show_closed_mark": " (closed)",
    # The Markdown export.
    "export_title": "fourlooks journal",
    "export_tags": "Tags",
    "export_audit": "Self-audit, {month}",
    "export_look": "Look {look}",
}

_ZH = {
    "title_daily": "{name} · {date} {weekday}",
    "title_monthly": "{name} · {month}",
    "title_task": "{name} · {title}",
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
    "answered_elsewhere": "另一个终端已先回答了这道题；你的回答作为当天的一条记录保留。",
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
    "status_tasks": "待复盘任务",
    "status_streaks": "连续",
    "status_balance": "最近 30 天",
    "due": "待完成",
    "done": "已完成",
    "in_progress": "待完成，进行中",
    "opens": "{date} 开始",
    "off": "未启用（所有问题都已关闭）",
    "none": "无",
    "neglected": "被忽视：{look}",
    "streak_daily": "日省 {current}（最长 {longest}）",
    "streak_monthly": "月省 {current}（最长 {longest}）",
    "past_due": "已过截止日期 {due}",
    "closed_unreviewed": "关闭时未复盘",
    "review_unfinished": "复盘未完成",
    "task_new": "新任务",
    "review_due": "待复盘：{reason}",
    "show_date": "日期：",
    "show_look": "四看：",
    "show_tags": "标签：",
    "show_review": "反思：",
    "show_rating": "评分：",
    "show_task": "任务：",
    "show_follows": "跟进：",
    "show_created": "创建于：",
    "show_updated": "修改于：",
    "show_title": "标题：",
    "show_due": "截止：",
    "show_state": "状态：",
    "show_reviewed": "复盘于：",
    "show_closed": "关闭于：",
    "show_review_due": "待复盘（{reason}）",
    "show_closed_mark": "（已关闭）",
    "export_title": "fourlooks 日记",
    "export_tags": "标签",
    "export_audit": "{month} 月省",
    "export_look": "{look}",
}

# Everything else a screen names, by section; both languages have the same keys in each.
CATALOGUE: dict[str, dict] = {
    "en": {
        "messages": _EN,
        "looks": {"back": "back", "up": "up", "down": "down", "ahead": "ahead"},
        "cadences": {
            "daily": "Daily review",
            "monthly": "Monthly self-audit",
            "task": "Task review",
        },
        "weekdays": {
            "short": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
            "long": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                     "Sunday"),
            "calendar": ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"),  # two columns, as zh
        },
        "months": {
            "long": ("January", "February", "March", "April", "May", "June", "July",
                     "August", "September", "October", "November", "December"),
            "short": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                      "Nov", "Dec"),
            "with_year": "{month} {year}",
        },
        "units": {"day": ("day", "days"), "month": ("month", "months")},
        # The labels of choice values, by question id; other choices show as they are.
        "choices": {
            "task.back.state": {
                "done": "done",
                "under_way": "under way",
                "not_done": "not done",
                "done_poorly": "done poorly",
            },
            "daily.back.followup": {"done": "done", "partly": "partly", "not_done": "not done"},
        },
    },
    "zh": {
        "messages": _ZH,
        "looks": {"back": "回头看", "up": "抬头看", "down": "低头看", "ahead": "向前看"},
        "cadences": {"daily": "日省", "monthly": "月省", "task": "事省"},
        "weekdays": {
            "short": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
            "long": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
            "calendar": ("一", "二", "三", "四", "五", "六", "日"),
        },
        "months": {
            "long": tuple(f"{number}月" for number in range(1, 13)),
            "short": tuple(f"{number}月" for number in range(1, 13)),
            "with_year": "{year}年{month}",
        },
        "units": {"day": ("天", "天"), "month": ("个月", "个月")},
        "choices": {
            "task.back.state": {
                "done": "已完成",
                "under_way": "进行中",
                "not_done": "未完成",
                "done_poorly": "完成得不好",
            },
            "daily.back.followup": {"done": "做到了", "partly": "部分做到", "not_done": "没做到"},
        },
    },
}  # fmt: skip

# Short words also accepted when answering a choice, in either language.
_EXTRA_ALIASES = {
    "daily.back.followup": {
        "done": ("d", "y", "yes", "是"),
        "partly": ("p", "部分"),
        "not_done": ("n", "no", "否", "没有"),
    },
}


def _words(lang: str) -> dict:
    return CATALOGUE.get(lang, CATALOGUE["en"])


def say(key: str, lang: str, **values: object) -> str:
    """The message `key` in `lang`, filled in with `values`."""
    return _words(lang)["messages"][key].format(**values)


def look_name(look: str, lang: str) -> str:
    """A look's name in the reader's language: `back`, `回头看`."""
    return _words(lang)["looks"][look]


def look_heading(look: str, lang: str) -> str:
    """A look's name in both languages, the reader's first: `look back 回头看`."""
    english, chinese = _words("en")["looks"][look], _words("zh")["looks"][look]
    if lang == "zh":
        return f"{chinese} look {english}"
    return f"look {english} {chinese}"


def cadence_name(cadence: str, lang: str) -> str:
    """The name of a review: `Daily review`, `日省`."""
    return _words(lang)["cadences"][cadence]


def cadence_heading(cadence: str) -> str:
    """A cadence with the article's name for it, in any language: `daily 日省`."""
    return f"{cadence} {_words('zh')['cadences'][cadence]}"


def weekday(day: dt.date, lang: str, *, form: str = "short") -> str:
    """A weekday, independent of the process locale: short `Thu`/`周四`, `long`, `calendar`."""
    return _words(lang)["weekdays"][form][day.weekday()]


def month_name(month: str, lang: str, *, form: str = "long", year: bool = True) -> str:
    """`November 2026`, `Nov 2026` (form short), `Nov` (year=False), `2026年11月` for `2026-11`."""
    names = _words(lang)["months"]
    name = names[form][int(month[5:7]) - 1]
    return names["with_year"].format(month=name, year=int(month[:4])) if year else name


def count(number: int, unit: str, lang: str) -> str:
    """`1 day`, `3 days`, `3 天`."""
    one, many = _words(lang)["units"][unit]
    return f"{number} {one if number == 1 else many}"


def choice_label(question_id: str, value: str, lang: str) -> str:
    """How a choice value is shown: `under way`, `进行中`; unknown values as they are."""
    return _words(lang)["choices"].get(question_id, {}).get(value, value)


def choice_aliases(question_id: str, value: str) -> tuple[str, ...]:
    """Every word a person may type for a choice: its labels in both languages and short forms."""
    labels = tuple(choice_label(question_id, value, lang) for lang in LANGS)
    return labels + _EXTRA_ALIASES.get(question_id, {}).get(value, ())


def width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    if text.isascii():
        return len(text)
    import unicodedata  # deferred: English words never need it

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    """`text` padded with spaces to a display width of `columns`."""
    return text + " " * max(0, columns - width(text))
