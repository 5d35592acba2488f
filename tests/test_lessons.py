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
    # Its closing names the likest earlier lesson and the command that would link them.
    new = ids(cli)[1]  # 2026-11-25, before tonight's
    first = ids(cli)[-1]
    assert done.stderr.endswith(
        f"Lesson {new} is like one of 2026-08-12: if it is the same one,"
        f" fourlooks lessons link {new} {first}\n"
    )


# ---------------------------------------------------------------- carried by the JSON export


def linked_journal(cli):
    wrong(cli, "2026-08-12", "Answered the client email late")
    wrong(cli, "2026-09-30", "Client email late again")
    wrong(cli, "2026-11-02", "Late with the client's email")
    newest, middle, first = ids(cli)
    cli.ok("lessons", "link", middle, first)
    cli.ok("lessons", "link", newest, middle)
    return newest, middle, first


def test_links_survive_export_and_import_byte_identical_and_merge_idempotently(cli, tmp_path):
    linked_journal(cli)
    first = tmp_path / "first.json"
    cli.ok("export", "--out", str(first))
    document = json.loads(first.read_text(encoding="utf-8"))
    assert list(document) == ["format", "version", "entries", "tasks", "reviews", "lesson_links"]
    assert [list(link) for link in document["lesson_links"]] == [
        ["lesson_id", "same_as", "created_at"]
    ] * 2
    other = ["--db", str(tmp_path / "other.db")]
    report = cli.json(*other, "import", str(first), "--json")
    assert report["lesson_links"] == {"added": 2, "updated": 0, "skipped": 0}
    again = cli.json(*other, "import", str(first), "--json")
    assert again["lesson_links"] == {"added": 0, "updated": 0, "skipped": 2}
    second = tmp_path / "second.json"
    cli.ok(*other, "export", "--out", str(second))
    assert second.read_bytes() == first.read_bytes()
    assert cli.json(*other, "lessons", "--json") == cli.json("lessons", "--json")
    # A link made on one machine reaches the other by the next export and import.
    wrong(cli, "2026-11-20", "The client email, late")
    cli.ok("lessons", "link", ids(cli)[0], ids(cli)[1])
    cli.ok("export", "--out", str(first), "--force")
    assert cli.json(*other, "import", str(first), "--json")["lesson_links"]["added"] == 1
    assert cli.json(*other, "lessons", "--json")[0]["times"] == 4


def test_a_journal_without_links_exports_no_lesson_links_key(cli, tmp_path):
    wrong(cli, "2026-08-12", "Answered the client email late")
    out = tmp_path / "e.json"
    cli.ok("export", "--out", str(out))
    assert list(json.loads(out.read_text(encoding="utf-8"))) == [
        "format", "version", "entries", "tasks", "reviews",
    ]  # fmt: skip


def test_a_filtered_export_carries_the_links_between_the_lessons_it_chose(cli, tmp_path):
    linked_journal(cli)
    out = tmp_path / "autumn.json"
    cli.ok("export", "--from", "2026-09-01", "--out", str(out))
    document = json.loads(out.read_text(encoding="utf-8"))
    chosen = {entry["id"] for entry in document["entries"]}
    [link] = document["lesson_links"]
    assert {link["lesson_id"], link["same_as"]} <= chosen


def test_an_import_with_a_bad_link_is_refused_whole(cli, tmp_path):
    linked_journal(cli)
    out = tmp_path / "e.json"
    cli.ok("export", "--out", str(out))
    good = json.loads(out.read_text(encoding="utf-8"))
    link = good["lesson_links"][0]
    cases = [
        (dict(link, same_as=link["lesson_id"]), "a lesson is not linked to itself"),
        (dict(link, same_as="0" * 8 + "-0000-4000-8000-" + "0" * 12), "is in neither the file"),
        (dict(link, note="x"), "note"),
        (dict(link, created_at="yesterday"), "created_at"),
    ]
    for bad, problem in cases:
        broken = dict(good, lesson_links=[bad])
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(broken), encoding="utf-8")
        target = ["--db", str(tmp_path / "fresh.db")]
        refused = cli(*target, "import", str(path))
        assert refused.exit_code != 0 and problem in refused.stderr, (bad, refused.stderr)
        assert "nothing was imported" in refused.stderr and refused.stderr.count("\n") == 1
        assert cli.json(*target, "list", "--json") == []
    twice = dict(good, lesson_links=[link, dict(link, lesson_id=link["same_as"],
                                                same_as=link["lesson_id"])])  # fmt: skip
    path.write_text(json.dumps(twice), encoding="utf-8")
    refused = cli("--db", str(tmp_path / "fresh.db"), "import", str(path))
    assert "the same link as lesson link #1" in refused.stderr


def test_the_markdown_exports_say_how_often_a_lesson_was_written(cli, tmp_path):
    linked_journal(cli)
    wrong(cli, "2026-11-03", "Forgot to water the plants")
    text = cli.ok("export", "--format", "markdown").stdout
    assert (
        "- Late with the client's email\n"
        "  Lesson written 3 times since 2026-08-12; this is time 3.\n"
    ) in text
    assert "- Client email late again\n  Lesson written 3 times" in text
    assert "- Forgot to water the plants\n" in text
    assert "plants\n  Lesson" not in text  # written once: nothing to say
    zh = cli.ok("--lang", "zh", "export", "--format", "markdown").stdout
    assert "这条教训自 2026-08-12 以来记了 3 次，这是第 1 次。" in zh
    folder = tmp_path / "notes"
    cli.ok("export", "--out", f"{folder}/")
    day = next(folder.rglob("2026-09-30*.md")).read_text(encoding="utf-8")
    assert "Lesson written 3 times since 2026-08-12; this is time 2." in day


def test_search_finds_lessons_as_it_finds_every_answer(cli):
    linked_journal(cli)
    found = cli.json("search", "client email", "--json")
    assert len(found) == 3


def test_an_export_does_not_replace_a_file_holding_a_link_the_journal_lacks(cli, tmp_path):
    newest, middle, _ = linked_journal(cli)
    out = tmp_path / "e.json"
    cli.ok("export", "--out", str(out))
    cli.ok("lessons", "unlink", newest, middle)
    refused = cli("export", "--out", str(out))
    assert refused.exit_code == 1 and "(1 lesson link)" in refused.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["lesson_links"]) == 2


# ---------------------------------------------------------------- the report


def test_the_report_names_the_lessons_new_and_come_back_in_every_format(cli):
    linked_journal(cli)  # August, September, November: one lesson, three times
    wrong(cli, "2026-11-03", "Forgot to water the plants")
    text = cli.ok("report", "-m", "2026-11").stdout
    section = text[text.index("Lessons: new and come back") : text.index("Highlights")]
    assert "Came back this month: 1\n  11-02  Late with the client's email  (3 times since" in (
        section
    )
    assert "August 2026)" in section
    assert "Written for the first time: 1\n  11-03  Forgot to water the plants\n" in section
    md = cli.ok("report", "-m", "2026-11", "--format", "markdown").stdout
    assert "## Lessons: new and come back\n\n**Came back this month: 1**\n\n- 11-02  Late" in md
    data = cli.json("report", "-m", "2026-11", "--json")["lessons"]
    assert [(item["date"], item["nth"], item["since"]) for item in data["recurring"]] == [
        ("2026-11-02", 3, "2026-08-12")
    ]
    assert [item["text"] for item in data["new"]] == ["Forgot to water the plants"]
    september = cli.json("report", "-m", "2026-09", "--json")["lessons"]
    assert [item["nth"] for item in september["recurring"]] == [2]  # the second time, then
    zh = cli.ok("--lang", "zh", "report", "-m", "2026-11").stdout
    assert "本月重犯：1" in zh and "（自2026年8月以来第 3 次）" in zh and "首次记下：1" in zh
    quiet = cli.ok("report", "-m", "2026-10").stdout
    assert "No lesson written this month" in quiet
    assert cli.json("report", "-m", "2026-10", "--json")["lessons"] == {"new": [], "recurring": []}


def test_the_monthly_audit_opens_with_the_lessons_that_came_back_this_month(cli):
    linked_journal(cli)  # the third time on 2026-11-02
    wrong(cli, "2026-11-03", "Forgot to water the plants")
    child = spawn("review", "--monthly", now="2026-11-30T21:00:00")
    child.logfile_read = screen = io.StringIO()
    child.expect_exact("Monthly self-audit · 2026-11")
    child.expect_exact("Lessons that came back in November 2026")
    child.expect_exact("2026-11-02  Late with the client's email  (3 times since August 2026)")
    child.expect_exact("[1/")
    stop(child)
    assert finish(child) == 130
    assert "plants" not in screen.getvalue()  # new this month, not come back
    september = spawn("--lang", "zh", "review", "--monthly", "--month", "2026-09",
                    now="2026-11-30T21:00:00")  # fmt: skip
    september.expect_exact("2026年9月重犯的教训")
    september.expect_exact("2026-09-30  Client email late again  （自2026年8月以来第 2 次）")
    september.expect_exact("[1/")
    stop(september)
    assert finish(september) == 130


def test_earlier_lessons_like_a_new_one_share_telling_words_in_either_language(cli, journal_file):
    from fourlooks import lessons
    from fourlooks.store import open_journal

    wrong(cli, "2026-08-12", "今天开会前准备不足，又迟到了")
    wrong(cli, "2026-08-13", "Answered the client email late")
    wrong(cli, "2026-08-14", "The report was late and the slides were too long")
    wrong(cli, "2026-08-15", "Forgot to water the plants")
    wrong(cli, "2026-11-20", "开会迟到，准备不足")
    wrong(cli, "2026-11-21", "Client email late again")
    with open_journal(journal_file) as journal:
        found = {lesson.entry.date: lesson.entry for lesson in lessons.register(journal)}
        alike = {
            day: [lesson.entry.date for lesson in lessons.candidates(journal, found[day])]
            for day in ("2026-11-20", "2026-11-21", "2026-08-15", "2026-08-12")
        }
    # Two telling words shared: the meeting pairs, client and email; "late" alone is not enough.
    assert alike == {
        "2026-11-20": ["2026-08-12"],
        "2026-11-21": ["2026-08-13"],
        "2026-08-15": [],
        "2026-08-12": [],  # only earlier lessons are offered
    }
    # A tag both carry brings an earlier lesson first, words shared or not.
    cli.ok("edit", found["2026-08-15"].id, "-t", "email")
    cli.ok("edit", found["2026-11-21"].id, "-t", "email")
    with open_journal(journal_file) as journal:
        new = lessons.register(journal)[0].entry
        assert new.date == "2026-11-21"
        offered = [lesson.entry.date for lesson in lessons.candidates(journal, new)]
    assert offered == ["2026-08-15", "2026-08-13"]


def test_similar_lists_what_a_review_at_a_terminal_would_have_offered(cli):
    wrong(cli, "2026-08-12", "Answered the client email late")
    wrong(cli, "2026-08-15", "Forgot to water the plants")
    wrong(cli, "2026-11-21", "Client email late again")  # piped: stored unlinked
    newest, plants, first = ids(cli)
    lines = cli.ok("lessons", "similar", newest).stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{first}  2026-08-12  day")
    assert [item["date"] for item in cli.json("lessons", "similar", newest, "--json")] == [
        "2026-08-12"
    ]
    none = cli.ok("lessons", "similar", plants)
    assert none.stdout == "" and "No earlier lesson shares enough words" in none.stderr
    refused = cli("lessons", "similar", "f" * 9)
    assert refused.exit_code == 1 and refused.stderr.count("\n") == 1
