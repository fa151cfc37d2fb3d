"""SQLite storage for visitor feedback and unanswered questions ("gaps").

One short connection per operation keeps it safe across threads and gunicorn workers; WAL and a
busy timeout let concurrent writers wait instead of failing. No IP address or user agent is stored.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    reply_id TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS gaps (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    question TEXT NOT NULL,
    normalized TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS gaps_created ON gaps (created_at);
CREATE INDEX IF NOT EXISTS feedback_created ON feedback (created_at);
"""
TABLES = ("feedback", "gaps")
# Writers wait this long for a lock; far above the few milliseconds one insert takes.
BUSY_TIMEOUT_MS = 5000


class StorageUnavailable(RuntimeError):
    """The database cannot be opened or written; callers degrade instead of crashing."""


def utc_now() -> str:
    """Current time as ISO 8601 UTC with seconds, which sorts as text."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def normalize_question(question: str) -> str:
    """Fold case, spacing and trailing punctuation so repeats of one question count together."""
    return re.sub(r"\s+", " ", question).strip().rstrip("?!. ").casefold()


class Storage:
    """Feedback and gap records in one SQLite file, created on first use."""

    def __init__(self, db_path: str | Path) -> None:
        self.db_path = Path(db_path)
        self._ready = False
        self._lock = threading.Lock()

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """Yield a connection inside a transaction; any SQLite or file error is StorageUnavailable."""
        try:
            with closing(self._open()) as conn, conn:
                yield conn
        except (sqlite3.Error, OSError) as error:
            self._ready = False  # the file may have been replaced: create the schema again next time
            raise StorageUnavailable(f"{self.db_path}: {error}") from error

    def _open(self) -> sqlite3.Connection:
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.db_path, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.row_factory = sqlite3.Row
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # In WAL mode NORMAL syncs at checkpoints, not at every commit: a committed row survives
            # a crash of the app, and only a power cut can lose the last moments of log.
            conn.execute("PRAGMA synchronous = NORMAL")
            if not self._ready:
                with self._lock:
                    conn.execute("PRAGMA journal_mode = WAL")
                    conn.executescript(SCHEMA)
                    self._ready = True
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def check(self) -> bool:
        """Try to open the database now; log instead of raising so start-up never fails on it."""
        try:
            with self.connect():
                return True
        except StorageUnavailable as error:
            log.warning("feedback storage unavailable: %s", error)
            return False

    def add_feedback(self, reply_id: str, rating: str, comment: str = "", question: str = "", kind: str = "") -> None:
        """Store one rating of a reply."""
        with self.connect() as conn:
            conn.execute(
                "INSERT INTO feedback (created_at, reply_id, rating, comment, question, kind) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (utc_now(), reply_id, rating, comment, question, kind),
            )

    def add_gap(self, question: str) -> None:
        """Record a question the assistant could not answer."""
        with self.connect() as conn:
            conn.execute(
                "INSERT INTO gaps (created_at, question, normalized) VALUES (?, ?, ?)",
                (utc_now(), question, normalize_question(question)),
            )

    def list_feedback(self, limit: int = 200) -> list[dict]:
        """Newest feedback first."""
        with self.connect() as conn:
            rows = conn.execute(
                "SELECT created_at, reply_id, rating, comment, question, kind FROM feedback "
                "ORDER BY created_at DESC, id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [dict(row) for row in rows]

    def gap_report(self, limit: int = 500) -> list[dict]:
        """One row per distinct normalised question: how often and when last asked, newest first."""
        with self.connect() as conn:
            rows = conn.execute(
                "SELECT normalized AS question, COUNT(*) AS count, MIN(created_at) AS first_asked, "
                "MAX(created_at) AS last_asked FROM gaps GROUP BY normalized "
                "ORDER BY last_asked DESC, MAX(id) DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [dict(row) for row in rows]


def purge_older_than(db_path: str | Path, days: int) -> int:
    """Delete feedback and gaps recorded more than `days` days ago; return how many rows went."""
    if days < 0:
        raise ValueError(f"days must be 0 or more, got {days}")
    cutoff = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
    with Storage(db_path).connect() as conn:
        return sum(conn.execute(f"DELETE FROM {table} WHERE created_at < ?", (cutoff,)).rowcount for table in TABLES)


def purge_cli(days: int, db_path: str | Path | None = None) -> int:
    """CLI glue for `assistant purge --days N`: print what was deleted and return an exit status."""
    from web.config import env_setting

    path = db_path or env_setting("ASSISTANT_DB")
    try:
        deleted = purge_older_than(path, days)
    except (ValueError, StorageUnavailable) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Deleted {deleted} record(s) older than {days} day(s) from {path}.")
    return 0
