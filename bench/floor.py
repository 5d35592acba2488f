"""The floor: bare sqlite3 scripts doing the work of each fourlooks command, and nothing else.

Run as `python bench/floor.py COMMAND JOURNAL [ARGS]`, one process per measurement, like
fourlooks. Each imports only what its work needs, so the gap between it and fourlooks is
the cost of the CLI framework, the model and the rendering.
"""

from __future__ import annotations

import sys


def connect(path: str):
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None, timeout=15)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _index_functions(conn) -> None:
    """The search index's triggers call these on every write: indexing is part of the work.

    Only the text functions are imported (fourlooks.fulltext), not the store or the CLI.
    """
    from fourlooks import fulltext

    def body(text):
        return fulltext.index_body(text) if isinstance(text, str) else ""

    def tail(text):
        return fulltext.index_tail(text) if isinstance(text, str) else ""

    conn.create_function("fourlooks_index_body", 1, body, deterministic=True)
    conn.create_function("fourlooks_index_tail", 1, tail, deterministic=True)


ENTRY_COLUMNS = (
    "id, date, look, text, cadence, question_id, review_id, task_id, rating, choice,"
    " commitment_id, created_at, updated_at"
)


def add(path: str, text: str) -> None:
    """One entry with one tag, in one transaction, through the journal's indexes/triggers."""
    import datetime as dt
    import uuid

    conn = connect(path)
    _index_functions(conn)  # a write fires the search index triggers
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    entry_id = str(uuid.uuid4())
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO entries (id, date, look, text, created_at, updated_at)"
        " VALUES (?, ?, 'up', ?, ?, ?)",
        (entry_id, stamp[:10], text, stamp, stamp),
    )
    conn.execute("INSERT INTO entry_tags (entry_id, tag) VALUES (?, 'bench')", (entry_id,))
    conn.execute("COMMIT")
    print(entry_id[:8])


def newest(path: str, limit: str = "20") -> None:
    """The newest entries with their tags, printed one block per day."""
    conn = connect(path)
    rows = conn.execute(
        f"SELECT {ENTRY_COLUMNS} FROM entries ORDER BY date DESC, created_at DESC LIMIT ?",
        (int(limit),),
    ).fetchall()
    _print_rows(conn, rows)


def _print_rows(conn, rows) -> None:
    ids = [row[0] for row in rows]
    marks = ",".join("?" * len(ids))
    tags: dict[str, list[str]] = {}
    for entry_id, tag in conn.execute(
        f"SELECT entry_id, tag FROM entry_tags WHERE entry_id IN ({marks}) ORDER BY tag", ids
    ):
        tags.setdefault(entry_id, []).append(tag)
    day = None
    out = []
    for row in rows:
        if row[1] != day:
            day = row[1]
            out.append(day)
        out.append(f"  {row[0][:8]}  {row[2]:<6}  {row[3]}  " + " ".join(tags.get(row[0], [])))
    print("\n".join(out))


def show(path: str, prefix: str) -> None:
    """One entry found by a unique id prefix: every stored field, its tags."""
    conn = connect(path)
    rows = conn.execute(
        f"SELECT {ENTRY_COLUMNS} FROM entries WHERE id >= ? AND id < ? LIMIT 2",
        (prefix, prefix + "\uffff"),
    ).fetchall()
    if len(rows) != 1:
        sys.exit(f"no unique entry {prefix}")
    tags = conn.execute("SELECT tag FROM entry_tags WHERE entry_id = ? ORDER BY tag", rows[0][:1])
    names = [name.strip() for name in ENTRY_COLUMNS.split(",")]
    print("\n".join(f"{name}: {value}" for name, value in zip(names, rows[0], strict=True)))
    print("tags: " + " ".join(tag for (tag,) in tags))


def _fts_table(conn) -> str | None:
    row = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%fts5%'"
        " LIMIT 1"
    ).fetchone()
    return row[0] if row else None


def search(path: str, phrase: str) -> None:
    """Entries containing the phrase, 20 shown: the full-text index where one exists and can
    answer (FTS5 trigram needs 3+ characters), else a scan of every entry's text."""
    conn = connect(path)
    table = _fts_table(conn)
    if table and len(phrase) >= 3:
        quoted = '"' + phrase.replace('"', '""') + '"'
        found = [
            row[0]
            for row in conn.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rank LIMIT 20",
                (quoted,),
            )
        ]
        marks = ",".join("?" * len(found))
        rows = conn.execute(
            f"SELECT {ENTRY_COLUMNS} FROM entries WHERE rowid IN ({marks})", found
        ).fetchall()
    else:
        rows = conn.execute(
            f"SELECT {ENTRY_COLUMNS} FROM entries WHERE instr(text, ?) > 0"
            " ORDER BY date DESC, created_at DESC",
            (phrase,),
        ).fetchall()[:20]
    _print_rows(conn, rows)


def status(path: str, today: str) -> None:
    """What `status` needs: today's review, the month's audit, tasks due, streaks, balance."""
    import datetime as dt

    conn = connect(path)
    day = dt.date.fromisoformat(today)
    reviewed = conn.execute(
        "SELECT 1 FROM reviews WHERE cadence = 'daily' AND period = ? AND completed_at IS NOT NULL",
        (today,),
    ).fetchone()
    audited = conn.execute(
        "SELECT 1 FROM reviews WHERE cadence = 'monthly' AND period = ?", (today[:7],)
    ).fetchone()
    due = conn.execute(
        "SELECT count(*) FROM tasks WHERE (closed_at IS NULL AND due <= ?)"
        " OR (closed_at IS NOT NULL AND reviewed_at IS NULL)",
        (today,),
    ).fetchone()[0]
    days = {
        dt.date.fromisoformat(row[0])
        for row in conn.execute(
            "SELECT period FROM reviews WHERE cadence = 'daily' AND completed_at IS NOT NULL"
        )
    }
    streak, cursor = 0, day if day in days else day - dt.timedelta(days=1)
    while cursor in days:
        streak, cursor = streak + 1, cursor - dt.timedelta(days=1)
    months = [
        row[0] for row in conn.execute("SELECT period FROM reviews WHERE cadence = 'monthly'")
    ]
    since = (day - dt.timedelta(days=29)).isoformat()
    balance = dict(
        conn.execute("SELECT look, count(*) FROM entries WHERE date >= ? GROUP BY look", (since,))
    )
    print(f"today reviewed: {bool(reviewed)}; month audited: {bool(audited)}; tasks due: {due}")
    print(f"daily streak: {streak}; audits: {len(months)}; last 30 days: {balance}")


def report(path: str, month: str) -> None:
    """The month's (YYYY-MM) or the year's (YYYY) figures: coverage, balance, ratings over
    six months, commitments, tasks, highlights."""
    import datetime as dt

    conn = connect(path)
    if len(month) == 4:  # a year
        first, last = dt.date(int(month), 1, 1), dt.date(int(month), 12, 31)
        previous = first.replace(year=first.year - 1)
    else:
        first = dt.date.fromisoformat(month + "-01")
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        previous = (first - dt.timedelta(days=1)).replace(day=1)
    span = (first.isoformat(), last.isoformat())
    per_day = conn.execute(
        "SELECT date, count(*) FROM entries WHERE date BETWEEN ? AND ? GROUP BY date", span
    ).fetchall()
    reviewed = conn.execute(
        "SELECT count(*) FROM reviews WHERE cadence = 'daily' AND period BETWEEN ? AND ?"
        " AND completed_at IS NOT NULL",
        span,
    ).fetchone()[0]
    looks = conn.execute(
        "SELECT look, count(*) FROM entries WHERE date BETWEEN ? AND ? GROUP BY look", span
    ).fetchall()
    before = conn.execute(
        "SELECT look, count(*) FROM entries WHERE date BETWEEN ? AND ? GROUP BY look",
        (previous.isoformat(), (first - dt.timedelta(days=1)).isoformat()),
    ).fetchall()
    six_months = (first - dt.timedelta(days=183)).isoformat()
    ratings = conn.execute(
        "SELECT question_id, date, rating FROM entries WHERE cadence = 'monthly'"
        " AND rating IS NOT NULL AND date BETWEEN ? AND ? ORDER BY date",
        (six_months, span[1]),
    ).fetchall()
    commitments = conn.execute(
        "SELECT c.id, c.text, f.choice FROM entries c LEFT JOIN entries f"
        " ON f.commitment_id = c.id WHERE c.look = 'ahead' AND c.date BETWEEN ? AND ?",
        span,
    ).fetchall()
    tasks = conn.execute(
        "SELECT state, count(*) FROM tasks WHERE (created_at BETWEEN ? AND ?)"
        " OR (closed_at BETWEEN ? AND ?) GROUP BY state",
        (*span, *span),
    ).fetchall()
    highlights = conn.execute(
        "SELECT date, question_id, text FROM entries WHERE date BETWEEN ? AND ?"
        " AND question_id IN ('daily.back.went_well', 'daily.back.lesson',"
        " 'daily.down.listened', 'daily.ahead.goal') ORDER BY date",
        span,
    ).fetchall()
    print(f"# {month}: {reviewed} days reviewed; {sum(n for _, n in per_day)} entries")
    print(f"looks {looks} (before {before}); {len(ratings)} ratings; tasks {tasks}")
    print(f"{len(commitments)} commitments")
    for date, question, text in highlights:
        print(f"- {date} {question}: {text[:80]}")


def _stream(conn):
    """Every entry with its tags, oldest first, without holding them all in memory."""
    for row in conn.execute(
        f"SELECT {ENTRY_COLUMNS}, (SELECT group_concat(tag, char(9)) FROM entry_tags"
        " WHERE entry_id = entries.id) FROM entries ORDER BY date, created_at, id"
    ):
        yield row[:-1], sorted(row[-1].split("\t")) if row[-1] else []


def _days(conn):
    """Every day's entries with their tags, oldest day first, a day at a time."""
    day_rows: list = []
    for row, found in _stream(conn):
        if day_rows and day_rows[0][0][1] != row[1]:
            yield day_rows
            day_rows = []
        day_rows.append((row, found))
    if day_rows:
        yield day_rows


def _day_markdown(day_rows) -> str:
    """One day as Markdown: front matter, then the entries under their look."""
    date = day_rows[0][0][1]
    looks = sorted({row[2] for row, _ in day_rows})
    tags = sorted({tag for _, found in day_rows for tag in found})
    lines = [
        "---",
        f"date: {date}",
        f"looks: [{', '.join(looks)}]",
        f"tags: [{', '.join(tags)}]",
        "ids:",
    ]
    lines += [f"  - {row[0]}" for row, _ in day_rows]
    lines += ["---", "", f"# {date}", ""]
    for look in ("back", "up", "down", "ahead"):
        chosen = [(row, found) for row, found in day_rows if row[2] == look]
        if not chosen:
            continue
        lines += [f"## look {look}", ""]
        for row, found in chosen:
            if row[5]:
                lines.append(f"**{row[5]}**")
            lines.append(row[3])
            if found:
                lines.append(" ".join(f"#{tag}" for tag in found))
            lines.append("")
    return "\n".join(lines)


def export_markdown(path: str, folder: str) -> None:
    """One Markdown file per day, DIR/YYYY/MM/YYYY-MM-DD.md with front matter, written
    atomically (temporary file, then rename), a day at a time."""
    import os

    conn = connect(path)
    base = folder.rstrip("/")
    for day_rows in _days(conn):
        date = day_rows[0][0][1]
        target_dir = f"{base}/{date[:4]}/{date[5:7]}"
        os.makedirs(target_dir, exist_ok=True)
        target = f"{target_dir}/{date}.md"
        with open(target + ".tmp", "w", encoding="utf-8") as out:
            out.write(_day_markdown(day_rows))
        os.replace(target + ".tmp", target)


def export_markdown_document(path: str, target: str) -> None:
    """Every day in one Markdown document, written a day at a time, then renamed into place."""
    import os

    conn = connect(path)
    with open(target + ".tmp", "w", encoding="utf-8") as out:
        for n, day_rows in enumerate(_days(conn)):
            out.write(("\n\n" if n else "") + _day_markdown(day_rows))
    os.replace(target + ".tmp", target)


def export_json(path: str, target: str) -> None:
    """One JSON document with every entry, task and review, written as it is read."""
    import json

    conn = connect(path)
    names = [name.strip() for name in ENTRY_COLUMNS.split(",")]
    with open(target, "w", encoding="utf-8") as out:
        out.write('{"format": "fourlooks", "version": 1, "entries": [')
        for n, (row, found) in enumerate(_stream(conn)):
            entry = dict(zip(names, row, strict=True))
            entry["tags"] = found
            out.write(("," if n else "") + json.dumps(entry, ensure_ascii=False))
        out.write('], "tasks": ')
        cursor = conn.execute("SELECT * FROM tasks ORDER BY id")
        columns = [d[0] for d in cursor.description]
        json.dump([dict(zip(columns, r, strict=True)) for r in cursor], out, ensure_ascii=False)
        out.write(', "reviews": ')
        cursor = conn.execute("SELECT * FROM reviews ORDER BY id")
        columns = [d[0] for d in cursor.description]
        json.dump([dict(zip(columns, r, strict=True)) for r in cursor], out, ensure_ascii=False)
        out.write("}\n")


def import_json(path: str, source: str) -> None:
    """Load an export into an empty journal in one transaction (known columns only)."""
    import json

    conn = connect(path)
    _index_functions(conn)
    with open(source, encoding="utf-8") as handle:
        document = json.load(handle)
    conn.execute("BEGIN IMMEDIATE")
    for table, rows in (
        ("tasks", document.get("tasks", [])),
        ("reviews", document.get("reviews", [])),
    ):
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        for row in rows:
            keys = [key for key in columns if key in row]
            conn.execute(
                f"INSERT INTO {table} ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})",
                [row[key] for key in keys],
            )
    names = [name.strip() for name in ENTRY_COLUMNS.split(",")]
    entries = document.get("entries", [])
    # Commitments point at earlier entries: insert without the link, then set it.
    conn.executemany(
        f"INSERT INTO entries ({ENTRY_COLUMNS}) VALUES ({', '.join('?' * len(names))})",
        [[None if key == "commitment_id" else e.get(key) for key in names] for e in entries],
    )
    conn.executemany(
        "UPDATE entries SET commitment_id = ? WHERE id = ?",
        [(e["commitment_id"], e["id"]) for e in entries if e.get("commitment_id")],
    )
    conn.executemany(
        "INSERT INTO entry_tags (entry_id, tag) VALUES (?, ?)",
        [(e["id"], tag) for e in entries for tag in e.get("tags", [])],
    )
    conn.execute("COMMIT")
    print(f"imported {len(entries)} entries")


COMMANDS = {
    "add": add,
    "list": newest,
    "search": search,
    "status": status,
    "report": report,
    "show": show,
    "export-markdown": export_markdown,
    "export-markdown-document": export_markdown_document,
    "export-json": export_json,
    "import": import_json,
}

if __name__ == "__main__":
    COMMANDS[sys.argv[1]](*sys.argv[2:])
