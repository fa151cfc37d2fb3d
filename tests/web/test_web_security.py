"""Security headers on every response, the frame-ancestors setting, and the rate limit."""

from __future__ import annotations

import threading

import pytest

from web.ratelimit import SlidingWindowLimiter

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
def test_every_response_carries_security_headers(client, path):
    headers = client.get(path).headers
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


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limiter_window_slides():
    clock = FakeClock()
    limiter = SlidingWindowLimiter(2, 10, clock=clock)
    assert limiter.hit("a") == 0
    clock.now += 4
    assert limiter.hit("a") == 0
    assert limiter.hit("a") == 6  # the first hit leaves the window 6 s from now
    clock.now += 6
    assert limiter.hit("a") == 0
    assert limiter.hit("a") == 4


def test_limiter_counts_exactly_under_threads():
    limiter = SlidingWindowLimiter(100, 3600)
    allowed = []

    def hammer() -> None:
        allowed.extend(limiter.hit("same") == 0 for _ in range(50))

    threads = [threading.Thread(target=hammer) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(allowed) == 100


def test_limiter_forgets_idle_clients(monkeypatch):
    monkeypatch.setattr("web.ratelimit.MAX_TRACKED_CLIENTS", 10)
    clock = FakeClock()
    limiter = SlidingWindowLimiter(1, 1, clock=clock)
    for n in range(10):
        limiter.hit(f"client-{n}")
    clock.now += 5
    limiter.hit("late")
    assert len(limiter._hits) == 1


@pytest.mark.parametrize(("limit", "window"), [(0, 60), (1, 0)])
def test_limiter_rejects_nonsense(limit, window):
    with pytest.raises(ValueError, match="positive"):
        SlidingWindowLimiter(limit, window)
