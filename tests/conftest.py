"""The one chain of shared fixtures (flaskr's app → client → runner), for every test folder.

The real assistant is built once per session; apps, databases (in RAM where the machine has a
RAM folder) and small corpora are made per test, except that tables of requests that store nothing
share one app per module (shared_app). Shared values that are not fixtures live in
tests/helpers.py; no test imports this file.
Sub-folders' conftest files add only what their own tests need (live servers, the stack).
"""

from __future__ import annotations

import gc
import importlib.util
import os
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import settings
from jsonschema import Draft202012Validator
from werkzeug.serving import make_server

from assistant import Assistant
from tests.helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    CORPUS,
    EVAL_SET,
    EVAL_SET_SIZE,
    OPENAPI,
    REPLY_SECRET,
    SMALL_ARTICLE,
    STAFF_TOKEN,
)
from web import create_app
from web.config import SETTINGS
from web.replies import ReplySigner

# Tests with these markers start browsers, servers or databases: all are part of the slow set.
SLOW_MARKERS = ("browser", "load", "postgres", "stack")
# Fixtures that start a process or a browser make a test slow too.
SLOW_FIXTURES = ("browser", "start_server", "shared_server", "live_app", "postgres_server", "postgres_url")
# Whole folders outside the fast subset: reliability (faults, fuzzing, access-control and injection
# tables, load) and the deployed stack. The fast subset is the engine, web and command-line tests.
SLOW_FOLDERS = ("reliability", "stack")


# Property tests that leave max_examples to the profile try PROPERTY_EXAMPLES inputs in the full
# run and FAST_PROPERTY_EXAMPLES in the fast subset (`-m "not slow"`); `--hypothesis-profile full`
# or `fast` chooses either. Tests that name their own budget (tests/reliability/) keep it.
PROPERTY_EXAMPLES, FAST_PROPERTY_EXAMPLES = 300, 50
settings.register_profile("full", max_examples=PROPERTY_EXAMPLES)
settings.register_profile("fast", max_examples=FAST_PROPERTY_EXAMPLES)


TESTS = Path(__file__).parent


def _fast_subset(config: pytest.Config) -> bool:
    """Whether this run is the README's fast subset, `pytest -m "not slow"`."""
    return (config.getoption("markexpr", "") or "").strip() == "not slow"


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("hypothesis_profile", None) is None:
        settings.load_profile("fast" if _fast_subset(config) else "full")


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """In the fast subset the slow folders, all of whose tests are slow, are not even imported."""
    if _fast_subset(config) and collection_path.parent == TESTS and collection_path.name in SLOW_FOLDERS:
        return True
    return None  # pytest's own rules decide


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`pytest -m "not slow"` is the fast subset: mark what starts processes, browsers or databases."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        folder = item.path.relative_to(TESTS).parts[0] if item.path.is_relative_to(TESTS) else ""
        slow_by_marker = any(item.get_closest_marker(m) for m in SLOW_MARKERS)
        if slow_by_marker or folder in SLOW_FOLDERS or any(f in fixtures for f in SLOW_FIXTURES):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own ASSISTANT_* variables must not change what the tests see."""
    for setting in SETTINGS:
        monkeypatch.delenv(setting.name, raising=False)


@pytest.fixture(scope="session")
def assistant() -> Assistant:
    engine = Assistant.from_directory(CORPUS)
    # The engine, the modules and the collected tests live for the whole session: freezing them out
    # of the garbage collector's reach spares each full collection a walk over all of them (about
    # 1 s of the fast subset's run went to those walks).
    gc.collect()
    gc.freeze()
    return engine


@pytest.fixture(scope="session")
def without_examples(assistant: Assistant) -> Assistant:
    """The bundled corpus without its examples (assistant/examples.py): the articles' own evidence."""
    return assistant.with_examples([])


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


# A RAM-backed folder, where the machine has one, for the tests' SQLite files.
RAM_FOLDER = Path("/dev/shm")


@pytest.fixture(scope="session")
def db_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Where the tests' SQLite databases go: a folder in RAM when there is one, else under tmp_path.

    A new SQLite database syncs to disk when WAL mode is set and again when it is closed; with a
    fresh database per test, those waits were a third of the fast subset's wall time on this shared
    machine. What the tests check does not depend on the disk; tests/reliability/ (faults, load)
    overrides db_path to keep its databases on disk.
    """
    if RAM_FOLDER.is_dir() and os.access(RAM_FOLDER, os.W_OK | os.X_OK):
        folder = Path(tempfile.mkdtemp(prefix="assistant-tests-", dir=RAM_FOLDER))
        yield folder
        shutil.rmtree(folder, ignore_errors=True)
    else:
        yield tmp_path_factory.mktemp("databases")


@pytest.fixture
def db_path(db_folder: Path) -> Path:
    """A database file for one test, in a folder of its own (the app keeps its secret key beside it)."""
    return Path(tempfile.mkdtemp(dir=db_folder)) / "instance" / "assistant.db"


@pytest.fixture(scope="session")
def eval_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first EVAL_SET_SIZE cases of the evaluation set, for the staff console's evaluation.

    The web tests check the endpoint (shape, errors, what changed since the last run); the engine's
    scores on the whole set are tests/test_evaluation.py's, so the console need not run all 430.
    """
    path = tmp_path_factory.mktemp("eval") / "eval.jsonl"
    path.write_text("".join(EVAL_SET.read_text("utf-8").splitlines(keepends=True)[:EVAL_SET_SIZE]), "utf-8")
    return path


def _test_settings(db: Path, eval_set: Path, overrides: dict) -> dict:
    """The app settings every test starts from: no rate limits, a known secret, a small evaluation set."""
    return {
        "TESTING": True,
        "ASSISTANT_DB": str(db),
        "ASSISTANT_RATE_LIMIT": "off",
        "ASSISTANT_FEEDBACK_LIMIT": "off",
        "ASSISTANT_SECRET_KEY": REPLY_SECRET,
        "ASSISTANT_EVAL_SET": str(eval_set),
        **overrides,
    }


@pytest.fixture
def make_app(assistant: Assistant, db_path: Path, eval_set: Path) -> Iterator[Callable[..., Flask]]:
    """Build an app around the session's engine with test defaults; keyword arguments override settings."""
    apps: list[Flask] = []

    def make(**overrides) -> Flask:
        apps.append(create_app(_test_settings(db_path, eval_set, overrides), assistant=assistant))
        return apps[-1]

    yield make
    for app in apps:
        app.extensions["storage"].close()


@pytest.fixture(scope="module")
def shared_app(assistant: Assistant, eval_set: Path, db_folder: Path) -> Iterator[Callable[..., Flask]]:
    """Like make_app, but one app per set of settings for a whole module, each with its own database.

    Only for tables of requests that change nothing (refusals, rejected bodies, headers, pages): a
    new app with a migrated database costs more than most such cases, and a test that stores
    anything must use make_app or app instead. Call it inside the test, after clean_environment.
    """
    apps: dict[tuple, Flask] = {}

    def get(**overrides) -> Flask:
        key = tuple(sorted(overrides.items()))
        if key not in apps:
            db = Path(tempfile.mkdtemp(dir=db_folder)) / "instance" / "assistant.db"
            apps[key] = create_app(_test_settings(db, eval_set, overrides), assistant=assistant)
        return apps[key]

    yield get
    for app in apps.values():
        app.extensions["storage"].close()


# The flaskr chain: app → client → runner ------------------------------------------------------


@pytest.fixture
def app(make_app) -> Flask:
    """The app with test settings, a fresh database under tmp_path and the session's engine."""
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def staff_client(make_app, staff_token: str) -> FlaskClient:
    """A client of an app with a staff token configured (requests still need the header)."""
    return make_app(ASSISTANT_STAFF_TOKEN=staff_token).test_client()


@dataclass(frozen=True)
class CliResult:
    """What one `assistant` command did: exit status and captured output."""

    code: int
    out: str
    err: str


@pytest.fixture
def runner(app: Flask, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliResult]:
    """Run the `assistant` command line in-process against the app's database; returns a CliResult."""
    from assistant.cli import main

    monkeypatch.setenv("ASSISTANT_DB", app.config["ASSISTANT_DB"])

    def run(*args: str) -> CliResult:
        capsys.readouterr()  # only this command's output
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


# The OpenAPI document --------------------------------------------------------------------------


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


# Browser and PostgreSQL ------------------------------------------------------------------------


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
def database_url(request, db_path: Path) -> str:
    """Each storage test runs twice: on a SQLite file and on a real PostgreSQL database."""
    if request.param == "sqlite":
        return str(db_path)
    return request.getfixturevalue("postgres_url")


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
