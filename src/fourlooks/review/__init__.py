"""The review engine and what it is made of.

- `engine`: one run of a review, saving each answer in its own transaction;
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
from fourlooks.review.engine import Outcome, daily, monthly, task
from fourlooks.review.opening import FOLLOWUP_ID
from fourlooks.review.prompter import Progress, Prompter

__all__ = [
    "FOLLOWUP_ID",
    "LATER",
    "Answer",
    "Choice",
    "Outcome",
    "Progress",
    "Prompter",
    "Rating",
    "answer_text",
    "commitment_lines",
    "daily",
    "monthly",
    "parse",
    "parse_choice",
    "parse_rating",
    "task",
]
