"""A task's owner (落实到具体责任人): given, changed, shown, filtered, exported, refused."""

from __future__ import annotations

import json

import pytest


def add(cli, *args: str) -> str:
    return cli.ok("task", "add", *args).stdout.strip()


def test_an_owner_is_shown_in_the_list_and_the_task(cli):
    short = add(cli, "Budget draft", "--owner", "  Li   Wei ")
    add(cli, "Rota survey")
    listed = cli.ok("task", "list").stdout.splitlines()
    [budget] = [line for line in listed if "Budget draft" in line]
    assert budget.endswith("owner: Li Wei")  # spaces collapsed, as it was meant
    [rota] = [line for line in listed if "Rota survey" in line]
    assert "owner" not in rota
    assert "owner:    Li Wei" in cli.ok("task", "show", short).stdout
    assert "负责人：  Li Wei" in cli.ok("--lang", "zh", "task", "show", short).stdout
    assert "负责人：Li Wei" in cli.ok("--lang", "zh", "task", "list").stdout
    shown = cli.json("task", "show", short, "--json")
    assert shown["owner"] == "Li Wei"


def test_edit_gives_or_changes_the_owner_and_keeps_the_rest(cli):
    short = add(cli, "Budget draft", "--due", "2026-11-30")
    assert cli.ok("task", "edit", short, "--owner", "王芳").stdout.strip() == short
    [task] = cli.json("task", "list", "--json")
    assert (task["title"], task["due"], task["owner"]) == ("Budget draft", "2026-11-30", "王芳")
    cli.ok("task", "edit", short, "--owner", "Li Wei")
    cli.ok("task", "edit", short, "--title", "Budget, second draft")
    [task] = cli.json("task", "list", "--json")
    assert (task["title"], task["owner"]) == ("Budget, second draft", "Li Wei")


def test_list_filters_by_owner_whatever_the_case(cli):
    add(cli, "Budget draft", "--owner", "Li Wei")
    add(cli, "Rota survey", "--owner", "王芳")
    add(cli, "Team lunch")
    titles = [t["title"] for t in cli.json("task", "list", "--owner", "li wei", "--json")]
    assert titles == ["Budget draft"]
    assert [t["title"] for t in cli.json("task", "list", "--owner", "王芳", "--json")] == [
        "Rota survey"
    ]
    assert "Rota survey" in cli.ok("task", "list", "--owner", "王芳").stdout
    assert cli.json("task", "list", "--owner", "Nobody", "--json") == []
    assert [t["owner"] for t in cli.json("task", "list", "--json")] == ["Li Wei", "王芳", None]


@pytest.mark.parametrize("owner", ["", "   ", "x" * 65, "Li\x1b[31mWei", "Li\x07Wei"])
def test_an_empty_or_absurd_owner_is_one_line_and_changes_nothing(cli, owner):
    short = add(cli, "Budget draft")
    before = cli.json("task", "list", "--json")
    for args in (
        ("task", "add", "Another", "--owner", owner),
        ("task", "edit", short, "--owner", owner),
        ("task", "list", "--owner", owner),
    ):
        result = cli(*args)
        assert result.exit_code == 2, (args, result.output)
        [line] = result.stderr.strip().splitlines()
        assert "--owner" in line and "Traceback" not in result.output
    assert cli.json("task", "list", "--json") == before


def test_the_owner_is_exported_only_when_set_and_read_back_byte_identical(cli, tmp_path):
    add(cli, "Team lunch")
    before = cli.ok("export", "-f", "json").stdout
    assert "owner" not in before  # a journal without owners exports as it did
    add(cli, "Budget draft", "--owner", "Li Wei")
    first = cli.ok("export", "-f", "json").stdout
    owners = {t["title"]: t.get("owner") for t in json.loads(first)["tasks"]}
    assert owners == {"Team lunch": None, "Budget draft": "Li Wei"}
    other = ["--db", str(tmp_path / "other.db")]
    cli.ok(*other, "import", "-", input=first)
    assert cli.ok(*other, "export", "-f", "json").stdout == first
    found = cli.json(*other, "task", "list", "--owner", "Li Wei", "--json")
    assert [t["title"] for t in found] == ["Budget draft"]


def test_an_import_with_a_bad_owner_is_refused_whole(cli, tmp_path):
    add(cli, "Budget draft", "--owner", "Li Wei")
    data = json.loads(cli.ok("export", "-f", "json").stdout)
    data["tasks"][0]["owner"] = "   "
    other = ["--db", str(tmp_path / "other.db")]
    result = cli(*other, "import", "-", input=json.dumps(data))
    assert result.exit_code != 0
    [line] = result.stderr.strip().splitlines()
    assert "owner" in line and "task" in line
    assert cli.json(*other, "task", "list", "--all", "--json") == []
