"""Several terminals taking the same review at once: every question answered once."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter


def test_four_piped_reviews_of_one_day_at_once_store_each_answer_once(cli, home):
    cli.ok("add", "--look", "back", "the journal exists before the race")
    asked = cli.json("questions", "--cadence", "daily", "--json")
    answers = "".join(f"answer {n}\n" for n in range(1, len(asked) + 1))
    env = {**os.environ, "FOURLOOKS_HOME": str(home), "FOURLOOKS_NOW": "2026-11-26T21:00:00"}
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "fourlooks", "review"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        for _ in range(4)
    ]
    for writer in writers:
        writer.stdin.write(answers)
        writer.stdin.close()
    for writer in writers:
        code, said = writer.wait(timeout=120), writer.stderr.read()
        # A terminal that starts late finds fewer questions open and says so in one line.
        assert code == 0 or (code == 1 and "more answers than open questions" in said), said
        assert "Traceback" not in said and "internal error" not in said
    answered = [e for e in cli.json("list", "--json", "-n", "0") if e["question_id"]]
    by_question = Counter(entry["question_id"] for entry in answered)
    assert by_question and set(by_question.values()) == {1}, by_question
    every_text = {entry["text"] for entry in cli.json("list", "--json", "-n", "0")}
    assert {f"answer {n}" for n in range(1, len(asked) + 1)} <= every_text  # none lost
    assert cli.json("status", "--json")["daily"]["state"] == "complete"

