"""Goals: a year's or a month's, served by tasks; carried by the JSON export and import."""

from __future__ import annotations

import json
import re
import sqlite3


def goal(cli, text, *more):
    return cli.ok("goal", "add", text, *more).stdout.strip()


def task(cli, title, *more):
    return cli.ok("task", "add", title, *more).stdout.strip()


def test_two_year_goals_and_a_month_goal_listed_with_their_tasks(cli):
    rota = goal(cli, "Ship the rota app")  # this year unless told
    books = goal(cli, "Read 20 books", "--year", "2027")
    budget = goal(cli, "Budget approved", "--month", "2026-12")
    survey = task(cli, "Survey drivers", "--goal", rota)
    task(cli, "Unrelated chore")
    listed = cli.ok("goal", "list").stdout.splitlines()
    assert [line.split()[:2] for line in listed] == [
        [rota, "2026"],
        [budget, "2026-12"],
        [books, "2027"],
    ]
    assert "Ship the rota app  (tasks: 1)" in listed[0]
    shown = cli.ok("goal", "show", rota).stdout
    assert "goal:     Ship the rota app" in shown and "for:      2026" in shown
    assert re.search(r"^created:  \d{4}-\d\d-\d\d \d\d:\d\d$", shown, re.M)  # local, to the minute
    assert f"  {survey}  new           Survey drivers" in shown
    data = cli.json("goal", "show", rota, "--json")
    assert data["state"] == "open" and [t["title"] for t in data["tasks"]] == ["Survey drivers"]
    assert data["task_ids"] == [t["id"] for t in data["tasks"]]
    assert "任务：0" in cli.ok("--lang", "zh", "goal", "list").stdout


def test_done_and_drop_close_a_goal_once_and_a_closed_goal_takes_no_task(cli):
    rota = goal(cli, "Ship the rota app")
    books = goal(cli, "Read 20 books")
    assert f"Goal {rota} reached." in cli.ok("goal", "done", rota).stderr
    assert f"Goal {books} dropped." in cli.ok("goal", "drop", books).stderr
    assert cli.json("goal", "list", "--json") == []
    states = {g["text"]: g["state"] for g in cli.json("goal", "list", "--all", "--json")}
    assert states == {"Ship the rota app": "done", "Read 20 books": "dropped"}
    again = cli("goal", "drop", rota)
    assert again.exit_code == 1 and "already done" in again.stderr
    refused = cli("task", "add", "Late idea", "--goal", rota)
    assert refused.exit_code == 2 and refused.stderr.count("\n") == 1
    assert "is done: a task cannot serve it" in refused.stderr
    assert cli.json("task", "list", "--all", "--json") == []  # nothing stored


def test_bad_goal_input_is_one_line_and_changes_nothing(cli, journal_file):
    goal(cli, "Ship the rota app")
    cases = [
        (["goal", "add", "x", "--month", "Smarch"], "not a month"),
        (["goal", "add", "x", "--year", "2026", "--month", "2026-12"], "cannot be combined"),
        (["goal", "add", "   "], "nothing stored"),
        (["goal", "show", "zz"], "ids are made of"),
        (["goal", "done", "0000"], "no goal with id"),
        (["task", "add", "x", "--goal", "0000"], "no goal with id"),
    ]
    before = journal_file.read_bytes()
    for args, says in cases:
        result = cli(*args)
        assert result.exit_code != 0, args
        assert result.stderr.count("\n") == 1 and says in result.stderr, (args, result.stderr)
    assert journal_file.read_bytes() == before


def test_an_ambiguous_goal_id_lists_candidates(cli, journal_file):
    ids = [goal(cli, f"Goal {n}") for n in range(2)]
    with sqlite3.connect(journal_file) as conn:  # two ids sharing a prefix, as chance may give
        conn.execute("UPDATE goals SET id = 'ab' || substr(id, 3)")
    result = cli("goal", "show", "ab")
    assert result.exit_code == 1 and "matches several goal ids" in result.stderr
    assert all(goal_id[2:8] in result.stderr for goal_id in ids)


def test_goals_survive_export_and_import_byte_identical_and_merge_idempotently(cli, tmp_path, home):
    rota = goal(cli, "Ship the rota app")
    task(cli, "Survey drivers", "--goal", rota)
    cli.ok("goal", "done", goal(cli, "Budget approved", "--month", "2026-12"))
    first = tmp_path / "first.json"
    cli.ok("export", "--out", str(first))
    document = json.loads(first.read_text(encoding="utf-8"))
    assert list(document) == ["format", "version", "entries", "tasks", "reviews", "goals"]
    other = ["--db", str(tmp_path / "other.db")]
    report = cli.json(*other, "import", str(first), "--json")
    assert report["goals"] == {"added": 2, "updated": 0, "skipped": 0}
    again = cli.json(*other, "import", str(first), "--json")
    assert again["goals"] == {"added": 0, "updated": 0, "skipped": 2}
    second = tmp_path / "second.json"
    cli.ok(*other, "export", "--out", str(second))
    assert second.read_bytes() == first.read_bytes()
    # A newer copy wins: a task linked on one machine reaches the other.
    task(cli, "Pilot at one depot", "--goal", rota)
    cli.ok("export", "--out", str(first), "--force")
    assert cli.json(*other, "import", str(first), "--json")["goals"]["updated"] == 1
    shown = cli.json(*other, "goal", "show", rota, "--json")
    assert sorted(t["title"] for t in shown["tasks"]) == ["Pilot at one depot", "Survey drivers"]


def test_a_journal_without_goals_exports_no_goals_key(cli, tmp_path):
    cli.ok("add", "-l", "up", "x")
    out = tmp_path / "e.json"
    cli.ok("export", "--out", str(out))
    assert list(json.loads(out.read_text(encoding="utf-8"))) == [
        "format",
        "version",
        "entries",
        "tasks",
        "reviews",
    ]


def test_an_import_whose_goal_names_an_unknown_task_is_refused_whole(cli, tmp_path):
    rota = goal(cli, "Ship the rota app")
    task(cli, "Survey drivers", "--goal", rota)
    out = tmp_path / "e.json"
    cli.ok("export", "--out", str(out))
    document = json.loads(out.read_text(encoding="utf-8"))
    document["tasks"] = []
    out.write_text(json.dumps(document), encoding="utf-8")
    result = cli("--db", str(tmp_path / "other.db"), "import", str(out))
    assert result.exit_code != 0 and "goal #1" in result.stderr and "task_ids" in result.stderr
    assert result.stderr.count("\n") == 1


def test_the_report_shows_each_open_goal_with_its_tasks_in_every_format(cli):
    rota = goal(cli, "Ship the rota app", "--year", "2026")
    goal(cli, "Budget approved", "--month", "2026-11")
    goal(cli, "Not yet", "--year", "2027")  # after the report's month: not shown
    cli.ok("goal", "drop", goal(cli, "Dropped one", "--year", "2026"))
    survey = task(cli, "Survey drivers", "--goal", rota)
    task(cli, "Pilot at one depot", "--goal", rota)
    cli.ok("review", "--task", survey, input="under way\nhalf done\n\n\n\n")
    data = cli.json("report", "--month", "2026-11", "--json")
    assert [(g["period"], g["text"]) for g in data["open_goals"]] == [
        ("2026", "Ship the rota app"),
        ("2026-11", "Budget approved"),
    ]
    first = data["open_goals"][0]
    assert [(t["title"], t["state"], t["open"]) for t in first["tasks"]] == [
        ("Survey drivers", "under_way", True),
        ("Pilot at one depot", None, True),
    ]
    text = cli.ok("report", "--month", "2026-11").stdout
    section = text[text.index("Open goals") : text.index("Highlights")]
    assert "2026  Ship the rota app" in section and "under way: Survey drivers" in section
    assert "new: Pilot at one depot" in section and "Not yet" not in section
    assert "No task serves it yet" in section and "Dropped one" not in section
    markdown = cli.ok("report", "--month", "2026-11", "--format", "markdown").stdout
    assert "## Open goals\n\n- **2026** Ship the rota app\n  - under way: Survey drivers\n" in (
        markdown
    )
    chinese = cli.ok("--lang", "zh", "report", "--month", "2026-11").stdout
    assert "进行中的目标" in chinese and "进行中: Survey drivers" in chinese


def test_a_report_without_goals_says_how_to_set_one(cli):
    cli.ok("add", "-l", "up", "x")
    assert "No open goals for this month or its year" in cli.ok("report").stdout
    assert cli.json("report", "--json")["open_goals"] == []


def test_the_nightly_look_ahead_shows_the_open_goals_before_its_questions(cli):
    from pty_harness import answer, finish, spawn

    rota = goal(cli, "Ship the rota app", "--year", "2026")
    task(cli, "Survey drivers", "--goal", rota)
    goal(cli, "Later", "--year", "2027")  # not this year's: not shown
    cli.ok("goal", "done", goal(cli, "Reached already", "--year", "2026"))
    child = spawn("review", "--full")
    for number in range(1, 13):
        answer(child, number, 14, "")
    child.expect_exact("look ahead 向前看")
    child.expect_exact("Open goals")
    child.expect_exact(f"{rota}  2026     Ship the rota app  (tasks: 1)")
    child.expect_exact("[13/14]")
    shown = child.before
    assert "Later" not in shown and "Reached already" not in shown
    child.expect_exact("> ")
    child.sendline("")
    answer(child, 14, 14, "The rota app: survey the drivers")
    assert finish(child) == 0
    [stored] = [e for e in cli.json("list", "--json") if e["question_id"] == "daily.ahead.goal"]
    assert stored["text"] == "The rota app: survey the drivers"


def test_a_piped_review_shows_no_goals_and_asks_as_before(cli):
    goal(cli, "Ship the rota app")
    result = cli.ok("review", "--full", input="\n" * 13 + "the rota\n")
    assert "Open goals" not in result.output
