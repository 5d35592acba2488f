"""`fourlooks import journal.txt` reads jrnl's own plain-text journal.

The journals here are written for these tests from jrnl's documented format: `[YYYY-MM-DD
HH:MM] title` headings (jrnl 2 and later), `YYYY-MM-DD HH:MM title` (jrnl 1.x), a trailing
` *` for a starred entry, @tags in the text, bodies of several lines, little-endian dates.
"""

from __future__ import annotations

import json

import pytest

MODERN = """\
[2026-11-20 09:15] Planned the survey. *
Asked @li about the questions first;
she wants them shorter.

Still to do: [1] the draft, [2] the send-off.

[2026-11-21 21:40] 今天和团队一起复盘了调查。@work @抬头看
没有完成的部分下周继续。
"""

LEGACY = """\
2025-03-02 08:00 An entry from jrnl 1.x without brackets.

2025-03-03 18:30 Another one. @ahead
With a body line.
"""


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def utc(zone):
    zone("UTC")  # jrnl's times are local: read here as UTC, they are stored as written


def entries(cli) -> list[dict]:
    return list(reversed(cli.json("list", "--json", "-n", "0")))  # oldest first


def test_a_jrnl_journal_is_read_with_its_tags_stars_and_bodies(cli, tmp_path, utc):
    path = write(tmp_path, "journal.txt", MODERN)
    report = json.loads(cli.ok("import", str(path), "--json").stdout)
    assert report["format"] == "jrnl-text" and report["entries"]["added"] == 2
    first, second = entries(cli)
    assert first["date"] == "2026-11-20" and first["created_at"].startswith("2026-11-20T09:15:00")
    # The title and body as jrnl split them, rejoined; brackets in the text are text.
    assert first["text"] == (
        "Planned the survey. Asked @li about the questions first;\nshe wants them shorter.\n\n"
        "Still to do: [1] the draft, [2] the send-off."
    )
    assert first["tags"] == ["li", "starred"] and first["look"] == "back"
    # A look's name as a tag sets the look, in either language.
    assert (second["look"], second["tags"]) == ("up", ["work"])
    assert second["text"].endswith("没有完成的部分下周继续。")


def test_jrnl_1x_headings_without_brackets(cli, tmp_path, utc):
    path = write(tmp_path, "old.journal", LEGACY)
    cli.ok("import", str(path), "--look", "down")
    first, second = entries(cli)
    assert (first["date"], first["look"], first["tags"]) == ("2025-03-02", "down", [])
    assert first["text"] == "An entry from jrnl 1.x without brackets."
    # The tag stays in the text, as jrnl keeps it; the title did not end a sentence.
    assert (second["look"], second["text"]) == ("ahead", "Another one. @ahead\nWith a body line.")


def test_little_endian_dates_seconds_and_a_12_hour_clock(cli, tmp_path, utc):
    text = "[09.06.2013 15:39] Day first.\n\n[2013-06-10 03:40:05 PM] In the afternoon.\n"
    cli.ok("import", str(write(tmp_path, "j.txt", text)))
    first, second = entries(cli)
    assert first["date"] == "2013-06-09" and first["created_at"].startswith("2013-06-09T15:39:00")
    assert second["created_at"].startswith("2013-06-10T15:40:05")


def test_importing_the_same_journal_twice_adds_nothing(cli, tmp_path):
    path = write(tmp_path, "journal.txt", MODERN)
    cli.ok("import", str(path))
    again = json.loads(cli.ok("import", str(path), "--json").stdout)
    assert again["entries"] == {"added": 0, "updated": 0, "skipped": 2}
    assert len(entries(cli)) == 2
    # From stdin too, with the format named.
    piped = json.loads(cli.ok("import", "-", "-f", "jrnl-text", "--json", input=MODERN).stdout)
    assert piped["entries"]["skipped"] == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dear diary,\n[2026-11-20 09:15] late heading\n", "line 1: not a jrnl entry heading"),
        ("[2026-02-30 09:15] No such day\n", "line 1: '[2026-02-30 09:15] No such day' names no"),
        ("\n\n[2026-11-20 09:15] fine\n\n[2026-11-21 13:00 PM] bad\n", "line 5"),
        ("[2026-11-20 09:15]\n", "text is empty"),
    ],
)
def test_a_bad_journal_is_refused_whole_in_one_line(cli, tmp_path, text, expected):
    result = cli("import", str(write(tmp_path, "bad.txt", text)))
    assert result.exit_code == 1, result.output
    [line] = result.stderr.strip().splitlines()
    assert expected in line and "nothing was imported" in line, line
    assert cli.json("list", "--json") == []


@pytest.mark.parametrize("content", [b"just some notes\n", b"", b"\x00\x01binary"])
def test_a_file_no_reader_knows_names_every_format_expected(cli, tmp_path, content):
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    result = cli("import", str(path))
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert "not valid JSON" in line and "jrnl's plain text: [YYYY-MM-DD HH:MM] title" in line


def test_a_json_file_broken_half_way_still_says_where_and_what_was_expected(cli, tmp_path):
    path = tmp_path / "export.json"
    path.write_text('{\n  "format": fourlooks}')
    [line] = cli("import", str(path)).stderr.strip().splitlines()
    assert "line 2, column" in line and "jrnl's plain text" in line


def test_the_format_named_must_be_the_files(cli, tmp_path):
    result = cli("import", str(write(tmp_path, "journal.txt", MODERN)), "--format", "jrnl")
    assert result.exit_code == 1 and "is a jrnl-text export, not jrnl" in result.stderr
