"""The user's config.toml: language, the hour a day starts, the editor, and the rest.

Every key is documented in docs/settings.md (`fourlooks help settings`).

```toml
lang = "zh"          # en or zh; --lang and FOURLOOKS_LANG win over it
day_start = "04:00"  # a review before this hour counts for the day before
editor = "nano"      # else $VISUAL, then $EDITOR
quiet_days = 30      # `fourlooks people` names whom no entry has named for this many days
optional_sets = ["qualities"]  # question sets switched on (docs/questions.md)
daily_review = "short"  # "full": every daily question; `review --full` asks them all too
core = ["daily.back.went_well", "daily.down.listened", "daily.ahead.commitments"]
spotlight = ["daily.up.peers", "daily.down.facts"]  # the questions a spotlight is drawn from
```
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from fourlooks import paths
from fourlooks.errors import ConfigError


def load(path: Path | None = None) -> dict[str, Any]:
    """The config file's settings; an absent file is an empty config, a broken one an error."""
    path = path or paths.config_file()
    from fourlooks.files import MAX_SETTINGS_BYTES, read_bounded

    try:
        text = read_bounded(
            str(path), MAX_SETTINGS_BYTES, what="a config file", error=ConfigError
        ).decode("utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    import tomllib  # only when there is a file: most commands read the config, few have one

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    unknown = sorted(set(data) - set(_CHECKS))
    if unknown:
        raise ConfigError(f"{path}: unknown setting {unknown[0]!r} (known: {sorted(_CHECKS)})")
    for key, value in data.items():
        problem = _CHECKS[key](value)
        if problem:
            raise ConfigError(f"{path}: {key} must be {problem}, not {value!r}")
    return data


def _lang(value: object) -> str | None:
    return None if value in ("en", "zh") else '"en" or "zh"'


def _day_start(value: object) -> str | None:
    """A local hour: "04:00" (or a TOML local time); an offset or a date means nothing here."""
    if isinstance(value, str) and re.fullmatch(r"\d{2}:\d{2}", value):
        try:
            dt.time.fromisoformat(value)
            return None
        except ValueError:
            pass
    if isinstance(value, dt.time) and value.tzinfo is None:
        return None
    return 'an hour of the day as "HH:MM", like "04:00"'


def _editor(value: object) -> str | None:
    return None if isinstance(value, str) and value.strip() else "a command, as text"


def _names(value: object) -> str | None:
    ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
    return None if ok else "a list of names, as text"


def _quiet_days(value: object) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 36600
    return None if ok else "a whole number of days from 1 to 36600"


def _daily_review(value: object) -> str | None:
    return None if value in ("short", "full") else '"short" or "full"'


# What each setting must hold: a function naming what was expected, or None when it is fine.
_CHECKS = {
    "lang": _lang,
    "day_start": _day_start,
    "editor": _editor,
    "optional_sets": _names,
    "quiet_days": _quiet_days,
    "daily_review": _daily_review,
    "core": _names,
    "spotlight": _names,
}


def language() -> str:
    """The config's language, else the locale's (zh_* gives Chinese), else English."""
    configured = load().get("lang")
    if configured:
        return configured
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def day_start() -> dt.time:
    value = load().get("day_start", "04:00")
    return value if isinstance(value, dt.time) else dt.time.fromisoformat(value)


def daily_review() -> dict[str, Any]:
    """The settings of the daily review's question set: daily_review, core, spotlight."""
    found = load()
    return {key: found[key] for key in ("daily_review", "core", "spotlight") if key in found}


def editor() -> str | None:
    return load().get("editor") or os.environ.get("VISUAL") or os.environ.get("EDITOR")


def optional_sets(known: set[str]) -> set[str]:
    """The optional question sets switched on here, each one that some question belongs to."""
    names = load().get("optional_sets", [])
    for name in names:
        if name not in known:
            raise ConfigError(
                f"{paths.config_file()}: optional_sets: unknown optional set {name!r}"
                f" (known: {', '.join(sorted(known)) or 'none'})"
            )
    return set(names)


def quiet_days() -> int:
    from fourlooks.people import DEFAULT_QUIET_DAYS

    return load().get("quiet_days", DEFAULT_QUIET_DAYS)
