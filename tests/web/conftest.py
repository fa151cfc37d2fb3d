"""Fixtures for the web tests: a fresh app and database per test, around the session-wide
`assistant` of tests/conftest.py (the real bundled corpus, indexed once).

Tests get shared values through fixtures, never by importing this module, so they run the same
under any pytest import mode.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from jsonschema import Draft202012Validator

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
