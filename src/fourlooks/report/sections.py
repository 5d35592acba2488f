"""The sections of each report, in order: a heading, the figures shown, and a renderer each.

Both the terminal text and the Markdown document are built from these tables, so a new
section is one entry here plus its two renderers (a test checks that both formats show the
same headings, and that every figure named here is in the JSON).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from fourlooks.report import markdown, text


class Section(NamedTuple):
    heading: str  # the words key of its heading
    figures: tuple[str, ...]  # the fields of the report it shows
    text: Callable[[Any, int], Iterable[Any]]  # (report, width) -> strings, Lines and Grids
    markdown: Callable[[Any], list[str]]  # report -> Markdown lines, ending with a blank one


MONTH = (
    Section(
        "report_coverage",
        ("days_so_far", "days_reviewed", "coverage", "streaks", "reviewed_dates", "entries_by_day"),
        text.coverage,
        markdown.coverage,
    ),
    Section(
        "report_balance",
        (
            "entries",
            "entries_by_look",
            "neglected_look",
            "previous_month",
            "previous_entries_by_look",
            "entries_by_look_change",
            "follow_ups",
        ),
        text.balance,
        markdown.balance,
    ),
    Section(
        "report_audit",
        ("audit_done", "audit_opens", "audit_due", "trend_months", "ratings"),
        text.audit,
        markdown.audit,
    ),
    Section("report_commitments", ("commitments",), text.commitments, markdown.commitments),
    Section("report_tasks", ("tasks",), text.tasks, markdown.tasks),
    Section("open_goals", ("open_goals",), text.open_goals, markdown.open_goals),
    Section("report_decisions", ("decisions",), text.decisions, markdown.decisions),
    Section("report_people", ("people",), text.people, markdown.people),
    Section("report_lesson_register", ("lessons",), text.lessons, markdown.lessons),
    Section("report_highlights", ("highlights",), text.highlights, markdown.highlights),
)

YEAR = (
    Section("report_months", ("months", "follow_ups"), text.year_months, markdown.year_months),
    Section("report_audit", ("ratings",), text.year_audit, markdown.year_audit),
)
