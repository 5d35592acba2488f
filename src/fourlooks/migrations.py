"""The journal's schema, as numbered migrations applied in order when a journal opens.

A released migration is never edited or renumbered: a change of schema is a new function
at the end. `store.SCHEMA_VERSION` must equal the number of migrations here (a test checks),
because the store compares it with `PRAGMA user_version` to skip importing this module,
and sqlite-utils with it, on every command.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("fourlooks")


def _run(db: Database, script: str) -> None:
    """Execute statements one at a time.

    `executescript` would COMMIT first and so break the transaction each migration runs in.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement.strip()[:60]}")


@migrations()
def m001_journal(db: Database) -> None:
    """Entries with their tags, tasks, and reviews with the questions they skipped."""
    _run(
        db,
        """
        CREATE TABLE tasks (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            due TEXT,
            state TEXT CHECK (state IN ('done', 'under_way', 'not_done', 'done_poorly')),
            closed_at TEXT,
            reviewed_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE reviews (
            id TEXT PRIMARY KEY,
            cadence TEXT NOT NULL CHECK (cadence IN ('daily', 'monthly', 'task')),
            period TEXT NOT NULL,
            task_id TEXT REFERENCES tasks(id) ON DELETE CASCADE,
            started_at TEXT NOT NULL,
            completed_at TEXT
        );
        CREATE UNIQUE INDEX reviews_period ON reviews (cadence, period, ifnull(task_id, ''));
        CREATE TABLE review_skips (
            review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            PRIMARY KEY (review_id, question_id)
        ) WITHOUT ROWID;
        CREATE TABLE entries (
            id TEXT PRIMARY KEY,
            date TEXT NOT NULL,
            look TEXT NOT NULL CHECK (look IN ('back', 'up', 'down', 'ahead')),
            text TEXT NOT NULL,
            cadence TEXT CHECK (cadence IN ('daily', 'monthly', 'task')),
            question_id TEXT,
            review_id TEXT REFERENCES reviews(id) ON DELETE SET NULL,
            task_id TEXT REFERENCES tasks(id) ON DELETE SET NULL,
            rating INTEGER CHECK (rating BETWEEN 1 AND 5),
            choice TEXT,
            commitment_id TEXT REFERENCES entries(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX entries_date ON entries (date, created_at);
        CREATE INDEX entries_look_date ON entries (look, date);
        CREATE INDEX entries_review ON entries (review_id, question_id);
        CREATE INDEX entries_task ON entries (task_id) WHERE task_id IS NOT NULL;
        CREATE INDEX entries_commitment ON entries (commitment_id)
            WHERE commitment_id IS NOT NULL;
        CREATE TABLE entry_tags (
            entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (entry_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX entry_tags_tag ON entry_tags (tag, entry_id);
        """,
    )


@migrations()
def m002_search(db: Database) -> None:
    """Full-text search: an FTS5 index of every entry's text, kept current by triggers.

    The index is contentless (the text lives in `entries` only) and holds a derived text
    (fourlooks.fulltext) computed by SQL functions that `store.open_journal` registers on
    every connection. `entry_search_rows` gives each entry a stable integer for the index's
    rowid: an `entries` rowid could change on VACUUM, since its key is a TEXT id.
    """
    _run(
        db,
        """
        CREATE TABLE entry_search_rows (
            n INTEGER PRIMARY KEY,
            entry_id TEXT NOT NULL UNIQUE
        );
        CREATE VIRTUAL TABLE entry_search USING fts5(
            body, tail, content = '', tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER entry_search_insert AFTER INSERT ON entries BEGIN
            INSERT INTO entry_search_rows (entry_id) VALUES (NEW.id);
            INSERT INTO entry_search (rowid, body, tail)
                SELECT n, fourlooks_index_body(NEW.text), fourlooks_index_tail(NEW.text)
                FROM entry_search_rows WHERE entry_id = NEW.id;
        END;
        CREATE TRIGGER entry_search_rename AFTER UPDATE OF id ON entries
        WHEN OLD.id != NEW.id BEGIN
            UPDATE entry_search_rows SET entry_id = NEW.id WHERE entry_id = OLD.id;
        END;
        CREATE TRIGGER entry_search_update AFTER UPDATE OF text ON entries
        WHEN OLD.text != NEW.text BEGIN
            INSERT INTO entry_search (entry_search, rowid, body, tail)
                SELECT 'delete', n, fourlooks_index_body(OLD.text), fourlooks_index_tail(OLD.text)
                FROM entry_search_rows WHERE entry_id IN (OLD.id, NEW.id);
            INSERT INTO entry_search (rowid, body, tail)
                SELECT n, fourlooks_index_body(NEW.text), fourlooks_index_tail(NEW.text)
                FROM entry_search_rows WHERE entry_id IN (OLD.id, NEW.id);
        END;
        CREATE TRIGGER entry_search_delete AFTER DELETE ON entries BEGIN
            INSERT INTO entry_search (entry_search, rowid, body, tail)
                SELECT 'delete', n, fourlooks_index_body(OLD.text), fourlooks_index_tail(OLD.text)
                FROM entry_search_rows WHERE entry_id = OLD.id;
            DELETE FROM entry_search_rows WHERE entry_id = OLD.id;
        END;
        INSERT INTO entry_search_rows (entry_id) SELECT id FROM entries ORDER BY date, created_at;
        INSERT INTO entry_search (rowid, body, tail)
            SELECT r.n, fourlooks_index_body(e.text), fourlooks_index_tail(e.text)
            FROM entry_search_rows r JOIN entries e ON e.id = r.entry_id;
        """,
    )


@migrations()
def m003_task_reviews_index(db: Database) -> None:
    """Find a task's reviews by task: `status` asks it for every task, on every run."""
    _run(db, "CREATE INDEX reviews_task ON reviews (task_id, period) WHERE task_id IS NOT NULL;")


@migrations()
def m004_application_id(db: Database) -> None:
    """Mark the file as a fourlooks journal (`store.opening.APPLICATION_ID`, "4LKS").

    fourlooks then knows a file is its own from the header alone, before it writes to it,
    and refuses another program's SQLite database untouched.
    """
    db.execute("PRAGMA application_id = 877415251")  # 0x344C4B53: a literal, as released


@migrations()
def m005_search_stems(db: Database) -> None:
    """Search finds English words by their stem: `checklist` finds "checklists".

    FTS5's `porter` tokenizer wraps the same unicode61 one, so the index is made anew with
    it and filled from the entries. Chinese character pairs pass through porter unchanged.
    The triggers on `entries` name the index by name and keep working as they are.
    """
    _run(
        db,
        """
        DROP TABLE entry_search;
        CREATE VIRTUAL TABLE entry_search USING fts5(
            body, tail, content = '', tokenize = 'porter unicode61 remove_diacritics 2'
        );
        INSERT INTO entry_search (rowid, body, tail)
            SELECT r.n, fourlooks_index_body(e.text), fourlooks_index_tail(e.text)
            FROM entry_search_rows r JOIN entries e ON e.id = r.entry_id;
        """,
    )


@migrations()
def m006_review_questions(db: Database) -> None:
    """The questions a review was given, in order, kept from its first answer or skip.

    The daily review asks a short set chosen from the journal and the date: a review taken up
    again asks the set it began with, whatever was answered or changed since.
    """
    _run(
        db,
        """
        CREATE TABLE review_questions (
            review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question_id TEXT NOT NULL,
            PRIMARY KEY (review_id, position)
        );
        """,
    )


@migrations()
def m007_entry_versions(db: Database) -> None:
    """The versions of each entry the journal has held (store.versions), from now on.

    Without them an import could not tell an old export imported again (a version held
    before: nothing to do) from an edit made elsewhere and lost to a later one here (a real
    conflict, kept). Every entry's version as it is now is recorded; a hash, not a copy.
    """
    from fourlooks.store import versions

    _run(
        db,
        """
        CREATE TABLE entry_versions (
            entry_id TEXT NOT NULL,
            content TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (entry_id, content)
        ) WITHOUT ROWID;
        """,
    )
    conn = db.conn
    before = conn.text_factory
    # Bytes that are not UTF-8 (a damaged disk) must not stop the journal from opening.
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        tags: dict[str, list[str]] = {}
        for entry_id, tag in conn.execute("SELECT entry_id, tag FROM entry_tags"):
            tags.setdefault(entry_id, []).append(tag)
        columns = [name for name in versions.CONTENT_FIELDS if name != "tags"]
        rows = conn.execute(f"SELECT id, updated_at, {', '.join(columns)} FROM entries")
        conn.executemany(
            "INSERT INTO entry_versions (entry_id, content, updated_at) VALUES (?, ?, ?)",
            (
                (row[0], versions.values_hash(_content(columns, row[2:], tags.get(row[0], []))),
                 row[1])
                for row in rows
            ),
        )  # fmt: skip
    finally:
        conn.text_factory = before


def _content(columns: list[str], values: tuple, tags: list[str]) -> list[object]:
    """An entry's values in store.versions.CONTENT_FIELDS order, its tags among them."""
    named = dict(zip(columns, values, strict=True))
    named["tags"] = tags
    from fourlooks.store import versions

    return [named[name] for name in versions.CONTENT_FIELDS]


@migrations()
def m008_goals(db: Database) -> None:
    """Goals for a year (period YYYY) or a month (YYYY-MM), and the tasks that serve them.

    A task serves at most one goal: `goal_tasks` is keyed by the task. The link lives
    beside `tasks` rather than in it, so a task's stored fields (and its export) stay as
    they were; the export carries a goal's task ids with the goal.
    """
    _run(
        db,
        """
        CREATE TABLE goals (
            id TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            period TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('open', 'done', 'dropped')),
            closed_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX goals_period ON goals (period, created_at);
        CREATE TABLE goal_tasks (
            task_id TEXT PRIMARY KEY REFERENCES tasks(id) ON DELETE CASCADE,
            goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE
        ) WITHOUT ROWID;
        CREATE INDEX goal_tasks_goal ON goal_tasks (goal_id, task_id);
        """,
    )


@migrations()
def m009_decisions(db: Database) -> None:
    """Decisions, to come or made, and the review answers that heard those they affect.

    An answer is an entry of a daily review; `decision_answers` (keyed by the entry: an
    answer is about one decision) links it, beside `entries` so that an entry's stored
    fields and its export stay as they were. The export carries the links with the decision.
    """
    _run(
        db,
        """
        CREATE TABLE decisions (
            id TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            date TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('coming', 'made', 'dropped')),
            made_on TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX decisions_date ON decisions (date, created_at);
        CREATE TABLE decision_answers (
            entry_id TEXT PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
            decision_id TEXT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE
        ) WITHOUT ROWID;
        CREATE INDEX decision_answers_decision ON decision_answers (decision_id, entry_id);
        """,
    )


@migrations()
def m010_lesson_links(db: Database) -> None:
    """Lessons that came back: each link says a lesson is the same one as an earlier lesson.

    A lesson is an answer to a question that names a fault (fourlooks.lessons.QUESTION_IDS):
    the register is those entries, so an older journal's lessons are there without copying
    them. What is new is the person's word that two of them are one: `lesson_id` is the later
    of the two, `same_as` the earlier. Deleting either entry deletes the link.
    """
    _run(
        db,
        """
        CREATE TABLE lesson_links (
            lesson_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            same_as TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            PRIMARY KEY (lesson_id, same_as),
            CHECK (lesson_id != same_as)
        ) WITHOUT ROWID;
        CREATE INDEX lesson_links_same_as ON lesson_links (same_as, lesson_id);
        """,
    )


@migrations()
def m011_task_owner_checkpoint(db: Database) -> None:
    """A task's owner (who answers for it) and its next checkpoint (when it is due again).

    Both are NULL for every task so far: an export of a journal without them is unchanged,
    since the export writes each only when it is set.
    """
    _run(
        db,
        """
        ALTER TABLE tasks ADD COLUMN owner TEXT;
        ALTER TABLE tasks ADD COLUMN checkpoint TEXT;
        """,
    )


@migrations()
def m012_review_answered(db: Database) -> None:
    """Whether a review holds an answer, kept on the review; commitments indexed by date.

    A completed review counts for a streak only when at least one of its questions was
    answered (store.reviews.completed_periods). Asking that of the entries for every review
    was most of `status` at 100,000 entries (7,840 daily reviews: ~16 ms of probes, against
    ~3 ms reading the flag), and `status`, `add` (the due file) and the reports ask it of the
    whole history on every run. Triggers on `entries` keep the flag, whatever writes there:
    an answer, a delete, an import, a merge. A review written after its answers (an import
    in another order) reads them when it is inserted.

    `status` counts the open commitments: the partial index holds only the look-ahead
    entries that are commitments (the rule of store.reviews.IS_COMMITMENT, as released),
    with the columns that rule reads, and the follow-ups' index now carries `choice`: the
    count reads no table row (13,290 commitments at 100,000 entries: ~21 ms -> ~4 ms).
    `reviews_unfinished` holds the task reviews begun and not finished, which `status` and
    the due file ask about for every task.
    """
    _run(
        db,
        """
        ALTER TABLE reviews ADD COLUMN answered INTEGER NOT NULL DEFAULT 0;
        UPDATE reviews SET answered = EXISTS (
            SELECT 1 FROM entries WHERE entries.review_id = reviews.id
        );
        CREATE INDEX reviews_answered ON reviews (cadence, period)
            WHERE completed_at IS NOT NULL AND answered = 1;
        CREATE TRIGGER review_answered_insert AFTER INSERT ON entries
        WHEN NEW.review_id IS NOT NULL BEGIN
            UPDATE reviews SET answered = 1 WHERE id = NEW.review_id AND answered = 0;
        END;
        CREATE TRIGGER review_answered_delete AFTER DELETE ON entries
        WHEN OLD.review_id IS NOT NULL BEGIN
            UPDATE reviews SET answered = EXISTS (
                SELECT 1 FROM entries WHERE entries.review_id = OLD.review_id
            ) WHERE id = OLD.review_id;
        END;
        CREATE TRIGGER review_answered_move AFTER UPDATE OF review_id ON entries
        WHEN OLD.review_id IS NOT NEW.review_id BEGIN
            UPDATE reviews SET answered = EXISTS (
                SELECT 1 FROM entries WHERE entries.review_id = reviews.id
            ) WHERE id IN (OLD.review_id, NEW.review_id);
        END;
        CREATE TRIGGER review_answered_new AFTER INSERT ON reviews BEGIN
            UPDATE reviews SET answered = EXISTS (
                SELECT 1 FROM entries WHERE entries.review_id = NEW.id
            ) WHERE id = NEW.id;
        END;
        CREATE INDEX reviews_unfinished ON reviews (task_id)
            WHERE completed_at IS NULL AND task_id IS NOT NULL;
        CREATE INDEX entries_commitments ON entries (date, id, look, cadence, question_id)
            WHERE look = 'ahead' AND (cadence IS NULL OR question_id = 'daily.ahead.commitments');
        DROP INDEX entries_commitment;
        CREATE INDEX entries_commitment ON entries (commitment_id, choice)
            WHERE commitment_id IS NOT NULL;
        """,
    )


@migrations()
def m013_entries_naming(db: Database) -> None:
    """The entries that hold an `@`, by date: the people heard are read from them alone.

    Who has gone quiet, in a month's report, is asked of every entry naming someone up to
    the report's last day; without an index that read every entry's text (100,000 entries,
    ~100 MB: ~27 ms warm, more from disk) to find the few holding an `@`. A partial index
    costs nothing for an entry without one, and SQLite keeps it on every write: no trigger,
    nothing to pause in an import, nothing an export carries.
    """
    _run(
        db,
        """
        CREATE INDEX entries_naming ON entries (date) WHERE instr(text, '@');
        """,
    )


@migrations()
def m014_commitments_settled(db: Database) -> None:
    """Whether a follow-up has settled an entry, kept on the entry; open commitments indexed.

    `status` counts the open commitments: asking each commitment whether a follow-up settled
    it (store.reviews.SETTLES: any choice but `kept`) was the rest of `status` at 100,000
    entries (13,290 commitments: ~8.6 ms, against ~0.1 ms counting the partial index of the
    open ones). Triggers on `entries` keep the flag, whatever writes there: a follow-up
    answered, its choice changed, a follow-up deleted or moved, an import (store.search
    catches it up after a bulk one), a commitment written after its follow-ups. The flag is
    derived: no export carries it, and an import recomputes it.
    """
    _run(
        db,
        """
        ALTER TABLE entries ADD COLUMN settled INTEGER NOT NULL DEFAULT 0;
        UPDATE entries SET settled = 1 WHERE id IN (
            SELECT f.commitment_id FROM entries AS f
            WHERE f.commitment_id IS NOT NULL AND ifnull(f.choice, '') != 'kept'
        );
        CREATE INDEX entries_open_commitments ON entries (date)
            WHERE look = 'ahead' AND (cadence IS NULL OR question_id = 'daily.ahead.commitments')
            AND settled = 0;
        CREATE TRIGGER commitment_settled_insert AFTER INSERT ON entries
        WHEN NEW.commitment_id IS NOT NULL AND ifnull(NEW.choice, '') != 'kept' BEGIN
            UPDATE entries SET settled = 1 WHERE id = NEW.commitment_id AND settled = 0;
        END;
        CREATE TRIGGER commitment_settled_new AFTER INSERT ON entries
        WHEN EXISTS (
            SELECT 1 FROM entries AS f
            WHERE f.commitment_id = NEW.id AND ifnull(f.choice, '') != 'kept'
        ) BEGIN
            UPDATE entries SET settled = 1 WHERE id = NEW.id;
        END;
        CREATE TRIGGER commitment_settled_delete AFTER DELETE ON entries
        WHEN OLD.commitment_id IS NOT NULL BEGIN
            UPDATE entries SET settled = EXISTS (
                SELECT 1 FROM entries AS f
                WHERE f.commitment_id = OLD.commitment_id AND ifnull(f.choice, '') != 'kept'
            ) WHERE id = OLD.commitment_id;
        END;
        CREATE TRIGGER commitment_settled_change AFTER UPDATE OF id, choice, commitment_id
        ON entries BEGIN
            UPDATE entries SET settled = EXISTS (
                SELECT 1 FROM entries AS f
                WHERE f.commitment_id = entries.id AND ifnull(f.choice, '') != 'kept'
            ) WHERE id IN (OLD.commitment_id, NEW.commitment_id, NEW.id);
        END;
        """,
    )
