"""A task reviewed as under way or not done is asked its next checkpoint and is due again then.

The clock of `cli` stands at Thursday 2026-11-26, 21:00.
"""

from __future__ import annotations

import json

import pytest

FRIDAY = {"FOURLOOKS_NOW": "2026-11-27T21:00:00"}
SATURDAY = {"FOURLOOKS_NOW": "2026-11-28T21:00:00"}


def add(cli, *args: str) -> str:
    return cli.ok("task", "add", *args).stdout.strip()


def listed(cli, env=None) -> dict:
    [task] = cli.json("task", "list", "--all", "--json", env=env)
    return task


def due_in_status(cli, env) -> list[tuple[str, str]]:
    return [(t["title"], t["reason"]) for t in cli.json("status", "--json", env=env)["tasks"]]


def test_under_way_with_a_checkpoint_friday_is_due_again_on_friday(cli):
    short = add(cli, "Budget draft")
    cli.ok("review", "--task", short, input="under way\nhalf of it\nfriday\nplan earlier\n")
    task = listed(cli)
    assert (task["state"], task["checkpoint"], task["review_due"]) == (
        "under_way",
        "2026-11-27",
        None,
    )
    assert due_in_status(cli, None) == []
    # On the day of the checkpoint the task is due again, in status and in the task list.
    assert due_in_status(cli, FRIDAY) == [("Budget draft", "checkpoint")]
    assert "review due: checkpoint 2026-11-27" in cli.ok("task", "list", env=FRIDAY).stdout
    assert "checkpoint 2026-11-27" in cli.ok("status", env=FRIDAY).stdout
    assert "check on: 2026-11-27" in cli.ok("task", "show", short).stdout


def test_a_review_on_the_checkpoint_day_settles_it_until_the_next(cli):
    short = add(cli, "Budget draft")
    cli.ok("review", "--task", short, input="under way\n\nfriday\n\n")
    cli.ok("review", "--task", short, input="not done\nno data yet\nin 3 days\n\n", env=FRIDAY)
    task = listed(cli, FRIDAY)
    assert (task["state"], task["checkpoint"], task["review_due"]) == (
        "not_done",
        "2026-11-30",
        None,
    )
    assert due_in_status(cli, SATURDAY) == []
    assert due_in_status(cli, {"FOURLOOKS_NOW": "2026-11-30T09:00:00"}) == [
        ("Budget draft", "checkpoint")
    ]


@pytest.mark.parametrize(
    ("typed", "day"),
    [("周五", "2026-11-27"), ("下周一", "2026-11-30"), ("in 3 days", "2026-11-29"),
     ("next friday", "2026-11-27"), ("2026-12-10", "2026-12-10")],
)  # fmt: skip
def test_the_checkpoint_reads_forward_in_either_language(cli, typed, day):
    short = add(cli, "Rota survey")
    cli.ok("review", "--task", short, input=f"under way\n\n{typed}\n\n")
    assert listed(cli)["checkpoint"] == day


@pytest.mark.parametrize("typed", ["yesterday", "2026-11-20", "today", "3 days ago"])
def test_a_checkpoint_not_after_the_review_day_is_refused_from_a_pipe(cli, typed):
    short = add(cli, "Rota survey")
    result = cli("review", "--task", short, input=f"under way\nhalf\n{typed}\nlesson\n")
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert "stdin line 3" in line and "give a day after 2026-11-26" in line
    assert listed(cli)["checkpoint"] is None
    # The review waits for its checkpoint: taken up again, it asks it first.
    cli.ok("review", "--task", short, input="monday\nlesson\n")
    assert listed(cli)["checkpoint"] == "2026-11-30"


def test_a_checkpoint_in_the_past_in_an_answers_file_saves_nothing(cli, tmp_path):
    short = add(cli, "Rota survey")
    answers = tmp_path / "answers.json"
    answers.write_text(
        json.dumps({"task.back.state": "under way", "task.ahead.checkpoint": "2026-11-01"})
    )
    result = cli("review", "--task", short, "--answers", str(answers))
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert "task.ahead.checkpoint" in line and "in the past" in line and "nothing was saved" in line
    task = listed(cli)
    assert (task["state"], task["checkpoint"]) == (None, None)
    answers.write_text(
        json.dumps({"task.back.state": "under way", "task.ahead.checkpoint": "周五"})
    )
    cli.ok("review", "--task", short, "--answers", str(answers))
    assert listed(cli)["checkpoint"] == "2026-11-27"


def test_a_checkpoint_is_asked_only_for_under_way_and_not_done(cli):
    asked = cli.json("questions", "--cadence", "task", "--json")
    dated = {q["id"]: q["when"] for q in asked if q["kind"] == "date"}
    assert dated == {"task.ahead.checkpoint": "under_way", "task.ahead.retry": "not_done"}
    short = add(cli, "Rota survey")
    # Done: effect, then the lesson; no date is asked, so a date-like line is the lesson.
    cli.ok("review", "--task", short, input="done\nit worked\nfriday\n")
    task = listed(cli)
    assert (task["state"], task["checkpoint"]) == ("done", None)


def test_the_checkpoint_is_kept_in_the_export_and_read_back_byte_identical(cli, tmp_path):
    add(cli, "Plain task")
    assert "checkpoint" not in cli.json("export", "-f", "json")["tasks"][0]  # unset: not written
    short = add(cli, "Rota survey")
    cli.ok("review", "--task", short, input="under way\n\nfriday\n\n")
    first = cli.ok("export", "-f", "json").stdout
    written = {task["title"]: task for task in json.loads(first)["tasks"]}
    assert written["Rota survey"]["checkpoint"] == "2026-11-27"
    assert "checkpoint" not in written["Plain task"]
    other = ["--db", str(tmp_path / "other.db")]
    cli.ok(*other, "import", "-", input=first)
    assert cli.ok(*other, "export", "-f", "json").stdout == first
    assert [t["reason"] for t in cli.json(*other, "status", "--json", env=FRIDAY)["tasks"]] == [
        "checkpoint"
    ]


def test_at_a_terminal_a_past_checkpoint_is_asked_again_and_the_task_comes_back_then(cli):
    from pty_harness import answer, finish, spawn

    short = add(cli, "Budget draft", "--due", "2026-11-20")
    child = spawn("review", "--task", short)
    child.expect_exact("[1/4]")
    child.expect_exact("> ")
    child.sendline("under way")  # a choice is one line
    answer(child, 2, 4, "half of it")
    child.expect_exact("[3/4]")
    child.expect_exact("a day to come")
    child.sendline("yesterday")
    child.expect_exact("2026-11-25 is in the past: give a day after 2026-11-26")
    child.sendline("周五")
    answer(child, 4, 4, "")
    assert finish(child) == 0
    assert listed(cli)["checkpoint"] == "2026-11-27"
    assert due_in_status(cli, None) == []
    # Friday's nightly review offers it again.
    child = spawn("review", now="2026-11-27T21:00:00")
    for number in range(1, 5):
        answer(child, number, 4, "")
    child.expect_exact("1 task due for a review: review them now? [y/N]:")
    child.sendline("y")
    child.expect_exact("Budget draft")
    answer(child, 1, 4, "done")
    answer(child, 2, 3, "")
    answer(child, 3, 3, "")
    assert finish(child) == 0
    assert listed(cli)["state"] == "done"


def test_the_checkpoint_answer_reads_on_its_own_in_the_list(cli):
    short = add(cli, "Rota survey")
    cli.ok("review", "--task", short, input="under way\n\nfriday\n\n")
    listed = cli.ok("list").stdout
    [line] = [line for line in listed.splitlines() if "2026-11-27" in line]
    assert "Next checkpoint («Rota survey») — 2026-11-27" in line
    assert "task.ahead.checkpoint" not in listed
