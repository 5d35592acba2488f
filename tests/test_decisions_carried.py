"""Decisions carried everywhere: the JSON export and import, the Markdown exports, search."""

from __future__ import annotations

import contextlib
import json

from fourlooks import store
from fourlooks.model import Cadence, Look
from fourlooks.store import decisions, reviews


def decision(cli, text, *more):
    return cli.ok("decision", "add", text, *more).stdout.strip()


def hear(journal_file, short_id: str, day: str, question_id: str, choice: str, text: str) -> None:
    """An answer about a decision, stored as a daily review at a terminal stores it."""
    with contextlib.closing(store.open_journal(journal_file)) as journal:
        found = decisions.get(journal, short_id)
        draft = reviews.Draft(day, Look.DOWN, text, question_id, choice=choice)
        with journal.write():
            [saved] = reviews.save(journal, reviews.Key(Cadence.DAILY, day), [draft])
            decisions.link_answer(journal, found.id, saved.id)


def a_month_of_decisions(cli, journal_file) -> dict[str, str]:
    rota = decision(cli, "Move the rota to Mondays", "--date", "2026-11-20")
    hear(journal_file, rota, "2026-11-21", decisions.BEFORE_ID, "yes", "@Li agreed")
    cli.ok("decision", "made", rota, "--date", "2026-11-22")
    hear(journal_file, rota, "2026-11-24", decisions.AFTER_ID, "partly", "@Zhao grumbles")
    van = decision(cli, "Buy a second van", "--made", "--date", "2026-11-23")
    depot = decision(cli, "Close the depot", "--date", "2026-11-24")
    cli.ok("decision", "drop", depot)
    return {"rota": rota, "van": van, "depot": depot}


def test_decisions_survive_export_and_import_byte_identical_and_merge_idempotently(
    cli, tmp_path, journal_file
):
    made = a_month_of_decisions(cli, journal_file)
    first = tmp_path / "first.json"
    cli.ok("export", "--out", str(first))
    document = json.loads(first.read_text(encoding="utf-8"))
    assert list(document) == ["format", "version", "entries", "tasks", "reviews", "decisions"]
    assert [d["state"] for d in document["decisions"]] == ["made", "made", "dropped"]
    other = ["--db", str(tmp_path / "other.db")]
    report = cli.json(*other, "import", str(first), "--json")
    assert report["decisions"] == {"added": 3, "updated": 0, "skipped": 0}
    again = cli.json(*other, "import", str(first), "--json")
    assert again["decisions"] == {"added": 0, "updated": 0, "skipped": 3}
    second = tmp_path / "second.json"
    cli.ok(*other, "export", "--out", str(second))
    assert second.read_bytes() == first.read_bytes()
    shown = cli.json(*other, "decision", "show", made["rota"], "--json")
    assert [(a["choice"], a["text"]) for a in shown["answers"]] == [
        ("yes", "@Li agreed"),
        ("partly", "@Zhao grumbles"),
    ]
    # A newer copy wins: an answer heard on one machine reaches the other.
    hear(journal_file, made["van"], "2026-11-25", decisions.AFTER_ID, "yes", "@Wang is glad")
    cli.ok("export", "--out", str(first), "--force")
    assert cli.json(*other, "import", str(first), "--json")["decisions"]["updated"] == 1
    listed = cli.json(*other, "decision", "list", "--json")
    [van] = [d for d in listed if d["text"] == "Buy a second van"]
    assert van["heard_after"] is True and len(van["answer_ids"]) == 1


def test_goals_then_decisions_and_a_journal_without_them_exports_as_before(cli, tmp_path):
    cli.ok("add", "-l", "up", "x")
    out = tmp_path / "e.json"
    cli.ok("export", "--out", str(out))
    assert list(json.loads(out.read_text(encoding="utf-8"))) == [
        "format", "version", "entries", "tasks", "reviews"
    ]  # fmt: skip
    cli.ok("goal", "add", "Ship the rota app")
    decision(cli, "Move the rota to Mondays")
    cli.ok("export", "--out", str(out), "--force")
    keys = list(json.loads(out.read_text(encoding="utf-8")))
    assert keys[-2:] == ["goals", "decisions"]
    filtered = tmp_path / "f.json"
    cli.ok("export", "--from", "2026-11-01", "--out", str(filtered))
    assert "decisions" not in json.loads(filtered.read_text(encoding="utf-8"))


def test_an_import_with_a_bad_decision_is_refused_whole(cli, tmp_path, journal_file):
    a_month_of_decisions(cli, journal_file)
    out = tmp_path / "e.json"
    cli.ok("export", "--out", str(out))
    document = json.loads(out.read_text(encoding="utf-8"))
    other = tmp_path / "other.db"
    cases = []
    no_answers = json.loads(json.dumps(document))
    no_answers["entries"] = []  # the answers a decision links are neither here nor there
    cases.append((no_answers, "answer_ids"))
    unmade = json.loads(json.dumps(document))
    unmade["decisions"][0]["made_on"] = None  # made, but on no day
    cases.append((unmade, "made_on"))
    for bad, says in cases:
        out.write_text(json.dumps(bad), encoding="utf-8")
        result = cli("--db", str(other), "import", str(out))
        assert result.exit_code != 0 and "decision #1" in result.stderr and says in result.stderr
        assert result.stderr.count("\n") == 1
    assert cli.json("--db", str(other), "decision", "list", "--json") == []
    assert cli.json("--db", str(other), "list", "--json") == []


def test_the_markdown_exports_show_goals_decisions_and_people(cli, tmp_path, journal_file):
    rota_goal = cli.ok("goal", "add", "Ship the rota app").stdout.strip()
    cli.ok("task", "add", "Survey drivers", "--goal", rota_goal)
    a_month_of_decisions(cli, journal_file)
    document = cli.ok("export", "--format", "markdown").stdout
    goals = document.index("\n## Goals\n")
    assert goals < document.index("\n## Decisions\n") < document.index("\n## People heard\n")
    assert "- **2026** Ship the rota app · open\n  - Survey drivers\n" in document
    assert (
        "- **2026-11-20** Move the rota to Mondays · made 2026-11-22\n"
        "  - 2026-11-21 before, accept and support: @Li agreed\n"
        "  - 2026-11-24 after, partly: @Zhao grumbles\n"
    ) in document
    assert "- **2026-11-24** Close the depot · dropped\n" in document
    assert "- @Li  1×  last 2026-11-21\n" in document
    zh = cli.ok("--lang", "zh", "export", "--format", "markdown").stdout
    assert "\n## 决策\n" in zh and "决策前，答应并拥护：@Li agreed" in zh

    folder = tmp_path / "notes"
    cli.ok("export", "--format", "markdown", "--out", f"{folder}/")
    page = (folder / "goals-decisions-people.md").read_text(encoding="utf-8")
    assert page.startswith("---\ngenerator: fourlooks\n") and "\n# Decisions\n" in page
    again = cli.ok("export", "--format", "markdown", "--out", f"{folder}/")
    assert ": 0 files written," in again.stderr  # the page too is unchanged
    assert (folder / "goals-decisions-people.md").read_text(encoding="utf-8") == page


def test_a_folder_export_never_replaces_a_page_it_did_not_write(cli, tmp_path, journal_file):
    a_month_of_decisions(cli, journal_file)
    folder = tmp_path / "notes"
    folder.mkdir()
    mine = folder / "goals-decisions-people.md"
    mine.write_text("my own notes\n", encoding="utf-8")
    result = cli("export", "--format", "markdown", "--out", f"{folder}/")
    assert result.exit_code == 1 and "not written by fourlooks" in result.stderr
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    assert sorted(p.name for p in folder.rglob("*") if p.is_file()) == [mine.name]


def test_search_finds_goals_and_decisions_after_the_entries(cli):
    cli.ok("add", "-l", "down", "Asked the drivers about the rota")
    cli.ok("goal", "add", "Ship the rota app")
    rota = decision(cli, "Move the rota to Mondays")
    decision(cli, "Buy a second van")
    shown = cli.ok("search", "rota").stdout.splitlines()
    assert shown[1] == "    Asked the drivers about the " + "rota"
    heading = shown.index("Goals and decisions")
    assert [line.split()[1:] for line in shown[heading + 1 :: 2]] == [
        ["goal", "2026"],
        ["decision", "2026-11-26"],
    ]
    assert shown[heading + 4] == "    Move the rota to Mondays"
    assert shown[heading + 3].startswith(rota)
    only = cli.ok("search", "mondays")  # matched in a decision alone
    assert only.stderr == "" and "Move the rota to Mondays" in only.stdout
    assert cli.json("search", "mondays", "--json") == []  # --json: the entries, as always
    assert "目标和决策" in cli.ok("--lang", "zh", "search", "van").stdout
    nothing = cli("search", "tuesday")
    assert nothing.exit_code == 0 and "No entries match." in nothing.stderr
    filtered = cli.ok("search", "rota", "--look", "down").stdout
    assert "Goals and decisions" not in filtered
