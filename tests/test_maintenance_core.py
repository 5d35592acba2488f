"""The maintenance core: where a backup goes, and a restore that waits for consent."""

from __future__ import annotations

import datetime as dt

import pytest

from fourlooks import entries, maintenance, store
from fourlooks.errors import UsageError
from fourlooks.model import Filters, Look

NOW = dt.datetime(2026, 11, 26, 21, 0, 5)


@pytest.fixture
def journal_path(tmp_path):
    path = tmp_path / "journal.db"
    with store.open_journal(path) as journal:
        entries.add(journal, date="2026-11-26", look=Look.UP, text="kept safe", tags=())
    return path


def test_a_backup_goes_beside_the_journal_into_a_folder_or_to_the_path_given(tmp_path):
    journal = tmp_path / "journal.db"
    assert maintenance.backup_target(journal, None, NOW) == tmp_path / "journal-20261126-210005.db"
    folder = tmp_path / "copies"
    folder.mkdir()
    assert maintenance.backup_target(journal, folder, NOW) == folder / "journal-20261126-210005.db"
    assert maintenance.backup_target(journal, folder / "x.db", NOW) == folder / "x.db"
    with pytest.raises(UsageError, match="no folder"):
        maintenance.backup_target(journal, tmp_path / "missing" / "x.db", NOW)


def test_a_backup_then_a_restore_that_is_refused_and_one_that_is_agreed(journal_path):
    done = maintenance.backup(journal_path, None, now=NOW, force=False)
    assert done.path.parent == journal_path.parent and done.entries == 1
    with store.open_journal(journal_path) as journal:
        entries.add(journal, date="2026-11-27", look=Look.DOWN, text="after the backup", tags=())
    seen = []
    assert maintenance.restore(journal_path, done.path, now=NOW, confirm=seen.append) is None
    assert [candidate.entries for candidate in seen] == [1]
    with store.open_journal(journal_path) as journal:
        assert entries.listing(journal, Filters(), limit=0).entries[0].text == ("after the backup")
    restored = maintenance.restore(journal_path, done.path, now=NOW, confirm=lambda c: True)
    assert restored is not None and restored.entries == 1 and restored.kept is not None
    with store.open_journal(journal_path) as journal:
        [entry] = entries.listing(journal, Filters(), limit=0).entries
    assert entry.text == "kept safe"
