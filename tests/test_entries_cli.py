"""The core journal through the command line, as a new user meets it."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from fourlooks import __version__
from pty_harness import run_in_terminal


def add(cli, text, look="back", *more):
    return cli.ok("add", "--look", look, *more, text).stdout.strip()


def test_add_prints_a_short_id_that_show_accepts(cli):
    short = add(cli, "Finished the draft; the outline helped")
    assert len(short) == 8
    shown = cli.ok("show", short).stdout
    assert "Finished the draft; the outline helped" in shown
    assert "look:     back 回头看" in shown


def test_entries_for_each_look_on_different_dates_are_listed_newest_day_first(cli):
    add(cli, "looked back", "back", "--date", "2026-11-20")
    add(cli, "looked up", "u", "--date", "yesterday")
    add(cli, "looked down", "低头看", "--date", "2026-11-24")
    add(cli, "looked ahead", "ahead")
    out = cli.ok("list").stdout
    days = [line.split()[0] for line in out.splitlines() if line and not line.startswith(" ")]
    assert days == ["2026-11-26", "2026-11-25", "2026-11-24", "2026-11-20"]
    for look in ("back", "up", "down", "ahead"):
        assert f"looked {look}" in out


def test_list_filters_by_day_range_look_and_tag(cli):
    add(cli, "old", "back", "--date", "2026-10-01", "--tag", "work")
    add(cli, "mid", "up", "--date", "2026-11-10", "--tag", "Work", "--tag", "team")
    add(cli, "new", "back", "--date", "2026-11-25")
    texts = lambda *args: [e["text"] for e in cli.json("list", "--json", *args)]  # noqa: E731
    assert texts("--on", "2026-11-10") == ["mid"]
    assert texts("--from", "2026-11-01", "--to", "2026-11-20") == ["mid"]
    assert texts("--look", "b") == ["new", "old"]
    assert texts("--tag", "work") == ["mid", "old"]
    assert texts("-n", "1") == ["new"]


def test_list_json_has_every_field_of_an_entry(cli):
    add(cli, "text with 中文 and emoji 🎉", "down", "--date", "2026-11-02", "-t", "people")
    [entry] = cli.json("list", "--json")
    assert list(entry) == [
        "id",
        "date",
        "look",
        "text",
        "tags",
        "cadence",
        "question_id",
        "review_id",
        "task_id",
        "rating",
        "choice",
        "commitment_id",
        "created_at",
        "updated_at",
    ]
    assert entry["date"] == "2026-11-02"
    assert entry["look"] == "down"
    assert entry["tags"] == ["people"]
    assert entry["text"] == "text with 中文 and emoji 🎉"
    assert entry["created_at"].endswith("+00:00")


def test_text_from_stdin_with_dash_or_a_pipe(cli):
    cli.ok("add", "--look", "ahead", "-", input="line one\nline two\n")
    cli.ok("add", "--look", "ahead", input="piped\n")
    texts = sorted(e["text"] for e in cli.json("list", "--json"))
    assert texts == ["line one\nline two", "piped"]


def fake_editor(tmp_path, body: str):
    script = tmp_path / "fake-editor"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(0o755)
    return str(script)


def test_add_at_a_terminal_without_text_opens_the_editor(cli, tmp_path):
    editor = fake_editor(tmp_path, "printf 'written in the editor\\n' > \"$1\"")
    status, _ = run_in_terminal("add", "--look", "up", env={"EDITOR": editor}, plain=False)
    assert status == 0
    assert cli.json("list", "--json")[0]["text"] == "written in the editor"


def test_an_editor_left_empty_stores_nothing_and_says_so(cli, tmp_path):
    editor = fake_editor(tmp_path, ': > "$1"')
    status, output = run_in_terminal("add", "--look", "up", env={"EDITOR": editor}, plain=False)
    assert status == 2  # as for empty text from a pipe
    assert "nothing stored" in output
    short = add(cli, "keep me")
    result = cli("edit", short, env={"EDITOR": editor})
    assert result.exit_code != 0
    assert "empty" in result.stderr
    assert cli.json("list", "--json")[0]["text"] == "keep me"


def test_edit_changes_text_look_date_and_tags(cli):
    short = add(cli, "first words", "back", "--tag", "a")
    cli.ok(
        "edit",
        short,
        "--text",
        "better words",
        "--look",
        "ahead",
        "--date",
        "2026-11-01",
        "--tag",
        "b",
        "--tag",
        "c",
    )
    [entry] = cli.json("list", "--json")
    assert (entry["text"], entry["look"], entry["date"], entry["tags"]) == (
        "better words",
        "ahead",
        "2026-11-01",
        ["b", "c"],
    )
    assert entry["updated_at"] > entry["created_at"]


def test_edit_with_the_editor_keeps_the_entry_when_unchanged(cli, tmp_path):
    short = add(cli, "unchanged text")
    result = cli.ok("edit", short, env={"EDITOR": "true"})
    assert "No change" in result.stderr
    [entry] = cli.json("list", "--json")
    assert entry["updated_at"] == entry["created_at"]


def test_delete_asks_and_yes_skips_the_question(cli):
    keep = add(cli, "keep")
    gone = add(cli, "gone")
    refused = cli("delete", keep, input="n\n")
    assert refused.exit_code == 1
    cli.ok("delete", gone, input="y\n")
    assert [e["text"] for e in cli.json("list", "--json")] == ["keep"]
    cli.ok("delete", keep, "--yes")
    assert cli.json("list", "--json") == []


def test_any_unique_prefix_of_an_id_is_accepted(cli):
    short = add(cli, "prefixed")
    full = cli.json("list", "--json")[0]["id"]
    assert cli.json("show", full[:5], "--json")["id"] == full
    assert cli.json("show", full.upper(), "--json")["id"] == full
    assert full.startswith(short)


def test_an_ambiguous_prefix_lists_the_candidates(cli, journal_file):
    for text in ("one", "two"):
        add(cli, text)
    ids = [e["id"] for e in cli.json("list", "--json")]
    # Give both entries ids that share a prefix, as a large journal eventually will.
    with sqlite3.connect(journal_file) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        for n, old in enumerate(ids):
            conn.execute("UPDATE entries SET id = ? WHERE id = ?", (f"abcdef0{n}-x", old))
    result = cli("show", "abcdef")
    assert result.exit_code == 1
    assert "abcdef00" in result.stderr and "abcdef01" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_paths_tells_where_the_journal_is(cli, home):
    found = cli.json("paths", "--json")
    assert found["journal"] == str(home / "journal.db")
    assert found["config"] == str(home / "config.toml")
    override = cli.json("--db", str(home / "other.db"), "paths", "--json")
    assert override["journal"] == str(home / "other.db")


def test_db_option_and_env_pick_another_journal(cli, home):
    cli.ok("--db", str(home / "a.db"), "add", "-l", "b", "in a")
    cli.ok("add", "-l", "b", "in b", env={"FOURLOOKS_DB": str(home / "b.db")})
    assert [e["text"] for e in cli.json("--db", str(home / "a.db"), "list", "--json")] == ["in a"]
    assert [e["text"] for e in cli.json("--db", str(home / "b.db"), "list", "--json")] == ["in b"]


def test_journal_file_and_folder_are_private(cli, home, journal_file):
    add(cli, "private thoughts")
    assert stat.S_IMODE(os.stat(journal_file).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(home).st_mode) == 0o700


def test_version_and_help(cli):
    assert cli.ok("--version").stdout.strip() == f"fourlooks {__version__}"
    for command in ("add", "list", "show", "edit", "delete", "paths"):
        assert "Usage:" in cli.ok(command, "--help").stdout


BAD_INPUTS = [
    (["add", "--look", "sideways", "x"], "unknown look 'sideways'"),
    (["add", "--look", "back", "--date", "not a date", "x"], "not a date"),
    (["add", "--look", "back", "--date", "2026-02-30", "x"], "no such date"),
    (["add", "--look", "back", "   "], "text is empty"),
    (["add", "--look", "back", "a\x00b"], "NUL"),
    (["add", "--look", "back", "--tag", "two words", "x"], "not a tag"),
    (["list", "--from", "2026-13-45"], "no such date"),
    (["list", "--on", "today", "--from", "today"], "--on cannot be combined"),
    (["list", "--from", "2026-11-20", "--to", "2026-11-01"], "is after"),
    (["list", "--look", "sideways"], "unknown look"),
    (["show", "no-such-entry"], "no entry"),
    (["show", "0000"], "no entry"),
    (["edit", "0000", "--text", "x"], "no entry"),
    (["delete", "0000", "--yes"], "no entry"),
    (["--lang", "fr", "list"], "not en or zh"),
]


@pytest.mark.parametrize(("args", "message"), BAD_INPUTS, ids=lambda v: str(v)[:40])
def test_bad_input_is_one_line_non_zero_and_changes_nothing(cli, journal_file, args, message):
    add(cli, "existing entry")
    before = cli.json("list", "--json")
    result = cli(*args)
    assert result.exit_code != 0
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert cli.json("list", "--json") == before


def test_huge_text_is_refused_with_the_limit(cli):
    result = cli("add", "--look", "back", "-", input="x" * 2_000_000)
    assert result.exit_code == 2
    assert "1,000,000 bytes" in result.stderr
    assert cli.json("list", "--json") == []


def test_binary_stdin_is_refused(cli):
    result = cli("add", "--look", "back", "-", input=b"\xff\xfe\x00binary".decode("latin-1"))
    assert result.exit_code == 2
    assert cli.json("list", "--json") == []


def test_a_folder_as_journal_is_an_error(cli, tmp_path):
    result = cli("--db", str(tmp_path), "list")
    assert result.exit_code == 1
    assert "is a folder" in result.stderr


def test_a_file_that_is_not_a_database_is_an_error_and_left_alone(cli, tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("my shopping list\n" * 100)
    result = cli("--db", str(bogus), "add", "-l", "b", "x")
    assert result.exit_code == 1
    assert "not a fourlooks journal" in result.stderr
    assert bogus.read_text() == "my shopping list\n" * 100


def test_another_sqlite_database_is_not_taken_over(cli, tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    result = cli("--db", str(other), "list")
    assert result.exit_code == 1
    assert "not a fourlooks journal" in result.stderr
    with sqlite3.connect(other) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert names == {"recipes"}


def test_a_newer_journal_is_refused_untouched(cli, journal_file):
    add(cli, "written today")
    with sqlite3.connect(journal_file) as conn:
        conn.execute("PRAGMA user_version = 999")
    result = cli("list")
    assert result.exit_code == 1
    assert "newer fourlooks" in result.stderr
    with sqlite3.connect(journal_file) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 999
