"""`remind install|status|uninstall`: a reminder at the day's end while a review is due."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from typing import Annotated

import typer

from fourlooks.cli.app import lang, settings, subcommands

remind_app = subcommands(
    "remind",
    "A daily reminder while the day's review is due: install, status, uninstall.",
)

MONTHLY_HELP = "Remind of the month's self-audit while it is due, instead of the day's review."


@remind_app.command("install")
def install(
    *,
    at: Annotated[str, typer.Option("--at", metavar="HH:MM", help="When, daily.")] = "21:30",
    monthly: Annotated[bool, typer.Option("--monthly", help=MONTHLY_HELP)] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would be installed; install nothing.")
    ] = False,
    kind: Annotated[
        str | None,
        typer.Option(
            "--with",
            metavar="systemd|launchd|cron",
            help="The scheduler [default: systemd's user manager if it runs, launchd on "
            "macOS, else cron].",
        ),
    ] = None,
) -> None:
    """Install a daily reminder: a notification at --at if the review is still due then.

    A systemd user timer (Persistent=true: a reminder missed while the machine slept comes
    at the next start), a launchd agent on macOS, else a marked crontab line. Installing
    again replaces it.
    """
    from fourlooks import reminders

    reminder = reminders.Reminder(monthly, reminders.parse_at(at))
    fire = reminders.command(settings().journal_path, reminder)
    chosen = reminders.choose(kind)
    if dry_run:
        for where, text in reminders.plan(chosen, reminder, fire).items():
            typer.echo(f"# {where}\n{text}")
        return
    written = reminders.install(chosen, reminder, fire)
    typer.echo(f"Installed the {reminder.which} reminder ({chosen}, at {at}):", err=True)
    for where in written:
        typer.echo(f"  {where}", err=True)


@remind_app.command("status")
def status() -> None:
    """Say which reminders are installed, where, and when they fire next."""
    from fourlooks import reminders

    found = reminders.installed()
    if not found:
        typer.echo("No reminder installed.")
    for reminder, standing in found:
        upcoming = f"; next {standing.next}" if standing.next else ""
        typer.echo(
            f"{reminder.which}: {standing.kind}, daily at {standing.at} ({standing.where})"
            f"{upcoming}"
        )


@remind_app.command("uninstall")
def uninstall(
    *,
    monthly: Annotated[
        bool | None,
        typer.Option("--monthly/--daily", help="Only the monthly (or the daily) reminder."),
    ] = None,
) -> None:
    """Remove the reminders installed, exactly what install wrote and nothing else."""
    from fourlooks import reminders

    removed = reminders.uninstall(monthly)
    if not removed:
        typer.echo("No reminder was installed.", err=True)
    for where in removed:
        typer.echo(f"Removed {where}", err=True)


@remind_app.command("fire", hidden=True)
def fire(*, monthly: Annotated[bool, typer.Option("--monthly")] = False) -> None:
    """What an installed reminder runs: a notification if the review is still due."""
    from fourlooks import questions
    from fourlooks.cli.days import review_today
    from fourlooks.reminders import notify
    from fourlooks.store import open_journal

    path = settings().journal_path
    if not path.exists():
        return  # no journal yet: nothing to remind of
    with open_journal(path, create=False) as journal:
        asked = questions.asked_cadences(lang())
        text = notify.due_message(journal, review_today(), asked, monthly=monthly, lang=lang())
    if text is not None:
        notify.show(text)
