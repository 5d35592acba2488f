"""The month and year reports: figures as plain data, then text, Markdown or JSON.

`figures` counts (the only module here that reads the journal); `text` and `markdown` lay
the figures out with the chart helpers of `charts`, in the words of `strings`; `formats`
chooses among them.
"""

from fourlooks.report.figures import (
    Commitments,
    Highlight,
    MonthReport,
    OverdueTask,
    Rating,
    Streaks,
    Tasks,
    YearMonth,
    YearRating,
    YearReport,
    month_report,
    year_report,
)
from fourlooks.report.formats import FORMATS, render

__all__ = [
    "FORMATS",
    "Commitments",
    "Highlight",
    "MonthReport",
    "OverdueTask",
    "Rating",
    "Streaks",
    "Tasks",
    "YearMonth",
    "YearRating",
    "YearReport",
    "month_report",
    "render",
    "year_report",
]
