"""What the text and Markdown reports say alike: figures as cells, and the shared sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fourlooks.report.charts import GAP
from fourlooks.report.strings import look_name, t

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


def span_line(report: MonthReport) -> str:
    lang = report.lang
    if report.complete:
        return t(lang, "whole_month", total=report.days_in_month)
    return t(
        lang, "so_far", days=report.days_so_far, total=report.days_in_month, today=report.today
    )


def streaks_line(report: MonthReport | YearReport, period: str) -> str:
    streaks = report.streaks
    return t(
        report.lang,
        "streaks",
        current=streaks.current,
        longest=streaks.longest,
        inside=streaks.longest_in_period,
        period=t(report.lang, period),
    )


def neglected_line(report: MonthReport | YearReport) -> str:
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
