"""The monthly self-audit (月省): what its ratings mean, the month's focus, closing the month."""

from __future__ import annotations

import json

from pty_harness import finish, spawn, stop

QUALITIES = [
    "monthly.back.principles",
    "monthly.back.character",
    "monthly.back.style",
    "monthly.back.ability",
    "monthly.back.spirit",
]


def asked(cli, *options: str, env: dict | None = None) -> list[str]:
    listed = cli.json("questions", "--cadence", "monthly", *options, "--json", env=env)
    return [q["id"] for q in listed]


def lines(*answers) -> str:
    return "".join(f"{answer}\n" for answer in answers)


def test_the_ratings_say_what_1_3_and_5_mean_in_the_listing_in_both_languages(cli):
    listed = cli.ok("questions", "--cadence", "monthly", "--look", "back").stdout
    assert (
        "1 gave way on principle when it was inconvenient · 3 held to principle, but gave way"
        " when it cost me · 5 held to principle and put the common good first, even at a cost"
    ) in listed
    zh = cli.ok("--lang", "zh", "questions", "--cadence", "monthly", "--look", "back").stdout
    assert "1 图省事时在原则上让了步 · 3 平时能坚持原则，要吃亏时就退让" in zh
    [image] = [q for q in cli.json("questions", "-c", "monthly", "--json") if "image" in q["id"]]
    assert image["anchors"] == [
        "people trust me less than before",
        "seen as reliable, nothing more",
        "people seek me out and trust my word",
    ]


def test_the_rating_prompt_shows_its_anchors_at_a_terminal():
    child = spawn("--lang", "zh", "review", "--monthly")
    child.expect_exact("[1/14] 这个月你坚持原则、把大局放在个人得失之前，做得怎样？")
    child.expect_exact("  1  图省事时在原则上让了步")
    child.expect_exact("  3  平时能坚持原则，要吃亏时就退让")
    child.expect_exact("  5  吃亏也坚持原则，始终把大局放在前面")
    child.expect_exact("> ")
    child.sendline("4")
    child.expect_exact("[2/14]")
    child.expect_exact("  5  整月待人处事都正直公道")
    child.expect_exact("> ")
    child.sendline("3")
    for number in (3, 4):
        child.expect_exact(f"[{number}/14]")
        child.expect_exact("> ")
        child.sendline("3")
    # November's focus, named as such, with its anchors too.
    child.expect_exact("[5/14] 本月重点：你的工作作风有多扎实？是不是从实际出发、不做表面文章？")
    child.expect_exact("  1  表面功夫多，实事少")
    stop(child)
    assert finish(child) == 130


def test_each_month_takes_one_quality_as_its_focus_in_turn(cli):
    months = ["2026-09", "2026-10", "2026-11", "2026-12", "2027-01"]
    now = {"FOURLOOKS_NOW": "2027-01-20T12:00"}
    focus = []
    for month in months:
        ids = asked(cli, "--date", month, env=now)
        assert ids[:4] == [
            "monthly.back.commitment",
            "monthly.back.conduct",
            "monthly.back.image",
            "monthly.back.performance",
        ]
        [quality] = [qid for qid in ids if qid in QUALITIES]
        assert ids[4] == quality and len(ids) == 14
        focus.append(quality)
    assert focus == QUALITIES  # five months, each quality once, in the bank's order
    assert (
        asked(cli, "--date", "2027-02", env={"FOURLOOKS_NOW": "2027-02-20T12:00"})[4]
        == (QUALITIES[0])
    )
    # A day names its month; the current audit is the default.
    assert asked(cli, "--date", "2026-11-03") == asked(cli) == asked(cli, "--date", "2026-11")


def test_the_whole_set_is_asked_with_full_or_when_switched_on(cli, home):
    assert [q for q in asked(cli, "--full") if q in QUALITIES] == QUALITIES
    piped = ["4", "3", "4", "3", *["4"] * 5, *[""] * 9]
    result = cli.ok("review", "--monthly", "--full", input=lines(*piped))
    assert "complete: 9 answered, 9 skipped" in result.stderr
    home.mkdir(exist_ok=True)
    (home / "config.toml").write_text('optional_sets = ["qualities"]\n', encoding="utf-8")
    assert [q for q in asked(cli) if q in QUALITIES] == QUALITIES
    # One quality switched off by id is never the focus.
    (home / "config.toml").write_text("", encoding="utf-8")
    (home / "questions.toml").write_text('disabled = ["monthly.back.style"]\n', encoding="utf-8")
    months = [f"2026-{n:02d}" for n in range(1, 9)]
    focus = {asked(cli, "--date", month)[4] for month in months}
    assert focus == set(QUALITIES) - {"monthly.back.style"}


def test_a_piped_audit_answers_the_questions_its_listing_prints(cli):
    ids = asked(cli, "--date", "2026-10")
    # Five ratings (the self-audit and the focus), a number first; then text.
    piped = [f"{n % 5 + 1} on {qid}" if n < 5 else f"on {qid}" for n, qid in enumerate(ids)]
    cli.ok("review", "--monthly", "--month", "2026-10", input=lines(*piped))
    saved = {e["question_id"]: e for e in cli.json("list", "--json", "-n", "0")}
    assert set(saved) == set(ids)
    for n, qid in enumerate(ids):
        assert saved[qid]["text"] == f"on {qid}" and saved[qid]["date"] == "2026-10-31"
        assert saved[qid]["rating"] == (n % 5 + 1 if n < 5 else None)


def november_audit(cli, tmp_path, **answers) -> None:
    """November's audit, answered from a file on its last evening."""
    path = tmp_path / "november.json"
    path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    nov = {"FOURLOOKS_NOW": "2026-11-30T21:00"}
    cli.ok("review", "--monthly", "--month", "2026-11", "--answers", str(path), env=nov)


def test_the_december_audit_closes_november_goal_faults_and_owners(cli, tmp_path):
    november_audit(
        cli,
        tmp_path,
        **{
            "monthly.back.faults": ["Interrupting people in meetings", "Answering mail at night"],
            "monthly.ahead.goal": "Publish the rota before the 25th",
            "monthly.ahead.owners": "Rota: Li\nBudget: me",
        },
    )
    # The goal November's audit set is December's goal, as `goal add --month` would store it.
    [goal] = cli.json("goal", "list", "--json")
    assert (goal["text"], goal["period"], goal["state"]) == (
        "Publish the rota before the 25th",
        "2026-12",
        "open",
    )
    child = spawn("review", "--monthly", now="2026-12-30T21:00:00")
    child.expect_exact("Monthly self-audit · 2026-12")
    child.expect_exact("What November 2026 set out to do")
    child.expect_exact("[1/1] Goal for December 2026: Publish the rota before the 25th")
    child.expect_exact("Was it met?")
    child.expect_exact("1 met  2 partly met  3 not met  4 dropped")
    child.expect_exact("> ")
    child.sendline("1 published on the 20th")
    child.expect_exact("[1/2] A fault named in November 2026: Interrupting people in meetings")
    child.expect_exact("Fixed, or did it come back?")
    child.expect_exact("1 fixed  2 recurred")
    child.expect_exact("> ")
    child.sendline("2 twice, in the budget meeting")
    child.expect_exact("[2/2] A fault named in November 2026: Answering mail at night")
    child.expect_exact("> ")
    child.sendline("")  # skipped: asked again
    child.expect_exact("Rota: Li")
    child.expect_exact("Budget: me")
    child.expect_exact("[1/14]")
    stop(child)
    assert finish(child) == 130

    # Stored as the audit's answers, with their outcome; the goal met is done.
    [goal] = cli.json("goal", "list", "--all", "--json")
    assert goal["state"] == "done"
    answered = {
        e["question_id"]: e
        for e in cli.json("list", "--json", "-n", "0")
        if e["date"] == "2026-12-31"
    }
    met, fault = answered["monthly.back.goal_met"], answered["monthly.back.fault_fixed"]
    assert (met["choice"], met["text"], met["cadence"]) == (
        "met",
        "Publish the rota before the 25th\npublished on the 20th",
        "monthly",
    )
    assert (fault["choice"], fault["look"]) == ("recurred", "back")
    assert fault["text"] == "Interrupting people in meetings\ntwice, in the budget meeting"
    listed = cli.ok("list", "-n", "0").stdout
    assert "Fault fixed?: recurred — Interrupting people in meetings" in listed
    assert "Goal met?: met — Publish the rota before the 25th" in listed

    # Taken up again, the audit asks only the fault that was skipped.
    child = spawn("review", "--monthly", now="2026-12-31T09:00:00")
    child.expect_exact("[1/1] A fault named in November 2026: Answering mail at night")
    before = child.before
    assert "Publish the rota" not in before and "Interrupting" not in before
    child.expect_exact("> ")
    child.sendline("fixed")
    child.expect_exact("[1/14]")
    stop(child)
    assert finish(child) == 130


def test_what_is_left_open_comes_back_the_next_month_and_what_is_settled_does_not(cli, tmp_path):
    november_audit(
        cli,
        tmp_path,
        **{
            "monthly.back.faults": "Interrupting people\nAnswering mail at night",
            "monthly.ahead.goal": "Publish the rota before the 25th",
        },
    )
    cli.ok("goal", "add", "Clear the backlog", "--month", "2026-12")
    cli.ok("goal", "add", "Hire a driver", "--month", "2026-12")
    child = spawn("review", "--monthly", now="2026-12-30T21:00:00")
    for number, typed in ((1, "partly: the draft is out"), (2, "3"), (3, "dropped")):
        child.expect_exact(f"[{number}/3] Goal for December 2026")
        child.expect_exact("> ")
        child.sendline(typed)
    child.expect_exact("[1/2] A fault named in November 2026: Interrupting people")
    child.expect_exact("> ")
    child.sendline("")
    child.expect_exact("[2/2] A fault named in November 2026: Answering mail at night")
    child.expect_exact("> ")
    child.sendline("fixed")
    child.expect_exact("[1/14]")
    stop(child)
    assert finish(child) == 130
    states = {g["text"]: g["state"] for g in cli.json("goal", "list", "--all", "--json")}
    assert states == {
        "Publish the rota before the 25th": "open",
        "Clear the backlog": "open",
        "Hire a driver": "dropped",
    }

    # January: the goals partly or not met are still open, asked again; the skipped fault too.
    child = spawn("review", "--monthly", now="2027-01-30T21:00:00")
    child.expect_exact("What December 2026 set out to do")
    child.expect_exact("[1/2] Goal for December 2026: Publish the rota before the 25th")
    child.expect_exact("> ")
    child.sendline("met")
    child.expect_exact("[2/2] Goal for December 2026: Clear the backlog")
    child.expect_exact("> ")
    child.sendline("")
    child.expect_exact("[1/1] A fault named in November 2026: Interrupting people")
    before = child.before
    assert "Hire a driver" not in before and "Answering mail" not in before
    child.expect_exact("> ")
    child.sendline("")
    child.expect_exact("[1/14]")
    stop(child)
    assert finish(child) == 130
    states = {g["text"]: g["state"] for g in cli.json("goal", "list", "--all", "--json")}
    assert states["Publish the rota before the 25th"] == "done"
    outcomes = sorted(
        (e["date"], e["choice"])
        for e in cli.json("list", "--json", "-n", "0")
        if e["question_id"] == "monthly.back.goal_met"
    )
    assert outcomes == [
        ("2026-12-31", "dropped"),
        ("2026-12-31", "not_met"),
        ("2026-12-31", "partly"),
        ("2027-01-31", "met"),
    ]


def test_an_audit_from_before_goals_were_stored_is_closed_by_its_answer(cli, standard_journal_file):
    # October's audit (journal_builder) named a goal as text, and a fault; no goal is stored.
    assert cli.json("goal", "list", "--all", "--json") == []
    child = spawn("--lang", "zh", "review", "--monthly", now="2026-11-29T21:00:00")
    child.expect_exact("2026年10月定下的事")
    child.expect_exact("[1/1] 2026年11月的目标：Publish the rota before the 25th")
    child.expect_exact("达到了吗？")
    child.expect_exact("1 达到了  2 部分达到  3 没达到  4 放弃")
    child.expect_exact("> ")
    child.sendline("部分达到 还差两个班组")
    child.expect_exact("[1/1] 2026年10月提出要改的毛病：Interrupting people in meetings")
    child.expect_exact("改掉了，还是又犯了？")
    child.expect_exact("> ")
    child.sendline("改掉了")
    child.expect_exact("[1/14]")
    stop(child)
    assert finish(child) == 130
    found = {e["question_id"]: e for e in cli.json("list", "--json", "-n", "0")}
    goal, fault = found["monthly.back.goal_met"], found["monthly.back.fault_fixed"]
    assert (goal["choice"], goal["text"]) == (
        "partly",
        "Publish the rota before the 25th\n还差两个班组",
    )
    assert fault["choice"] == "fixed" and fault["commitment_id"]
    # Answered, neither is asked again.
    child = spawn("review", "--monthly", now="2026-11-29T22:00:00")
    child.expect_exact("[1/14]")
    assert "Publish the rota" not in child.before and "Interrupting" not in child.before
    stop(child)
    assert finish(child) == 130


def test_a_closed_month_goes_through_the_json_export_and_back_unchanged(cli, tmp_path):
    november_audit(
        cli,
        tmp_path,
        **{"monthly.back.faults": "Interrupting people", "monthly.ahead.goal": "Publish it"},
    )
    child = spawn("review", "--monthly", now="2026-12-30T21:00:00")
    for typed in ("1 on the 20th", "recurred"):
        child.expect_exact("[1/1]")
        child.expect_exact("> ")
        child.sendline(typed)
    child.expect_exact("[1/14]")
    stop(child)
    assert finish(child) == 130
    backup = tmp_path / "backup.json"
    cli.ok("export", "--out", str(backup))
    other = tmp_path / "other.db"
    cli.ok("--db", str(other), "import", str(backup))
    again = cli.ok("--db", str(other), "export", "--format", "json").stdout
    assert again.encode("utf-8") == backup.read_bytes()
    data = json.loads(again)
    assert [g["state"] for g in data["goals"]] == ["done"]
    outcomes = {e["question_id"]: e["choice"] for e in data["entries"] if e["choice"]}
    assert outcomes == {"monthly.back.goal_met": "met", "monthly.back.fault_fixed": "recurred"}


def test_a_piped_or_file_audit_answers_its_questions_and_leaves_the_month_open(cli, tmp_path):
    november_audit(
        cli,
        tmp_path,
        **{"monthly.back.faults": "Interrupting people", "monthly.ahead.goal": "Publish it"},
    )
    december = {"FOURLOOKS_NOW": "2026-12-30T21:00"}
    ids = asked(cli, env=december)
    piped = ["4", "3", "", "5", "2 the focus", *[f"on {qid}" for qid in ids[5:]]]
    result = cli.ok("review", "--monthly", input=lines(*piped), env=december)
    assert "complete: 13 answered, 1 skipped" in result.stderr
    found = [e for e in cli.json("list", "--json", "-n", "0") if e["date"] == "2026-12-31"]
    assert {e["question_id"] for e in found} == set(ids) - {ids[2]}
    assert next(e for e in found if e["question_id"] == ids[4])["rating"] == 2
    # Nothing was asked about November's goal and fault: both stay open for a terminal.
    goals = {g["text"]: (g["period"], g["state"]) for g in cli.json("goal", "list", "--json")}
    assert goals == {
        "Publish it": ("2026-12", "open"),
        "on monthly.ahead.goal": ("2027-01", "open"),
    }
    child = spawn("review", "--monthly", "--month", "2026-12", now="2027-01-02T09:00:00")
    child.expect_exact("already complete")
    assert finish(child) == 0
