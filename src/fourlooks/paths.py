"""Where the journal and the configuration live.

Order of precedence for the journal: `--db`, then `FOURLOOKS_DB`, then `FOURLOOKS_HOME`,
then the user data folder. `FOURLOOKS_HOME` moves the config folder too, which is how the
tests keep away from a real user's journal. Nothing here creates a folder: the store does
that, with private permissions, when it first writes.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "fourlooks"
JOURNAL_NAME = "journal.db"
CONFIG_NAME = "config.toml"
QUESTIONS_NAME = "questions.toml"


def _home() -> Path | None:
    home = os.environ.get("FOURLOOKS_HOME")
    return Path(home).expanduser() if home else None


def data_dir() -> Path:
    home = _home()
    if home:
        return home
    import platformdirs  # deferred: only the default location needs it

    return platformdirs.user_data_path(APP, appauthor=False)


def config_dir() -> Path:
    home = _home()
    if home:
        return home
    import platformdirs

    return platformdirs.user_config_path(APP, appauthor=False)


def journal_path(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("FOURLOOKS_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / JOURNAL_NAME


def config_file() -> Path:
    return config_dir() / CONFIG_NAME


def questions_file() -> Path:
    return config_dir() / QUESTIONS_NAME
