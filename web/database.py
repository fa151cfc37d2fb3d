"""The database behind feedback and gaps: a SQLite file (the default) or PostgreSQL, chosen by a URL.

Both speak the same small interface: `transaction()` yields a `Connection` whose `execute` takes
SQL with `?` placeholders and returns rows as dicts. Tables are made by numbered `Migration`s
(see `web/schema.py`), applied once at start and recorded in `schema_version`.

SQLite keeps one long-lived connection per thread (opened on first use, dropped after any error
so a moved or repaired file is picked up); PostgreSQL uses a psycopg connection pool, opened in
each worker process after the fork.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# Writers wait this long for a lock; far above the few milliseconds one insert takes.
BUSY_TIMEOUT_MS = 5000
# How long a request waits for a PostgreSQL connection before feedback answers 503.
POOL_TIMEOUT_S = 3.0
# Per worker process: its threads (4) plus the retention purge; replicas × workers × this must stay
# below PostgreSQL's max_connections (100 by default).
POOL_MAX_SIZE = 5
# A fixed number for PostgreSQL's advisory lock, so replicas starting at once migrate one at a time.
MIGRATION_LOCK_ID = 4_242_001


class StorageUnavailable(RuntimeError):
    """The database cannot be opened or written; callers degrade instead of crashing."""


@dataclass(frozen=True)
class Migration:
    """One step of the schema: SQL statements run once, in version order, in one transaction.

    Write portable SQL; `{id}` becomes the dialect's auto-increment primary key column type.
    """

    version: int
    name: str
    statements: tuple[str, ...]


ID_COLUMN = {
    "sqlite": "INTEGER PRIMARY KEY",
    "postgresql": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
}
VERSION_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_version "
    "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
)


class Connection:
    """A connection inside one transaction, with `?` placeholders on both databases."""

    def __init__(self, raw: Any, dialect: str) -> None:
        self.raw = raw
        self.dialect = dialect

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        if self.dialect == "postgresql":
            sql = sql.replace("?", "%s")  # no statement here holds a literal question mark
        return self.raw.execute(sql, params)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict]:
        return [dict(row) for row in self.execute(sql, params).fetchall()]

    def tuples(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Rows as plain tuples in column order (two unnamed columns, like two COUNTs, keep both values)."""
        if self.dialect == "postgresql":
            from psycopg.rows import tuple_row

            with self.raw.cursor(row_factory=tuple_row) as cursor:
                cursor.execute(sql.replace("?", "%s"), params)
                return cursor.fetchall() if cursor.description else []
        cursor = self.raw.execute(sql, params)
        return [tuple(row) for row in cursor.fetchall()] if cursor.description else []


class Database:
    """Common part: migrations, and the error boundary that turns driver errors into StorageUnavailable."""

    dialect = ""
    errors: tuple[type[BaseException], ...] = ()

    def __init__(self, url: str) -> None:
        self.url = url

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """Yield a connection inside a transaction; commit on success, roll back on error."""
        raise NotImplementedError

    def migrate(self, migrations: Sequence[Migration]) -> int:
        """Apply the migrations not yet recorded; return the schema version now in force."""
        ordered = sorted(migrations, key=lambda m: m.version)
        if len({m.version for m in ordered}) != len(ordered):
            raise ValueError(f"two migrations share a version: {[m.version for m in ordered]}")
        with self.transaction() as conn:
            self._lock_for_migration(conn)
            conn.execute(VERSION_TABLE)
            done = {row["version"] for row in conn.rows("SELECT version FROM schema_version")}
            for migration in ordered:
                if migration.version in done:
                    continue
                for statement in migration.statements:
                    conn.execute(statement.format(id=ID_COLUMN[self.dialect]))
                conn.execute(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
                )
                log.info("database schema: applied %s (version %s)", migration.name, migration.version)
            return max((row["version"] for row in conn.rows("SELECT version FROM schema_version")), default=0)

    def _lock_for_migration(self, conn: Connection) -> None:
        pass

    def vacuum(self) -> None:
        """Give the space of deleted rows back, so deleted text does not linger in the files."""

    def close(self) -> None:
        """Close this process's connections."""

    def describe(self) -> str:
        """The database for messages, without any password."""
        return self.url


class SQLiteDatabase(Database):
    """One SQLite file, created with mode 600; one connection per thread, kept open."""

    dialect = "sqlite"
    errors = (sqlite3.Error, OSError)

    def __init__(self, path: str | Path) -> None:
        super().__init__(str(path))
        self.path = Path(path)
        self._local = threading.local()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        try:
            conn = self._connection()
            with conn:
                yield Connection(conn, self.dialect)
            self._local.conn = (conn, os.getpid(), _file_identity(self.path))
        except self.errors as error:
            self._drop()  # the file may have been moved, repaired or replaced: reopen next time
            raise StorageUnavailable(f"{self.path}: {error}") from error

    def _connection(self) -> sqlite3.Connection:
        cached = getattr(self._local, "conn", None)
        if cached is not None:
            conn, pid, identity = cached
            # A connection made before a fork belongs to the parent. If the file changed since this
            # thread's last transaction (replaced, made read-only, overwritten; or checkpointed by
            # another process, which is rare and harmless), open it again.
            if pid == os.getpid() and _file_identity(self.path) == identity:
                return conn
            if pid == os.getpid() and not _looks_like_sqlite(self.path):
                # Overwritten with something else: closing now would checkpoint this connection's
                # log into it. Keep the connection aside until the file is moved away or repaired.
                raise StorageUnavailable(f"{self.path}: the file is no longer a SQLite database")
            self._drop()
        conn = self._open()
        self._local.conn = (conn, os.getpid(), _file_identity(self.path))
        return conn

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not self.path.exists():
            # Visitors' words are personal data: only the server's own user may read the file.
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL syncs at checkpoints, not at every commit: a committed row survives
            # a crash of the app, and only a power cut can lose the last moments of log.
            conn.execute("PRAGMA synchronous = NORMAL")
            # Deleted rows are overwritten with zeros, even where SQLite was not built that way.
            conn.execute("PRAGMA secure_delete = ON")
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def _drop(self) -> None:
        cached = getattr(self._local, "conn", None)
        self._local.conn = None
        if cached is not None and cached[1] == os.getpid():
            with suppress(sqlite3.Error):
                cached[0].close()

    def _lock_for_migration(self, conn: Connection) -> None:
        conn.execute("SELECT 1")  # Python's sqlite3 opens the transaction at the first write

    def vacuum(self) -> None:
        try:
            conn = self._connection()
            conn.execute("VACUUM")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # and empty the log that still held the rows
        except self.errors as error:
            self._drop()
            raise StorageUnavailable(f"{self.path}: {error}") from error

    def close(self) -> None:
        self._drop()


SQLITE_MAGIC = b"SQLite format 3\x00"


def _looks_like_sqlite(path: Path) -> bool:
    """Missing, empty, or starting with SQLite's header: safe to close the old connection and reopen."""
    try:
        with open(path, "rb") as file:
            head = file.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return not head or head == SQLITE_MAGIC


def _file_identity(path: Path) -> tuple[int, ...] | None:
    """Which file is at `path`, and its state: ctime changes with any write or change of mode or flags."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino, stat.st_ctime_ns, stat.st_size


class PostgresDatabase(Database):
    """PostgreSQL through psycopg 3 and a connection pool made lazily in each process."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        super().__init__(url)
        import psycopg
        import psycopg_pool

        self._psycopg = psycopg
        self._pool_module = psycopg_pool
        self.errors = (psycopg.Error, psycopg_pool.PoolTimeout)
        self._pool = None
        self._pool_pid = 0
        self._direct: Any = None  # a psycopg connection while migrating at start-up
        self._lock = threading.Lock()

    def _get_pool(self):
        if self._pool is not None and self._pool_pid == os.getpid():
            return self._pool
        with self._lock:
            if self._pool is None or self._pool_pid != os.getpid():
                from psycopg.rows import dict_row

                self._pool = self._pool_module.ConnectionPool(
                    self.url,
                    min_size=1,
                    max_size=POOL_MAX_SIZE,
                    kwargs={"row_factory": dict_row, "connect_timeout": 3},
                    # A connection that died with the server is found before use, not by a visitor.
                    check=self._pool_module.ConnectionPool.check_connection,
                    open=False,
                    name="assistant",
                )
                self._pool.open(wait=False)
                self._pool_pid = os.getpid()
            return self._pool

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        try:
            if self._direct is not None:  # migrating at start-up
                with self._direct.transaction():
                    yield Connection(self._direct, self.dialect)
                return
            with self._get_pool().connection(timeout=POOL_TIMEOUT_S) as conn, conn.transaction():
                yield Connection(conn, self.dialect)
        except self.errors as error:
            raise StorageUnavailable(f"{self.describe()}: {error}") from error

    def migrate(self, migrations: Sequence[Migration]) -> int:
        # At start-up, before gunicorn forks: one plain connection, not the pool (its threads
        # would not survive the fork).
        from psycopg.rows import dict_row

        try:
            with self._psycopg.connect(self.url, row_factory=dict_row, connect_timeout=5) as raw:
                self._direct = raw
                return super().migrate(migrations)
        except self.errors as error:
            raise StorageUnavailable(f"{self.describe()}: {error}") from error
        finally:
            self._direct = None

    def _lock_for_migration(self, conn: Connection) -> None:
        conn.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK_ID,))

    def vacuum(self) -> None:
        try:
            with self._get_pool().connection(timeout=POOL_TIMEOUT_S) as conn:
                conn.autocommit = True  # VACUUM cannot run inside a transaction
                try:
                    conn.execute("VACUUM")
                finally:
                    conn.autocommit = False
        except self.errors as error:
            raise StorageUnavailable(f"{self.describe()}: {error}") from error

    def close(self) -> None:
        if self._pool is not None and self._pool_pid == os.getpid():
            self._pool.close()
        self._pool = None

    def describe(self) -> str:
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", self.url)


def open_database(url: str) -> Database:
    """`postgresql://…` (or `postgres://…`) for PostgreSQL; anything else is a SQLite file path
    (`sqlite:///relative.db` and `sqlite:////absolute.db` are accepted too)."""
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresDatabase(url)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    return SQLiteDatabase(url)
