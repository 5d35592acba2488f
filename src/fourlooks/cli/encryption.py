"""Commands that encrypt the journal at rest: encrypt, decrypt, rekey (docs/encryption.md)."""

# No `from __future__ import annotations` in command modules: typer would evaluate every
# string annotation twice on each run (inspect and typing), ~8 ms per invocation.

from typing import TYPE_CHECKING, Annotated

import typer

from fourlooks.cli.app import app, lang, settings

if TYPE_CHECKING:
    from fourlooks.encryption import Done

KEYRING_HELP = "Also keep the passphrase in the system keyring, so commands do not ask for it."


@app.command()
def encrypt(
    *,
    keyring: Annotated[bool, typer.Option("--keyring", help=KEYRING_HELP)] = False,
) -> None:
    """Encrypt the journal with a passphrase (asked twice); the plain original is removed.

    Needs the extra: pip install 'fourlooks[encrypt]'. The passphrase comes from
    FOURLOOKS_PASSPHRASE_COMMAND when it is set, else it is typed at the terminal. The
    plain journal is kept until its encrypted copy has been checked.
    """
    from fourlooks import encryption

    done = encryption.encrypt(settings().journal_path, keyring=keyring)
    _tell("encrypted_done", done)


@app.command()
def decrypt() -> None:
    """Turn the encrypted journal back into a plain SQLite file; the encrypted one is removed."""
    from fourlooks import encryption

    _tell("decrypted_done", encryption.decrypt(settings().journal_path))


@app.command()
def rekey(
    *,
    keyring: Annotated[bool, typer.Option("--keyring", help=KEYRING_HELP)] = False,
) -> None:
    """Give the encrypted journal a new passphrase (asked twice).

    FOURLOOKS_NEW_PASSPHRASE_COMMAND, when set, gives the new passphrase instead.
    """
    from fourlooks import encryption

    _tell("rekeyed_done", encryption.rekey(settings().journal_path, keyring=keyring))


def _tell(key: str, done: "Done") -> None:
    from fourlooks import words

    language = lang()
    entries = words.count(done.entries, "entry", language)
    typer.echo(words.say(key, language, path=done.path, entries=entries), err=True)
    if done.kept_in_keyring is not None:
        kept = "keyring_kept" if done.kept_in_keyring else "keyring_none"
        typer.echo(words.say(kept, language), err=True)
    if done.plain_copies:
        listed = ", ".join(str(copy) for copy in done.plain_copies)
        typer.echo(words.say("plain_copies", language, paths=listed), err=True)
