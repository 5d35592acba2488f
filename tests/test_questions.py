"""Tests of the question bank and its loader."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from fourlooks import paths, questions, words
from fourlooks.errors import ConfigError, UsageError
from fourlooks.model import Cadence, Look, Question, TaskState

SOURCE = re.compile(r"(intro|part [1-4])(: (?P<term>.+))?")
ID = re.compile(r"(?P<cadence>[a-z]+)\.(?P<look>[a-z]+)\.[a-z][a-z0-9_]*")
CJK = re.compile(r"[\u4e00-\u9fff]")
# Traditional-only forms of common characters; the scraped article is full of them.
TRADITIONAL = set(
    "們這說對時會個來為經驗與發過頭題問麼還後進實現樣認讓給決標務責幾間見學習長開關"
    "當動應變從東種場網報黨組織幹紀錄將議導歲聽覺讀寫際質優強勵績調評論義"
)
# The scraper put pinyin in ASCII parentheses after characters: 經(jīng).
PINYIN = re.compile(r"\([a-zA-Z\u00c0-\u024f]+\)")
AUDIT = {
    "monthly.back.commitment": "党性强不强",
    "monthly.back.conduct": "品行良不良",
    "monthly.back.image": "形象好不好",
    "monthly.back.performance": "业绩优不优",
}
QUALITIES = {
    "monthly.back.principles",
    "monthly.back.character",
    "monthly.back.style",
    "monthly.back.ability",
    "monthly.back.spirit",
}
STATE_QUESTIONS = {
    TaskState.DONE: ("task.back.effect", "看效果"),
    TaskState.UNDER_WAY: ("task.back.progress", "讲进度"),
    TaskState.NOT_DONE: ("task.back.cause", "找原因"),
    TaskState.DONE_POORLY: ("task.back.responsibility", "查责任"),
}


def write(tmp_path: Path, text: str) -> Path:
    """A user questions.toml with `text`."""
    path = tmp_path / "questions.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def everything(tmp_path: Path) -> dict[str, list[Question]]:
    """Every built-in question, optional sets switched on, in both languages."""
    user = write(tmp_path, 'optional_sets = ["qualities"]\n')
    return {lang: questions.load(lang, user) for lang in questions.LANGS}


def ids(qs: list[Question]) -> list[str]:
    return [q.id for q in qs]


def bank_file_ids() -> list[str]:
    """The ids in the order of bank.toml itself."""
    text = resources.files("fourlooks.questions").joinpath("bank.toml").read_text("utf-8")
    return [table["id"] for table in tomllib.loads(text)["question"]]


# ---------------------------------------------------------------- the bank


def test_both_languages_have_the_same_questions(everything):
    assert ids(everything["en"]) == ids(everything["zh"])
    assert len(everything["en"]) == len(bank_file_ids())


@pytest.mark.parametrize("lang", questions.LANGS)
def test_every_question_is_well_formed(everything, lang):
    for q in everything[lang]:
        assert q.text.strip(), q.id
        assert isinstance(q.cadence, Cadence)
        assert isinstance(q.look, Look)
        assert q.kind in ("text", "rating", "choice", "date")
        assert (q.kind == "choice") == bool(q.choices), q.id
        assert q.kind != "date" or q.cadence is Cadence.TASK, q.id
        match = SOURCE.fullmatch(q.source)
        assert match, q.source
        # Only short key terms of the article are quoted, never its sentences.
        term = match["term"]
        assert term is None or 3 <= len(term) <= 8, q.source


def test_english_and_chinese_texts_differ(everything):
    for en, zh in zip(everything["en"], everything["zh"], strict=True):
        assert en.text != zh.text, en.id
        assert not CJK.search(en.text), en.id


def test_ids_are_unique_and_name_cadence_and_look(everything):
    qs = everything["en"]
    assert len(set(ids(qs))) == len(qs)
    for q in qs:
        match = ID.fullmatch(q.id)
        assert match, q.id
        assert (match["cadence"], match["look"]) == (q.cadence.value, q.look.value)


def test_file_order_is_review_order(everything):
    # The loader sorts stably by cadence and look; the file must already be in that order.
    assert ids(everything["en"]) == bank_file_ids()
    order = [(list(Cadence).index(q.cadence), list(Look).index(q.look)) for q in everything["en"]]
    assert order == sorted(order)


def test_chinese_is_clean_simplified(everything):
    for q in everything["zh"]:
        assert CJK.search(q.text), q.id
        assert not TRADITIONAL & set(q.text), (q.id, TRADITIONAL & set(q.text))
        assert not PINYIN.search(q.text), q.id
        assert "(" not in q.text, q.id


def test_source_terms_are_simplified(everything):
    for q in everything["en"]:
        assert not TRADITIONAL & set(q.source), q.source
        assert not PINYIN.search(q.source), q.source


# ---------------------------------------------------------------- coverage


def test_daily_has_at_least_two_questions_per_look():
    daily = questions.for_cadence(questions.load(), Cadence.DAILY)
    for look in Look:
        assert len([q for q in daily if q.look == look]) >= 2, look
    assert {q.kind for q in daily} == {"text"}
    assert {
        "daily.back.went_well",
        "daily.back.went_wrong",
        "daily.up.progress",
        "daily.up.needs",
        "daily.down.listened",
        "daily.down.decisions",
        "daily.ahead.commitments",
    } <= set(ids(daily))


def test_the_spotlight_asks_the_parts_of_the_article_the_core_leaves_out():
    from fourlooks.review.sittings import CORE

    daily = {q.id: q for q in questions.for_cadence(questions.load(), Cadence.DAILY)}
    # What your work delivered to those you serve; what you learned from someone you invited
    # in or went out to see; a truth you told or avoided.
    asked = {
        "daily.down.benefit": "part 3: 谋民利",
        "daily.up.invited": "part 2: 请进来",
        "daily.down.truth": "part 3: 说实话",
    }
    for qid, source in asked.items():
        assert daily[qid].source == source and qid not in CORE
        assert all(words.question_name(qid, lang) for lang in words.LANGS)  # how answers read
    zh = {q.id: q.text for q in questions.load("zh")}
    assert "服务对象" in zh["daily.down.benefit"] and "实话" in zh["daily.down.truth"]
    assert "invited in" in daily["daily.up.invited"].text


def test_the_bank_says_what_the_article_says_in_words_a_speaker_would_use():
    bank = (resources.files("fourlooks.questions") / "bank.toml").read_text("utf-8")
    # Translationese and drift named when the bank was read aloud: none of it is left.
    for phrase in ("凭什么", "信念", "受你工作影响", "受影响的人", "agree", "people affected"):
        assert phrase not in bank, phrase
    # 党性 is a stand on principle; promises are what the follow-ups of commitments measure.
    for lang in questions.LANGS:
        [rating] = [q for q in questions.load(lang) if q.id == "monthly.back.commitment"]
        assert not re.search("promise|承诺", rating.text), rating.text
    # Those you serve are one word in each language.
    zh = " ".join(q.text for q in questions.load("zh"))
    assert "你服务的人" not in zh and zh.count("服务对象") >= 5


def test_every_rating_says_what_1_3_and_5_mean_in_both_languages(everything):
    for lang, bank in everything.items():
        ratings = [q for q in bank if q.kind == "rating"]
        assert len(ratings) == 9  # the four self-audit questions and the five qualities
        for rating in ratings:
            assert len(rating.anchors) == 3 and len(set(rating.anchors)) == 3, rating.id
            assert all(CJK.search(a) for a in rating.anchors) == (lang == "zh"), rating.id
        assert all(not q.anchors for q in bank if q.kind != "rating")


def test_a_users_file_may_reword_a_ratings_anchors(tmp_path):
    anchors = 'anchors = ["no one asks", "some ask", "all ask"]\n'
    user = write(tmp_path, '[[question]]\nid = "monthly.back.image"\n' + anchors)
    image = questions.get(questions.load("en", user), "monthly.back.image")
    assert image.anchors == ("no one asks", "some ask", "all ask")
    zh = questions.get(questions.load("zh", user), "monthly.back.image")
    assert zh.anchors == questions.get(questions.load("zh"), "monthly.back.image").anchors


def test_commitments_question_is_daily_look_ahead():
    q = questions.get(questions.load(), questions.COMMITMENTS_ID)
    assert q is not None
    assert (q.cadence, q.look, q.kind) == (Cadence.DAILY, Look.AHEAD, "text")
    assert "line" in q.text


def test_monthly_has_the_four_audit_ratings():
    monthly = questions.for_cadence(questions.load(), Cadence.MONTHLY)
    for qid, term in AUDIT.items():
        q = questions.get(monthly, qid)
        assert q is not None, qid
        assert q.kind == "rating"
        assert q.source == f"part 1: {term}"
        assert q.optional_set is None


def test_monthly_has_at_least_one_question_per_look():
    monthly = questions.for_cadence(questions.load(), Cadence.MONTHLY)
    for look in Look:
        assert questions.for_cadence(monthly, Cadence.MONTHLY, look), look
    assert {
        "monthly.up.vertical",
        "monthly.up.horizontal",
        "monthly.down.made",
        "monthly.down.coming",
        "monthly.ahead.goal",
    } <= set(ids(monthly))


def test_five_qualities_only_when_switched_on(everything):
    assert not QUALITIES & set(ids(questions.load()))
    on = [q for q in everything["en"] if q.id in QUALITIES]
    assert len(on) == 5
    for q in on:
        assert (q.cadence, q.kind, q.optional_set) == (Cadence.MONTHLY, "rating", "qualities")
        assert q.source.startswith("intro: ")


def test_task_state_question_comes_first_with_the_four_states():
    task = questions.for_cadence(questions.load(), Cadence.TASK)
    state = task[0]
    assert state.id == questions.STATE_ID
    assert state.kind == "choice"
    assert state.choices == tuple(s.value for s in TaskState)
    assert state.source == "part 4"


def test_each_task_state_gets_its_question():
    task = questions.for_cadence(questions.load(), Cadence.TASK)
    for state, (qid, term) in STATE_QUESTIONS.items():
        matching = [q for q in task if q.when == state.value]
        assert ids(matching)[0] == qid
        assert matching[0].source == f"part 4: {term}"
        # A task under way or not done is asked the day of its next checkpoint, and only it.
        dated = [q.id for q in matching if q.kind == "date"]
        expected = {
            TaskState.UNDER_WAY: ["task.ahead.checkpoint"],
            TaskState.NOT_DONE: ["task.ahead.retry"],
        }
        assert dated == expected.get(state, [])
        assert ids(matching) == [qid, *dated]
    assert {q.when for q in task} == {None} | {s.value for s in TaskState}
    assert all(q.when is None for q in questions.load() if q.cadence != Cadence.TASK)


def test_task_lesson_is_asked_for_every_state_and_last():
    task = questions.for_cadence(questions.load(), Cadence.TASK)
    lesson = questions.get(task, "task.ahead.lesson")
    assert lesson is not None and lesson.when is None
    assert task[-1] == lesson


# ---------------------------------------------------------------- API


def test_for_cadence_filters_by_look_and_keeps_order():
    qs = questions.load()
    down = questions.for_cadence(qs, Cadence.DAILY, Look.DOWN)
    assert down and all(q.look == Look.DOWN and q.cadence == Cadence.DAILY for q in down)
    assert ids(down) == [i for i in ids(qs) if i.startswith("daily.down.")]


def test_get_returns_none_for_unknown_id():
    assert questions.get(questions.load(), "daily.back.nope") is None


def test_unknown_language_is_a_usage_error():
    with pytest.raises(UsageError, match="fr"):
        questions.load("fr")


def test_missing_user_file_is_ignored(tmp_path):
    assert questions.load(user_file=tmp_path / "absent.toml") == questions.load()


def test_bank_is_parsed_once_and_loads_are_independent():
    first = questions.load()
    first.clear()
    before = questions._bank.cache_info().hits
    assert questions.load()
    assert questions._bank.cache_info().hits == before + 1


def test_without_a_questions_file_every_cadence_is_asked_and_the_bank_is_not_read():
    """What asked_cadences answers without reading the bank is what the bank would say."""
    assert not paths.questions_file().exists()
    questions._bank.cache_clear()
    assert questions.asked_cadences() == frozenset(Cadence)
    assert questions._bank.cache_info().misses == 0
    for lang in questions.LANGS:
        assert {q.cadence for q in questions.load(lang)} == set(Cadence)


def test_import_is_light():
    code = (
        "import sys, fourlooks.questions as q; q.load(); "
        "print(' '.join(m for m in ('sqlite3', 'typer', 'click', 'rich') if m in sys.modules))"
    )
    src = str(Path(questions.__file__).parents[2])
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": src},
    )
    assert out.stdout.strip() == ""


# ---------------------------------------------------------------- user file


def test_user_file_adds_a_question_after_its_cadence_and_look(tmp_path):
    user = write(
        tmp_path,
        """
[[question]]
id = "daily.down.family"
cadence = "daily"
look = "down"
kind = "text"
text = "What does my family need from me?"
text_zh = "家人需要我做什么？"
""",
    )
    en = questions.load("en", user)
    added = questions.get(en, "daily.down.family")
    assert added is not None
    assert added.source == "user"
    daily = ids(questions.for_cadence(en, Cadence.DAILY))
    position = daily.index("daily.down.family")
    assert daily[position - 1].startswith("daily.down.")
    assert daily[position + 1].startswith("daily.ahead.")
    added_zh = questions.get(questions.load("zh", user), "daily.down.family")
    assert added_zh is not None and added_zh.text == "家人需要我做什么？"


def test_added_question_without_chinese_falls_back_to_english(tmp_path):
    user = write(
        tmp_path,
        """
[[question]]
id = "task.back.blocker"
cadence = "task"
look = "back"
kind = "rating"
text = "How blocked were you?"
when = "under_way"
source = "part 4"
""",
    )
    q = questions.get(questions.load("zh", user), "task.back.blocker")
    assert q is not None
    assert q.text == "How blocked were you?"
    assert (q.kind, q.when, q.source) == ("rating", "under_way", "part 4")


def test_user_file_adds_a_choice_question(tmp_path):
    user = write(
        tmp_path,
        """
[[question]]
id = "monthly.up.mood"
cadence = "monthly"
look = "up"
kind = "choice"
choices = ["better", "same", "worse"]
text = "Compared with last month?"
""",
    )
    q = questions.get(questions.load("en", user), "monthly.up.mood")
    assert q is not None and q.choices == ("better", "same", "worse")


def test_user_file_rewords_in_english_and_chinese(tmp_path):
    user = write(
        tmp_path,
        """
[[question]]
id = "daily.back.went_well"
text = "What worked?"
text_zh = "什么做成了？"

[[question]]
id = "daily.back.went_wrong"
text_zh = "什么没做好？"
""",
    )
    en, zh = questions.load("en", user), questions.load("zh", user)
    builtin_en = questions.get(questions.load("en"), "daily.back.went_wrong")
    assert questions.get(en, "daily.back.went_well").text == "What worked?"
    assert questions.get(zh, "daily.back.went_well").text == "什么做成了？"
    assert questions.get(zh, "daily.back.went_wrong").text == "什么没做好？"
    assert questions.get(en, "daily.back.went_wrong") == builtin_en
    # Rewording keeps the place in the review.
    assert ids(en) == ids(questions.load())


def test_user_file_disables_questions(tmp_path):
    user = write(tmp_path, 'disabled = ["daily.up.peers", "monthly.back.image"]\n')
    active = ids(questions.load("en", user))
    assert "daily.up.peers" not in active
    assert "monthly.back.image" not in active
    assert len(active) == len(questions.load()) - 2


def test_user_file_can_disable_one_quality(tmp_path):
    user = write(tmp_path, 'optional_sets = ["qualities"]\ndisabled = ["monthly.back.spirit"]\n')
    active = set(ids(questions.load("en", user)))
    assert QUALITIES - active == {"monthly.back.spirit"}


def test_user_file_switches_on_an_optional_set(tmp_path):
    user = write(tmp_path, 'optional_sets = ["qualities"]\n')
    active = ids(questions.load("en", user))
    assert set(active) >= QUALITIES
    # Switched-on qualities sit among the monthly look-back questions, in file order.
    assert active == [i for i in bank_file_ids() if i in active]


def test_user_added_question_can_belong_to_an_optional_set(tmp_path):
    extra = """
[[question]]
id = "daily.up.reading"
cadence = "daily"
look = "up"
kind = "text"
text = "What did you read?"
optional_set = "reading"
"""
    assert questions.get(questions.load("en", write(tmp_path, extra)), "daily.up.reading") is None
    on = write(tmp_path, 'optional_sets = ["reading"]\n' + extra)
    assert questions.get(questions.load("en", on), "daily.up.reading") is not None


NEW = 'id = "daily.down.x"\ncadence = "daily"\nlook = "down"\nkind = "text"\ntext = "X?"\n'


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[[question]]\n" + NEW.replace('look = "down"', 'look = "sideways"'), "unknown look"),
        ("[[question]]\n" + NEW.replace('cadence = "daily"', 'cadence = "weekly"'), "cadence"),
        ("[[question]]\n" + NEW.replace('kind = "text"', 'kind = "essay"'), "unknown kind"),
        ("[[question]]\n" + NEW.replace('kind = "text"\n', ""), "missing field 'kind'"),
        ("[[question]]\n" + NEW.replace('text = "X?"\n', ""), "missing field 'text'"),
        ("[[question]]\n" + NEW.replace('id = "daily.down.x"\n', ""), "missing field 'id'"),
        ("[[question]]\n" + NEW.replace("daily.down.x", "daily.up.x"), "must start with"),
        ("[[question]]\n" + NEW.replace("daily.down.x", "Bad Id"), "cadence.look.slug"),
        ("[[question]]\n" + NEW + 'when = "done"\n', "only task questions"),
        ("[[question]]\n" + NEW + 'source = "chapter 9"\n', "source"),
        ("[[question]]\n" + NEW.replace('kind = "text"', 'kind = "choice"'), "choices"),
        ("[[question]]\n" + NEW + "colour = 1\n", "unknown field 'colour'"),
        ("[[question]]\n" + NEW + "[[question]]\n" + NEW, "duplicate id 'daily.down.x'"),
        ('[[question]]\nid = "daily.back.nope"\ntext = "?"\n', "no question 'daily.back.nope'"),
        ('[[question]]\nid = "daily.back.lesson"\n', "needs text or text_zh"),
        ('[[question]]\nid = "daily.back.lesson"\ntext = ""\n', "non-empty"),
        ('[[question]]\nid = "daily.back.lesson"\nlook = "up"\ntext = "?"\n', "only be reworded"),
        ('[question]\nid = "daily.back.lesson"\n', "[[question]]"),
        ('disabled = ["daily.up.nope"]\n', "unknown question id 'daily.up.nope'"),
        ('disabled = "daily.up.peers"\n', "list of strings"),
        ('optional_sets = ["virtues"]\n', "unknown optional set 'virtues'"),
        ('optionl_sets = ["qualities"]\n', "unknown top-level key 'optionl_sets'"),
        ("[[question]]\n" + NEW + 'anchors = ["a", "b", "c"]\n', "only a rating has anchors"),
        (
            '[[question]]\nid = "monthly.back.image"\nanchors = ["low", "high"]\n',
            "three strings: what 1, 3 and 5 mean",
        ),
    ],
)
def test_malformed_user_file_raises_config_error(tmp_path, content, problem):
    user = write(tmp_path, content)
    with pytest.raises(ConfigError) as caught:
        questions.load("en", user)
    message = str(caught.value)
    assert str(user) in message
    assert problem in message
    assert "\n" not in message


def test_config_error_names_the_question_table(tmp_path):
    user = write(tmp_path, "[[question]]\n" + NEW + "[[question]]\n" + NEW.replace("down", "wow"))
    with pytest.raises(ConfigError, match=r"\[\[question\]\] #2 \(daily\.wow\.x\): unknown look"):
        questions.load("en", user)


def test_toml_syntax_error_names_the_line(tmp_path):
    user = write(tmp_path, 'disabled = ["daily.up.peers"]\n\n[[question]\nid = "x"\n')
    with pytest.raises(ConfigError) as caught:
        questions.load("en", user)
    message = str(caught.value)
    assert message.startswith(f"{user}, line 3")
    assert "\n" not in message


def test_unreadable_user_file_is_a_config_error(tmp_path):
    user = tmp_path / "questions.toml"
    user.write_bytes(b'disabled = ["\xff"]\n')
    with pytest.raises(ConfigError, match="UTF-8"):
        questions.load("en", user)
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    with pytest.raises(ConfigError, match="cannot read"):
        questions.load("en", folder)


def test_the_documented_example_loads(tmp_path):
    doc = Path(__file__).parents[1] / "docs" / "questions.md"
    example = re.search(r"```toml\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)
    assert example, "docs/questions.md lost its questions.toml example"
    user = write(tmp_path, example[1])
    en, zh = questions.load("en", user), questions.load("zh", user)
    assert set(ids(en)) >= QUALITIES
    assert questions.get(en, "daily.up.peers") is None
    assert questions.get(en, "daily.back.went_well").text == "What went well today, and why?"
    assert questions.get(zh, "daily.down.family").text == "这周家人需要我做什么？"
