"""One byte that is not UTF-8 in an entry's text: check names it, reading names it too.

Reading shows the entry with U+FFFD in place of the bad bytes and a warning naming it,
rather than refusing: one damaged entry must not hide every other one from `list` or keep
them out of an export. The journal itself is left as it is.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path


def _spoil(path: Path, text: str) -> None:
    """Put the byte 0xFF into the entry's text, as a damaged disk or another program might.

    The search triggers read the text, and cannot: they are set aside for this one write.
    """
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("BEGIN")
        [trigger] = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'entry_search_update'"
        ).fetchone()
        conn.execute("DROP TRIGGER entry_search_update")
        conn.execute(
            "UPDATE entries SET text = CAST(? AS TEXT) WHERE text = ?",
            (b"bad \xff byte", text),
        )
        conn.execute(trigger)
        conn.execute("COMMIT")


def _journal(cli, journal_file) -> str:
    cli.ok("add", "-l", "back", "good words")
    spoiled = cli.ok("add", "-l", "up", "to spoil").stdout.strip()
    cli.ok("add", "-l", "down", "more good words")
    _spoil(journal_file, "to spoil")
    return spoiled


def _warned(result, short_id: str, *before: str) -> None:
    """One warning naming the entry, after only the lines given (what a command says it did)."""
    *rest, line = result.stderr.splitlines()
    assert rest == list(before), rest
    assert line.startswith("fourlooks: warning: entry ") and short_id in line, line
    assert "not UTF-8" in line


def test_check_names_the_entry(cli, journal_file):
    spoiled = _journal(cli, journal_file)
    result = cli("check")
    assert result.exit_code == 1
    [problem] = [line for line in result.stdout.splitlines() if line.startswith("problem:")]
    assert spoiled in problem or problem.split()[2].startswith(spoiled)
    assert "text holds bytes that are not UTF-8" in problem
    report = json.loads(cli("check", "--json").stdout)
    assert report["ok"] is False and len(report["problems"]) == 1


def test_list_shows_every_entry_and_names_the_damaged_one(cli, journal_file):
    spoiled = _journal(cli, journal_file)
    result = cli.ok("list")
    assert "good words" in result.stdout and "more good words" in result.stdout
    assert "bad \ufffd byte" in result.stdout
    _warned(result, spoiled)


def test_export_keeps_every_entry_and_names_the_damaged_one(cli, journal_file, tmp_path):
    spoiled = _journal(cli, journal_file)
    result = cli.ok("export", "-f", "json")
    texts = sorted(entry["text"] for entry in json.loads(result.stdout)["entries"])
    assert texts == ["bad \ufffd byte", "good words", "more good words"]
    _warned(result, spoiled)
    target = tmp_path / "out.json"
    result = cli.ok("export", "-o", str(target))
    _warned(result, spoiled, f"Exported 3 entries to {target}.")
    cli.ok("--db", str(tmp_path / "other.db"), "import", str(target))  # what export wrote imports


def test_show_and_search_name_it_too(cli, journal_file):
    spoiled = _journal(cli, journal_file)
    _warned(cli.ok("show", spoiled), spoiled)
    result = cli.ok("search", "good")
    assert "good words" in result.stdout


def test_the_journal_is_left_as_it_was_and_adds_go_on(cli, journal_file):
    _journal(cli, journal_file)
    cli.ok("list")
    with contextlib.closing(sqlite3.connect(journal_file)) as conn:
        conn.text_factory = bytes
        kept = conn.execute(
            "SELECT count(*) FROM entries WHERE CAST(text AS BLOB) = ?", (b"bad \xff byte",)
        )
        assert kept.fetchone()[0] == 1
    cli.ok("add", "-l", "ahead", "written after")  # check's finding concerns one entry only
    assert len(cli.json("list", "--json")) == 4


def _set_bytes(path: Path, sql: str, *params: object) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(sql, params)


def test_a_tag_or_a_task_title_with_such_a_byte_is_named_too(cli, journal_file):
    entry = cli.ok("add", "-l", "back", "-t", "fine", "tagged").stdout.strip()
    cli.ok("task", "add", "Write the plan")
    _set_bytes(journal_file, "UPDATE entry_tags SET tag = CAST(? AS TEXT)", b"fi\xffne")
    _set_bytes(journal_file, "UPDATE tasks SET title = CAST(? AS TEXT)", b"Write \xff plan")
    listed = cli.ok("list")
    assert "tagged" in listed.stdout
    _warned(listed, entry)
    tasks = cli.ok("task", "list")
    assert "Write \ufffd plan" in tasks.stdout
    assert "warning: task " in tasks.stderr
    problems = json.loads(cli("check", "--json").stdout)["problems"]
    assert [p.split()[0] for p in problems] == ["entry_tags", "tasks"]
