"""Shared fixtures: the real assistant for behaviour tests, and small corpora written per test."""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from assistant import Assistant
from web import create_app, staff
from web.config import SETTINGS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

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


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own ASSISTANT_* variables must not change what the tests see."""
    for setting in SETTINGS:
        monkeypatch.delenv(setting.name, raising=False)


@pytest.fixture(scope="session")
def assistant() -> Assistant:
    return Assistant.from_directory(CORPUS)


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """A corpus folder with one small article and no staff data."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "sleep-recovery.md").write_text(SMALL_ARTICLE, "utf-8")
    return folder


@pytest.fixture(scope="session")
def staff_token() -> str:
    return STAFF_TOKEN


@pytest.fixture(scope="session")
def staff_headers(staff_token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {staff_token}"}


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "instance" / "assistant.db"


@pytest.fixture
def make_app(assistant: Assistant, db_path: Path) -> Callable[..., Flask]:
    """Build an app around the session's engine with test defaults; keyword arguments override settings."""

    def make(**overrides) -> Flask:
        config = {
            "TESTING": True,
            "ASSISTANT_DB": str(db_path),
            "ASSISTANT_RATE_LIMIT": "off",
            "ASSISTANT_EVAL_SET": str(ROOT / "tests" / "data" / "eval.jsonl"),
            **overrides,
        }
        return create_app(config, assistant=assistant)

    return make


def _missing_browser() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "the playwright Python package is not installed"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    return None


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium through Playwright; skipped with the reason without it, failed in CI."""
    reason = _missing_browser()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
