"""The review screen at 60 and 40 columns: questions wrap between words, Chinese included.

Through a real pseudo-terminal of that width, as a person at a narrow window meets it.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from pty_harness import answer, finish, spawn


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def asked(cli, lang: str) -> list[str]:
    """The texts of every daily question, in the order `review --full` asks them."""
    found = cli.json("--lang", lang, "questions", "--cadence", "daily", "--full", "--json")
    return [question["text"] for question in found]


def screens_of_questions(child, total: int) -> list[list[str]]:
    """Each question's lines as the terminal received them, from `[n/N]` to its prompt."""
    shown = []
    for number in range(1, total + 1):
        child.expect_exact(f"[{number}/{total}]")
        child.expect_exact("\r\n> ")
        lines = (f"[{number}/{total}]" + child.before).split("\r\n")
        shown.append([line for line in lines if line.strip()])
        child.sendline("")  # skip: the wrapping is what is looked at
    return shown


@pytest.mark.parametrize(("columns", "lang"), [(60, "en"), (40, "en"), (60, "zh"), (40, "zh")])
def test_questions_wrap_at_the_terminal_edge_between_words(cli, columns, lang):
    texts = asked(cli, lang)
    child = spawn("--lang", lang, "review", "--full", width=columns)
    screens = screens_of_questions(child, len(texts))
    assert finish(child) == 0
    wrapped = 0
    for text, lines in zip(texts, screens, strict=True):
        # The hint lines under a rating's or a choice's question are not its text.
        question_lines = lines[: len(lines) - (len(lines) - _text_lines(lines, text))]
        for line in question_lines:
            assert width(line) <= columns, (line, width(line))
        body = [question_lines[0].split("] ", 1)[1]] + [line.strip() for line in question_lines[1:]]
        wrapped += len(body) > 1
        if lang == "en":
            # Joined with spaces, the lines give back the text: no word was cut in two.
            assert " ".join(body) == " ".join(text.split()), body
            hang = len(lines[0].split("] ", 1)[0]) + 2
            assert all(line.startswith(" " * hang) for line in question_lines[1:])
        else:
            # Chinese breaks between characters: joined without spaces, the text comes back,
            # and no line begins with the punctuation that closes a phrase.
            assert "".join(body) == text.replace("\n", ""), body
            assert not any(re.match(r"[，。？！、；：]", line) for line in body[1:]), body
    assert wrapped, "at this width some question should need more than one line"


def _text_lines(lines: list[str], text: str) -> int:
    """How many of the screen's lines hold the question's text (the rest are hints)."""
    wanted = re.sub(r"\s", "", text)
    taken = ""
    for count, line in enumerate(lines, start=1):
        taken += re.sub(r"\s", "", line.split("] ", 1)[1] if count == 1 else line)
        if len(taken) >= len(wanted):
            return count
    return len(lines)


def test_a_long_answer_shown_again_on_resuming_wraps_too(cli):
    total = len(asked(cli, "en"))
    child = spawn("review", "--full", width=40)
    long = "a first answer long enough that it cannot fit on one line of forty columns"
    answer(child, 1, total, long)
    child.expect_exact(f"[2/{total}]")
    child.sendintr()
    assert finish(child) == 130
    child = spawn("review", "--full", width=40)
    child.expect_exact(f"[2/{total}]")
    earlier = child.before.split("\r\n")
    assert all(width(line) <= 40 for line in earlier), earlier
    child.sendintr()
    finish(child)
