"""Search: the index follows every write, finds English and Chinese, ranks, and takes any input."""

from __future__ import annotations

import dataclasses
import sqlite3
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from fourlooks import fulltext, migrations, store
from fourlooks.model import Cadence, Entry, Look
from fourlooks.store import entries
from fourlooks.store import search as index
from pty_harness import run_in_terminal


@pytest.fixture
def journal(tmp_path):
    with store.open_journal(tmp_path / "j.db") as opened:
        yield opened


def find(journal, query, **filters):
    return [e.text for e, _ in index.search(journal, fulltext.parse_query(query), **filters)]


def add(journal, text, *, date="2026-11-01", look=Look.BACK, **fields):
    return entries.add(journal, date=date, look=look, text=text, **fields)


# The index follows every way an entry is written.


def test_added_edited_and_deleted_entries_are_found_then_not(journal):
    entry = add(journal, "the budget meeting ran long")
    assert find(journal, "budget") == ["the budget meeting ran long"]
    entries.replace(journal, dataclasses.replace(entry, text="the rota meeting ran long"))
    assert find(journal, "budget") == []
    assert find(journal, "rota") == ["the rota meeting ran long"]
    entries.delete(journal, entry.id)
    assert find(journal, "rota") == []
    assert find(journal, "meeting") == []


def test_a_review_answer_inserted_with_every_field_is_found(journal):
    answer = Entry(
        id="11111111-2222-3333-4444-555555555555",
        date="2026-11-30",
        look=Look.BACK,
        text="3",
        cadence=Cadence.MONTHLY,
        question_id="monthly.back.conduct",
        rating=3,
        created_at="2026-11-30T20:00:00.000000+00:00",
        updated_at="2026-11-30T20:00:00.000000+00:00",
    )
    with journal.write():
        entries.insert(journal, answer)
        entries.insert(
            journal,
            dataclasses.replace(answer, id="22222222-0000-0000-0000-000000000000", text="坚持原则"),
        )
    assert find(journal, "3") == ["3"]
    assert find(journal, "原则") == ["坚持原则"]


def test_changing_only_tags_or_look_keeps_the_entry_found(journal):
    entry = add(journal, "walked the site with the foreman")
    entries.replace(journal, dataclasses.replace(entry, look=Look.DOWN, tags=("site",)))
    assert find(journal, "foreman") == ["walked the site with the foreman"]


def test_a_journal_from_before_search_is_indexed_when_it_opens(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path, isolation_level=None) as conn:
        migrations.migrations.apply(Database(conn), stop_before="m002_search")
        conn.execute("PRAGMA user_version = 1")
        conn.execute(
            "INSERT INTO entries (id, date, look, text, created_at, updated_at)"
            " VALUES ('aaaa', '2026-01-01', 'back', '旧日记里的经常性反思', 'x', 'x')"
        )
    conn.close()
    with store.open_journal(path) as journal:
        assert find(journal, "反思") == ["旧日记里的经常性反思"]
        assert journal.conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert list(tmp_path.glob("old.db.schema1-*.bak"))


def test_rebuild_restores_the_same_results(journal):
    add(journal, "经常性反思 and a lesson")
    add(journal, "a second lesson")
    before = find(journal, "lesson")
    assert index.rebuild(journal) == 2
    assert find(journal, "lesson") == before
    assert find(journal, "反思") == ["经常性反思 and a lesson"]


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_ascii_text_is_indexed_as_it_is(text):
    """The shortcut for ASCII stores what the general rule would: NFKC keeps ASCII as it is."""
    assert fulltext.index_body(text) == text == unicodedata.normalize("NFKC", text)
    assert fulltext.index_tail(text) == ""
    assert fulltext.index_body(text + "反思") == text + " 反思 "


# What a query finds.


def test_english_words_phrases_prefixes_case_and_accents(journal):
    add(journal, "Went well: the café meeting with Li")
    add(journal, "Working late again; the meeting went badly")
    assert set(find(journal, "meeting")) == {
        "Went well: the café meeting with Li",
        "Working late again; the meeting went badly",
    }
    assert find(journal, '"went well"') == ["Went well: the café meeting with Li"]
    assert find(journal, "well went") == ["Went well: the café meeting with Li"]
    assert find(journal, "cafe") == find(journal, "CAFÉ") == ["Went well: the café meeting with Li"]
    # English words match their inflections (the index stems them): work finds "Working".
    assert find(journal, "work") == ["Working late again; the meeting went badly"]
    assert find(journal, "work*") == ["Working late again; the meeting went badly"]


@pytest.mark.parametrize(
    "query",
    ["反思", "常性反", "经常性反思", "性反思自己", "思自", "自己的工作"],
)
def test_any_chinese_substring_of_two_or_more_characters_is_found(journal, query):
    add(journal, "我经常性反思自己的工作。")
    add(journal, "思考和工作是两回事")
    assert "我经常性反思自己的工作。" in find(journal, query)


def test_chinese_that_is_not_a_substring_is_not_found(journal):
    add(journal, "我经常性反思自己的工作")
    assert find(journal, "反省") == []
    assert find(journal, "工作经常") == []


def test_chinese_mixed_with_english_and_single_characters(journal):
    add(journal, "用Python写了图书馆的借书系统")
    add(journal, "Python notes")
    assert find(journal, "python 图书馆") == ["用Python写了图书馆的借书系统"]
    assert find(journal, "Python写") == ["用Python写了图书馆的借书系统"]
    assert find(journal, "Python统") == ["用Python写了图书馆的借书系统"]  # two terms
    assert find(journal, '"python写"') == ["用Python写了图书馆的借书系统"]
    assert find(journal, "统") == ["用Python写了图书馆的借书系统"]  # last of a run
    assert find(journal, "用") == ["用Python写了图书馆的借书系统"]  # a run of one
    assert find(journal, "书") == ["用Python写了图书馆的借书系统"]  # inside a run


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_substring_of_a_chinese_text_finds_it(journal, data):
    text = data.draw(st.text(alphabet="反思工作经常性学习进步问题", min_size=2, max_size=20))
    entry = add(journal, text)
    start = data.draw(st.integers(0, len(text) - 2))
    end = data.draw(st.integers(start + 2, len(text)))
    assert entry.text in find(journal, text[start:end])
    entries.delete(journal, entry.id)


def test_best_matches_come_first(journal):
    add(journal, "one mention of the rota among many other words about the week and the weather")
    add(journal, "rota, rota: the rota again")
    add(journal, "nothing relevant")
    assert find(journal, "rota") == [
        "rota, rota: the rota again",
        "one mention of the rota among many other words about the week and the weather",
    ]


def test_filters_by_look_and_dates_and_limit(journal):
    add(journal, "plan A", date="2026-10-01", look=Look.AHEAD)
    add(journal, "plan B", date="2026-11-01", look=Look.AHEAD)
    add(journal, "plan C", date="2026-11-20", look=Look.BACK)
    assert sorted(find(journal, "plan", look=Look.AHEAD)) == ["plan A", "plan B"]
    assert sorted(find(journal, "plan", date_from="2026-11-01")) == ["plan B", "plan C"]
    assert find(journal, "plan", date_to="2026-10-31") == ["plan A"]
    assert len(find(journal, "plan", limit=2)) == 2


def test_highlight_spans_and_snippet_point_at_the_match():
    text = "A long day. " * 10 + "Then the 经常性反思 came.\nNext line"
    terms = fulltext.parse_query("反思 then")
    spans = fulltext.highlight_spans(text, terms)
    assert [text[a:b] for a, b in spans] == ["Then", "反思"]
    pieces = fulltext.snippet(text, spans)
    assert pieces[0] == ("…", False)
    assert ("反思", True) in pieces and ("Then", True) in pieces
    assert "\n" not in "".join(piece for piece, _ in pieces)


# The command.


def test_search_command_prints_id_date_look_and_snippet(cli):
    cli.ok("add", "-l", "down", "-t", "people", "--date", "2026-11-20", "听取了群众对新规定的意见")
    cli.ok("add", "-l", "back", "Nothing about that")
    out = cli.ok("search", "意见").stdout.splitlines()
    assert len(out) == 2
    assert "2026-11-20 Fri" in out[0] and "down" in out[0] and "#people" in out[0]
    assert out[1].strip() == "听取了群众对新规定的意见"
    assert "\x1b[" not in cli.ok("search", "意见").stdout


def test_search_command_words_need_no_quotes_and_json_has_score_and_snippet(cli):
    cli.ok("add", "-l", "up", "Compared with last month the results moved up")
    [hit] = cli.json("search", "results", "month", "--json")
    assert hit["text"] == "Compared with last month the results moved up"
    assert hit["snippet"] == hit["text"]
    assert isinstance(hit["score"], float)
    assert list(hit)[:4] == ["id", "date", "look", "text"]


def test_search_command_filters(cli):
    cli.ok("add", "-l", "ahead", "--date", "2026-11-01", "goal for the year")
    cli.ok("add", "-l", "back", "--date", "2026-11-25", "goal reviewed")
    texts = lambda *a: [h["text"] for h in cli.json("search", "goal", "--json", *a)]  # noqa: E731
    assert texts("--look", "a") == ["goal for the year"]
    assert texts("--from", "today") == []
    assert texts("--from", "2026-11-20") == ["goal reviewed"]
    assert texts("--to", "2026-11-02") == ["goal for the year"]
    assert len(texts("-n", "1")) == 1
    result = cli("search", "goal", "--from", "today", "--to", "2026-01-01")
    assert result.exit_code == 2 and "after" in result.stderr


def test_no_match_says_so_on_stderr(cli):
    result = cli.ok("search", "nowhere")
    assert result.stdout == "" and "No entries match" in result.stderr


HOSTILE = [
    '"unbalanced',
    'two "quotes" and " one',
    "-",
    "AND",
    "plan AND",
    "OR NOT",
    "*",
    "plan*",
    "NEAR(",
    "NEAR(plan",
    "plan:",
    "body:plan",
    "{body tail}: plan",
    "^plan",
    "()",
    "'",
    "\\",
    "plan\x00x",
    "\x00",
    "x" * 10_000,
    "反" * 600,
    " ".join(["w"] * 100),
    "🎉",
    "\u200b",
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_are_plain_text_or_a_one_line_message(cli, query):
    cli.ok("add", "-l", "back", "plan and body: the plan AND more")
    result = cli("search", "--", query)
    assert result.exit_code in (0, 2), (result.exit_code, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 2:
        assert len(result.stderr.strip().splitlines()) == 1
        assert result.stderr.startswith("fourlooks: ")


def test_operators_typed_by_mistake_are_searched_as_words(cli):
    cli.ok("add", "-l", "back", "plan and body: the plan AND more")
    for query in ("plan AND", '"plan', "body: plan", "plan -", "plan*"):
        assert len(cli.json("search", "--json", "--", query)) == 1, query


@pytest.mark.parametrize("no_color", [False, True])
def test_in_a_terminal_the_match_is_highlighted_unless_no_color(home, no_color):
    env = {"NO_COLOR": "1"} if no_color else {}
    assert run_in_terminal("add", "-l", "back", "the rota worked")[0] == 0
    status, output = run_in_terminal("search", "rota", plain=False, env=env)
    assert status == 0
    assert ("\x1b[1;33mrota\x1b[0m" in output) is not no_color
    assert "the rota worked" in output.replace("\x1b[1;33m", "").replace("\x1b[0m", "")
