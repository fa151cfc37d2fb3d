"""Every table the app keeps, as numbered migrations applied in order at start-up.

To add a table (or a column), append a `Migration` with the next version number to `MIGRATIONS`
(or define it in the module that owns the table and add it to the list here). Never edit a
migration that has shipped: databases already at that version will not run it again. Write SQL
that both SQLite and PostgreSQL accept; `{id}` is the auto-increment primary key column type.
"""

from __future__ import annotations

from web.database import Migration

FEEDBACK_AND_GAPS = Migration(
    1,
    "feedback and gaps",
    (
        # IF NOT EXISTS: files made before schema versions existed already hold these tables.
        """CREATE TABLE IF NOT EXISTS feedback (
            id {id},
            created_at TEXT NOT NULL,
            reply_id TEXT NOT NULL,
            rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
            comment TEXT NOT NULL DEFAULT '',
            question TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE IF NOT EXISTS gaps (
            id {id},
            created_at TEXT NOT NULL,
            question TEXT NOT NULL,
            normalized TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS gaps_created ON gaps (created_at)",
        "CREATE INDEX IF NOT EXISTS feedback_created ON feedback (created_at)",
    ),
)

FEEDBACK_ONCE_PER_REPLY = Migration(
    2,
    "feedback once per reply and rating",
    (
        # The reply's signed nonce and the rating: a retried post finds its row instead of adding one.
        "ALTER TABLE feedback ADD COLUMN idempotency_key TEXT",
        "CREATE UNIQUE INDEX IF NOT EXISTS feedback_once ON feedback (idempotency_key)",
    ),
)

MIGRATIONS: list[Migration] = [FEEDBACK_AND_GAPS, FEEDBACK_ONCE_PER_REPLY]
# Tables the retention purge empties of old rows (each has a created_at column).
PURGED_TABLES = ("feedback", "gaps")
SCHEMA_VERSION = max(m.version for m in MIGRATIONS)
