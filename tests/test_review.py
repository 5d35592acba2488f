"""The review engine, driven by a scripted prompter against a real journal."""

from __future__ import annotations

import datetime as dt

import pytest

from fourlooks import questions, review, store
from fourlooks.model import Cadence, Look, TaskState
from fourlooks.review import LATER, Choice, Rating
from fourlooks.store import entries, reviews, tasks

DAY = dt.date(2026, 11, 26)
BANK = questions.load("en")
DAILY = [q.id for q in questions.for_cadence(BANK, Cadence.DAILY)]
MONTHLY = [q.id for q in questions.for_cadence(BANK, Cadence.MONTHLY)]


class Script:
    """A prompter that gives scripted answers and records what it was asked and shown."""

    def __init__(self, *answers, interactive=False):
        self.answers = list(answers)
        self.interactive = interactive
        self.asked: list[tuple[str, str]] = []  # (question id, progress)
        self.questions = []
        self.shown: list[str] = []

    def show(self, text, *, style=""):
        self.shown.append(text)

    def _next(self, question, progress):
        self.asked.append((question.id, str(progress)))
        self.questions.append(question)
        if not self.answers:
            raise EOFError
        answer = self.answers.pop(0)
        if isinstance(answer, type) and issubclass(answer, BaseException):
            raise answer
        return answer

    ask_text = ask_rating = ask_choice = _next

    def ask_date(self, question, progress, after):
        return self._next(question, progress)

    @property
    def screen(self):
        return "\n".join(self.shown)


@pytest.fixture
def journal(tmp_path):
    with store.open_journal(tmp_path / "j.db") as opened:
        yield opened


def daily(journal, prompter, day=DAY, lang="en"):
    return review.take(
        journal, prompter, review.sitting(BANK, Cadence.DAILY, day.isoformat()), lang=lang
    )


def task_review(journal, prompter, task, day=DAY):
    sitting = review.sitting(BANK, Cadence.TASK, day.isoformat(), task=task)
    return review.take(journal, prompter, sitting, lang="en")


def stored(journal, day=DAY):
    found = reviews.find(journal, reviews.Key(Cadence.DAILY, day.isoformat()))
    return {e.question_id: e for e in reviews.answers(journal, found.id)} if found else {}


def test_a_daily_review_asks_every_question_look_by_look_and_saves_each(journal):
    prompter = Script(*[f"answer {n}" for n in range(len(DAILY))])
    outcome = daily(journal, prompter)
    assert [qid for qid, _ in prompter.asked] == DAILY
    assert prompter.asked[2] == ("daily.back.lesson", "3/14")
    headings = [s for s in prompter.shown if s.startswith("look ")]
    assert headings == [
        "look back 回头看",
        "look up 抬头看",
        "look down 低头看",
        "look ahead 向前看",
    ]
    assert (outcome.complete, outcome.answered, outcome.total) == (True, 14, 14)
    saved = stored(journal)
    assert saved["daily.up.needs"].text == "answer 4"
    assert saved["daily.up.needs"].look == Look.UP
    assert saved["daily.up.needs"].cadence == Cadence.DAILY
    assert saved["daily.up.needs"].date == "2026-11-26"
    assert reviews.find(journal, reviews.Key(Cadence.DAILY, "2026-11-26")).complete


def test_skips_count_towards_completion_and_the_commitments_answer_splits_into_lines(journal):
    answers = [None] * len(DAILY)
    typed = "- call Li\n\n* draft the rota\n-\nbook the room"
    answers[DAILY.index(questions.COMMITMENTS_ID)] = typed
    outcome = daily(journal, Script(*answers))
    assert (outcome.complete, outcome.answered, outcome.skipped) == (True, 1, 13)
    ahead = entries.query(journal, look=Look.AHEAD, newest_first=False)
    assert [e.text for e in ahead] == ["call Li", "draft the rota", "book the room"]
    assert {e.question_id for e in ahead} == {questions.COMMITMENTS_ID}


def test_input_ending_half_way_keeps_the_answers_and_a_rerun_asks_only_the_rest(journal):
    first = daily(journal, Script("went well", "went wrong", None))
    assert (first.stopped, first.complete, first.done, first.left) == (True, False, 3, 11)
    prompter = Script(*["more"] * 11)
    second = daily(journal, prompter)
    assert [qid for qid, _ in prompter.asked] == DAILY[3:]
    assert prompter.asked[0][1] == "4/14"
    assert "Answered earlier (3 of 14)" in prompter.screen
    assert "went well" in prompter.screen and "(skipped)" in prompter.screen
    assert second.complete and stored(journal)["daily.back.went_well"].text == "went well"


def test_ctrl_c_keeps_what_was_given_and_rolls_back_nothing_else(journal):
    with pytest.raises(KeyboardInterrupt):
        daily(journal, Script("one", "two", KeyboardInterrupt))
    assert set(stored(journal)) == {"daily.back.went_well", "daily.back.went_wrong"}


def test_a_complete_review_asks_nothing(journal):
    daily(journal, Script(*[None] * len(DAILY)))
    prompter = Script("never used")
    outcome = daily(journal, prompter)
    assert (outcome.was_complete, outcome.complete, prompter.asked) == (True, True, [])


def test_tomorrows_review_follows_up_todays_commitments(journal):
    answers = [None] * len(DAILY)
    answers[DAILY.index(questions.COMMITMENTS_ID)] = "call Li\ndraft the rota\nbook the room"
    daily(journal, Script(*answers))
    entries.add(journal, date="2026-11-26", look=Look.AHEAD, text="by hand")
    tomorrow = DAY + dt.timedelta(days=1)
    follow = [Choice("done", ""), Choice("partly", "half of it"), None, Choice("not_done", "")]
    prompter = Script(*follow, "first answer", interactive=True)
    outcome = daily(journal, prompter, day=tomorrow)
    assert [qid for qid, _ in prompter.asked[:4]] == [review.FOLLOWUP_ID] * 4
    assert "You committed on 2026-11-26: call Li" in prompter.questions[0].text
    assert prompter.asked[1][1] == "2/4"
    assert outcome.followed_up == 3 and outcome.stopped
    followups = entries.query(journal, question_id=review.FOLLOWUP_ID, newest_first=False)
    ahead = {e.id: e.text for e in entries.query(journal, look=Look.AHEAD)}
    got = [(ahead[f.commitment_id], f.choice, f.text) for f in followups]
    assert got == [
        ("call Li", "done", "done"),
        ("draft the rota", "partly", "half of it"),
        ("by hand", "not_done", "not done"),
    ]
    assert {(f.date, f.look, f.cadence) for f in followups} == {
        ("2026-11-27", Look.BACK, Cadence.DAILY)
    }
    # Resumed: the skipped one is asked again, those answered are not.
    again = Script(None, interactive=True)
    daily(journal, again, day=tomorrow)
    assert "book the room" in again.questions[0].text


def test_the_opening_screen_has_date_streak_and_on_this_day(journal):
    for day in ("2026-11-24", "2026-11-25"):
        daily(
            journal, Script("went well", *[None] * (len(DAILY) - 1)), day=dt.date.fromisoformat(day)
        )
    entries.add(journal, date="2026-10-26", look=Look.DOWN, text="a month ago\nsecond line")
    entries.add(journal, date="2025-11-26", look=Look.UP, text="a year ago")
    prompter = Script(interactive=True)
    daily(journal, prompter)
    screen = prompter.screen
    assert "Daily review · Thu 2026-11-26" in screen
    assert "Streak: 2 days" in screen
    assert "On this day" in screen
    assert "a month ago, 2026-10-26" in screen and "down   a month ago…" in screen
    assert "a year ago, 2025-11-26" in screen


def test_piped_reviews_show_no_commitments(journal):
    daily(journal, Script(*[None] * 9, "call Li", None), day=DAY - dt.timedelta(days=1))
    prompter = Script("first")
    daily(journal, prompter)
    assert prompter.asked[0][0] == DAILY[0]


def test_chinese_screens_follow_the_language(journal):
    prompter = Script(interactive=True)
    zh_daily = review.sitting(questions.load("zh"), Cadence.DAILY, DAY.isoformat())
    review.take(journal, prompter, zh_daily, lang="zh")
    assert "日省 · 2026-11-26 周四" in prompter.screen
    assert "回头看 look back" in prompter.screen
    assert prompter.questions[0].text == questions.get(questions.load("zh"), DAILY[0]).text


def test_an_answers_file_may_leave_questions_open(journal):
    prompter = Script(LATER, "wrong", *[LATER] * 12)
    outcome = daily(journal, prompter)
    assert (outcome.complete, outcome.done, outcome.stopped) == (False, 1, False)
    assert reviews.find(journal, reviews.Key(Cadence.DAILY, "2026-11-26")).completed_at is None


def test_monthly_ratings_with_notes_dated_on_the_months_last_day(journal):
    answers = [Rating(4, "kept every promise but one"), Rating(3, ""), None, Rating(5, "")]
    answers += ["text"] * (len(MONTHLY) - 4)
    prompter = Script(*answers)
    outcome = review.take(
        journal, prompter, review.sitting(BANK, Cadence.MONTHLY, "2026-02"), lang="en"
    )
    assert outcome.complete and [q for q, _ in prompter.asked] == MONTHLY
    key = reviews.Key(Cadence.MONTHLY, "2026-02")
    saved = {e.question_id: e for e in reviews.answers(journal, reviews.find(journal, key).id)}
    first = saved["monthly.back.commitment"]
    assert (first.rating, first.text, first.date) == (4, "kept every promise but one", "2026-02-28")
    assert (saved["monthly.back.conduct"].rating, saved["monthly.back.conduct"].text) == (3, "3")
    assert "monthly.back.image" not in saved
    assert saved["monthly.up.vertical"].cadence == Cadence.MONTHLY


def test_task_review_done_asks_effect_then_lesson_and_closes_the_task(journal):
    task = tasks.add(journal, "Budget draft", due="2026-11-20")
    prompter = Script(Choice("done", ""), "saved a day", "outline first")
    outcome = task_review(journal, prompter, task)
    assert prompter.asked == [
        ("task.back.state", "1/4"),  # the longest branch: progress or cause, and its checkpoint
        ("task.back.effect", "2/3"),
        ("task.ahead.lesson", "3/3"),
    ]
    assert outcome.complete
    after = tasks.get(journal, task.id)
    assert (after.state, after.is_open) == (TaskState.DONE, False)
    saved = entries.query(journal, task_id=task.id, newest_first=False)
    assert [(e.question_id, e.choice, e.text) for e in saved] == [
        ("task.back.state", "done", "done"),
        ("task.back.effect", None, "saved a day"),
        ("task.ahead.lesson", None, "outline first"),
    ]
    assert {e.cadence for e in saved} == {Cadence.TASK}


@pytest.mark.parametrize(
    ("state", "asked", "still_open"),
    [
        ("under_way", "task.back.progress", True),
        ("not_done", "task.back.cause", True),
        ("done_poorly", "task.back.responsibility", False),
    ],
)
def test_each_task_state_gets_its_own_question(journal, state, asked, still_open):
    task = tasks.add(journal, "Rota survey")
    prompter = Script(Choice(state, "note"), "why", "lesson")
    task_review(journal, prompter, task)
    assert prompter.asked[1][0] == asked
    assert tasks.get(journal, task.id).is_open is still_open
    assert tasks.get(journal, task.id).state == TaskState(state)


def test_an_interrupted_task_review_resumes_with_the_states_question(journal):
    task = tasks.add(journal, "Rota survey")
    task_review(journal, Script(Choice("not_done", "")), task)
    prompter = Script("no time", None, "plan earlier")
    outcome = task_review(journal, prompter, task)
    assert prompter.asked == [
        ("task.back.cause", "2/4"),
        ("task.ahead.retry", "3/4"),
        ("task.ahead.lesson", "4/4"),
    ]
    assert outcome.complete and tasks.get(journal, task.id).reviewed_at


def test_a_state_left_for_later_asks_no_states_question(journal):
    task = tasks.add(journal, "Rota survey")
    prompter = Script(LATER, "lesson")
    outcome = task_review(journal, prompter, task)
    assert prompter.asked == [("task.back.state", "1/4"), ("task.ahead.lesson", "2/2")]
    assert not outcome.complete and tasks.get(journal, task.id).state is None


def test_a_skipped_state_leads_straight_to_the_lesson(journal):
    task = tasks.add(journal, "Rota survey")
    prompter = Script(None, "lesson")
    outcome = task_review(journal, prompter, task)
    assert [q for q, _ in prompter.asked] == ["task.back.state", "task.ahead.lesson"]
    assert outcome.complete and tasks.get(journal, task.id).state is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("4", (4, "")),
        ("4 kept every promise but one", (4, "kept every promise but one")),
        ("4/5: fine", (4, "fine")),
        ("５，很好", (5, "很好")),
        ("1 - rough month", (1, "rough month")),
    ],
)
def test_ratings_accept_a_note_after_the_number(typed, expected):
    assert review.parse_rating(typed) == expected


@pytest.mark.parametrize("typed", ["0", "6", "45", "4.5", "four", "4kept", "", "-3"])
def test_ratings_outside_1_to_5_are_refused(typed):
    with pytest.raises(ValueError, match="not a rating"):
        review.parse_rating(typed)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1", ("done", "")),
        ("done", ("done", "")),
        ("done poorly: the data was late", ("done_poorly", "the data was late")),
        ("under way", ("under_way", "")),
        ("not_done no time", ("not_done", "no time")),
        ("进行中，还差一半", ("under_way", "还差一半")),
        ("4", ("done_poorly", "")),
    ],
)
def test_choices_by_number_value_or_label_in_either_language(typed, expected):
    state = questions.get(BANK, questions.STATE_ID)
    assert review.parse_choice(typed, state) == expected


@pytest.mark.parametrize("typed", ["5", "12", "doneness", "maybe"])
def test_unknown_choices_are_refused(typed):
    with pytest.raises(ValueError, match="not one of the choices"):
        review.parse_choice(typed, questions.get(BANK, questions.STATE_ID))
