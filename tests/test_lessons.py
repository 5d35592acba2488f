"""Lessons: what went wrong, the month's faults, a task's lessons, and how often each came back."""

from __future__ import annotations

import io
import json
import sqlite3

from pty_harness import answer, finish, spawn, stop


def wrong(cli, day, text):
    """A daily review of `day` whose only answer is what went wrong: one lesson."""
    answers = json.dumps({"daily.back.went_wrong": text})
    cli.ok("review", "--full", "--date", day, "--answers", "-", input=answers)


def ids(cli, *more):
    return [line.split()[0] for line in cli.ok("lessons", *more).stdout.splitlines()]


def links(journal_file):
    with sqlite3.connect(journal_file) as conn:
        return conn.execute("SELECT * FROM lesson_links ORDER BY lesson_id").fetchall()


def test_answers_to_the_fault_questions_are_the_lessons_newest_first(cli):
    wrong(cli, "2026-11-20", "Answered the client email late")
    cli.ok(
        "review", "--monthly", "--month", "2026-10", "--answers", "-",
        input=json.dumps({"monthly.back.faults": "Promised dates I could not keep",
                          "monthly.back.criticism": "Not a lesson: criticism heard"}),
    )  # fmt: skip
    task = cli.ok("task", "add", "Survey drivers").stdout.strip()
    cli.ok(
        "review", "--task", task, "--date", "2026-11-22", "--answers", "-",
        input=json.dumps({"task.back.state": "done", "task.ahead.lesson": "Ask the drivers first"}),
    )
    listed = cli.ok("lessons").stdout.splitlines()
    assert [line.split("  ")[1:3] for line in listed] == [
        ["2026-11-22", "task"], ["2026-11-20", "day"], ["2026-10-31", "month"],
    ]  # fmt: skip
    assert listed[0].endswith("Ask the drivers first")
    assert "日省" in cli.ok("--lang", "zh", "lessons").stdout
    data = cli.json("lessons", "--json")
    assert [item["question_id"] for item in data] == [
        "task.ahead.lesson", "daily.back.went_wrong", "monthly.back.faults",
    ]  # fmt: skip
    assert all(item["times"] == 1 and item["same_as"] == [] for item in data)
    assert cli.json("lessons", "--recurring", "--json") == []
    assert "No lesson has come back yet." in cli.ok("lessons", "--recurring").stderr


def test_a_link_counts_the_lesson_again_and_unlink_undoes_it(cli):
    wrong(cli, "2026-08-12", "Answered the client email late")
    wrong(cli, "2026-09-30", "Client email late again")
    wrong(cli, "2026-11-02", "Late with the client's email")
    wrong(cli, "2026-11-03", "Forgot to water the plants")
    newest, third, second, first = ids(cli)
    said = cli.ok("lessons", "link", second, first).stdout
    assert said == "The same lesson: 2 times since August 2026.\n"
    # Either order, any prefix: the later of the two is the one that came back.
    said = cli.ok("lessons", "link", second[:6], third).stdout
    assert said == "The same lesson: 3 times since August 2026.\n"
    recurring = cli.json("lessons", "--recurring", "--json")
    assert [(item["date"], item["nth"], item["times"]) for item in recurring] == [
        ("2026-11-02", 3, 3), ("2026-09-30", 2, 3), ("2026-08-12", 1, 3),
    ]  # fmt: skip
    assert recurring[0]["dates"] == ["2026-08-12", "2026-09-30", "2026-11-02"]
    lines = cli.ok("lessons").stdout.splitlines()
    assert "  3×  Late with the client's email  since 2026-08-12" in lines[1]
    assert "3×" not in lines[0]  # the plants are a lesson of their own
    zh = cli.ok("--lang", "zh", "lessons", "link", newest, first).stdout
    assert zh == "同一条教训：自2026年8月以来已出现 4 次。\n"
    said = cli.ok("lessons", "unlink", first, newest).stdout
    assert said == f"Unlinked: lesson {newest} now counts 1 time.\n"
    said = cli.ok("lessons", "unlink", third, second).stdout
    assert said == f"Unlinked: lesson {third} now counts 1 time.\n"
    assert [item["times"] for item in cli.json("lessons", "--json")] == [1, 1, 2, 2]


def test_bad_links_are_one_line_and_change_nothing(cli, journal_file):
    wrong(cli, "2026-11-01", "Late with the email")
    wrong(cli, "2026-11-02", "Late with the email again")
    cli.ok("add", "--look", "back", "A plain note, not a lesson")
    later, earlier = ids(cli)
    cli.ok("lessons", "link", later, earlier)
    note = cli.json("list", "--json")[0]["id"]
    before = links(journal_file)
    assert len(before) == 1
    cases = [
        (["link", later, later], 2, "a lesson is not linked to itself"),
        (["link", later, earlier], 2, "already the same lesson"),
        (["link", later, "f" * 9], 1, "no lesson with id 'fffffffff'"),
        (["link", later, "xyz"], 1, "ids are made of 0-9, a-f and -"),
        (["link", later, note], 1, "no lesson with id"),
        (["unlink", later, later], 2, "a lesson is not linked to itself"),
    ]
    for args, code, message in cases:
        result = cli("lessons", *args)
        assert result.exit_code == code, (args, result.output)
        assert message in result.stderr and result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.output
    assert links(journal_file) == before
    cli.ok("lessons", "unlink", later, earlier)
    refused = cli("lessons", "unlink", later, earlier)
    assert refused.exit_code == 2 and "are not linked; nothing changed" in refused.stderr
    assert links(journal_file) == []


def test_an_ambiguous_prefix_lists_the_candidate_lessons(cli, tmp_path):
    wrong(cli, "2026-11-01", "Late with the email")
    base = cli.json("export", "--format", "json")
    entry = next(e for e in base["entries"] if e["question_id"] == "daily.back.went_wrong")
    twins = []
    for suffix in ("1", "2"):
        twin = dict(entry, id=f"abcdef{suffix}0-0000-4000-8000-000000000000")
        twin["text"] = f"Late with the email, copy {suffix}"
        twins.append(twin)
    base["entries"] = twins
    base["reviews"] = [r for r in base["reviews"] if r["id"] == entry["review_id"]]
    path = tmp_path / "twins.json"
    path.write_text(json.dumps(base), encoding="utf-8")
    cli.ok("import", str(path))
    refused = cli("lessons", "link", "abcdef", ids(cli)[-1])
    assert refused.exit_code == 1 and refused.stderr.count("\n") == 1
    assert "'abcdef' matches several lesson ids: abcdef10, abcdef20" in refused.stderr


# ---------------------------------------------------------------- at a terminal: the same one?


def full_daily(cli) -> int:
    """How many questions the full daily review asks (what went wrong is the second)."""
    asked = cli.json("questions", "--cadence", "daily", "--full", "--json")
    assert asked[1]["id"] == "daily.back.went_wrong"
    return len(asked)


def test_a_lesson_written_at_a_terminal_is_asked_about_and_linked_when_the_same(cli):
    total = full_daily(cli)
    wrong(cli, "2026-08-12", "Answered the client email late")
    wrong(cli, "2026-09-30", "Forgot to water the plants")
    child = spawn("review", "--full")
    child.logfile_read = screen = io.StringIO()
    answer(child, 1, total, "")
    answer(child, 2, total, "The client email was late again")
    child.expect_exact("Earlier lessons like this one")
    child.expect_exact("Is it the same one as 2026-08-12: Answered the client email late")
    child.expect_exact("(written 1 time)?")
    child.expect_exact("1 the same  2 another")
    child.expect_exact("> ")
    child.sendline("y")
    child.expect_exact("The same lesson: 2 times since August 2026.")
    for number in range(3, total + 1):
        answer(child, number, total, "")
    child.expect_exact("complete")
    assert finish(child) == 0
    recurring = cli.json("lessons", "--recurring", "--json")
    assert [(item["date"], item["times"]) for item in recurring] == [
        ("2026-11-26", 2), ("2026-08-12", 2),
    ]  # fmt: skip
    assert "plants" not in screen.getvalue()  # not like it: not offered


def test_another_lesson_stays_unlinked_and_a_piped_review_asks_nothing(cli):
    total = full_daily(cli)
    wrong(cli, "2026-08-12", "Answered the client email late")
    child = spawn("--lang", "zh", "review", "--full")
    answer(child, 1, total, "")
    answer(child, 2, total, "Client email late, but for a new reason")
    child.expect_exact("以前相似的教训")
    child.expect_exact("和 2026-08-12 的这条是同一条吗：Answered the client email late")
    child.expect_exact("（已记 1 次）？")
    child.expect_exact("> ")
    child.sendline("2")
    child.expect_exact(f"[3/{total}]")
    stop(child)
    assert finish(child) == 130
    assert cli.json("lessons", "--recurring", "--json") == []
    # Piped, the same words: the answers line up with `questions --date` and nothing is asked.
    lines = "\n".join(["", "Client email late once more", *[""] * (total - 2)]) + "\n"
    done = cli.ok("review", "--full", "--date", "2026-11-25", input=lines)
    assert "Earlier lessons" not in done.output
    assert [item["times"] for item in cli.json("lessons", "--json")] == [1, 1, 1]
