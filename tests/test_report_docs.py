"""docs/report.md documents every field of the report's JSON, with its type."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).parent.parent / "docs" / "report.md"


@pytest.fixture
def journal(standard_journal_file):
    return standard_journal_file


_TYPES = {
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "object": dict,
    "array": list,
    "null": type(None),
}


def documented_fields(section: str) -> dict[str, list[str]]:
    """The field table under `### section` in docs/report.md: path -> allowed types."""
    text = DOCS.read_text(encoding="utf-8")
    body = text.split(f"### {section}\n", 1)[1].split("\n#", 1)[0]
    fields = {}
    for line in body.splitlines():
        match = re.match(r"\| `([^`]+)` \| ([a-z ]+) \| (.+) \|$", line)
        if match:
            path, kinds, meaning = match.groups()
            assert meaning.strip(), path
            fields[path] = kinds.split(" or ")
    assert fields, f"no field table under ### {section}"
    return fields


def check_against(value, fields: dict[str, list[str]], path: str = "", seen=None) -> set[str]:
    """Every field of `value` is documented with its type; returns the paths met."""
    seen = set() if seen is None else seen
    if path:
        assert path in fields, f"{path} is not documented in docs/report.md"
        kinds = fields[path]
        ok = any(
            isinstance(value, _TYPES[kind]) and not (kind != "boolean" and isinstance(value, bool))
            for kind in kinds
        )
        assert ok, f"{path} is {value!r}, documented as {' or '.join(kinds)}"
        seen.add(path)
    if isinstance(value, dict):
        as_map = f"{path}.*" in fields
        for key, item in value.items():
            child = f"{path}.*" if as_map else (f"{path}.{key}" if path else key)
            check_against(item, fields, child, seen)
    elif isinstance(value, list):
        for item in value:
            check_against(item, fields, f"{path}[]", seen)
    return seen


def test_month_json_matches_the_documented_fields(cli, journal):
    fields = documented_fields("Month report")
    # A goal with a task, so that every field of open_goals is met.
    rota = cli.ok("goal", "add", "Ship the rota app", "--year", "2026").stdout.strip()
    cli.ok("task", "add", "Survey drivers", "--goal", rota)
    # A decision made in the month, and someone heard in it and someone long before.
    cli.ok("decision", "add", "Move the rota to Mondays", "--made", "--date", "2026-10-12")
    cli.ok("add", "-l", "down", "Heard @Li on the rota", "--date", "2026-10-12")
    cli.ok("add", "-l", "down", "Lunch with @Zhao", "--date", "2026-07-01")
    # A lesson that comes back in the month, so that every field of lessons is met.
    cli.ok(
        "review", "--full", "--date", "2026-09-20", "--answers", "-",
        input='{"daily.back.went_wrong": "Interrupted people in a meeting"}',
    )  # fmt: skip
    cli.ok(
        "review", "--full", "--date", "2026-10-20", "--answers", "-",
        input='{"daily.back.went_wrong": "Left the budget to the last day"}',
    )  # fmt: skip
    found = {item["date"]: item["id"] for item in cli.json("lessons", "--json")}
    cli.ok("lessons", "link", found["2026-10-31"], found["2026-09-20"])
    seen = check_against(cli.json("report", "-m", "2026-10", "--json"), fields)
    assert set(fields) - seen == set(), "documented but missing from a full report"
    # An empty month has the same fields (its arrays empty), and nothing undocumented.
    check_against(cli.json("report", "-m", "2026-03", "--json"), fields)


def test_year_json_matches_the_documented_fields(cli, journal):
    fields = documented_fields("Year report")
    seen = check_against(cli.json("report", "--year", "2026", "--json"), fields)
    assert set(fields) - seen == set()


def test_fixed_keys_are_as_documented(cli, journal):
    data = cli.json("report", "-m", "2026-10", "--json")
    assert list(data["entries_by_look"]) == ["back", "up", "down", "ahead"]
    assert list(data["tasks"]["by_state"]) == ["done", "under_way", "not_done", "done_poorly"]
    assert list(data["highlights"]) == ["successes", "lessons", "voices", "goals"]
    assert min(data["entries_by_day"]) == "2026-10-01" and len(data["entries_by_day"]) == 31


def test_the_checker_notices_an_undocumented_or_mistyped_field():
    fields = documented_fields("Month report")
    with pytest.raises(AssertionError, match="surprise is not documented"):
        check_against({"surprise": 1}, fields)
    with pytest.raises(AssertionError, match="days_reviewed is '3'"):
        check_against({"days_reviewed": "3"}, fields)
    with pytest.raises(AssertionError, match="complete is 1"):
        check_against({"complete": 1}, fields)
