"""The open commitments counted from entries.settled (m014) agree with asking the follow-ups."""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3

from fourlooks import store
from fourlooks.model import Bundle, Cadence, Entry, Look
from fourlooks.store import entries, reviews, transfer

DAY = "2026-11-26"
NOW = "2026-11-20T08:00:00.000000+00:00"
LATER = "2026-11-21T08:00:00.000000+00:00"
MANY = max(300, transfer.DEFER_INDEX_MIN_ENTRIES)


def asked(journal) -> int:
    """The count as it was asked before m014: every commitment's follow-ups, one by one."""
    settled = reviews.IS_SETTLED.format(commitment="entries")
    return journal.conn.execute(
        f"SELECT count(*) FROM {reviews.COMMITMENTS} WHERE date < ?"
        f" AND {reviews.IS_COMMITMENT} AND NOT {settled}",
        (DAY,),
    ).fetchone()[0]


def agrees(journal) -> int:
    count = reviews.count_open_commitments(journal, DAY)
    assert count == asked(journal)
    return count


def follow(journal, commitment_id: str, choice: str | None) -> Entry:
    draft = reviews.Draft(
        date=DAY, look=Look.BACK, text=str(choice), question_id=reviews.FOLLOWUP_ID,
        choice=choice, commitment_id=commitment_id,
    )  # fmt: skip
    [stored] = reviews.save(journal, reviews.Key(Cadence.DAILY, DAY), [draft])
    return stored


def test_the_count_follows_follow_ups_added_edited_and_deleted(tmp_path):
    with store.open_journal(tmp_path / "j.db") as journal:
        made = [
            entries.add(journal, date=f"2026-11-{day:02d}", look=Look.AHEAD, text=f"plan {day}")
            for day in range(1, 11)
        ]
        assert agrees(journal) == 10
        done = follow(journal, made[0].id, "done")
        follow(journal, made[1].id, reviews.KEPT)
        follow(journal, made[2].id, None)  # an older journal's follow-up, without a choice
        assert agrees(journal) == 8
        # A second follow-up kept after the one that settled it: still settled.
        kept = follow(journal, made[0].id, reviews.KEPT)
        assert agrees(journal) == 8
        # Its choice changed from settling to not: open again.
        entries.replace(journal, dataclasses.replace(done, choice=reviews.KEPT))
        assert agrees(journal) == 9
        entries.replace(journal, dataclasses.replace(done, choice="partly"))
        assert agrees(journal) == 8
        # A follow-up moved to another commitment: the first opens, the second settles.
        entries.replace(journal, dataclasses.replace(done, commitment_id=made[3].id))
        assert agrees(journal) == 8
        entries.delete(journal, done.id)
        entries.delete(journal, kept.id)
        assert agrees(journal) == 9
        # A settled commitment deleted (its follow-up's link cleared): nothing opens.
        entries.delete(journal, made[2].id)
        assert agrees(journal) == 9
        entries.delete(journal, made[5].id)
        assert agrees(journal) == 8


def test_a_large_import_keeps_the_count_as_the_follow_ups_say(tmp_path):
    commitments = [
        Entry(id=f"{n:08x}-0000-4000-8000-000000000000", date=f"2026-10-{n % 28 + 1:02d}",
              look=Look.AHEAD, text=f"plan {n}", created_at=NOW, updated_at=NOW)
        for n in range(MANY)
    ]  # fmt: skip
    choices = ["done", reviews.KEPT, "partly", None]
    follow_ups = [
        Entry(id=f"{n:08x}-0000-4000-8000-000000000001", date="2026-11-01", look=Look.BACK,
              text="f", question_id=reviews.FOLLOWUP_ID, choice=choices[n % 4],
              commitment_id=commitment.id, created_at=NOW, updated_at=NOW)
        for n, commitment in enumerate(commitments) if n % 5
    ]  # fmt: skip
    with store.open_journal(tmp_path / "j.db") as journal:
        # The follow-ups before their commitments in the file, and both past the batch size.
        bundle = Bundle(format="fourlooks", entries=follow_ups + commitments)
        transfer.merge(journal, bundle, origin="f")
        assert agrees(journal) == MANY - sum(f.choice != reviews.KEPT for f in follow_ups)
        # An import of edits in a batch: every follow-up's choice to kept, then back.
        edited = [dataclasses.replace(f, choice=reviews.KEPT, updated_at=LATER) for f in follow_ups]
        assert len(edited) >= transfer.DEFER_INDEX_MIN_ENTRIES
        transfer.merge(journal, Bundle(format="fourlooks", entries=edited), origin="g")
        assert agrees(journal) == MANY


def test_an_old_journal_migrates_to_the_same_count(tmp_path):
    path = tmp_path / "journal.db"
    with store.open_journal(path) as journal:
        plans = [
            entries.add(journal, date=f"2026-11-{day:02d}", look=Look.AHEAD, text=f"plan {day}")
            for day in range(1, 7)
        ]
        for plan, choice in zip(plans, ["done", reviews.KEPT, None, "dropped"], strict=False):
            follow(journal, plan.id, choice)
        expected = asked(journal)
    assert expected == 3
    # Back to schema 13: the flag, its index and triggers gone, as an older fourlooks left it.
    with contextlib.closing(sqlite3.connect(path)) as conn:
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE name LIKE 'commitment_settled_%'"
        ).fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP INDEX entries_open_commitments")
        conn.execute("ALTER TABLE entries DROP COLUMN settled")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm014_commitments_settled'")
        conn.execute("PRAGMA user_version = 13")
        conn.commit()
    with store.open_journal(path) as journal:
        assert journal.conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
        assert agrees(journal) == expected


def test_status_prints_the_open_commitments(cli):
    cli.ok("add", "-l", "ahead", "-d", "2026-11-20", "call Li")
    cli.ok("add", "-l", "ahead", "-d", "2026-11-21", "draft the rota")
    assert "Commitments open    2" in cli.ok("status").stdout
