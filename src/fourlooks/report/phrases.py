"""What the text and Markdown reports say alike: figures as cells, and the shared sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fourlooks.report.charts import GAP
from fourlooks.report.strings import look_name, month_name, t

if TYPE_CHECKING:
    from fourlooks.report.figures import MonthReport, YearReport


def share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def signed(value: int | None) -> str:
    if value is None:
        return "-"
    return f"{value:+d}" if value else "0"


def value(figure: int | float | None) -> str:
    if figure is None:
        return GAP
    return f"{figure:g}" if isinstance(figure, float) else str(figure)


def title(report: MonthReport | YearReport) -> str:
    if report.kind == "year":
        return t(report.lang, "year_title", year=report.year)
    return t(report.lang, "month_title", month=month_name(report.month, report.lang))


def head(report: MonthReport | YearReport) -> list[list[str]]:
    """What is said under the title, before the first section: paragraphs of lines."""
    if report.kind == "month":
        return [[span(report)]]
    lang = report.lang
    reviewed = t(
        lang,
        "year_reviewed",
        done=report.days_reviewed,
        days=report.days_so_far,
        share=percent(report.coverage),
        current=report.streaks.current,
        longest=report.streaks.longest,
    )
    entries = t(
        lang,
        "year_entries",
        entries=report.entries,
        months=report.months_with_entries,
        audits=report.audits_done,
    )
    so_far = t(lang, "year_so_far", days=report.days_so_far, today=report.today)
    return [[so_far], [reviewed, entries, neglected(report)]]


def span(report: MonthReport) -> str:
    lang = report.lang
    if report.complete:
        return t(lang, "whole_month", total=report.days_in_month)
    return t(
        lang, "so_far", days=report.days_so_far, total=report.days_in_month, today=report.today
    )


def streaks(report: MonthReport | YearReport, period: str) -> str:
    streaks = report.streaks
    return t(
        report.lang,
        "streaks",
        current=streaks.current,
        longest=streaks.longest,
        inside=streaks.longest_in_period,
        period=t(report.lang, period),
    )


def neglected(report: MonthReport | YearReport) -> str:
    lang = report.lang
    if report.neglected_look is None:
        return t(lang, "balanced") if report.entries else ""
    return t(
        lang,
        "neglected",
        look=look_name(report.neglected_look, lang),
        count=report.entries_by_look[report.neglected_look],
        total=report.entries,
    )


def reviewed(report: MonthReport) -> str | None:
    """How many days of the month had their review; None before the month has a day."""
    if not report.days_so_far:
        return None
    return t(
        report.lang,
        "reviewed",
        done=report.days_reviewed,
        days=report.days_so_far,
        share=percent(report.coverage),
    )


def audit_missing(report: MonthReport) -> str | None:
    """Said when the month has neither a finished self-audit nor any rating."""
    if report.audit_done or any(r.value is not None for r in report.ratings):
        return None
    return t(report.lang, "audit_missing", month=month_name(report.month, report.lang))


def no_entries(report: MonthReport) -> str | None:
    return None if report.entries else t(report.lang, "no_entries")
