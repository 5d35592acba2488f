"""The file formats as pure functions: JSON out and in, jrnl in, Markdown out."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json

import pytest
import yaml
from markdown_it import MarkdownIt

from fourlooks import questions
from fourlooks.errors import ImportFileError
from fourlooks.formats import detect, fourlooks_json, jrnl, load_json, markdown
from fourlooks.model import Cadence, Entry, Look, Review, Task

STAMP = "2026-11-26T20:00:00.000000+00:00"


def entry(id, date="2026-11-26", look=Look.BACK, text="a note", **fields):
    return Entry(
        id=id, date=date, look=look, text=text, created_at=STAMP, updated_at=STAMP, **fields
    )


ENTRIES = [
    entry("a1", text="经常性反思 🎉\n第二行", tags=("people", "work")),
    entry(
        "a2",
        look=Look.AHEAD,
        text="Finish the budget",
        cadence=Cadence.DAILY,
        question_id="daily.ahead.commitments",
        review_id="b1",
    ),
]
TASKS = [
    Task(id="c1", title="Write the report", due="2026-12-01", created_at=STAMP, updated_at=STAMP)
]
REVIEWS = [
    Review(
        id="b1",
        cadence=Cadence.DAILY,
        period="2026-11-26",
        task_id=None,
        started_at=STAMP,
        completed_at=STAMP,
        skipped=("daily.up.peers",),
    )
]


def document():
    return "".join(fourlooks_json.dump(ENTRIES, TASKS, REVIEWS))


# The JSON export.


def test_json_export_is_what_json_dumps_would_write_with_stable_key_order():
    text = document()
    data = json.loads(text)
    assert text == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    assert list(data) == ["format", "version", "entries", "tasks", "reviews"]
    assert data["format"] == "fourlooks" and data["version"] == 1
    assert list(data["entries"][0]) == list(ENTRIES[0].to_dict())
    assert data["reviews"][0]["skipped"] == ["daily.up.peers"]
    assert "经常性反思 🎉" in text  # UTF-8 as it is, not \u escapes


def test_empty_journal_export_is_valid_json():
    text = "".join(fourlooks_json.dump([], [], []))
    assert json.loads(text) == {
        "format": "fourlooks",
        "version": 1,
        "entries": [],
        "tasks": [],
        "reviews": [],
    }
    assert text == json.dumps(json.loads(text), indent=2) + "\n"


def test_json_export_parses_back_to_the_same_records():
    bundle = fourlooks_json.parse(json.loads(document()), "f.json")
    assert bundle.entries == ENTRIES
    assert bundle.tasks == TASKS
    assert bundle.reviews == REVIEWS


def _broken(path, value, *, delete=False):
    data = json.loads(document())
    target = data
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "where", "field"),
    [
        (("entries", 1, "date"), "2026-02-30", "entry #2 (id a2)", "date"),
        (("entries", 1, "date"), "26/11/2026", "entry #2", "date"),
        (("entries", 1, "look"), "sideways", "entry #2", "look"),
        (("entries", 1, "text"), "", "entry #2", "text"),
        (("entries", 1, "text"), "x\x00y", "entry #2", "text"),
        (("entries", 1, "text"), "x" * 1_000_001, "entry #2", "text"),
        (("entries", 1, "text"), 42, "entry #2", "text"),
        (("entries", 1, "tags"), "work", "entry #2", "tags"),
        (("entries", 1, "tags"), ["two words"], "entry #2", "tags"),
        (("entries", 1, "rating"), 6, "entry #2", "rating"),
        (("entries", 1, "rating"), True, "entry #2", "rating"),
        (("entries", 1, "cadence"), "weekly", "entry #2", "cadence"),
        (("entries", 1, "id"), "a1", "entry #2", "id"),  # a duplicate
        (("entries", 1, "id"), "NOT AN ID", "entry #2", "id"),
        (("entries", 1, "created_at"), "yesterday", "entry #2", "created_at"),
        (("entries", 1, "updated_at"), "2026-11-26T20:00:00", "entry #2", "updated_at"),
        (("entries", 1, "surprise"), 1, "entry #2", "surprise"),
        (("tasks", 0, "state"), "finished", "task #1 (id c1)", "state"),
        (("tasks", 0, "due"), "soon", "task #1", "due"),
        (("tasks", 0, "title"), "two\nlines", "task #1 (id c1)", "title"),
        (("reviews", 0, "period"), "2026-13", "review #1", "period"),
        (("reviews", 0, "task_id"), "c1", "review #1", "task_id"),
        (("reviews", 0, "skipped"), [None], "review #1", "skipped"),
        (("entries", 1), "just text", "entry #2", None),
        (("entries",), {"a": 1}, "f.json", "entries"),
    ],
)
def test_a_wrong_field_names_the_record_and_the_field(path, value, where, field):
    with pytest.raises(ImportFileError) as error:
        fourlooks_json.parse(_broken(path, value), "f.json")
    message = str(error.value)
    assert message.startswith("f.json")
    assert where in message
    if field:
        assert repr(field) in message
    assert "\n" not in message


def test_a_missing_required_field_is_named():
    with pytest.raises(ImportFileError, match=r"entry #1 \(id a1\), field 'date': missing"):
        fourlooks_json.parse(_broken(("entries", 0, "date"), None, delete=True), "f.json")


def test_a_newer_format_version_is_refused_with_advice():
    with pytest.raises(ImportFileError, match="newer fourlooks"):
        fourlooks_json.parse(_broken(("version",), 2), "f.json")


def test_broken_json_and_bad_encoding_say_where():
    with pytest.raises(ImportFileError, match="line 2, column"):
        load_json(b'{\n  "format": fourlooks}', "f.json")
    with pytest.raises(ImportFileError, match="not UTF-8"):
        load_json(b"\xff\xfe{}", "f.json")
    with pytest.raises(ImportFileError, match="NaN"):
        load_json(b'{"x": NaN}', "f.json")
    with pytest.raises(ImportFileError, match="not a fourlooks or jrnl"):
        detect([1, 2], "f.json")


def test_format_is_detected_from_content():
    assert detect(json.loads(document()), "f") == "fourlooks"
    assert detect({"tags": {}, "entries": []}, "f") == "jrnl"


# jrnl's export, in the shape `jrnl --format json` writes.

JRNL = {
    "tags": {"@work": 2, "@ahead": 1, "@down": 1},
    "entries": [
        {
            "title": "Shipped the report.",
            "body": "The outline saved a day. @work",
            "date": "2026-03-02",
            "time": "18:45",
            "tags": ["@work"],
            "starred": False,
        },
        {
            "title": "Plan for next week",
            "body": "Call Li about the rota\nBook the room @ahead @work",
            "date": "2026-03-03",
            "time": "07:05",
            "tags": ["@ahead", "@work"],
            "starred": True,
        },
        {
            "title": "听取了群众的意见。",
            "body": "大家觉得新规定不方便。@down",
            "date": "2026-03-04",
            "time": "21:00",
            "tags": ["@down"],
            "starred": False,
        },
    ],
}


def test_jrnl_entries_land_on_their_dates_with_text_tags_and_looks():
    bundle = jrnl.parse(copy.deepcopy(JRNL), "j.json", tz=dt.UTC)
    first, second, third = bundle.entries
    assert [e.date for e in bundle.entries] == ["2026-03-02", "2026-03-03", "2026-03-04"]
    assert first.text == "Shipped the report. The outline saved a day. @work"
    assert first.look == Look.BACK and first.tags == ("work",)
    assert second.text == "Plan for next week\nCall Li about the rota\nBook the room @ahead @work"
    assert second.look == Look.AHEAD and second.tags == ("starred", "work")
    assert third.text == "听取了群众的意见。大家觉得新规定不方便。@down"
    assert third.look == Look.DOWN and third.tags == ()
    assert first.created_at == "2026-03-02T18:45:00.000000+00:00" == first.updated_at
    assert first.cadence is None and first.question_id is None


def test_jrnl_default_look_and_time_zone():
    bundle = jrnl.parse(JRNL, "j.json", default_look=Look.UP, tz=dt.timezone(dt.timedelta(hours=8)))
    assert bundle.entries[0].look == Look.UP
    assert bundle.entries[0].created_at == "2026-03-02T10:45:00.000000+00:00"


def test_jrnl_ids_are_stable_and_distinct_even_for_identical_entries():
    data = copy.deepcopy(JRNL)
    data["entries"].append(copy.deepcopy(data["entries"][0]))
    ids = [e.id for e in jrnl.parse(data, "j.json").entries]
    assert len(set(ids)) == 4
    assert ids == [e.id for e in jrnl.parse(copy.deepcopy(data), "j.json").entries]


@pytest.mark.parametrize(
    ("index", "key", "value", "field"),
    [
        (1, "date", "2026-02-29", "date"),
        (1, "date", None, "date"),
        (1, "time", "25:00", "time"),
        (1, "tags", "@work", "tags"),
        (1, "tags", [1], "tags"),
        (1, "starred", "yes", "starred"),
        (1, "title", 3, "title"),
        (1, "body", "x\x00", "body"),
    ],
)
def test_a_malformed_jrnl_entry_is_named_by_number_and_field(index, key, value, field):
    data = copy.deepcopy(JRNL)
    data["entries"][index][key] = value
    with pytest.raises(ImportFileError) as error:
        jrnl.parse(data, "j.json")
    assert f"entry #{index + 1}" in str(error.value)
    assert repr(field) in str(error.value)


def test_the_first_look_tag_sets_the_look_and_a_second_stays_a_tag():
    data = {"entries": [{"title": "x", "body": "", "date": "2026-01-01", "time": "09:00",
                         "tags": ["@Up", "@ahead", "@up"], "starred": False}]}  # fmt: skip
    [only] = jrnl.parse(data, "j.json").entries
    assert only.look == Look.UP and only.tags == ("ahead",)


def test_an_empty_jrnl_entry_is_refused():
    data = {"entries": [{"title": "", "body": " ", "date": "2026-01-01", "time": "09:00"}]}
    with pytest.raises(ImportFileError, match=r"entry #1.*empty"):
        jrnl.parse(data, "j.json")


# Markdown.

ZH = questions.texts("zh")
EN = questions.texts("en")


def test_question_texts_include_optional_sets_in_review_order():
    assert "monthly.back.principles" in EN  # the optional "qualities" set
    assert next(iter(EN)) == "daily.back.went_well"
    assert EN["daily.back.went_well"] != ZH["daily.back.went_well"]


def review_day():
    """A day with a free note, review answers, commitments, and next day's follow-up."""
    return [
        entry("e1", text="Free note\n# not a heading\n```\nunclosed fence", tags=("work", "yes")),
        entry("e2", text="The outline saved a day", cadence=Cadence.DAILY,
              question_id="daily.back.went_well", review_id="b1"),
        entry("e3", look=Look.AHEAD, text="Finish the budget", cadence=Cadence.DAILY,
              question_id="daily.ahead.commitments", review_id="b1"),
        entry("e4", look=Look.AHEAD, text="Call Li", cadence=Cadence.DAILY,
              question_id="daily.ahead.commitments", review_id="b1"),
        entry("e5", look=Look.DOWN, text="heard from the night shift", cadence=Cadence.DAILY,
              question_id="daily.down.custom_question", review_id="b1"),
        entry("e6", date="2026-11-27", text="partly", choice="partly", commitment_id="e3",
              cadence=Cadence.DAILY, question_id="daily.back.followup", review_id="r2"),
        entry("e7", date="2026-11-27", text="done", choice="done", task_id="c1",
              cadence=Cadence.TASK, question_id="task.back.state"),
        entry("e8", date="2026-11-30", text="4", rating=4, cadence=Cadence.MONTHLY,
              question_id="monthly.back.conduct"),
        entry("e9", date="2026-11-30", text="kept my word\nmostly", rating=3,
              cadence=Cadence.MONTHLY, question_id="monthly.back.commitment"),
    ]  # fmt: skip


def headings(text):
    """The headings as a notes app shows them: front matter is not part of the text."""
    if text.startswith("---\n"):
        meta, text = front_matter(text)
        assert meta["generator"] == "fourlooks"
    tokens = MarkdownIt().parse(text)
    return [
        (int(tokens[i].tag[1]), tokens[i + 1].content)
        for i, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def list_items(text):
    return [t.content for t in MarkdownIt().parse(text) if t.type == "inline" and t.map]


def test_one_document_has_a_heading_per_day_look_and_question():
    renderer = markdown.Renderer(lang="en", questions=EN, task_titles={"c1": "Write the report"})
    text = "".join(renderer.document(review_day()))
    assert headings(text) == [
        (1, "fourlooks journal"),
        (2, "2026-11-26 Thursday"),
        (3, "Look back"),
        (4, "Went well"),  # each question by its short name, as every screen names it
        (3, "Look down"),
        (4, "Custom question"),  # a question unknown to the bank: by its name, not its id
        (3, "Look ahead"),
        (4, "Commitment"),
        (2, "2026-11-27 Friday"),
        (3, "Look back"),
        (4, "State — Write the report"),
        (4, "Follow-up"),
        (2, "Self-audit, November 2026"),
        (3, "Look back"),
        (4, "Commitment"),
        (4, "Conduct"),
    ]
    assert "`" not in "".join(content for _, content in headings(text))
    assert "- Finish the budget\n- Call Li\n" in text
    assert "- **partly**: Finish the budget" in text
    assert "- **3/5** kept my word\n  mostly" in text
    assert "- **4/5**\n" in text
    assert "Tags: #work #yes" in text


def test_entry_text_cannot_break_the_outline():
    text = "".join(markdown.Renderer(questions=EN).document(review_day()))
    assert (3, "not a heading") not in headings(text) and (1, "not a heading") not in headings(text)
    # The unclosed fence did not swallow what follows it.
    assert (4, "Went well") in headings(text)
    tokens = MarkdownIt().parse(text)
    assert not [t for t in tokens if t.type == "fence"]


def test_headings_and_look_names_in_chinese():
    text = "".join(markdown.Renderer(lang="zh", questions=ZH).document(review_day()))
    found = [content for _, content in headings(text)]
    assert "2026-11-26 星期四" in found
    assert {"回头看", "低头看", "向前看"} <= set(found)
    # A task whose title the export does not hold is `…`, never a piece of its id.
    assert {"做得好的", "承诺", "跟进", "状态 — …", "党性", "品行"} <= set(found)
    assert "2026年11月 月省" in found
    assert "- **部分做到**: Finish the budget" in text  # the word the review uses


def front_matter(content):
    assert content.startswith("---\n")
    head, _, body = content[4:].partition("\n---\n")
    return yaml.safe_load(head), body


def test_folder_layout_daily_notes_and_monthly_audit_with_front_matter():
    files = dict(markdown.Renderer(lang="en", questions=EN).files(review_day()))
    assert list(files) == [
        "2026/11/2026-11-26.md",
        "2026/11/2026-11-27.md",
        "2026/11/2026-11-audit.md",
    ]
    meta, body = front_matter(files["2026/11/2026-11-26.md"])
    assert meta.pop("content").startswith("sha256-")  # how a later export sees hand edits
    assert meta == {
        "date": dt.date(2026, 11, 26),
        "looks": ["back", "down", "ahead"],
        "tags": ["work", "yes"],  # "yes" stays a string, not true
        "entries": ["e1", "e2", "e3", "e4", "e5"],
        "generator": "fourlooks",
    }
    assert headings(body)[:2] == [(1, "2026-11-26 Thursday"), (2, "Look back")]
    meta, body = front_matter(files["2026/11/2026-11-audit.md"])
    assert meta["month"] == "2026-11"
    assert meta["ratings"] == {"monthly.back.conduct": 4, "monthly.back.commitment": 3}
    assert meta["entries"] == ["e8", "e9"]
    assert headings(body)[0] == (1, "Self-audit, November 2026")
    assert markdown.made_by_export(files["2026/11/2026-11-27.md"])
    assert not markdown.made_by_export("---\ntitle: my own note\n---\n")
    assert not markdown.made_by_export("# A note\ngenerator: fourlooks\n")


def test_rendering_twice_gives_the_same_text():
    def render():
        return dict(markdown.Renderer(lang="en", questions=EN).files(review_day()))

    assert render() == render()


def test_follow_ups_quote_their_commitment_when_the_export_names_them_in_advance():
    # An export names the follow-ups' commitments (one id per follow-up), so that it keeps
    # only those quotes, each until its last follow-up: the text is the same as without.
    day = review_day()
    again = dataclasses.replace(day[5], id="e6b", date="2026-11-28")
    entries = [*day[:6], again, *day[6:]]
    entries.sort(key=lambda entry: entry.date)
    unknown = "".join(markdown.Renderer(questions=EN).document(entries))
    known = markdown.Renderer(questions=EN, followed=["e3", "e3", "e9"])
    assert "".join(known.document(entries)) == unknown
    assert unknown.count("- **partly**: Finish the budget") == 2
    assert known._ahead == {}  # nothing is held once the last follow-up is written
