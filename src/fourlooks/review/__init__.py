"""The review engine and what it is made of.

- `engine`: one run of a review, saving each answer in its own transaction;
- `cadences`: each cadence described once (period, dates, when due, streak, words);
- `sittings`: which review to take and the questions it asks;
- `answers`: checking what was typed (text, ratings, choices, commitment lines);
- `prompter`: the interface the engine asks through;
- `opening`: the daily review's follow-ups and its "on this day".
"""

from importlib import import_module

# Where each name lives. Imported on first use (PEP 562), so that `status`, `add` (the due
# file) and the report, which read only `review.cadences`, do not load the engine, the
# sittings and their questions (~8 ms).
_HOMES = {
    "LATER": "answers",
    "Answer": "answers",
    "Choice": "answers",
    "Rating": "answers",
    "answer_text": "answers",
    "commitment_lines": "answers",
    "parse": "answers",
    "parse_choice": "answers",
    "parse_rating": "answers",
    "Outcome": "engine",
    "take": "engine",
    "FOLLOWUP_ID": "opening",
    "Progress": "prompter",
    "Prompter": "prompter",
    "DailySet": "sittings",
    "Sitting": "sittings",
    "daily_listing": "sittings",
    "daily_sitting": "sittings",
    "prepare": "sittings",
    "sitting": "sittings",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
