"""Values shared by tests: the repository's paths, a small article, staff routes and test secrets.

Tests import these from here (never from a conftest); fixtures live in tests/conftest.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from flask import Flask

from web import staff

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
EVAL_SET = ROOT / "tests" / "data" / "eval.jsonl"
# The staff console's evaluation in the web tests runs this many of its first cases (conftest's eval_set).
EVAL_SET_SIZE = 20
OPENAPI = json.loads((ROOT / "web" / "openapi.json").read_text("utf-8"))

SMALL_ARTICLE = """---
title: Sleep and Recovery
author: A. Writer
updated: 2025-01-02
slug: sleep-recovery
---

Good sleep helps the body recover after exercise.

## 1. Why Sleep Matters

Deep sleep releases growth hormone, which repairs muscle tissue.

- **Memory:** Sleep consolidates memories formed during the day.

**Key Point:** Sleep is when the body repairs itself.

## 2. Naps

A short nap of twenty minutes can restore alertness without grogginess.
"""


STAFF_TOKEN = "test-staff-token-0123456789abcdef"
# Tests sign reply ids themselves with this secret, as a real reply would carry.
REPLY_SECRET = "test-reply-secret-0123456789abcdef-0123"
CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium as root, headless, with nothing that reaches for the network.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _staff_routes() -> list[tuple[str, str]]:
    """(method, path) of every staff route, read from the blueprint so a new route is tested too.

    A variable part is written as the OpenAPI document writes it ("{edit_id}"), which is also a
    value the route accepts, so one string serves as both the request path and the document key.
    """
    app = Flask(__name__)
    app.register_blueprint(staff.bp)
    rules = (r for r in app.url_map.iter_rules() if r.endpoint.startswith("staff."))
    paths = ((re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", r.rule), r.methods - {"HEAD", "OPTIONS"}) for r in rules)
    return sorted((method, path) for path, methods in paths for method in methods)


STAFF_ROUTES = _staff_routes()
API_STAFF_ROUTES = [route for route in STAFF_ROUTES if route[1].startswith("/api/")]


def ask(page, question: str):
    """Type a question, press Enter, and return the reply that answers it."""
    count = page.locator(".msg-assistant").count()
    page.fill("#question", question)
    page.press("#question", "Enter")
    reply = page.locator(".msg-assistant").nth(count)
    reply.wait_for()
    return reply


@dataclass
class HttpAnswer:
    """One HTTP answer as a test client saw it: status, lower-cased headers, body."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self):
        return json.loads(self.body)
