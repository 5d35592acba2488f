"""Search finds English words by their inflections and entries by their tags."""

from __future__ import annotations

import sqlite3

import pytest

from fourlooks import migrations, store


def add(cli, text, *more):
    return cli.ok("add", "-l", "back", *more, text).stdout.strip()


def found(cli, *args):
    return [hit["text"] for hit in cli.json("search", *args, "--json")]


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("checklist", "Wrote the checklists before the launch"),
        ("checklists", "A checklist saved the day"),
        ("work", "Working late again; it was not worth it"),
        ("worked", "Working late again; it was not worth it"),
        ("meetings", "The meeting went well"),
        ("studies", "Read two studies of attention"),
        ("study", "Read two studies of attention"),
    ],
)
def test_an_english_word_finds_its_inflections(cli, query, text):
    add(cli, text)
    add(cli, "Nothing to do with it")
    assert found(cli, query) == [text]


def test_the_inflection_found_is_highlighted(cli):
    add(cli, "Wrote the checklists before the launch")
    [hit] = cli.json("search", "checklist", "--json")
    assert hit["snippet"] == "Wrote the checklists before the launch"
    line = cli.ok("search", "checklist").stdout.splitlines()[1]
    assert line.strip() == "Wrote the checklists before the launch"


def test_chinese_still_matches_any_two_characters(cli):
    add(cli, "我经常性反思自己的工作。")
    add(cli, "工作之余去了图书馆")
    assert found(cli, "反思") == ["我经常性反思自己的工作。"]
    assert sorted(found(cli, "工作")) == sorted(["我经常性反思自己的工作。", "工作之余去了图书馆"])
    assert found(cli, "书馆") == ["工作之余去了图书馆"]


def test_a_tag_is_found_by_its_name(cli):
    tagged = "Drafted the budget with Li"
    add(cli, tagged, "--tag", "work")
    add(cli, "A walk by the river", "--tag", "home")
    add(cli, "Talked about work over dinner")
    # the text matches come first, then the entries with the tag
    assert found(cli, "work") == ["Talked about work over dinner", tagged]
    assert found(cli, "#work") == ["Talked about work over dinner", tagged]
    assert found(cli, "Work", "budget") == [tagged]  # the tag and a word of the text
    assert found(cli, "work", "river") == []
    assert found(cli, "home", "--look", "up") == []


def test_a_chinese_tag_is_found_by_its_name(cli):
    add(cli, "周末去爬山", "--tag", "家")
    assert found(cli, "家") == ["周末去爬山"]


def test_search_help_says_how_words_and_tags_match(cli):
    shown = " ".join(cli.ok("search", "--help").stdout.split())
    assert "checklist finds checklists" in shown
    assert "tag" in shown


def test_a_journal_indexed_before_stemming_is_reindexed_when_it_opens(tmp_path):
    path = tmp_path / "old.db"
    with store.open_journal(path) as journal:
        journal.conn.execute(
            "INSERT INTO entries (id, date, look, text, created_at, updated_at) VALUES"
            " ('aaaa', '2026-01-01', 'back', 'Wrote the checklists', 'x', 'x')"
        )
    # Put the journal back as schema 4 left it: the index without stems, m005 not applied.
    with sqlite3.connect(path, isolation_level=None) as conn:
        store.search.register(conn)
        conn.execute("BEGIN")
        conn.execute("DROP TABLE entry_search")
        conn.execute(
            "CREATE VIRTUAL TABLE entry_search USING fts5(body, tail, content = '',"
            " tokenize = 'unicode61 remove_diacritics 2')"
        )
        conn.execute(
            "INSERT INTO entry_search (rowid, body, tail) SELECT r.n, e.text, ''"
            " FROM entry_search_rows r JOIN entries e ON e.id = r.entry_id"
        )
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_search_stems'")
        conn.execute("PRAGMA user_version = 4")
        conn.execute("COMMIT")
        assert conn.execute(
            "SELECT count(*) FROM entry_search WHERE entry_search MATCH 'checklist'"
        ).fetchone() == (0,)
    conn.close()
    with store.open_journal(path) as journal:
        assert journal.conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
        rows = journal.conn.execute(
            "SELECT count(*) FROM entry_search WHERE entry_search MATCH 'checklist'"
        ).fetchone()
        assert rows == (1,)
    assert "m005_search_stems" in {m.name for m in migrations.migrations._migrations}
