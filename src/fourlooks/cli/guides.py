"""`help TOPIC`: the reference pages an installed fourlooks carries with it."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from typing import Annotated

import typer

from fourlooks.cli.app import app
from fourlooks.errors import UsageError

# The pages, each the same file as docs/NAME.md (fourlooks/guides/ links to docs/).
TOPICS = {
    "report": "what `fourlooks report` shows, and every field of its JSON",
    "settings": "every key of config.toml, and the environment variables",
}


@app.command("help")
def help_topic(
    topic: Annotated[
        str | None, typer.Argument(metavar="[TOPIC]", help="One of: " + ", ".join(TOPICS) + ".")
    ] = None,
) -> None:
    """Print a reference page: report, settings; with no topic, the list of them."""
    if topic is None:
        typer.echo("\n".join(f"{name:<10} {about}" for name, about in TOPICS.items()))
        return
    name = topic.strip().lower()
    if name not in TOPICS:
        raise UsageError(f"no help topic {topic!r}: try {', '.join(TOPICS)}")
    from importlib import resources

    typer.echo(
        (resources.files("fourlooks") / "guides" / f"{name}.md").read_text("utf-8"), nl=False
    )
