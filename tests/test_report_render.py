"""The three formats of the report, each rendered from the same figures."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata

import pytest
from markdown_it import MarkdownIt

from fourlooks import report
from fourlooks.report import charts, sections
from fourlooks.store import open_journal
from journal_builder import JournalBuilder, copy_journal

TODAY = dt.date(2026, 11, 26)
LONG = (
    "Asked the night shift how the new rota works for them [bold]honestly[/bold]: "
    + "they want the handover moved to seven, and a written list of open cases. " * 3
    + "\nSecond line: | a pipe and *stars* stay as written."
)


def columns(line: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


@pytest.fixture(scope="module")
def journal(tmp_path_factory, standard_journal_template):
    copy = copy_journal(standard_journal_template, tmp_path_factory.mktemp("render") / "j.db")
    journal = open_journal(copy)
    builder = JournalBuilder(journal)
    review = builder.review("daily", "2026-10-27", complete=False)
    builder.answer(review, "2026-10-27", "daily.down.listened", LONG)
    yield journal
    journal.close()


@pytest.fixture(scope="module", params=["en", "zh"])
def month(journal, request):
    return report.month_report(journal, 2026, 10, today=TODAY, lang=request.param)


@pytest.fixture(scope="module", params=["en", "zh"])
def year(journal, request):
    return report.year_report(journal, 2026, today=TODAY, lang=request.param)


def test_json_is_every_figure_of_the_report(month, year):
    for data in (month, year):
        parsed = json.loads(report.render(data, "json"))
        assert parsed == json.loads(json.dumps(data.to_dict()))
    parsed = json.loads(report.render(month, "json"))
    assert parsed["kind"] == "month" and parsed["month"] == "2026-10"
    assert parsed["ratings"][0]["trend"] == [None, 3, None, 4, 3, 4]


@pytest.mark.parametrize("width", [80, 100])
def test_text_fits_the_width_without_colour_codes(month, year, width):
    for data in (month, year):
        text = report.render(data, "text", width=width, colour=False)
        assert "\x1b" not in text
        too_long = [line for line in text.splitlines() if columns(line) > width]
        assert too_long == []


def test_text_shows_each_section_with_its_figures(journal):
    october = report.month_report(journal, 2026, 10, today=TODAY, lang="en")
    text = report.render(october, "text", width=80)
    for heading in ("Coverage", "Balance of the four looks", "Self-audit", "Commitments"):
        assert f"\n{heading}\n" in text
    assert "Daily reviews completed on 10 of 31 days (32%)." in text
    assert "Neglected look: up (1 of 63 entries)." in text  # the looks: follow-ups apart
    assert "Follow-ups and task states, counted apart from the looks: 24." in text
    assert "Made 21; followed up in a later review 19 (90%)." in text
    assert "! Budget draft (due 2026-10-15)" in text
    # The trend: a sparkline with gaps as dots, then the values.
    commitment = next(line for line in text.splitlines() if line.startswith("commitment"))
    assert commitment.split() == [
        "commitment",
        "4",
        "3",
        "+1",
        "·▅·▆▅▆",
        "·",
        "3",
        "·",
        "4",
        "3",
        "4",
    ]


def test_text_calendar_marks_days_without_colour(journal):
    october = report.month_report(journal, 2026, 10, today=TODAY, lang="en")
    lines = report.render(october, "text", width=80).splitlines()
    header = lines.index("  Mo   Tu   We   Th   Fr   Sa   Su")
    # 2026-10-01 is a Thursday: reviewed (✓), five entries against the busiest day's seven.
    assert lines[header + 1] == " " * 17 + " 1▓✓  2█✓  3█✓  4█✓"
    assert lines[header + 2].endswith("10█✓ 11·")


def test_text_shortens_highlights_and_keeps_markup_as_written(journal):
    october = report.month_report(journal, 2026, 10, today=TODAY, lang="en")
    text = report.render(october, "text", width=80)
    heard = next(line for line in text.splitlines() if "night shift" in line)
    assert heard.startswith("  10-27  Heard — Asked the night shift how the new rota works for")
    assert heard.endswith("…") and columns(heard) == 80
    assert "... and 6 more (--format markdown shows them all)" in text


def test_colour_only_when_asked(month):
    assert "\x1b[" in report.render(month, "text", width=80, colour=True)


def test_markdown_is_a_document_with_headings_tables_and_whole_highlights(journal):
    october = report.month_report(journal, 2026, 10, today=TODAY, lang="en")
    document = report.render(october, "markdown")
    tokens = MarkdownIt("commonmark").enable("table").parse(document)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == "Monthly report: October 2026"
    assert headings[1:11] == [
        "Coverage",
        "Balance of the four looks",
        "Self-audit",
        "Commitments",
        "Tasks",
        "Open goals",
        "Decisions",
        "People heard",
        "Lessons: new and come back",
        "Highlights",
    ]
    assert headings[11:] == ["Successes", "Lessons", "Voices heard", "Next goals"]
    assert sum(1 for t in tokens if t.type == "table_open") == 6
    # Every table row has as many cells as its header.
    cells = [t.type for t in tokens if t.type in ("tr_open", "th_open", "td_open", "tr_close")]
    widths, count = [], 0
    for kind in cells:
        if kind == "tr_open":
            count = 0
        elif kind == "tr_close":
            widths.append(count)
        else:
            count += 1
    assert 0 not in widths
    inline = [t.content for t in tokens if t.type == "inline"]
    assert "1: 5 ✓" in inline  # the calendar: Oct 1, five entries, reviewed
    # The whole answer, both lines, inside one list item.
    item = next(t for t in tokens if t.type == "inline" and "night shift" in t.content)
    assert item.content == f"**2026-10-27**: Heard — {LONG}"  # named by its question


def test_year_markdown_has_twelve_months_and_gaps(journal):
    year = report.year_report(journal, 2026, today=TODAY, lang="en")
    document = report.render(year, "markdown")
    md = MarkdownIt("commonmark").enable("table")
    html = md.render(document)
    # The months table starts with June, the journal's first month; the ratings keep twelve.
    assert html.count("<tr>") == 1 + 7 + 1 + len(year.ratings)
    tokens = md.parse(document)
    rows = [t.content for t in tokens if t.type == "inline"]
    assert "May 2026" not in rows and "June 2026" in rows
    i = rows.index("December 2026")
    assert rows[i + 1 : i + 11] == ["to come"] + ["·"] * 9  # ten cells after the month
    i = rows.index("October 2026")
    assert rows[i + 1 : i + 10] == ["10/31", "32%", "87", "28", "1", "12", "22", "24", "up"]
    # commitment: rated in June, August, September and October only.
    i = rows.index("commitment")
    assert rows[i + 1 : i + 14] == ["·"] * 5 + ["3", "·", "4", "3", "4", "·", "·", "3.5"]


def test_chinese_labels_follow_the_language(journal):
    october = report.month_report(journal, 2026, 10, today=TODAY, lang="zh")
    text = report.render(october, "text", width=80)
    assert "月度报告：2026年10月" in text
    for label in ("党性", "品行", "形象", "业绩"):
        assert f"\n{label} " in text
    assert "被忽视的一看：抬头看" in text
    assert "跟进和任务状态另计，不算在四看中：24条。" in text  # counted apart, in Chinese too
    assert "  10-27  听到的意见 — Asked the night shift" in text
    document = report.render(october, "markdown")
    assert document.startswith("# 月度报告：2026年10月\n")


def test_an_empty_month_renders_in_every_format(tmp_path):
    with open_journal(tmp_path / "j.db") as journal:
        empty = report.month_report(journal, 2026, 3, today=TODAY, lang="en")
    text = report.render(empty, "text", width=80)
    assert "No entries in this period." in text
    assert "No self-audit for March 2026 yet" in text
    assert "No answers to the review questions in this period." in text
    assert "Made 0; followed up in a later review 0 (-)." in text
    assert "# Monthly report: March 2026" in report.render(empty, "markdown")
    assert json.loads(report.render(empty, "json"))["entries"] == 0


def test_current_month_calendar_leaves_days_to_come_blank(tmp_path):
    with open_journal(tmp_path / "j.db") as journal:
        JournalBuilder(journal).daily_review("2026-11-25")
        november = report.month_report(journal, 2026, 11, today=TODAY, lang="en")
    lines = report.render(november, "text", width=80).splitlines()
    week = next(line for line in lines if line.lstrip().startswith("23"))
    assert week == "  23·  24·  25█✓ 26·  27   28   29"


def test_sparklines_bars_and_shades():
    assert charts.rating_spark([None, 1, 2, 3, 4, 5]) == "·▁▃▅▆█"
    assert charts.count_spark([None, 0, 1, 4, 8]) == "· ▁▄█"
    assert [charts.shade(n, 8) for n in (0, 1, 2, 3, 4, 6, 8)] == list("·░░▒▒▓█")
    assert charts.bar(0, 10, 20) == ""
    assert charts.bar(10, 10, 20) == "█" * 20
    assert charts.bar(5, 10, 3) == "█▌"


def test_text_names_five_overdue_tasks_and_counts_the_rest(tmp_path):
    with open_journal(tmp_path / "j.db") as journal:
        b = JournalBuilder(journal)
        for n in range(1, 8):
            b.task(f"Task {n}", created="2026-10-01", due=f"2026-10-{n:02d}")
        october = report.month_report(journal, 2026, 10, today=TODAY, lang="en")
    text = report.render(october, "text", width=80)
    named = [line for line in text.splitlines() if line.startswith("  ! ")]
    assert named == [f"  ! Task {n} (due 2026-10-{n:02d})" for n in range(1, 6)]
    assert "  ... and 2 more (--format markdown shows them all)" in text
    document = report.render(october, "markdown")
    assert all(f"- Task {n} (due 2026-10-{n:02d})" in document for n in range(1, 8))


# A heading of the terminal text is its one bold and underlined line.
TEXT_HEADING = re.compile(r"^\x1b\[1;4m(.+)\x1b\[0m$")


def headings(data) -> tuple[list[str], list[str]]:
    """The section headings of the text (printed in colour) and of the Markdown, in order."""
    coloured = report.render(data, "text", width=100, colour=True).splitlines()
    document = report.render(data, "markdown").splitlines()
    text = [found[1] for line in coloured if (found := TEXT_HEADING.match(line))]
    return text, [line.removeprefix("## ") for line in document if line.startswith("## ")]


def test_text_and_markdown_show_the_same_sections_in_the_same_order(month, year):
    for data, table in ((month, sections.MONTH), (year, sections.YEAR)):
        text, markdown = headings(data)
        assert markdown == text
        assert len(text) == len(table)
    text, _ = headings(month)
    if month.lang == "en":
        assert text[0] == "Coverage" and text[-1] == "Highlights"


def test_every_figure_a_section_shows_is_in_the_json(month, year):
    """The figures the sections name exist; and every figure is shown by a section or the head."""
    heads = {
        "month": {"month", "first_day", "last_day", "days_in_month", "complete", "counted_from"},
        "year": {"year", "days_so_far", "days_reviewed", "coverage", "entries", "entries_by_look"}
        | {"neglected_look", "months_with_entries", "audits_done", "streaks"}
        | {"complete", "first_day"},
    }
    for data, table in ((month, sections.MONTH), (year, sections.YEAR)):
        parsed = json.loads(report.render(data, "json"))
        shown = {figure for section in table for figure in section.figures}
        assert shown <= set(parsed)
        assert set(parsed) - shown - {"kind", "lang", "today"} == heads[parsed["kind"]]
