"""The nightly review of about five minutes: a core, one rotating spotlight, --full for all."""

from __future__ import annotations

import json

import pytest

from pty_harness import answer, finish, spawn

CORE = ["daily.back.went_well", "daily.down.listened", "daily.ahead.commitments"]


def asked_on(cli, day: str, *options: str, env: dict | None = None) -> list[str]:
    listed = cli.json("questions", "--cadence", "daily", "--date", day, *options, "--json", env=env)
    return [q["id"] for q in listed]


def answered_on(cli, day: str) -> list[str]:
    found = cli.json("list", "--json", "-n", "0", "--from", day, "--to", day)
    return [e["question_id"] for e in sorted(found, key=lambda e: e["created_at"])]


def lines(*answers: str) -> str:
    return "".join(f"{answer}\n" for answer in answers)


def test_the_default_review_asks_the_core_and_one_spotlight_as_questions_lists(cli):
    asked = asked_on(cli, "2026-11-26")
    # Nothing answered yet, no look neglected: the first question beyond the core.
    assert asked == ["daily.back.went_well", "daily.back.went_wrong", *CORE[1:]]
    assert asked_on(cli, "today") == asked
    said = cli.ok("review", input=lines("one", "two", "three", "four")).stderr
    assert "Review of 2026-11-26 complete: 4 answered, 0 skipped." in said
    assert answered_on(cli, "2026-11-26") == asked


def test_the_spotlight_rotates_to_the_question_answered_least_recently(cli):
    cli.ok("review", "--date", "2026-11-24", input=lines("a", "b", "c", "d"))
    assert "daily.back.went_wrong" in answered_on(cli, "2026-11-24")
    # Nothing looked up on the 24th: look up is neglected, and its first question asked.
    nxt = asked_on(cli, "2026-11-25")
    assert nxt == [CORE[0], "daily.up.progress", *CORE[1:]]
    cli.ok("review", "--date", "2026-11-25", input=lines("a", "b", "c", "d"))
    assert answered_on(cli, "2026-11-25") == nxt
    # No look neglected now: the question answered least recently (never) comes next.
    assert asked_on(cli, "2026-11-26") == [CORE[0], "daily.back.lesson", *CORE[1:]]


def test_the_spotlight_comes_first_from_the_look_the_last_30_days_neglected(cli):
    for day, look in (("2026-11-20", "back"), ("2026-11-21", "up"), ("2026-11-22", "ahead")):
        for number in range(4):
            cli.ok("add", "--look", look, "--date", day, f"{look} {number}")
    # Look down has no entry in the 30 days before: its least recent question is the spotlight.
    assert asked_on(cli, "2026-11-26") == [CORE[0], CORE[1], "daily.down.decisions", CORE[2]]
    # Entries older than 30 days, or dated on the day itself, do not count.
    cli.ok("add", "--look", "down", "--date", "2026-10-20", "long ago")
    cli.ok("add", "--look", "down", "--date", "2026-11-26", "today")
    assert "daily.down.decisions" in asked_on(cli, "2026-11-26")


def test_a_review_begun_keeps_its_set_when_the_journal_changes(cli):
    before = asked_on(cli, "2026-11-26")
    cli.ok("review", input=lines("went well"))
    for number in range(6):  # the looks change: another spotlight would be chosen now
        cli.ok("add", "--look", "back", "--date", "2026-11-24", f"back {number}")
        cli.ok("add", "--look", "ahead", "--date", "2026-11-24", f"ahead {number}")
    assert asked_on(cli, "2026-11-25") != before
    assert asked_on(cli, "2026-11-26") == before
    said = cli.ok("review", input=lines("two", "three", "four")).stderr
    assert "complete: 4 answered" in said
    assert answered_on(cli, "2026-11-26")[:4] == before


def test_full_asks_every_daily_question_and_a_setting_makes_it_the_default(cli, home):
    full = asked_on(cli, "2026-11-26", "--full")
    assert len(full) == 14 and full[0] == CORE[0]
    said = cli.ok("review", "--full", input=lines(*["x"] * 14)).stderr
    assert "complete: 14 answered" in said
    home.mkdir(exist_ok=True)
    (home / "config.toml").write_text('daily_review = "full"\n', encoding="utf-8")
    assert asked_on(cli, "2026-11-25") == full
    (home / "config.toml").write_text(
        'core = ["daily.up.needs"]\nspotlight = ["daily.ahead.goal"]\n', encoding="utf-8"
    )
    assert asked_on(cli, "2026-11-25") == ["daily.up.needs", "daily.ahead.goal"]


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('core = ["daily.back.nope"]', "core names 'daily.back.nope': no such daily question"),
        ('spotlight = ["monthly.up.learn"]', "spotlight names 'monthly.up.learn'"),
        (
            'core = ["daily.back.went_well", "daily.back.lesson"]',
            "core takes at most one question per look",
        ),
        ('daily_review = "long"', 'daily_review must be "short" or "full"'),
    ],
)
def test_a_bad_daily_setting_is_one_line_and_changes_nothing(cli, home, setting, message):
    home.mkdir(exist_ok=True)
    (home / "config.toml").write_text(setting + "\n", encoding="utf-8")
    for command in (["review"], ["questions", "-c", "daily"]):
        result = cli(*command, input="x\n")
        assert result.exit_code == 1
        assert message in result.stderr and result.stderr.count("\n") == 1
    assert not (home / "journal.db").exists()


def test_full_goes_with_the_daily_review_and_the_audit_alone(cli):
    refused = cli("review", "--task", "3f2a", "--full")
    assert refused.exit_code == 2
    assert "--full goes with the daily review or --monthly" in refused.stderr
    for listing in (["questions", "--full"], ["questions", "-c", "task", "--date", "today"]):
        refused = cli(*listing)
        assert refused.exit_code == 2
        assert "--date and --full go with --cadence daily or monthly" in refused.stderr


def test_at_a_terminal_the_short_review_counts_its_four_questions(cli):
    child = spawn("review")
    for number, text in enumerate(["shipped it", "", "Li: too early", "Call Li"], start=1):
        answer(child, number, 4, text)
    child.expect_exact("Review of 2026-11-26 complete: 3 answered, 1 skipped.")
    assert finish(child) == 0


def test_the_nightly_review_ends_by_offering_the_tasks_due(cli):
    cli.ok("task", "add", "Budget draft", "--due", "2026-11-20")
    cli.ok("task", "add", "Rota survey", "--due", "2026-12-20")  # not due
    child = spawn("review")
    for number in range(1, 5):
        answer(child, number, 4, "x")
    child.expect_exact("Review of 2026-11-26 complete")
    child.expect_exact("1 task due for a review: review them now? [y/N]:")
    child.sendline("y")
    child.expect_exact("Budget draft")
    answer(child, 1, 4, "done")
    answer(child, 2, 3, "")
    answer(child, 3, 3, "")
    assert finish(child) == 0
    [done] = cli.json("task", "list", "--all", "--json")[:1]
    assert (done["title"], done["state"]) == ("Budget draft", "done")
    assert cli.json("status", "--json")["tasks"] == []


def test_the_offer_declined_leaves_the_tasks_due(cli):
    cli.ok("task", "add", "Budget draft", "--due", "2026-11-20")
    child = spawn("review")
    for number in range(1, 5):
        answer(child, number, 4, "")
    child.expect_exact("review them now? [y/N]:")
    child.sendline("")
    assert finish(child) == 0
    assert [t["title"] for t in cli.json("status", "--json")["tasks"]] == ["Budget draft"]


def test_piped_and_file_reviews_answer_the_listed_questions_with_commitments_open(cli, tmp_path):
    yesterday = {"FOURLOOKS_NOW": "2026-11-25T21:00"}
    cli.ok("add", "-l", "ahead", "Call Li about the rota", env=yesterday)
    cli.ok("review", input=lines("", "", "", "Draft the budget"), env=yesterday)
    assert cli.json("status", "--json")["commitments"]["open"] == 2
    # The follow-ups are asked only at a terminal: piped lines answer the listed questions.
    # (No new commitments: their question is skipped.)
    asked = asked_on(cli, "2026-11-26")
    piped = ["" if qid == CORE[-1] else f"piped {qid}" for qid in asked]
    cli.ok("review", input=lines(*piped))
    assert answered_on(cli, "2026-11-26") == asked[:-1] and asked[-1] == CORE[-1]
    answers = tmp_path / "answers.json"
    listed = asked_on(cli, "2026-11-24")
    filed = {qid: None if qid == CORE[-1] else f"filed {qid}" for qid in listed}
    answers.write_text(json.dumps(filed), encoding="utf-8")
    cli.ok("review", "--date", "2026-11-24", "--answers", str(answers))
    assert answered_on(cli, "2026-11-24") == listed[:-1]
    # Both commitments are still open for the next review at a terminal.
    assert cli.json("status", "--json")["commitments"]["open"] == 2
    total = len(asked_on(cli, "today", env={"FOURLOOKS_NOW": "2026-11-27T21:00"}))
    child = spawn("review", now="2026-11-27T21:00:00")
    child.expect_exact("You committed on 2026-11-25: Call Li about the rota")
    child.expect_exact("> ")
    child.sendline("done")
    child.expect_exact("You committed on 2026-11-25: Draft the budget")
    child.expect_exact("> ")
    child.sendline("")
    child.expect_exact(f"[1/{total}]")
    child.sendeof()
    assert finish(child) == 0
    assert (
        cli.json("status", "--json", env={"FOURLOOKS_NOW": "2026-11-28T21:00"})["commitments"][
            "open"
        ]
        == 1
    )


@pytest.mark.parametrize("setting", ['spotlight = ["daily.up.nope"]', 'core = ["daily.back.x"]'])
def test_a_bad_setting_changes_nothing_in_a_journal_that_exists(cli, home, tmp_path, setting):
    cli.ok("add", "-l", "back", "Kept as it was")
    before = cli.ok("export", "--format", "json").stdout
    (home / "config.toml").write_text(setting + "\n", encoding="utf-8")
    answers = tmp_path / "answers.json"
    answers.write_text('{"daily.back.went_well": "x"}', encoding="utf-8")
    for command in (["review"], ["review", "--answers", str(answers)], ["review", "--full"]):
        result = cli(*command, input="x\n")
        assert (result.exit_code, result.stderr.count("\n")) == (1, 1), result.stderr
        assert "no such daily question" in result.stderr
    (home / "config.toml").write_text("", encoding="utf-8")
    assert cli.ok("export", "--format", "json").stdout == before
