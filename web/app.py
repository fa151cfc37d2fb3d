"""The application factory: settings, the engine (built once), storage, security and routes."""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from flask import Flask
from flask.json.provider import DefaultJSONProvider
from werkzeug.middleware.proxy_fix import ProxyFix

from assistant import Assistant
from web import api, pages, staff
from web.clinic import init_clinic
from web.config import load_config
from web.edits import EditStore, LiveAssistant
from web.errors import init_errors
from web.insights import ReplyCounts
from web.rated_quotes import RatedQuotes
from web.ratelimit import init_rate_limits
from web.replies import ReplyBodies, ReplySigner, load_secret
from web.security import init_security
from web.storage import Storage, StorageUnavailable

log = logging.getLogger(__name__)
# Questions are at most 500 characters and history ten of those; 16 KiB leaves room for JSON escapes.
MAX_CONTENT_LENGTH = 16 * 1024
# How often each server process runs the retention purge (when ASSISTANT_RETENTION_DAYS is set).
PURGE_INTERVAL_S = 3600


def create_app(test_config: Mapping[str, Any] | None = None, assistant: Assistant | None = None) -> Flask:
    """Build the app; raises ConfigError for a bad setting and CorpusError for a bad corpus.

    Pass `assistant` to reuse an engine already built (tests build one per session).
    """
    app = Flask(__name__)
    config = load_config(test_config)
    app.config.from_mapping(MAX_CONTENT_LENGTH=MAX_CONTENT_LENGTH, **config)
    app.config["TRUSTED_HOSTS"] = config["ASSISTANT_TRUSTED_HOSTS"]  # other Host headers get 400
    cast(DefaultJSONProvider, app.json).sort_keys = False  # keep replies in the order Reply.to_dict() gives them
    app.extensions["assistant"] = assistant or Assistant.from_directory(
        app.config["ASSISTANT_CORPUS"], cache_dir=app.config["ASSISTANT_CACHE_DIR"]
    )
    app.extensions["storage"] = storage = Storage(app.config["ASSISTANT_DATABASE_URL"])
    storage.check()  # creates or migrates the tables now, or logs why it cannot; start-up goes on
    app.extensions["reply_signer"] = ReplySigner(_secret(app))
    ensure_ascii = getattr(app.json, "ensure_ascii", True)  # the DefaultJSONProvider setting jsonify uses
    app.extensions["replies"] = ReplyBodies(app.extensions, api.public_reply, ensure_ascii=ensure_ascii)
    app.extensions["reply_counts"] = ReplyCounts(storage)
    app.extensions["rated_quotes"] = RatedQuotes(storage)
    live = LiveAssistant(app.extensions, EditStore(storage), app.extensions["assistant"])
    app.extensions["live_assistant"] = live
    live.load()  # staff edits made in the console, merged before the first request
    app.before_request(live.refresh_if_due)  # edits made on other workers arrive within seconds
    if hops := app.config["ASSISTANT_TRUSTED_PROXIES"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops)  # type: ignore[method-assign]  # remote_addr becomes the visitor's address
    init_security(app)
    init_errors(app)
    init_clinic(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    if app.config["ASSISTANT_STAFF_TOKEN"]:  # without a token the staff routes do not exist: 404
        app.register_blueprint(staff.bp)
    init_rate_limits(app)
    if app.config["ASSISTANT_RETENTION_DAYS"] is not None:
        init_retention(app, storage, app.config["ASSISTANT_RETENTION_DAYS"])
    return app


def _secret(app: Flask) -> str:
    folder = Path(app.config["ASSISTANT_DB"]).parent
    try:
        return load_secret(app.config["ASSISTANT_SECRET_KEY"], folder)
    except OSError as error:
        log.warning("cannot keep a secret in %s (%s): reply ids last until this process stops", folder, error)
        return secrets.token_urlsafe(32)


def init_retention(app: Flask, storage: Storage, days: int) -> None:
    """Purge old rows once an hour per process, in a background thread started by a request.

    Started lazily so that it runs in each gunicorn worker, not in the parent before the fork.
    """
    state = {"next": 0.0}
    lock = threading.Lock()

    def purge() -> None:
        try:
            deleted = storage.purge(days)
            if deleted:
                log.info("retention: deleted %d record(s) older than %d day(s)", deleted, days)
        except StorageUnavailable as error:
            log.warning("retention purge failed: %s", error)

    @app.before_request
    def purge_when_due() -> None:
        now = time.monotonic()
        if now < state["next"] or not lock.acquire(blocking=False):
            return
        try:
            state["next"] = now + PURGE_INTERVAL_S
            threading.Thread(target=purge, name="retention-purge", daemon=True).start()
        finally:
            lock.release()
