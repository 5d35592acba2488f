"""What a person typed is never thrown away: when saving fails, it is kept in a private file.

A save can fail after the typing is done: another terminal holds the journal past the busy
timeout, the journal or its folder is read-only, the disk is full. The text then goes to a
recovery file beside the journal (`recovered/`), else in the temporary folder, and the
error says where; if no file can be written at all, the text is printed with the error.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from fourlooks.errors import FourlooksError, JournalError

FOLDER = "recovered"


def folders(journal_path: Path) -> list[Path]:
    """Where recovery files go, in order of preference: beside the journal, else /tmp."""
    import tempfile  # deferred: it pulls in random, needed only when a save has failed

    private_tmp = Path(tempfile.gettempdir()) / f"fourlooks-{os.getuid()}-{FOLDER}"
    return [journal_path.parent / FOLDER, private_tmp]


def keep(text: str, journal_path: Path, label: str) -> Path | None:
    """Write `text` to a new private file; its path, or None when nowhere would take it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{stamp}-{label}-{os.urandom(2).hex()}.txt"
    for folder in folders(journal_path):
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if folder.stat().st_uid != os.getuid():
                continue  # a folder someone else made in /tmp is not private
            path = folder / name
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text if text.endswith("\n") else text + "\n")
                out.flush()
                os.fsync(out.fileno())
            return path
        except OSError:
            continue
    return None


@contextlib.contextmanager
def kept_on_failure(text: Callable[[], str], journal_path: Path, label: str) -> Iterator[None]:
    """Run a save; if it fails, keep `text()` and add to the error where it is."""
    from fourlooks.store import connection  # a save opens the journal: it is loaded already

    try:
        yield
    except (FourlooksError, OSError, *connection.Error) as exc:
        typed = text()
        if not typed.strip():
            raise
        path = keep(typed, journal_path, label)
        reason = str(exc).removeprefix("fourlooks: ")
        if path is None:
            raise JournalError(
                f"{reason}; nowhere could keep what you typed, so here it is:\n{typed}"
            ) from None
        raise JournalError(f"{reason}; what you typed is kept in {path}") from None
