"""Staff access: what tests/web/test_web_staff.py does not already try, and what is kept about visitors.

Covered there: no token configured (404), missing/empty/wrong/Basic/10 KB/non-ASCII tokens (401),
`?token=` with a valid header (401), no-store on 401/404 and on the console and explain, the CSV
formula guard, and no IP or user agent in one feedback row.
"""

from __future__ import annotations

import sqlite3

import pytest

from tests.helpers import API_STAFF_ROUTES, STAFF_ROUTES

SECRET_QUESTION = "Do you validate parking for the staff car park?"


@pytest.fixture
def token_variants(staff_token) -> dict[str, dict[str, str]]:
    """Authorization headers that carry something close to the right token, but not it."""
    return {
        "100-kb": {"Authorization": "Bearer " + "x" * 100_000},
        "100-kb-starting-with-token": {"Authorization": f"Bearer {staff_token}" + "x" * 100_000},
        "prefix": {"Authorization": f"Bearer {staff_token[:-1]}"},
        "extended": {"Authorization": f"Bearer {staff_token}x"},
        "upper-case": {"Authorization": f"Bearer {staff_token.upper()}"},
        "other-scheme": {"Authorization": f"Token {staff_token}"},
        "no-scheme": {"Authorization": staff_token},
        "two-tokens": {"Authorization": f"Bearer {staff_token} {staff_token}"},
        "nul-inside": {"Authorization": f"Bearer {staff_token}\x00"},
        "cookie-only": {"Cookie": f"token={staff_token}; staff_token={staff_token}"},
        "other-header": {"X-Staff-Token": staff_token, "X-Api-Key": staff_token},
    }


VARIANTS = [
    "100-kb",
    "100-kb-starting-with-token",
    "prefix",
    "extended",
    "upper-case",
    "other-scheme",
    "no-scheme",
    "two-tokens",
    "nul-inside",
    "cookie-only",
    "other-header",
]


@pytest.mark.parametrize(("method", "path"), API_STAFF_ROUTES)
@pytest.mark.parametrize("variant", VARIANTS)
def test_near_miss_tokens_are_refused(staff_client, token_variants, method, path, variant):
    response = staff_client.open(path, method=method, headers=token_variants[variant], json={"question": "hi"})
    assert response.status_code == 401
    assert response.content_type == "application/json"
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(("method", "path"), STAFF_ROUTES)
@pytest.mark.parametrize("key", ["token", "Token", "access_token", "staff_token", "api_token"])
def test_token_in_the_url_is_refused_without_a_header_too(staff_client, staff_token, method, path, key):
    response = staff_client.open(f"{path}?{key}={staff_token}", method=method, json={"question": "hi"})
    assert response.status_code == 401
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(("method", "path"), STAFF_ROUTES)
def test_every_staff_answer_is_no_store_even_when_allowed(staff_client, staff_headers, method, path):
    response = staff_client.open(path, method=method, headers=staff_headers, json={"question": "hi"})
    # Let in: 200, or a refusal of this body or id (400 for the edits' other fields, 404 for no such edit).
    assert response.status_code in (200, 201, 400, 404)
    assert response.status_code in (200, 201) or "token" not in response.get_json()["error"]
    assert response.headers["Cache-Control"] == "no-store"


def test_lower_case_bearer_scheme_is_accepted(staff_client, staff_token):
    # RFC 9110: the auth scheme is case-insensitive; refusing it would only confuse staff tools.
    assert staff_client.get("/api/staff/gaps", headers={"Authorization": f"bearer {staff_token}"}).status_code == 200


def test_gap_csv_is_only_given_with_the_token(staff_client, staff_headers):
    staff_client.post("/api/ask", json={"question": SECRET_QUESTION})
    refused = staff_client.get("/api/staff/gaps.csv")
    assert refused.status_code == 401 and refused.content_type == "application/json"
    assert b"parking" not in refused.data and "attachment" not in refused.headers.get("Content-Disposition", "")
    allowed = staff_client.get("/api/staff/gaps.csv", headers=staff_headers)
    assert allowed.status_code == 200 and b"parking" in allowed.data


@pytest.mark.parametrize("path", ["/api/staff/gaps", "/api/staff/feedback", "/api/staff/gaps.csv"])
def test_refusals_reveal_nothing_stored(staff_client, path, feedback_body):
    staff_client.post("/api/ask", json={"question": SECRET_QUESTION})
    staff_client.post("/api/feedback", json=feedback_body("down", comment="secret comment"))
    response = staff_client.get(path, headers={"Authorization": "Bearer wrong-token-wrong-token"})
    assert response.status_code == 401
    assert b"parking" not in response.data and b"secret" not in response.data


def test_real_server_refuses_a_100_kb_token_before_the_app(shared_server):
    reply = shared_server.request("GET", "/api/staff/gaps", headers={"Authorization": "Bearer " + "x" * 100_000})
    assert reply.status == 431  # gunicorn's header size limit answers first
    assert shared_server.request("GET", "/api/health").status == 200


def test_real_server_refuses_staff_api_without_token(shared_server):
    for method, path in API_STAFF_ROUTES:
        reply = shared_server.request(method, path, body={} if method == "POST" else None)
        assert reply.status == 401, path
        assert reply.headers["cache-control"] == "no-store"


# What is kept about visitors --------------------------------------------------------------------

IDENTIFYING_COLUMNS = ("ip", "addr", "agent", "ua", "host", "referer", "referrer", "cookie", "session", "forwarded")
VISITOR_HEADERS = {
    "User-Agent": "Mozilla/5.0 (Secret-Browser-7f3a)",
    "X-Forwarded-For": "198.51.100.77",
    "X-Real-IP": "198.51.100.78",
    "Referer": "https://referrer.example/secret-page",
    "Cookie": "session=secret-cookie-value",
}
VISITOR_VALUES = ["Secret-Browser-7f3a", "198.51.100.7", "203.0.113.44", "referrer.example", "secret-cookie-value"]


def test_database_has_no_column_for_addresses_or_agents(client, db_path, feedback_body):
    client.post("/api/feedback", json=feedback_body())
    with sqlite3.connect(db_path) as conn:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        columns = {t: [row[1] for row in conn.execute(f"PRAGMA table_info({t})")] for t in tables}
    assert {"feedback", "gaps"} <= set(tables)
    for table, names in columns.items():
        for name in names:
            parts = name.lower().split("_")
            assert not any(part in IDENTIFYING_COLUMNS for part in parts), f"{table}.{name}"


def test_no_visitor_identifier_reaches_the_database(client, db_path):
    environ = {"REMOTE_ADDR": "203.0.113.44"}
    reply = client.post("/api/ask", json={"question": SECRET_QUESTION}, headers=VISITOR_HEADERS, environ_base=environ)
    feedback = {"reply_id": reply.get_json()["id"], "rating": "down", "comment": "meh"}
    assert client.post("/api/feedback", json=feedback, headers=VISITOR_HEADERS, environ_base=environ).status_code == 201
    with sqlite3.connect(db_path) as conn:
        dump = "\n".join(conn.iterdump())
    assert SECRET_QUESTION in dump  # the question itself is kept (ASSISTANT_LOG_QUESTIONS=1)
    for value in VISITOR_VALUES:
        assert value not in dump
