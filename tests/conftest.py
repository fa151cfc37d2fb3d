"""Shared fixtures: the real assistant for behaviour tests, and small corpora written per test."""

from __future__ import annotations

import importlib.util
import os
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask

from assistant import Assistant
from web import create_app, staff
from web.config import SETTINGS
from web.replies import ReplySigner

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
def reply_secret() -> str:
    return REPLY_SECRET


@pytest.fixture(scope="session")
def sign_reply():
    """Make a valid reply id (as /api/ask gives) for a question and kind, with a fresh nonce."""
    signer = ReplySigner(REPLY_SECRET)

    def sign(question: str = "Is it safe?", kind: str = "answer", nonce: str | None = None) -> str:
        return signer.sign(nonce or uuid.uuid4().hex, kind, question)

    return sign


@pytest.fixture
def feedback_body(sign_reply):
    """A valid feedback body for a fresh reply; keyword arguments replace fields."""

    def body(rating: str = "up", question: str = "Is it safe?", kind: str = "answer", **fields) -> dict:
        return {"reply_id": sign_reply(question, kind), "rating": rating, **fields}

    return body


@pytest.fixture(scope="session")
def staff_headers(staff_token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {staff_token}"}


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "instance" / "assistant.db"


@pytest.fixture
def make_app(assistant: Assistant, db_path: Path) -> Iterator[Callable[..., Flask]]:
    """Build an app around the session's engine with test defaults; keyword arguments override settings."""
    apps: list[Flask] = []

    def make(**overrides) -> Flask:
        config = {
            "TESTING": True,
            "ASSISTANT_DB": str(db_path),
            "ASSISTANT_RATE_LIMIT": "off",
            "ASSISTANT_FEEDBACK_LIMIT": "off",
            "ASSISTANT_SECRET_KEY": REPLY_SECRET,
            "ASSISTANT_EVAL_SET": str(ROOT / "tests" / "data" / "eval.jsonl"),
            **overrides,
        }
        apps.append(create_app(config, assistant=assistant))
        return apps[-1]

    yield make
    for app in apps:
        app.extensions["storage"].close()


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


# PostgreSQL ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_server():
    """Debian's PostgreSQL, started once per session in a temporary folder; yields (service, base URL).

    Skipped with the reason when PostgreSQL is not installed; in CI that is a failure.
    """
    import shutil

    from deploy import services

    try:
        services.postgres_bin()
    except RuntimeError as error:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL tests must run in CI: {error}")
        pytest.skip(str(error))
    folder = services.make_folder("assistant-test-pg-")
    service, url = services.start_postgres(folder, durable=False)
    yield service, url
    service.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A fresh, empty database on the session's PostgreSQL server, for one test."""
    import psycopg

    _, url = postgres_server
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path: Path) -> str:
    """Each storage test runs twice: on a SQLite file and on a real PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "instance" / "assistant.db")
    return request.getfixturevalue("postgres_url")
