"""Questions carrying HTML, script, Markdown, SQL or template syntax stay inert text end to end:
the API reflects none of it, storage keeps it verbatim, the staff API returns it as data, and no
server-rendered page echoes it. test_injection_browser.py checks the chat page and staff console.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from urllib.parse import quote

import pytest

from web.staff import neutralize_formula
from web.storage import normalize_question

INJECTIONS = [
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg/onload=alert(1)>',
    "</textarea><script>alert(2)</script><textarea>",
    "**bold** _em_ [click](javascript:alert(3)) ![x](x.png) <b>b</b>",
    "'; DROP TABLE feedback; --",
    "1' OR '1'='1",
    "Robert'); DELETE FROM gaps WHERE ('1'='1",
    "{{7*7}} {{ config.items() }}",
    "{% raw %}{{ 7*7 }}{% endraw %} {% include 'base.html' %}",
    "${7*7} #{7*7} <%= 7*7 %>",
    "javascript:alert(document.cookie)",
]
IDS = [
    "script",
    "img-onerror",
    "svg-onload",
    "textarea-break",
    "markdown",
    "sql-drop",
    "sql-or",
    "sql-delete",
    "jinja-expr",
    "jinja-raw",
    "other-templates",
    "js-url",
]


@pytest.mark.parametrize("text", INJECTIONS, ids=IDS)
def test_ask_reflects_nothing_and_is_served_as_json(client, text):
    response = client.post("/api/ask", json={"question": text})
    assert response.status_code == 200
    assert response.content_type == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    raw = response.get_data(as_text=True)
    for marker in ("<script", "onerror", "onload", "javascript:", "{{", "{%", "DROP TABLE", "${"):
        assert marker not in raw
    assert "49" not in response.get_json()["message"]  # no template was evaluated


@pytest.mark.parametrize("text", INJECTIONS, ids=IDS)
def test_staff_explain_returns_the_question_as_plain_data(staff_client, staff_headers, text):
    response = staff_client.post("/api/staff/explain", json={"question": text}, headers=staff_headers)
    assert response.status_code == 200
    assert response.content_type == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.get_json()["query"]["text"] == text


def test_stored_rows_keep_every_text_verbatim_and_tables_survive(staff_client, staff_headers, db_path, engine):
    for text in INJECTIONS:
        reply = staff_client.post("/api/ask", json={"question": text})
        assert reply.status_code == 200
        feedback = {"reply_id": reply.get_json()["id"], "rating": "down", "comment": text}
        assert staff_client.post("/api/feedback", json=feedback).status_code == 201
    staff_client.application.extensions["storage"].flush_gaps()  # gaps are written in the background
    with sqlite3.connect(db_path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        feedback_rows = conn.execute("SELECT comment, question FROM feedback ORDER BY id").fetchall()
        gap_rows = [row[0] for row in conn.execute("SELECT question FROM gaps ORDER BY id")]
    assert {"feedback", "gaps"} <= tables
    assert feedback_rows == [(text, text) for text in INJECTIONS]
    logged = [text for text in INJECTIONS if engine.ask(text).kind == "no_answer"]  # only those are gaps
    assert gap_rows == logged and logged

    listed = staff_client.get("/api/staff/feedback", headers=staff_headers).get_json()["feedback"]
    assert sorted(row["comment"] for row in listed) == sorted(INJECTIONS)
    gaps = staff_client.get("/api/staff/gaps", headers=staff_headers).get_json()["gaps"]
    assert {row["question"] for row in gaps} == {normalize_question(text) for text in logged}
    export = staff_client.get("/api/staff/gaps.csv", headers=staff_headers).get_data(as_text=True)
    exported = {row[0] for row in list(csv.reader(io.StringIO(export)))[1:]}
    assert exported == {neutralize_formula(normalize_question(text)) for text in logged}  # "; --" becomes "; '--"


@pytest.mark.parametrize("text", INJECTIONS, ids=IDS)
def test_pages_do_not_echo_the_url(client, text):
    for path in (f"/article/{quote(text, safe='')}", f"/?q={quote(text, safe='')}", f"/{quote(text, safe='')}"):
        response = client.get(path)
        assert response.status_code in (200, 404)
        html = response.get_data(as_text=True)
        for marker in ("<script>alert", "onerror=", "onload=", "javascript:alert", "{{7*7}}", "DROP TABLE"):
            assert marker not in html, path
