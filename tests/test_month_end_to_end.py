"""A month of reviews taken through the CLI, then its report checked against what was entered.

The clock (FOURLOOKS_NOW) moves day by day through October 2026. Daily reviews come from an
answers file, from piped lines and, where yesterday's commitments are followed up (only a
person at a terminal is asked about them), from a real pseudo-terminal. Task reviews are
piped, the monthly self-audits answered from files. Each figure of `report --json` is then
the count of what this test typed.

The report's task counts that read created_at and closed_at (opened, closed, open, overdue)
are not checked here: those timestamps follow the real clock, which FOURLOOKS_NOW does not
move, so a past month written with a moved clock holds no tasks created in it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pty_harness import answer, finish, spawn

pytestmark = pytest.mark.slow

AUDIT = ("commitment", "conduct", "image", "performance")


def on(day: str) -> dict:
    """The environment of a command typed on the evening of `day`."""
    return {"FOURLOOKS_NOW": f"{day}T21:00:00"}


class Month:
    """Commands typed on given days, through the test's CLI runner."""

    def __init__(self, cli, folder: Path):
        self.cli = cli
        self.folder = folder
        # The month is reviewed with every daily question (--full).
        daily = cli.json("questions", "--cadence", "daily", "--full", "--json")
        self.ids = {"daily": [q["id"] for q in daily]}

    def run(self, day: str, *args: str, input: str | None = None):
        return self.cli.ok(*args, input=input, env=on(day))

    def answers_file(self, day: str, cadence: str, given: dict) -> str:
        """Every question of the review: the given answers, the others skipped (null)."""
        unknown = set(given) - set(self.ids[cadence])
        assert not unknown, unknown
        path = self.folder / f"answers-{cadence}-{day}.json"
        answers = {qid: given.get(qid) for qid in self.ids[cadence]}
        path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
        return str(path)

    def daily_from_file(self, day: str, given: dict) -> str:
        path = self.answers_file(day, "daily", given)
        return self.run(day, "review", "--full", "--answers", path).stderr

    def daily_piped(self, day: str, *lines: str) -> str:
        piped = "".join(f"{line}\n" for line in lines)
        return self.run(day, "review", "--full", input=piped).stderr

    def audit(self, day: str, month: str, ratings: tuple, texts: dict) -> str:
        given = {f"monthly.back.{name}": value for name, value in zip(AUDIT, ratings, strict=True)}
        # The month's audit: the self-audit and that month's focus among the five qualities.
        asked = self.cli.json("questions", "-c", "monthly", "--date", month, "--json", env=on(day))
        self.ids["monthly"] = [q["id"] for q in asked]
        path = self.answers_file(day, "monthly", {**given, **texts})
        return self.run(day, "review", "--monthly", "--month", month, "--answers", path).stderr

    def task(self, day: str, title: str, *due: str) -> str:
        return self.run(day, "task", "add", title, *(["--due", *due] if due else [])).stdout.strip()

    def task_review(self, day: str, task: str, *lines: str) -> str:
        piped = "".join(f"{line}\n" for line in lines)
        return self.run(day, "review", "--task", task, input=piped).stderr


def daily_at_a_terminal(
    day: str, weekday: str, followups: dict[str, str], answers: dict[int, list[str]]
) -> None:
    """A daily review typed at a terminal: the open commitments, then 14 questions.

    followups: the commitment shown -> what is typed (in whatever order the review asks).
    answers: question number -> lines; the other questions are skipped with an empty line.
    """
    child = spawn("review", "--full", now=f"{day}T21:00:00")
    child.expect_exact(f"Daily review · {weekday} {day}")
    pending = dict(followups)
    while pending:
        shown = list(pending)[child.expect_exact([f": {text}\r\n" for text in pending])]
        child.expect_exact("> ")
        child.sendline(pending.pop(shown))
    for number in range(1, 15):
        answer(child, number, 14, *answers.get(number, [""]))
    child.expect_exact(f"Review of {day} complete")
    assert finish(child) == 0


def test_a_month_of_reviews_is_counted_as_it_was_entered(cli, tmp_path):
    m = Month(cli, tmp_path)
    # September's audit: the month before, for the ratings' change.
    m.audit("2026-09-30", "2026-09", (3, 3, 4, 2), {})
    rota, budget, leaflets = first_week(m)

    # Task reviews: state (and its note), that state's question, the lesson.
    m.task_review(
        "2026-10-09", rota, "done, everyone has it", "The complaints stopped", "Ask early"
    )
    m.task_review("2026-10-12", budget, "not done", "Finance has not sent the numbers", "")
    m.task_review(
        "2026-10-21", leaflets, "done poorly", "I approved the proof too fast", "Check in daylight"
    )
    m.task_review("2026-10-25", budget, "under way, half the numbers", "Finance sends the rest", "")
    still_open = {t["title"]: t["state"] for t in m.cli.json("task", "list", "--json")}
    assert still_open == {"Budget draft": "under_way", "Venue booking": None}  # the rest closed

    # Oct 31: the month's self-audit.
    texts = {
        "monthly.back.faults": "Interrupting people in meetings",
        "monthly.ahead.goal": "Publish the rota before the 25th",
    }
    said = m.audit("2026-10-31", "2026-10", ("4 kept all but one", 3, 5, 3), texts)
    assert "complete: 6 answered, 8 skipped" in said

    report = json.loads(m.run("2026-11-02", "report", "--month", "2026-10", "--json").stdout)
    assert (report["kind"], report["month"], report["complete"]) == ("month", "2026-10", True)
    check_reviews_and_ratings(report)
    check_commitments_and_tasks(report)
    check_entries(report)


def first_week(m: Month) -> tuple[str, str, str]:
    """Oct 1-7: four tasks, daily reviews by file, terminal and pipe; a gap; entries by hand."""
    # Oct 1: two tasks; a review from a file with three commitments; a fourth added by hand.
    rota = m.task("2026-10-01", "Rota survey", "2026-10-10")
    budget = m.task("2026-10-01", "Budget draft", "2026-10-15")
    said = m.daily_from_file(
        "2026-10-01",
        {
            "daily.back.went_well": "Oct 1: the rota meeting went well",
            "daily.back.lesson": "Ask before deciding",
            "daily.ahead.commitments": ["Call Li about the rota", "Draft the budget", "Book it"],
        },
    )
    assert "complete: 3 answered, 11 skipped" in said
    m.run("2026-10-01", "add", "-l", "ahead", "Print the leaflets")

    # Oct 2, at a terminal: the four commitments followed up, then the day's questions.
    leaflets = m.task("2026-10-02", "Print leaflets", "2026-10-20")
    daily_at_a_terminal(
        "2026-10-02",
        "Fri",
        {
            "Call Li about the rota": "done",
            "Draft the budget": "partly: the numbers are missing",
            "Book it": "not done",
            "Print the leaflets": "1",
        },
        {
            1: ["Oct 2: Li agreed to the new rota"],
            8: ["Li: Mondays start too early"],
            13: ["Send the rota", "Finish the budget"],
        },
    )

    # Oct 3: no review; a look down added by hand; a task with no due date.
    m.run("2026-10-03", "add", "-l", "down", "Asked the night shift about handovers")
    m.task("2026-10-03", "Venue booking")

    # Oct 4, at a terminal: Oct 2's commitments (the only ones open); one is left open.
    daily_at_a_terminal(
        "2026-10-04",
        "Sun",
        {"Send the rota": "done", "Finish the budget": ""},
        {1: ["Oct 4: the rota is out"], 13: ["Call the printer"]},
    )

    # Oct 5, piped (nobody is asked about Oct 4's commitment); Oct 6 piped and left unfinished.
    said = m.daily_piped("2026-10-05", "Oct 5: handover list drafted", *[""] * 11, "Fix it", "")
    assert "complete: 2 answered, 12 skipped" in said
    said = m.daily_piped("2026-10-06", "Oct 6: quiet day", "Started late")
    assert "12 of 14 questions still open" in said
    m.run("2026-10-07", "add", "-l", "up", "Read how the other office plans")

    return rota, budget, leaflets


def check_reviews_and_ratings(report: dict) -> None:
    # Reviews and coverage: Oct 1, 2, 4 and 5 complete; Oct 6 unfinished; Oct 3 none.
    reviewed = ["2026-10-01", "2026-10-02", "2026-10-04", "2026-10-05"]
    assert report["reviewed_dates"] == reviewed
    assert (report["days_reviewed"], report["days_so_far"]) == (4, 31)
    assert report["coverage"] == round(4 / 31, 4)
    assert report["streaks"] == {"current": 0, "longest": 2, "longest_in_period": 2}

    # The audit: October's ratings against September's.
    assert report["audit_done"] is True
    ratings = {r["id"]: r for r in report["ratings"]}
    assert list(ratings) == [f"monthly.back.{name}" for name in AUDIT]
    assert [(r["value"], r["previous"], r["change"]) for r in ratings.values()] == [
        (4, 3, 1),
        (3, 3, 0),
        (5, 4, 1),
        (3, 2, 1),
    ]
    assert report["trend_months"][-2:] == ["2026-09", "2026-10"]
    assert ratings["monthly.back.commitment"]["trend"] == [None, None, None, None, 3, 4]


def check_commitments_and_tasks(report: dict) -> None:
    # Commitments made in October: 3 + 1 by hand (Oct 1), 2 (Oct 2), 1 (Oct 4), 1 (Oct 5).
    # Followed up: Oct 1's four (done, partly, not done, done) and Oct 2's first (done).
    assert report["commitments"] == {
        "made": 8,
        "followed_up": 5,
        "done": 3,
        "partly": 1,
        "not_done": 1,
        "awaiting": 3,
        "dropped": 0,
    }

    # Task reviews: the last state of each task reviewed (the budget's second review counts).
    tasks = report["tasks"]
    assert tasks["reviewed"] == 3
    assert tasks["by_state"] == {"done": 1, "under_way": 1, "not_done": 0, "done_poorly": 1}


def check_entries(report: dict) -> None:
    # Look balance, entry by entry (follow-ups and task states apart, below):
    #   back:  Oct 1 went_well, lesson (2); Oct 2 went_well (1); Oct 4 went_well (1); Oct 5
    #          went_well (1); Oct 6 went_well, went_wrong (2); four task reviews' notes (4);
    #          the audit's four ratings and faults (5)                          = 16
    #   follow-ups: Oct 2 four, Oct 4 one; the four task reviews' states        = 9
    #   up:    Oct 7 by hand                                                    = 1
    #   down:  Oct 2 listened, Oct 3 by hand                                    = 2
    #   ahead: Oct 1 three commitments and one by hand (4), Oct 2 two, Oct 4 one, Oct 5 one,
    #          two task lessons, the audit's goal                               = 11
    assert report["entries_by_look"] == {"back": 16, "up": 1, "down": 2, "ahead": 11}
    assert report["follow_ups"] == 9
    assert report["entries"] == 39
    assert report["neglected_look"] == "up"  # 1 of 30, under a tenth
    assert report["previous_month"] == "2026-09"
    assert report["previous_entries_by_look"] == {"back": 4, "up": 0, "down": 0, "ahead": 0}
    assert report["entries_by_look_change"] == {"back": 12, "up": 1, "down": 2, "ahead": 11}
    by_day = report["entries_by_day"]
    assert [by_day[f"2026-10-{n:02d}"] for n in range(1, 8)] == [6, 8, 1, 3, 2, 2, 1]
    assert (by_day["2026-10-09"], by_day["2026-10-30"], by_day["2026-10-31"]) == (3, 0, 6)
    assert sum(by_day.values()) == 39

    # What went well, as typed, in date order; the task's effect among the successes.
    successes = [(h["date"], h["text"]) for h in report["highlights"]["successes"]]
    assert successes == [
        ("2026-10-01", "Oct 1: the rota meeting went well"),
        ("2026-10-02", "Oct 2: Li agreed to the new rota"),
        ("2026-10-04", "Oct 4: the rota is out"),
        ("2026-10-05", "Oct 5: handover list drafted"),
        ("2026-10-06", "Oct 6: quiet day"),
        ("2026-10-09", "The complaints stopped"),
    ]
    voices = [h["text"] for h in report["highlights"]["voices"]]
    # The look-down entry added by hand on Oct 3 is a voice heard too.
    assert voices == ["Li: Mondays start too early", "Asked the night shift about handovers"]
