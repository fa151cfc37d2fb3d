"""/api/ask serialises a reply once per distinct question: same bytes as jsonify, a fresh id each time."""

from __future__ import annotations

import sqlite3

import pytest

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
        reply = assistant.ask(question, history).to_dict()
        reply["id"] = response.get_json()["id"]
        with app.app_context():
            assert response.data == app.json.response(reply).get_data()


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
    with sqlite3.connect(db_path) as conn:  # every unanswered ask is still logged
        assert conn.execute("SELECT COUNT(*) FROM gaps").fetchone()[0] == 3
    client.post("/api/ask", json={"question": "Do you validate parking tickets?", "history": ["hi"]})
    assert len(calls) == 2  # another history is another question
