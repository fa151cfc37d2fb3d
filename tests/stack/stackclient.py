"""HTTP helpers for the stack tests: requests from any loopback address, so each test (or each
request) is a client of its own for the rate limit. One module, imported by name from both the
fixtures and the tests, so there is one address counter.
"""

from __future__ import annotations

import http.client
import itertools
import json
import ssl
import threading
import time

from tests.helpers import HttpAnswer

STAFF_TOKEN = "stack-staff-token-0123456789abcdef-0123456"
# Per client address, per minute: small enough to count exactly, and every load request below
# comes from an address of its own (127.0.N.M), so only the rate-limit tests meet it.
RATE_LIMIT = 20
_addresses = itertools.count(1)
_lock = threading.Lock()


def fresh_address() -> str:
    """A loopback address no request has used yet in this session (127.1.0.1 and up)."""
    with _lock:
        n = next(_addresses)
    return f"127.{1 + n // 62500}.{n // 250 % 250}.{n % 250 + 1}"


def request(
    port: int,
    method: str,
    path: str,
    body=None,
    headers: dict | None = None,
    source: str | None = None,
    tls: bool = False,
    timeout: float = 10,
) -> HttpAnswer:
    """One request on a fresh connection from `source` (a fresh loopback address by default)."""
    headers = dict(headers or {})
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode()
        headers.setdefault("Content-Type", "application/json")
    source_address = (source or fresh_address(), 0)
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # the stack's certificate is self-signed
        conn = http.client.HTTPSConnection(
            "127.0.0.1", port, timeout=timeout, source_address=source_address, context=context
        )
    else:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=source_address)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return HttpAnswer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        conn.close()


def wait_until(condition, timeout: float = 20.0, every: float = 0.2) -> bool:
    """Poll `condition` until it is true or `timeout` seconds pass; return whether it became true."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False
