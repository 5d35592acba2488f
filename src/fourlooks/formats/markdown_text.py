"""Entry text inside a Markdown export: the person's own Markdown, made safe for the outline.

A line that would be a heading is escaped, and a code fence never closed is escaped so that
it cannot swallow the entries after it; everything else is left as written.
"""

from __future__ import annotations

import re

_QUOTES = r"((?: {0,3}>)* {0,3})"
_ATX = re.compile(_QUOTES + r"#{1,6}(?=[ \t]|$)")
_SETEXT = re.compile(_QUOTES + r"(?:=+|-+)[ \t]*")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# What a heading or a fence starts with, after spaces and quote markers: a line starting
# otherwise is never changed, and a text without such a line is left as it is.
_MARKS = frozenset("#=-`~")


def inline(text: str) -> str:
    """Text for a heading or a list item's first words: one line, no closing #s."""
    return " ".join(text.split()).rstrip("#").rstrip() or text.strip()


def escaped(text: str) -> list[str]:
    """The text's lines, with headings and unclosed code fences made plain text.

    One pass: a fence is kept when a closing fence follows it (known at once from the
    longest fence of its kind further down), else escaped; a heading outside a fence, also
    one inside a quote (`> # x`), is escaped. Linear, however many fences are left open.
    """
    lines = text.splitlines()
    if not any(line.lstrip(" >")[:1] in _MARKS for line in lines):
        return lines  # no line starts (after quote markers) as a heading or fence can
    fences = [_FENCE.match(line) for line in lines]
    longest = _longest_fence_from(fences)
    result: list[str] = []
    index = 0
    while index < len(lines):
        found = fences[index]
        if found and longest[found.group(1)[0]][index + 1] >= len(found.group(1)):
            close = _closing(fences, index)
            result.extend(lines[index : close + 1])
            index = close + 1
            continue
        result.append(_backslash(lines[index]) if found else _plain_heading(lines[index]))
        index += 1
    return result


def _longest_fence_from(fences: list[re.Match[str] | None]) -> dict[str, list[int]]:
    """For each fence character, the longest fence at or after each line (0: none)."""
    longest = {"`": [0] * (len(fences) + 1), "~": [0] * (len(fences) + 1)}
    for index in range(len(fences) - 1, -1, -1):
        for lengths in longest.values():
            lengths[index] = lengths[index + 1]
        found = fences[index]
        if found:
            char = found.group(1)[0]
            longest[char][index] = max(longest[char][index], len(found.group(1)))
    return longest


def _closing(fences: list[re.Match[str] | None], opener: int) -> int:
    """The line that closes the fence opened at `opener` (one is known to follow)."""
    fence = fences[opener].group(1)
    return next(
        index
        for index in range(opener + 1, len(fences))
        if (found := fences[index]) and found.group(1)[0] == fence[0]
        and len(found.group(1)) >= len(fence)
    )  # fmt: skip


def _plain_heading(line: str) -> str:
    """A line that would be a heading, alone or inside a quote, with its marker escaped."""
    found = _ATX.match(line) or _SETEXT.fullmatch(line)
    if not found:
        return line
    prefix = found.group(1)
    return prefix + "\\" + line[len(prefix) :]


def _backslash(line: str) -> str:
    """Escape the first non-space character of a line."""
    stripped = line.lstrip(" ")
    return line[: len(line) - len(stripped)] + "\\" + stripped
