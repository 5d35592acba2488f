"""An encrypted journal (SQLCipher, the `encrypt` extra): nothing readable on disk, every
command as before, a wrong passphrase refused with nothing written, rekey and decrypt.

The passphrase comes from FOURLOOKS_PASSPHRASE_COMMAND here, as from a password manager;
tests/test_encryption_pty.py types it at a real terminal.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from fourlooks import encryption, store
from fourlooks.errors import JournalError
from fourlooks.store import conversion, opening

PASSPHRASE = "correct horse 马 battery's"
GIVE = {"FOURLOOKS_PASSPHRASE_COMMAND": "printf '%s\\n' \"correct horse 马 battery's\""}
WRONG = {"FOURLOOKS_PASSPHRASE_COMMAND": "echo not-the-passphrase"}
NEW = {**GIVE, "FOURLOOKS_NEW_PASSPHRASE_COMMAND": "echo 新的口令 new one"}
AFTER_REKEY = {"FOURLOOKS_PASSPHRASE_COMMAND": "echo 新的口令 new one"}

ENGLISH = "the lighthouse keeper kept a quiet promise"
CHINESE = "今天在图书馆反思工作的安排"
# Pieces a reader of the raw bytes would look for: whole texts, words, Chinese pairs.
PIECES = (ENGLISH, "lighthouse", "promise", CHINESE, "图书馆", "反思", "工作")
SCHEMA1 = Path(__file__).parent / "fixtures" / "journal-schema1.db"


def disk_bytes(folder: Path) -> dict[str, bytes]:
    """Every file beside the journal (the journal, -wal, -shm, copies), by name."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def readable(folder: Path) -> list[tuple[str, str]]:
    """(file, piece) for each piece of the journal's text found in a file's bytes."""
    found = []
    for name, content in disk_bytes(folder).items():
        found += [(name, piece) for piece in PIECES if piece.encode() in content]
    return found


@pytest.fixture
def encrypted(cli, journal_file: Path) -> Path:
    """A journal with an English and a Chinese entry, encrypted by `fourlooks encrypt`."""
    cli.ok("add", "-l", "up", ENGLISH, "-t", "sea")
    cli.ok("add", "-l", "down", CHINESE)
    done = cli.ok("encrypt", env=GIVE)
    assert "the plain original was removed" in done.stderr
    return journal_file


def test_an_encrypted_journal_holds_none_of_its_text_on_disk(cli, journal_file):
    cli.ok("add", "-l", "up", ENGLISH)
    cli.ok("add", "-l", "down", CHINESE)
    assert readable(journal_file.parent)  # the search can find text: in the plain journal
    cli.ok("encrypt", env=GIVE)
    assert not journal_file.read_bytes().startswith(b"SQLite format 3\0")
    assert readable(journal_file.parent) == []
    # Later writes go through the WAL encrypted too, and stay so after a checkpoint.
    cli.ok("add", "-l", "ahead", f"again: {ENGLISH} {CHINESE}", env=GIVE)
    assert readable(journal_file.parent) == []
    assert stat.S_IMODE(journal_file.stat().st_mode) == 0o600
    with pytest.raises(sqlite3.DatabaseError):  # the standard library sees no database
        sqlite3.connect(journal_file).execute("SELECT count(*) FROM entries").fetchone()


def test_reading_writing_and_searching_work_on_an_encrypted_journal(cli, encrypted):
    listed = cli.ok("list", env=GIVE).stdout
    assert ENGLISH in listed and CHINESE in listed
    assert CHINESE in cli.ok("search", "图书馆", env=GIVE).stdout
    assert CHINESE in cli.ok("search", "反思", env=GIVE).stdout  # two characters
    assert ENGLISH in cli.ok("search", "lighthouse", env=GIVE).stdout
    [first] = cli.json("list", "--json", "--tag", "sea", env=GIVE)
    cli.ok("edit", first["id"][:8], "--text", "the keeper's promise, edited", env=GIVE)
    assert "edited" in cli.ok("show", first["id"][:8], env=GIVE).stdout
    cli.ok("task", "add", "mend the lamp", env=GIVE)
    assert "mend the lamp" in cli.ok("task", "list", env=GIVE).stdout
    cli.ok("status", env=GIVE)
    cli.ok("report", "--month", "2026-11", env=GIVE)
    cli.ok("people", env=GIVE)
    assert readable(encrypted.parent) == []


def test_a_review_on_an_encrypted_journal_is_saved_and_keeps_the_due_file(cli, encrypted):
    due = encrypted.with_name(encrypted.name + ".due")
    cli.ok("status", env=GIVE)
    before = due.read_text()
    asked = cli.json("questions", "--cadence", "daily", "--full", "--json", env=GIVE)
    answers = "\n".join(["the tide came in", *[""] * (len(asked) - 1)]) + "\n"
    result = cli.ok("review", "--full", input=answers, env=GIVE)
    assert "complete" in result.stderr
    assert "the tide came in" in cli.ok("list", env=GIVE).stdout
    assert due.read_text() != before  # the day's review is no longer due
    assert b"the tide came in" not in encrypted.read_bytes()


def test_backup_of_an_encrypted_journal_is_encrypted_with_the_same_passphrase(
    cli, encrypted, tmp_path
):
    copy = tmp_path / "copy.db"
    cli.ok("backup", str(copy), env=GIVE)
    assert readable(tmp_path) == [] and not copy.read_bytes().startswith(b"SQLite format 3")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    checked = cli.json("--db", str(copy), "check", "--json", env=GIVE)
    assert checked["ok"] and checked["entries"] == 2
    assert cli("--db", str(copy), "list", env=WRONG).exit_code == 1
    # It restores into the encrypted journal; a plain backup is refused there.
    cli.ok("add", "-l", "up", "written after the backup", env=GIVE)
    cli.ok("restore", str(copy), "--yes", env=GIVE)
    assert "written after the backup" not in cli.ok("list", env=GIVE).stdout
    plain = tmp_path / "plain.db"
    shutil.copy(SCHEMA1, plain)
    refused = cli("restore", str(plain), "--yes", env=GIVE)
    assert refused.exit_code != 0 and "plain and the journal is encrypted" in refused.stderr


def test_check_export_and_import_on_an_encrypted_journal(cli, encrypted, tmp_path):
    assert cli.json("check", "--json", env=GIVE)["ok"]
    out = tmp_path / "export.json"
    result = cli.ok("export", "--out", str(out), env=GIVE)
    assert "this export is plain text" in result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    exported = json.loads(out.read_text())
    assert {entry["text"] for entry in exported["entries"]} == {ENGLISH, CHINESE}
    other = tmp_path / "other.db"
    cli.ok("--db", str(other), "add", "-l", "up", "from another journal")
    cli.ok("--db", str(other), "export", "--out", str(tmp_path / "other.json"))
    dry = cli.ok("import", str(tmp_path / "other.json"), "--dry-run", env=GIVE)
    assert "entries:  1 would be added" in dry.output  # merged on a copy, keyed like it
    assert len(cli.json("list", "--json", env=GIVE)) == 2
    cli.ok("import", str(tmp_path / "other.json"), env=GIVE)
    cli.ok("import", str(out), env=GIVE)  # its own export: nothing new
    assert len(cli.json("list", "--json", env=GIVE)) == 3
    assert readable(encrypted.parent) == []


def test_a_wrong_passphrase_is_one_line_and_writes_nothing(cli, encrypted):
    before = disk_bytes(encrypted.parent)
    for args in (["list"], ["add", "-l", "up", "never stored"], ["backup"], ["check"]):
        result = cli(*args, env=WRONG)
        assert result.exit_code == 1, (args, result.output)
        assert "passphrase (from FOURLOOKS_PASSPHRASE_COMMAND) is wrong" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert disk_bytes(encrypted.parent) == before


def test_no_passphrase_source_and_no_terminal_is_one_line(cli, encrypted):
    result = cli("list")
    assert result.exit_code == 1
    assert "set FOURLOOKS_PASSPHRASE_COMMAND" in result.stderr


@pytest.mark.parametrize(
    ("command", "said"),
    [
        ("exit 3", "failed (exit status 3)"),
        ("head -c 5000 /dev/zero | tr '\\0' x", "over 1024 bytes"),
        ("printf ''", "gave no passphrase"),
        ("sleep 5", "gave no passphrase within 0.5 s"),
    ],
)
def test_a_failing_passphrase_command_is_one_line(cli, encrypted, monkeypatch, command, said):
    from fourlooks import passphrase

    monkeypatch.setattr(passphrase, "COMMAND_TIMEOUT_SECONDS", 0.5)
    before = disk_bytes(encrypted.parent)
    result = cli("list", env={"FOURLOOKS_PASSPHRASE_COMMAND": command})
    assert result.exit_code == 1 and said in result.stderr, result.output
    assert disk_bytes(encrypted.parent) == before


def test_a_password_managers_notes_after_the_first_line_are_not_the_passphrase(cli, encrypted):
    command = "printf '%s\\nurl: example.invalid\\n' \"correct horse 马 battery's\""
    assert CHINESE in cli.ok("list", env={"FOURLOOKS_PASSPHRASE_COMMAND": command}).stdout


def test_rekey_changes_the_passphrase(cli, encrypted):
    done = cli.ok("rekey", env=NEW)
    assert "is changed" in done.stderr
    assert cli("list", env=GIVE).exit_code == 1
    assert CHINESE in cli.ok("list", env=AFTER_REKEY).stdout
    assert readable(encrypted.parent) == []
    same = cli(
        "rekey", env={**AFTER_REKEY, "FOURLOOKS_NEW_PASSPHRASE_COMMAND": "echo 新的口令 new one"}
    )
    assert same.exit_code != 0 and "the old one" in same.stderr
    untyped = cli("rekey", env=AFTER_REKEY)  # no new passphrase given, no terminal to ask
    assert untyped.exit_code == 1 and "FOURLOOKS_NEW_PASSPHRASE_COMMAND" in untyped.stderr


def test_decrypt_gives_back_a_plain_journal_the_standard_library_opens(cli, encrypted):
    done = cli.ok("decrypt", env=GIVE)
    assert "plain SQLite file again" in done.stderr
    with sqlite3.connect(encrypted) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA application_id").fetchone() == (opening.APPLICATION_ID,)
        texts = {row[0] for row in conn.execute("SELECT text FROM entries")}
    assert texts == {ENGLISH, CHINESE}
    assert CHINESE in cli.ok("search", "图书馆").stdout  # no passphrase asked any more
    assert cli("decrypt").exit_code != 0  # plain already: nothing to do


def test_encrypting_twice_is_refused_and_changes_nothing(cli, encrypted):
    before = disk_bytes(encrypted.parent)
    result = cli("encrypt", env=GIVE)
    assert result.exit_code == 2 and "encrypted already" in result.stderr
    assert disk_bytes(encrypted.parent) == before


def test_an_old_encrypted_journal_migrates_and_its_saved_copy_is_encrypted(cli, journal_file):
    journal_file.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(SCHEMA1, journal_file)
    fixture_text = sqlite3.connect(SCHEMA1).execute("SELECT text FROM entries").fetchone()[0]
    conversion.convert(journal_file, old=None, new=PASSPHRASE)  # encrypted at schema 1
    cli.ok("list", env=GIVE)
    [saved] = journal_file.parent.glob("journal.db.schema1-*.bak")
    assert not saved.read_bytes().startswith(b"SQLite format 3")
    assert fixture_text.encode() not in saved.read_bytes()
    assert fixture_text.encode() not in journal_file.read_bytes()
    from sqlcipher3 import dbapi2

    copy = dbapi2.connect(str(saved))
    copy.set_key(PASSPHRASE)
    assert copy.execute("PRAGMA user_version").fetchone() == (1,)
    assert cli.json("check", "--json", env=GIVE)["schema_version"] == store.SCHEMA_VERSION


def test_a_command_holding_the_old_file_writes_nothing_into_it(cli, journal_file, monkeypatch):
    """A review left open in another terminal while the journal was encrypted."""
    cli.ok("add", "-l", "up", ENGLISH)
    journal = store.open_journal(journal_file)
    monkeypatch.setenv("FOURLOOKS_PASSPHRASE_COMMAND", GIVE["FOURLOOKS_PASSPHRASE_COMMAND"])
    encryption.encrypt(journal_file)
    with pytest.raises(JournalError, match="was replaced"), journal.write() as conn:
        conn.execute("UPDATE entries SET text = 'lost'")
    journal.close()
    assert ENGLISH in cli.ok("list", env=GIVE).stdout


def test_without_the_extra_an_encrypted_journal_says_how_to_install_it(encrypted, tmp_path):
    # As on a machine where sqlcipher3 is not installed: its import fails.
    program = (
        "import sys; sys.modules['sqlcipher3'] = None; "
        "from fourlooks.cli import main; sys.argv[0] = 'fourlooks'; main()"
    )
    env = {**os.environ, **GIVE}
    result = subprocess.run(
        [sys.executable, "-c", program, "list"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"fourlooks: {encrypted} is encrypted, and this fourlooks cannot open encrypted "
        "journals: install the extra: pip install 'fourlooks[encrypt]'"
    ]


def test_without_a_keyring_the_passphrase_is_not_kept_and_nothing_fails(
    cli, journal_file, monkeypatch
):
    monkeypatch.setitem(sys.modules, "keyring", None)  # as where keyring is not installed
    cli.ok("add", "-l", "up", ENGLISH)
    done = cli.ok("encrypt", "--keyring", env=GIVE)
    assert "No system keyring works here" in done.stderr
    assert ENGLISH in cli.ok("list", env=GIVE).stdout


def test_encrypt_names_the_plain_copies_left_beside_the_journal(cli, journal_file):
    cli.ok("add", "-l", "up", ENGLISH)
    copy = Path(cli.ok("backup").stdout.strip())
    done = cli.ok("encrypt", env=GIVE)
    assert f"These copies beside it are not encrypted (remove them when done): {copy}" in (
        done.stderr
    )
    assert readable(journal_file.parent) == [(copy.name, ENGLISH), (copy.name, "lighthouse"),
                                            (copy.name, "promise")]  # fmt: skip


def _file_size_limit(limit: int):
    import resource
    import signal

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    return apply


@pytest.mark.parametrize("command", ["encrypt", "decrypt"])
def test_a_disk_full_during_the_copy_leaves_the_journal_whole_and_no_copy(
    cli, journal_file, command
):
    cli.ok("add", "-l", "up", "-", input=f"{ENGLISH} {CHINESE}\n" * 3000)  # ~300 kB
    if command == "decrypt":
        cli.ok("encrypt", env=GIVE)
    before = disk_bytes(journal_file.parent)
    size = journal_file.stat().st_size
    done = subprocess.run(
        [sys.executable, "-m", "fourlooks", command],
        capture_output=True,
        text=True,
        env={**os.environ, **GIVE, "FOURLOOKS_NOW": "2026-11-26T21:00:00"},
        preexec_fn=_file_size_limit(size // 2),  # the journal fits; a copy of it does not
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and "nothing was changed" in done.stderr
    after = disk_bytes(journal_file.parent)
    assert sorted(after) == sorted(before)  # no copy left beside it
    plain = journal_file.read_bytes().startswith(b"SQLite format 3\0")
    assert plain == (command == "encrypt")  # as it was
    listed = cli.ok("search", "lighthouse", env=GIVE).stdout
    assert ENGLISH in listed


def test_a_copy_left_by_a_killed_conversion_is_removed_by_the_next(cli, encrypted):
    leftover = encrypted.with_name(f".{encrypted.name}.converting-0badc0de")
    leftover.write_text(f"half of a decrypted copy: {ENGLISH}")  # as a kill would leave it
    cli.ok("rekey", env=NEW)
    assert not leftover.exists()
    assert readable(encrypted.parent) == []


def test_check_warns_of_plain_copies_beside_an_encrypted_journal(cli, journal_file):
    cli.ok("add", "-l", "up", ENGLISH)
    copy = Path(cli.ok("backup").stdout.strip())
    cli.ok("encrypt", env=GIVE)
    report = cli.json("check", "--json", env=GIVE)
    assert report["ok"] and report["warnings"] == [
        f"{copy} is a plain copy of this encrypted journal"
    ]
    copy.unlink()
    assert cli.json("check", "--json", env=GIVE)["warnings"] == []
