"""What the text and Markdown reports say alike: figures as cells, and the shared sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fourlooks import words
from fourlooks.render import shown
from fourlooks.report.charts import GAP
from fourlooks.report.counting import FOLLOW_UP_CHOICES, STATE_ID
from fourlooks.store.reviews import FOLLOWUP_ID

if TYPE_CHECKING:
    from fourlooks.report.figures import (
        Commitments,
        DecisionMade,
        GoalTask,
        MonthReport,
        OpenGoal,
        ReportLesson,
        YearReport,
    )

# The words key of each group of highlights, as the report's figures name the groups.
_HIGHLIGHT_HEADINGS = {
    "successes": "report_successes",
    "lessons": "report_lessons",
    "voices": "report_voices",
    "goals": "report_goals",
}


def task_state(state: str | None, lang: str) -> str:
    """A task's state as the task screens name it: `under way`, or `new` before a review."""
    if state is None:
        return words.say("task_new", lang)
    return words.choice_label(STATE_ID, state, lang)


def goal_line(goal: OpenGoal) -> str:
    return f"{goal.period}  {shown(goal.text)}"


def goal_task_line(task: GoalTask, lang: str) -> str:
    return f"{task_state(task.state, lang)}: {shown(task.title)}"


def decisions_line(report: MonthReport) -> str | None:
    """`Made 2; heard before they were made 1 (50%); still to come 1.`, if there is any."""
    d = report.decisions
    if not d.made and not d.coming:
        return None
    share = percent(d.heard_before_share)
    return words.say(
        "report_decisions_line",
        report.lang,
        made=len(d.made),
        heard=d.heard_before,
        share=share,
        coming=d.coming,
    )


def decision_line(decision: DecisionMade, lang: str) -> str:
    from fourlooks.render.decisions import heard_note

    note = heard_note(decision.heard_before, decision.heard_after, lang)
    return f"{decision.made_on}  {shown(decision.text)}  ({note})"


def quiet_line(report: MonthReport) -> str | None:
    """Those not heard from for the quiet days, named together, if there are any."""
    people = report.people
    if not people.quiet:
        return None
    names = ", ".join("@" + shown(person.name) for person in people.quiet)
    return words.say("people_quiet", report.lang, days=people.quiet_days, names=names)


def lesson_line(lesson: ReportLesson, lang: str) -> str:
    """`10-20  Interrupted people again  (3 times since August 2026)`, on one line."""
    from fourlooks.captions import first_line

    line = f"{lesson.date[5:]}  {shown(first_line(lesson.text))}"
    if lesson.nth > 1:
        month = words.month_name(lesson.since[:7], lang)
        line += "  " + words.say("report_lesson_times", lang, n=lesson.nth, month=month)
    return line


def lesson_groups(report: MonthReport) -> list[tuple[str, list[ReportLesson]]]:
    """The month's lessons that came back, then the new ones, each with its words key."""
    found = [
        ("report_lessons_recurring", report.lessons.recurring),
        ("report_lessons_new", report.lessons.new),
    ]
    return [(key, items) for key, items in found if items]


def heading(label: str) -> str:
    """A label as a table heading: `Not done`; Chinese has no capitals and stays as it is."""
    return label[:1].upper() + label[1:]


def highlight_heading(group: str, lang: str) -> str:
    return words.say(_HIGHLIGHT_HEADINGS[group], lang)


def follow_up_answers(commitments: Commitments) -> dict[str, int]:
    """How many follow-ups said each answer, by the answer's value: done, partly, not done,
    and dropped once any commitment was (a month that dropped none reads as it always did)."""
    counts = {value: getattr(commitments, value) for value in FOLLOW_UP_CHOICES}
    return {value: n for value, n in counts.items() if n or value != "dropped"}


def follow_up_counts(commitments: Commitments, lang: str) -> str:
    """`done 9, partly 4, not done 6`, in the words the review offered."""
    return words.choice_counts(FOLLOWUP_ID, follow_up_answers(commitments), lang)


def month_span(first: str, last: str, lang: str) -> str:
    """`Jun-Nov`, `6月-11月`: the months of a trend, within a year already named."""
    start = words.month_name(first, lang, form="short", year=False)
    return f"{start}-{words.month_name(last, lang, form='short', year=False)}"


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
        return words.say("report_year_title", report.lang, year=report.year)
    return words.say(
        "report_month_title", report.lang, month=words.month_name(report.month, report.lang)
    )


def head(report: MonthReport | YearReport) -> list[list[str]]:
    """What is said under the title, before the first section: paragraphs of lines."""
    if report.kind == "month":
        return [[span(report)]]
    lang = report.lang
    reviewed = words.say(
        "report_year_reviewed",
        lang,
        done=report.days_reviewed,
        days=report.days_so_far,
        share=percent(report.coverage),
        current=report.streaks.current,
        longest=report.streaks.longest,
    )
    entries = words.say(
        "report_year_entries",
        lang,
        entries=report.entries,
        months=report.months_with_entries,
        audits=report.audits_done,
    )
    said = [reviewed, entries, neglected(report), follow_ups(report)]
    return [[year_span(report)], [line for line in said if line]]


def year_span(report: YearReport) -> str:
    """The days a year report counts: "So far" only while the year is under way."""
    if int(report.first_day[:4]) > report.year:
        return words.say(
            "report_year_before", report.lang, year=report.year, first=report.first_day
        )
    since = report.first_day[5:] != "01-01"
    key = {
        (True, False): "report_year_whole",
        (True, True): "report_year_whole_since",
        (False, False): "report_year_so_far",
        (False, True): "report_year_so_far_since",
    }[report.complete, since]
    return words.say(
        key,
        report.lang,
        days=report.days_so_far,
        today=report.today,
        first=report.first_day,
    )


def span(report: MonthReport) -> str:
    """The days a month report counts: from the journal's first day when it began inside."""
    lang, first = report.lang, report.counted_from
    days, total = report.days_so_far, report.days_in_month
    if first > report.last_day or first > report.today:
        return words.say("report_month_before", lang, first=first)
    if first != report.first_day:
        key = "report_whole_month_since" if report.complete else "report_so_far_since"
        return words.say(key, lang, days=days, first=first, today=report.today)
    if report.complete:
        return words.say("report_whole_month", lang, total=total)
    return words.say("report_so_far", lang, days=days, total=total, today=report.today)


def streaks(report: MonthReport | YearReport, period: str) -> str:
    streaks = report.streaks
    return words.say(
        "report_streaks",
        report.lang,
        current=streaks.current,
        longest=streaks.longest,
        inside=streaks.longest_in_period,
        period=words.say(period, report.lang),
    )


def reflection(report: MonthReport | YearReport) -> int:
    """The entries of the four looks: the whole the balance is a share of (follow-ups apart)."""
    return sum(report.entries_by_look.values())


def neglected(report: MonthReport | YearReport) -> str:
    lang = report.lang
    if report.neglected_look is None:
        return words.say("report_balanced", lang) if reflection(report) else ""
    return words.say(
        "report_neglected",
        lang,
        look=words.look_name(report.neglected_look, lang),
        count=report.entries_by_look[report.neglected_look],
        total=reflection(report),
    )


def follow_ups(report: MonthReport | YearReport) -> str | None:
    """The follow-ups and task states, said apart from the balance when there are any."""
    if not report.follow_ups:
        return None
    return words.say("report_follow_ups", report.lang, count=report.follow_ups)


def reviewed(report: MonthReport) -> str | None:
    """How many days of the month had their review; None before the month has a day."""
    if not report.days_so_far:
        return None
    return words.say(
        "report_reviewed",
        report.lang,
        done=report.days_reviewed,
        days=report.days_so_far,
        share=percent(report.coverage),
    )


def audit_missing(report: MonthReport) -> str | None:
    """Said when the month has neither a finished self-audit nor any rating: when it opens,
    or the command that audits that very month (on 1 December, `review --monthly` audits
    November, so December's report names December's own)."""
    if report.audit_done or any(r.value is not None for r in report.ratings):
        return None
    if report.counted_from > report.last_day:
        return None  # a month before the journal began owes no audit
    lang = report.lang
    month = words.month_name(report.month, lang)
    if report.today < report.audit_opens:
        line = words.say("report_audit_opens", lang, month=month, date=report.audit_opens)
        if report.audit_due and report.audit_due != report.month:
            due = words.month_name(report.audit_due, lang)
            line += words.say("report_audit_due_now", lang, month=due)
        return line
    command = "fourlooks review --monthly"
    if report.audit_due != report.month:
        command += f" --month {report.month}"
    return words.say("report_audit_missing", lang, month=month, command=command)


def no_entries(report: MonthReport) -> str | None:
    return None if report.entries else words.say("report_no_entries", report.lang)
