"""The status core: it gathers everything the screen shows, so rendering reads no journal."""

from __future__ import annotations

import datetime as dt

import pytest

from fourlooks import status, store
from fourlooks.render import status as screen
from fourlooks.store import tasks

DAY = dt.date(2026, 11, 26)


@pytest.fixture
def journal(tmp_path):
    with store.open_journal(tmp_path / "j.db") as opened:
        yield opened


def test_a_task_past_due_comes_with_the_short_id_listings_show(journal):
    late = tasks.add(journal, "Send the draft", due="2026-11-20")
    tasks.add(journal, "Later work", due="2026-12-20")
    [item] = status.gather(journal, day=DAY).tasks
    assert (item.task.id, item.reason) == (late.id, status.PAST_DUE)
    assert item.short_id == tasks.short_ids(journal, [late.id])[late.id] == late.id[:8]


def test_the_screen_is_drawn_from_the_gathered_status_with_the_journal_closed(journal):
    late = tasks.add(journal, "Send the draft", due="2026-11-20")
    found = status.gather(journal, day=DAY)
    journal.close()
    text = "\n".join(screen.lines(found, "en", colour=False))
    assert f"    {late.id[:8]}  Send the draft  " in text
    assert text.startswith("Thu 2026-11-26")
