"""Which quote a visitor rated: the passage id sent with a rating, kept beside the feedback.

A table of its own (not a column of `feedback`), so it works with whichever storage the app uses.
"""

from __future__ import annotations

from web.edits import SharedTable
from web.storage import utc_now

SCHEMA = """CREATE TABLE IF NOT EXISTS rated_quotes (
    reply_id TEXT NOT NULL,
    passage TEXT NOT NULL,
    created_at TEXT NOT NULL
)"""


class RatedQuotes(SharedTable):
    """reply id → the passage ("slug#anchor") of the quote the visitor rated."""

    schema = SCHEMA

    def add(self, reply_id: str, passage: str) -> None:
        self._run(
            "INSERT INTO rated_quotes (reply_id, passage, created_at) VALUES (?, ?, ?)", (reply_id, passage, utc_now())
        )

    def lookup(self, reply_ids: list[str]) -> dict[str, str]:
        """The rated passage of each of these replies that has one."""
        if not reply_ids:
            return {}
        marks = ", ".join("?" for _ in reply_ids)
        rows = self._run(f"SELECT reply_id, passage FROM rated_quotes WHERE reply_id IN ({marks})", tuple(reply_ids))
        return dict(rows)
