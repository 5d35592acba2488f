"""The month and year reports: figures as plain data, then text, Markdown or JSON.

`counting` fills in the `figures` (the only module here that reads the journal); `text`
and `markdown` lay them out section by section, from the table of `sections`, with the
charts of `charts`, the sentences both say in `phrases`, every word from `fourlooks.words`;
`formats` chooses among them.
"""

from fourlooks.report.counting import (
    Period,
    choose_period,
    for_period,
    month_report,
)
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
)
from fourlooks.report.formats import FILE_WIDTH, FORMATS, choose_format, render, terminal_width
from fourlooks.report.yearly import year_report

__all__ = [
    "FILE_WIDTH",
    "FORMATS",
    "Commitments",
    "Highlight",
    "MonthReport",
    "OverdueTask",
    "Period",
    "Rating",
    "Streaks",
    "Tasks",
    "YearMonth",
    "YearRating",
    "YearReport",
    "choose_format",
    "choose_period",
    "for_period",
    "month_report",
    "render",
    "terminal_width",
    "year_report",
]
