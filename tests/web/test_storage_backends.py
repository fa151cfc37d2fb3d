"""Storage behaviour, run on both databases: a SQLite file and a real PostgreSQL (`database_url`)."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from web import storage as storage_module
from web.database import Migration, open_database
from web.schema import MIGRATIONS, SCHEMA_VERSION
from web.storage import FeedbackCapReached, Storage, StorageUnavailable, purge_older_than


@pytest.fixture
def open_storage():
    """Storage objects for one test, their connection pools closed at its end."""
    opened: list[Storage] = []

    def make(url: str) -> Storage:
        opened.append(Storage(url))
        return opened[-1]

    yield make
    for storage in opened:
        storage.close()


def _age_rows(storage: Storage, days: int) -> None:
    storage.flush_gaps()
    old = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
    with storage.db.transaction() as conn:
        conn.execute("UPDATE feedback SET created_at = ?", (old,))
        conn.execute("UPDATE gaps SET created_at = ?", (old,))


def test_schema_is_created_once_with_its_version(database_url, open_storage):
    storage = open_storage(database_url)
    assert storage.check()
    assert storage.schema_version == SCHEMA_VERSION
    again = open_storage(database_url)  # a second worker or replica: nothing to apply, same version
    assert again.check() and again.schema_version == SCHEMA_VERSION
    with storage.db.transaction() as conn:
        versions = [row["version"] for row in conn.rows("SELECT version FROM schema_version ORDER BY version")]
    assert versions == sorted(m.version for m in MIGRATIONS)


def test_a_new_migration_adds_a_table_to_an_existing_database(database_url, open_storage):
    open_storage(database_url).check()
    extra = Migration(
        SCHEMA_VERSION + 1,
        "example table",
        ("CREATE TABLE example (id {id}, created_at TEXT NOT NULL, note TEXT NOT NULL)",),
    )
    db = open_database(database_url)
    assert db.migrate([*MIGRATIONS, extra]) == SCHEMA_VERSION + 1
    with db.transaction() as conn:
        conn.execute("INSERT INTO example (created_at, note) VALUES (?, ?)", ("now", "hello"))
        assert conn.rows("SELECT id, note FROM example") == [{"id": 1, "note": "hello"}]
    assert db.migrate([*MIGRATIONS, extra]) == SCHEMA_VERSION + 1  # applied once only
    db.close()


def test_separate_storages_on_one_database_share_rows(database_url, open_storage):
    # Two gunicorn workers (or two replicas) hold two Storage objects on the same database.
    first, second = open_storage(database_url), open_storage(database_url)
    first.add_gap("Where do I park?")
    second.add_gap("where do i park")
    second.flush_gaps()  # another worker's gaps arrive within GAP_FLUSH_SECONDS; here, at once
    assert first.gap_report()[0]["count"] == 2


def test_gaps_are_written_in_the_background_after_the_flush_interval(database_url, open_storage, monkeypatch):
    monkeypatch.setattr(storage_module, "GAP_FLUSH_SECONDS", 0.05)  # the real 1 s only slows the test
    writer, reader = open_storage(database_url), open_storage(database_url)
    for question in ("Where do I park?", "Is there wifi?", "Where do I park?"):
        writer.add_gap(question)
    deadline = time.monotonic() + 10  # bounded wait: the writer's thread, not the reader, writes them
    while time.monotonic() < deadline and sum(r["count"] for r in reader.gap_report()) < 3:
        time.sleep(0.05)
    assert sorted((r["question"], r["count"]) for r in reader.gap_report()) == [
        ("is there wifi", 1),
        ("where do i park", 2),
    ]


def test_a_gap_that_arrives_during_a_flush_is_written_too(tmp_path, open_storage, monkeypatch):
    # add_gap sees the flushing thread still running and starts none: that thread flushes again.
    monkeypatch.setattr(storage_module, "GAP_FLUSH_SECONDS", 0.01)
    storage, reader = open_storage(str(tmp_path / "db.sqlite")), open_storage(str(tmp_path / "db.sqlite"))
    real = storage.transaction
    arrived: list[str] = []

    def transaction():
        if not arrived:
            arrived.append("late")
            storage.add_gap("Is there a late question?")
        return real()

    storage.transaction = transaction  # type: ignore[method-assign]
    storage.add_gap("Where do I park?")
    deadline = time.monotonic() + 5  # bounded wait: the writer's thread, not the reader, writes them
    while time.monotonic() < deadline and len(reader.gap_report()) < 2:
        time.sleep(0.01)
    assert sorted(r["question"] for r in reader.gap_report()) == ["is there a late question", "where do i park"]


def test_gaps_pending_while_the_database_is_down_are_kept_and_written_later(tmp_path, open_storage):
    storage = open_storage(str(tmp_path / "db.sqlite"))
    storage.check()
    real = storage.transaction

    def down():
        raise StorageUnavailable("database is down")

    storage.transaction = down  # type: ignore[method-assign]
    storage.add_gap("Where do I park?")
    storage.flush_gaps()
    assert storage._pending_gaps, "kept, not dropped"
    storage.transaction = real  # type: ignore[method-assign]
    assert storage.gap_report()[0]["question"] == "where do i park"


def test_gap_report_counts_repeats_newest_first(database_url, open_storage):
    storage = open_storage(database_url)
    for question in ("Where do I park?", "Is there wifi?", "where do I park"):
        storage.add_gap(question)
    report = storage.gap_report()
    assert [(row["question"], row["count"]) for row in report] == [("where do i park", 2), ("is there wifi", 1)]


def test_feedback_is_stored_once_per_idempotency_key(database_url, open_storage):
    storage = open_storage(database_url)
    assert storage.add_feedback("n1", "up", "first", idempotency_key="n1:up") is True
    assert storage.add_feedback("n1", "up", "retry", idempotency_key="n1:up") is False
    assert storage.add_feedback("n1", "down", idempotency_key="n1:down") is True
    assert [(r["rating"], r["comment"]) for r in storage.list_feedback()] == [("down", ""), ("up", "first")]


def test_daily_cap_refuses_rows_beyond_it(database_url, open_storage):
    storage = open_storage(database_url)
    for n in range(3):
        storage.add_feedback(f"n{n}", "up", idempotency_key=f"n{n}:up", daily_cap=3)
    with pytest.raises(FeedbackCapReached):
        storage.add_feedback("n9", "up", idempotency_key="n9:up", daily_cap=3)
    assert len(storage.list_feedback()) == 3


def test_purge_removes_only_old_rows(database_url, open_storage):
    storage = open_storage(database_url)
    storage.add_gap("old question")
    storage.add_feedback("r1", "up")
    _age_rows(storage, 40)
    storage.add_gap("new question")
    assert purge_older_than(database_url, 30) == 2
    assert [row["question"] for row in storage.gap_report()] == ["new question"]
    assert storage.list_feedback() == []


def test_concurrent_writers_lose_no_row(database_url, open_storage):
    storage = open_storage(database_url)
    threads, per_thread = 8, 10

    def write(t: int) -> None:
        for n in range(per_thread):
            storage.add_feedback(f"{t}-{n}", "up", idempotency_key=f"{t}-{n}:up")

    workers = [threading.Thread(target=write, args=(t,)) for t in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(storage.list_feedback(limit=1000)) == threads * per_thread


def test_feedback_through_the_app_reaches_the_console(make_app, database_url, staff_token, staff_headers):
    client = make_app(ASSISTANT_DATABASE_URL=database_url, ASSISTANT_STAFF_TOKEN=staff_token).test_client()
    reply = client.post("/api/ask", json={"question": "How fast does ketamine work?"}).get_json()
    body = {"reply_id": reply["id"], "rating": "up", "comment": "clear"}
    assert client.post("/api/feedback", json=body).status_code == 201
    assert client.post("/api/feedback", json=body).status_code == 201  # a retry stores nothing new
    rows = client.get("/api/staff/feedback", headers=staff_headers).get_json()["feedback"]
    assert [(r["comment"], r["question"], r["kind"]) for r in rows] == [
        ("clear", "How fast does ketamine work?", "answer")
    ]


def test_unreachable_postgresql_gives_503_while_chat_answers(make_app, feedback_body):
    from deploy.services import free_port

    url = f"postgresql://postgres@127.0.0.1:{free_port()}/nothing"
    client = make_app(ASSISTANT_DATABASE_URL=url).test_client()  # start-up must not fail
    assert client.post("/api/feedback", json=feedback_body()).status_code == 503
    assert client.post("/api/ask", json={"question": "Do you validate parking tickets?"}).status_code == 200


def test_storage_unavailable_names_the_database_without_password():
    db = open_database("postgresql://app:hunter2@127.0.0.1:1/x")
    assert "hunter2" not in db.describe() and "***" in db.describe()
    with pytest.raises(StorageUnavailable):
        db.migrate(MIGRATIONS)
