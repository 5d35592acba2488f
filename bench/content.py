"""Journals for the benchmark: years of daily reviews, monthly audits and tasks, in English
and Chinese, generated deterministically and written once as a fourlooks journal and once
as a jrnl text file holding the same entries.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# The last day of every generated journal; FOURLOOKS_NOW is set to its evening.
END = dt.date(2026, 11, 26)
NOW = "2026-11-26T21:00:00"

# Search terms the benchmark looks for: both occur in a few percent of entries.
ENGLISH_WORD = "outline"
CHINESE_PHRASE = "反思"

EN = [
    "Shipped the quarterly report; drafting the outline first saved a day.",
    "The meeting ran long because nobody owned the agenda.",
    "Asked Li how the new rota works for her: Mondays start too early.",
    "Compared with last month I answer email faster but write less carefully.",
    "The client wants weekly updates instead of a monthly summary.",
    "I promised the budget draft by Friday and delivered it on Thursday.",
    "Wang reviews code twice as fast as I do; I should ask how.",
    "Skipped the gym again; the evening plan was too ambitious.",
    "The new intern asked good questions about the data model.",
    "I interrupted people in the design review; listen first next time.",
    "Finished the chapter on estimation and tried it on the migration plan.",
    "The release slipped a week: the test environment was not ready.",
    "Called my parents; they want us to visit at the spring festival.",
    "Our team's on-call load is uneven; propose a fairer rotation.",
    "Wrote the outline of the talk before the slides, which helped.",
    "The customer survey says onboarding takes too long.",
    "Tomorrow: finish the budget review, call the supplier, read two papers.",
    "I was defensive when the manager questioned the schedule.",
    "A quiet day of deep work; the refactoring is half done.",
    "Paired with Zhang on the flaky test; it was a race in the cache.",
]
ZH = [
    "今天把季度报告交了，先写提纲节省了一天。",
    "会议拖得太长，因为没有人负责议程。",
    "问了小李新排班的感受：周一开始得太早。",
    "和上个月比，我回复邮件更快了，但写得不够仔细。",
    "客户希望每周更新一次，而不是每月总结。",
    "答应周五交预算初稿，周四就完成了。",
    "老王审代码比我快一倍，我应该向他请教方法。",
    "经常性反思让我看清了自己拖延的原因。",
    "晚上的计划太满，又没去健身房。",
    "新来的实习生对数据模型提了很好的问题。",
    "设计评审时我打断了别人，下次要先听完。",
    "读完了估算那一章，并用在迁移计划上。",
    "测试环境没准备好，发布推迟了一周。",
    "给父母打了电话，他们希望春节我们回去。",
    "团队值班负担不均，提议更公平的轮换。",
    "每天的反思不必长，但一定要诚实。",
    "明天：完成预算审核，给供应商打电话，读两篇论文。",
    "经理质疑进度时，我有点防御心理。",
    "安静的一天，重构完成了一半。",
    "和小张一起查那个不稳定的测试，原来是缓存的竞态。",
]
TAGS = [
    "work",
    "team",
    "family",
    "health",
    "reading",
    "client",
    "plan",
    "budget",
    "design",
    "release",
    "people",
    "learning",
    "writing",
    "meeting",
    "工作",
    "家",
    "学习",
    "读书",
    "健康",
    "团队",
    "计划",
    "客户",
]
DAILY = [
    ("daily.back.went_well", "back"),
    ("daily.back.went_wrong", "back"),
    ("daily.back.lesson", "back"),
    ("daily.up.progress", "up"),
    ("daily.up.needs", "up"),
    ("daily.up.peers", "up"),
    ("daily.down.listened", "down"),
    ("daily.down.decisions", "down"),
    ("daily.down.facts", "down"),
    ("daily.ahead.goal", "ahead"),
]
COMMITMENTS = "daily.ahead.commitments"
FOLLOWUP = "daily.back.followup"
MONTHLY_RATINGS = [
    "monthly.back.commitment",
    "monthly.back.conduct",
    "monthly.back.image",
    "monthly.back.performance",
]
MONTHLY_TEXT = [
    ("monthly.back.faults", "back"),
    ("monthly.up.vertical", "up"),
    ("monthly.up.horizontal", "up"),
    ("monthly.down.made", "down"),
    ("monthly.ahead.goal", "ahead"),
]
TASK_STATES = ["done", "under_way", "not_done", "done_poorly"]
TASK_QUESTION = {
    "done": "task.back.effect",
    "under_way": "task.back.progress",
    "not_done": "task.back.cause",
    "done_poorly": "task.back.responsibility",
}


@dataclass
class Content:
    """Everything one journal holds, in the order it can be inserted (parents first)."""

    tasks: list[tuple] = field(default_factory=list)
    reviews: list[tuple] = field(default_factory=list)
    skips: list[tuple] = field(default_factory=list)
    entries: list[dict] = field(default_factory=list)


class _Writer:
    def __init__(self, size: int, seed: int):
        self.size = size
        self.rng = random.Random(seed)
        self.out = Content()

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def text(self) -> str:
        """One to four sentences; a third in Chinese, a third in English, a third mixed."""
        kind = self.rng.random()
        pool = ZH if kind < 0.34 else EN if kind < 0.67 else EN + ZH
        sentences = self.rng.sample(pool, self.rng.randint(1, 4))
        if self.rng.random() < 0.15:
            return sentences[0] + "\n" + " ".join(sentences[1:] or sentences)
        return " ".join(sentences)

    def tags(self) -> list[str]:
        return sorted(set(self.rng.sample(TAGS, self.rng.choice([0, 0, 1, 1, 2, 3]))))

    def stamp(self, day: dt.date, minute: int) -> str:
        moment = dt.datetime.combine(day, dt.time(19, 0)) + dt.timedelta(
            minutes=minute, microseconds=self.rng.randrange(1_000_000)
        )
        return moment.isoformat(timespec="microseconds") + "+00:00"

    def entry(self, day: dt.date, look: str, minute: int, **more) -> dict:
        stamp = self.stamp(day, minute)
        row = {
            "id": self.uid(),
            "date": day.isoformat(),
            "look": look,
            "text": more.pop("text", None) or self.text(),
            "tags": self.tags(),
            "cadence": None,
            "question_id": None,
            "review_id": None,
            "task_id": None,
            "rating": None,
            "choice": None,
            "commitment_id": None,
            "created_at": stamp,
            "updated_at": stamp,
        }
        row.update(more)
        self.out.entries.append(row)
        return row

    def build(self) -> Content:
        """Days up to END, from far enough back; then only the newest `size` entries kept."""
        days = self.size // 11 + 30
        start = END - dt.timedelta(days=days - 1)
        open_tasks: list[tuple[str, dt.date]] = []
        previous_commitments: list[dict] = []
        for offset in range(days):
            day = start + dt.timedelta(days=offset)
            previous_commitments = self.day(day, previous_commitments)
            if day.day == 1 or offset == 0:
                open_tasks.append(self.new_task(day))
            open_tasks = self.task_reviews(day, open_tasks)
            if (day + dt.timedelta(days=1)).month != day.month:
                self.monthly(day)
        self.out.entries.sort(key=lambda row: (row["date"], row["created_at"]))
        del self.out.entries[: -self.size]
        first = self.out.entries[0]["date"]
        kept = {entry["id"] for entry in self.out.entries}
        for entry in self.out.entries:  # a follow-up may point before the cut
            if entry["commitment_id"] not in kept:
                entry["commitment_id"] = None
        dropped = {r[0] for r in self.out.reviews if r[1] == "daily" and r[2] < first}
        self.out.reviews = [r for r in self.out.reviews if r[0] not in dropped]
        self.out.skips = [s for s in self.out.skips if s[0] not in dropped]
        return self.out

    def day(self, day: dt.date, previous: list[dict]) -> list[dict]:
        review = self.uid()
        skipped = self.rng.sample(DAILY, self.rng.randint(0, 3))
        stamp = self.stamp(day, 0)
        self.out.reviews.append((review, "daily", day.isoformat(), None, stamp, stamp))
        self.out.skips.extend((review, question) for question, _ in skipped)
        minute = 1
        for commitment in previous:
            choice = self.rng.choice(["done", "done", "partly", "not_done"])
            self.entry(
                day,
                "back",
                minute,
                cadence="daily",
                question_id=FOLLOWUP,
                review_id=review,
                commitment_id=commitment["id"],
                choice=choice,
                text=choice,
                tags=[],
            )
            minute += 1
        for question, look in DAILY:
            if (question, look) not in skipped:
                self.entry(
                    day, look, minute, cadence="daily", question_id=question, review_id=review
                )
                minute += 1
        commitments = [
            self.entry(
                day,
                "ahead",
                minute + n,
                cadence="daily",
                question_id=COMMITMENTS,
                review_id=review,
                text=self.rng.choice(EN[16:17] + ZH[16:17] + EN),
            )
            for n in range(self.rng.randint(1, 2))
        ]
        for n in range(self.rng.choice([0, 0, 1, 2])):  # free entries outside the review
            self.entry(day, self.rng.choice(["back", "up", "down", "ahead"]), 40 + n)
        return commitments

    def new_task(self, day: dt.date) -> tuple[str, dt.date]:
        task_id = self.uid()
        due = day + dt.timedelta(days=self.rng.randint(5, 40))
        title = self.rng.choice(EN + ZH)[:60]
        stamp = self.stamp(day, 0)
        self.out.tasks.append([task_id, title, due.isoformat(), None, None, None, stamp, stamp])
        return task_id, due

    def task_reviews(self, day: dt.date, open_tasks: list) -> list:
        still_open = []
        for task_id, due in open_tasks:
            if day != due:
                still_open.append((task_id, due))
                continue
            state = self.rng.choice(TASK_STATES)
            review = self.uid()
            stamp = self.stamp(day, 50)
            self.out.reviews.append((review, "task", day.isoformat(), task_id, stamp, stamp))
            self.entry(
                day,
                "back",
                50,
                cadence="task",
                question_id="task.back.state",
                review_id=review,
                task_id=task_id,
                choice=state,
                text=state,
                tags=[],
            )
            self.entry(
                day,
                "back",
                51,
                cadence="task",
                question_id=TASK_QUESTION[state],
                review_id=review,
                task_id=task_id,
            )
            self.entry(
                day,
                "ahead",
                52,
                cadence="task",
                question_id="task.ahead.lesson",
                review_id=review,
                task_id=task_id,
            )
            task = next(t for t in self.out.tasks if t[0] == task_id)
            task[3], task[5], task[7] = state, stamp, stamp
            if state in ("done", "done_poorly"):
                task[4] = stamp
            else:
                still_open.append((task_id, due + dt.timedelta(days=14)))
        return still_open

    def monthly(self, day: dt.date) -> None:
        review = self.uid()
        stamp = self.stamp(day, 55)
        self.out.reviews.append((review, "monthly", day.strftime("%Y-%m"), None, stamp, stamp))
        for n, question in enumerate(MONTHLY_RATINGS):
            rating = self.rng.randint(2, 5)
            note = self.rng.choice([str(rating), f"{rating} {self.text()}"])
            self.entry(
                day,
                "back",
                56 + n,
                cadence="monthly",
                question_id=question,
                review_id=review,
                rating=rating,
                text=note,
                tags=[],
            )
        for n, (question, look) in enumerate(MONTHLY_TEXT):
            self.entry(day, look, 60 + n, cadence="monthly", question_id=question, review_id=review)


def generate(size: int, seed: int = 20261126) -> Content:
    return _Writer(size, seed).build()


def write_fourlooks(content: Content, path: Path) -> None:
    """Through the store API, in one transaction: the journal a user of that size would have."""
    from fourlooks import store
    from fourlooks.model import Cadence, Entry, Look
    from fourlooks.store import entries

    with store.open_journal(path) as journal, journal.write() as conn:
        conn.executemany(
            "INSERT INTO tasks (id, title, due, state, closed_at, reviewed_at, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [tuple(task) for task in content.tasks],
        )
        conn.executemany(
            "INSERT INTO reviews (id, cadence, period, task_id, started_at, completed_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            content.reviews,
        )
        conn.executemany(
            "INSERT INTO review_skips (review_id, question_id) VALUES (?, ?)", content.skips
        )
        for row in content.entries:
            entries.insert(
                journal,
                Entry(
                    **{
                        **row,
                        "look": Look(row["look"]),
                        "cadence": Cadence(row["cadence"]) if row["cadence"] else None,
                        "tags": tuple(row["tags"]),
                    }
                ),
            )


def jrnl_lines(content: Content) -> Iterator[str]:
    """The same entries in jrnl's text format: `[YYYY-MM-DD HH:MM:SS AM] title body @tags`."""
    for row in sorted(content.entries, key=lambda r: (r["date"], r["created_at"])):
        moment = dt.datetime.fromisoformat(row["created_at"][:26])
        stamp = f"{row['date']} {moment:%I:%M:%S %p}"
        tags = "".join(f" @{tag}" for tag in row["tags"])
        first, _, rest = row["text"].partition("\n")
        yield f"[{stamp}] {first}{tags}\n" + (f"{rest}\n" if rest else "") + "\n"


def write_jrnl(content: Content, journal: Path, config: Path) -> None:
    with journal.open("w", encoding="utf-8") as out:
        out.writelines(jrnl_lines(content))
    # Complete, so that jrnl neither asks questions nor rewrites it (see FACTS).
    config.write_text(
        "version: '4.6'\n"
        "journals:\n"
        "  default:\n"
        f"    journal: {journal}\n"
        "editor: ''\n"
        "encrypt: false\n"
        "template: false\n"
        "default_hour: 9\n"
        "default_minute: 0\n"
        "timeformat: '%F %r'\n"
        "tagsymbols: '#@'\n"
        "highlight: true\n"
        "linewrap: 79\n"
        "indent_character: '|'\n"
        "colors:\n"
        "  body: none\n"
        "  date: none\n"
        "  tags: none\n"
        "  title: none\n",
        encoding="utf-8",
    )
