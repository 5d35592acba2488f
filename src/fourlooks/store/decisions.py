"""Decisions and the review answers that heard those they affect (decision_answers, m009)."""

from __future__ import annotations

import operator
from collections.abc import Sequence

from fourlooks.errors import FourlooksError
from fourlooks.model import Decision, DecisionState, Entry, field_names
from fourlooks.store import Journal, entries, in_chunks, new_id, now_iso, read_rows, stamp_after
from fourlooks.store.entries import _short_id, resolve_id
from fourlooks.store.reviews import SETTLES

# The answers a daily review stores about a decision (not in the bank: asked per decision):
# before it is made, will those it affects accept and support it; after, do they approve.
BEFORE_ID = "daily.down.decision_coming"
AFTER_ID = "daily.down.decision_made"

# The columns of `decisions` are Decision's fields in their order; answer_ids live apart.
_FIELDS = tuple(name for name in field_names(Decision) if name != "answer_ids")
_COLUMNS = ", ".join(_FIELDS)
_INSERT = f"INSERT INTO decisions ({_COLUMNS}) VALUES ({', '.join('?' * len(_FIELDS))})"
_UPDATE = f"UPDATE decisions SET {', '.join(f'{name} = ?' for name in _FIELDS[1:])} WHERE id = ?"

# A decision is heard at a stage once an answer of that stage settles it, by the rule that
# settles a commitment (store.reviews.SETTLES): "not yet" keeps it open, to be asked again.
_HEARD = (
    "EXISTS (SELECT 1 FROM decision_answers AS a JOIN entries AS f ON f.id = a.entry_id"
    " WHERE a.decision_id = decisions.id AND f.question_id = '{stage}' AND " + SETTLES + ")"
)
HEARD_BEFORE = _HEARD.format(stage=BEFORE_ID)
HEARD_AFTER = _HEARD.format(stage=AFTER_ID)


def add(journal: Journal, text: str, *, day: str, made: bool) -> Decision:
    """Store a new decision written down on `day`, to come or (made) made that day."""
    stamp = now_iso()
    state = DecisionState.MADE if made else DecisionState.COMING
    decision = Decision(
        id=new_id(),
        text=text,
        date=day,
        state=state,
        made_on=day if made else None,
        created_at=stamp,
        updated_at=stamp,
    )
    insert(journal, decision)
    return decision


def insert(journal: Journal, decision: Decision) -> None:
    """Write a decision exactly as given (ids, links and timestamps included)."""
    with journal.write() as conn:
        conn.execute(_INSERT, _row(decision))
        _link(journal, decision)


def overwrite(journal: Journal, decision: Decision) -> None:
    """Replace the stored decision with this one, every field and its links."""
    with journal.write() as conn:
        conn.execute(_UPDATE, (*_row(decision)[1:], decision.id))
        conn.execute("DELETE FROM decision_answers WHERE decision_id = ?", (decision.id,))
        _link(journal, decision)


def _link(journal: Journal, decision: Decision) -> None:
    journal.conn.executemany(
        "INSERT OR REPLACE INTO decision_answers (entry_id, decision_id) VALUES (?, ?)",
        ((entry_id, decision.id) for entry_id in decision.answer_ids),
    )


def link_answer(journal: Journal, decision_id: str, entry_id: str) -> None:
    """Record an answer as about the decision; it is stamped, so an import carries the link."""
    with journal.write() as conn:
        row = conn.execute(
            "SELECT updated_at FROM decisions WHERE id = ?", (decision_id,)
        ).fetchone()
        conn.execute(
            "UPDATE decisions SET updated_at = ? WHERE id = ?", (stamp_after(row[0]), decision_id)
        )
        conn.execute(
            "INSERT OR REPLACE INTO decision_answers (entry_id, decision_id) VALUES (?, ?)",
            (entry_id, decision_id),
        )


def settle(journal: Journal, decision: Decision, state: DecisionState, day: str) -> Decision:
    """Mark a coming decision made (on `day`) or dropped."""
    if not decision.is_coming:
        raise FourlooksError(f"decision {decision.id[:8]} is already {decision.state.value}")
    made_on = day if state is DecisionState.MADE else None
    with journal.write() as conn:
        conn.execute(
            "UPDATE decisions SET state = ?, made_on = ?, updated_at = ? WHERE id = ?",
            (state.value, made_on, stamp_after(decision.updated_at), decision.id),
        )
    return _fetch(journal, "WHERE id = ?", [decision.id])[0]


def get(journal: Journal, id_or_prefix: str) -> Decision:
    """The decision whose id is, or starts with, the text given."""
    decision_id = resolve_id(journal, id_or_prefix, table="decisions", noun="decision")
    return _fetch(journal, "WHERE id = ?", [decision_id])[0]


def in_creation_order(journal: Journal) -> list[Decision]:
    """Every decision by the day it was written down, then by when it was added."""
    return _fetch(journal, "ORDER BY date, created_at, id", [])


def awaiting(journal: Journal, day: str) -> list[tuple[Decision, str]]:
    """What a daily review of `day` asks, oldest first: each decision with its question's id.

    A decision to come, written down by `day`, until an answer hears it before; a decision
    made by `day`, until an answer hears it after. One dropped is asked nothing.
    """
    coming = _fetch(
        journal, f"WHERE state = 'coming' AND date <= ? AND NOT {HEARD_BEFORE}", [day]
    )
    made = _fetch(journal, f"WHERE state = 'made' AND made_on <= ? AND NOT {HEARD_AFTER}", [day])
    found = [(d, BEFORE_ID) for d in coming] + [(d, AFTER_ID) for d in made]
    return sorted(found, key=lambda pair: (pair[0].date, pair[0].created_at, pair[0].id))


def made_between(journal: Journal, first: str, last: str) -> list[tuple[Decision, bool]]:
    """The decisions made from day `first` to `last`, each with whether it was heard before."""
    where = "WHERE state = 'made' AND made_on BETWEEN ? AND ?"
    found = _fetch(journal, f"{where} ORDER BY made_on, created_at, id", [first, last])
    sql = f"SELECT id FROM decisions {where} AND {HEARD_BEFORE}"
    heard = {row[0] for row in journal.conn.execute(sql, (first, last))}
    return [(decision, decision.id in heard) for decision in found]


def heard(journal: Journal, ids: Sequence[str]) -> tuple[set[str], set[str]]:
    """Of these decisions, those heard before they were made, and those heard after."""
    found = []
    for rule in (HEARD_BEFORE, HEARD_AFTER):
        sql = f"SELECT id FROM decisions WHERE id IN ({{marks}}) AND {rule}"
        found.append({row[0] for row in in_chunks(journal, sql, ids)})
    return found[0], found[1]


def answers(journal: Journal, decision: Decision) -> list[Entry]:
    """The answers about a decision, oldest first."""
    found = [entries.get(journal, entry_id) for entry_id in decision.answer_ids]
    return sorted(found, key=lambda entry: (entry.date, entry.created_at, entry.id))


def texts_by_answer(journal: Journal, entry_ids: Sequence[str]) -> dict[str, str]:
    """For each of these answers that is about a decision, the decision's text."""
    sql = (
        "SELECT a.entry_id, d.text FROM decision_answers AS a"
        " JOIN decisions AS d ON d.id = a.decision_id WHERE a.entry_id IN ({marks})"
    )
    return dict(in_chunks(journal, sql, entry_ids))


def updated_at(journal: Journal, ids: Sequence[str]) -> dict[str, str]:
    """When each of the stored decisions with these ids was last changed."""
    sql = "SELECT id, updated_at FROM decisions WHERE id IN ({marks})"
    return dict(in_chunks(journal, sql, ids))


def short_ids(journal: Journal, ids: Sequence[str]) -> dict[str, str]:
    return {decision_id: _short_id(journal, "decisions", decision_id) for decision_id in ids}


def _fetch(journal: Journal, where_sql: str, params: Sequence[object]) -> list[Decision]:
    sql = f"SELECT {_COLUMNS} FROM decisions {where_sql}"
    rows = read_rows(journal, sql, params, noun="decision")
    links: dict[str, list[str]] = {}
    sql = (
        "SELECT decision_id, entry_id FROM decision_answers WHERE decision_id IN ({marks})"
        " ORDER BY entry_id"
    )
    for decision_id, entry_id in in_chunks(journal, sql, [row[0] for row in rows]):
        links.setdefault(decision_id, []).append(entry_id)
    return [_decision(row, tuple(links.get(row[0], ()))) for row in rows]


def _decision(row: Sequence, answer_ids: tuple[str, ...]) -> Decision:
    """The one mapping from a row of _COLUMNS to a Decision."""
    values = dict(zip(_FIELDS, row, strict=True))
    values["state"] = DecisionState(values["state"])
    return Decision(**values, answer_ids=answer_ids)


# DecisionState is a str enum: sqlite3 binds it as its text value.
_row = operator.attrgetter(*_FIELDS)
