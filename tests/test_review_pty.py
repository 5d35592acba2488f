"""The interactive review through a real pseudo-terminal, as a person meets it."""

from __future__ import annotations

import signal

import pytest

from pty_harness import answer, finish, spawn, stop


def saved(cli) -> dict:
    return {e["question_id"]: e for e in cli.json("list", "--json", "-n", "0") if e["question_id"]}


def test_answering_skipping_and_a_multi_line_answer(cli):
    child = spawn("review", "--full")
    child.expect_exact("Daily review · Thu 2026-11-26")
    child.expect_exact("look back 回头看")
    answer(child, 1, 14, "Shipped the report.", "The outline made it quick.")
    answer(child, 2, 14, "")  # an empty answer skips
    for number in range(3, 15):
        answer(child, number, 14, f"answer {number}")
    child.expect_exact("Review of 2026-11-26 complete: 13 answered, 1 skipped.")
    assert finish(child) == 0
    stored = saved(cli)
    assert (
        stored["daily.back.went_well"]["text"] == "Shipped the report.\nThe outline made it quick."
    )
    assert "daily.back.went_wrong" not in stored
    assert stored["daily.ahead.goal"]["text"] == "answer 14"
    assert cli.json("status", "--json")["daily"]["state"] == "complete"


def test_ctrl_c_half_way_keeps_the_answers_and_the_rerun_asks_only_the_rest(cli):
    child = spawn("review", "--full")
    answer(child, 1, 14, "one")
    answer(child, 2, 14, "two")
    answer(child, 3, 14, "")
    child.expect_exact("[4/14]")
    child.expect_exact("> ")
    child.sendline("typed but not finished")
    child.expect_exact("> ")  # the line is read; Ctrl-C now keeps it as the answer so far
    assert "Stopped. Every answer given is saved" in stop(child)
    assert finish(child) == 130
    assert set(saved(cli)) == {
        "daily.back.went_well",
        "daily.back.went_wrong",
        "daily.up.progress",
    }

    child = spawn("review")
    child.expect_exact("Answered earlier (4 of 14)")
    child.expect_exact("(skipped)")
    child.expect(r"\[(\d+)/14\]")
    assert child.match.group(1) == "5"  # the first question asked is the first one still open
    child.expect_exact("> ")
    child.sendline("")
    for number in range(6, 15):
        answer(child, number, 14, "")
    child.expect_exact("complete: 3 answered, 11 skipped")
    assert finish(child) == 0
    assert saved(cli)["daily.up.progress"]["text"] == "typed but not finished"


def test_a_bad_rating_is_asked_again_and_ctrl_d_pauses(cli):
    child = spawn("review", "--monthly")
    child.expect_exact("Monthly self-audit · 2026-11")
    child.expect_exact("[1/14]")
    child.expect_exact("> ")
    child.sendline("7")
    child.expect_exact("A rating starts with a whole number from 1 to 5")
    child.expect_exact("> ")
    child.sendline("4 kept every promise but one")
    child.expect_exact("[2/14]")
    child.expect_exact("> ")
    child.sendeof()
    child.expect_exact("13 of 14 questions still open")
    assert finish(child) == 0
    rating = saved(cli)["monthly.back.commitment"]
    assert (rating["rating"], rating["text"]) == (4, "kept every promise but one")


@pytest.mark.parametrize(
    ("signum", "status"), [(None, 130), (signal.SIGHUP, 129), (signal.SIGTERM, 143)]
)
def test_a_stop_mid_review_keeps_the_answers_and_the_lines_of_the_one_under_way(
    cli, signum, status
):
    child = spawn("review", "--full")
    answer(child, 1, 14, "kept one")
    answer(child, 2, 14, "kept two")
    child.expect_exact("[3/14]")
    child.expect_exact("> ")
    for line in ("half an answer,", "and its second line"):
        child.sendline(line)
        child.expect_exact("> ")  # read: Ctrl-C would flush a line still in the terminal
    stop(child, signum)
    assert finish(child) == status
    stored = saved(cli)
    assert set(stored) == {"daily.back.went_well", "daily.back.went_wrong", "daily.back.lesson"}
    assert stored["daily.back.lesson"]["text"] == "half an answer,\nand its second line"
    assert cli("status", "--check").exit_code == 1  # the review is still due, not broken
    child = spawn("review")  # going on asks what is still open
    child.expect_exact("[4/14]")
    stop(child)
    assert finish(child) == 130


def test_tomorrows_review_asks_about_todays_commitments(cli):
    child = spawn("review", "--full")
    for number in range(1, 13):
        answer(child, number, 14, "")
    answer(child, 13, 14, "Call Li about the rota", "Draft the budget")
    answer(child, 14, 14, "")
    child.expect_exact("complete")
    assert finish(child) == 0

    child = spawn("review", "--full", now="2026-11-27T21:30:00")
    child.expect_exact("Daily review · Fri 2026-11-27")
    child.expect_exact("Streak: 1 day")
    child.expect_exact("Commitments still open")
    child.expect_exact("You committed on 2026-11-26: Call Li about the rota")
    child.expect_exact("> ")
    child.sendline("done")
    child.expect_exact("You committed on 2026-11-26: Draft the budget")
    child.expect_exact("> ")
    child.sendline("2 half of it; numbers still missing")
    child.expect_exact("[1/14]")
    stop(child)
    assert finish(child) == 130
    follow = [
        e
        for e in cli.json("list", "--json", "-n", "0")
        if e["question_id"] == "daily.back.followup"
    ]
    assert sorted((e["choice"], e["text"], e["date"]) for e in follow) == [
        ("done", "done", "2026-11-27"),
        ("partly", "half of it; numbers still missing", "2026-11-27"),
    ]


def test_the_review_speaks_chinese_with_lang_zh(cli):
    child = spawn("--lang", "zh", "review", "--full")
    child.expect_exact("日省 · 2026-11-26 周四")
    child.expect_exact("回头看 look back")
    child.expect_exact("[1/14] 今天哪件事做得好？成功靠的是什么？")
    child.expect_exact("> ")
    child.sendline("报告按时交了")
    child.sendline("")
    child.expect_exact("[2/14]")
    assert "已停止。已经回答的内容都已保存" in stop(child)
    assert saved(cli)["daily.back.went_well"]["text"] == "报告按时交了"


def test_status_check_at_a_terminal_shows_what_is_due():
    child = spawn("status", "--check")
    child.expect_exact("Daily review        due  fourlooks review")
    assert finish(child) == 1
