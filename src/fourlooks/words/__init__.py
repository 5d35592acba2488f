"""Every word a person reads, in English and Chinese, with the same keys: the one catalogue.

Screens, reviews, the report and the exports look their words up here and nowhere else, so a
concept has one name per language. The Chinese vocabulary, chosen once: 日省 the daily review,
月省 the monthly self-audit, 事省 the review of one task (the article's names); 复盘 is
reviewing a task, 反思 a review in general, 四看 the four looks.

Every function takes its subject first and the language last (`look_name(look, lang)`);
options come after as keywords. An unknown language reads as English. Error messages
(`fourlooks: ...` on stderr) stay in English like the rest of the CLI's errors.

Each language is one module of dict literals (en.py, zh.py), not a TOML or gettext file,
because every command reads some of the words at start-up: building the dicts costs
microseconds, reading and parsing a data file (tomllib alone is ~3 ms to import) would be
paid on every `add` and `list`. Nothing here imports rich or dateutil.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from fourlooks.words import en, zh

LANGS = ("en", "zh")
CATALOGUE: dict[str, dict] = {"en": en.CATALOGUE, "zh": zh.CATALOGUE}

# Short words also accepted when answering a choice, in either language.
_EXTRA_ALIASES = {
    "lesson.same": {"same": ("y", "yes", "s", "是"), "other": ("n", "no", "o", "不是", "否")},
    "monthly.back.goal_met": {
        "met": ("m", "y", "yes", "是"),
        "partly": ("p", "partly", "部分"),
        "not_met": ("n", "no", "否", "没有"),
        "dropped": ("drop", "x"),
    },
    "monthly.back.fault_fixed": {
        "fixed": ("f", "y", "yes", "是"),
        "recurred": ("r", "again", "n", "no", "否", "又犯"),
    },
    "daily.back.followup": {
        "done": ("d", "y", "yes", "是"),
        "partly": ("p", "部分"),
        "not_done": ("n", "no", "否", "没有"),
        "dropped": ("drop", "x", "不做了"),
        "kept": ("keep", "k", "继续"),
    },
    # The answers about a decision (store.decisions): `later` / `还没` keep it open.
    "daily.down.decision_coming": {
        "yes": ("y", "yes", "是"),
        "partly": ("p", "部分"),
        "no": ("n", "no", "否"),
        "kept": ("later", "not yet", "还没"),
    },
    "daily.down.decision_made": {
        "yes": ("y", "yes", "是"),
        "partly": ("p", "部分"),
        "no": ("n", "no", "否"),
        "kept": ("later", "not yet", "还没"),
    },
}


def _words(lang: str) -> dict:
    return CATALOGUE.get(lang, CATALOGUE["en"])


def say(key: str, lang: str, **values: object) -> str:
    """The message `key` in `lang`, filled in with `values`."""
    return _words(lang)["messages"][key].format(**values)


def look_name(look: str, lang: str) -> str:
    """A look's name in the reader's language: `back`, `回头看`."""
    return _words(lang)["looks"][look]


def look_heading(look: str, lang: str) -> str:
    """A look's name in both languages, the reader's first: `look back 回头看`."""
    english, chinese = _words("en")["looks"][look], _words("zh")["looks"][look]
    if lang == "zh":
        return f"{chinese} look {english}"
    return f"look {english} {chinese}"


def cadence_name(cadence: str, lang: str) -> str:
    """The name of a review: `Daily review`, `日省`."""
    return _words(lang)["cadences"][cadence]


def cadence_heading(cadence: str) -> str:
    """A cadence with the article's name for it, in any language: `daily 日省`."""
    return f"{cadence} {_words('zh')['cadences'][cadence]}"


def weekday(day: dt.date, lang: str, *, form: str = "short") -> str:
    """A weekday, independent of the process locale: short `Thu`/`周四`, `long`, `calendar`."""
    return _words(lang)["weekdays"][form][day.weekday()]


def month_name(month: str, lang: str, *, form: str = "long", year: bool = True) -> str:
    """`November 2026`, `Nov 2026` (form short), `Nov` (year=False), `2026年11月` for `2026-11`."""
    names = _words(lang)["months"]
    name = names[form][int(month[5:7]) - 1]
    return names["with_year"].format(month=name, year=int(month[:4])) if year else name


def weekdays(lang: str, *, form: str = "short") -> tuple[str, ...]:
    """The seven weekdays, Monday first; the calendar form is two columns wide in both."""
    return _words(lang)["weekdays"][form]


def message_starts(key: str) -> tuple[str, ...]:
    """How message `key` begins in each language, up to its first value: `Monthly report: `."""
    return tuple(CATALOGUE[lang]["messages"][key].split("{", 1)[0] for lang in LANGS)


def count(number: int, unit: str, lang: str) -> str:
    """`1 day`, `3 days`, `3 天`."""
    one, many = _words(lang)["units"][unit]
    return f"{number} {one if number == 1 else many}"


def choice_label(question_id: str, value: str, lang: str) -> str:
    """How a choice value is shown: `under way`, `进行中`; unknown values as they are."""
    return _words(lang)["choices"].get(question_id, {}).get(value, value)


def choice_counts(question_id: str, counts: Mapping[str, int], lang: str) -> str:
    """Counts of choice values, each by its label: `done 9, partly 4`, `做到了9，部分做到4`."""
    lists = _words(lang)["lists"]
    return lists["separator"].join(
        lists["item"].format(label=choice_label(question_id, value, lang), count=number)
        for value, number in counts.items()
    )


def rating_label(question_id: str, lang: str) -> str:
    """The short name of a rating question: `conduct`, `品行`; unknown ids by their slug."""
    found = _words(lang)["ratings"].get(question_id)
    return found or question_id.rsplit(".", 1)[-1].replace("_", " ")


def question_name(question_id: str, lang: str) -> str | None:
    """The short name of a built-in question: `went well`, `做得好的`; None for any other."""
    found = _words(lang)
    return found["questions"].get(question_id) or found["ratings"].get(question_id)


def choice_aliases(question_id: str, value: str) -> tuple[str, ...]:
    """Every word a person may type for a choice: its labels in both languages and short forms."""
    labels = tuple(choice_label(question_id, value, lang) for lang in LANGS)
    return labels + _EXTRA_ALIASES.get(question_id, {}).get(value, ())


def width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    if text.isascii():
        return len(text)
    import unicodedata  # deferred: English words never need it

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    """`text` padded with spaces to a display width of `columns`."""
    return text + " " * max(0, columns - width(text))
