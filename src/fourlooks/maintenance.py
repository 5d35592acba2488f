"""Keeping the journal safe and findable: where things are, backups, restores and checks.

The copying and checking go through SQLite in store/maintenance.py and store/restore.py;
what is decided before them (where a backup goes, whether a restore goes ahead) is here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from fourlooks.errors import UsageError

if TYPE_CHECKING:
    from fourlooks.store.maintenance import Backup, CheckReport
    from fourlooks.store.restore import Candidate, Restored


def where(journal_path: Path) -> dict[str, str]:
    """The journal and the configuration files, by name, as `paths` prints them."""
    from fourlooks import paths

    return {
        "journal": str(journal_path),
        "config": str(paths.config_file()),
        "questions": str(paths.questions_file()),
    }


def default_backup_name(journal_path: Path, now: dt.datetime) -> str:
    """`journal-20261126-210000.db` for `journal.db`: sorts by time, says what it copies."""
    return f"{journal_path.stem}-{now:%Y%m%d-%H%M%S}{journal_path.suffix or '.db'}"


def backup_target(journal_path: Path, target: Path | None, now: dt.datetime) -> Path:
    """Where a backup goes: the path given, inside it when it is a folder, else by the journal."""
    name = default_backup_name(journal_path, now)
    if target is None:
        return journal_path.parent / name
    if target.is_dir():
        return target / name
    if not target.parent.is_dir():
        raise UsageError(f"no folder {target.parent} to write the backup into")
    return target


def backup(journal_path: Path, target: Path | None, *, now: dt.datetime, force: bool) -> Backup:
    """Copy the journal to `target` (see backup_target); an existing file only with force."""
    from fourlooks.store import maintenance

    return maintenance.backup(journal_path, backup_target(journal_path, target, now), force=force)


def check(journal_path: Path) -> CheckReport:
    """SQLite's integrity and foreign-key checks, the schema version, the file's mode.

    Beside an encrypted journal, each plain copy fourlooks made of it before (a backup, a
    migration's or a restore's saved copy) is a warning: it holds the text in the clear.
    """
    from fourlooks.store import connection, maintenance

    report = maintenance.check(journal_path)
    if connection.is_encrypted(journal_path):
        from fourlooks import encryption

        for copy in encryption.plain_copies(journal_path):
            report.warnings.append(f"{copy} is a plain copy of this encrypted journal")
    return report


def restore(
    journal_path: Path,
    backup_path: Path,
    *,
    now: dt.datetime,
    confirm: Callable[[Candidate], bool],
) -> Restored | None:
    """Put a checked backup back once `confirm` agrees, keeping the journal as it was aside.

    None when `confirm` said no: nothing was changed.
    """
    from fourlooks.store import restore as restoring

    candidate = restoring.inspect(backup_path, journal_path)
    if not confirm(candidate):
        return None
    return restoring.restore(candidate, journal_path, now)
