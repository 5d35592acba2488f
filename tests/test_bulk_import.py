"""Large imports index in one batch: the index ends exactly as the triggers would leave it,
and an import that fails or dies half-way leaves the triggers and the index as they were."""

from __future__ import annotations

import dataclasses
import json
import os
import random
import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fourlooks import fulltext, store
from fourlooks.errors import ImportFileError, JournalError, NotFound
from fourlooks.formats import fourlooks_json
from fourlooks.model import Bundle, Cadence, Entry, Look, Review, clean_text
from fourlooks.store import entries, readout, reviews, transfer
from fourlooks.store import search as index
from journal_builder import copy_journal

WORDS = ["budget", "rota", "team", "meeting", "visit", "report", "Café", "naïve", "shipped"]
HANZI = "经常性反思工作进步问题"
QUERIES = ["budget", "team meeting", "cafe", "ship*", "反思", "工作", "常性反", "思", "问"]
NOW = "2026-11-20T08:00:00.000000+00:00"
LATER = "2026-11-21T08:00:00.000000+00:00"
# Enough entries for the batch path, and for every query to find some.
MANY = max(300, transfer.DEFER_INDEX_MIN_ENTRIES)


def some_text(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12)))
    return "".join(rng.choice(HANZI) for _ in range(rng.randint(1, 20))) + " " + rng.choice(WORDS)


def make_entries(count: int, seed: int = 1) -> list[Entry]:
    """Entries in the order an export lists them (by date, then time of writing)."""
    rng = random.Random(seed)
    made = [
        Entry(
            id=f"{n:08x}-0000-4000-8000-{rng.getrandbits(48):012x}",
            date=f"2026-{n % 12 + 1:02d}-01",
            look=rng.choice(list(Look)),
            text=some_text(rng),
            tags=("work",) if n % 3 == 0 else (),
            created_at=f"2026-01-01T00:00:00.{n:06d}+00:00",
            updated_at=NOW,
        )
        for n in range(count)
    ]
    return sorted(made, key=lambda entry: (entry.date, entry.created_at, entry.id))


@pytest.fixture
def opened(tmp_path):
    journals = []

    def open_one(name: str):
        journals.append(store.open_journal(tmp_path / name))
        return journals[-1]

    yield open_one
    for journal in journals:
        journal.close()


def index_state(journal) -> dict:
    """All the index holds: row numbers, every term instance, lengths and totals, triggers."""
    conn = journal.conn
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab"
        " USING fts5vocab(main, entry_search, instance)"
    )
    return {
        "rows": conn.execute("SELECT n, entry_id FROM entry_search_rows ORDER BY n").fetchall(),
        "instances": conn.execute("SELECT * FROM temp.vocab ORDER BY 1, 2, 3, 4").fetchall(),
        "sizes": conn.execute("SELECT * FROM entry_search_docsize ORDER BY 1").fetchall(),
        "totals": conn.execute("SELECT block FROM entry_search_data WHERE id = 1").fetchall(),
        "triggers": triggers(journal),
    }


def triggers(journal) -> list:
    return journal.conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ).fetchall()


def results(journal) -> dict:
    """Each query's matches with their bm25 scores, best first."""
    return {
        query: [(e.id, round(score, 9)) for e, score in index.search(journal, parse(query))]
        for query in QUERIES
    }


def parse(query: str):
    return fulltext.parse_query(query)


def intact(journal) -> bool:
    journal.conn.execute("INSERT INTO entry_search (entry_search) VALUES ('integrity-check')")
    return True


def schema_version(journal) -> int:
    return journal.conn.execute("PRAGMA schema_version").fetchone()[0]


def one_by_one(journal, records: list[Entry]) -> None:
    """What the triggers make of these writes: one statement per entry."""
    for entry in records:
        if journal.conn.execute("SELECT 1 FROM entries WHERE id = ?", (entry.id,)).fetchone():
            entries.replace(journal, entry)
        else:
            entries.insert(journal, entry)


def import_all(journal, records: list[Entry]):
    return transfer.merge(journal, Bundle(format="fourlooks", entries=records), origin="f")


# The same index as the triggers make.


def test_a_large_import_indexes_as_adding_one_by_one_does(opened):
    records = make_entries(MANY)
    by_hand, imported = opened("hand.db"), opened("imported.db")
    one_by_one(by_hand, records)
    text = "".join(fourlooks_json.dump(readout.entries(by_hand), (), ()))
    before = schema_version(imported)
    bundle = fourlooks_json.parse(json.loads(text), "f")
    report = transfer.merge(imported, bundle, origin="f")
    assert report.entries.added == len(records)
    assert schema_version(imported) != before  # the batch path was taken
    assert index_state(imported) == index_state(by_hand)
    assert results(imported) == results(by_hand)
    assert all(results(imported).values())
    assert intact(imported)


def test_a_large_import_of_edits_reindexes_as_editing_one_by_one_does(opened):
    records = make_entries(MANY)
    rng = random.Random(2)
    incoming = []
    for entry in records:
        roll = rng.random()
        if roll < 0.5:  # the text edited on another machine
            entry = dataclasses.replace(entry, text=some_text(rng), updated_at=LATER)
        elif roll < 0.6:  # only the tags changed
            entry = dataclasses.replace(entry, tags=("moved",), updated_at=LATER)
        elif roll < 0.7:  # edited, and back to the same text
            entry = dataclasses.replace(entry, updated_at=LATER)
        incoming.append(entry)
    incoming += make_entries(30, seed=3)  # and some new ones
    by_hand, imported = opened("hand.db"), opened("imported.db")
    for journal in (by_hand, imported):
        one_by_one(journal, records)
    one_by_one(by_hand, incoming)
    before = schema_version(imported)
    report = import_all(imported, incoming)
    assert schema_version(imported) != before
    assert report.entries.updated > MANY // 2
    assert index_state(imported) == index_state(by_hand)
    assert results(imported) == results(by_hand)
    assert intact(imported)


def test_a_small_import_keeps_to_the_triggers(opened):
    records = make_entries(3)
    by_hand, imported = opened("hand.db"), opened("imported.db")
    one_by_one(by_hand, records)
    before = schema_version(imported)
    import_all(imported, records)
    assert schema_version(imported) == before  # no trigger was dropped
    assert index_state(imported) == index_state(by_hand)


TEXTS = st.text(alphabet=st.sampled_from("ab 经常性反思 Éé\n"), min_size=1, max_size=30).filter(
    lambda t: t.strip()
).map(clean_text)  # fmt: skip


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    first=st.lists(TEXTS, max_size=6),
    second=st.lists(st.tuples(st.integers(0, 9), TEXTS, st.booleans()), max_size=10),
)
def test_any_import_indexes_the_same_either_way(
    tmp_path_factory, empty_journal_template, monkeypatch, first, second
):
    """Every mix of new, edited and unchanged entries, with and without the batch path."""
    base = [
        Entry(id=f"{n:x}0", date="2026-11-20", look=Look.UP, text=text, created_at=NOW,
              updated_at=NOW)
        for n, text in enumerate(first)
    ]  # fmt: skip
    incoming = {}
    for slot, text, newer in second:
        entry_id = base[slot].id if slot < len(base) else f"{slot:x}1"
        incoming[entry_id] = Entry(id=entry_id, date="2026-11-21", look=Look.BACK, text=text,
                                   created_at=NOW, updated_at=LATER if newer else NOW)  # fmt: skip
    folder = tmp_path_factory.mktemp("either")
    states = []
    for threshold in (0, 10**9):  # always the batch; never
        monkeypatch.setattr(transfer, "DEFER_INDEX_MIN_ENTRIES", threshold)
        path = copy_journal(empty_journal_template, folder / f"{threshold}.db")
        with store.open_journal(path) as journal:
            one_by_one(journal, base)
            import_all(journal, list(incoming.values()))
            assert intact(journal)
            states.append((index_state(journal), results(journal)))
    assert states[0] == states[1]


# Failing half-way changes nothing.


def test_an_error_half_way_leaves_the_triggers_and_the_index_as_they_were(opened):
    journal = opened("j.db")
    one_by_one(journal, make_entries(20))
    before = index_state(journal), results(journal)
    records = make_entries(MANY, seed=5)
    # The schema's CHECK refuses a rating of 9 once most entries are written.
    records[-10] = dataclasses.replace(records[-10], rating=9)
    with pytest.raises(JournalError):
        import_all(journal, records)
    assert (index_state(journal), results(journal)) == before
    assert entries.count(journal) == 20
    added = entries.add(journal, date="2026-11-26", look=Look.UP, text="a budget afterwards")
    assert added.id in [e.id for e, _ in index.search(journal, parse("afterwards"))]


def test_an_error_while_indexing_the_batch_rolls_everything_back(opened, monkeypatch):
    journal = opened("j.db")
    one_by_one(journal, make_entries(20))
    before = index_state(journal), results(journal)
    records = make_entries(MANY, seed=5)
    poison = records[-1].text

    def failing(text: str) -> str:
        if text == poison:
            raise RuntimeError("the indexer failed")
        return original(text)

    original = fulltext.index_body
    monkeypatch.setattr(fulltext, "index_body", failing)
    with pytest.raises(JournalError, match="user-defined function raised exception"):
        import_all(journal, records)
    monkeypatch.undo()
    assert (index_state(journal), results(journal)) == before
    assert entries.count(journal) == 20


def test_a_dry_run_of_a_large_import_changes_nothing(opened):
    journal = opened("j.db")
    one_by_one(journal, make_entries(20))
    before = index_state(journal), schema_version(journal)
    report = transfer.merge(
        journal,
        Bundle(format="fourlooks", entries=make_entries(MANY, seed=7)),
        origin="f",
        dry_run=True,
    )
    assert report.entries.added == MANY
    assert (index_state(journal), schema_version(journal)) == before


def test_an_import_killed_half_way_leaves_the_journal_as_it_was(opened, tmp_path):
    path = tmp_path / "j.db"
    journal = opened("j.db")
    one_by_one(journal, make_entries(20))
    before = index_state(journal), results(journal)
    journal.close()
    # The process dies inside the batch: triggers dropped, entries written, nothing committed.
    script = textwrap.dedent(
        f"""
        import os
        import sys
        from pathlib import Path
        sys.path.insert(0, {os.path.dirname(__file__)!r})
        from test_bulk_import import import_all, make_entries
        from fourlooks import store
        from fourlooks.store import entries

        def die(journal, changed):
            os._exit(9)

        entries.replace_many = die
        import_all(store.open_journal(Path({str(path)!r})), make_entries({MANY}, seed=5))
        """
    )
    died = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert died.returncode == 9, died.stderr
    reopened = opened("j.db")
    assert (index_state(reopened), results(reopened)) == before
    assert entries.count(reopened) == 20
    assert intact(reopened)


def test_a_failed_batch_inside_a_larger_transaction_restores_the_triggers(opened):
    journal = opened("j.db")
    one_by_one(journal, make_entries(5))
    before = index_state(journal)
    # The caller catches the error and goes on to commit: the triggers must be back.
    with journal.write(), pytest.raises(RuntimeError), index.deferred(journal):
        entries.insert_many(journal, make_entries(10, seed=9))
        raise RuntimeError("half-way")
    assert index_state(journal) == before
    assert entries.count(journal) == 5


@pytest.mark.parametrize(
    "sql",
    ["DELETE FROM entries WHERE id = ?", "UPDATE entries SET id = id || '0' WHERE id = ?"],
    ids=["delete", "rename"],
)
def test_deleting_or_renaming_entries_in_a_batch_is_refused(opened, sql):
    journal = opened("j.db")
    records = make_entries(5)
    one_by_one(journal, records)
    before = index_state(journal)
    with pytest.raises(JournalError, match="search index is deferred"), index.deferred(journal):
        journal.conn.execute(sql, (records[0].id,))
    assert index_state(journal) == before


# Records are looked up in batches, with the same outcomes as one by one.


def test_importing_a_file_of_more_than_one_batch_twice_adds_nothing(opened):
    journal = opened("j.db")
    records = make_entries(1200, seed=13)  # lookups go 500 ids at a time
    assert import_all(journal, records).entries.added == 1200
    newer = [dataclasses.replace(e, text="edited", updated_at=LATER) for e in records[::400]]
    again = import_all(journal, records[:700] + newer + records[700:])
    assert dataclasses.asdict(again.entries) == {"added": 0, "updated": 3, "skipped": 1200}
    assert entries.count(journal) == 1200
    assert len(index.search(journal, parse("edited"))) == 3


def test_of_several_references_to_nothing_the_first_in_the_file_is_named(opened):
    journal = opened("j.db")
    records = make_entries(MANY, seed=17)
    records[150] = dataclasses.replace(records[150], commitment_id="ffff0001")
    records[100] = dataclasses.replace(records[100], review_id="ffff0002")
    with pytest.raises(ImportFileError, match=r"entry #101 .*'review_id': 'ffff0002'"):
        import_all(journal, records)
    assert entries.count(journal) == 0


def test_replacing_entries_one_of_which_is_missing_names_it_and_changes_nothing(opened):
    journal = opened("j.db")
    records = make_entries(3)
    one_by_one(journal, records)
    before = index_state(journal)
    edited = [dataclasses.replace(e, text="edited") for e in records]
    ghost = dataclasses.replace(records[0], id="ffff0003")
    with pytest.raises(NotFound, match="no entry ffff0003"):
        entries.replace_many(journal, [*edited[:2], ghost, edited[2]])
    assert [e.text for e in entries.query(journal, newest_first=False)] == [e.text for e in records]
    assert index_state(journal) == before


def test_every_trigger_on_entries_is_paused_in_a_batch(opened):
    """A trigger added to `entries` later would fire in a batch too: deferred must know it."""
    journal = opened("j.db")

    def on_entries(schema: str) -> set[str]:
        return {
            name
            for (name,) in journal.conn.execute(
                f"SELECT name FROM {schema}.sqlite_master"
                " WHERE type = 'trigger' AND tbl_name = 'entries'"
            )
        }

    everything = on_entries("main")
    assert everything == {name for name, _ in journal.conn.execute(index._TRIGGERS_SQL)}
    # the search index's 4, reviews.answered's 3 (m012), entries.settled's 4 (m014)
    assert len(everything) == 11
    with index.deferred(journal):
        assert on_entries("main") == set()
        assert on_entries("temp") == {
            "deferred_index_edit",
            "deferred_index_no_delete",
            "deferred_index_no_rename",
            "deferred_index_move",
            "deferred_index_follow",
        }
    assert on_entries("main") == everything
    assert on_entries("temp") == set()


def test_a_large_import_through_the_command_is_found_by_search(cli, tmp_path):
    records = make_entries(MANY, seed=19)
    file = tmp_path / "big.json"
    file.write_text("".join(fourlooks_json.dump(records, (), ())), encoding="utf-8")
    assert f"entries:  {MANY} added" in cli.ok("import", str(file)).stdout
    expected = sorted(e.id for e in records if "反思" in e.text)
    assert expected
    found = cli.json("search", "反思", "--json", "-n", str(MANY))
    assert sorted(hit["id"] for hit in found) == expected
    assert f"{MANY} already there" in cli.ok("import", str(file)).stdout


def test_a_batch_marks_the_reviews_its_answers_belong_to_as_answered(opened):
    """The reviews.answered triggers are paused with the index's: the batch counts instead."""
    journal = opened("j.db")
    days = [f"2026-03-{day:02d}" for day in range(1, 11)]
    held = [
        Review(id=f"{n:08x}-0000-4000-8000-00000000000{n % 10}", cadence=Cadence.DAILY,
               period=day, started_at=NOW, completed_at=LATER)
        for n, day in enumerate(days)
    ]  # fmt: skip
    answers = [
        dataclasses.replace(entry, review_id=held[n % 9].id, cadence=Cadence.DAILY, question_id="q")
        for n, entry in enumerate(make_entries(MANY, seed=23))
    ]  # the last day's review holds no answer: complete, but no practice to count
    bundle = Bundle(format="fourlooks", entries=answers, reviews=held)
    transfer.merge(journal, bundle, origin="f")
    assert reviews.completed_periods(journal, Cadence.DAILY) == days[:9]
    # Every answer of the first four days' reviews moves to the last day's, in a batch too.
    left = {review.id for review in held[:4]}
    moved = [
        dataclasses.replace(entry, review_id=held[9].id, updated_at=LATER)
        for entry in answers
        if entry.review_id in left
    ]
    assert len(moved) >= transfer.DEFER_INDEX_MIN_ENTRIES
    transfer.merge(journal, Bundle(format="fourlooks", entries=moved), origin="g")
    assert reviews.completed_periods(journal, Cadence.DAILY) == days[4:]
