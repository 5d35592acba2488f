"""Where the passphrase of an encrypted journal comes from: a command, the keyring, a prompt.

In that order: `FOURLOOKS_PASSPHRASE_COMMAND` (a command whose output is the passphrase,
such as a password manager's), then the system keyring where the optional `keyring`
package is installed and works, then a prompt on the terminal that does not echo. A
machine without a keyring goes on to the prompt without a word; with no terminal either,
one line says how to give the passphrase. Every read is bounded, and the command has a
time limit, so a command that hangs or floods cannot hang fourlooks.

Nothing here is imported until a journal turns out to be encrypted or an encrypt command
runs, so a plain journal's start-up pays nothing for it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from fourlooks.errors import JournalError, UsageError

COMMAND_VARIABLE = "FOURLOOKS_PASSPHRASE_COMMAND"
# For `rekey` (and `encrypt`): a command that prints the new passphrase, instead of typing it.
NEW_COMMAND_VARIABLE = "FOURLOOKS_NEW_PASSPHRASE_COMMAND"
KEYRING_SERVICE = "fourlooks"
# A passphrase longer than this is a command printing something else (a file, a page).
LIMIT = 1024
# A password manager may ask for its own master password first: give a person time.
COMMAND_TIMEOUT_SECONDS = 60.0


def _english() -> str:
    return "en"


# The language of the prompts; the CLI points it at its --lang choice, read when asking.
language: Callable[[], str] = _english


def current(path: Path) -> tuple[str, str]:
    """The passphrase of the journal at `path`, and where it came from (for a wrong one)."""
    command = os.environ.get(COMMAND_VARIABLE)
    if command:
        return from_command(command, COMMAND_VARIABLE), COMMAND_VARIABLE
    remembered = _from_keyring(path)
    if remembered:
        return remembered, "the system keyring"
    return _ask("passphrase_prompt", path), "the prompt"


def new(path: Path, *, current: bool) -> str:
    """A new passphrase for the journal at `path`: from a command, or typed twice.

    The command of NEW_COMMAND_VARIABLE, else (`current`: when encrypting) the one that
    will give the passphrase from now on.
    """
    for variable in (
        (NEW_COMMAND_VARIABLE, COMMAND_VARIABLE) if current else (NEW_COMMAND_VARIABLE,)
    ):
        command = os.environ.get(variable)
        if command:
            return from_command(command, variable)
    first = _ask("passphrase_new", path, NEW_COMMAND_VARIABLE)
    if _ask("passphrase_again", path, NEW_COMMAND_VARIABLE) != first:
        raise UsageError("the two passphrases differ; nothing was changed")
    return first


def from_command(command: str, variable: str) -> str:
    """The first line a command prints, read bounded and within the time limit."""
    import subprocess

    try:
        process = subprocess.Popen(command, shell=True, stdout=subprocess.PIPE)
    except OSError as exc:
        raise JournalError(f"{variable} could not run: {exc.strerror}") from None
    try:
        raw = _read_within(process, COMMAND_TIMEOUT_SECONDS)
        code = process.wait(timeout=COMMAND_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        raise JournalError(
            f"{variable} gave no passphrase within {COMMAND_TIMEOUT_SECONDS:g} s"
        ) from None
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if code != 0:
        raise JournalError(f"{variable} failed (exit status {code}); nothing was changed")
    return _checked(raw, variable)


def _read_within(process, seconds: float) -> bytes:
    """At most LIMIT + 1 bytes of the process's output, or TimeoutExpired."""
    import subprocess
    import threading

    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(process.stdout.read(LIMIT + 1)))
    reader.daemon = True
    reader.start()
    reader.join(seconds)
    if reader.is_alive():
        raise subprocess.TimeoutExpired(COMMAND_VARIABLE, seconds)
    return got[0] if got else b""


def _checked(raw: bytes, source: str) -> str:
    """The passphrase in `raw`: one line of UTF-8, not empty, not over LIMIT bytes."""
    if len(raw) > LIMIT:
        raise JournalError(f"{source} gave over {LIMIT} bytes: not a passphrase")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise JournalError(f"{source} gave bytes that are not UTF-8: not a passphrase") from None
    # The first line: password managers print notes on the lines after it (`pass show`).
    text = text.split("\n", 1)[0].removesuffix("\r")
    if not text or "\0" in text:
        raise JournalError(f"{source} gave no passphrase (its first line is empty)")
    return text


def _keyring():
    """The keyring module where one is installed, else None (never an error)."""
    try:
        import keyring
    except Exception:  # not installed, or broken on import: the prompt will do
        return None
    return keyring


def _from_keyring(path: Path) -> str | None:
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, str(path.resolve()))
    except Exception:  # no backend on this machine, a locked one, a D-Bus error: ask instead
        return None


def kept(path: Path) -> bool:
    """Whether the system keyring holds a passphrase for this journal."""
    return _from_keyring(path) is not None


def remember(path: Path, passphrase: str) -> bool:
    """Keep the passphrase in the system keyring; False where there is none that works."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, str(path.resolve()), passphrase)
    except Exception:
        return False
    return True


def forget(path: Path) -> None:
    """Remove the journal's passphrase from the keyring, where it was kept."""
    keyring = _keyring()
    if keyring is None:
        return
    try:
        keyring.delete_password(KEYRING_SERVICE, str(path.resolve()))
    except Exception:  # nothing kept there, or no keyring after all
        return


def _ask(key: str, path: Path, variable: str = COMMAND_VARIABLE) -> str:
    """A line typed at the terminal without echo; one clear line when there is no terminal."""
    from fourlooks import words

    prompt = words.say(key, language(), path=path)
    if sys.platform == "win32":
        import getpass

        return _checked(getpass.getpass(prompt).encode()[: LIMIT + 1], "the prompt")
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        raise JournalError(
            f"there is no terminal to ask the passphrase of {path}: set {variable} to a "
            "command that prints it; nothing was changed"
        ) from None
    try:
        return _checked(_read_hidden(fd, prompt), "the prompt")
    finally:
        os.close(fd)


def _read_hidden(fd: int, prompt: str) -> bytes:
    """Read one line from the terminal `fd` with echo off, at most LIMIT + 1 bytes."""
    import termios

    before = termios.tcgetattr(fd)
    hidden = list(before)
    hidden[3] &= ~termios.ECHO
    # Echo goes off before the prompt shows: a line typed as soon as the prompt appears
    # must be neither shown nor thrown away.
    termios.tcsetattr(fd, termios.TCSAFLUSH, hidden)
    line = b""
    try:
        os.write(fd, prompt.encode())
        while len(line) <= LIMIT and not line.endswith(b"\n"):
            chunk = os.read(fd, LIMIT + 1 - len(line))
            if not chunk:
                break
            line += chunk
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, before)
        os.write(fd, b"\n")
    return line
