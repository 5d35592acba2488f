"""A folder export never overwrites a note the person edited by hand since the last one."""

from __future__ import annotations

from pathlib import Path


def test_a_note_edited_by_hand_is_kept_and_named(cli, tmp_path):
    vault = tmp_path / "vault"
    cli.ok("add", "--look", "back", "first day", "--date", "2026-11-24")
    cli.ok("add", "--look", "back", "second day", "--date", "2026-11-25")
    cli.ok("export", "-o", f"{vault}/")
    edited = vault / "2026" / "11" / "2026-11-24.md"
    mine = edited.read_text() + "\nA thought I added in my notes app.\n"
    edited.write_text(mine)
    cli.ok("add", "--look", "up", "later the same day", "--date", "2026-11-24")
    cli.ok("add", "--look", "up", "more on the second day", "--date", "2026-11-25")
    result = cli.ok("export", "-o", f"{vault}/")
    assert edited.read_text() == mine
    assert (
        "Kept 1 note edited by hand since the last export, not overwritten: "
        "2026/11/2026-11-24.md." in result.stderr
    )
    untouched = (vault / "2026" / "11" / "2026-11-25.md").read_text()
    assert "more on the second day" in untouched  # a note nobody edited is brought up to date


def test_notes_left_alone_are_replaced_as_before(cli, tmp_path):
    vault = tmp_path / "vault"
    cli.ok("add", "--look", "back", "first day", "--date", "2026-11-24")
    cli.ok("export", "-o", f"{vault}/")
    cli.ok("add", "--look", "up", "later", "--date", "2026-11-24")
    result = cli.ok("export", "-o", f"{vault}/")
    assert "Kept" not in result.stderr
    assert "later" in Path(vault / "2026" / "11" / "2026-11-24.md").read_text()


def test_a_json_export_holding_what_this_journal_lacks_is_not_replaced(cli, tmp_path):
    shared = tmp_path / "shared.json"
    a = {"FOURLOOKS_DB": str(tmp_path / "a.db")}
    b = {"FOURLOOKS_DB": str(tmp_path / "b.db")}
    cli.ok("add", "--look", "back", "written on the laptop", env=a)
    cli.ok("task", "add", "Budget draft", env=a)
    cli.ok("export", "-o", str(shared), env=a)
    from_a = shared.read_bytes()
    cli.ok("add", "--look", "up", "written on the desktop", env=b)
    result = cli("export", "-o", str(shared), env=b)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"fourlooks: {shared} holds what this journal lacks or has older (1 entry, 1 task):"
        f" import it first (`fourlooks import {shared}`), or --force replaces it"
    )
    assert shared.read_bytes() == from_a
    cli.ok("import", str(shared), env=b)
    cli.ok("export", "-o", str(shared), env=b)  # now it holds nothing b lacks
    assert b"written on the desktop" in shared.read_bytes()
    assert cli("export", "-o", str(shared), env=a).exit_code == 1  # a lacks b's entry
    cli.ok("export", "-o", str(shared), "--force", env=a)
    assert b"written on the desktop" not in shared.read_bytes()
