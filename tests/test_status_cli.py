"""`status`: what is due, streaks, the balance of the looks, and --check for scripts."""

from __future__ import annotations

import pytest

SKIP_ALL_DAILY = "\n" * 11
SKIP_ALL_MONTHLY = "\n" * 14  # the self-audit, the month's focus, nine questions
# A review counts in the streak once it answers a question: one answer, the rest skipped.
ONE_ANSWER_DAILY = "went well\n" + SKIP_ALL_DAILY[1:]
ONE_ANSWER_MONTHLY = "4\n" + SKIP_ALL_MONTHLY[1:]


def status(cli, now=None):
    env = {"FOURLOOKS_NOW": now} if now else None
    return cli.json("status", "--json", env=env)


def test_a_new_journal_has_todays_review_due_and_nothing_else(cli):
    found = status(cli)
    assert found["day"] == "2026-11-26" and found["due"] is True
    assert found["daily"] == {"period": "2026-11-26", "state": "not_started", "due": True}
    assert found["monthly"]["due"] is False and found["monthly"]["opens"] == "2026-11-28"
    assert found["tasks"] == []
    assert found["streaks"]["daily"] == {"current": 0, "longest": 0}
    assert found["looks"]["neglected"] is None
    text = cli.ok("status").stdout
    assert "Daily review        due  fourlooks review" in text
    assert "Monthly self-audit  2026-11: opens 2026-11-28" in text


def test_check_exits_1_while_due_and_0_once_done_and_is_quiet_in_scripts(cli):
    due = cli("status", "--check")
    assert (due.exit_code, due.stdout) == (1, "")
    cli.ok("review", input="went well\n")
    assert status(cli)["daily"]["state"] == "in_progress"
    assert cli("status", "--check").exit_code == 1
    cli.ok("review", input=SKIP_ALL_DAILY)
    done = cli("status", "--check")
    assert (done.exit_code, done.stdout) == (0, "")
    as_json = cli("status", "--check", "--json")
    assert as_json.exit_code == 0 and '"due": false' in as_json.stdout


@pytest.mark.parametrize(
    ("now", "period", "due"),
    [
        ("2026-11-27T20:00", "2026-11", False),
        ("2026-11-28T20:00", "2026-11", True),
        ("2026-12-07T20:00", "2026-11", True),
        ("2026-12-08T20:00", "2026-12", False),
    ],
)
def test_the_self_audit_is_due_from_the_months_last_days_for_a_week_after(cli, now, period, due):
    cli.ok("add", "-l", "back", "-d", "2026-11-01", "in use since November")
    monthly = status(cli, now)["monthly"]
    assert (monthly["period"], monthly["due"]) == (period, due)


def test_a_done_self_audit_is_no_longer_due_and_counts_in_the_streak(cli):
    env = {"FOURLOOKS_NOW": "2026-12-02T20:00"}
    cli.ok("review", "--monthly", input=ONE_ANSWER_MONTHLY, env=env)
    found = status(cli, "2026-12-02T20:00")
    assert found["monthly"]["state"] == "complete" and not found["monthly"]["due"]
    assert found["streaks"]["monthly"] == {"current": 1, "longest": 1}


def test_daily_streak_counts_completed_reviews(cli):
    for day in ("2026-11-20", "2026-11-24", "2026-11-25"):
        cli.ok("review", "--date", day, input=ONE_ANSWER_DAILY)
    assert status(cli)["streaks"]["daily"] == {"current": 2, "longest": 2}
    cli.ok("review", input=ONE_ANSWER_DAILY)
    assert status(cli)["streaks"]["daily"] == {"current": 3, "longest": 3}
    assert "daily 3 days (longest 3)" in cli.ok("status").stdout


def test_a_review_of_skips_alone_is_complete_but_extends_no_streak_nor_coverage(cli):
    cli.ok("review", "--date", "2026-11-25", input=ONE_ANSWER_DAILY)
    cli.ok("review", input=SKIP_ALL_DAILY)
    found = status(cli)
    assert found["daily"]["state"] == "complete" and not found["due"]
    assert found["streaks"]["daily"] == {"current": 1, "longest": 1}
    report = cli.json("report", "--month", "2026-11", "--json")
    assert report["days_reviewed"] == 1 and report["reviewed_dates"] == ["2026-11-25"]
    cli.ok("review", "--monthly", input=SKIP_ALL_MONTHLY, env={"FOURLOOKS_NOW": "2026-12-02T20:00"})
    assert status(cli, "2026-12-02T20:00")["streaks"]["monthly"] == {"current": 0, "longest": 0}


def test_tasks_awaiting_review_are_listed_with_their_reason(cli):
    late = cli.ok("task", "add", "Budget draft", "--due", "2026-11-20").stdout.strip()
    cli.ok("task", "add", "Not yet due", "--due", "2026-12-20")
    closed = cli.ok("task", "add", "Rota survey").stdout.strip()
    cli.ok("task", "close", closed)
    begun = cli.ok("task", "add", "Begun").stdout.strip()
    cli.ok("review", "--task", begun, input="under way\n")
    reasons = {t["title"]: t["reason"] for t in status(cli)["tasks"]}
    assert reasons == {
        "Budget draft": "past_due",
        "Rota survey": "closed_unreviewed",
        "Begun": "review_unfinished",
    }
    text = cli.ok("status").stdout
    assert f"{late}  Budget draft  past due 2026-11-20" in text
    assert "closed without a review" in text and "review unfinished" in text


def test_the_look_balance_of_the_last_30_days_names_a_neglected_look(cli):
    for look in ["back"] * 6 + ["up"] * 3 + ["ahead"] * 2:
        cli.ok("add", "-l", look, "note")
    cli.ok("add", "-l", "down", "too old to count", "--date", "2026-10-27")
    looks = status(cli)["looks"]
    assert looks["from"] == "2026-10-28"
    assert looks["counts"] == {"back": 6, "up": 3, "down": 0, "ahead": 2}
    assert looks["neglected"] == "down"
    assert "neglected: look down 低头看" in cli.ok("status").stdout


def test_status_follows_the_day_start_and_the_language(cli):
    assert status(cli, "2026-11-27T01:00")["day"] == "2026-11-26"
    text = cli.ok("--lang", "zh", "status").stdout
    assert "周四 2026-11-26" in text and "日省" in text and "待完成" in text
