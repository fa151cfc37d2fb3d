"""The application factory: settings, the engine (built once), storage, security and routes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from assistant import Assistant
from web import api, pages, staff
from web.config import load_config
from web.errors import init_errors
from web.ratelimit import SlidingWindowLimiter
from web.replies import ReplyBodies
from web.security import init_security
from web.storage import Storage

# Questions are at most 500 characters and history ten of those; 16 KiB leaves room for JSON escapes.
MAX_CONTENT_LENGTH = 16 * 1024


def create_app(test_config: Mapping[str, Any] | None = None, assistant: Assistant | None = None) -> Flask:
    """Build the app; raises ConfigError for a bad setting and CorpusError for a bad corpus.

    Pass `assistant` to reuse an engine already built (tests build one per session).
    """
    app = Flask(__name__)
    app.config.from_mapping(MAX_CONTENT_LENGTH=MAX_CONTENT_LENGTH, **load_config(test_config))
    app.json.sort_keys = False  # keep replies in the order Reply.to_dict() gives them
    app.extensions["assistant"] = assistant or Assistant.from_directory(
        app.config["ASSISTANT_CORPUS"], cache_dir=app.config["ASSISTANT_CACHE_DIR"]
    )
    app.extensions["replies"] = ReplyBodies(app.extensions["assistant"], ensure_ascii=app.json.ensure_ascii)
    app.extensions["storage"] = storage = Storage(app.config["ASSISTANT_DB"])
    storage.check()  # creates the tables now, or logs why it cannot; start-up goes on either way
    limit = app.config["ASSISTANT_RATE_LIMIT"]
    app.extensions["rate_limiter"] = SlidingWindowLimiter(*limit) if limit else None
    if hops := app.config["ASSISTANT_TRUSTED_PROXIES"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops)  # remote_addr becomes the visitor's address
    init_security(app)
    init_errors(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    if app.config["ASSISTANT_STAFF_TOKEN"]:  # without a token the staff routes do not exist: 404
        app.register_blueprint(staff.bp)
    return app
