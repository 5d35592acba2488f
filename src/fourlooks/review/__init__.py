"""The review engine and what it is made of.

- `engine`: one run of a review, saving each answer in its own transaction;
- `cadences`: each cadence described once (period, dates, when due, streak, words);
- `sittings`: which review to take and the questions it asks;
- `answers`: checking what was typed (text, ratings, choices, commitment lines);
- `prompter`: the interface the engine asks through;
- `opening`: the daily review's follow-ups and its "on this day".
"""

from fourlooks.review.answers import (
    LATER,
    Answer,
    Choice,
    Rating,
    answer_text,
    commitment_lines,
    parse,
    parse_choice,
    parse_rating,
)
from fourlooks.review.engine import Outcome, take
from fourlooks.review.opening import FOLLOWUP_ID
from fourlooks.review.prompter import Progress, Prompter
from fourlooks.review.sittings import (
    DailySet,
    Sitting,
    daily_listing,
    daily_sitting,
    prepare,
    sitting,
)

__all__ = [
    "FOLLOWUP_ID",
    "LATER",
    "Answer",
    "Choice",
    "DailySet",
    "Outcome",
    "Progress",
    "Prompter",
    "Rating",
    "Sitting",
    "answer_text",
    "commitment_lines",
    "daily_listing",
    "daily_sitting",
    "parse",
    "parse_choice",
    "parse_rating",
    "prepare",
    "sitting",
    "take",
]
