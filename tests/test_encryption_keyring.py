"""An encrypted journal's passphrase in the system keyring, and a machine without one.

The keyring here is a backend of the `keyring` package that keeps passwords in memory, set
for the test alone: a test never reads or writes a real user's keyring (the autouse `home`
fixture points keyring at its backend for machines with none).
"""

from __future__ import annotations

import keyring
import keyring.backend
import keyring.errors
import pytest

GIVE = {"FOURLOOKS_PASSPHRASE_COMMAND": "echo 灯塔 lighthouse"}
NEW = {"FOURLOOKS_NEW_PASSPHRASE_COMMAND": "echo another one"}


class InMemory(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.kept.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture
def memory():
    before = keyring.get_keyring()
    backend = InMemory()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def test_a_passphrase_kept_in_the_keyring_opens_the_journal_without_asking(
    cli, journal_file, memory
):
    cli.ok("add", "-l", "up", "a lamp in the window")
    done = cli.ok("encrypt", "--keyring", env=GIVE)
    assert "kept in the system keyring" in done.stderr
    assert memory.kept == {("fourlooks", str(journal_file.resolve())): "灯塔 lighthouse"}
    assert "a lamp in the window" in cli.ok("list").stdout  # no command, no terminal
    cli.ok("rekey", env=NEW)  # a kept passphrase is replaced by the new one
    assert set(memory.kept.values()) == {"another one"}
    assert "a lamp in the window" in cli.ok("list").stdout
    cli.ok("decrypt")
    assert memory.kept == {}  # a plain journal has no passphrase to keep


def test_with_no_working_keyring_the_prompt_follows_without_an_error(cli, journal_file):
    assert keyring.get_keyring().priority == 0  # keyring's backend for a machine with none
    cli.ok("add", "-l", "up", "a lamp in the window")
    done = cli.ok("encrypt", "--keyring", env=GIVE)
    assert "No system keyring works here" in done.stderr
    asked = cli("list")  # on to the prompt; here there is no terminal, which it says
    assert asked.exit_code == 1
    assert asked.stderr.splitlines() == [
        f"fourlooks: there is no terminal to ask the passphrase of {journal_file}: set "
        "FOURLOOKS_PASSPHRASE_COMMAND to a command that prints it; nothing was changed"
    ]
