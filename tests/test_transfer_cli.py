"""export and import as a user types them."""

from __future__ import annotations

import json
import stat

import pytest
import yaml
from markdown_it import MarkdownIt

from fourlooks import store
from fourlooks.model import Look
from fourlooks.store import entries
from pty_harness import run_in_terminal


def add(cli, text, look="back", *more):
    return cli.ok("add", "--look", look, *more, text).stdout.strip()


@pytest.fixture
def filled(cli):
    add(
        cli, "Shipped the report; the outline saved a day", "back", "-d", "2026-11-20", "-t", "work"
    )
    add(cli, "Asked Li about the rota", "down", "-d", "2026-11-20")
    add(cli, "经常性反思自己的工作", "back", "-d", "2026-11-25", "-t", "反思")
    add(cli, "Finish the budget by Friday", "ahead", "-d", "2026-11-26")
    return cli


def headings(text):
    """The headings as a notes app shows them: front matter is not part of the text."""
    if text.startswith("---\n"):
        head, text = text[4:].split("\n---\n", 1)
        assert yaml.safe_load(head)["generator"] == "fourlooks"
    tokens = MarkdownIt().parse(text)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


# Markdown.


def test_markdown_to_stdout_by_default(filled):
    result = filled.ok("export")
    assert result.stderr == ""
    assert headings(result.stdout) == [
        "fourlooks journal",
        "2026-11-20 Friday",
        "Look back",
        "Look down",
        "2026-11-25 Wednesday",
        "Look back",
        "2026-11-26 Thursday",
        "Look ahead",
    ]
    assert "Tags: #work" in result.stdout


def test_markdown_in_chinese_with_filters(filled):
    text = filled.ok("--lang", "zh", "export", "--from", "2026-11-21", "--look", "回头看").stdout
    assert headings(text) == ["fourlooks 日记", "2026-11-25 星期三", "回头看"]
    assert "经常性反思自己的工作" in text and "rota" not in text
    assert "report" not in filled.ok("export", "--tag", "反思").stdout


def test_folder_export_writes_daily_notes_a_notes_app_reads(filled, tmp_path):
    folder = tmp_path / "vault" / "journal"
    result = filled.ok("export", "--out", f"{folder}/")
    assert result.stdout == ""
    assert "3 files written" in result.stderr
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert files == ["2026/11/2026-11-20.md", "2026/11/2026-11-25.md", "2026/11/2026-11-26.md"]
    note = (folder / "2026/11/2026-11-20.md").read_text(encoding="utf-8")
    head, body = note[4:].split("\n---\n", 1)
    meta = yaml.safe_load(head)
    assert meta["looks"] == ["back", "down"] and meta["tags"] == ["work"]
    assert len(meta["entries"]) == 2
    assert headings(body) == ["2026-11-20 Friday", "Look back", "Look down"]
    for path in folder.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path


def test_a_file_export_says_where_it_wrote_and_how_many_entries(filled, tmp_path):
    target = tmp_path / "journal.json"
    result = filled.ok("export", "-o", str(target))
    assert result.stderr == f"Exported 4 entries to {target}.\n"
    assert len(json.loads(target.read_text(encoding="utf-8"))["entries"]) == 4
    notes = tmp_path / "november.md"
    result = filled.ok("--lang", "zh", "export", "--look", "down", "-o", str(notes))
    assert result.stderr == f"已导出1 条记录到 {notes}。\n"
    assert "Asked Li about the rota" in notes.read_text(encoding="utf-8")
    # A filtered JSON export counts the entries it chose, not the ones carried with them.
    one = tmp_path / "one.json"
    result = filled.ok("export", "--tag", "work", "-o", str(one))
    assert result.stderr == f"Exported 1 entry to {one}.\n"


def test_a_folder_export_says_what_it_wrote_in_chinese(filled, tmp_path):
    folder = tmp_path / "notes"
    result = filled.ok("--lang", "zh", "export", "-o", f"{folder}/")
    assert result.stderr == f"已导出到 {folder}：写入3 个文件，未变0。\n"


def test_exporting_twice_is_byte_identical_and_leaves_other_files_alone(filled, tmp_path):
    folder = tmp_path / "notes"
    mine = folder / "2026" / "11" / "my own note.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("# Mine\n", encoding="utf-8")
    readme = folder / "README.md"
    readme.write_text("hello", encoding="utf-8")
    filled.ok("export", "-o", str(folder) + "/")
    first = {p: p.read_bytes() for p in folder.rglob("*.md")}
    stamps = {p: p.stat().st_mtime_ns for p in first}
    result = filled.ok("export", "-o", str(folder))  # an existing folder needs no slash
    assert "0 files written, 3 unchanged" in result.stderr
    assert {p: p.read_bytes() for p in folder.rglob("*.md")} == first
    assert {p: p.stat().st_mtime_ns for p in first} == stamps
    assert mine.read_text(encoding="utf-8") == "# Mine\n" and readme.read_text() == "hello"
    assert not list(folder.rglob("*.tmp"))


def test_a_file_the_export_did_not_write_is_never_overwritten(filled, tmp_path):
    folder = tmp_path / "notes"
    daily = folder / "2026" / "11" / "2026-11-25.md"
    daily.parent.mkdir(parents=True)
    daily.write_text("---\ntitle: my own daily note\n---\nprecious\n", encoding="utf-8")
    result = filled("export", "-o", f"{folder}/")
    assert result.exit_code == 1
    assert "2026-11-25.md exists and was not written by fourlooks" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert daily.read_text(encoding="utf-8").endswith("precious\n")
    assert sorted(p.name for p in folder.rglob("*") if p.is_file()) == ["2026-11-25.md"]


def test_an_edited_entry_rewrites_only_its_day(filled, tmp_path):
    folder = tmp_path / "notes"
    filled.ok("export", "-o", f"{folder}/")
    [entry] = filled.json("list", "--json", "--on", "2026-11-25")
    filled.ok("edit", entry["id"], "--text", "改过的反思")
    assert "1 file written, 2 unchanged" in filled.ok("export", "-o", f"{folder}/").stderr
    assert "改过的反思" in (folder / "2026/11/2026-11-25.md").read_text(encoding="utf-8")


def test_single_file_output_is_atomic_private_and_repeatable(filled, tmp_path):
    target = tmp_path / "journal.md"
    filled.ok("export", "--out", str(target))
    first = target.read_bytes()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    filled.ok("export", "--out", str(target))
    assert target.read_bytes() == first
    assert first.decode("utf-8") == filled.ok("export").stdout


def test_export_refuses_the_journal_a_foreign_file_and_json_into_a_folder(filled, tmp_path, home):
    result = filled("export", "--out", str(home / "journal.db"))
    assert result.exit_code == 2 and "journal itself" in result.stderr
    foreign = tmp_path / "report.md"
    foreign.write_text("my report", encoding="utf-8")
    result = filled("export", "--out", str(foreign))
    assert result.exit_code == 1 and "not written by fourlooks" in result.stderr
    assert foreign.read_text() == "my report"
    result = filled("export", "--format", "json", "--out", f"{tmp_path}/")
    assert result.exit_code == 2 and "one file" in result.stderr
    result = filled("export", "--format", "pdf")
    assert result.exit_code == 2


# JSON and import.


def test_json_round_trip_through_the_commands_gives_identical_bytes(filled, tmp_path):
    backup = tmp_path / "backup.json"
    filled.ok("export", "--out", str(backup))  # .json: the JSON format
    data = json.loads(backup.read_text(encoding="utf-8"))
    assert data["format"] == "fourlooks" and len(data["entries"]) == 4
    other = tmp_path / "other.db"
    out = filled.ok("--db", str(other), "import", str(backup)).stdout
    assert "entries:  4 added, 0 updated, 0 already there" in out
    again = filled.ok("--db", str(other), "export", "--format", "json").stdout
    assert again.encode("utf-8") == backup.read_bytes()
    assert filled.ok("export", "-f", "json").stdout == again


def test_import_twice_adds_nothing_and_reads_stdin(filled, tmp_path):
    text = filled.ok("export", "-f", "json").stdout
    other = ["--db", str(tmp_path / "other.db")]
    filled.ok(*other, "import", "-", input=text)
    report = json.loads(filled.ok(*other, "import", "-", "--json", input=text).stdout)
    assert report["entries"] == {"added": 0, "updated": 0, "skipped": 4}
    assert report["format"] == "fourlooks" and report["dry_run"] is False


def test_merge_of_a_copy_edited_on_another_machine(filled, tmp_path):
    laptop = ["--db", str(tmp_path / "laptop.db")]
    filled.ok(*laptop, "import", "-", input=filled.ok("export", "-f", "json").stdout)
    [entry] = filled.json(*laptop, "list", "--json", "--on", "2026-11-26")
    filled.ok(*laptop, "edit", entry["id"], "--text", "Finish the budget by Thursday")
    filled.ok(*laptop, "add", "-l", "up", "Written on the laptop")
    out = filled.ok("import", "-", input=filled.ok(*laptop, "export", "-f", "json").stdout).stdout
    assert "entries:  1 added, 1 updated, 3 already there" in out
    texts = [e["text"] for e in filled.json("list", "--json")]
    assert "Finish the budget by Thursday" in texts and "Written on the laptop" in texts
    assert len(texts) == 5


def test_dry_run_reports_and_changes_nothing(filled, tmp_path):
    text = filled.ok("export", "-f", "json").stdout
    other = ["--db", str(tmp_path / "other.db")]
    out = filled.ok(*other, "import", "-", "--dry-run", input=text).stdout
    assert out.startswith("Dry run: nothing was changed.")
    assert "4 would be added" in out
    assert filled.json(*other, "list", "--json") == []


def test_a_malformed_file_is_refused_whole_with_entry_and_field(filled, tmp_path):
    data = json.loads(filled.ok("export", "-f", "json").stdout)
    data["entries"][3]["look"] = "sideways"
    other = ["--db", str(tmp_path / "other.db")]
    result = filled(*other, "import", "-", input=json.dumps(data))
    assert result.exit_code == 1
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1
    assert message.startswith("fourlooks: stdin: entry #4 (id ")
    assert "field 'look'" in message and "nothing was imported" in message
    assert filled.json(*other, "list", "--json") == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "not valid JSON"),
        (b"\x00\x01\x02binary", "not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[]", "not a fourlooks or jrnl"),
        (b'{"format": "other"}', "not a fourlooks or jrnl"),
        (b'{"format": "fourlooks", "version": 1}', "'entries': missing"),
        (b'{"tags": {}, "entries": [1]}', "entry #1: expected an object"),
        (b'{"entries": [{"id": "ab", "text": "x"}]}', "not a fourlooks or jrnl"),
        (b"[" * 100_000, "not valid JSON"),
    ],
)
def test_files_that_are_not_exports_get_one_line(cli, tmp_path, content, expected):
    path = tmp_path / "in.json"
    path.write_bytes(content)
    result = cli("import", str(path))
    assert result.exit_code == 1, result.output
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_import_usage_errors(filled, tmp_path):
    backup = tmp_path / "b.json"
    backup.write_text(filled.ok("export", "-f", "json").stdout, encoding="utf-8")
    result = filled("import", str(backup), "--format", "jrnl")
    assert result.exit_code == 1 and "is a fourlooks export, not jrnl" in result.stderr
    result = filled("import", str(backup), "--look", "up")
    assert result.exit_code == 2 and "--look is for jrnl" in result.stderr
    result = filled("import", str(tmp_path / "missing.json"))
    assert result.exit_code == 1 and "missing.json" in result.stderr
    result = filled("import", str(tmp_path))
    assert result.exit_code == 2 and "folder" in result.stderr


JRNL_EXPORT = {
    "tags": {"@work": 2, "@up": 1},
    "entries": [
        {
            "title": "Team retro went well.",
            "body": "Everyone spoke. @work",
            "date": "2025-06-02",
            "time": "17:30",
            "tags": ["@work"],
            "starred": False,
        },
        {
            "title": "Compared with last quarter",
            "body": "we closed twice as many tickets @up @work",
            "date": "2025-06-03",
            "time": "09:10",
            "tags": ["@up", "@work"],
            "starred": True,
        },
    ],
}


def test_moving_a_jrnl_journal_in_with_one_command(cli, tmp_path):
    path = tmp_path / "jrnl.json"
    path.write_text(json.dumps(JRNL_EXPORT), encoding="utf-8")
    out = cli.ok("import", str(path), "--look", "down").stdout
    assert out.strip() == "entries:  2 added, 0 updated, 0 already there"
    listed = {e["date"]: e for e in cli.json("list", "--json")}
    assert listed["2025-06-02"]["text"] == "Team retro went well. Everyone spoke. @work"
    assert listed["2025-06-02"]["look"] == "down" and listed["2025-06-02"]["tags"] == ["work"]
    assert listed["2025-06-03"]["look"] == "up"
    assert listed["2025-06-03"]["tags"] == ["starred", "work"]
    assert "2 already there" in cli.ok("import", str(path), "--format", "jrnl").stdout
    assert [h["date"] for h in cli.json("search", "tickets", "--json")] == ["2025-06-03"]


# A long export in a terminal.


def test_long_export_draws_progress_on_a_terminal_and_nothing_extra_on_stdout(cli, home, tmp_path):
    with store.open_journal(home / "journal.db") as journal, journal.write():
        for n in range(2500):
            entries.add(journal, date=f"2026-{n % 12 + 1:02d}-01", look=Look.BACK, text=f"n{n}")
    expected = cli.ok("export", "-f", "json").stdout
    out = tmp_path / "out.json"
    status, screen = run_in_terminal(
        "export", "-f", "json", stdout_to=out, plain=False, env={"COLUMNS": "80"}, timeout=120
    )
    assert status == 0, screen
    assert "Exporting" in screen  # the bar, on the terminal (stderr)
    assert out.read_text(encoding="utf-8") == expected


def test_a_folder_export_never_writes_through_a_day_file_that_leads_to_the_journal(
    filled, tmp_path, home
):
    folder = tmp_path / "notes"
    (folder / "2026/11").mkdir(parents=True)
    (folder / "2026/11/2026-11-25.md").symlink_to(home / "journal.db")
    before = (home / "journal.db").read_bytes()
    result = filled("export", "--out", f"{folder}/")
    assert result.exit_code == 2 and "journal itself" in result.stderr
    assert (home / "journal.db").read_bytes() == before
    assert sorted(path.name for path in folder.rglob("*")) == ["11", "2026", "2026-11-25.md"]
