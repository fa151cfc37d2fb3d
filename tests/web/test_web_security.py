"""Security headers on every response, the frame-ancestors setting, and the rate limit."""

from __future__ import annotations

import threading

import pytest
from flask import request

from web.ratelimit import client_network

PATHS = [
    "/",
    "/article/",
    "/article/ketamine-neuroplasticity",
    "/article/nope",
    "/api/health",
    "/api/nope",
    "/static/style.css",
]


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_security_headers(shared_app, path):
    headers = shared_app().test_client().get(path).headers
    csp = headers["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ):
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_frame_ancestors_setting_allows_the_clinic_site(make_app):
    client = make_app(ASSISTANT_FRAME_ANCESTORS="'self' https://www.example-clinic.org").test_client()
    csp = client.get("/").headers["Content-Security-Policy"]
    assert csp.endswith("frame-ancestors 'self' https://www.example-clinic.org")


def test_public_pages_are_not_marked_no_store(client):
    assert client.get("/").headers.get("Cache-Control") != "no-store"


def test_rate_limit_answers_429_with_retry_after(make_app, assert_documented):
    client = make_app(ASSISTANT_RATE_LIMIT="2/minute").test_client()
    for _ in range(2):
        assert client.post("/api/ask", json={"question": "hi"}).status_code == 200
    response = client.post("/api/ask", json={"question": "hi"})
    assert response.status_code == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert "try again in" in assert_documented(response, "/api/ask")["error"]


def test_rate_limit_is_per_client_address(make_app):
    client = make_app(ASSISTANT_RATE_LIMIT="1/hour").test_client()
    first = {"REMOTE_ADDR": "198.51.100.1"}
    assert client.post("/api/ask", json={"question": "hi"}, environ_base=first).status_code == 200
    assert client.post("/api/ask", json={"question": "hi"}, environ_base=first).status_code == 429
    assert (
        client.post("/api/ask", json={"question": "hi"}, environ_base={"REMOTE_ADDR": "198.51.100.2"}).status_code
        == 200
    )


@pytest.mark.parametrize(("hops", "limited"), [("0", True), ("1", False)])
def test_rate_limit_uses_forwarded_address_only_behind_trusted_proxies(make_app, hops, limited):
    client = make_app(ASSISTANT_RATE_LIMIT="1/hour", ASSISTANT_TRUSTED_PROXIES=hops).test_client()
    for visitor in ("192.0.2.10", "192.0.2.11"):
        response = client.post(
            "/api/ask",
            json={"question": "hi"},
            headers={"X-Forwarded-For": visitor},
            environ_base={"REMOTE_ADDR": "10.0.0.1"},  # the proxy
        )
    assert (response.status_code == 429) is limited


def test_rate_limit_off_never_limits(make_app):
    client = make_app(ASSISTANT_RATE_LIMIT="off").test_client()
    assert all(client.post("/api/ask", json={"question": "hi"}).status_code == 200 for _ in range(40))


@pytest.mark.parametrize(
    ("address", "network"),
    [
        ("198.51.100.7", "198.51.100.7"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"),
        ("::ffff:198.51.100.7", "198.51.100.7"),
        ("not an address", "not an address"),
    ],
)
def test_client_network_groups_ipv6_by_64(address, network):
    assert client_network(address) == network


def test_rate_limit_counts_an_ipv6_64_as_one_client(make_app):
    client = make_app(ASSISTANT_RATE_LIMIT="2/hour").test_client()
    statuses = [
        client.post("/api/ask", json={"question": "hi"}, environ_base={"REMOTE_ADDR": f"2001:db8:7:7::{n}"}).status_code
        for n in range(1, 4)
    ]
    assert statuses == [200, 200, 429]
    other = client.post("/api/ask", json={"question": "hi"}, environ_base={"REMOTE_ADDR": "2001:db8:7:8::1"})
    assert other.status_code == 200


def test_rate_limit_counts_exactly_under_threads(make_app):
    app = make_app(ASSISTANT_RATE_LIMIT="25/hour")
    statuses: list[int] = []

    def hammer() -> None:
        client = app.test_client()
        statuses.extend(client.post("/api/ask", json={"question": "hi"}).status_code for _ in range(10))

    threads = [threading.Thread(target=hammer) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses.count(200) == 25 and statuses.count(429) == 35


def test_rate_limit_keys_hold_no_client_address(make_app, caplog):
    app = make_app(ASSISTANT_RATE_LIMIT="1/hour")
    client = app.test_client()
    with caplog.at_level("DEBUG"):
        for _ in range(2):
            client.post("/api/ask", json={"question": "hi"}, environ_base={"REMOTE_ADDR": "198.51.100.77"})
    storage = app.extensions["rate_limiter"].storage
    assert "198.51.100.77" not in repr(storage.events) + repr(getattr(storage, "storage", ""))
    assert "198.51.100.77" not in caplog.text


def test_wrong_staff_tokens_are_throttled_per_client(make_app, staff_token):
    client = make_app(ASSISTANT_STAFF_TOKEN=staff_token).test_client()
    wrong = {"Authorization": "Bearer " + "x" * 40}
    first = {"REMOTE_ADDR": "198.51.100.20"}
    statuses = [client.get("/api/staff/gaps", headers=wrong, environ_base=first).status_code for _ in range(12)]
    assert statuses[:10] == [401] * 10 and statuses[10:] == [429, 429]
    right = {"Authorization": f"Bearer {staff_token}"}
    assert (
        client.get("/api/staff/gaps", headers=right, environ_base={"REMOTE_ADDR": "198.51.100.21"}).status_code == 200
    )


def test_request_wide_limit_check_runs_for_staff_requests_only(make_app, staff_token, monkeypatch):
    from flask_limiter import Limiter

    checks: list[tuple[str, bool]] = []
    real = Limiter._check_request_limit

    def counting(self, callable_name=None, in_middleware=True):
        checks.append((request.path, in_middleware))
        return real(self, callable_name=callable_name, in_middleware=in_middleware)

    monkeypatch.setattr(Limiter, "_check_request_limit", counting)
    client = make_app(ASSISTANT_STAFF_TOKEN=staff_token, ASSISTANT_RATE_LIMIT="5/minute").test_client()
    client.post("/api/ask", json={"question": "hi"})
    client.get("/api/staff/gaps", headers={"Authorization": "Bearer " + "x" * 40})
    # The ask view checks its own limit (the decorator); only the staff request ran the hook.
    assert checks == [("/api/ask", False), ("/api/staff/gaps", True)]


def test_every_response_carries_a_permissions_policy(client):
    policy = client.get("/").headers["Permissions-Policy"]
    assert "camera=()" in policy and "microphone=()" in policy and "geolocation=()" in policy


def test_untrusted_host_is_refused(make_app):
    client = make_app(ASSISTANT_TRUSTED_HOSTS="faq.example.org").test_client()
    assert client.get("/api/health", headers={"Host": "faq.example.org"}).status_code == 200
    assert client.get("/api/health", headers={"Host": "evil.example"}).status_code == 400
