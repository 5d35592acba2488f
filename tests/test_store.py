"""The store's API: entries in and out of SQLite, transactions, schema."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fourlooks import migrations, store
from fourlooks.errors import Ambiguous, JournalError, NotFound
from fourlooks.model import Look, clean_text
from fourlooks.store import entries


@pytest.fixture
def journal(tmp_path):
    with store.open_journal(tmp_path / "j.db") as opened:
        yield opened


def test_schema_version_counts_the_migrations():
    assert len(migrations.migrations._migrations) == store.SCHEMA_VERSION


def test_a_new_journal_is_migrated_and_in_wal_mode(journal):
    conn = journal.conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == [m.name for m in migrations.migrations._migrations]


def test_add_then_get_returns_the_same_entry(journal):
    added = entries.add(journal, date="2026-11-01", look=Look.DOWN, text="heard", tags=["b", "a"])
    assert entries.get(journal, added.id) == added
    assert added.tags == ("a", "b")


def test_query_orders_newest_first_and_filters(journal):
    for day, look in (("2026-01-02", Look.UP), ("2026-01-01", Look.BACK), ("2026-01-03", Look.UP)):
        entries.add(journal, date=day, look=look, text=day)
    assert [e.date for e in entries.query(journal)] == ["2026-01-03", "2026-01-02", "2026-01-01"]
    assert [e.date for e in entries.query(journal, look=Look.UP, newest_first=False)] == [
        "2026-01-02",
        "2026-01-03",
    ]


def test_iterate_walks_everything_in_batches(journal):
    for n in range(25):
        entries.add(journal, date=f"2026-01-{n % 28 + 1:02d}", look=Look.BACK, text=str(n))
    walked = list(entries.iterate(journal, batch=7))
    assert len(walked) == 25
    assert [(e.date, e.created_at) for e in walked] == sorted(
        (e.date, e.created_at) for e in walked
    )


def test_a_failed_write_leaves_nothing_behind(journal):
    with pytest.raises(RuntimeError), journal.write():
        entries.add(journal, date="2026-01-01", look=Look.BACK, text="half")
        raise RuntimeError("interrupted")
    assert entries.count(journal) == 0


def test_unknown_and_ambiguous_ids(journal):
    with pytest.raises(NotFound):
        entries.get(journal, "ffff")
    first = entries.add(journal, date="2026-01-01", look=Look.BACK, text="one")
    with journal.write() as conn:
        conn.execute("UPDATE entries SET id = 'aaaa1111' WHERE id = ?", (first.id,))
    entries.add(journal, date="2026-01-01", look=Look.BACK, text="two")
    with journal.write() as conn:
        conn.execute("UPDATE entries SET id = 'aaaa2222' WHERE id != 'aaaa1111'")
    with pytest.raises(Ambiguous):
        entries.get(journal, "aaaa")
    assert entries.get(journal, "aaaa1").text == "one"
    assert entries.short_ids(journal, ["aaaa1111"]) == {"aaaa1111": "aaaa1111"}


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "j.db"
    store.open_journal(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    with pytest.raises(JournalError, match="newer fourlooks"):
        store.open_journal(path)


def test_an_empty_file_becomes_a_journal(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    with store.open_journal(path) as journal:
        assert entries.count(journal) == 0


TEXTS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=3000,
).filter(lambda t: t.strip("\n").strip())


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(TEXTS, st.sampled_from(["经常性反思 🎉\n第二行", "x" * 200_000, "\t\r\n a"])))
def test_any_unicode_text_is_stored_and_read_back_identical(journal, text):
    stored = clean_text(text)
    added = entries.add(journal, date="2026-11-26", look=Look.AHEAD, text=stored)
    assert entries.get(journal, added.id).text == stored
    assert stored == text.strip("\n")


def test_importing_the_cli_does_not_load_heavy_modules():
    code = (
        "import sys, fourlooks.cli; "
        "heavy = [m for m in ('rich', 'sqlite_utils', 'dateutil', 'platformdirs') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
