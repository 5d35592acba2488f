"""Decisions: to come or made, and those they affect heard before and after (part 3)."""

from __future__ import annotations

import sqlite3


def decision(cli, text, *more):
    return cli.ok("decision", "add", text, *more).stdout.strip()


def test_a_decision_to_come_and_one_made_are_listed_and_shown(cli):
    rota = decision(cli, "Move the rota to Mondays")  # to come unless told
    van = decision(cli, "Buy a second van", "--made", "--date", "2026-11-24")
    listed = cli.ok("decision", "list").stdout.splitlines()
    assert [line.split()[:3] for line in listed] == [
        [van, "2026-11-24", "made"],
        [rota, "2026-11-26", "to"],
    ]
    assert "to come   Move the rota to Mondays  (heard before - after -)" in listed[1]
    shown = cli.ok("decision", "show", van).stdout
    assert "decision: Buy a second van" in shown and "made on:  2026-11-24" in shown
    assert "No one heard about it yet" in shown
    data = cli.json("decision", "show", rota, "--json")
    assert (data["state"], data["made_on"], data["answers"]) == ("coming", None, [])
    assert "待决" in cli.ok("--lang", "zh", "decision", "list").stdout


def test_a_coming_decision_is_made_or_dropped_once(cli):
    rota = decision(cli, "Move the rota to Mondays")
    van = decision(cli, "Buy a second van")
    made = cli.ok("decision", "made", rota, "--date", "2026-11-25")
    assert f"Decision {rota} made" in made.stderr
    assert f"Decision {van} dropped." in cli.ok("decision", "drop", van).stderr
    states = {d["text"]: (d["state"], d["made_on"]) for d in cli.json("decision", "list", "--json")}
    assert states == {
        "Move the rota to Mondays": ("made", "2026-11-25"),
        "Buy a second van": ("dropped", None),
    }
    again = cli("decision", "made", van)
    assert again.exit_code == 1 and "already dropped" in again.stderr
    assert cli.json("decision", "show", van, "--json")["state"] == "dropped"


def test_bad_decision_input_is_one_line_and_changes_nothing(cli, journal_file):
    decision(cli, "Move the rota to Mondays")
    cases = [
        (["decision", "add", "x", "--coming", "--made"], "cannot be combined"),
        (["decision", "add", "   "], "nothing stored"),
        (["decision", "add", "two\nlines"], "one line"),
        (["decision", "add", "x", "--date", "Smarch 40"], ""),
        (["decision", "show", "zz"], "ids are made of"),
        (["decision", "made", "0000"], "no decision with id"),
        (["decision", "drop", "0000"], "no decision with id"),
    ]
    before = journal_file.read_bytes()
    for args, says in cases:
        result = cli(*args)
        assert result.exit_code != 0, args
        assert result.stderr.count("\n") == 1 and says in result.stderr, (args, result.stderr)
    assert journal_file.read_bytes() == before


def test_an_ambiguous_decision_id_lists_candidates(cli, journal_file):
    ids = [decision(cli, f"Decision {n}") for n in range(2)]
    with sqlite3.connect(journal_file) as conn:  # two ids sharing a prefix, as chance may give
        conn.execute("UPDATE decisions SET id = 'ab' || substr(id, 3)")
    result = cli("decision", "made", "ab")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "matches several decision ids: ab" in result.stderr
    assert all(d["state"] == "coming" for d in cli.json("decision", "list", "--json"))
    assert len(ids) == 2


def test_no_decisions_says_how_to_record_one(cli):
    result = cli.ok("decision", "list")
    assert result.stdout == "" and "fourlooks decision add TEXT" in result.stderr
    assert cli.json("decision", "list", "--json") == []
