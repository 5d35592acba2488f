"""Values no one should type, typed: each gets one clear line, never an internal error."""

from __future__ import annotations

import pytest

HUGE = "9" * 30  # past SQLite's 64-bit integers


@pytest.mark.parametrize("command", [["list"], ["search", "thought"]])
def test_a_huge_number_of_rows_means_all(cli, command):
    cli.ok("add", "-l", "back", "a thought")
    result = cli.ok(*command, "-n", HUGE)
    assert "a thought" in result.stdout
