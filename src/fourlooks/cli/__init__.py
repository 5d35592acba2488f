"""The command line: parse, call the core, render. Each module registers its commands.

COMMANDS is the one list of them, in the order `fourlooks --help` lists them: the evening's
review first, then writing and finding entries, tasks, reports, moving data, and keeping it
safe. A command's module is imported only when that command runs (cli/app.py, LazyGroup);
until then its summary here is what --help and shell completion show. Each summary is the
first line of the command's docstring (its help), and tests/test_cli_commands.py checks
that the table and the modules' registrations agree.
"""

from fourlooks.cli.app import Listed, app, run

COMMANDS: dict[str, Listed] = {
    "review": Listed(
        "fourlooks.cli.review",
        "Take the day's review; --monthly the month's self-audit; --task ID a task's review.",
    ),
    "status": Listed(
        "fourlooks.cli.status",
        "Show what is due: today's review, the month's self-audit, tasks to review; streaks;"
        " looks.",
    ),
    "add": Listed(
        "fourlooks.cli.entries",
        "Add an entry tagged with one of the four looks; prints its short id.",
    ),
    "list": Listed("fourlooks.cli.entries", "List entries, newest day first, grouped by day."),
    "show": Listed("fourlooks.cli.entries", "Show one entry with everything stored about it."),
    "edit": Listed(
        "fourlooks.cli.entries", "Change an entry; with no options, edit its text in $EDITOR."
    ),
    "delete": Listed("fourlooks.cli.entries", "Delete an entry (asks first)."),
    "search": Listed(
        "fourlooks.cli.search",
        "Search the text of every entry, best matches first, the match highlighted.",
    ),
    "people": Listed(
        "fourlooks.cli.people",
        "List the people heard (@name in entries), how often, when last; who went quiet.",
    ),
    "report": Listed(
        "fourlooks.cli.report",
        "Report a month: reviews, balance of the looks, self-audit, commitments, tasks,"
        " highlights.",
    ),
    "questions": Listed(
        "fourlooks.cli.questions",
        "List the review questions with their ids and sources, in the order reviews ask them.",
    ),
    "hook": Listed(
        "fourlooks.cli.hook",
        "Print a prompt snippet for the shell's startup file: a marker while a review is due.",
    ),
    "remind": Listed(
        "fourlooks.cli.remind",
        "A daily reminder while the day's review is due: install, status, uninstall.",
    ),
    "export": Listed(
        "fourlooks.cli.transfer",
        "Export the journal as Markdown or as lossless JSON; exporting twice gives the same bytes.",
    ),
    "import": Listed(
        "fourlooks.cli.transfer",
        "Import a JSON export or a jrnl journal, matched by id: importing twice adds nothing.",
    ),
    "backup": Listed(
        "fourlooks.cli.maintenance",
        "Copy the journal to a private file (0600), safely, even while it is in use.",
    ),
    "restore": Listed(
        "fourlooks.cli.maintenance",
        "Replace the journal with a backup; the journal as it was is kept beside it.",
    ),
    "check": Listed(
        "fourlooks.cli.maintenance",
        "Check the journal: SQLite integrity, foreign keys, schema version; exit 1 on a problem.",
    ),
    "paths": Listed(
        "fourlooks.cli.maintenance", "Print where the journal and the configuration files are."
    ),
    "encrypt": Listed(
        "fourlooks.cli.encryption",
        "Encrypt the journal with a passphrase (asked twice); the plain original is removed.",
    ),
    "decrypt": Listed(
        "fourlooks.cli.encryption",
        "Turn the encrypted journal back into a plain SQLite file; the encrypted one is removed.",
    ),
    "rekey": Listed(
        "fourlooks.cli.encryption", "Give the encrypted journal a new passphrase (asked twice)."
    ),
    "help": Listed(
        "fourlooks.cli.guides",
        "Print a reference page: report, settings; with no topic, the list of them.",
    ),
    "task": Listed(
        "fourlooks.cli.tasks",
        "Tasks, each reviewed on its own (事省): add, list, show, edit, close.",
    ),
    "goal": Listed(
        "fourlooks.cli.goals",
        "Goals for a year or a month, kept in view and served by tasks: add, list, show, done,"
        " drop.",
    ),
    "decision": Listed(
        "fourlooks.cli.decisions",
        "Decisions, and those they affect heard before and after: add, list, show, made, drop.",
    ),
    "lessons": Listed(
        "fourlooks.cli.lessons",
        "Lessons (what went wrong, the month's faults, a task's lessons) and how often each came"
        " back: similar, link, unlink.",
    ),
}

main = run

__all__ = ["COMMANDS", "app", "main"]
