"""Values no one should type, typed: each gets one clear line, never an internal error."""

from __future__ import annotations

import json

import pytest

HUGE = "9" * 30  # past SQLite's 64-bit integers


@pytest.mark.parametrize("command", [["list"], ["search", "thought"]])
def test_a_huge_number_of_rows_means_all(cli, command):
    cli.ok("add", "-l", "back", "a thought")
    result = cli.ok(*command, "-n", HUGE)
    assert "a thought" in result.stdout


def _one_line(result, code: int, *words: str) -> str:
    assert result.exit_code == code, (result.exit_code, result.output)
    [line] = result.stderr.splitlines()
    assert line.startswith("fourlooks: ") and "internal error" not in line, line
    for word in words:
        assert word in line, line
    return line


@pytest.mark.parametrize(
    "args",
    [
        ["review", "--date", "0001-01-01"],
        ["review", "--monthly", "--month", "0001-01"],
        ["report", "-m", "0001-01"],
        ["report", "-y", "0001"],
    ],
)
def test_the_calendars_first_days_are_refused_in_one_line(cli, args):
    _one_line(cli(*args, input=""), 2, "year 2 to 9998")


@pytest.mark.parametrize(
    "args",
    [
        ["review", "--date", "9999-12-31"],
        ["review", "--monthly", "--month", "9999-12"],
        ["report", "-m", "9999-12"],
        ["report", "-y", "9999"],
    ],
)
def test_the_calendars_last_days_are_refused_in_one_line(cli, args):
    at_the_end = {"FOURLOOKS_NOW": "9999-12-31T12:00:00"}
    _one_line(cli(*args, input="", env=at_the_end), 2, "year 2 to 9998")


@pytest.mark.parametrize(
    ("now", "words", "month"),
    [
        ("2027-01-01T00:30:00", "last month", "2026-12"),
        ("2027-01-01T05:00:00", "last month", "2026-12"),
        ("2027-03-01T00:30:00", "last month", "2027-02"),
        ("2027-01-01T00:30:00", "this month", "2026-12"),
        ("2027-01-01T00:30:00", None, "2026-12"),  # nothing typed: the journal's day's month
    ],
)
def test_last_month_at_half_past_midnight_on_the_first(cli, now, words, month):
    args = ["report", "--json"] + (["-m", words] if words else [])
    assert cli.json(*args, env={"FOURLOOKS_NOW": now})["month"] == month


@pytest.mark.parametrize(
    ("setting", "key"),
    [
        ('day_start = "04:00+01:00"', "day_start"),
        ("day_start = 4", "day_start"),
        ('day_start = "25:00"', "day_start"),
        ('day_start = "4"', "day_start"),
        ("day_start = 2026-11-26", "day_start"),
        ("editor = 5", "editor"),
        ('editor = ""', "editor"),
        ("editor = ['vim']", "editor"),
        ("lang = 5", "lang"),
        ('optional_sets = "qualities"', "optional_sets"),
    ],
)
def test_a_setting_of_the_wrong_kind_is_named_in_one_line(cli, home, setting, key):
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(setting + "\n", encoding="utf-8")
    for args in (["status"], ["report"], ["review", "--date", "yesterday"]):
        line = _one_line(cli(*args, input=""), 1, "config.toml", f"{key} must be")
        assert "Error" not in line  # no exception's name: words for a person


def test_a_local_time_in_toml_is_a_day_start(cli, home):
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("day_start = 05:30:00\n", encoding="utf-8")
    early = {"FOURLOOKS_NOW": "2026-11-26T05:00:00"}
    assert cli.json("report", "--json", env=early)["today"] == "2026-11-25"


NOT_UTF8 = "tag\udcff"  # what `-t $'tag\xff'` becomes in Python's argv


@pytest.mark.parametrize(
    "args",
    [
        ["add", "-l", "back", "-t", NOT_UTF8, "x"],
        ["list", "-t", NOT_UTF8],
        ["export", "-t", NOT_UTF8],
        ["edit", "ENTRY", "-t", NOT_UTF8],
    ],
)
def test_a_tag_that_is_not_utf8_is_refused_in_one_line(cli, args):
    entry = cli.ok("add", "-l", "up", "kept").stdout.strip()
    args = [entry if a == "ENTRY" else a for a in args]
    _one_line(cli(*args), 2, "UTF-8")
    assert [e["tags"] for e in cli.json("list", "--json")] == [[]]


@pytest.mark.parametrize("bad", ["a\x1b]0;PWNED\x07", "a\x1b[2J", "del\x7f", "c1\x9bx", "bell\x07"])
def test_a_tag_with_control_characters_is_refused(cli, bad):
    _one_line(cli("add", "-l", "back", "-t", bad, "x"), 2, "no control characters")
    assert cli.json("list", "--json") == []


def _export_with(cli, tmp_path, change) -> str:
    """A real export of one answered review, changed by `change` (a function on its data)."""
    cli.ok("add", "-l", "up", "-t", "kept", "plain")
    cli.ok("review", "--full", "--answers", "-", input='{"daily.back.lesson": "a lesson"}')
    data = cli.json("export", "-f", "json")
    change(data)
    path = tmp_path / "bad.json"
    # ensure_ascii: a lone surrogate is written as the \ud800 escape a hostile file would hold
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="ascii")
    return str(path)


def _answer(data) -> dict:
    return next(e for e in data["entries"] if e["question_id"])


@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("tags", lambda d: d["entries"][0].update(tags=["ok", "x\ud800"])),
        ("question_id", lambda d: _answer(d).update(question_id="daily.\udfff")),
        ("choice", lambda d: _answer(d).update(choice="done\ud83d")),
        ("skipped", lambda d: d["reviews"][0].update(skipped=["daily.up.\ud800"])),
        ("tags", lambda d: d["entries"][0].update(tags=["esc\x1b[2J"])),
    ],
)
def test_an_import_file_with_lone_surrogates_or_control_tags_is_refused(
    cli, tmp_path, field, change
):
    path = _export_with(cli, tmp_path, change)
    before = cli.ok("export", "-f", "json").stdout
    line = _one_line(cli("import", path), 1, field)
    assert "Traceback" not in line
    assert cli.ok("export", "-f", "json").stdout == before


def _daily_ids(cli) -> list[str]:
    listed = cli.ok("questions", "--json").stdout
    found = json.loads(listed)
    found = found if isinstance(found, list) else found["questions"]
    return [q["id"] for q in found if q["id"].startswith("daily.")]


def test_a_cadence_with_every_question_off_is_never_due(cli, home):
    home.mkdir(parents=True, exist_ok=True)
    (home / "questions.toml").write_text(f"disabled = {json.dumps(_daily_ids(cli))}\n")
    status = cli.json("status", "--json")
    assert status["daily"] == {"period": "2026-11-26", "state": "off", "due": False}
    assert "off (every question is switched off)" in cli.ok("status").stdout
    line = _one_line(cli("review", input=""), 1, "questions.toml", "every daily question")
    assert "nothing to review" in line
    assert cli.json("list", "--json") == []
    monthly = cli.json("status", "--json", env={"FOURLOOKS_NOW": "2026-11-30T21:00:00"})
    assert monthly["monthly"]["due"] is True  # the other cadence is untouched


def test_a_user_question_may_not_take_an_internal_id(cli, home):
    home.mkdir(parents=True, exist_ok=True)
    (home / "questions.toml").write_text(
        '[[question]]\nid = "daily.back.followup"\ncadence = "daily"\nlook = "back"\n'
        'kind = "text"\ntext = "Mine"\n'
    )
    for args in (["review"], ["questions"], ["status"]):
        _one_line(cli(*args, input=""), 1, "daily.back.followup", "fourlooks uses itself")


def test_the_reserved_ids_are_the_ones_the_review_uses():
    from fourlooks import questions, review

    assert review.FOLLOWUP_ID in questions.RESERVED_IDS
