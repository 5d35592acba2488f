"""The question bank: built-in questions (bank.toml) adjusted by the user's questions.toml.

The user file (`questions.toml` in the config folder) is optional, and so is every key in it:

    optional_sets = ["qualities"]    # switch on optional sets (the five qualities, monthly)
    disabled = ["daily.up.peers"]    # switch questions off by id

    [[question]]                     # reword a built-in question: its id, text and/or text_zh
    id = "daily.back.went_well"
    text = "What went well, and why?"

    [[question]]                     # add a question: id, cadence, look, kind and text
    id = "daily.down.family"         # `cadence.look.slug`
    cadence = "daily"                # daily, monthly or task
    look = "down"                    # back, up, down or ahead
    kind = "text"                    # text, rating (1-5 with a note), choice (give `choices`)
                                     # or date (task questions: the next checkpoint)
    text = "What does my family need from me this week?"
    text_zh = "这周家人需要我做什么？"  # optional: the English text is used when missing
    source = "part 3"                # optional: defaults to "user"

Optional keys of an added question: text_zh, source, choices, optional_set, when (task questions:
the task state that leads to it), anchors and anchors_zh (a rating: what 1, 3 and 5 mean).
Added questions are asked after the built-in questions of the same cadence and look. Anything
malformed raises ConfigError with one line naming the file, the line (TOML syntax) or the
[[question]] table, and the problem (each field is checked in `fields`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from pathlib import Path

from fourlooks import config, validate
from fourlooks.errors import ConfigError, UsageError
from fourlooks.model import Cadence, Look, Question, Record, record
from fourlooks.questions import fields

LANGS = ("en", "zh")
KINDS = ("text", "rating", "choice", "date")  # date: a task's next checkpoint
COMMITMENTS_ID = "daily.ahead.commitments"  # each line of its answer is a commitment
FAULTS_ID = "monthly.back.faults"  # each line of its answer is a fault, asked about next month
MONTH_GOAL_ID = "monthly.ahead.goal"  # its answer is stored as next month's goal too
LISTED_IDS = (COMMITMENTS_ID, FAULTS_ID)  # answers stored a line an entry, each followed up
STATE_ID = "task.back.state"  # the choice among the four task states
# Ids fourlooks asks under without a question in the bank: the follow-up of yesterday's
# commitments (store.reviews.FOLLOWUP_ID), the answers about a decision before and after
# it is made (store.decisions), and the audit's questions about last month's goals and
# faults (review.closing). A user's question under one would be mistaken for it.
RESERVED_IDS = frozenset(
    {
        "daily.back.followup",
        "daily.down.decision_coming",
        "daily.down.decision_made",
        "monthly.back.goal_met",
        "monthly.back.fault_fixed",
    }
)

_BANK_NAME = "bank.toml"
_ID = re.compile(r"[a-z]+\.[a-z]+\.[a-z][a-z0-9_]*")
_TOML_WHERE = re.compile(r"(.*) \(at line (\d+), column (\d+)\)")
_FIELDS = (
    "id",
    "cadence",
    "look",
    "kind",
    "text",
    "text_zh",
    "source",
    "choices",
    "optional_set",
    "when",
    "anchors",
    "anchors_zh",
)
_REWORD_FIELDS = ("id", "text", "text_zh", "anchors", "anchors_zh")
_STRUCTURE_FIELDS = ("cadence", "look", "kind")
_USER_KEYS = ("optional_sets", "disabled", "question")


@record
class _Spec(Record):
    """One question in both languages, before a language is chosen."""

    id: str
    cadence: Cadence
    look: Look
    kind: str
    text: str
    text_zh: str
    source: str
    choices: tuple[str, ...] = ()
    optional_set: str | None = None
    when: str | None = None
    anchors: tuple[str, ...] = ()
    anchors_zh: tuple[str, ...] = ()

    def __init__(
        self,
        id: str,
        cadence: Cadence,
        look: Look,
        kind: str,
        text: str,
        text_zh: str,
        source: str,
        choices: tuple[str, ...] = (),
        optional_set: str | None = None,
        when: str | None = None,
        anchors: tuple[str, ...] = (),
        anchors_zh: tuple[str, ...] = (),
    ) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "cadence", cadence)
        object.__setattr__(self, "look", look)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "text_zh", text_zh)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "choices", choices)
        object.__setattr__(self, "optional_set", optional_set)
        object.__setattr__(self, "when", when)
        object.__setattr__(self, "anchors", anchors)
        object.__setattr__(self, "anchors_zh", anchors_zh)

    def question(self, lang: str) -> Question:
        """The question with its text in `lang`."""
        return Question(
            id=self.id,
            cadence=self.cadence,
            look=self.look,
            kind=self.kind,
            text=self.text_zh if lang == "zh" else self.text,
            source=self.source,
            choices=self.choices,
            optional_set=self.optional_set,
            when=self.when,
            anchors=self.anchors_zh if lang == "zh" else self.anchors,
        )


def load(
    lang: str = "en", user_file: Path | None = None, *, with_sets: frozenset[str] = frozenset()
) -> list[Question]:
    """The active questions in review order, in `lang`, after applying `user_file` if it exists.

    `with_sets`: optional sets to load as if switched on (the monthly focus draws on one).
    """
    if lang not in LANGS:
        raise UsageError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    specs, sets, disabled = list(_bank()), set(), set()
    if user_file is not None and user_file.exists():
        specs, sets, disabled = _apply_user_file(specs, user_file)
    # config.toml may switch sets on too (docs/settings.md); questions.toml adds to them.
    sets |= config.optional_sets({s.optional_set for s in specs if s.optional_set})
    sets |= with_sets
    active = [
        s
        for s in specs
        if s.id not in disabled and (s.optional_set is None or s.optional_set in sets)
    ]
    return [s.question(lang) for s in _review_order(active)]


def texts(lang: str = "en", user_file: Path | None = None) -> dict[str, str]:
    """Every question's text by id, in review order: switched-off and optional ones too.

    For showing old answers (exports), whose question may since have been turned off.
    """
    if lang not in LANGS:
        raise UsageError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    specs = list(_bank())
    if user_file is not None and user_file.exists():
        specs, _, _ = _apply_user_file(specs, user_file)
    return {s.id: s.question(lang).text for s in _review_order(specs)}


def asked_cadences(lang: str = "en") -> frozenset[Cadence]:
    """The cadences with at least one question switched on (the user's file applied)."""
    from fourlooks import paths

    user_file = paths.questions_file()
    if not user_file.exists():
        # Only questions.toml switches questions off, and the bank asks every cadence (a
        # test checks): `status` need not parse the bank (~5 ms) to learn so.
        return frozenset(Cadence)
    return frozenset(q.cadence for q in load(lang, user_file))


def for_cadence(
    questions: list[Question], cadence: Cadence, look: Look | None = None
) -> list[Question]:
    """The questions of one cadence (and one look if given), keeping their order."""
    return [q for q in questions if q.cadence == cadence and (look is None or q.look == look)]


def listing(
    lang: str,
    user_file: Path | None,
    *,
    cadence: Cadence | None = None,
    look: Look | None = None,
) -> list[tuple[int, Question]]:
    """The active questions (of one cadence and look if given), each numbered within its
    cadence: the order a review asks them, and the order its piped answers come in."""
    bank = load(lang, user_file)
    return [
        (number, question)
        for each in Cadence
        if cadence in (None, each)
        for number, question in enumerate(for_cadence(bank, each), start=1)
        if look in (None, question.look)
    ]


def get(questions: list[Question], question_id: str) -> Question | None:
    """The question with this id, or None when it is unknown or switched off."""
    return next((q for q in questions if q.id == question_id), None)


@functools.lru_cache(maxsize=1)
def _bank() -> tuple[_Spec, ...]:
    """The built-in questions, parsed and validated once per process (read on every review)."""
    origin = f"fourlooks/questions/{_BANK_NAME}"
    # Beside this module, as the package installs it: importlib.resources would import
    # zipfile and tempfile (~5 ms) to find the same file.
    text = Path(__file__).with_name(_BANK_NAME).read_text(encoding="utf-8")
    data = _parse_toml(text, origin)
    fields.check_keys(data, ("question",), origin, "top-level key")
    specs: list[_Spec] = []
    for where, table in _question_tables(data, origin):
        if any(s.id == table["id"] for s in specs):
            raise ConfigError(f"{where}: duplicate id {table['id']!r}")
        specs.append(_new_spec(table, where, builtin=True))
    return tuple(specs)


def _apply_user_file(specs: list[_Spec], path: Path) -> tuple[list[_Spec], set[str], set[str]]:
    """Apply rewordings and additions; return the questions, switched-on sets, disabled ids."""
    data = _read_user_file(path)
    fields.check_keys(data, _USER_KEYS, str(path), "top-level key")
    by_id = {s.id: s for s in specs}
    builtin_ids, seen = set(by_id), set()
    for where, table in _question_tables(data, str(path)):
        qid = table["id"]
        if qid in seen:
            raise ConfigError(f"{where}: duplicate id {qid!r}")
        if qid in RESERVED_IDS:
            raise ConfigError(f"{where}: {qid!r} is an id fourlooks uses itself; choose another")
        seen.add(qid)
        if qid in builtin_ids:
            by_id[qid] = _reworded(by_id[qid], table, where)
        elif not any(key in table for key in _STRUCTURE_FIELDS):
            raise ConfigError(
                f"{where}: no question {qid!r} to reword"
                " (to add one, give cadence, look, kind and text)"
            )
        else:
            by_id[qid] = _new_spec(table, where, builtin=False)
    known_sets = {s.optional_set for s in by_id.values() if s.optional_set}
    sets = _names(data, "optional_sets", known_sets, path, "optional set")
    disabled = _names(data, "disabled", set(by_id), path, "question id")
    return list(by_id.values()), sets, disabled


def _read_user_file(path: Path) -> dict:
    """The user file parsed as TOML; any failure is a ConfigError naming the file."""
    from fourlooks.files import MAX_SETTINGS_BYTES, read_bounded

    try:
        raw = read_bounded(
            str(path), MAX_SETTINGS_BYTES, what="a questions file", error=ConfigError
        )
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return _parse_toml(text, str(path))


def _parse_toml(text: str, origin: str) -> dict:
    """Parse TOML, turning tomllib's message into `file, line N: problem`."""
    import tomllib  # only when a bank is read: status and the due file read none

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's TOMLDecodeError has no lineno attribute: the line is only in the message.
        match = _TOML_WHERE.fullmatch(str(exc))
        if match:
            problem, line, column = match.groups()
            raise ConfigError(
                f"{origin}, line {line}, column {column}: {problem.lower()}"
            ) from None
        raise ConfigError(f"{origin}: {exc}") from None


def _question_tables(data: dict, origin: str) -> list[tuple[str, dict]]:
    """The [[question]] tables, each with a `file, [[question]] #N (id)` label for errors."""
    tables = data.get("question", [])
    if not isinstance(tables, list):
        raise ConfigError(f"{origin}: write each question as a [[question]] table")
    labelled = []
    for index, table in enumerate(tables, start=1):
        where = f"{origin}, [[question]] #{index}"
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: not a table")
        qid = table.get("id")
        if qid is None:
            raise ConfigError(f"{where}: missing field 'id'")
        if not isinstance(qid, str) or not _ID.fullmatch(qid):
            raise ConfigError(f"{where}: id {qid!r} is not of the form cadence.look.slug")
        labelled.append((f"{where} ({qid})", table))
    return labelled


def _new_spec(table: dict, where: str, *, builtin: bool) -> _Spec:
    """A full question from its table; the bank must also give text_zh and source."""
    fields.check_keys(table, _FIELDS, where, "field")
    required = ["cadence", "look", "kind", "text"] + (["text_zh", "source"] if builtin else [])
    for field in required:
        if field not in table:
            raise ConfigError(f"{where}: missing field {field!r}")
    cadence = fields.enum(Cadence, table["cadence"], "cadence", where)
    look = fields.enum(Look, table["look"], "look", where)
    kind = fields.string(table, "kind", where)
    if kind not in KINDS:
        raise ConfigError(f"{where}: unknown kind {kind!r} (expected {', '.join(KINDS)})")
    if kind == "date" and cadence != Cadence.TASK:
        raise ConfigError(f"{where}: only task questions ask for a date (the next checkpoint)")
    if table["id"].split(".")[:2] != [cadence.value, look.value]:
        raise ConfigError(f"{where}: id must start with '{cadence.value}.{look.value}.'")
    text = fields.string(table, "text", where)
    anchors = fields.anchors(table, "anchors", kind, where, required=builtin)
    return _Spec(
        id=table["id"],
        cadence=cadence,
        look=look,
        kind=kind,
        text=text,
        text_zh=fields.string(table, "text_zh", where) if "text_zh" in table else text,
        source=fields.source(table, where, builtin=builtin),
        choices=fields.choices(table, kind, where),
        optional_set=fields.optional_set(table, where),
        when=fields.when(table, cadence, where),
        anchors=anchors,
        anchors_zh=fields.anchors(table, "anchors_zh", kind, where, required=builtin) or anchors,
    )


def _reworded(spec: _Spec, table: dict, where: str) -> _Spec:
    """A built-in question with new text; nothing but the wording may change."""
    key = validate.unknown_key(table, _REWORD_FIELDS)
    if key is not None:
        raise ConfigError(
            f"{where}: a built-in question can only be reworded"
            f" (text, text_zh, anchors, anchors_zh), not {key!r}"
        )
    if not any(key in table for key in _REWORD_FIELDS[1:]):
        raise ConfigError(f"{where}: rewording needs text or text_zh")
    changes: dict = {k: fields.string(table, k, where) for k in ("text", "text_zh") if k in table}
    for key in ("anchors", "anchors_zh"):
        if key in table:
            changes[key] = fields.anchors(table, key, spec.kind, where, required=True)
    return replace(spec, **changes)


def _names(data: dict, key: str, known: set[str], path: Path, what: str) -> set[str]:
    """A top-level list of names (optional_sets, disabled), each of which must exist."""
    names = data.get(key, [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ConfigError(f"{path}: {key} must be a list of strings")
    for name in names:
        if name not in known:
            raise ConfigError(f"{path}: {key}: unknown {what} {name!r}")
    return set(names)


def _review_order(specs: list[_Spec]) -> list[_Spec]:
    """Cadence by cadence, look by look; file order within (the sort is stable)."""
    cadences, looks = list(Cadence), list(Look)
    return sorted(specs, key=lambda s: (cadences.index(s.cadence), looks.index(s.look)))
