"""A new user's report and status: counted from the journal's first day, never misleading."""

from __future__ import annotations

BEGUN = "2026-10-03"  # the journal's first entry: a journal begun in October
ONE_ANSWER_DAILY = "went well\n" + "\n" * 10


def begun_in_october(cli) -> None:
    cli.ok("add", "-l", "back", "-d", BEGUN, "First entry: trying the four looks")
    cli.ok("add", "-l", "down", "-d", "2026-11-20", "Li says Mondays start too early")


def test_the_year_of_a_journal_begun_in_october_counts_from_its_first_day(cli):
    begun_in_october(cli)
    text = cli.ok("report", "--year", "this year").stdout
    assert "So far: 55 days, from the journal's first day, 2026-10-03, up to 2026-11-26." in text
    months = [line.split()[0] for line in text.splitlines() if line[:3] in ("Jan", "Sep", "Oct")]
    assert months == ["Oct"]  # no rows of zeros for the months before it began
    assert "Trends Oct-Dec" in text
    data = cli.json("report", "--year", "2026", "--json")
    assert (data["first_day"], data["days_so_far"], data["complete"]) == (BEGUN, 55, False)
    assert [m["begun"] for m in data["months"]] == [False] * 9 + [True] * 3
    zh = cli.ok("--lang", "zh", "report", "--year", "2026").stdout
    assert "从日记的第一天2026-10-03起，截至2026-11-26：共55天。" in zh
    assert "\n1月 " not in zh and "\n10月 " in zh


def test_last_year_is_a_whole_year_not_so_far(cli):
    begun_in_october(cli)
    env = {"FOURLOOKS_NOW": "2027-01-15T20:00"}
    text = cli.ok("report", "--year", "last year", env=env).stdout
    assert "From the journal's first day, 2026-10-03, to the year's end: 90 days." in text
    assert "So far" not in text
    zh = cli.ok("--lang", "zh", "report", "--year", "last year", env=env).stdout
    assert "从日记的第一天2026-10-03到年底：共90天。" in zh and "截至" not in zh
    assert cli.json("report", "--year", "last year", "--json", env=env)["complete"] is True


def test_on_1_december_the_audit_hint_names_novembers_audit_not_a_december_one(cli):
    begun_in_october(cli)
    env = {"FOURLOOKS_NOW": "2026-12-01T09:00"}
    text = cli.ok("report", env=env).stdout
    assert (
        "The self-audit for December 2026 opens on 2026-12-29. The one for November 2026 is"
        " due now: fourlooks review --monthly." in " ".join(text.split())
    )
    assert "No self-audit for December" not in text
    zh = " ".join(cli.ok("--lang", "zh", "report", env=env).stdout.split())
    assert "2026年12月的月省从2026-12-29开始。2026年11月的月省现在该做了" in zh
    # November's own report names the command that audits November, which is the plain one.
    november = " ".join(cli.ok("report", "-m", "2026-11", env=env).stdout.split())
    assert "No self-audit for November 2026 yet (fourlooks review --monthly)." in november
    # A month whose audit has lapsed is named: the plain command would audit another month.
    october = " ".join(cli.ok("report", "-m", "2026-10", env=env).stdout.split())
    assert "(fourlooks review --monthly --month 2026-10)" in october
    data = cli.json("report", "--json", env=env)
    assert (data["audit_opens"], data["audit_due"]) == ("2026-12-29", "2026-11")


def test_on_a_journals_first_day_last_months_audit_is_not_due(cli, journal_file):
    env = {"FOURLOOKS_NOW": "2026-12-01T20:00"}
    cli.ok("review", input=ONE_ANSWER_DAILY, env=env)  # the first entry of the journal
    # The prompt's due file agrees: nothing due until tomorrow's review (from 04:00).
    due = journal_file.with_name("journal.db.due").read_text().splitlines()
    assert [line for line in due if not line.startswith("#")] == ["202612020400 999999999999"]
    found = cli.json("status", "--json", env=env)
    assert found["monthly"]["period"] == "2026-12" and found["monthly"]["due"] is False
    assert cli("status", "--check", env=env).exit_code == 0
    assert "Monthly self-audit  2026-12: opens 2026-12-29" in cli.ok("status", env=env).stdout
    assert "due now" not in cli.ok("report", env=env).stdout
    # A journal in use in November does owe November's audit on 1 December.
    cli.ok("add", "-l", "back", "-d", "2026-11-30", "The last day of November")
    assert cli.json("status", "--json", env=env)["monthly"] == {
        "period": "2026-11",
        "state": "not_started",
        "due": True,
        "opens": "2026-11-28",
        "lapses": "2026-12-07",
    }
    assert cli("status", "--check", env=env).exit_code == 1


def test_the_month_a_journal_began_counts_from_its_first_day(cli):
    begun_in_october(cli)
    env = {"FOURLOOKS_NOW": "2026-10-09T21:00"}
    cli.ok("review", input=ONE_ANSWER_DAILY, env=env)
    text = cli.ok("report", env=env).stdout
    assert "So far: 7 days, from the journal's first day, 2026-10-03, up to 2026-10-09." in text
    assert "Daily reviews completed on 1 of 7 days (14%)." in text
    zh = cli.ok("--lang", "zh", "report", "-m", "2026-10").stdout  # a month over, in November
    assert "从日记的第一天2026-10-03到月底：共29天。" in zh
    data = cli.json("report", "-m", "2026-10", "--json")
    assert (data["counted_from"], data["days_so_far"], data["days_reviewed"]) == (BEGUN, 29, 1)
