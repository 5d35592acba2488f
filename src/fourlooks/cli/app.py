"""The typer app, its global options, and the one place errors become messages."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

import copy
import datetime as dt
import gc
import importlib
import inspect
import os
import sys
from collections.abc import Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click import Command, Context
from typer._click.shell_completion import CompletionItem
from typer.main import (
    get_command_from_info,
    get_command_name,
    get_group_from_info,
    solve_typer_info_defaults,
)
from typer.models import CommandInfo, TyperInfo

from fourlooks import __version__
from fourlooks.cli.help import Command as ListedCommand
from fourlooks.cli.help import Group, Typer
from fourlooks.errors import FourlooksError, UsageError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from fourlooks.store import Journal


class Listed:
    """A command as `fourlooks --help` lists it: the module that registers it, its summary.

    A plain class, not a NamedTuple or a dataclass: both generate their methods with `exec`
    when defined, which every start-up would pay for (with `dataclasses`' import, ~1 ms).
    """

    __slots__ = ("module", "summary")

    def __init__(self, module: str, summary: str) -> None:
        self.module = module
        self.summary = summary

    def __repr__(self) -> str:
        return f"Listed({self.module!r}, {self.summary!r})"


class Listing(Group):
    """A group whose commands may be built only when looked up (`commands` a `Lazy`):
    `--help` lists, and completing a name offers, stand-ins holding their summaries."""

    def list_commands(self, ctx: Context) -> list[str]:
        return list(self.commands)

    def listing(self, name: str) -> Command:
        """The command if it is built, else a stand-in holding its summary as its help."""
        if isinstance(self.commands, Lazy):
            return self.commands.listing(name)
        return self.commands[name]  # a group typer built whole (its module loaded before)

    def listed_command(self, ctx: Context, name: str) -> Command:
        return self.listing(name)  # --help lists the summaries: it builds no command

    def shell_complete(self, ctx: Context, incomplete: str) -> list[CompletionItem]:
        """TyperGroup's completions, from the summaries: completing a name builds nothing."""
        listed = [self.listing(name) for name in self.list_commands(ctx)]
        results = [
            CompletionItem(command.name, help=command.get_short_help_str())
            for command in listed
            if command.name and command.name.startswith(incomplete) and not command.hidden
        ]
        return results + Command.shell_complete(self, ctx, incomplete)  # the options


class LazyGroup(Listing):
    """The top-level group: a command's module is imported only when that command is used.

    Names, order and one-line summaries come from the table `fourlooks.cli.COMMANDS` (as in
    pip's commands/__init__.py), so `--help` and completing a command's name import no
    command module. Looking a command up imports its module, which registers the command on
    `app` with `@app.command()`, and builds that one command as typer would have built it.
    """

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        from fourlooks.cli import COMMANDS  # read here: fourlooks.cli imports this module

        self.commands = Commands(COMMANDS, self.commands)


class Subgroup(Listing):
    """A group of subcommands (`task`, `goal`, ...): built by `registered` with its commands
    in a `Subcommands`, so `task --help` builds none of them and `task add` only `add`."""


class Lazy(MutableMapping[str, Command]):
    """A group's commands by name, in the order of `table`, each built when first looked up.

    `built` starts with what typer built already (commands whose module was imported
    before the group was made, as in tests); the rest are built by `build`.
    """

    def __init__(self, table: Mapping[str, Any], built: Mapping[str, Command]) -> None:
        self.table = dict(table)
        self.built = dict(built)

    def build(self, name: str) -> Command | None:
        raise NotImplementedError

    def summary(self, name: str) -> Command:
        """A stand-in for the command `name` of the table: its name and help, no parameters."""
        raise NotImplementedError

    def listing(self, name: str) -> Command:
        return self.built.get(name) or self.summary(name)

    def __getitem__(self, name: str) -> Command:
        if name not in self.built:
            if name not in self.table:
                raise KeyError(name)
            command = self.build(name)
            if command is None:
                raise KeyError(name)
            self.built[name] = command
        return self.built[name]

    def __contains__(self, name: object) -> bool:
        return name in self.table or name in self.built

    def __iter__(self) -> Iterator[str]:
        yield from self.table
        yield from (name for name in self.built if name not in self.table)

    def __len__(self) -> int:
        return len(self.table.keys() | self.built.keys())

    def __setitem__(self, name: str, command: Command) -> None:
        self.built[name] = command

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        self.table.pop(name, None)
        self.built.pop(name, None)


class Commands(Lazy):
    """The app's commands from `fourlooks.cli.COMMANDS`: looking one up imports its module,
    which registers it on `app`."""

    table: dict[str, Listed]

    def build(self, name: str) -> Command | None:
        importlib.import_module(self.table[name].module)
        return registered(name)

    def summary(self, name: str) -> Command:
        return ListedCommand(name=name, help=self.table[name].summary)


class Subcommands(Lazy):
    """A group's registered commands (typer's CommandInfo by name), built as typer builds
    them when first looked up; listed, until then, with the help of their docstrings."""

    table: dict[str, CommandInfo]

    def __init__(self, infos: "Iterable[CommandInfo]", built: Mapping[str, Command]) -> None:
        table = {info.name or get_command_name(info.callback.__name__): info for info in infos}  # type: ignore[union-attr]
        super().__init__(table, built)

    def build(self, name: str) -> Command | None:
        return get_command_from_info(self.table[name], **_style())

    def summary(self, name: str) -> Command:
        info = self.table[name]
        doc = inspect.getdoc(info.callback) if info.help is None else inspect.cleandoc(info.help)
        return ListedCommand(
            name=name,
            help=doc,
            short_help=info.short_help,
            hidden=info.hidden,
            deprecated=info.deprecated,
        )


def _style() -> dict[str, Any]:
    return {
        "pretty_exceptions_short": app.pretty_exceptions_short,
        "rich_markup_mode": app.rich_markup_mode,
    }


def registered(name: str) -> Command | None:
    """The command or group `name` registered on `app`, built as typer's get_group builds
    its commands (typer/main.py, get_group_from_info); None if no module registered it.
    A group's own commands are left to be built when looked up (`Subcommands`)."""
    for info in app.registered_commands:
        if (info.name or get_command_name(info.callback.__name__)) == name:  # type: ignore[union-attr]
            return get_command_from_info(info, **_style())
    for group_info in app.registered_groups:
        if solve_typer_info_defaults(group_info).name == name:
            return _group(group_info)
    return None


def _group(group_info: TyperInfo) -> Command:
    """typer's group of `group_info`, made without its commands, which are then given to it
    as `Subcommands`."""
    instance = copy.copy(group_info.typer_instance)
    instance.registered_commands = []  # type: ignore[union-attr]
    shell = copy.copy(group_info)
    shell.typer_instance = instance
    group = get_group_from_info(shell, suggest_commands=app.suggest_commands, **_style())
    infos = group_info.typer_instance.registered_commands  # type: ignore[union-attr]
    group.commands = Subcommands(infos, group.commands)
    return group


class ErrorBoundary(LazyGroup):
    """Turn every error a user can cause into one line on stderr and a meaningful exit code."""

    def main(
        self, args: Any = None, *rest: Any, standalone_mode: bool = True, **kwargs: Any
    ) -> Any:
        """Click's main, with its usage errors said in one line instead of a usage block."""
        args = list(sys.argv[1:] if args is None else args)
        global _settings
        _settings = None  # set again by this run's global options, none left from a run before
        clock = sys.modules.get("fourlooks.clock")
        if clock is not None:  # stamps of a command run before in this process (tests): forgotten
            clock.start_command()
        try:
            _refuse_undecodable(args)
            result = super().main(args, *rest, standalone_mode=False, **kwargs)
        except UsageError as exc:
            typer.echo(f"fourlooks: {exc}", err=True)
            code = exc.exit_code
        except typer.TyperException as exc:  # click's usage and parameter errors
            code = exc.exit_code
            if type(exc).__name__ == "NoArgsIsHelpError":
                typer.echo(exc.ctx.get_help())  # bare `fourlooks`: the help, as asked for
                code = 0
            else:
                context = getattr(exc, "ctx", None)
                hint = f" (see '{context.command_path} --help')" if context else ""
                typer.echo(f"fourlooks: {exc.format_message()}{hint}", err=True)
        except typer.Abort:
            typer.echo("Aborted.", err=True)
            code = 1
        else:
            code = result if isinstance(result, int) else 0
            if code == 0 and _settings is not None and _settings.created:  # said on success only
                typer.echo(f"fourlooks: {_settings.created}", err=True)
        if standalone_mode:
            sys.exit(code)
        return code

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except FourlooksError as exc:
            fail(str(exc), exc.exit_code)
        except UnicodeDecodeError:  # e.g. a confirmation answered with bytes that are not UTF-8
            fail("the input is not UTF-8 text; nothing was changed", 2)
        except BrokenPipeError:
            raise  # the reader left (`fourlooks export | head`): run() ends quietly
        except OSError as exc:
            if os.environ.get("FOURLOOKS_DEBUG"):
                raise
            name = f" {exc.filename}" if exc.filename else ""
            fail(f"cannot access{name}: {exc.strerror or exc}", 1)
        except Exception as exc:
            # SQLite's errors, whichever driver raised them, without importing the store
            # for commands that never open the journal (--version, --help): if the one
            # connection factory is not loaded, no connection was made to raise one.
            connection = sys.modules.get("fourlooks.store.connection")
            if connection is None or not isinstance(exc, connection.Error):
                raise
            from fourlooks.store import as_journal_error

            fail(str(as_journal_error(settings().journal_path, exc)), 1)


def _refuse_undecodable(args: list[str]) -> None:
    """Bytes that are not UTF-8 in an argument (a tag, a search, a file name) are refused
    before any command runs: SQLite and the exports could not store them faithfully."""
    for number, arg in enumerate(args, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            raise UsageError(f"argument {number} ({shown!r}) is not valid UTF-8 text") from None


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"fourlooks: {message}", err=True)
    raise typer.Exit(code)


app = Typer(
    cls=ErrorBoundary,
    name="fourlooks",
    help="A reflection journal: look back, look up, look down, look ahead.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def subcommands(name: str, summary: str) -> Typer:
    """A group of commands under `fourlooks NAME` (task, goal, remind), registered on the app."""
    group = Typer(
        cls=Subgroup, name=name, help=summary, no_args_is_help=True, rich_markup_mode=None
    )
    app.add_typer(group)
    return group


class Settings:
    """What the global options chose; commands read it through `settings()`.

    A plain class for the reason given at `Listed`: every command's start-up makes one.
    The journal's path is found when first asked for: without --db or FOURLOOKS_DB the
    user data folder comes from platformdirs (~4 ms to import), which a command's --help,
    or one that never reads the journal, does not need.
    """

    __slots__ = ("_db", "_journal", "_journal_path", "created", "due_changed", "explicit", "lang")

    def __init__(self, db: Path | None, lang: str = "en") -> None:
        self._db = db
        self._journal_path: Path | None = None
        self.lang = lang
        self.due_changed = False  # set by a command that changes what is due outside a write
        self.explicit = db is not None  # the journal was named by --db or FOURLOOKS_DB
        self.created = ""  # where this command made a new journal it was named: said at the end
        self._journal: Journal | None = None

    @property
    def journal_path(self) -> Path:
        if self._journal_path is None:
            from fourlooks import paths

            self._journal_path = paths.journal_path(self._db)
        return self._journal_path


# Set by the global options callback at the start of every invocation.
_settings: Settings | None = None


def settings() -> Settings:
    if _settings is None:  # a command invoked without the app's callback: a programming error
        raise RuntimeError("fourlooks settings are read before the global options were parsed")
    return _settings


def journal() -> "Journal":
    """The journal, opened (and migrated) on first use and closed when the command ends."""
    state = settings()
    if state._journal is None:
        from fourlooks.cli import opening

        state._journal, state.created = opening.open_journal(state.journal_path, state.explicit)
    return state._journal


def now() -> dt.datetime:
    """The clock (fourlooks.clock, local time), read here and passed down; FOURLOOKS_NOW
    stops it, for the review day and every stamp stored alike."""
    from fourlooks import clock

    return clock.now()


def today() -> dt.date:
    return now().date()


def output(data: Any, lines: "Callable[[], Iterable[str]]", *, as_json: bool) -> None:
    """Print `data` as JSON with --json, else `lines()`: only what is printed is drawn."""
    from fourlooks import render

    typer.echo(render.to_json(data) if as_json else "\n".join(lines()))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"fourlooks {__version__}")
        raise typer.Exit()


def _lang_default() -> str:
    from fourlooks import config

    return config.language()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            metavar="PATH",
            envvar="FOURLOOKS_DB",
            help="Journal file to use [default: journal.db in the user data folder].",
            show_envvar=True,
            dir_okay=True,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="en|zh",
            envvar="FOURLOOKS_LANG",
            help="Language of questions and headings: en or zh [default: config, then locale].",
            show_envvar=True,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """A reflection journal: look back, look up, look down, look ahead.

    Each entry is tagged with one of the four looks; `fourlooks review` asks the day's
    questions, `fourlooks review --monthly` the month's self-audit.
    """
    from fourlooks import passphrase

    if lang is not None and lang not in ("en", "zh"):
        raise typer.BadParameter(f"{lang!r} is not en or zh", param_hint="--lang")
    global _settings
    state = _settings = Settings(db, lang or "")
    passphrase.language = _language  # an encrypted journal's prompt speaks it
    cipher = sys.modules.get("fourlooks.store.cipher")
    if cipher is not None:  # passphrases are known for one command, never the next
        cipher.forget_all()
    ctx.call_on_close(lambda: _close(state))


def _close(state: Settings) -> None:
    """Close the journal, first bringing its due file up to date if what is due may differ;
    say which entries were shown with bytes that were not UTF-8."""
    try:
        if state.due_changed or (state._journal is not None and state._journal.changed):
            from fourlooks.cli.due import refresh_due_file

            refresh_due_file()
    finally:
        if state._journal is not None:
            _close_journal(state._journal)


def _close_journal(journal: "Journal") -> None:
    undecodable = sorted(journal.undecodable)
    journal.close()
    if undecodable:
        shown = ", ".join(f"{noun} {row_id[:8]}" for noun, row_id in undecodable[:5])
        more = f" and {len(undecodable) - 5} more" if len(undecodable) > 5 else ""
        typer.echo(
            f"fourlooks: warning: {shown}{more}: bytes that are not UTF-8, shown "
            "as \ufffd; the journal keeps them as they are (`fourlooks check` lists them)",
            err=True,
        )


def lang() -> str:
    """The language chosen by --lang/FOURLOOKS_LANG, else the config file, else the locale."""
    state = settings()
    if not state.lang:
        state.lang = _lang_default()
    return state.lang


def _language() -> str:
    return lang()  # main_options' own `lang` is its option


def run() -> None:
    """Console entry point: the app, with the last guard against tracebacks."""
    # What is loaded by now (typer, its click, this package's CLI: ~17,000 objects the cycle
    # collector tracks) lives until the process ends. Frozen, the collector no longer walks
    # it, neither in the collections the command triggers nor in the full one at exit, most
    # of an interpreter's exit: ~5 ms of CPU quiet for `python -c "import typer"` alone.
    # What the command makes after this point is collected as before.
    gc.freeze()
    try:
        try:
            app(prog_name="fourlooks")
        finally:
            sys.stdout.flush()  # here, not at exit: a reader gone by then is a broken pipe too
    except KeyboardInterrupt:
        typer.echo("", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # `fourlooks list | head`: the reader left; say nothing more. Python would flush
        # stdout once more on the way out and complain, so it is pointed at /dev/null.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:  # the last line of defence against a traceback
        if os.environ.get("FOURLOOKS_DEBUG"):
            raise
        typer.echo(
            f"fourlooks: internal error: {type(exc).__name__}: {exc} "
            "(FOURLOOKS_DEBUG=1 shows the traceback; please report it)",
            err=True,
        )
        sys.exit(70)
