"""The daily review asks about decisions: those they affect heard before and after (part 3)."""

from __future__ import annotations

from pty_harness import finish, spawn, stop


def decision(cli, text, *more):
    return cli.ok("decision", "add", text, *more).stdout.strip()


def ask_decision(child, asks: str, reply: str) -> None:
    child.expect_exact(asks)
    child.expect_exact("> ")
    child.sendline(reply)


def test_a_decision_is_heard_before_it_is_made_and_again_after_until_settled(cli):
    rota = decision(cli, "Move the rota to Mondays")
    child = spawn("review")
    child.expect_exact("Decisions: hear those they affect")
    ask_decision(
        child,
        "A decision to come (written down 2026-11-26): Move the rota to Mondays\r\n"
        "      Will those it affects accept it and support it? Whom did you ask? (@name)",
        "1 @Li and @Wang agreed, @Zhao wants Tuesdays",
    )
    child.expect_exact("[1/")  # then the day's questions
    stop(child)
    assert finish(child) == 130
    cli.ok("decision", "made", rota)

    # The next night asks after it, not before again; `later` leaves it for the night after.
    child = spawn("review", now="2026-11-27T21:30:00")
    child.expect_exact("Decisions: hear those they affect")
    ask_decision(child, "[1/1] A decision made on 2026-11-26: Move the rota", "later")
    child.expect_exact("look back")
    stop(child)
    assert finish(child) == 130
    child = spawn("review", now="2026-11-28T21:30:00")
    ask_decision(child, "A decision made on 2026-11-26", "2 @Zhao still grumbles")
    child.expect_exact("look back")
    stop(child)
    assert finish(child) == 130

    shown = cli.json("decision", "show", rota, "--json")
    heard = [(e["date"], e["question_id"], e["choice"], e["text"]) for e in shown["answers"]]
    assert heard == [
        ("2026-11-26", "daily.down.decision_coming", "yes",
         "@Li and @Wang agreed, @Zhao wants Tuesdays"),
        ("2026-11-27", "daily.down.decision_made", "kept", "not heard yet"),
        ("2026-11-28", "daily.down.decision_made", "partly", "@Zhao still grumbles"),
    ]  # fmt: skip
    assert all(e["look"] == "down" and e["cadence"] == "daily" for e in shown["answers"])
    [listed] = cli.json("decision", "list", "--json")
    assert (listed["heard_before"], listed["heard_after"]) == (True, True)
    listing = cli.ok("list", "-n", "0").stdout  # each answer names its decision
    assert "Heard before «Move the rota to Mondays»: accept and support — @Li and @Wang" in listing
    assert "Heard after «Move the rota to Mondays»: partly — @Zhao still grumbles" in listing
    people = {p["key"]: p["times"] for p in cli.json("people", "--json")["people"]}
    assert people == {"li": 1, "wang": 1, "zhao": 2}
    # Settled both ways: the next review asks nothing more about it.
    child = spawn("review", now="2026-11-29T21:30:00")
    child.expect_exact("look back")
    assert "Decisions" not in child.before
    stop(child)
    assert finish(child) == 130


def test_the_decision_questions_speak_chinese(cli):
    decision(cli, "周一排班", "--made")
    child = spawn("--lang", "zh", "review")
    child.expect_exact("决策：听取受影响的人")
    ask_decision(child, "2026-11-26 决定的决策：周一排班", "赞成且满意 @张三 说好")
    child.expect_exact("回头看 look back")
    stop(child)
    assert finish(child) == 130
    [answer] = cli.json("decision", "show", cli.json("decision", "list", "--json")[0]["id"],
                        "--json")["answers"]  # fmt: skip
    assert (answer["choice"], answer["text"]) == ("yes", "@张三 说好")


def test_a_piped_review_asks_no_decision_and_lines_up_with_questions(cli):
    rota = decision(cli, "Move the rota to Mondays")
    asked = cli.json("questions", "--cadence", "daily", "--date", "2026-11-26", "--json")
    piped = "".join(f"answer {n}\n" for n in range(1, len(asked) + 1))
    result = cli.ok("review", input=piped)
    assert "complete" in result.stderr
    answered = cli.json("list", "--json", "-n", "0")
    assert sorted(e["question_id"] for e in answered) == sorted(q["id"] for q in asked)
    assert cli.json("decision", "show", rota, "--json")["answers"] == []
    [listed] = cli.json("decision", "list", "--json")
    assert listed["heard_before"] is False  # still to be asked, at a terminal


def test_a_dropped_decision_and_one_written_down_later_are_not_asked(cli):
    dropped = decision(cli, "Close the depot")
    cli.ok("decision", "drop", dropped)
    decision(cli, "Hire a driver", "--date", "2026-11-27")  # written down after the day reviewed
    child = spawn("review", "--date", "2026-11-26")
    child.expect_exact("look back")
    assert "Decisions" not in child.before
    stop(child)
    assert finish(child) == 130


def test_the_month_report_shows_decisions_made_the_share_heard_before_and_the_people(cli):
    rota = decision(cli, "Move the rota to Mondays", "--date", "2026-10-10")
    child = spawn("review", now="2026-10-12T21:00:00")
    ask_decision(child, "A decision to come (written down 2026-10-10)", "yes @Li agrees")
    child.expect_exact("look back")
    stop(child)
    assert finish(child) == 130
    cli.ok("decision", "made", rota, "--date", "2026-10-14")
    decision(cli, "Buy a second | van", "--made", "--date", "2026-10-20")
    decision(cli, "Close the depot", "--date", "2026-10-25")  # still to come at the month's end
    cli.ok("add", "-l", "down", "Lunch with @Zhao", "--date", "2026-08-15")

    text = cli.ok("report", "-m", "2026-10").stdout
    assert "Made 2; heard before they were made 1 (50%); still to come 1." in text
    assert "  2026-10-14  Move the rota to Mondays  (heard before ✓ after -)" in text
    assert "  2026-10-20  Buy a second | van  (heard before - after -)" in text
    assert "  @Li   1×  last 2026-10-12" in text
    assert "Not heard from for 30 days or more: @Zhao" in text

    markdown = cli.ok("report", "-m", "2026-10", "-f", "markdown").stdout
    assert "| 2026-10-14 | Move the rota to Mondays | ✓ | - |" in markdown
    assert "| 2026-10-20 | Buy a second \\| van | - | - |" in markdown
    assert "| @Li | 1 | 2026-10-12 |" in markdown

    data = cli.json("report", "-m", "2026-10", "--json")
    assert [(d["text"], d["heard_before"]) for d in data["decisions"]["made"]] == [
        ("Move the rota to Mondays", True),
        ("Buy a second | van", False),
    ]
    assert data["decisions"]["heard_before_share"] == 0.5 and data["decisions"]["coming"] == 1
    assert [p["name"] for p in data["people"]["heard"]] == ["Li"]
    assert [p["name"] for p in data["people"]["quiet"]] == ["Zhao"]
    # Counted as the month stood: in August Zhao was heard and nobody had gone quiet.
    august = cli.json("report", "-m", "2026-08", "--json")
    assert august["decisions"] == {
        "made": [], "heard_before": 0, "heard_before_share": None, "coming": 0
    }  # fmt: skip
    assert [p["name"] for p in august["people"]["heard"]] == ["Zhao"]
    assert august["people"]["quiet"] == []
    zh = cli.ok("--lang", "zh", "report", "-m", "2026-10").stdout
    assert "本月决定2项；决策前听取了意见的1项（50%）；待决1项。" in zh
    assert "30 天以上没有听到：@Zhao" in zh
