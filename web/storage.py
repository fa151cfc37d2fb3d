"""Visitor feedback and unanswered questions ("gaps"), in SQLite or PostgreSQL (`web/database.py`).

No IP address or user agent is stored. Tables come from `web/schema.py`, created or migrated
when the storage is first used.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
import weakref
from datetime import UTC, datetime, timedelta
from pathlib import Path

from assistant.text import normalize
from web.database import Database, StorageUnavailable, open_database
from web.schema import MIGRATIONS, PURGED_TABLES

__all__ = ["Storage", "StorageUnavailable", "FeedbackCapReached", "normalize_question", "purge_older_than"]
log = logging.getLogger(__name__)


# Unanswered questions are written in batches by a background thread, one transaction for the gaps
# of each GAP_FLUSH_SECONDS: with 2 workers x 4 threads, one commit per declined question contended
# for SQLite's write lock and cost more than the answer itself (README, Performance). Reads of the
# gaps write what is pending first, and whatever is pending when the process stops is written then.
GAP_FLUSH_SECONDS = 1.0
# Pending rows kept while the database is unreachable; past this the oldest are dropped, logged.
MAX_PENDING_GAPS = 10_000
_STORES: weakref.WeakSet[Storage] = weakref.WeakSet()


@atexit.register
def _flush_all_gaps() -> None:
    for storage in list(_STORES):
        storage.flush_gaps()


class FeedbackCapReached(RuntimeError):
    """The store already took its daily share of feedback; the visitor may try tomorrow."""


def utc_now() -> str:
    """Current time as ISO 8601 UTC with seconds, which sorts as text."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def normalize_question(question: str) -> str:
    """Fold case, spacing and trailing punctuation so repeats of one question count together."""
    return normalize(question).rstrip("?!. ")  # the engine's normaliser: NFKC, straight quotes, casefolded


class Storage:
    """Feedback and gap records in one database, its schema made or migrated on first use."""

    def __init__(self, url: str | Path, database: Database | None = None) -> None:
        self.db = database or open_database(str(url))
        self.url = str(url)
        self._ready = False
        self._lock = threading.Lock()
        self._pending_gaps: list[tuple[str, str, str]] = []
        self._gap_lock = threading.Lock()
        self._gap_flushing = False  # a writer thread is gathering or writing the pending gaps
        _STORES.add(self)

    def _ensure_schema(self) -> None:
        if not self._ready:
            with self._lock:
                if not self._ready:
                    self.schema_version = self.db.migrate(MIGRATIONS)
                    self._ready = True

    def transaction(self):
        """A transaction on the app's database, its schema made first; tables of other modules use it too."""
        self._ensure_schema()
        return self.db.transaction()

    def check(self) -> bool:
        """Create or migrate the schema now; log instead of raising so start-up never fails on it.

        PostgreSQL migrates on a connection of its own, so no pool is opened before gunicorn forks.
        """
        try:
            self._ensure_schema()
            return True
        except StorageUnavailable as error:
            self._ready = False  # the file may be repaired later: migrate again on next use
            log.warning("feedback storage unavailable: %s", error)
            return False

    def _write(self, sql: str, params: tuple) -> int:
        try:
            with self.transaction() as conn:
                return conn.execute(sql, params).rowcount
        except StorageUnavailable:
            self._ready = False
            raise

    def add_feedback(
        self,
        reply_id: str,
        rating: str,
        comment: str = "",
        question: str = "",
        kind: str = "",
        idempotency_key: str | None = None,
        daily_cap: int | None = None,
    ) -> bool:
        """Store one rating of a reply; False when this key was already stored (a retried post)."""
        try:
            with self.transaction() as conn:
                if daily_cap is not None:
                    today = datetime.now(UTC).strftime("%Y-%m-%d")
                    count = conn.rows("SELECT COUNT(*) AS n FROM feedback WHERE created_at >= ?", (today,))[0]["n"]
                    if count >= daily_cap:
                        raise FeedbackCapReached(f"the feedback store took its {daily_cap} rows for today")
                inserted = conn.execute(
                    "INSERT INTO feedback (created_at, reply_id, rating, comment, question, kind, idempotency_key) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING",
                    (utc_now(), reply_id, rating, comment, question, kind, idempotency_key),
                ).rowcount
        except StorageUnavailable:
            self._ready = False
            raise
        return inserted == 1

    def add_gap(self, question: str) -> None:
        """Record a question the assistant could not answer; never waits for the database."""
        with self._gap_lock:
            self._pending_gaps.append((utc_now(), question, normalize_question(question)))
            due = not self._gap_flushing
            if due:
                self._gap_flushing = True
        if due:
            threading.Thread(target=self._flush_gaps_soon, name="gap-log", daemon=True).start()

    def flush_gaps(self) -> bool:
        """Write the pending gaps in one transaction; on failure they stay pending (bounded) and
        the result is False."""
        with self._gap_lock:
            pending, self._pending_gaps = self._pending_gaps, []
        if not pending:
            return True
        try:
            with self.transaction() as conn:
                for row in pending:
                    conn.execute("INSERT INTO gaps (created_at, question, normalized) VALUES (?, ?, ?)", row)
        except StorageUnavailable as error:
            self._ready = False
            with self._gap_lock:
                kept = (pending + self._pending_gaps)[-MAX_PENDING_GAPS:]
                dropped = len(pending) + len(self._pending_gaps) - len(kept)
                self._pending_gaps = kept
            log.warning("could not log %d unanswered question(s), kept for later: %s", len(kept), error)
            if dropped:
                log.warning("dropped the %d oldest unanswered question(s) kept while the database was down", dropped)
            return False
        return True

    def _flush_gaps_soon(self) -> None:
        """Flush a second later, and again while gaps arrived during a flush: add_gap saw this
        thread still running and started none, so they would wait for the next gap."""
        try:
            while True:
                time.sleep(GAP_FLUSH_SECONDS)  # gather the gaps of the next second into the same transaction
                if not self.flush_gaps():
                    return  # the database is down: the gaps kept are retried with the next one
                with self._gap_lock:
                    if not self._pending_gaps:
                        self._gap_flushing = False
                        return
        finally:
            with self._gap_lock:
                self._gap_flushing = False

    def list_feedback(self, limit: int = 200) -> list[dict]:
        """Newest feedback first."""
        with self.transaction() as conn:
            return conn.rows(
                "SELECT created_at, reply_id, rating, comment, question, kind FROM feedback "
                "ORDER BY created_at DESC, id DESC LIMIT ?",
                (limit,),
            )

    def gap_report(self, limit: int = 500) -> list[dict]:
        """One row per distinct normalised question: how often and when last asked, newest first."""
        self.flush_gaps()
        with self.transaction() as conn:
            return conn.rows(
                "SELECT normalized AS question, COUNT(*) AS count, MIN(created_at) AS first_asked, "
                "MAX(created_at) AS last_asked FROM gaps GROUP BY normalized "
                "ORDER BY last_asked DESC, MAX(id) DESC LIMIT ?",
                (limit,),
            )

    def purge(self, days: int) -> int:
        """Delete feedback and gaps older than `days` days, then vacuum; return how many rows went."""
        if days < 0:
            raise ValueError(f"days must be 0 or more, got {days}")
        try:
            cutoff = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
        except OverflowError:  # a cutoff before the year 1: nothing was recorded that long ago
            return 0
        self.flush_gaps()
        with self.transaction() as conn:
            deleted = sum(
                conn.execute(f"DELETE FROM {table} WHERE created_at < ?", (cutoff,)).rowcount for table in PURGED_TABLES
            )
        if deleted:
            self.db.vacuum()  # deleted text must not stay readable in the database files
        return deleted

    def close(self) -> None:
        self.flush_gaps()
        self.db.close()


def purge_older_than(url: str | Path, days: int) -> int:
    """Delete feedback and gaps recorded more than `days` days ago; return how many rows went."""
    if days < 0:
        raise ValueError(f"days must be 0 or more, got {days}")
    storage = Storage(url)
    try:
        return storage.purge(days)
    finally:
        storage.close()
