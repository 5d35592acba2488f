"""A JSON document read a piece at a time: the top-level object's members, and the items of
its large arrays one by one, so that a large import file never sits in memory whole.

Every read is bounded (CHUNK_BYTES at a time, MAX_ITEM_CHARS for one item), and every
refusal is the one line `formats.load_json` gives for the same file: the first byte that is
not UTF-8 before any JSON error, a JSON error at its line and column, the size limit.
"""

from __future__ import annotations

import codecs
import itertools
import json
import re
from collections.abc import Iterator, Mapping
from typing import IO

from fourlooks.errors import ImportFileError, UsageError

# Read at a time. Larger pieces cost memory (the text is copied while a piece is added)
# and save no time: reading a 14 MB export peaked at 13.4 MB traced with 1 MB, 7.6 MB with
# 256 KB, at the same CPU time.
CHUNK_BYTES = 1 << 18
# One record: an entry's text is at most model.MAX_TEXT_BYTES (1 MB) of UTF-8, which JSON
# may write six times longer (\u0001); past this an item is not a record anyone wrote.
MAX_ITEM_CHARS = 8_000_000
_WHITE_SPACE = re.compile(r"[ \t\n\r]*")  # json's
_LONGEST_TOKEN = 12  # `false`, a \uXXXX escape: a piece may end inside one


class Document:
    """The members of a JSON object in a binary stream, its arrays named in `streamed`
    given an item at a time.

    `events()` yields ("value", key, value) for a member read whole, ("array", key, None)
    where a streamed array begins, and ("item", key, item) for each of its items.
    """

    def __init__(self, handle: IO[bytes], origin: str, *, first: bytes, limit: int, what: str):
        self._handle, self._origin, self._limit, self._what = handle, origin, limit, what
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._json = json.JSONDecoder(parse_constant=_no_constant)
        self._read = 0  # bytes read from the stream
        self._fed = 0  # bytes given to the UTF-8 decoder
        self._eof = False
        self.text, self.pos = "", 0  # what is decoded and not yet dropped; where reading is
        self._lines = 0  # newlines in the text dropped before self.text
        self._tail = 0  # characters dropped since the last of them
        self.text = self._decoded(first) if first else ""

    def events(self, streamed: Mapping[str, str]) -> Iterator[tuple[str, str, object]]:
        """The members; `streamed` names each array to read an item at a time, and its item
        (e.g. "entries": "entry")."""
        try:
            yield from self._object(streamed)
        except json.JSONDecodeError as exc:
            raise self._refused(exc.msg, exc.pos) from None
        except _TooLarge:
            raise ImportFileError(
                f"{self._origin}: a value is over {MAX_ITEM_CHARS:,} characters of JSON,"
                " more than any export holds; nothing was imported"
            ) from None
        except (ValueError, RecursionError) as exc:
            self._drain()
            raise ImportFileError(f"{self._origin}: not valid JSON: {exc}") from None

    def _object(self, streamed: Mapping[str, str]) -> Iterator[tuple[str, str, object]]:
        self._skip()
        if self._char() != "{":  # never so: only a file that begins as an export comes here
            raise self._error("Expecting value")
        self.pos += 1
        self._skip()
        if self._char() == "}":
            self.pos += 1
        else:
            while True:
                if self._char() != '"':
                    raise self._error("Expecting property name enclosed in double quotes")
                key = self._value()
                self._skip()
                if self._char() != ":":
                    raise self._error("Expecting ':' delimiter")
                self.pos += 1
                self._skip()
                if key in streamed and self._char() == "[":
                    yield "array", key, None
                    for item in self._items(streamed[key]):
                        yield "item", key, item
                else:
                    yield "value", key, self._value()
                self._skip()
                found = self._char()
                self.pos += 1
                if found == "}":
                    break
                if found != ",":
                    self.pos -= 1
                    raise self._error("Expecting ',' delimiter")
                self._skip()
        if self._skip():
            raise self._error("Extra data")

    def _items(self, noun: str) -> Iterator[object]:
        self.pos += 1  # the "["
        self._skip()
        if self._char() == "]":
            self.pos += 1
            return
        for number in itertools.count(1):
            try:
                item = self._value()
            except _TooLarge:
                raise ImportFileError(
                    f"{self._origin}: {noun} #{number} is over {MAX_ITEM_CHARS:,} characters"
                    f" of JSON, more than any {noun} holds; nothing was imported"
                ) from None
            yield item
            self._skip()
            found = self._char()
            self.pos += 1
            if found == "]":
                return
            if found != ",":
                self.pos -= 1
                raise self._error("Expecting ',' delimiter")
            self._skip()

    def _value(self) -> object:
        """The JSON value at `pos`, reading more until it is whole (at most MAX_ITEM_CHARS)."""
        while True:
            try:
                value, end = self._json.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                if self._eof or not self._cut_short(exc):
                    raise
                if len(self.text) - self.pos > MAX_ITEM_CHARS:
                    raise _TooLarge from None
                self._more(at_least=len(self.text) - self.pos)  # twice as much: no rescans
                continue
            if end == len(self.text) and not self._eof and not isinstance(value, dict | list):
                self._more()  # a number or a word may go on in the next piece
                continue
            self.pos = end
            return value

    def _cut_short(self, exc: json.JSONDecodeError) -> bool:
        """Whether an error may only be the end of what is read so far, not of the file."""
        return exc.pos >= len(self.text) - _LONGEST_TOKEN or exc.msg.startswith("Unterminated")

    def _char(self) -> str:
        """The character at `pos` ("" at the end of the document)."""
        while self.pos >= len(self.text) and not self._eof:
            self._more()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def _skip(self) -> bool:
        """Past the white space at `pos`; whether anything follows it."""
        while True:
            self.pos = _WHITE_SPACE.match(self.text, self.pos).end()
            if self.pos < len(self.text):
                return True
            if self._eof:
                return False
            self._more()

    def _more(self, at_least: int = 1) -> None:
        """Read at least `at_least` more characters (or to the end), dropping the text
        already read past."""
        if self.pos:
            dropped = self.text[: self.pos]
            newlines = dropped.count("\n")
            after = len(dropped) - dropped.rfind("\n") - 1
            self._tail = after if newlines else self._tail + len(dropped)
            self._lines += newlines
            self.text, self.pos = self.text[self.pos :], 0
        pieces, size = [self.text], 0
        while size < at_least and not self._eof:
            piece = self._decoded(self._handle.read(CHUNK_BYTES))
            pieces.append(piece)
            size += len(piece)
        self.text = "".join(pieces)

    def _decoded(self, chunk: bytes) -> str:
        """The text of the next piece read; at its end (no bytes), the end of the file."""
        self._read += len(chunk)
        if self._read > self._limit:
            name = self._origin
            raise UsageError(f"{name} is over {self._limit:,} bytes: too large for {self._what}")
        final = not chunk
        pending = len(self._decoder.getstate()[0])
        try:
            text = self._decoder.decode(chunk, final=final)
        except UnicodeDecodeError as exc:
            byte = self._fed - pending + exc.start
            raise ImportFileError(f"{self._origin}: not UTF-8 text (byte {byte})") from None
        self._fed += len(chunk)
        self._eof = final
        return text

    def _drain(self) -> None:
        """Read to the end: a byte that is not UTF-8, or too many, is told before JSON errors."""
        while not self._eof:
            self.text, self.pos = "", 0  # nothing more is parsed
            self._decoded(self._handle.read(CHUNK_BYTES))

    def _error(self, message: str) -> json.JSONDecodeError:
        return json.JSONDecodeError(message, self.text, self.pos)

    def _refused(self, message: str, pos: int) -> ImportFileError:
        line, column = self._line_col(pos)
        self._drain()
        return ImportFileError(
            f"{self._origin}: not valid JSON at line {line}, column {column}: {reason(message)}"
        )

    def _line_col(self, pos: int) -> tuple[int, int]:
        """Where `pos` of the text is in the whole document, as json counts (from 1)."""
        line = self._lines + self.text.count("\n", 0, pos) + 1
        last = self.text.rfind("\n", 0, pos)
        return line, (pos - last if last >= 0 else self._tail + pos + 1)


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON value")


class _TooLarge(Exception):
    """A value longer than MAX_ITEM_CHARS: what it is, the array reading it says."""


def reason(message: str) -> str:
    """json's message without its dangling "at": the line and column stand before it.

    json says "Unterminated string starting at" and "Invalid control character at",
    meant to be followed by a position, which the refusal names first.
    """
    return message.removesuffix(" starting at").removesuffix(" at")
