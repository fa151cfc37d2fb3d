"""Fixtures for the stack tests: deploy/run-stack's services (PostgreSQL, Redis, 2 replicas × 2
workers, nginx) started once for the module, and an HTTP client that can speak from any loopback
address, so each test (or each request) is a client of its own for the rate limit.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from deploy import services
from deploy.stack import Stack
from tests.helpers import HttpAnswer
from tests.stack.stackclient import RATE_LIMIT, STAFF_TOKEN, request


def _missing() -> str | None:
    for binary in ("nginx", "redis-server", "openssl"):
        if not shutil.which(binary) and not os.path.exists(f"/usr/sbin/{binary}"):
            return f"{binary} is not installed (apt-get install postgresql redis-server nginx)"
    try:
        services.postgres_bin()
    except RuntimeError as error:
        return str(error)
    return None


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    """The whole stack, once per module; skipped without its services (a failure in CI)."""
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"stack tests must run in CI: {reason}")
        pytest.skip(reason)
    settings = {
        "ASSISTANT_STAFF_TOKEN": STAFF_TOKEN,
        "ASSISTANT_RATE_LIMIT": f"{RATE_LIMIT}/minute",
        "ASSISTANT_FEEDBACK_LIMIT": f"{RATE_LIMIT}/minute",
    }
    with Stack(replicas=2, workers=2, durable=False, settings=settings) as running:
        yield running


@pytest.fixture
def get(stack):
    """Request through nginx's plain HTTP port."""

    def send(method: str, path: str, body=None, **kwargs) -> HttpAnswer:
        return request(stack.nginx.http_port, method, path, body, **kwargs)

    return send
