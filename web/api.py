"""The public JSON API: ask, feedback, health and the OpenAPI document."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Blueprint, Response, current_app, request, send_file
from werkzeug.exceptions import TooManyRequests

from assistant.models import REPLY_KINDS
from web.storage import StorageUnavailable
from web.validation import HISTORY, QUESTION, Field, read_json_object, validate

log = logging.getLogger(__name__)
bp = Blueprint("api", __name__, url_prefix="/api")

OPENAPI_PATH = Path(__file__).with_name("openapi.json")
ASK_FIELDS = {"question": QUESTION, "history": HISTORY}
FEEDBACK_FIELDS = {
    "reply_id": Field(required=True, min_length=1, max_length=64),
    "rating": Field(required=True, choices=("up", "down")),
    "comment": Field(max_length=1000),
    "question": Field(max_length=500),
    "kind": Field(max_length=20, choices=REPLY_KINDS),
}


def enforce_rate_limit() -> None:
    """Count this request against its client's window; 429 with Retry-After when it is full."""
    limiter = current_app.extensions["rate_limiter"]
    wait = limiter.hit(f"{request.endpoint} {request.remote_addr}") if limiter else 0
    if wait:
        raise TooManyRequests(f"too many requests; try again in {wait} seconds", retry_after=wait)


@bp.post("/ask")
def ask():
    """Answer a visitor's question with quotes from the articles."""
    enforce_rate_limit()
    body = validate(read_json_object(), ASK_FIELDS)
    kind, reply = current_app.extensions["replies"].body(body["question"], body.get("history"))
    if kind == "no_answer" and current_app.config["ASSISTANT_LOG_QUESTIONS"]:
        try:
            current_app.extensions["storage"].add_gap(body["question"])
        except StorageUnavailable as error:
            log.warning("could not log an unanswered question: %s", error)  # the visitor still gets a reply
    return Response(reply, mimetype="application/json")  # serialised once per distinct question (web/replies.py)


@bp.post("/feedback")
def feedback():
    """Store a visitor's rating of one reply (no IP address or user agent is kept)."""
    enforce_rate_limit()
    body = validate(read_json_object(), FEEDBACK_FIELDS)
    if not current_app.config["ASSISTANT_LOG_QUESTIONS"]:
        body.pop("question", None)
    current_app.extensions["storage"].add_feedback(**body)  # StorageUnavailable becomes a 503
    return {"status": "stored"}, 201


@bp.get("/health")
def health():
    """Say the app is up and how much it can quote from."""
    articles = current_app.extensions["assistant"].articles
    return {"status": "ok", "articles": len(articles), "passages": sum(len(a.passages) for a in articles)}


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI 3.1 description of every /api route."""
    return send_file(OPENAPI_PATH, mimetype="application/json", max_age=0)
