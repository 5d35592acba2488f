"""`lessons [--recurring] [--json]`, `lessons link|unlink ID OTHER`: lessons that came back."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from typing import Annotated

import typer

from fourlooks.cli.app import Subgroup, app, journal, lang
from fourlooks.cli.help import Typer

SUMMARY = (
    "Lessons (what went wrong, the month's faults, a task's lessons) and how often each came"
    " back: similar, link, unlink."
)
lessons_app = Typer(
    cls=Subgroup, name="lessons", help=SUMMARY, invoke_without_command=True, rich_markup_mode=None
)
app.add_typer(lessons_app)

ID_HELP = "A lesson's id or unique prefix."


@lessons_app.callback()
def list_lessons(
    ctx: typer.Context,
    *,
    recurring: Annotated[
        bool, typer.Option("--recurring", "-r", help="Only lessons written more than once.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array of lessons.")] = False,
) -> None:
    """List lessons, newest first, with how often each was written and since when."""
    if ctx.invoked_subcommand is not None:
        return
    from fourlooks import lessons, render, words
    from fourlooks.render import lessons as screen

    found = lessons.register(journal(), recurring=recurring)
    if as_json:
        typer.echo(render.to_json(screen.list_json(found)))
    elif not found:
        key = "lessons_none_recurring" if recurring else "lessons_none"
        typer.echo(words.say(key, lang()), err=True)
    else:
        typer.echo("\n".join(screen.list_lines(found, lang(), colour=render.colour_enabled())))


@lessons_app.command("link")
def link_lessons(
    lesson_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    other: Annotated[str, typer.Argument(metavar="OTHER", help=ID_HELP)],
) -> None:
    """Say two lessons are the same one: it came back."""
    from fourlooks import lessons
    from fourlooks.render import lessons as screen

    linked = lessons.link(journal(), lesson_id, other)
    typer.echo(screen.again(linked, lang()))


@lessons_app.command("similar")
def similar_lessons(
    lesson_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    *,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array of lessons.")] = False,
) -> None:
    """The earlier lessons like this one, as a review at a terminal would offer them."""
    from fourlooks import lessons, render, words
    from fourlooks.render import lessons as screen

    found = lessons.like(journal(), lesson_id)
    if as_json:
        typer.echo(render.to_json(screen.list_json(found)))
    elif not found:
        typer.echo(words.say("lessons_none_like", lang()), err=True)
    else:
        typer.echo("\n".join(screen.list_lines(found, lang(), colour=render.colour_enabled())))


@lessons_app.command("unlink")
def unlink_lessons(
    lesson_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    other: Annotated[str, typer.Argument(metavar="OTHER", help=ID_HELP)],
) -> None:
    """Undo a link: the two lessons are not the same one after all."""
    from fourlooks import lessons, words

    left = lessons.unlink(journal(), lesson_id, other)
    times = words.count(left.times, "time", lang())
    typer.echo(words.say("lessons_unlinked", lang(), id=left.short_id, times=times))
