"""Tasks through the command line: add, list, show, close."""

from __future__ import annotations


def add(cli, title, *more):
    return cli.ok("task", "add", title, *more).stdout.strip()


def test_add_prints_a_short_id_and_list_shows_open_tasks_by_due_date(cli):
    later = add(cli, "Rota survey", "--due", "2026-12-10")
    soon = add(cli, "Budget draft", "--due", "friday")
    undated = add(cli, "Read the audit notes")
    assert len(soon) == 8
    listed = cli.ok("task", "list").stdout.splitlines()
    assert [line.split()[0] for line in listed] == [soon, later, undated]
    assert listed[0].split()[1] == "2026-11-27"  # due dates read forward: on a Thursday, tomorrow
    assert "new" in listed[0] and "Budget draft" in listed[0]


def test_a_task_past_its_due_date_is_marked_due_for_review(cli):
    add(cli, "Budget draft", "--due", "2026-11-20")
    add(cli, "Rota survey", "--due", "2026-12-10")
    listed = cli.ok("task", "list").stdout
    assert "review due: past due 2026-11-20" in listed
    assert listed.count("review due") == 1
    [late, _] = cli.json("task", "list", "--json")
    assert late["review_due"] == "past_due"


def test_close_without_a_review_leaves_the_task_due_for_one(cli):
    short = add(cli, "Rota survey")
    result = cli.ok("task", "close", short)
    assert f"Closed {short}; `fourlooks review --task {short}` reviews it." in result.stderr
    assert cli.json("task", "list", "--json") == []
    [closed] = cli.json("task", "list", "--all", "--json")
    assert closed["review_due"] == "closed_unreviewed" and closed["closed_at"]
    again = cli("task", "close", short)
    assert again.exit_code == 1 and "already closed" in again.stderr
    cli.ok("review", "--task", short, input="not done: dropped\nno budget\n\nask first\n")
    [reviewed] = cli.json("task", "list", "--all", "--json")
    assert (reviewed["review_due"], reviewed["state"]) == (None, "not_done")
    assert reviewed["closed_at"] == closed["closed_at"]  # closed on purpose, it stays closed


def test_show_gives_the_task_and_its_review_answers(cli):
    short = add(cli, "Budget draft", "--due", "2026-11-20")
    cli.ok("review", "--task", short, input="under way\nhalf done\n")
    shown = cli.ok("task", "show", short).stdout
    assert "title:    Budget draft" in shown
    assert "state:    under way" in shown
    assert "review:   due (review unfinished)" in shown
    assert "half done" in shown
    data = cli.json("task", "show", short, "--json")
    assert data["title"] == "Budget draft" and data["review_due"] == "review_unfinished"
    assert [e["question_id"] for e in data["entries"]] == ["task.back.state", "task.back.progress"]


def test_a_review_since_the_due_date_clears_the_mark(cli):
    short = add(cli, "Budget draft", "--due", "2026-11-20")
    cli.ok("review", "--task", short, input="under way\nhalf done\n\nplan\n")
    [task] = cli.json("task", "list", "--json")
    assert (task["review_due"], task["state"], task["closed_at"]) == (None, "under_way", None)


def test_bad_task_input(cli):
    assert cli("task", "add", "   ").exit_code == 2
    assert cli("task", "add", "two\nlines").exit_code == 2
    assert cli("task", "add", "x", "--due", "someday").exit_code == 2
    missing = cli("task", "show", "abcdef")
    assert missing.exit_code == 1 and "no task with id 'abcdef'" in missing.stderr
    assert cli.json("task", "list", "--all", "--json") == []
    empty = cli.ok("task", "list")
    assert empty.stdout == "" and "No open tasks." in empty.stderr


def test_edit_changes_the_title_and_the_due_date_and_a_later_due_date_brings_it_back(cli):
    short = add(cli, "Budget draft", "--due", "2026-11-20")
    cli.ok("review", "--task", short, input="under way\nhalf done\n\nplan\n")
    assert (
        cli.ok("task", "edit", short[:5], "--title", "Budget, second draft").stdout.strip() == short
    )
    assert cli.ok("task", "edit", short, "--due", "monday").stdout.strip() == short
    [task] = cli.json("task", "list", "--json")
    assert (task["title"], task["due"], task["state"]) == (
        "Budget, second draft",
        "2026-11-30",
        "under_way",
    )
    assert task["review_due"] is None
    # Past the new date with no review since, it is due for a review again.
    [later] = cli.json("task", "list", "--json", env={"FOURLOOKS_NOW": "2026-12-01T20:00"})
    assert later["review_due"] == "past_due"


def test_bad_task_edits_change_nothing(cli):
    short = add(cli, "Budget draft", "--due", "2026-11-30")
    before = cli.json("task", "list", "--json")
    for args, code, message in (
        ([short], 2, "give --title, --due or --owner"),
        ([short, "--title", "  "], 2, ""),
        ([short, "--title", "two\nlines"], 2, ""),
        ([short, "--due", "someday"], 2, ""),
        (["abcdef12", "--title", "x"], 1, "no task with id 'abcdef12'"),
    ):
        result = cli("task", "edit", *args)
        assert result.exit_code == code, (args, result.stderr)
        assert message in result.stderr and result.stderr.count("\n") == 1
    assert cli.json("task", "list", "--json") == before
