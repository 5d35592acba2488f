"""Writing export files: whole or not at all, private, and never over a file we did not write."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

HEAD_BYTES = 4096  # enough of a file to read its front matter or JSON header


def make_folder(path: Path) -> None:
    """Create a folder and any missing parents, each readable by its owner alone.

    (`mkdir(parents=True, mode=...)` applies the mode to the last folder only.) Folders
    that exist already are left as they are.
    """
    missing = []
    while not path.exists():
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)


def write_atomic(path: Path, chunks: Iterable[str]) -> None:
    """Write UTF-8 text to a temporary file beside `path`, then rename it over `path`.

    A reader (or a sync tool) sees the old file or the new one, never half of one; an
    interrupted export leaves no partial file behind. The file is created 0600.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                out.write(chunk.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def read_head(path: Path) -> str:
    """The first few kilobytes of a file as text (undecodable bytes replaced)."""
    with open(path, "rb") as handle:
        return handle.read(HEAD_BYTES).decode("utf-8", errors="replace")


def same_content(path: Path, text: str) -> bool:
    """Whether `path` already holds exactly `text` (so it need not be rewritten)."""
    try:
        return path.read_bytes() == text.encode("utf-8")
    except (FileNotFoundError, IsADirectoryError):
        return False
