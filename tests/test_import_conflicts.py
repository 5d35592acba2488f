"""Two journals edit the same entry: the later edit wins, the other is kept, not dropped;
an old export imported again is stale and changes nothing."""

from __future__ import annotations

import json

import pytest

LAPTOP_NOW = "2026-11-26T21:00:00"
PHONE_NOW = "2026-11-26T22:00:00"  # the later edit


@pytest.fixture
def machines(tmp_path):
    """Run fourlooks against one of two journals: `run("laptop", "list")`."""
    from conftest import Cli

    def run(name: str, *args: str, now: str = LAPTOP_NOW):
        result = Cli(now=now)(*args, env={"FOURLOOKS_DB": str(tmp_path / f"{name}.db")})
        assert result.exit_code == 0, result.output
        return result.output

    return run


def entries_of(machines, name: str) -> list[dict]:
    return json.loads(machines(name, "list", "--json", "-n", "100"))


def edited_on_both(machines, tmp_path, text: str, laptop: str, phone: str) -> str:
    """An entry written on the laptop, copied to the phone, then edited on each (the phone
    last); returns its id. The laptop's export of its edit is `laptop.json`."""
    first = tmp_path / "first.json"
    machines("laptop", "add", "-l", "back", text)
    entry_id = entries_of(machines, "laptop")[0]["id"]
    machines("laptop", "export", "-o", str(first))
    machines("phone", "import", str(first))
    machines("laptop", "edit", entry_id[:8], "--text", laptop)
    machines("phone", "edit", entry_id[:8], "--text", phone, now=PHONE_NOW)
    machines("laptop", "export", "-o", str(tmp_path / "laptop.json"))
    return entry_id


def test_an_edit_on_both_machines_keeps_both_versions(machines, tmp_path):
    laptop_file, phone_file = tmp_path / "laptop.json", tmp_path / "phone.json"
    entry_id = edited_on_both(
        machines,
        tmp_path,
        "Shipped the budget",
        laptop="Shipped the budget, late",
        phone="Shipped the budget with Ana",
    )

    # The laptop's edit is older and the phone never held it: a real conflict, kept.
    said = machines("phone", "import", "--json", str(laptop_file))
    report = json.loads(said)
    assert report["entries"] == {"added": 0, "updated": 0, "skipped": 1}
    assert [c["id"] for c in report["conflicts"]] == [entry_id]
    phone = {entry["text"]: entry for entry in entries_of(machines, "phone")}
    assert set(phone) == {"Shipped the budget with Ana", "Shipped the budget, late"}
    kept = phone["Shipped the budget, late"]
    assert kept["id"] == report["conflicts"][0]["kept_as"] != entry_id
    assert "conflict" in kept["tags"]
    assert phone["Shipped the budget with Ana"]["id"] == entry_id

    # Imported again, the same file keeps nothing twice, and says there is nothing new.
    again = json.loads(machines("phone", "import", "--json", str(laptop_file)))
    assert again["conflicts"] == []
    assert len(entries_of(machines, "phone")) == 2

    # The laptop takes the phone's newer edit, and gets the kept version from its export.
    machines("phone", "export", "-o", str(phone_file))
    lines = machines("laptop", "import", str(phone_file))
    assert "entries:  1 added, 1 updated, 0 already there" in lines
    laptop = sorted(entry["text"] for entry in entries_of(machines, "laptop"))
    assert laptop == sorted(phone)


def test_an_old_export_imported_again_is_stale_and_silent(machines, tmp_path):
    old = tmp_path / "old.json"
    machines("laptop", "add", "-l", "back", "First draft")
    entry_id = entries_of(machines, "laptop")[0]["id"]
    machines("laptop", "export", "-o", str(old))
    machines("laptop", "edit", entry_id[:8], "--text", "Second draft")
    said = machines("laptop", "import", str(old))
    assert "entries:  0 added, 0 updated, 1 already there" in said
    assert "conflict" not in said
    assert [entry["text"] for entry in entries_of(machines, "laptop")] == ["Second draft"]


def test_the_summary_names_the_conflict_and_a_dry_run_keeps_nothing(machines, tmp_path):
    laptop_file = tmp_path / "laptop.json"
    entry_id = edited_on_both(
        machines,
        tmp_path,
        "Team meeting went well",
        laptop="Team meeting went well, mostly",
        phone="Team meeting: two actions",
    )
    dry = machines("phone", "import", "--dry-run", str(laptop_file))
    assert "would be kept as a new entry tagged `conflict`" in dry
    assert entry_id[:8] in dry
    assert len(entries_of(machines, "phone")) == 1
    real = machines("phone", "import", str(laptop_file))
    assert "conflicts: 1 entry changed both here and in the file" in real
    tagged = json.loads(machines("phone", "list", "--json", "-t", "conflict"))
    assert [entry["text"] for entry in tagged] == ["Team meeting went well, mostly"]


def test_versions_from_before_the_upgrade_are_known_after_it(machines, tmp_path):
    """A journal of the schema before entry_versions: its entries' versions are recorded
    when it is migrated, so an export made before the upgrade imports as stale."""
    import sqlite3

    old = tmp_path / "old.json"
    machines("laptop", "add", "-l", "back", "Written before the upgrade")
    entry_id = entries_of(machines, "laptop")[0]["id"]
    machines("laptop", "export", "-o", str(old))
    conn = sqlite3.connect(tmp_path / "laptop.db", isolation_level=None)
    conn.execute("DROP TABLE entry_versions")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_entry_versions'")
    conn.execute("PRAGMA user_version = 6")  # as the release before m007 left it
    conn.close()
    machines("laptop", "edit", entry_id[:8], "--text", "Edited after the upgrade")
    said = machines("laptop", "import", str(old))
    assert "entries:  0 added, 0 updated, 1 already there" in said
    assert "conflict" not in said


def test_a_versions_hash_is_the_one_older_journals_recorded():
    """The hash of an entry's content is SHA-256 of its JSON, whichever SHA-256 computes it:
    m007 and every add since recorded it so, and an import compares against those."""
    import hashlib

    from fourlooks.store import versions

    values = ["2026-11-26", "up", 'Ship "it"\n\t反思 \ud800', ["b", "a"], None, None, 3]
    text = json.dumps([sorted(values[3]) if n == 3 else v for n, v in enumerate(values)],
                      ensure_ascii=False, separators=(",", ":"))  # fmt: skip
    expected = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    assert versions.values_hash(values) == expected == "3ef69c0051b31b16ede1646c5d77d90c"
