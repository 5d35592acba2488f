"""Export and import through the store: round trips, merges, and files refused whole."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fourlooks import lessons, store
from fourlooks import transfer as core
from fourlooks.errors import ImportFileError, JournalError
from fourlooks.formats import fourlooks_json
from fourlooks.model import (
    Bundle,
    Cadence,
    Entry,
    Filters,
    LessonLink,
    Look,
    Review,
    Task,
    TaskState,
    clean_owner,
    clean_text,
)
from fourlooks.store import entries, readout, transfer
from journal_builder import copy_journal


def open_at(path):
    return store.open_journal(path)


@pytest.fixture
def journal(tmp_path):
    with open_at(tmp_path / "a.db") as opened:
        yield opened


@pytest.fixture
def other(tmp_path):
    with open_at(tmp_path / "b.db") as opened:
        yield opened


def put_task(journal, task: Task) -> None:
    with journal.write() as conn:
        conn.execute(
            "INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                task.id,
                task.title,
                task.due,
                task.state.value if task.state else None,
                task.closed_at,
                task.reviewed_at,
                task.created_at,
                task.updated_at,
                task.owner,
                task.checkpoint,
            ),
        )


def put_review(journal, review: Review) -> None:
    with journal.write() as conn:
        conn.execute(
            "INSERT INTO reviews (id, cadence, period, task_id, started_at, completed_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                review.id,
                review.cadence.value,
                review.period,
                review.task_id,
                review.started_at,
                review.completed_at,
            ),
        )
        conn.executemany(
            "INSERT INTO review_skips VALUES (?, ?)", [(review.id, q) for q in review.skipped]
        )


def put(journal, *, tasks=(), reviews=(), records=(), links=()) -> None:
    from fourlooks.store import lessons

    with journal.write():
        for task in tasks:
            put_task(journal, task)
        for review in reviews:
            put_review(journal, review)
        for entry in records:
            entries.insert(journal, entry)
        lessons.insert_links(journal, links)


def export(journal, filters: Filters | None = None) -> str:
    """The JSON export, as `fourlooks export -f json` writes it to stdout."""
    out = io.StringIO()
    request = core.ExportRequest(filters or Filters(), journal_file=journal.path, fmt="json")
    core.export(journal, request, stdout=out)
    return out.getvalue()


def load(journal, text: str, **kwargs):
    bundle = fourlooks_json.parse(json.loads(text), "file.json")
    return transfer.merge(journal, bundle, origin="file.json", **kwargs)


def snapshot(journal):
    return (
        list(readout.entries(journal)),
        list(readout.tasks(journal)),
        list(readout.reviews(journal)),
        readout.lesson_links(journal),
    )


T0 = "2026-11-20T08:00:00.000000+00:00"
T1 = "2026-11-21T08:00:00.000000+00:00"
T2 = "2026-11-22T08:00:00.000000+00:00"


def make_entry(text, *, id=None, date="2026-11-20", look=Look.BACK, stamp=T0, **fields):
    return Entry(
        id=id or str(uuid.uuid4()),
        date=date,
        look=look,
        text=text,
        created_at=stamp,
        updated_at=stamp,
        **fields,
    )


TASK = Task(id="0000aaaa-0000-0000-0000-000000000001", title="Write the report", created_at=T0,
            updated_at=T0)  # fmt: skip
DAILY = Review(
    id="0000bbbb-0000-0000-0000-000000000001",
    cadence=Cadence.DAILY,
    period="2026-11-20",
    task_id=None,
    started_at=T0,
    completed_at=T0,
    skipped=("daily.up.peers",),
)


def sample(journal):
    """A small journal with every kind of record and reference."""
    commitment = make_entry("Finish the budget", look=Look.AHEAD, cadence=Cadence.DAILY,
                            question_id="daily.ahead.commitments", review_id=DAILY.id)  # fmt: skip
    followup = make_entry("partly", date="2026-11-21", choice="partly",
                          commitment_id=commitment.id, cadence=Cadence.DAILY,
                          question_id="daily.back.followup")  # fmt: skip
    state = make_entry("done", date="2026-11-21", choice="done", task_id=TASK.id,
                       cadence=Cadence.TASK, question_id="task.back.state")  # fmt: skip
    note = make_entry("经常性反思 and a note", date="2026-11-22", look=Look.UP, tags=("work",))
    put(journal, tasks=[TASK], reviews=[DAILY], records=[commitment, followup, state, note])
    return [commitment, followup, state, note]


# Round trips.


def test_export_import_export_gives_identical_bytes(journal, other):
    sample(journal)
    first = export(journal)
    report = load(other, first)
    assert (report.entries.added, report.tasks.added, report.reviews.added) == (4, 1, 1)
    assert export(other) == first
    assert snapshot(other) == snapshot(journal)


def test_exporting_twice_gives_the_same_bytes(journal):
    sample(journal)
    assert export(journal) == export(journal)


TEXTS = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        min_size=1,
        max_size=200,
    )
    .filter(lambda t: t.strip("\n").strip())
    .map(clean_text)
)
TITLES = TEXTS.filter(lambda text: "\n" not in text)  # a task's title is one line
STAMPS = st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(dt.UTC)
).map(lambda moment: moment.isoformat(timespec="microseconds"))
DAYS = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)).map(str)
TAGS = st.lists(st.from_regex(r"[a-z0-9_\-\u4e00-\u4e10]{1,12}", fullmatch=True), max_size=3).map(
    lambda tags: tuple(sorted(set(tags)))
)
IDS = st.uuids().map(str)
OWNERS = st.from_regex(r"[A-Za-z\u4e00-\u4e10][A-Za-z \u4e00-\u4e10]{0,20}", fullmatch=True).map(
    clean_owner
)


@st.composite
def journals(draw):
    """Tasks, reviews (unique per period) and entries that refer to them and to each other."""
    tasks = []
    for _ in range(draw(st.integers(0, 2))):
        tasks.append(Task(
            id=draw(IDS), title=draw(TITLES), due=draw(st.none() | DAYS),
            state=draw(st.none() | st.sampled_from(TaskState)), closed_at=draw(st.none() | STAMPS),
            reviewed_at=draw(st.none() | STAMPS), created_at=draw(STAMPS),
            updated_at=draw(STAMPS), owner=draw(st.none() | OWNERS),
            checkpoint=draw(st.none() | DAYS),
        ))  # fmt: skip
    reviews = []
    periods = set()
    for _ in range(draw(st.integers(0, 3))):
        cadence = draw(st.sampled_from(Cadence))
        if cadence == Cadence.TASK and not tasks:
            continue
        period = draw(DAYS)[:7] if cadence == Cadence.MONTHLY else draw(DAYS)
        task_id = draw(st.sampled_from(tasks)).id if cadence == Cadence.TASK else None
        if (cadence, period, task_id) in periods:
            continue
        periods.add((cadence, period, task_id))
        reviews.append(Review(
            id=draw(IDS), cadence=cadence, period=period, task_id=task_id,
            started_at=draw(STAMPS), completed_at=draw(st.none() | STAMPS),
            skipped=tuple(sorted(set(draw(st.lists(st.sampled_from(
                ["daily.up.peers", "monthly.back.image", "x.y.z"]), max_size=2))))),
        ))  # fmt: skip
    records: list[Entry] = []
    for _ in range(draw(st.integers(0, 6))):
        records.append(Entry(
            id=draw(IDS), date=draw(DAYS), look=draw(st.sampled_from(Look)), text=draw(TEXTS),
            tags=draw(TAGS), cadence=draw(st.none() | st.sampled_from(Cadence)),
            question_id=draw(st.none() | st.sampled_from(["daily.back.lesson", "q.x.y"])),
            review_id=draw(st.none() | st.sampled_from([r.id for r in reviews] or [None])),
            task_id=draw(st.none() | st.sampled_from([t.id for t in tasks] or [None])),
            rating=draw(st.none() | st.integers(1, 5)),
            choice=draw(st.none() | st.sampled_from(["done", "partly", "不"])),
            commitment_id=draw(st.none() | st.sampled_from([e.id for e in records] or [None])),
            created_at=draw(STAMPS), updated_at=draw(STAMPS),
        ))  # fmt: skip
    # Links between two entries (a lesson that came back), each pair once.
    links = {}
    for _ in range(draw(st.integers(0, 3)) if len(records) > 1 else 0):
        later, earlier = draw(st.permutations([e.id for e in records]))[:2]
        links.setdefault(frozenset((later, earlier)), LessonLink(later, earlier, draw(STAMPS)))
    return tasks, reviews, records, list(links.values())


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=journals())
def test_any_journal_survives_json_and_import_unchanged(
    tmp_path_factory, empty_journal_template, data
):
    tasks, reviews, records, links = data
    folder = tmp_path_factory.mktemp("round")
    a, b = (copy_journal(empty_journal_template, folder / name) for name in ("a.db", "b.db"))
    with open_at(a) as source, open_at(b) as target:
        put(source, tasks=tasks, reviews=reviews, records=records, links=links)
        text = export(source)
        report = load(target, text)
        assert report.entries.added == len(records)
        assert report.lesson_links.added == len(links)
        assert snapshot(target) == snapshot(source)
        assert export(target) == text
        again = load(target, text)
        assert (again.entries.added, again.entries.updated) == (0, 0)
        assert again.entries.skipped == len(records)
        assert (again.lesson_links.added, again.lesson_links.skipped) == (0, len(links))


# Merging two machines' journals.


def test_merging_an_edited_copy_keeps_the_newer_version_and_counts(journal, other):
    records = sample(journal)
    load(other, export(journal))
    # On the other machine: one entry edited later, one new entry.
    edited = dataclasses.replace(records[3], text="edited on the laptop", updated_at=T2)
    entries.replace(other, edited)
    entries.insert(other, make_entry("written on the laptop", date="2026-11-23", stamp=T1))
    # And on this machine, an edit to another entry made after the laptop's copy.
    newer_here = dataclasses.replace(records[1], text="partly, said here", updated_at=T2)
    entries.replace(journal, newer_here)
    stale = json.loads(export(other))
    report = load(journal, json.dumps(stale))
    assert (report.entries.added, report.entries.updated, report.entries.skipped) == (1, 1, 3)
    assert entries.get(journal, edited.id).text == "edited on the laptop"
    assert entries.get(journal, newer_here.id).text == "partly, said here"
    assert entries.count(journal) == 5
    # Both ways: after merging back, the two journals are the same.
    load(other, export(journal))
    assert export(other) == export(journal)


def test_importing_the_same_file_twice_adds_nothing(journal, other):
    sample(journal)
    text = export(journal)
    load(other, text)
    report = load(other, text)
    assert dataclasses.asdict(report.entries) == {"added": 0, "updated": 0, "skipped": 4}
    assert dataclasses.asdict(report.tasks) == {"added": 0, "updated": 0, "skipped": 1}
    assert dataclasses.asdict(report.reviews) == {"added": 0, "updated": 0, "skipped": 1}


def test_a_newer_task_replaces_the_older(journal, other):
    put(journal, tasks=[TASK])
    put(other, tasks=[dataclasses.replace(TASK, state=TaskState.DONE, closed_at=T1, updated_at=T1)])
    report = load(journal, export(other))
    assert report.tasks.updated == 1
    [task] = readout.tasks(journal)
    assert task.state == TaskState.DONE and task.closed_at == T1


def test_the_same_days_review_on_two_machines_becomes_one(journal, other):
    put(journal, reviews=[dataclasses.replace(DAILY, completed_at=None, skipped=())])
    laptop = dataclasses.replace(DAILY, id="0000bbbb-0000-0000-0000-00000000ffff",
                                 started_at=T1, completed_at=T1)  # fmt: skip
    answer = make_entry("answered on the laptop", cadence=Cadence.DAILY,
                        question_id="daily.back.lesson", review_id=laptop.id)  # fmt: skip
    put(other, reviews=[laptop], records=[answer])
    report = load(journal, export(other))
    assert report.reviews.updated == 1
    [review] = readout.reviews(journal)
    assert review.id == DAILY.id
    assert review.started_at == T0 and review.completed_at == T1
    assert review.skipped == ("daily.up.peers",)
    assert entries.get(journal, answer.id).review_id == DAILY.id
    assert load(journal, export(other)).entries.skipped == 1


# Refused whole.


def test_a_malformed_entry_leaves_the_journal_unchanged(journal, other):
    sample(journal)
    data = json.loads(export(journal))
    data["entries"][2]["date"] = "2026-02-31"
    before = export(other)
    with pytest.raises(ImportFileError) as error:
        load(other, json.dumps(data))
    assert "entry #3" in str(error.value) and "'date'" in str(error.value)
    assert export(other) == before


def test_a_reference_to_nothing_is_refused_and_nothing_imported(journal, other):
    sample(journal)
    data = json.loads(export(journal))
    data["entries"][3]["task_id"] = "ffff0000"
    with pytest.raises(ImportFileError, match=r"entry #4 .*'task_id'.*neither"):
        load(other, json.dumps(data))
    assert entries.count(other) == 0
    assert list(readout.tasks(other)) == []


def test_an_error_while_writing_rolls_everything_back(journal):
    sample(journal)
    before = export(journal)
    # A rating out of range gets past no validation here: the schema's CHECK refuses it.
    bundle = Bundle(format="fourlooks", entries=[make_entry("fine"), make_entry("x", rating=9)])
    with pytest.raises(JournalError):
        transfer.merge(journal, bundle, origin="f")
    assert export(journal) == before


def test_dry_run_counts_but_changes_nothing(journal, other):
    sample(journal)
    before = export(other)
    report = load(other, export(journal), dry_run=True)
    assert report.dry_run and report.entries.added == 4 and report.reviews.added == 1
    assert export(other) == before
    assert entries.count(other) == 0


def test_imported_entries_are_searchable(journal, other):
    from fourlooks import fulltext
    from fourlooks.store import search

    sample(journal)
    load(other, export(journal))
    found = search.search(other, fulltext.parse_query("反思"))
    assert [e.text for e, _ in found] == ["经常性反思 and a note"]


def test_an_export_reads_one_snapshot_while_another_terminal_writes(journal, tmp_path):
    sample(journal)
    with open_at(tmp_path / "a.db") as second, readout.snapshot(journal):
        first_half = list(readout.entries(journal))
        entries.add(second, date="2026-11-20", look=Look.UP, text="written meanwhile")
        assert list(readout.entries(journal)) == first_half
    assert entries.count(journal) == 5


# Filtered exports carry what they refer to.


def test_a_filtered_export_imports_into_an_empty_journal(journal, other):
    sample(journal)
    text = export(journal, Filters(date_from="2026-11-21", date_to="2026-11-21"))
    data = json.loads(text)
    # The follow-up's commitment (dated the 20th) and the task come along.
    assert sorted(e["text"] for e in data["entries"]) == ["Finish the budget", "done", "partly"]
    assert [t["id"] for t in data["tasks"]] == [TASK.id]
    assert [r["id"] for r in data["reviews"]] == [DAILY.id]
    load(other, text)
    assert entries.count(other) == 3


def test_filters_by_look_and_tag(journal):
    sample(journal)
    assert [e["text"] for e in json.loads(export(journal, Filters(tag="work")))["entries"]] == [
        "经常性反思 and a note"
    ]
    by_look = json.loads(export(journal, Filters(look=Look.UP)))
    assert [e["look"] for e in by_look["entries"]] == ["up"]
    assert by_look["reviews"] == [] and by_look["tasks"] == []


@st.composite
def lesson_journals(draw):
    """Lessons (and entries that are not), on few days, joined by links at random."""
    records = [
        make_entry("lesson", id=entry_id, date=draw(st.sampled_from(["2026-11-01", "2026-11-02"])),
                   stamp=draw(st.sampled_from([T0, T1])), cadence=Cadence.DAILY,
                   question_id=draw(st.sampled_from([*lessons.QUESTION_IDS, "daily.back.lesson"])))
        for entry_id in draw(st.lists(IDS, max_size=7, unique=True))
    ]  # fmt: skip
    links = {}
    for _ in range(draw(st.integers(0, 6)) if len(records) > 1 else 0):
        later, earlier = draw(st.permutations([e.id for e in records]))[:2]
        links.setdefault(frozenset((later, earlier)), LessonLink(later, earlier, draw(STAMPS)))
    return records, list(links.values())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=lesson_journals())
def test_an_export_counts_each_lesson_as_the_register_does(tmp_path_factory, data):
    records, links = data
    with open_at(tmp_path_factory.mktemp("lessons") / "j.db") as journal:
        put(journal, records=records, links=links)
        register = lessons.register(journal, recurring=True)
        assert readout.lesson_times(journal) == {
            lesson.entry.id: (lesson.nth, lesson.times, lesson.since) for lesson in register
        }
