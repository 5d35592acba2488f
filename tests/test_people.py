"""The people heard: `@name` in entries and answers, `people`, and `--person` filters."""

from __future__ import annotations

import pytest

from fourlooks.people import clean_name, mentions


def add(cli, text, *more):
    return cli.ok("add", "--look", "down", text, *more).stdout.strip()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Talked with @Li and @张三，then @Zoë.", ["Li", "张三", "Zoë"]),
        ("mail bob@example.com or @@x or @2pm", []),  # an address, a doubled @, a time
        ("和@张三谈了；问了@李四。", ["张三谈了", "李四"]),  # a name ends at punctuation
        ("@mary_k said @wang2: fine", ["mary_k", "wang2"]),
        ("@" + "a" * 64 + " and @" + "b" * 65, ["a" * 64]),  # over 64 is not a name
    ],
)
def test_the_grammar_of_a_name(text, names):
    assert mentions(text) == names


def test_the_help_says_the_grammar_the_code_reads():
    from fourlooks import people
    from fourlooks.cli.inputs import NAME_HELP

    assert f"up to {people.MAX_NAME_CHARS};" in NAME_HELP  # said in --help, held in people
    assert people.mentions("an e-mail address (bob@example.com) names no one.") == []
    assert people.mentions("any script: @张三") == ["张三"]


def test_people_lists_who_was_heard_how_often_and_when_last(cli):
    add(cli, "Asked @Li about the rota; @张三 agreed.", "--date", "2026-11-20")
    add(cli, "@li again, and @li twice in one entry", "--date", "2026-11-25")
    add(cli, "Met @Wang at the depot", "--date", "2026-09-01")
    cli.ok("review", input="Phoned @Wang about the rota\n\n" + "\n" * 40)  # an answer too
    data = cli.json("people", "--json")
    assert data["today"] == "2026-11-26" and data["quiet_days"] == 30
    by_key = {person["key"]: person for person in data["people"]}
    assert by_key["li"] == {
        "name": "li",  # as last written
        "key": "li",
        "times": 2,  # entries, not mentions
        "first": "2026-11-20",
        "last": "2026-11-25",
        "quiet": False,
    }
    assert by_key["wang"]["times"] == 2 and by_key["wang"]["last"] == "2026-11-26"
    assert not by_key["wang"]["quiet"] and not by_key["张三"]["quiet"]
    assert [person["key"] for person in data["people"]] == ["wang", "li", "张三"]
    add(cli, "Heard @Zhou at the meeting", "--date", "2026-10-27")  # exactly 30 days ago
    add(cli, "and @Qian", "--date", "2026-10-28")
    shown = cli.ok("people").stdout
    assert "@li" in shown and "2×  last 2026-11-25" in shown
    assert shown.splitlines()[-1] == "Not heard from for 30 days or more: @Zhou"
    chinese = cli.ok("--lang", "zh", "people").stdout
    assert "30 天以上没有听到：@Zhou" in chinese


def test_quiet_days_comes_from_the_option_then_the_config(cli, home):
    add(cli, "Met @Wang", "--date", "2026-11-06")  # 20 days before the frozen today
    assert not cli.json("people", "--json")["people"][0]["quiet"]
    assert cli.json("people", "--json", "--quiet-days", "20")["people"][0]["quiet"]
    (home / "config.toml").write_text("quiet_days = 10\n", encoding="utf-8")
    data = cli.json("people", "--json")
    assert data["quiet_days"] == 10 and data["people"][0]["quiet"]
    (home / "config.toml").write_text('quiet_days = "ten"\n', encoding="utf-8")
    bad = cli("people")
    assert bad.exit_code != 0 and "quiet_days must be a whole number of days" in bad.stderr


def test_nobody_heard_says_how_to_name_someone(cli):
    result = cli.ok("people")
    assert result.stdout == "" and "write @name" in result.stderr


def test_list_and_search_filter_by_person_case_folded(cli):
    li = add(cli, "Asked @Li about the rota")
    zhang = add(cli, "和@张三 谈了排班")
    add(cli, "Asked nobody about the rota; mail li@example.com")
    listed = cli.json("list", "--person", "LI", "--json")
    assert [entry["id"][:8] for entry in listed] == [li]
    assert [e["id"][:8] for e in cli.json("list", "--person", "@张三", "--json")] == [zhang]
    found = cli.json("search", "rota", "--person", "li", "--json")
    assert [hit["id"][:8] for hit in found] == [li]
    assert cli.json("search", "rota", "--json").__len__() == 2
    assert li in cli.ok("list", "-p", "li").stdout


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("", "a person's name is empty"),
        ("@", "a person's name is empty"),
        ("x" * 65, "longer than 64 characters"),
        ("two words", "not a person's name"),
        ("9lives", "not a person's name"),
    ],
)
def test_a_bad_person_name_is_one_line_and_changes_nothing(cli, name, says):
    for command in (["list"], ["search", "rota"]):
        result = cli(*command, "--person", name)
        assert result.exit_code == 2
        assert result.stderr.strip().count("\n") == 0 and says in result.stderr


def test_clean_name_keeps_64_characters_and_folds_case():
    assert clean_name("@" + "Ä" * 64) == "ä" * 64
    assert clean_name(" 张三 ") == "张三"


def test_who_was_heard_is_read_from_the_entries_naming_someone_not_from_every_entry(
    cli, journal_file
):
    from fourlooks import store
    from fourlooks.store.people import texts_naming_anyone

    add(cli, "Met @Wang at the depot", "--date", "2026-09-01")
    add(cli, "A quiet day, no one named", "--date", "2026-09-02")
    add(cli, "@Li later", "--date", "2026-11-20")
    journal = store.open_journal(journal_file)
    asked: list[str] = []
    journal.conn.set_trace_callback(asked.append)
    rows = texts_naming_anyone(journal, "2026-10-31")
    journal.conn.set_trace_callback(None)
    assert [text for _, _, text in rows] == ["Met @Wang at the depot"]
    sql = asked[-1].replace("'2026-10-31'", "?")
    plan = journal.conn.execute("EXPLAIN QUERY PLAN " + sql, ["2026-10-31"]).fetchall()
    assert any("USING INDEX entries_naming" in row[-1] for row in plan), plan
    journal.close()
