"""The one catalogue of words: both languages alike, every word used, one word per concept."""

from __future__ import annotations

import ast
import datetime as dt
import string
from pathlib import Path

import pytest

import fourlooks
from fourlooks import questions, words
from fourlooks.model import Cadence, Look, TaskState
from fourlooks.store import open_journal
from journal_builder import JournalBuilder
from pty_harness import spawn, stop

SRC = Path(fourlooks.__file__).parent
CATALOGUE_DIR = Path(words.__file__).parent
# Words that named one concept on some screens and another word on others, before there was
# one catalogue: the reviews (日省, 月省, 反思), a follow-up's "partly", a task "not done".
RETIRED = ("每日反思", "每日回顾", "月度自查", "月度自省", "回顾", "部分完成", "未做")


def shape(value: object) -> object:
    """What must match between languages: keys of dicts, lengths of tuples, placeholders."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return len(value)
    if isinstance(value, str):
        return sorted({name for _, name, _, _ in string.Formatter().parse(value) if name})
    return type(value).__name__


def source_strings() -> set[str]:
    """Every string literal of the package outside the catalogue (f-string pieces apart)."""
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        if path.parent == CATALOGUE_DIR:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


# ---------------------------------------------------------------- the catalogue


def test_both_languages_have_the_same_keys_and_placeholders():
    assert set(words.CATALOGUE) == set(words.LANGS) == {"en", "zh"}
    assert shape(words.CATALOGUE["zh"]) == shape(words.CATALOGUE["en"])
    assert all(isinstance(v, str) and v for v in words.CATALOGUE["zh"]["messages"].values())


def test_every_message_is_looked_up_somewhere_in_the_source():
    # A key built at run time (f"streak_{name}") would not be found: keys are written whole.
    used = source_strings()
    unused = sorted(set(words.CATALOGUE["en"]["messages"]) - used)
    assert unused == []


def test_the_catalogue_names_what_the_journal_stores():
    for lang in words.LANGS:
        table = words.CATALOGUE[lang]
        assert set(table["looks"]) == {look.value for look in Look}
        assert set(table["cadences"]) == {cadence.value for cadence in Cadence}
        assert set(table["choices"][questions.STATE_ID]) == {state.value for state in TaskState}
    [state] = [q for q in questions.load("en") if q.id == questions.STATE_ID]
    assert set(state.choices) == {s.value for s in TaskState}


def test_no_retired_word_is_left_in_the_source_the_catalogue_or_the_questions():
    bank = (SRC / "questions" / "bank.toml").read_text(encoding="utf-8")
    texts = source_strings() | {str(words.CATALOGUE["zh"]), bank}
    assert [(word, text) for text in texts for word in RETIRED if word in text] == []


def test_the_helpers_take_the_subject_first_and_the_language_last():
    thursday = dt.date(2026, 11, 26)
    assert words.look_name(Look.UP, "zh") == "抬头看" and words.look_name(Look.UP, "en") == "up"
    assert words.look_heading(Look.UP, "en") == "look up 抬头看"
    assert words.look_heading(Look.UP, "zh") == "抬头看 look up"
    assert words.weekday(thursday, "zh") == "周四" and words.weekday(thursday, "en") == "Thu"
    assert words.weekday(thursday, "en", form="long") == "Thursday"
    assert words.weekday(thursday, "zh", form="calendar") == "四"
    assert words.month_name("2026-11", "en") == "November 2026"
    assert words.month_name("2026-11", "en", form="short") == "Nov 2026"
    assert words.month_name("2026-11", "en", form="short", year=False) == "Nov"
    assert words.month_name("2026-11", "zh") == "2026年11月"
    assert words.month_name("2026-11", "zh", year=False) == "11月"
    assert words.cadence_name(Cadence.MONTHLY, "zh") == "月省"
    assert words.cadence_name(Cadence.MONTHLY, "en") == "Monthly self-audit"
    assert words.choice_label("daily.back.followup", "partly", "zh") == "部分做到"
    assert words.choice_label("task.back.state", "not_done", "zh") == "未完成"
    assert words.choice_label("no.such.question", "under_way", "zh") == "under_way"
    assert words.count(1, "day", "en") == "1 day" and words.count(3, "month", "zh") == "3 个月"
    assert words.say("streak", "fr", count=2) == "Streak: 2"  # an unknown language reads English


def test_display_width_counts_cjk_characters_as_two_columns():
    assert words.width("back") == 4 and words.width("回头看") == 6 and words.width("a回") == 3
    assert words.pad("回头看", 8) == "回头看  " and words.pad("ahead", 3) == "ahead"


# ---------------------------------------------------------------- on screen


def run(cli, *args: str) -> str:
    """A command that prints a short id."""
    return cli.ok(*args).stdout.strip()


def test_status_names_the_reviews_by_the_names_of_their_titles(cli):
    zh = cli.ok("--lang", "zh", "status").stdout.splitlines()
    assert zh[0] == "周四 2026-11-26"
    assert zh[1].split()[:2] == ["日省", "待完成"]
    assert zh[2].split()[:2] == ["月省", "2026-11:"]
    assert "连续                日省 0 天（最长 0） · 月省 0 个月（最长 0）" in zh[5]
    en = cli.ok("status").stdout.splitlines()
    assert en[1].startswith("  Daily review        due")
    assert en[2].startswith("  Monthly self-audit  2026-11:")


def test_list_in_chinese_names_the_weekday_in_chinese(cli):
    run(cli, "add", "--look", "up", "--date", "2026-11-23", "read the plan")
    out = cli.ok("--lang", "zh", "list").stdout
    assert out.splitlines()[0] == "2026-11-23 周一"
    assert "抬头看" in out and "Mon" not in out
    assert cli.ok("list").stdout.splitlines()[0] == "2026-11-23 Mon"
    found = cli.ok("--lang", "zh", "search", "plan").stdout
    assert "2026-11-23 周一  抬头看" in found


def test_show_in_chinese_labels_every_line_in_chinese(cli):
    short = run(cli, "add", "--look", "ahead", "--tag", "work", "call Li")
    lines = cli.ok("--lang", "zh", "show", short).stdout.splitlines()
    assert lines[1] == "日期：    2026-11-26 周四"
    assert lines[2] == "四看：    ahead 向前看"
    assert lines[3] == "标签：    #work"
    assert lines[4].startswith("创建于：  20")
    english = cli.ok("show", short).stdout.splitlines()
    assert english[1:4] == ["date:     2026-11-26 Thu", "look:     ahead 向前看", "tags:     #work"]


def test_task_show_in_chinese_uses_the_words_of_the_task_review(cli):
    short = run(cli, "task", "add", "--due", "2026-11-20", "Budget draft")
    cli.ok("review", "--task", short, input="进行中\nhalf done\n")
    lines = cli.ok("--lang", "zh", "task", "show", short).stdout.splitlines()
    assert lines[1:5] == [
        "标题：    Budget draft",
        "截止：    2026-11-20",
        "状态：    进行中",
        "反思：    待复盘（复盘未完成）",
    ]
    listed = cli.ok("--lang", "zh", "task", "list").stdout
    assert "进行中" in listed and "待复盘：复盘未完成" in listed


def test_a_task_not_done_is_one_word_in_the_review_the_list_and_the_export(cli):
    short = run(cli, "task", "add", "Rota survey")
    cli.ok("review", "--task", short, input="未完成\nno budget\n\nask first\n")
    assert "未完成" in cli.ok("--lang", "zh", "task", "list", "--all").stdout
    # Stored without a note, the state's text is its label: the export does not repeat it.
    assert "- **未完成**\n" in cli.ok("--lang", "zh", "export").stdout
    assert "- **not done**\n" in cli.ok("export").stdout


@pytest.fixture
def followed_up(cli, journal_file):
    """A day's three commitments followed up the next day: done, partly, not done."""
    with open_journal(journal_file) as journal:
        b = JournalBuilder(journal)
        made = b.daily_review("2026-11-24", commitments=3)
        choices = dict(zip(made.commitments, ("done", "partly", "not_done"), strict=True))
        b.daily_review("2026-11-25", followups=choices)
    return cli


def test_the_markdown_export_labels_follow_ups_with_the_words_of_the_review(followed_up):
    zh = followed_up.ok("--lang", "zh", "export").stdout
    for label, planned in (("做到了", 1), ("部分做到", 2), ("没做到", 3)):
        assert f"- **{label}**: 2026-11-24 commitment {planned}" in zh
    assert "已完成" not in zh
    en = followed_up.ok("export").stdout
    assert "- **partly**: 2026-11-24 commitment 2" in en


def test_the_reviews_title_themselves_by_the_names_status_uses(cli):
    short = run(cli, "task", "add", "Budget draft")
    for args, title in (
        (("review",), "日省 · 2026-11-26 周四"),
        (("review", "--monthly", "--month", "2026-10"), "月省 · 2026-10"),
        (("review", "--task", short), "事省 · Budget draft"),
    ):
        child = spawn("--lang", "zh", *args)
        child.expect_exact(title)
        stop(child)
    child = spawn("review", "--monthly", "--month", "2026-10")
    child.expect_exact("Monthly self-audit · 2026-10")
    stop(child)


def test_a_follow_up_offers_the_words_the_export_prints(journal_file):
    with open_journal(journal_file) as journal:
        JournalBuilder(journal).daily_review("2026-11-25", commitments=1)
    child = spawn("--lang", "zh", "review")
    child.expect_exact("你2026-11-25承诺：2026-11-25 commitment 1")
    child.expect_exact("1 做到了  2 部分做到  3 没做到  4 放弃")
    stop(child)


def test_the_chinese_report_says_what_the_reviews_say(cli, standard_journal_file):
    text = cli.ok("--lang", "zh", "report", "-m", "2026-10").stdout
    assert "31天中有10天完成了日省（32%）。" in text
    assert "\n月省\n" in text  # the self-audit's section heading
    assert "结果：做到了9，部分做到4，没做到6；待跟进2条。" in text
    assert "复盘了4项：已完成1，进行中1，未完成1，完成得不好1。" in text
    assert "期末未关闭3项" in text  # open tasks: not the state 未完成
    document = cli.ok("--lang", "zh", "report", "-m", "2026-10", "--format", "markdown").stdout
    assert "| 承诺 | 已跟进 | 做到了 | 部分做到 | 没做到 | 待跟进 |" in document
    assert "| 未完成 | 1 |" in document and "## 月省" in document
    year = cli.ok("--lang", "zh", "report", "--year", "2026").stdout
    assert "日省天数" in year and "4个月做了月省。" in year


def test_the_english_report_names_choices_as_the_reviews_do(cli, standard_journal_file):
    text = cli.ok("report", "-m", "2026-10").stdout
    assert "Answers: done 9, partly 4, not done 6; awaiting follow-up 2." in text
    assert "Reviewed 4: done 1, under way 1, not done 1, done poorly 1." in text
    document = cli.ok("report", "-m", "2026-10", "--format", "markdown").stdout
    assert "| Made | Followed up | Done | Partly | Not done | Awaiting |" in document
    assert "| Under way | 1 |" in document
