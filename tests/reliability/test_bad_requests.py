"""Malformed requests get a clear 4xx JSON error on every JSON endpoint, never a 5xx.

tests/web/test_web_api.py covers these cases for /api/ask; here one table drives all three JSON
endpoints, every route is tried with every method, and the protocol-level cases (early 413,
chunked bodies, huge headers) run against the real server.
"""

from __future__ import annotations

import json

import pytest

JSON_ENDPOINTS = ["/api/ask", "/api/feedback", "/api/staff/explain"]
VALID_BODIES = {
    "/api/ask": {"question": "How fast does ketamine work?"},
    "/api/feedback": {"reply_id": "r1", "rating": "up"},
    "/api/staff/explain": {"question": "How fast does ketamine work?"},
}
HUGE = 16 * 1024 + 1

BAD_REQUESTS = [
    # (id, keyword arguments for client.post, status, fragment of the error)
    (
        "form-encoded",
        {"data": "question=hi", "content_type": "application/x-www-form-urlencoded"},
        415,
        "application/json",
    ),
    ("text-plain", {"data": '{"question": "hi"}', "content_type": "text/plain"}, 415, "application/json"),
    ("multipart", {"data": {"question": "hi"}, "content_type": "multipart/form-data"}, 415, "application/json"),
    ("no-content-type", {"data": '{"question": "hi"}'}, 415, "application/json"),
    ("empty-json-body", {"data": b"", "content_type": "application/json"}, 400, "not valid JSON"),
    ("truncated-json", {"data": b'{"question": "hi"', "content_type": "application/json"}, 400, "not valid JSON"),
    ("single-quotes", {"data": b"{'question': 'hi'}", "content_type": "application/json"}, 400, "not valid JSON"),
    ("trailing-garbage", {"data": b'{"question": "hi"} x', "content_type": "application/json"}, 400, "not valid JSON"),
    (
        "invalid-utf8",
        {"data": b'{"question": "caf\xe9 \xff"}', "content_type": "application/json"},
        400,
        "not valid JSON",
    ),
    ("json-array", {"json": ["question", "hi"]}, 400, "must be a JSON object"),
    ("json-string", {"json": "hi"}, 400, "must be a JSON object"),
    ("json-number", {"json": 42}, 400, "must be a JSON object"),
    ("json-true", {"json": True}, 400, "must be a JSON object"),
    ("json-null", {"data": b"null", "content_type": "application/json"}, 400, "JSON"),
    ("oversized", {"data": b" " * HUGE, "content_type": "application/json"}, 413, "too large"),
]


@pytest.fixture
def json_client(staff_client, staff_headers):
    """Post to any JSON endpoint, with the staff token (ignored by the public routes)."""

    def post(path: str, **kwargs):
        return staff_client.post(path, headers=staff_headers, **kwargs)

    return post


def assert_json_error(response, status: int, fragment: str = "") -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.content_type == "application/json"
    body = response.get_json()
    assert set(body) == {"error"} and body["error"]
    assert fragment in body["error"]
    assert b"Traceback" not in response.data
    return body


@pytest.mark.parametrize("path", JSON_ENDPOINTS)
@pytest.mark.parametrize(
    ("kwargs", "status", "fragment"), [case[1:] for case in BAD_REQUESTS], ids=[c[0] for c in BAD_REQUESTS]
)
def test_malformed_body_gets_a_clear_json_error(json_client, path, kwargs, status, fragment):
    assert_json_error(json_client(path, **kwargs), status, fragment)


@pytest.mark.parametrize("path", JSON_ENDPOINTS)
@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("question", 1.5, "must be a string"),
        ("question", {"text": "hi"}, "must be a string"),
        ("question", True, "must be a string"),
        ("history", {"0": "hi"}, "must be a list"),
        ("history", [["nested"]], "must be a string"),
        ("reply_id", ["r1"], "must be a string"),
        ("rating", 1, "must be a string"),
        ("comment", {"text": "x"}, "must be a string"),
    ],
)
def test_wrong_field_types_are_named_in_the_error(json_client, path, field, value, fragment):
    body = {**VALID_BODIES[path], field: value}
    response = json_client(path, json=body)
    error = assert_json_error(response, 400)["error"]
    assert fragment in error or "unknown field" in error  # a field the endpoint does not take
    assert field in error


@pytest.fixture
def api_routes(make_app, staff_token) -> list[tuple[str, set[str]]]:
    app = make_app(ASSISTANT_STAFF_TOKEN=staff_token)
    return [(r.rule, set(r.methods)) for r in app.url_map.iter_rules() if r.rule.startswith("/api/")]


def test_every_api_route_refuses_other_methods_with_json_405(staff_client, staff_headers, api_routes):
    tried = 0
    for path, allowed in api_routes:
        for method in {"GET", "POST", "PUT", "PATCH", "DELETE"} - allowed:
            response = staff_client.open(path, method=method, headers=staff_headers, json={})
            assert_json_error(response, 405, "method not allowed")
            assert set(response.headers["Allow"].split(", ")) >= allowed - {"OPTIONS", "HEAD"}
            tried += 1
    assert tried >= 20


@pytest.mark.parametrize("path", ["/api/ask", "/api/feedback"])
def test_staff_only_fields_and_methods_do_not_leak_on_public_routes(client, path):
    # Public routes answer the same without a token; a staff header changes nothing there.
    response = client.post(path, json={**VALID_BODIES[path], "token": "x"})
    assert_json_error(response, 400, "unknown field: token")


# Defects these tests found in web/, fixed since; each test keeps the right behaviour in place.


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/ask", b'{"question": "Do you validate parking \\ud800?"}'),  # unanswered: logged as a gap
        ("/api/feedback", b'{"reply_id": "r1", "rating": "up", "comment": "\\udfff"}'),
        ("/api/feedback", b'{"reply_id": "\\ud83d", "rating": "down"}'),
    ],
    ids=["ask-gap", "feedback-comment", "feedback-reply-id"],
)
def test_lone_surrogates_in_strings_are_not_a_server_error(client, path, body):
    response = client.post(path, data=body, content_type="application/json")
    assert response.status_code < 500, response.get_data(as_text=True)


@pytest.mark.parametrize("path", JSON_ENDPOINTS)
def test_deeply_nested_json_is_a_400(json_client, path):
    assert_json_error(json_client(path, data=b"[" * 5000 + b"]" * 5000, content_type="application/json"), 400)


def _optional_fields(openapi: dict, schema_name: str) -> list[tuple[str, bool]]:
    """(field, whether the document allows null) for each optional property."""
    schema = openapi["components"]["schemas"][schema_name]
    out = []
    for name, prop in schema["properties"].items():
        if name not in schema.get("required", []):
            prop = openapi["components"]["schemas"][prop["$ref"].rsplit("/", 1)[1]] if "$ref" in prop else prop
            types = prop.get("type", [])
            out.append((name, "null" in (types if isinstance(types, list) else [types])))
    return out


@pytest.mark.parametrize(("path", "schema_name"), [("/api/ask", "AskRequest"), ("/api/feedback", "FeedbackRequest")])
def test_server_and_document_agree_on_null_fields(client, root, path, schema_name):
    openapi = json.loads((root / "web" / "openapi.json").read_text("utf-8"))
    for field, nullable in _optional_fields(openapi, schema_name):
        response = client.post(path, json={**VALID_BODIES[path], field: None})
        assert (response.status_code < 300) == nullable, f"{field}: null answered {response.status_code}"


# The real server: what gunicorn and Werkzeug do before the app sees a body. -------------------


def status_line(raw: bytes) -> bytes:
    return raw.split(b"\r\n", 1)[0]


def body_of(raw: bytes) -> bytes:
    return raw.split(b"\r\n\r\n", 1)[1] if b"\r\n\r\n" in raw else b""


def test_oversized_body_is_refused_before_it_is_sent(shared_server):
    # Only the headers go out: the 413 must come back without waiting for 100 MB of body.
    head = (
        b"POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: 100000000\r\nConnection: close\r\n\r\n{"
    )
    raw = shared_server.raw(head, timeout=5)
    assert status_line(raw).startswith(b"HTTP/1.1 413")
    assert "too large" in json.loads(body_of(raw))["error"]


def chunked_request(path: str, payload: bytes, chunk: int = 4096) -> bytes:
    parts = [payload[i : i + chunk] for i in range(0, len(payload), chunk)]
    body = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    return (head + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").encode() + body


def test_small_chunked_body_is_read_normally(shared_server):
    raw = shared_server.raw(chunked_request("/api/ask", json.dumps(VALID_BODIES["/api/ask"]).encode(), chunk=7))
    assert status_line(raw).startswith(b"HTTP/1.1 200")
    assert json.loads(body_of(raw))["kind"] == "answer"


@pytest.mark.parametrize(
    "payload",
    [
        json.dumps(VALID_BODIES["/api/ask"]).encode() + b" " * (2 * HUGE),  # valid JSON + padding: answered
        json.dumps({"question": "x" * (2 * HUGE)}).encode(),  # cut mid-string: reported as invalid JSON
    ],
    ids=["padded", "long-string"],
)
def test_oversized_chunked_body_is_a_413(shared_server, payload):
    raw = shared_server.raw(chunked_request("/api/ask", payload))
    assert status_line(raw).startswith(b"HTTP/1.1 413"), status_line(raw)


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20_000 + b"\r\n\r\n", b"431"),
        (b"GET /api/health HTTP/1.1\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(200)) + b"\r\n", b"431"),
        (b"BREW /api/health HTCPCP/1.0\r\n\r\n", b"400"),
        (b"GET /" + b"a" * 10_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", b"414"),
    ],
    ids=["huge-header", "many-headers", "bad-request-line", "huge-url"],
)
def test_protocol_garbage_is_refused_by_the_server_not_the_app(shared_server, request_bytes, status):
    raw = shared_server.raw(request_bytes, timeout=5)
    assert status_line(raw).split(b" ")[1] == status, status_line(raw)
    assert shared_server.request("GET", "/api/health").status == 200
