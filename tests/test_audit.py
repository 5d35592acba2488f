"""The monthly self-audit (月省): what its ratings mean, the month's focus, closing the month."""

from __future__ import annotations

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
