"""Full-text search as text: what is indexed, what a query means, where it matched. No SQL here.

SQLite's FTS5 tokenizers fail Chinese: `unicode61` makes a whole run of Chinese characters
one token (图书馆 inside a sentence is not found) and `trigram` cannot find two-character
words (反思, 工作). So the index holds a derived text instead of the entry's own:

- every run of CJK characters becomes its overlapping character pairs, separated by spaces
  (经常性反思 -> 经常 常性 性反 反思), so any substring of two or more characters is a phrase
  of pairs, found by unicode61 like a phrase of English words;
- a run of one character stays as it is; the last character of every longer run also goes
  to a second column, `tail`, so that a one-character query (a prefix search on both
  columns) finds it wherever it stands;
- everything else is left to unicode61 (case folding, remove_diacritics 2).

A query is rebuilt from scratch, never passed through: each word or "quoted phrase" becomes a
quoted FTS5 string, so operators (AND, NEAR, -, *, unbalanced quotes) typed by mistake are
plain text. The index stems English words (porter wrapping unicode61, migration m005);
highlighting follows with the common English endings. Changing `index_body`/`index_tail`
changes what is stored: that needs a migration that calls `store.search.rebuild`, because
deleting from the index recomputes the old values.
"""

from __future__ import annotations

import re
import unicodedata

from fourlooks.model import Record, record

# Longer queries are refused with a message: nobody types this much to find one entry.
MAX_QUERY_CHARS = 500
MAX_TERMS = 32

# CJK ideographs (with extensions and compatibility forms) and Japanese kana.
_CJK = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\U00030000-\U0003134f"
)
# Plain strings, compiled by re's own cache on first use: every command opens the journal
# (and so imports this module), but only writes and searches need them.
_CJK_RUN = f"[{_CJK}]+"
_SCRIPTS = f"[{_CJK}]+|[^{_CJK}]+"
_PHRASE = r'"([^"]*)"'
_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f]"


@record
class Term(Record):
    """One thing every match must contain: a word, or a phrase typed in quotes."""

    text: str  # normalised (NFKC), as typed otherwise
    prefix: bool = False  # `work*`: any word starting with it

    def __init__(self, text: str, prefix: bool = False) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "prefix", prefix)


def index_body(text: str) -> str:
    """The text indexed in the `body` column: CJK runs as overlapping character pairs."""
    if text.isascii():  # NFKC leaves ASCII as it is, and it has no CJK: most entries, fast
        return text
    return re.sub(_CJK_RUN, _pairs, unicodedata.normalize("NFKC", text))


def index_tail(text: str) -> str:
    """The last character of each CJK run longer than one, for one-character queries."""
    if text.isascii():
        return ""
    runs = re.findall(_CJK_RUN, unicodedata.normalize("NFKC", text))
    return " ".join(run[-1] for run in runs if len(run) > 1)


def _pairs(match: re.Match) -> str:
    run = match.group()
    if len(run) == 1:
        return f" {run} "
    return " " + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + " "


def parse_query(query: str) -> list[Term]:
    """The terms of a query a person typed; raise ValueError when nothing searchable is left."""
    if len(query) > MAX_QUERY_CHARS:
        raise ValueError(
            f"the search text is {len(query):,} characters long; the limit is {MAX_QUERY_CHARS}"
        )
    text = unicodedata.normalize("NFKC", re.sub(_CONTROL, " ", query))
    terms: list[Term] = []
    for phrase in re.findall(_PHRASE, text):
        if _has_token(phrase):
            terms.append(Term(" ".join(phrase.split())))
    # What is left after the balanced quotes: words; a stray quote is just a separator.
    for word in re.sub(_PHRASE, " ", text).replace('"', " ").split():
        prefix = word.endswith("*")
        # `Python写` is two terms: the Chinese part may be one character of a longer run.
        parts = [part for part in re.findall(_SCRIPTS, word.rstrip("*")) if _has_token(part)]
        terms.extend(
            Term(part, prefix=prefix and n == len(parts) - 1) for n, part in enumerate(parts)
        )
    if not terms:
        raise ValueError(f"nothing to search for in {query[:40]!r}: type a word or a phrase")
    if len(terms) > MAX_TERMS:
        raise ValueError(f"the search has {len(terms)} words; the limit is {MAX_TERMS}")
    return terms


def _has_token(text: str) -> bool:
    """Whether unicode61 would find a token in it: a letter, a digit or a private-use char."""
    return any(_is_token_char(ch) for ch in text)


def _is_token_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LN" or category == "Co"


def match_expression(terms: list[Term]) -> str:
    """An FTS5 MATCH expression needing every term; nothing the user typed is syntax."""
    return " AND ".join(_fts_term(term) for term in terms)


def tokens(text: str) -> list[str]:
    """The words of a text roughly as the index holds them: CJK runs as their pairs, folded."""
    return [token.casefold() for token in re.findall(r"[^\W_]+", index_body(text))]


def any_expression(terms: list[Term]) -> str:
    """An FTS5 MATCH expression for entries holding any of the terms (bm25 ranks by how many)."""
    return " OR ".join(_fts_term(term) for term in terms)


def _fts_term(term: Term) -> str:
    run = re.fullmatch(_CJK_RUN, term.text)
    if run and len(term.text) == 1:
        # One character: a pair starting with it, a lone character, or the end of a run.
        return f'"{term.text}"*'
    quoted = '"' + index_body(term.text).strip().replace('"', '""') + '"'
    # A phrase ending in one Chinese character: that character may begin a pair.
    ends_in_one = bool(re.search(f"(^|[^{_CJK}])[{_CJK}]$", term.text))
    return quoted + ("*" if term.prefix or ends_in_one else "")


def highlight_spans(text: str, terms: list[Term]) -> list[tuple[int, int]]:
    """Where in `text` the terms occur, as sorted, non-overlapping (start, end) spans."""
    folded, origin = _fold(text)
    spans: list[tuple[int, int]] = []
    for term in terms:
        pattern = _term_pattern(term)
        if pattern is None:
            continue
        for found in pattern.finditer(folded):
            if found.end() > found.start():
                spans.append((origin[found.start()], origin[found.end() - 1] + 1))
    return _merge(sorted(spans))


def contains_all(text: str, terms: list[Term]) -> bool:
    """Whether every term occurs in the text, as highlighting finds it: how goals and
    decisions, a few short lines with no index of their own, are searched."""
    folded, _ = _fold(text)
    patterns = [_term_pattern(term) for term in terms]
    return all(pattern is not None and pattern.search(folded) for pattern in patterns)


def _fold(text: str) -> tuple[str, list[int]]:
    """Lower-case, diacritics removed, compatibility forms unified; with each char's origin."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    chars: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        folded = _fold_char(ch)
        chars.append(folded)
        origin.extend([index] * len(folded))
    return "".join(chars), origin


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _term_pattern(term: Term) -> re.Pattern | None:
    """A regex over folded text: whole words for letters, substrings for CJK."""
    folded = "".join(_fold_char(ch) for ch in term.text)
    pieces = []
    for part in re.findall(f"[{_CJK}]+|[^\\W_]+", folded):
        if re.fullmatch(_CJK_RUN, part):
            pieces.append(re.escape(part))
        else:
            pieces.append(r"(?<![^\W_])" + _inflected(part) + r"(?![^\W_])")
    if not pieces:
        return None
    if term.prefix and pieces[-1].endswith(r"(?![^\W_])"):
        pieces[-1] = pieces[-1].removesuffix(r"(?![^\W_])") + r"[^\W_]*"
    return re.compile(r"[\W_]*".join(pieces))


# The index stems English words (porter), so `work` matches "working". Python has no porter
# here; for highlighting, the common English endings are enough: the root of the word typed
# (its ending taken off when three letters remain) with any of them.
_ENDINGS = ("ments", "ment", "ness", "ions", "ing", "ies", "ied", "ion", "ers", "es", "ed")
_ENDINGS += ("er", "ly", "s", "d", "y", "e")


def _inflected(word: str) -> str:
    """A regex for an English word with its common endings; other words as they are."""
    if not (word.isascii() and word.isalpha()):
        return re.escape(word)
    root = next(
        (word[: -len(end)] for end in _ENDINGS if word.endswith(end) and len(word) - len(end) >= 3),
        word,
    )
    return re.escape(root) + "(?:" + "|".join(_ENDINGS) + ")?"


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(
    text: str, spans: list[tuple[int, int]], *, before: int = 30, width: int = 110
) -> list[tuple[str, bool]]:
    """A short excerpt around the first match, as (piece, is_match) pairs on one line."""
    first = spans[0][0] if spans else 0
    start = max(0, first - before)
    if start > 0:  # begin at a word, not inside one
        space = text.rfind(" ", start - 10, first)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    pieces: list[tuple[str, bool]] = []
    if start > 0:
        pieces.append(("…", False))
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start > cursor:
            pieces.append((text[cursor:span_start], False))
        pieces.append((text[span_start:span_end], True))
        cursor = span_end
    if cursor < end:
        pieces.append((text[cursor:end], False))
    if end < len(text):
        pieces.append(("…", False))
    return _one_line(pieces)


def _one_line(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Line breaks and runs of spaces become one space, across pieces."""
    result: list[tuple[str, bool]] = []
    previous_space = False
    for piece, is_match in pieces:
        out = []
        for ch in piece:
            if ch.isspace():
                if not previous_space:
                    out.append(" ")
                previous_space = True
            else:
                out.append(ch)
                previous_space = False
        if out:
            result.append(("".join(out), is_match))
    return result
