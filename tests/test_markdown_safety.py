"""The Markdown exports keep their outline and front matter whatever the entries hold."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from fourlooks.formats import markdown_text

ODD_TAG = "del\x7fnel\x85ls\u2028end"


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def test_front_matter_stays_valid_yaml_for_a_tag_an_older_journal_may_hold(
    cli, journal_file, tmp_path
):
    cli.ok("add", "--look", "back", "tagged long ago", "-t", "old", "--date", "2026-11-20")
    with contextlib.closing(sqlite3.connect(journal_file)) as conn, conn:
        conn.execute("UPDATE entry_tags SET tag = ?", (ODD_TAG,))  # no longer enterable
    cli.ok("export", "-o", f"{tmp_path}/vault/")
    [note] = (tmp_path / "vault").rglob("2026-11-20.md")
    assert _front_matter(note)["tags"] == [ODD_TAG]


def test_a_heading_inside_a_quote_does_not_join_the_outline(cli):
    cli.ok(
        "add", "--look", "back", "> # Not a heading\n>\n> Setext too\n> ---", "--date", "2026-11-20"
    )
    document = cli.ok("export", "-f", "markdown").stdout.split("---\n", 2)[2]
    tokens = MarkdownIt().parse(document)
    headings = [
        tokens[index + 1].content
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]
    assert headings == ["fourlooks journal", "2026-11-20 Friday", "Look back"]


def test_unclosed_fences_are_escaped_in_one_pass(monkeypatch):
    """A fence never closed used to cost a pass over the whole text each: 16 s for 0.5 MB."""
    text = "".join("`" * width + "\n" + "x\n" * 200 for width in range(60, 2, -1))
    lines = text.count("\n")
    calls = 0
    real = markdown_text._FENCE

    class Counting:
        def match(self, line: str):
            nonlocal calls
            calls += 1
            return real.match(line)

    monkeypatch.setattr(markdown_text, "_FENCE", Counting())
    escaped = markdown_text.escaped(text)
    assert calls <= lines  # each line looked at once, however many fences stay open
    assert sum(line.startswith("\\`") for line in escaped) == 58  # every one made plain text
