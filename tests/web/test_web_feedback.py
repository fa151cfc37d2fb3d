"""Feedback and gap storage: what is kept, what is not, and how it degrades."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta

import pytest

from web.replies import SignedReply
from web.storage import Storage, normalize_question, purge_older_than


def test_feedback_is_stored_without_ip_or_user_agent(client, db_path, assert_documented):
    reply = client.post("/api/ask", json={"question": "How fast does ketamine work?"}).get_json()
    response = client.post(
        "/api/feedback",
        json={"reply_id": reply["id"], "rating": "down", "comment": "Too long"},
        headers={"User-Agent": "Secret-Browser/1.0"},
        environ_base={"REMOTE_ADDR": "203.0.113.9"},
    )
    assert response.status_code == 201
    assert assert_documented(response, "/api/feedback") == {"status": "stored"}
    with sqlite3.connect(db_path) as conn:
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute("SELECT * FROM feedback")]
        dump = "\n".join(conn.iterdump())
    assert len(rows) == 1
    assert {k: rows[0][k] for k in ("rating", "comment", "question", "kind")} == {
        "rating": "down",
        "comment": "Too long",
        "question": "How fast does ketamine work?",
        "kind": "answer",
    }
    assert "203.0.113.9" not in dump and "Secret-Browser" not in dump


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"rating": "up"}, "reply_id is required"),
        ({"reply_id": "r", "rating": "meh"}, "rating must be one of: up, down"),
        ({"reply_id": "r"}, "rating is required"),
        ({"reply_id": "", "rating": "up"}, "reply_id must be 1 to 4096"),
        ({"reply_id": "r" * 4097, "rating": "up"}, "reply_id must be 1 to 4096"),
        ({"reply_id": "r1", "rating": "up"}, "not a reply this assistant gave"),
        ({"reply_id": "r", "rating": "up", "comment": "c" * 1001}, "comment must be 0 to 1000"),
        ({"reply_id": "r", "rating": "up", "question": "q" * 501}, "question must be 0 to 500"),
        ({"reply_id": "r", "rating": "up", "kind": "rant"}, "kind must be one of"),
        ({"reply_id": "r", "rating": "up", "ip": "1.2.3.4"}, "unknown field: ip"),
        ({"reply_id": 5, "rating": "up"}, "reply_id must be a string"),
    ],
)
def test_feedback_rejects_bad_bodies(shared_app, assert_documented, body, fragment):
    response = shared_app().test_client().post("/api/feedback", json=body)
    assert response.status_code == 400
    assert fragment in assert_documented(response, "/api/feedback")["error"]


def _unwritable(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    return blocker / "instance" / "assistant.db"  # its parent cannot be made


def _corrupt(tmp_path):
    path = tmp_path / "corrupt.db"
    path.write_bytes(b"this is not a database" * 100)
    return path


@pytest.mark.parametrize("make_path", [_unwritable, _corrupt], ids=["missing-dir", "corrupt"])
def test_unusable_database_gives_503_while_chat_keeps_answering(
    make_app, tmp_path, assert_documented, make_path, feedback_body
):
    client = make_app(ASSISTANT_DB=str(make_path(tmp_path))).test_client()  # start-up must not fail
    feedback = client.post("/api/feedback", json=feedback_body())
    assert feedback.status_code == 503
    assert assert_documented(feedback, "/api/feedback") == {"error": "feedback is temporarily unavailable"}
    for question in ("How fast does ketamine work?", "Do you validate parking tickets?"):
        assert client.post("/api/ask", json={"question": question}).status_code == 200


def test_concurrent_feedback_loses_no_row(make_app, db_path, feedback_body):
    app = make_app()
    threads, per_thread = 16, 10

    def post_many() -> None:
        client = app.test_client()
        for _ in range(per_thread):
            assert client.post("/api/feedback", json=feedback_body()).status_code == 201

    workers = [threading.Thread(target=post_many) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM feedback").fetchone()[0] == threads * per_thread
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize(
    ("question", "normalized"),
    [
        ("Where do I PARK??", "where do i park"),
        ("  where   do i\npark. ", "where do i park"),
        ("Wo parke ich?", "wo parke ich"),
    ],
)
def test_normalize_question_folds_case_spacing_and_punctuation(question, normalized):
    assert normalize_question(question) == normalized


def _age_rows(db_path, days: int) -> None:
    old = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE feedback SET created_at = ?", (old,))
        conn.execute("UPDATE gaps SET created_at = ?", (old,))


def test_purge_rejects_negative_days(db_path):
    with pytest.raises(ValueError, match="-1"):
        purge_older_than(db_path, -1)


def test_purge_command_reports_count_and_status(client, db_path, runner, feedback_body):
    assert client.post("/api/feedback", json=feedback_body()).status_code == 201
    store = Storage(db_path)
    store.add_gap("old")
    store.close()  # writes the pending gap, as a stopping worker does
    _age_rows(db_path, 10)
    result = runner("purge", "--days", "7")  # the app's database, as ASSISTANT_DB names it
    assert result.code == 0 and "Deleted 2 record(s)" in result.out
    result = runner("purge", "--days", "-3")
    assert result.code == 1 and "days must be 0 or more" in result.err


@pytest.mark.parametrize("days", ["1000000", "99999999999"])  # cutoffs before the year 1
def test_purge_of_more_days_than_the_calendar_holds_deletes_nothing(client, db_path, runner, feedback_body, days):
    assert client.post("/api/feedback", json=feedback_body()).status_code == 201
    _age_rows(db_path, 10)
    result = runner("purge", "--days", days)
    assert (result.code, result.err) == (0, "") and "Deleted 0 record(s)" in result.out
    assert runner("purge", "--days", "7").out.startswith("Deleted 1 record(s)")  # the row was kept


def test_database_file_is_readable_by_its_owner_only(client, db_path, feedback_body):
    assert client.post("/api/feedback", json=feedback_body()).status_code == 201
    assert db_path.stat().st_mode & 0o777 == 0o600
    assert (db_path.parent / "secret_key").exists() is False  # the tests configure ASSISTANT_SECRET_KEY


def test_generated_secret_is_kept_with_mode_600_and_reused(make_app, db_path):
    first = make_app(ASSISTANT_SECRET_KEY="")
    secret_file = db_path.parent / "secret_key"
    assert secret_file.stat().st_mode & 0o777 == 0o600
    reply = first.test_client().post("/api/ask", json={"question": "How fast does ketamine work?"}).get_json()
    second = make_app(ASSISTANT_SECRET_KEY="").test_client()  # a restart, or another worker
    assert second.post("/api/feedback", json={"reply_id": reply["id"], "rating": "up"}).status_code == 201


def test_purge_overwrites_deleted_text_in_the_file(db_path):
    storage = Storage(db_path)
    storage.add_gap("a very distinctive secret question 7f3a9c")
    storage.flush_gaps()  # gaps are written in the background
    _age_rows(db_path, 40)
    assert purge_older_than(db_path, 30) == 1
    storage.close()
    for path in db_path.parent.glob("assistant.db*"):
        assert b"7f3a9c" not in path.read_bytes(), path.name


def test_forged_kind_and_question_are_ignored(client, db_path, sign_reply):
    reply_id = sign_reply("How fast does ketamine work?", "answer")
    body = {"reply_id": reply_id, "rating": "down", "kind": "crisis", "question": "made up"}
    assert client.post("/api/feedback", json=body).status_code == 201
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT kind, question FROM feedback").fetchall() == [
            ("answer", "How fast does ketamine work?")
        ]


def test_made_up_or_tampered_reply_ids_are_refused(client, sign_reply):
    good = sign_reply()
    for reply_id in ("abc123", good[:-2] + "xx", good.replace(".", "!", 1)):
        response = client.post("/api/feedback", json={"reply_id": reply_id, "rating": "up"})
        assert response.status_code == 400
        assert "not a reply this assistant gave" in response.get_json()["error"]


def test_expired_reply_id_is_refused(make_app):
    from web.replies import ReplySigner

    signer = ReplySigner("test-reply-secret-0123456789abcdef-0123")
    assert signer.verify(signer.sign("n", "answer", "q"), max_age=-1) is None
    assert signer.verify(signer.sign("n", "answer", "q")).question == "q"


def test_retried_feedback_is_stored_once(client, db_path, sign_reply):
    body = {"reply_id": sign_reply(), "rating": "up", "comment": "thanks"}
    assert [client.post("/api/feedback", json=body).status_code for _ in range(3)] == [201, 201, 201]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM feedback").fetchone()[0] == 1


def test_per_client_feedback_limit(make_app, feedback_body):
    client = make_app(ASSISTANT_FEEDBACK_LIMIT="3/hour").test_client()
    statuses = [client.post("/api/feedback", json=feedback_body()).status_code for _ in range(4)]
    assert statuses == [201, 201, 201, 429]


def test_daily_cap_answers_429_until_midnight(make_app, feedback_body):
    client = make_app(ASSISTANT_FEEDBACK_DAILY_CAP="2").test_client()
    responses = [client.post("/api/feedback", json=feedback_body()) for _ in range(3)]
    assert [r.status_code for r in responses] == [201, 201, 429]
    assert 1 <= int(responses[2].headers["Retry-After"]) <= 86400
    assert "full for today" in responses[2].get_json()["error"]


def test_retention_purge_runs_on_its_own(make_app, db_path, monkeypatch):
    client = make_app(ASSISTANT_RETENTION_DAYS="30").test_client()
    client.post("/api/ask", json={"question": "Do you validate parking tickets?"})
    client.application.extensions["storage"].flush_gaps()  # gaps are written in the background
    _age_rows(db_path, 40)
    app = make_app(ASSISTANT_RETENTION_DAYS="30")  # a fresh process: its first request starts the purge
    started = []
    monkeypatch.setattr("web.app.threading.Thread", lambda target, **kw: started.append(target) or _Now(target))
    app.test_client().get("/api/health")
    app.test_client().get("/api/health")  # within the hour: not again
    assert len(started) == 1
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM gaps").fetchone()[0] == 0


class _Now:
    """Runs a thread's target at start(), so the test sees its effect at once."""

    def __init__(self, target):
        self.target = target

    def start(self):
        self.target()


def test_gap_questions_are_grouped_with_the_engine_normaliser():
    assert normalize_question("  What’s   the COST?? ") == normalize_question("what's the cost")


def test_reply_id_round_trips_any_question_and_refuses_any_altered_part():
    from web.replies import ReplySigner

    signer = ReplySigner("test-reply-secret-0123456789abcdef-0123")
    question = "Ketamine\nand «lithium» — 2 lines? 🙂"
    reply_id = signer.sign("0f" * 16, "no_answer", question)
    assert signer.verify(reply_id) == SignedReply("0f" * 16, "no_answer", question)
    prefix, payload, signature = reply_id.split(".")
    altered = [
        f"{prefix}.{payload[:-1]}{'A' if payload[-1] != 'A' else 'B'}.{signature}",
        f"{prefix}.{payload}.{signature[::-1]}",
        f"{prefix}.{payload}.{signature.replace('-', '+').replace('_', '/')}" if {"-", "_"} & set(signature) else "x",
        f"{prefix}.{payload}",
        ReplySigner("another-secret-0123456789abcdef-0123456").sign("0f" * 16, "no_answer", question),
    ]
    assert [signer.verify(other) for other in altered] == [None] * len(altered)


def test_reply_id_from_the_future_is_refused(monkeypatch):
    import web.replies as replies

    signer = replies.ReplySigner("test-reply-secret-0123456789abcdef-0123")
    now = replies.time.time()
    monkeypatch.setattr(replies.time, "time", lambda: now + 3600)
    future = signer.sign("n", "answer", "q")
    monkeypatch.setattr(replies.time, "time", lambda: now)
    assert signer.verify(future) is None


def test_reply_ids_signed_before_r1_are_still_accepted():
    from itsdangerous import URLSafeTimedSerializer

    from web.replies import ReplySigner

    secret = "test-reply-secret-0123456789abcdef-0123"
    legacy = URLSafeTimedSerializer(secret, salt="reply-id").dumps(["n", "answer", "q"])
    assert ReplySigner(secret).verify(legacy) == SignedReply("n", "answer", "q")
    assert ReplySigner("another-secret-0123456789abcdef-0123456").verify(legacy) is None
