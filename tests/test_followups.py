"""Every commitment is followed up until settled: done, partly, not done or dropped."""

from __future__ import annotations

import json

from pty_harness import finish, spawn, stop


def follow(child, text: str, reply: str) -> None:
    """Wait for the follow-up that names `text`, and give `reply` (empty: skip it)."""
    child.expect_exact(text)
    child.expect_exact("> ")
    child.sendline(reply)


def awaiting(cli, now: str) -> tuple[int, int, int]:
    """What status and the month's report count as still open, and how many were dropped."""
    env = {"FOURLOOKS_NOW": now}
    open_now = cli.json("status", "--json", env=env)["commitments"]["open"]
    report = cli.json("report", "--month", "2026-11", "--json", env=env)["commitments"]
    return open_now, report["awaiting"], report["dropped"]


def test_commitments_of_unreviewed_days_are_asked_until_settled_and_a_skip_comes_back(cli):
    cli.ok("add", "--look", "ahead", "--date", "2026-11-10", "Visit the depot")
    cli.ok("add", "--look", "ahead", "--date", "2026-11-24", "Call Li")
    cli.ok("add", "--look", "ahead", "--date", "2026-11-25", "Draft the budget")
    assert awaiting(cli, "2026-11-26T21:00:00") == (3, 3, 0)

    child = spawn("review")
    child.expect_exact("Commitments still open")
    # Open for 16 days: asked once whether to keep it, not whether it happened.
    follow(child, "You committed on 2026-11-10, open for 16 days: Visit the depot", "keep")
    follow(child, "You committed on 2026-11-24: Call Li", "")
    follow(child, "You committed on 2026-11-25: Draft the budget", "dropped")
    child.expect_exact("[1/")
    stop(child)
    assert finish(child) == 130
    assert awaiting(cli, "2026-11-26T21:00:00") == (2, 2, 1)
    report = cli.ok("report", "--month", "2026-11").stdout
    assert "Answers: done 0, partly 0, not done 0, dropped 1; awaiting follow-up 2." in report
    shown = cli.ok("status").stdout
    assert "Commitments open    2" in shown

    # The next night: the kept one is asked as usual, the skipped one again, the dropped not.
    child = spawn("review", now="2026-11-27T21:00:00")
    follow(child, "You committed on 2026-11-10: Visit the depot\r\n      Did it happen?", "done")
    follow(child, "You committed on 2026-11-24: Call Li", "not done: no answer")
    child.expect_exact("[1/")
    assert "Draft the budget" not in child.before
    stop(child)
    assert finish(child) == 130
    assert awaiting(cli, "2026-11-27T21:00:00") == (0, 0, 1)
    later = cli.ok("status", env={"FOURLOOKS_NOW": "2026-11-27T21:00"}).stdout
    assert "Commitments open    none" in later
    # The four follow-ups (kept, dropped, done, not done) are counted apart from the looks.
    looks = cli.json("status", "--json", env={"FOURLOOKS_NOW": "2026-11-27T21:00"})["looks"]
    assert looks["counts"] == {"back": 0, "up": 0, "down": 0, "ahead": 3}
    assert looks["follow_ups"] == 4
    assert "ahead 3 · follow-ups 4" in later


def test_tonights_commitments_are_open_until_tomorrows_review(cli):
    cli.ok("review", input="\n\n\nCall Li\n")  # the short review's last: the commitments
    assert cli.json("status", "--json")["commitments"] == {"open": 1}
    child = spawn("review", now="2026-11-27T21:00:00")
    follow(child, "You committed on 2026-11-26: Call Li", "4")  # the fourth choice: dropped
    child.expect_exact("[1/")
    stop(child)
    assert finish(child) == 130
    assert awaiting(cli, "2026-11-27T21:00:00") == (0, 0, 1)


def test_on_this_day_names_the_question_and_what_a_follow_up_was_about(cli):
    cli.ok("add", "--look", "ahead", "--date", "2026-10-25", "Draft the budget")
    child = spawn("review", "--date", "2026-10-26")
    follow(child, "You committed on 2026-10-25: Draft the budget", "2 half of it")
    child.expect_exact("[1/")
    stop(child)
    assert finish(child) == 130
    cli.ok("review", "--date", "2026-10-26", input="shipped the report\n")
    child = spawn("review")
    child.expect_exact("a month ago, 2026-10-26")
    child.expect_exact("back   Followed up «Draft the budget»: partly — half of it")
    child.expect_exact("back   Went well — shipped the report")
    child.expect_exact("[1/")
    stop(child)
    assert finish(child) == 130


def test_the_monthly_audit_opens_with_last_months_goal_faults_and_owners(cli, tmp_path):
    answers = tmp_path / "november.json"
    answers.write_text(
        json.dumps(
            {
                "monthly.back.faults": "Interrupting people in meetings",
                "monthly.ahead.goal": "Publish the rota before the 25th",
                "monthly.ahead.owners": "Rota: Li\nBudget: me",
            }
        ),
        encoding="utf-8",
    )
    nov = {"FOURLOOKS_NOW": "2026-11-30T21:00"}
    cli.ok("review", "--monthly", "--month", "2026-11", "--answers", str(answers), env=nov)
    child = spawn("review", "--monthly", now="2026-12-30T21:00:00")
    child.expect_exact("Monthly self-audit · 2026-12")
    child.expect_exact("What November 2026 set out to do")
    child.expect_exact("Publish the rota before the 25th")
    child.expect_exact("> ")
    child.sendline("")  # the goal and the fault are asked about (tests/test_audit.py)
    child.expect_exact("Interrupting people in meetings")
    child.expect_exact("> ")
    child.sendline("")
    child.expect_exact("Rota: Li")
    child.expect_exact("Budget: me")
    child.expect_exact("[1/")
    stop(child)
    assert finish(child) == 130
