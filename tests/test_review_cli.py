"""Reviews through the command line: piped answers, answers files, questions, options."""

from __future__ import annotations

import json

import pytest

from fourlooks import questions
from fourlooks.model import Cadence

BANK = questions.load("en")
DAILY = [q.id for q in questions.for_cadence(BANK, Cadence.DAILY)]
MONTHLY = [q.id for q in questions.for_cadence(BANK, Cadence.MONTHLY)]


def answers_of(cli, **filters):
    """The review answers stored, as {question id: entry}."""
    found = cli.json("list", "--json", "-n", "0")
    return {e["question_id"]: e for e in found if e["question_id"]} if not filters else found


def lines(*answers):
    return "".join(f"{answer}\n" for answer in answers)


def test_a_piped_daily_review_reads_one_answer_per_line_in_questions_order(cli):
    order = [q["id"] for q in cli.json("questions", "--cadence", "daily", "--full", "--json")]
    assert order == DAILY
    piped = [f"answer to {qid}" for qid in DAILY]
    piped[1] = ""  # skipped
    result = cli.ok("review", "--full", input=lines(*piped))
    assert result.stdout == ""
    assert "Review of 2026-11-26 complete: 13 answered, 1 skipped." in result.stderr
    saved = answers_of(cli)
    assert set(saved) == set(DAILY) - {DAILY[1]}
    lesson = saved["daily.back.lesson"]
    assert (lesson["text"], lesson["look"], lesson["cadence"]) == (
        "answer to daily.back.lesson",
        "back",
        "daily",
    )
    assert lesson["date"] == "2026-11-26" and lesson["review_id"]


def test_piped_input_that_ends_early_keeps_its_answers_and_a_rerun_asks_the_rest(cli):
    first = cli.ok("review", "--full", input=lines("one", "two", "three"))
    assert "11 of 14 questions still open" in first.stderr
    cli.ok("review", "--full", input=lines(*["rest"] * 11))
    saved = answers_of(cli)
    assert [saved[qid]["text"] for qid in DAILY[:4]] == ["one", "two", "three", "rest"]
    again = cli.ok("review", input="not read\n")
    assert "already complete" in again.stderr
    assert len(answers_of(cli)) == 14


def test_more_lines_than_questions_is_an_error_after_saving_them_all(cli):
    result = cli("review", "--full", input=lines(*["a"] * 14, "", "one too many"))
    assert result.exit_code == 1
    assert "fourlooks: stdin line 16: more answers than open questions" in result.stderr
    assert len(answers_of(cli)) == 14


def test_a_piped_line_that_is_not_utf8_is_named_and_the_lines_before_it_kept(cli):
    result = cli("review", input="\ufefffirst\r\nsecond\n".encode() + b"\xff\xfe bad\n")
    assert result.exit_code == 1
    assert "fourlooks: stdin line 3: not UTF-8 text; the answers before it are saved" in (
        result.stderr
    )
    saved = answers_of(cli)
    assert [saved[qid]["text"] for qid in DAILY[:2]] == ["first", "second"]


def test_a_piped_monthly_audit_with_ratings_and_notes(cli):
    asked = [q["id"] for q in cli.json("questions", "-c", "monthly", "--date", "2026-10", "--json")]
    assert asked[4] == "monthly.back.character"  # October's focus, after the four ratings
    piped = ["4 kept every promise but one", "3", "", "5", "4 the focus"]
    piped += ["note"] * (len(asked) - 5)
    result = cli.ok("review", "--monthly", "--month", "2026-10", input=lines(*piped))
    assert "Review of 2026-10 complete: 13 answered, 1 skipped." in result.stderr
    saved = answers_of(cli)
    first = saved["monthly.back.commitment"]
    assert (first["rating"], first["text"], first["date"]) == (
        4,
        "kept every promise but one",
        "2026-10-31",
    )
    assert (saved["monthly.back.conduct"]["rating"], saved["monthly.back.conduct"]["text"]) == (
        3,
        "3",
    )
    assert saved["monthly.up.vertical"]["cadence"] == "monthly"
    assert (saved["monthly.back.character"]["rating"], saved[asked[-1]]["text"]) == (4, "note")


def test_a_bad_piped_rating_names_its_line_and_keeps_the_answers_before_it(cli):
    result = cli("review", "--monthly", input=lines("4", "2 fine", "7 too good", "5"))
    assert result.exit_code == 1
    assert result.stderr.startswith("fourlooks: stdin line 3: '7 too good' is not a rating")
    assert "monthly.back.image" in result.stderr
    assert "the answers before it are saved" in result.stderr
    assert set(answers_of(cli)) == {"monthly.back.commitment", "monthly.back.conduct"}
    cli.ok("review", "--monthly", input=lines("3"))
    assert answers_of(cli)["monthly.back.image"]["rating"] == 3


def test_an_answers_file_fills_some_questions_and_leaves_the_rest_open(cli, tmp_path):
    path = tmp_path / "answers.json"
    payload = {
        "daily.back.went_well": "Shipped the report\nand the outline helped",
        "daily.up.peers": None,
        "daily.ahead.commitments": ["call Li", "draft the rota"],
    }
    path.write_text(json.dumps(payload), encoding="utf-8")
    result = cli.ok("review", "--full", "--answers", str(path))
    assert "11 of 14 questions still open" in result.stderr  # the skipped one is done
    saved = answers_of(cli)
    assert saved["daily.back.went_well"]["text"] == "Shipped the report\nand the outline helped"
    commitments = [e["text"] for e in cli.json("list", "--json") if e["question_id"] == DAILY[-2]]
    assert sorted(commitments) == ["call Li", "draft the rota"]
    assert "daily.up.peers" not in saved


def test_an_answers_file_on_stdin_for_a_monthly_audit(cli):
    payload = dict.fromkeys([q["id"] for q in cli.json("questions", "-c", "monthly", "--json")], "")
    payload["monthly.back.image"] = 4
    payload["monthly.back.conduct"] = "5 steady"
    result = cli.ok("review", "--monthly", "--answers", "-", input=json.dumps(payload))
    assert "complete: 2 answered, 12 skipped" in result.stderr
    saved = answers_of(cli)
    assert saved["monthly.back.image"]["rating"] == 4
    assert saved["monthly.back.conduct"]["text"] == "steady"


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ('{"daily.back.nope": "x"}', "no question 'daily.back.nope' in this review"),
        ('{"monthly.up.learn": "x"}', "no question 'monthly.up.learn' in this review"),
        ('{"daily.back.lesson": 3}', "daily.back.lesson: int is not an answer"),
        ('["a list"]', "give a JSON object of question id -> answer"),
        ('{"daily.back.lesson": "ok",', "line 1, column 28: not JSON"),
    ],
)
def test_a_bad_answers_file_is_refused_before_anything_is_saved(cli, payload, message):
    result = cli("review", "--full", "--answers", "-", input=payload)
    assert result.exit_code == 1
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert cli.json("list", "--json") == []


def test_a_bad_rating_in_an_answers_file_saves_nothing(cli):
    payload = {"monthly.back.commitment": 4, "monthly.back.conduct": 9}
    result = cli("review", "--monthly", "--answers", "-", input=json.dumps(payload))
    assert result.exit_code == 1
    assert "monthly.back.conduct: '9' is not a rating" in result.stderr
    assert cli.json("list", "--json") == []


def test_a_missing_answers_file_is_a_usage_error(cli, tmp_path):
    result = cli("review", "--answers", str(tmp_path / "nope.json"))
    assert result.exit_code == 2
    assert "cannot read answers file" in result.stderr


def test_a_task_review_piped_closes_a_done_task(cli):
    short = cli.ok("task", "add", "Budget draft", "--due", "2026-11-20").stdout.strip()
    result = cli.ok("review", "--task", short[:5], input=lines("done, a day early", "", "outline"))
    assert "complete: 2 answered, 1 skipped" in result.stderr
    [task] = cli.json("task", "list", "--all", "--json")
    assert (task["state"], task["closed_at"] is not None) == ("done", True)
    assert cli.json("task", "list", "--json") == []
    saved = answers_of(cli)
    state = saved["task.back.state"]
    assert (state["choice"], state["text"], state["cadence"]) == ("done", "a day early", "task")
    assert state["task_id"] == task["id"]
    assert "task.back.effect" not in saved and saved["task.ahead.lesson"]["text"] == "outline"


def test_a_task_review_by_answers_file_keeps_an_under_way_task_open(cli):
    short = cli.ok("task", "add", "Rota survey").stdout.strip()
    payload = {
        "task.back.state": "under way",
        "task.back.progress": "half the teams answered",
        "task.back.cause": "not asked: another state's question",
        "task.ahead.lesson": "start earlier",
    }
    result = cli.ok("review", "--task", short, "--answers", "-", input=json.dumps(payload))
    assert "Not used (already answered, or not asked in this review): task.back.cause" in (
        result.stderr
    )
    [task] = cli.json("task", "list", "--json")
    assert (task["state"], task["closed_at"]) == ("under_way", None)


def test_a_bad_piped_task_state_names_its_line(cli):
    short = cli.ok("task", "add", "Rota survey").stdout.strip()
    result = cli("review", "--task", short, input=lines("finished-ish"))
    assert result.exit_code == 1
    assert "stdin line 1: 'finished-ish' is not one of the choices" in result.stderr


def test_an_unknown_task_is_an_error(cli):
    result = cli("review", "--task", "abcdef12")
    assert result.exit_code == 1
    assert "no task with id 'abcdef12'" in result.stderr


def test_review_date_and_day_start(cli, home):
    cli.ok("review", "--date", "yesterday", input=lines("for the 25th"))
    assert answers_of(cli)[DAILY[0]]["date"] == "2026-11-25"
    # At 1 a.m. the review still belongs to the evening before.
    cli.ok("review", input=lines("late night"), env={"FOURLOOKS_NOW": "2026-11-27T01:00:00"})
    late = [e for e in cli.json("list", "--json") if e["text"] == "late night"]
    assert late[0]["date"] == "2026-11-26"
    home.mkdir(exist_ok=True)
    (home / "config.toml").write_text('day_start = "00:30"\n', encoding="utf-8")
    cli.ok("review", input=lines("after midnight"), env={"FOURLOOKS_NOW": "2026-11-27T01:00:00"})
    after = [e for e in cli.json("list", "--json") if e["text"] == "after midnight"]
    assert after[0]["date"] == "2026-11-27"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "tomorrow"], "2026-11-27 has not come yet"),
        (["--month", "2026-10"], "--month goes with --monthly"),
        (["--monthly", "--date", "today"], "--monthly cannot be combined"),
        (["--monthly", "--month", "2026-12"], "2026-12 has not come yet"),
        (["--monthly", "--month", "2026-13"], "no such month"),
        (["--date", "someday"], "not a date"),
    ],
)
def test_bad_review_options_are_usage_errors(cli, args, message):
    result = cli("review", *args, input="x\n")
    assert result.exit_code == 2
    assert message in result.stderr
    assert cli.json("list", "--json") == []


def test_the_monthly_default_is_last_month_in_the_first_week(cli):
    result = cli.ok("review", "--monthly", input="4\n", env={"FOURLOOKS_NOW": "2026-12-03T20:00"})
    assert "13 of 14 questions still open" in result.stderr
    [rating] = cli.json("list", "--json")
    assert rating["date"] == "2026-11-30"


def test_chinese_closing_message(cli):
    result = cli.ok("--lang", "zh", "review", "--full", input=lines(*["好"] * 14))
    assert "2026-11-26 的反思已完成：回答 14 题，跳过 0 题。" in result.stderr


def test_questions_lists_ids_sources_and_follows_lang_and_the_users_file(cli, home):
    listed = cli.ok("questions", "--cadence", "monthly", "--look", "back").stdout
    assert "monthly 月省" in listed and "look back 回头看" in listed
    assert "monthly.back.commitment · part 1: 党性强不强 · rating 1-5 + note" in listed
    assert "monthly.up" not in listed
    home.mkdir(exist_ok=True)
    (home / "questions.toml").write_text(
        'disabled = ["daily.up.peers"]\noptional_sets = ["qualities"]\n'
        '[[question]]\nid = "daily.back.went_well"\ntext = "What went well?"\n'
        'text_zh = "什么做得好？"\n',
        encoding="utf-8",
    )
    daily = cli.json("--lang", "zh", "questions", "-c", "daily", "--full", "--json")
    assert "daily.up.peers" not in [q["id"] for q in daily]
    assert daily[0] == {
        "id": "daily.back.went_well",
        "cadence": "daily",
        "look": "back",
        "kind": "text",
        "text": "什么做得好？",
        "source": "part 1",
        "choices": [],
        "optional_set": None,
        "when": None,
        "anchors": [],
    }
    monthly = [q["id"] for q in cli.json("questions", "-c", "monthly", "--json")]
    assert "monthly.back.spirit" in monthly
    # A review follows the same list: 13 lines answer the 13 daily questions.
    cli.ok("review", "--full", input=lines(*["x"] * 13))
    assert "daily.up.peers" not in answers_of(cli)


def test_questions_with_a_bad_cadence_or_a_broken_users_file(cli, home):
    assert cli("questions", "--cadence", "weekly").exit_code == 2
    home.mkdir(exist_ok=True)
    (home / "questions.toml").write_text("disabled = [\nnope\n", encoding="utf-8")
    result = cli("questions")
    assert result.exit_code == 1 and "questions.toml, line" in result.stderr
