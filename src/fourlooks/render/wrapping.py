"""Lines wrapped to a terminal's width by display width, English and Chinese alike.

A terminal cuts a line at its edge wherever the edge falls ("satisfie / d?"); these lines are
cut where a reader expects: between English words, and between any two Chinese characters
(Chinese has no spaces), except before the punctuation that closes a phrase (，。！？…), which
stays with the character before it. A wide character takes two columns. Only a word longer
than a whole line is cut inside.
"""

from __future__ import annotations

import re
import unicodedata

MIN_WIDTH = 20  # narrower than this, wrapping helps nobody: lines are cut at 20

# Punctuation no line should begin with (the closing half of Chinese typesetting's rule).
_NO_BREAK_BEFORE = "，。、；：！？）」』》〉】…,.;:!?)]}%"
_UNIT = re.compile(r"\s+|[^\s]")


def wrap(text: str, width: int, *, indent: int = 0) -> list[str]:
    """`text` (one line) as lines of at most `width` columns; lines after the first start with
    `indent` spaces (a hanging indent), which count towards the width. A line that fits is
    returned as it is; where a line is broken, the spaces at the break go."""
    width = max(width, MIN_WIDTH)
    if _width(text) <= width:
        return [text]
    lines: list[str] = []
    body = text.lstrip(" ")
    line = text[: len(text) - len(body)]  # the line's own indent is kept
    used, spaces = len(line), ""
    for unit in _units(body):
        if unit.isspace():
            spaces = unit if line.strip() else ""
            continue
        size = _width(unit)
        if line.strip() and used + len(spaces) + size > width:
            lines.append(line)
            line, used, spaces = " " * indent, indent, ""
        while used + len(spaces) + size > width and size > 1:  # a word longer than a line
            head = _fit(unit, width - used - len(spaces))
            if not head:
                break
            lines.append(line + spaces + head)
            unit, size = unit[len(head) :], _width(unit[len(head) :])
            line, used, spaces = " " * indent, indent, ""
        line += spaces + unit
        used += len(spaces) + size
        spaces = ""
    if line.strip() or not lines:
        lines.append(line)
    return lines


def _units(text: str) -> list[str]:
    """Spaces, English words (with what is glued to them) and single wide characters, each
    with the closing punctuation that follows it."""
    units: list[str] = []
    for piece in _UNIT.findall(text):
        if piece.isspace():
            units.append(piece)
        elif units and piece in _NO_BREAK_BEFORE and not units[-1].isspace():
            units[-1] += piece
        elif units and not units[-1].isspace() and not _wide(piece) and not _ends_wide(units[-1]):
            units[-1] += piece  # a letter of the word under way
        else:
            units.append(piece)
    return units


def _wide(char: str) -> bool:
    return not char.isascii() and unicodedata.east_asian_width(char) in "WF"


def _ends_wide(unit: str) -> bool:
    """Whether a unit is a wide character (with its punctuation): the next one may break."""
    return _wide(unit[0])


def _width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(2 if _wide(char) else 0 if unicodedata.combining(char) else 1 for char in text)


def _fit(unit: str, room: int) -> str:
    """The longest start of `unit` that fits in `room` columns."""
    taken, used = "", 0
    for char in unit:
        size = _width(char)
        if used + size > room:
            break
        taken, used = taken + char, used + size
    return taken
