"""Writing text in the user's $EDITOR."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from fourlooks import config
from fourlooks.errors import UsageError


def edit(initial: str = "", *, instead: str, suffix: str = ".md") -> str:
    """Open the editor on `initial` and return what the user saved.

    With no editor set, the error names `instead`: what the command takes in its place.
    """
    command = config.editor()
    if not command:
        raise UsageError(
            f"no text given and no editor set: {instead}, or set $EDITOR"
            " (or `editor` in config.toml)"
        )
    # A private temporary folder: the text is as private as the journal it is going into.
    with tempfile.TemporaryDirectory(prefix="fourlooks-") as folder:
        path = Path(folder) / f"entry{suffix}"
        path.write_text(initial, encoding="utf-8")
        os.chmod(path, 0o600)
        try:
            status = subprocess.call([*shlex.split(command), str(path)])
        except (OSError, ValueError) as exc:
            raise UsageError(f"cannot start editor {command!r}: {exc}") from None
        if status != 0:
            raise UsageError(f"editor {command!r} exited with status {status}; nothing saved")
        from fourlooks.files import read_bounded
        from fourlooks.model import MAX_TEXT_BYTES

        try:
            # One past the limit: the entry's own check then says how long it was.
            return read_bounded(str(path), MAX_TEXT_BYTES + 1, what="one entry").decode("utf-8")
        except UnicodeDecodeError:
            raise UsageError("the edited text is not valid UTF-8; nothing saved") from None
