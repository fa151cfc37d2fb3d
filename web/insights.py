"""What the staff console shows beyond single records: unanswered questions grouped with their
closest passages, 30 days of reply kinds and ratings, and what changed between evaluation runs.

Counts and runs are tables of their own (plain SQL for SQLite and PostgreSQL); reply counts hold
a day, a kind and a number, never any text of the question.
"""

from __future__ import annotations

import atexit
import json
import logging
import threading
import time
import weakref
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

from assistant import Assistant
from assistant.text import STOPWORDS, stem, words
from web.citations import article_url
from web.edits import SharedTable
from web.storage import StorageUnavailable, utc_now

log = logging.getLogger(__name__)

TREND_DAYS = 30
# Reply counts are written at most this often per process; the charts are per day, so a few
# seconds of delay cost nothing.
FLUSH_SECONDS = 5.0
MAX_GROUPS = 50
CLOSEST_PASSAGES = 3
# Two unanswered questions sharing this share of their word stems are one group; chosen so that
# "is it legal in texas" and "is ketamine legal in texas?" group while different topics do not.
SAME_QUESTION = 0.5

COUNTS_SCHEMA = """CREATE TABLE IF NOT EXISTS reply_counts (
    day TEXT NOT NULL,
    kind TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, kind)
)"""
RUNS_SCHEMA = """CREATE TABLE IF NOT EXISTS eval_runs (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    outcomes TEXT NOT NULL
)"""


_UNFLUSHED: weakref.WeakSet[ReplyCounts] = weakref.WeakSet()


@atexit.register
def _flush_all() -> None:
    for counts in list(_UNFLUSHED):
        if counts._pending:
            counts._flush_quietly()


class ReplyCounts(SharedTable):
    """How many replies of each kind were given each day (UTC).

    Counted in memory and written at most every FLUSH_SECONDS, in a background thread: a write per
    reply measured 20 ms here (a transaction's commit), twenty times the cost of the reply itself.
    """

    schema = COUNTS_SCHEMA

    def __init__(self, storage: Any) -> None:
        super().__init__(storage)
        self._pending: Counter[tuple[str, str]] = Counter()
        self._lock = threading.Lock()
        self._flushed = time.monotonic()
        self._flushing = False
        _UNFLUSHED.add(self)  # counts of the last seconds are written when the process stops

    def count(self, kind: str) -> None:
        """Count one reply; never waits for the database."""
        with self._lock:
            self._pending[(utc_now()[:10], kind)] += 1
            due = not self._flushing and time.monotonic() - self._flushed >= FLUSH_SECONDS
            if due:
                self._flushing, self._flushed = True, time.monotonic()
        if due:
            threading.Thread(target=self._flush_quietly, name="reply-counts", daemon=True).start()

    def flush(self) -> None:
        """Write the pending counts; on failure they stay pending for the next flush."""
        with self._lock:
            pending, self._pending = self._pending, Counter()
        try:
            for (day, kind), n in sorted(pending.items()):
                # INSERT … ON CONFLICT … DO UPDATE is the same in SQLite (3.24+) and PostgreSQL (9.5+).
                self._run(
                    "INSERT INTO reply_counts (day, kind, count) VALUES (?, ?, ?) "
                    "ON CONFLICT (day, kind) DO UPDATE SET count = reply_counts.count + excluded.count",
                    (day, kind, n),
                )
                pending.pop((day, kind))
        finally:
            with self._lock:
                self._pending.update(pending)  # whatever was not written

    def _flush_quietly(self) -> None:
        try:
            self.flush()
        except StorageUnavailable as error:
            log.warning("could not write reply counts (kept for the next try): %s", error)
        finally:
            self._flushing = False

    def since(self, day: str) -> list[tuple[str, str, int]]:
        """Counts per day and kind from `day` on, this process's pending ones included."""
        self.flush()
        rows = self._run("SELECT day, kind, count FROM reply_counts WHERE day >= ?", (day,))
        return [(d, k, int(n)) for d, k, n in rows]


class FeedbackDays(SharedTable):
    """Ratings per day, read from the storage's feedback table (nothing is created here)."""

    schema = "SELECT 1"

    def since(self, day: str) -> list[tuple[str, str, int]]:
        rows = self._run(
            "SELECT substr(created_at, 1, 10) AS day, rating, COUNT(*) FROM feedback "
            "WHERE created_at >= ? GROUP BY substr(created_at, 1, 10), rating",
            (day,),
        )
        return [(d, r, int(n)) for d, r, n in rows]


class EvalRuns(SharedTable):
    """Each evaluation run's outcome per question, to tell what changed since the previous run."""

    schema = RUNS_SCHEMA

    def latest(self) -> dict[str, Any] | None:
        rows = self._run("SELECT created_at, outcomes FROM eval_runs ORDER BY created_at DESC, id DESC LIMIT 1")
        return {"created_at": rows[0][0], "outcomes": json.loads(rows[0][1])} if rows else None

    def add(self, outcomes: dict[str, dict]) -> None:
        stamp = datetime.now(UTC).isoformat(timespec="microseconds")
        self._run(
            "INSERT INTO eval_runs (id, created_at, outcomes) VALUES (?, ?, ?)",
            (stamp, stamp, json.dumps(outcomes, ensure_ascii=False)),
        )


def trends(counts: list[tuple[str, str, int]], ratings: list[tuple[str, str, int]], today: date) -> list[dict]:
    """One row per day of the last TREND_DAYS days, oldest first, with zeros on quiet days."""
    days = [(today - timedelta(days=n)).isoformat() for n in range(TREND_DAYS - 1, -1, -1)]
    table: dict[str, dict[str, int]] = {
        d: {"answer": 0, "no_answer": 0, "crisis": 0, "chitchat": 0, "up": 0, "down": 0} for d in days
    }
    for day, key, n in [*counts, *ratings]:
        if day in table and key in table[day]:
            table[day][key] += n
    return [{"day": d, **table[d]} for d in days]


def outcome_changes(previous: dict[str, dict] | None, results: list[dict]) -> list[dict]:
    """Questions whose pass/fail (or reply kind) differs from the previous run."""
    if not previous:
        return []
    changes = []
    for r in results:
        before = previous.get(r["question"])
        if before and (before["passed"] != r["passed"] or before["got"] != r["got"]):
            changes.append(
                {"question": r["question"], "before": before["got"], "after": r["got"], "passed": r["passed"]}
            )
    return changes


def _stems(question: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(question) if w not in STOPWORDS)


def group_gaps(rows: list[dict], assistant: Assistant) -> list[dict]:
    """Near-duplicate unanswered questions together, most asked first, each with its closest passages."""
    groups: list[dict] = []
    for row in rows:
        key = _stems(row["question"])
        for group in groups:
            union = key | group["_key"]
            if union and len(key & group["_key"]) / len(union) >= SAME_QUESTION:
                break
        else:
            group = {"_key": key, "questions": [], "count": 0, "last_asked": row["last_asked"]}
            groups.append(group)
        group["questions"].append({"question": row["question"], "count": row["count"]})
        group["count"] += row["count"]
        group["last_asked"] = max(group["last_asked"], row["last_asked"])
    groups.sort(key=lambda g: g["last_asked"], reverse=True)
    groups.sort(key=lambda g: g["count"], reverse=True)  # stable: most asked first, then most recent
    out = []
    for group in groups[:MAX_GROUPS]:
        group.pop("_key")
        group["questions"].sort(key=lambda q: -q["count"])
        candidates = assistant.explain(group["questions"][0]["question"]).get("candidates", [])
        group["closest"] = [
            {
                "passage": c["passage"]["id"],
                "section": _label(c["passage"]),
                "text": c["passage"]["text"],
                "url": article_url(c["passage"]["article_slug"], c["passage"]["anchor"]),
                "coverage": c.get("coverage", 0.0),
            }
            for c in candidates[:CLOSEST_PASSAGES]
        ]
        group["unknown_words"] = _unknown_words(group["questions"][0]["question"], assistant)
        out.append(group)
    return out


def _label(passage: dict) -> str:
    number = passage.get("section_number")
    return passage["section_title"] if number is None else f"§{number} {passage['section_title']}"


def _unknown_words(question: str, assistant: Assistant) -> list[str]:
    """Words of the question no article uses: candidates for the left side of a synonym rule."""
    unknown = [w for w in dict.fromkeys(words(question)) if w not in STOPWORDS and not assistant.index.known(stem(w))]
    return unknown[:5]


def today_utc() -> date:
    return datetime.now(UTC).date()


def first_day(today: date) -> str:
    return (today - timedelta(days=TREND_DAYS - 1)).isoformat()
