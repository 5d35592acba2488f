"""The user's config.toml: language, the hour a day starts, the editor.

```toml
lang = "zh"          # en or zh; --lang and FOURLOOKS_LANG win over it
day_start = "04:00"  # a review before this hour counts for the day before
editor = "nano"      # else $VISUAL, then $EDITOR
```
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from fourlooks import paths
from fourlooks.errors import ConfigError

KNOWN_KEYS = {"lang", "day_start", "editor", "optional_sets"}


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
    unknown = sorted(set(data) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown setting {unknown[0]!r} (known: {sorted(KNOWN_KEYS)})")
    if data.get("lang", "en") not in ("en", "zh"):
        raise ConfigError(f'{path}: lang must be "en" or "zh", not {data["lang"]!r}')
    return data


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
    try:
        return dt.time.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(
            f"{paths.config_file()}: day_start must be HH:MM, not {value!r}"
        ) from None


def editor() -> str | None:
    return load().get("editor") or os.environ.get("VISUAL") or os.environ.get("EDITOR")
