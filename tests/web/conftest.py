"""Fixtures for the web tests: a fresh app and database per test, around the session-wide
`assistant` of tests/conftest.py (the real bundled corpus, indexed once).

Tests get shared values through fixtures, never by importing this module, so they run the same
under any pytest import mode.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from jsonschema import Draft202012Validator
from werkzeug.serving import make_server

from web import create_app
from web.config import SETTINGS

ROOT = Path(__file__).resolve().parents[2]
OPENAPI = json.loads((ROOT / "web" / "openapi.json").read_text("utf-8"))


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own ASSISTANT_* variables must not change what the tests see."""
    for setting in SETTINGS:
        monkeypatch.delenv(setting.name, raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "instance" / "assistant.db"


@pytest.fixture
def app(make_app) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask):
    return app.test_client()


@pytest.fixture
def staff_client(make_app, staff_token):
    """A client of an app with a staff token configured (requests still need the header)."""
    return make_app(ASSISTANT_STAFF_TOKEN=staff_token).test_client()


@pytest.fixture(scope="session")
def openapi() -> dict:
    """The OpenAPI document as shipped in web/openapi.json."""
    return OPENAPI


def response_schema(path: str, method: str, status: int) -> dict:
    """The JSON schema the OpenAPI document gives for one response, with its components."""
    responses = OPENAPI["paths"][path][method.lower()]["responses"]
    response = responses.get(str(status), responses.get("default"))
    assert response is not None, f"{method} {path} {status} is not documented"
    if "$ref" in response:
        response = OPENAPI["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    return {**response["content"]["application/json"]["schema"], "components": OPENAPI["components"]}


@pytest.fixture
def assert_documented() -> Callable:
    """Check a response's status and JSON body against the OpenAPI document."""

    def check(response, path: str, method: str = "POST") -> dict:
        body = response.get_json()
        assert response.content_type == "application/json"
        errors = list(Draft202012Validator(response_schema(path, method, response.status_code)).iter_errors(body))
        assert not errors, [e.message for e in errors]
        return body

    return check


BROWSER_TOKEN = "browser-test-staff-token-0123456789"


@pytest.fixture(scope="module")
def serve(assistant, tmp_path_factory) -> Iterator[Callable[..., dict]]:
    """Start the app (settings as keyword arguments) on 127.0.0.1 at a free port, in a thread;
    every server started is stopped at the end of the module."""
    servers = []

    def start(**settings) -> dict:
        db = tmp_path_factory.mktemp("browser") / "assistant.db"
        config = {"ASSISTANT_DB": str(db), "ASSISTANT_RATE_LIMIT": "off", "ASSISTANT_STAFF_TOKEN": BROWSER_TOKEN}
        app = create_app({**config, **settings}, assistant=assistant)
        httpd = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        servers.append((httpd, thread))
        return {"url": f"http://127.0.0.1:{httpd.server_port}", "db": db, "token": BROWSER_TOKEN}

    yield start
    for httpd, thread in servers:
        httpd.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def server(serve) -> dict:
    """The app with default settings, for a whole test module."""
    return serve()


@pytest.fixture
def open_page(browser, server):
    """Open a path in a fresh context; fail the test on a script or CSP error or a missing asset.

    API errors are left out: some tests provoke them, and the page shows them in the chat.
    """
    contexts, errors = [], []

    def on_console(message) -> None:
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            errors.append(message.text)

    def on_response(response) -> None:
        if response.status >= 400 and "/api/" not in response.url:
            errors.append(f"{response.status} {response.url}")

    def open_(path: str = "/", width: int = 1280, scheme: str = "light", height: int = 900, base: str | None = None):
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.on("console", on_console)
        page.on("response", on_response)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto((base or server["url"]) + path)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not errors, errors
