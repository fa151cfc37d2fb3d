"""/api/ask serialises a reply once per distinct question: same bytes as jsonify, a fresh signed id each time."""

from __future__ import annotations

import sqlite3

import pytest

from web.api import public_reply

QUESTIONS = [
    ("How fast does ketamine work?", None),
    ("Do you validate parking tickets?", None),
    ("I want to kill myself", None),
    ("hello!", None),
    ("and how long does that last?", ["how is ketamine given?"]),
    ("Ça coûte combien — l’assurance? 🙂", None),
]


@pytest.mark.parametrize(("question", "history"), QUESTIONS)
def test_ask_body_is_byte_for_byte_what_jsonify_gives_for_the_reply(make_app, assistant, question, history):
    app = make_app()
    client = app.test_client()
    for _ in range(2):  # built, then from the cache
        response = client.post("/api/ask", json={"question": question, "history": history or []})
        assert response.status_code == 200 and response.mimetype == "application/json"
        with app.test_request_context():
            expected = {"id": response.get_json()["id"], **public_reply(assistant.ask(question, history))}
            assert response.data == app.json.response(expected).get_data()


def test_repeated_question_is_answered_once_with_a_new_id_each_time(make_app, monkeypatch, db_path):
    app = make_app()
    engine = app.extensions["assistant"]
    calls = []
    real = engine.ask

    def counting(question, history=None):
        calls.append(question)
        return real(question, history)

    monkeypatch.setattr(engine, "ask", counting)
    client = app.test_client()
    ids = {
        client.post("/api/ask", json={"question": "Do you validate parking tickets?"}).get_json()["id"]
        for _ in range(3)
    }
    assert len(ids) == 3 and len(calls) == 1
    client.application.extensions["storage"].flush_gaps()  # gaps are written in the background
    with sqlite3.connect(db_path) as conn:  # every unanswered ask is still logged
        assert conn.execute("SELECT COUNT(*) FROM gaps").fetchone()[0] == 3
    client.post("/api/ask", json={"question": "Do you validate parking tickets?", "history": ["hi"]})
    assert len(calls) == 2  # another history is another question


def test_a_rebuilt_engine_empties_the_reply_cache(make_app):
    app = make_app()
    client = app.test_client()
    question = {"question": "Do you validate parking tickets?"}
    assert client.post("/api/ask", json=question).get_json()["kind"] == "no_answer"
    replies = app.extensions["replies"]
    assert replies._render.cache_info().currsize == 1
    app.extensions["assistant"] = type(app.extensions["assistant"])(
        app.extensions["assistant"].corpus, app.extensions["assistant"].data
    )  # as a staff edit swaps in a rebuilt engine
    client.post("/api/ask", json=question)
    assert replies._render.cache_info().currsize == 1 and replies._engine is app.extensions["assistant"]
