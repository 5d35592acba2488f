"""An export read a record at a time gives what reading it whole gives: the same journal,
and for a bad file the same one line, with nothing changed."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fourlooks import store
from fourlooks.errors import FourlooksError
from fourlooks.formats import fourlooks_json, load_json, streaming
from fourlooks.store import entries
from fourlooks.store import transfer as merging
from test_bulk_import import make_entries

ORIGIN = "f.json"


def read_whole(data: bytes):
    """The reader for anything that does not begin as an export: the file decoded whole."""
    return fourlooks_json.parse(load_json(data, ORIGIN), ORIGIN)


def read_streamed(data: bytes, first: int = 64):
    handle = io.BytesIO(data[first:])
    return fourlooks_json.read_stream(
        handle, ORIGIN, first=data[:first], limit=1 << 30, what="an import"
    )


def outcome(read, data: bytes):
    """The records read, or the one line refusing the file."""
    try:
        bundle = read(data)
    except FourlooksError as exc:
        return str(exc)
    kinds = ("entries", "tasks", "reviews", "goals", "lesson_links", "decisions")
    return {kind: list(getattr(bundle, kind)) for kind in kinds}


@pytest.fixture
def small_pieces(monkeypatch):
    """Pieces of a few bytes: every record, string and escape is cut somewhere."""
    monkeypatch.setattr(streaming, "CHUNK_BYTES", 7)


@pytest.fixture(scope="module")
def document(standard_journal_template, tmp_path_factory) -> bytes:
    """The standard journal's export, with a goal, a lesson link and a decision added."""
    from typer.testing import CliRunner

    from fourlooks.cli import app

    out = tmp_path_factory.mktemp("doc") / "export.json"
    done = CliRunner().invoke(
        app, ["--db", str(standard_journal_template), "export", "-f", "json", "-o", str(out)]
    )
    assert done.exit_code == 0, done.output
    data = json.loads(out.read_text(encoding="utf-8"))
    first, second = data["entries"][0]["id"], data["entries"][1]["id"]
    stamp = "2026-11-20T09:00:00+00:00"
    data["goals"] = [{"id": "90a1", "text": "Publish the rota", "period": "2026-11",
                      "state": "open", "closed_at": None, "task_ids": [],
                      "created_at": stamp, "updated_at": stamp}]  # fmt: skip
    data["lesson_links"] = [{"lesson_id": first, "same_as": second, "created_at": stamp}]
    data["decisions"] = [{"id": "de01", "text": "Which rota", "date": "2026-11-20",
                          "state": "coming", "made_on": None, "answer_ids": [first],
                          "created_at": stamp, "updated_at": stamp}]  # fmt: skip
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def test_a_whole_export_reads_the_same_either_way(document, small_pieces):
    streamed = outcome(read_streamed, document)
    assert isinstance(streamed, dict) and len(streamed["entries"]) > 50
    assert all(streamed[kind] for kind in ("tasks", "reviews", "goals", "lesson_links"))
    assert streamed == outcome(read_whole, document)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.floats(min_value=0, max_value=1), piece=st.sampled_from([1, 7, 100, 1 << 20]))
def test_a_file_cut_anywhere_is_refused_as_reading_it_whole_refuses_it(document, cut, piece):
    data = document[: max(len(fourlooks_json._HEAD), int(len(document) * cut))]
    whole = outcome(read_whole, data)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(streaming, "CHUNK_BYTES", piece)
        assert outcome(read_streamed, data) == whole


def _changed(document: bytes, old: str, new: str, count: int = 1) -> bytes:
    text = document.decode("utf-8")
    assert old in text
    return text.replace(old, new, count).encode("utf-8")


def _bad_look(document: bytes) -> bytes:
    return _changed(document, '"look": "back"', '"look": "sideways"')


def _same_id_twice(document: bytes) -> bytes:
    data = json.loads(document)
    first, second = (entry["id"] for entry in data["entries"][:2])
    return document.replace(second.encode(), first.encode())


# Each a file that begins as an export but is refused; a lambda of the good export.
BAD = {
    "cut mid-record": lambda d: d[: len(d) // 2],
    "cut after a record": lambda d: d[: d.index(b"\n    },", 2000) + 6],
    "a byte not UTF-8": lambda d: d[:3000] + b"\xff" + d[3000:],
    "a UTF-8 sequence cut at the end": lambda d: d + "反".encode()[:2],
    "a text over 1 MB": lambda d: _changed(d, '"text": "', '"text": "' + "x" * 1_000_001),
    "a bad look": _bad_look,
    "a bad look and a bad task": lambda d: _changed(
        _bad_look(d), '"title": "', '"title": 5, "t": "'
    ),
    "a bad look, then broken JSON": lambda d: _changed(
        _bad_look(d), '"reviews": [', '"reviews": [}'
    ),
    "broken JSON, then a byte not UTF-8": lambda d: (
        _changed(d, '"tasks": [', '"tasks": [,') + b"\xff"
    ),
    "an id twice": lambda d: _same_id_twice(d),
    "an unknown field at the end": lambda d: _changed(d, "\n}\n", ',\n  "extra": 1\n}\n'),
    "a newer version": lambda d: _changed(d, '"version": 1', '"version": 7'),
    "NaN": lambda d: _changed(d, '"rating": null', '"rating": NaN'),
    "tasks not a list": lambda d: _changed(d, '"tasks": [', '"tasks": 3, "t": ['),
    "something after the end": lambda d: d + b"{}",
    "entries twice, the last empty": lambda d: _changed(
        d, '"tasks": [', '"entries": 1, "tasks": ['
    ),
    "a missing comma": lambda d: _changed(d, "},\n    {", "}\n    {"),
    "deep nesting": lambda d: _changed(d, '"tags": []', '"tags": ' + "[" * 100_000),
}


@pytest.mark.parametrize("name", BAD)
def test_a_bad_file_is_refused_with_the_line_reading_it_whole_gives(document, name, small_pieces):
    data = BAD[name](document)
    assert fourlooks_json.begins_as_export(data)
    whole = outcome(read_whole, data)
    assert isinstance(whole, str), whole
    assert outcome(read_streamed, data) == whole


def test_a_record_larger_than_any_entry_is_refused_without_reading_on(document):
    data = _changed(document, '"text": "', '"text": "' + "\\u0001" * streaming.MAX_ITEM_CHARS)
    refused = outcome(read_streamed, data)
    assert refused.startswith(f"{ORIGIN}: entry #1 is over 8,000,000 characters of JSON")
    assert refused.endswith("nothing was imported")


def test_the_same_entries_twice_in_one_file_keep_the_last(document):
    data = _changed(document, '"tasks": [', '"entries": [], "tasks": [')
    assert outcome(read_streamed, data) == outcome(read_whole, data)
    assert outcome(read_streamed, data)["entries"] == []


# Through the command: the journal it makes, and what a refusal leaves.


def _export(cli, db) -> bytes:
    return cli.ok("--db", str(db), "export", "-f", "json").stdout.encode("utf-8")


def test_a_large_export_imports_to_the_same_journal_either_way(
    cli, tmp_path, standard_journal_file
):
    from fourlooks.formats.fourlooks_json import dump

    with store.open_journal(standard_journal_file) as journal:
        journal_entries = list(entries.iterate(journal))
    extra = make_entries(2 * merging.BATCH_ENTRIES + 300, seed=11)
    more = tmp_path / "more.json"
    more.write_text("".join(dump(extra, (), ())), encoding="utf-8")
    cli.ok("import", str(more))
    source = tmp_path / "all.json"
    cli.ok("export", "-f", "json", "-o", str(source))
    streamed, whole = tmp_path / "streamed.db", tmp_path / "whole.db"
    out = cli.ok("--db", str(streamed), "import", str(source)).stdout
    assert f"{len(journal_entries) + len(extra)} added" in out and "batches" in out
    # A blank line first: not as the export begins, so the file is read whole.
    leading = tmp_path / "leading.json"
    leading.write_bytes(b"\n" + source.read_bytes())
    cli.ok("--db", str(whole), "import", str(leading))
    assert _export(cli, streamed) == _export(cli, whole) == source.read_bytes()
    again = cli.ok("--db", str(streamed), "import", str(source)).stdout
    assert f"0 added, 0 updated, {len(journal_entries) + len(extra)} already there" in again


@pytest.mark.parametrize(
    "name",
    ["cut mid-record", "a text over 1 MB", "a byte not UTF-8", "a bad look, then broken JSON"],
)
@pytest.mark.parametrize("through", ["file", "stdin"])
def test_a_bad_file_changes_nothing_through_the_command(
    cli, tmp_path, standard_journal_file, name, through
):
    export = tmp_path / "export.json"
    cli.ok("export", "-f", "json", "-o", str(export))
    data = BAD[name](export.read_bytes())
    target = ["--db", str(tmp_path / "target.db")]
    cli.ok(*target, "add", "-l", "back", "already here")
    before = _export(cli, tmp_path / "target.db")
    bad = tmp_path / "bad.json"
    bad.write_bytes(data)
    if through == "file":
        result = cli(*target, "import", str(bad))
        origin = str(bad)
    else:
        result = cli.runner.invoke(
            __import__("fourlooks.cli", fromlist=["app"]).app,
            [*target, "import", "-"],
            input=data,
            env={"FOURLOOKS_NOW": cli.now},
        )
        origin = "stdin"
    assert result.exit_code == 1, result.output
    [line] = result.stderr.strip().splitlines()
    whole = outcome(read_whole, data).replace(ORIGIN, origin)
    assert line == f"fourlooks: {whole}"
    assert _export(cli, tmp_path / "target.db") == before


def test_reading_a_large_export_holds_less_than_the_file():
    import tracemalloc

    data = "".join(fourlooks_json.dump(make_entries(20_000, seed=5), (), ())).encode("utf-8")
    first, rest = data[: streaming.CHUNK_BYTES], io.BytesIO(data[streaming.CHUNK_BYTES :])
    tracemalloc.start()
    try:
        bundle = fourlooks_json.read_stream(
            rest, ORIGIN, first=first, limit=1 << 30, what="an import"
        )
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(bundle.entries) == 20_000
    # Read whole, the same file peaks at four times its size (text, objects, entries).
    assert peak < 0.75 * len(data), (peak, len(data))


def test_a_cut_export_names_where_its_unfinished_text_begins(cli, tmp_path):
    cli.ok("add", "--look", "back", "a day to keep")
    export = tmp_path / "export.json"
    cli.ok("export", "-f", "json", "-o", str(export))
    text = export.read_text(encoding="utf-8")
    cut = tmp_path / "cut.json"
    cut.write_text(text[: text.index("a day to keep") + 3], encoding="utf-8")
    result = cli("import", str(cut))
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert line.startswith(f"fourlooks: {cut}: not valid JSON at line ")
    assert line.endswith(": Unterminated string"), line  # no dangling "starting at"
    assert cli.json("list", "--json")[0]["text"] == "a day to keep"
    assert len(cli.json("list", "--json")) == 1
