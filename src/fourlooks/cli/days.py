"""The review day: the day a review taken now counts for."""

from __future__ import annotations

import datetime as dt

from fourlooks.cli.app import now


def review_today() -> dt.date:
    """Today, or yesterday before the configured day start (04:00 unless config.toml says)."""
    from fourlooks import config, dates

    return dates.review_day(now(), day_start=config.day_start())
