"""Answers read on their own: every screen names the question, and a follow-up its outcome."""

from __future__ import annotations

import re

import pytest

from fourlooks.model import TaskState
from journal_builder import JournalBuilder, build_journal

RAW_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-|\b(daily|monthly|task)\.(back|up|down|ahead)\.")


@pytest.fixture
def answered(journal_file):
    """A commitment followed up `partly` with a note, a task reviewed, an audit rated."""
    made = {}

    def fill(journal):
        b = JournalBuilder(journal)
        made["plan"] = b.entry("2026-11-24", "ahead", "Draft the budget\nwith Li's figures")
        review = b.review("daily", "2026-11-25", complete=True)
        made["follow_up"] = b.answer(
            review,
            "2026-11-25",
            "daily.back.followup",
            "half of it",
            choice="partly",
            commitment_id=made["plan"],
        )
        b.answer(review, "2026-11-25", "daily.back.went_well", "Shipped the report\nearly")
        task = b.task("Rota survey", created="2026-11-01")
        b.task_review(task, "2026-11-25", TaskState.UNDER_WAY, "half the teams answered")
        b.monthly_audit("2026-10", {"monthly.back.conduct": 4})
        b.entry("2026-11-25", "down", "Li says Mondays start too early")

    build_journal(journal_file, fill)
    return made


def test_list_names_each_answer_and_what_a_follow_up_was_about(cli, answered):
    shown = cli.ok("list", "-n", "0").stdout
    assert "back    Followed up «Draft the budget…»: partly — half of it" in shown
    assert "back    Went well — Shipped the report" in shown
    assert "        early" in shown  # the answer's later lines follow, as any entry's do
    assert "back    Task «Rota survey»: under way" in shown
    assert "back    Progress («Rota survey») — half the teams answered" in shown
    assert "back    Conduct 4/5" in shown
    assert "down    Li says Mondays start too early" in shown  # written freely: as it is
    assert not RAW_ID.search(shown), shown


def test_list_in_chinese_names_them_in_chinese(cli, answered):
    shown = cli.ok("--lang", "zh", "list", "-n", "0").stdout
    assert "回头看  跟进«Draft the budget…»：部分做到 — half of it" in shown
    assert "回头看  做得好的 — Shipped the report" in shown
    assert "回头看  任务«Rota survey»：进行中" in shown
    assert "回头看  进度（«Rota survey»） — half the teams answered" in shown
    assert "回头看  品行 4/5" in shown
    assert not RAW_ID.search(shown), shown


def test_show_of_a_follow_up_gives_its_outcome_and_commitment_not_ids(cli, answered):
    short = answered["follow_up"][:8]
    shown = cli.ok("show", short).stdout
    plan = answered["plan"]
    assert "answers:  Followed up «Draft the budget…»: partly" in shown
    assert f"follows:  «Draft the budget» ({plan[:8]})" in shown
    assert plan not in shown and "daily.back.followup" not in shown
    assert "half of it" in shown
    zh = cli.ok("--lang", "zh", "show", short).stdout
    assert "回答：    跟进«Draft the budget…»：部分做到" in zh
    assert f"跟进：    «Draft the budget» ({plan[:8]})" in zh
    # The JSON keeps the ids: it is for scripts.
    data = cli.json("show", short, "--json")
    assert data["question_id"] == "daily.back.followup" and data["commitment_id"] == plan


def test_a_deleted_commitment_leaves_its_follow_up_readable(cli, answered):
    cli.ok("delete", answered["plan"][:8], "--yes")
    assert "back    Follow-up: partly — half of it" in cli.ok("list").stdout
    shown = cli.ok("show", answered["follow_up"][:8]).stdout
    assert "answers:  Follow-up: partly" in shown and "follows:" not in shown


def test_a_question_of_the_users_own_is_named_by_its_text_then_by_its_slug(cli, journal_file, home):
    def fill(journal):
        b = JournalBuilder(journal)
        review = b.review("daily", "2026-11-25", complete=False)
        b.answer(review, "2026-11-25", "daily.down.family", "Dinner together on Sunday")

    build_journal(journal_file, fill)
    (home / "questions.toml").write_text(
        '[[question]]\nid = "daily.down.family"\ncadence = "daily"\nlook = "down"\n'
        'kind = "text"\ntext = "What does my family need from me this week?"\n',
        encoding="utf-8",
    )
    shown = cli.ok("list").stdout
    assert "What does my family need from me this we… — Dinner together on Sunday" in shown
    (home / "questions.toml").unlink()  # the question is gone; its answers stay readable
    assert "down    Family — Dinner together on Sunday" in cli.ok("list").stdout


def test_the_markdown_export_heads_answers_by_name_in_either_language(cli, answered, tmp_path):
    text = cli.ok("export").stdout
    for heading in ("#### Follow-up", "#### Went well", "#### State — Rota survey"):
        assert f"\n{heading}\n" in text
    assert "\n#### Progress — Rota survey\n\n- half the teams answered\n" in text
    assert "\n#### Conduct\n\n- **4/5**\n" in text
    assert not RAW_ID.search(text), text
    folder = tmp_path / "notes"
    cli.ok("--lang", "zh", "export", "-o", f"{folder}/")
    note = (folder / "2026/11/2026-11-25.md").read_text(encoding="utf-8")
    body = note.split("\n---\n", 1)[1]  # the front matter lists the entries' ids, for tools
    for heading in ("### 跟进", "### 做得好的", "### 状态 — Rota survey", "### 进度 — Rota survey"):
        assert f"\n{heading}\n" in body
    assert not RAW_ID.search(body), body


def test_search_names_what_each_answer_answered(cli, answered):
    shown = cli.ok("search", "half").stdout
    assert "back  Followed up «Draft the budget…»: partly" in shown
    assert "back  Progress («Rota survey»)" in shown
    zh = cli.ok("--lang", "zh", "search", "Shipped").stdout
    assert "回头看  做得好的" in zh
    assert not RAW_ID.search(shown + zh)
    # The JSON is as it was: the entry's fields, its score and snippet.
    assert "caption" not in cli.json("search", "half", "--json")[0]
