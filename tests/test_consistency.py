"""One behaviour wherever a person meets it: empty text, a missing editor, --help, no command."""

from __future__ import annotations

import re

import pytest
import typer.main

from fourlooks.cli import COMMANDS, app
from pty_harness import run_in_terminal


def fake_editor(tmp_path, body: str) -> str:
    script = tmp_path / "fake-editor"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(0o755)
    return str(script)


def test_empty_text_is_refused_alike_from_a_pipe_and_from_the_editor(cli, tmp_path):
    piped = cli("add", "--look", "up", input="  \n")
    editor = fake_editor(tmp_path, ': > "$1"')
    status, screen = run_in_terminal("add", "--look", "up", env={"EDITOR": editor}, plain=False)
    assert piped.exit_code == status == 2
    assert piped.stderr.strip() == "fourlooks: text is empty; nothing stored"
    assert "fourlooks: text is empty; nothing stored" in screen
    assert cli.json("list", "--json") == []


def test_edit_without_an_editor_names_its_text_option(cli, tmp_path):
    short = cli.ok("add", "-l", "back", "Keep me").stdout.strip()
    status, screen = run_in_terminal("edit", short, env={"EDITOR": "", "VISUAL": ""}, plain=False)
    assert status == 2
    assert "pass --text" in screen and "pass TEXT" not in screen
    status, screen = run_in_terminal(
        "add", "-l", "up", env={"EDITOR": "", "VISUAL": ""}, plain=False
    )
    assert status == 2 and "pass TEXT or pipe it" in screen


@pytest.mark.parametrize(
    "command", [["show"], ["edit"], ["search"], ["import"], ["task", "show"], ["task", "add"]]
)
def test_help_shows_arguments_without_braces(cli, command):
    usage = cli.ok(*command, "--help").stdout.splitlines()[0]
    assert "{" not in usage and "}" not in usage
    assert re.search(r"\[OPTIONS\] [A-Z]", usage), usage


def test_help_lists_every_summary_whole(cli):
    shown = cli.ok("--help").stdout
    listing = shown.split("Commands:", 1)[1]
    assert "..." not in listing
    words = " ".join(listing.split())
    for listed in COMMANDS.values():
        assert listed.summary in words
    tasks = cli.ok("task", "--help").stdout.split("Commands:", 1)[1]
    assert "it stays due for a review until it has one." in " ".join(tasks.split())
    built = typer.main.get_command(app)
    groups = [name for name, command in built.commands.items() if hasattr(command, "commands")]
    assert "task" in groups
    for group in groups:
        assert "..." not in cli.ok(group, "--help").stdout.split("Commands:", 1)[1], group


def test_a_bare_fourlooks_prints_the_help_and_succeeds(cli):
    result = cli()
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: fourlooks [OPTIONS] COMMAND [ARGS]...")
    assert "Commands:" in result.stdout and result.stderr == ""


def test_report_help_points_to_a_reference_an_installed_user_has(cli):
    shown = " ".join(cli.ok("report", "--help").stdout.split())
    assert "docs/" not in shown
    assert "`fourlooks help report`" in shown
    page = cli.ok("help", "report").stdout
    assert page.startswith("# The monthly report")
    assert "## What it shows" in page
    assert "report" in cli.ok("help").stdout
    wrong = cli("help", "nonsense")
    assert wrong.exit_code == 2 and "no help topic 'nonsense'" in wrong.stderr
