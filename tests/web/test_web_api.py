"""The public JSON API: asking, bad input of every kind, health and the OpenAPI document."""

from __future__ import annotations

import re
import sqlite3

import pytest
from openapi_spec_validator import validate as validate_spec

LONG = "a" * 501


def test_ask_returns_a_cited_answer(client, assert_documented):
    response = client.post("/api/ask", json={"question": "How fast does ketamine work?"})
    assert response.status_code == 200
    reply = assert_documented(response, "/api/ask")
    assert reply["kind"] == "answer" and reply["disclaimer"]
    quote = reply["quotes"][0]
    assert quote["highlight"] in quote["text"]
    assert quote["citation"]["url"].startswith("/article/ketamine-neuroplasticity#")


def test_ask_accepts_history_for_follow_ups(client, assert_documented):
    body = {"question": "and how long does it last?", "history": ["How fast does ketamine work?"]}
    response = client.post("/api/ask", json=body)
    assert response.status_code == 200
    assert assert_documented(response, "/api/ask")["kind"] in {"answer", "no_answer"}


def test_ask_crisis_message_gets_a_crisis_reply(client, assert_documented):
    response = client.post("/api/ask", json={"question": "I want to kill myself"})
    assert assert_documented(response, "/api/ask")["kind"] == "crisis"


@pytest.mark.parametrize(
    ("body", "status", "fragment"),
    [
        ({}, 400, "question is required"),
        ({"question": None}, 400, "question is required"),
        ({"question": ""}, 400, "1 to 500 characters"),
        ({"question": "   \n\t "}, 400, "1 to 500 characters"),
        ({"question": LONG}, 400, "(got 501)"),
        ({"question": 42}, 400, "question must be a string"),
        ({"question": ["a"]}, 400, "question must be a string"),
        ({"question": "hi", "history": "hi"}, 400, "history must be a list"),
        ({"question": "hi", "history": ["a"] * 11}, 400, "at most 10 items"),
        ({"question": "hi", "history": [1]}, 400, "history[0] must be a string"),
        ({"question": "hi", "history": ["ok", LONG]}, 400, "history[1] must be 0 to 500"),
        ({"question": "hi", "mood": "sad"}, 400, "unknown field: mood"),
        ([], 400, "must be a JSON object"),
        ("hello", 400, "must be a JSON object"),
    ],
)
def test_ask_rejects_bad_bodies(shared_app, assert_documented, body, status, fragment):
    response = shared_app().test_client().post("/api/ask", json=body)
    assert response.status_code == status
    assert fragment in assert_documented(response, "/api/ask")["error"]


@pytest.mark.parametrize(
    ("kwargs", "status", "fragment"),
    [
        ({"data": "{not json", "content_type": "application/json"}, 400, "not valid JSON"),
        ({"data": "question=hi", "content_type": "application/x-www-form-urlencoded"}, 415, "application/json"),
        ({"data": '{"question": "hi"}', "content_type": "text/plain"}, 415, "application/json"),
        ({}, 415, "application/json"),
        ({"json": {"question": "x" * 20_000}}, 413, "too large"),
        ({"data": b"\xff\xfe", "content_type": "application/json"}, 400, "not valid JSON"),
    ],
)
def test_ask_rejects_bad_requests(shared_app, assert_documented, kwargs, status, fragment):
    response = shared_app().test_client().post("/api/ask", **kwargs)
    assert response.status_code == status
    assert fragment in assert_documented(response, "/api/ask")["error"]


@pytest.mark.parametrize(
    ("method", "path", "status", "fragment"),
    [
        ("GET", "/api/ask", 405, "method not allowed"),
        ("PUT", "/api/feedback", 405, "method not allowed"),
        ("POST", "/api/health", 405, "method not allowed"),
        ("GET", "/api/nothing-here", 404, "no such API route"),
        ("GET", "/api/staff/explain", 404, "no such API route"),  # staff is off without a token
        ("POST", "/api/staff/explain", 404, "no such API route"),
    ],
)
def test_api_errors_are_json(shared_app, method, path, status, fragment):
    response = shared_app().test_client().open(path, method=method)
    assert response.status_code == status
    assert response.content_type == "application/json"
    assert fragment in response.get_json()["error"]


def test_unexpected_exception_is_a_json_500_without_traceback(make_app, monkeypatch):
    app = make_app()
    app.testing = False  # let the error handler run as it does in production

    def explode(question, history=None):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(app.extensions["assistant"], "ask", explode)
    response = app.test_client().post("/api/ask", json={"question": "hi"})
    assert response.status_code == 500
    assert response.get_json() == {"error": "internal error; the problem has been logged"}
    assert b"secret" not in response.data and b"Traceback" not in response.data


def test_health_counts_articles_and_passages(client, assert_documented, assistant):
    body = assert_documented(client.get("/api/health"), "/api/health", "GET")
    assert body == {"status": "ok", "articles": len(assistant.articles), "passages": len(assistant.passages)}


def test_unanswered_question_is_logged_as_gap(client, db_path):
    question = "Do you validate parking tickets?"
    assert client.post("/api/ask", json={"question": question}).get_json()["kind"] == "no_answer"
    client.application.extensions["storage"].flush_gaps()  # gaps are written in the background
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT question, normalized, created_at FROM gaps").fetchall()
    assert [(q, n) for q, n, _ in rows] == [(question, "do you validate parking tickets")]


def test_answered_question_is_not_logged(client, db_path):
    client.post("/api/ask", json={"question": "How fast does ketamine work?"})
    client.application.extensions["storage"].flush_gaps()  # gaps are written in the background
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM gaps").fetchone()[0] == 0


def test_question_logging_can_be_turned_off(make_app, db_path):
    client = make_app(ASSISTANT_LOG_QUESTIONS="0").test_client()
    reply = client.post("/api/ask", json={"question": "Do you validate parking tickets?"}).get_json()
    assert client.post("/api/feedback", json={"reply_id": reply["id"], "rating": "up"}).status_code == 201
    client.application.extensions["storage"].flush_gaps()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM gaps").fetchone()[0] == 0
        assert conn.execute("SELECT question FROM feedback").fetchall() == [("",)]


def test_openapi_document_is_valid_and_served(client, openapi):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    validate_spec(response.get_json())
    assert response.get_json() == openapi


def test_openapi_documents_every_api_route(make_app, staff_token, openapi):
    app = make_app(ASSISTANT_STAFF_TOKEN=staff_token)
    routes = {
        (re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule), method.lower())
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented = {(path, method) for path, ops in openapi["paths"].items() for method in ops}
    assert routes == documented
