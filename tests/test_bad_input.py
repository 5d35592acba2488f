"""Generated bad input: no traceback, no exit 0 for what is invalid, nothing changed on refusal.

Hypothesis throws command lines at the CLI built from valid and invalid looks, dates, ids,
texts, numbers and options (and import files, once `import` exists). Commands this build
lacks are left out, so the test grows with the CLI after a merge.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import traceback
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fourlooks.cli import app

SETTINGS = settings(
    max_examples=int(os.environ.get("FOURLOOKS_FUZZ_EXAMPLES", "80")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _commands() -> set[str]:
    from typer.main import get_command

    return set(get_command(app).commands)


COMMANDS = _commands()

# --- Vocabulary ---------------------------------------------------------------------------

ANY_TEXT = st.text(max_size=40)
WEIRD = st.sampled_from(
    ["", " ", "-", "--", "'", '"', "\x00", "\udcff", "\n", "🎉", "%s", "{}", "\\", "*", "AND"]
)
LOOKS = st.one_of(st.sampled_from(["back", "b", "UP", "回头看", "ahead", "side", "x"]), ANY_TEXT)
DATES = st.one_of(
    st.sampled_from(
        [
            "today",
            "yesterday",
            "2026-11-01",
            "3 days ago",
            "monday",
            "昨天",
            "2026-13-01",
            "2026-02-30",
            "0000-01-01",
            "99999-01-01",
            "31/12/2026",
            "-1 days ago",
            "999999999999 days ago",
            "next",
            "last month",
            "2026/11/03",
            "Nov 3",
        ]
    ),
    ANY_TEXT,
    WEIRD,
)
MONTHS = st.one_of(st.sampled_from(["2026-11", "2026-13", "0-0", "nov", "last month"]), ANY_TEXT)
NUMBERS = st.one_of(st.sampled_from(["-1", "0", "1", "20", "abc", "9" * 30, "1.5"]), ANY_TEXT)
TAGS = st.one_of(st.sampled_from(["work", "@Work", "#家", "two words", "", "x" * 80]), ANY_TEXT)
TEXTS = st.one_of(
    st.sampled_from(["a thought", "经常性反思", "-", "", "  \n ", "nul\x00byte", "bad\udcffutf8"]),
    st.text(max_size=200),
)
PATHS = st.sampled_from(["out", "out/", "b.db", "missing/b.db", "", ".", "x y.md", "-"])
FORMATS = st.one_of(
    st.sampled_from(["markdown", "json", "text", "jrnl", "fourlooks", "xml"]), WEIRD
)


def ids(known: list[str]):
    prefixes = [k[:n] for k in known for n in (4, 8, 36)]
    return st.one_of(
        st.sampled_from(prefixes or ["0"]),
        st.text(alphabet="0123456789abcdef-", max_size=12),
        ANY_TEXT,
        WEIRD,
    )


def opt(name: str, values) -> st.SearchStrategy[list[str]]:
    return st.one_of(st.just([]), values.map(lambda value: [name, value]))


def flag(name: str) -> st.SearchStrategy[list[str]]:
    return st.sampled_from([[], [name]])


def joined(*parts) -> st.SearchStrategy[list[str]]:
    """Concatenate the parts' lists, in a shuffled order: options come in any order."""
    return st.tuples(*parts).flatmap(
        lambda chunks: st.permutations(chunks).map(lambda c: [t for chunk in c for t in chunk])
    )


def command_lines(known_ids: list[str]) -> st.SearchStrategy[list[str]]:
    id_ = ids(known_ids)
    filters = (opt("--from", DATES), opt("--to", DATES), opt("--look", LOOKS), opt("--tag", TAGS))
    builders = {
        "add": joined(
            opt("--look", LOOKS),
            opt("-d", DATES),
            opt("-t", TAGS),
            opt("-t", TAGS),
            TEXTS.map(lambda t: [t]),
        ),
        "list": joined(opt("--on", DATES), *filters, opt("-n", NUMBERS), flag("--json")),
        "show": joined(id_.map(lambda i: [i]), flag("--json")),
        "edit": joined(
            id_.map(lambda i: [i]),
            opt("--text", TEXTS),
            opt("-l", LOOKS),
            opt("-d", DATES),
            opt("-t", TAGS),
        ),
        "delete": joined(id_.map(lambda i: [i]), flag("--yes")),
        "backup": joined(PATHS.map(lambda p: [p]), flag("--force")),
        "check": flag("--json"),
        "paths": flag("--json"),
        "search": joined(
            TEXTS.map(lambda t: [t]),
            opt("-n", NUMBERS),
            opt("--look", LOOKS),
            opt("--from", DATES),
            opt("--to", DATES),
            flag("--json"),
        ),
        "export": joined(opt("--format", FORMATS), opt("--out", PATHS), *filters),
        "status": joined(flag("--json"), flag("--check")),
        "report": joined(
            opt("--month", MONTHS),
            opt("--year", NUMBERS),
            opt("--format", FORMATS),
            opt("--out", PATHS),
        ),
        "review": joined(
            opt("--date", DATES), flag("--monthly"), opt("--month", MONTHS), opt("--task", id_)
        ),
        "task": st.one_of(
            joined(st.just(["add"]), TEXTS.map(lambda t: [t]), opt("--due", DATES)),
            joined(st.just(["list"]), flag("--all"), flag("--json")),
            joined(st.just(["show"]), id_.map(lambda i: [i])),
        ),
        "questions": joined(
            opt("--cadence", ANY_TEXT | st.just("daily")), opt("--look", LOOKS), flag("--json")
        ),
    }
    missing = set(builders) - COMMANDS
    assert not missing, f"fuzzed commands this build lacks: {sorted(missing)}"
    present = sorted(builders)
    # Also: any command with junk appended, and unknown options.
    junk = st.lists(
        st.one_of(ANY_TEXT, WEIRD, st.sampled_from(["--nope", "-z", "--json"])), max_size=4
    )
    return st.sampled_from(present).flatmap(
        lambda name: st.tuples(builders[name], st.one_of(st.just([]), junk)).map(
            lambda parts: [name, *parts[0], *parts[1]]
        )
    )


# --- The journal and the checks -------------------------------------------------------------


def dump(path: Path) -> dict:
    if not path.exists():
        return {}
    with contextlib.closing(sqlite3.connect(path)) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            "user_version": conn.execute("PRAGMA user_version").fetchone()[0],
            **{t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in tables},
        }


@pytest.fixture
def seeded(cli, journal_file, tmp_path, monkeypatch) -> list[str]:
    """A journal with a few entries; the CLI runs in a scratch folder (backup paths land there)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EDITOR", "true")  # an editor that changes nothing, never waits
    for text, look in (("first 第一", "back"), ("second", "up"), ("third", "ahead")):
        cli.ok("add", "-l", look, "-t", "seed", text)
    return [entry["id"] for entry in cli.json("list", "--json")]


def assert_handled(result, args) -> None:
    """No traceback: the command ended through the error boundary or normally."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        shown = "".join(traceback.format_exception(result.exception))
        pytest.fail(f"{args!r} raised instead of failing cleanly:\n{shown}")
    assert "Traceback" not in result.output, (args, result.output)
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)


def _exit_is_an_answer(result, args) -> bool:
    """`status --check` exits 1 to say something is due: an answer, not a refusal."""
    return args[0] == "status" and "--check" in args and result.exit_code == 1


def assert_refused_cleanly(result, args, before: dict, journal_file: Path) -> None:
    assert result.exit_code != 0, (args, result.stdout)
    if not _exit_is_an_answer(result, args):
        assert result.stderr.strip(), (args, "a refusal must say why")
    assert dump(journal_file) == before, (args, "a refused command changed the journal")


@SETTINGS
@given(data=st.data())
def test_random_command_lines_never_traceback_and_refusals_change_nothing(
    cli, seeded, journal_file, data
):
    args = data.draw(command_lines(seeded), label="args")
    stdin = data.draw(st.one_of(st.none(), TEXTS), label="stdin")
    if stdin is not None:  # bytes, as a pipe gives them: "\udcff" becomes an invalid byte
        stdin = stdin.encode("utf-8", "surrogateescape")
    before = dump(journal_file)
    result = cli(*args, input=stdin)
    assert_handled(result, args)
    if result.exit_code != 0 and not _says_something_is_due(args, result):
        assert_refused_cleanly(result, args, before, journal_file)


def _says_something_is_due(args: list[str], result) -> bool:
    """`status --check` exits 1, silently, to tell a shell prompt that something is due."""
    return args[:1] == ["status"] and "--check" in args and result.exit_code == 1


BAD_DATES = st.one_of(
    st.tuples(st.integers(1000, 9999), st.integers(13, 99), st.integers(1, 28)).map(
        lambda t: f"{t[0]}-{t[1]:02d}-{t[2]:02d}"
    ),
    st.tuples(st.integers(1000, 9999), st.sampled_from([2, 4, 6, 9, 11])).map(
        lambda t: f"{t[0]}-{t[1]:02d}-31"
    ),
    st.text(alphabet="qwxzj!%&", min_size=1, max_size=20),
    st.sampled_from(["", " ", "\x00", "31/12/2026", "12/31/2026", "26-11-01", "tomorrowish"]),
)
BAD_LOOKS = st.text(max_size=20).filter(
    lambda t: (
        t.strip().lower()
        not in {
            "back",
            "up",
            "down",
            "ahead",
            "b",
            "u",
            "d",
            "a",
            "回头看",
            "抬头看",
            "低头看",
            "向前看",
        }
    )
)
BAD_TEXTS = st.one_of(
    st.text(alphabet=" \n\t", max_size=10),
    st.text(max_size=50).map(lambda t: t + "\x00"),
    st.text(max_size=50).map(lambda t: t + "\udcff"),
)
BAD_TAGS = st.one_of(
    st.text(alphabet=" \t", max_size=5),
    st.tuples(st.text(min_size=1, max_size=5), st.text(min_size=1, max_size=5)).map(
        lambda t: f"{t[0].strip() or 'a'} {t[1].strip() or 'b'}"
    ),
    st.just("x" * 65),
)
NOT_HEX = st.text(min_size=1, max_size=20).filter(
    lambda t: any(ch not in "0123456789abcdef-" for ch in t.strip().lower())
)


def invalid_command_lines() -> st.SearchStrategy[list[str]]:
    """Command lines that are wrong whatever the journal holds."""
    return st.one_of(
        BAD_LOOKS.map(lambda look: ["add", "--look", look, "text"]),
        BAD_DATES.map(lambda date: ["add", "-l", "back", "--date", date, "text"]),
        BAD_DATES.map(lambda date: ["list", "--on", date]),
        BAD_TEXTS.map(lambda text: ["add", "-l", "up", text]),
        BAD_TAGS.map(lambda tag: ["add", "-l", "up", "-t", tag, "text"]),
        NOT_HEX.map(lambda entry_id: ["show", entry_id]),
        NOT_HEX.map(lambda entry_id: ["delete", "--yes", entry_id]),
        NOT_HEX.map(lambda entry_id: ["edit", entry_id, "--text", "new"]),
        st.integers(max_value=-1).map(lambda n: ["list", "-n", str(n)]),
        st.sampled_from(["add", "list", "show", "backup", "check"]).map(
            lambda name: [name, "--no-such-option"]
        ),
        st.just(["add", "text without a look"]),
    )


@SETTINGS
@given(data=st.data())
def test_invalid_input_is_refused_with_a_message_and_changes_nothing(
    cli, seeded, journal_file, data
):
    args = data.draw(invalid_command_lines(), label="args")
    before = dump(journal_file)
    result = cli(*args)
    assert_handled(result, args)
    assert_refused_cleanly(result, args, before, journal_file)
    assert len(result.stderr.strip().splitlines()) == 1, (args, result.stderr)


# --- Import files (once `import` exists) ----------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
FIELD_VALUES = st.one_of(JSON_VALUES, DATES, LOOKS, TEXTS)


def fourlooks_documents() -> st.SearchStrategy[dict]:
    entry = st.fixed_dictionaries(
        {
            "id": st.one_of(st.uuids().map(str), ANY_TEXT),
            "date": DATES,
            "look": LOOKS,
            "text": TEXTS,
            "tags": st.one_of(st.lists(TAGS, max_size=3), JSON_VALUES),
            "created_at": st.one_of(st.just("2026-11-26T20:00:00+00:00"), ANY_TEXT),
            "updated_at": st.one_of(st.just("2026-11-26T20:00:00+00:00"), ANY_TEXT),
        },
        optional={"rating": FIELD_VALUES, "cadence": FIELD_VALUES, "choice": FIELD_VALUES},
    )
    return st.fixed_dictionaries(
        {"format": st.sampled_from(["fourlooks", "jrnl", "other"]), "entries": st.lists(entry)},
        optional={"version": st.one_of(st.just(1), JSON_VALUES), "tasks": JSON_VALUES},
    )


def jrnl_documents() -> st.SearchStrategy[dict]:
    entry = st.fixed_dictionaries(
        {
            "title": TEXTS,
            "body": TEXTS,
            "date": DATES,
            "time": ANY_TEXT,
            "tags": st.lists(TAGS, max_size=3),
            "starred": JSON_VALUES,
        },
    )
    return st.fixed_dictionaries({"tags": JSON_VALUES, "entries": st.lists(entry, max_size=4)})


IMPORT_FILES = st.one_of(
    st.binary(max_size=200),
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    fourlooks_documents().map(
        lambda d: json.dumps(d, ensure_ascii=False).encode("utf-8", "replace")
    ),
    jrnl_documents().map(lambda d: json.dumps(d, ensure_ascii=False).encode("utf-8", "replace")),
)


@SETTINGS
@given(
    content=IMPORT_FILES,
    extra=st.lists(
        st.sampled_from(["--dry-run", "--look", "up", "--format", "jrnl", "fourlooks"]), max_size=3
    ),
)
def test_generated_import_files_never_traceback_and_refusals_change_nothing(
    cli, seeded, journal_file, tmp_path, content, extra
):
    path = tmp_path / "import.json"
    path.write_bytes(content)
    before = dump(journal_file)
    args = ["import", str(path), *extra]
    result = cli(*args)
    assert_handled(result, args)
    if result.exit_code != 0:
        assert_refused_cleanly(result, args, before, journal_file)
    with contextlib.suppress(ValueError, UnicodeDecodeError):
        json.loads(content)
        return
    assert result.exit_code != 0, "a file that is not JSON cannot import"


def test_a_confirmation_answered_with_bytes_that_are_not_utf8_is_refused(cli, seeded, journal_file):
    """Found by the generated test: `delete ID` read its answer and died on the decode."""
    before = dump(journal_file)
    result = cli("delete", seeded[0][:8], input=b"y\xff\n")
    assert_handled(result, ["delete"])
    assert result.exit_code == 2
    assert "not UTF-8" in result.stderr
    assert dump(journal_file) == before


@pytest.mark.parametrize(
    "args",
    [
        ["search", "bad\udcffutf8"],
        ["add", "--look", "back", "--tag", "tag\udcff", "text"],
        ["add", "--look", "back", "text \udcff"],
        ["list", "--tag", "\udcfe"],
        ["export", "--tag", "x\udcff", "-o", "out.json"],
    ],
)
def test_arguments_that_are_not_utf8_are_refused_before_anything_runs(cli, journal_file, args):
    cli.ok("add", "--look", "back", "already here")
    before = journal_file.read_bytes()
    result = cli(*args)
    assert result.exit_code == 2, result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("fourlooks: argument ") and line.endswith("is not valid UTF-8 text")
    assert journal_file.read_bytes() == before
