"""The public JSON API: ask, feedback, health and the OpenAPI document."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

from flask import Blueprint, current_app, send_file
from werkzeug.exceptions import BadRequest, TooManyRequests

from assistant.models import REPLY_KINDS
from web.citations import with_urls
from web.storage import FeedbackCapReached, StorageUnavailable
from web.validation import HISTORY, QUESTION, Field, read_json_object, validate

log = logging.getLogger(__name__)
bp = Blueprint("api", __name__, url_prefix="/api")

OPENAPI_PATH = Path(__file__).with_name("openapi.json")
ASK_FIELDS = {"question": QUESTION, "history": HISTORY}
# A signed reply id holds the question (500 characters, up to 4 bytes each in UTF-8) in base64.
MAX_REPLY_ID = 4096
FEEDBACK_FIELDS = {
    "reply_id": Field(required=True, min_length=1, max_length=MAX_REPLY_ID),
    "rating": Field(required=True, choices=("up", "down")),
    "comment": Field(max_length=1000),
    # Accepted for older pages but ignored: the question and kind come from the signed reply id.
    "question": Field(max_length=500),
    "kind": Field(max_length=20, choices=REPLY_KINDS),
}
UNKNOWN_REPLY = "reply_id is not a reply this assistant gave in the last day"


@bp.post("/ask")
def ask():
    """Answer a visitor's question with quotes from the articles."""
    body = validate(read_json_object(), ASK_FIELDS)
    reply = current_app.extensions["assistant"].ask(body["question"], body.get("history"))
    log_questions = current_app.config["ASSISTANT_LOG_QUESTIONS"]
    if reply.kind == "no_answer" and log_questions:
        try:
            current_app.extensions["storage"].add_gap(body["question"])
        except StorageUnavailable as error:
            log.warning("could not log an unanswered question: %s", error)  # the visitor still gets a reply
    signed = current_app.extensions["reply_signer"].sign(
        reply.id, reply.kind, body["question"] if log_questions else ""
    )
    return with_urls({**reply.to_dict(), "id": signed})


@bp.post("/feedback")
def feedback():
    """Store a visitor's rating of one reply this server gave, once per reply and rating."""
    body = validate(read_json_object(), FEEDBACK_FIELDS)
    signed = current_app.extensions["reply_signer"].verify(body["reply_id"])
    if signed is None:
        raise BadRequest(UNKNOWN_REPLY)
    try:
        current_app.extensions["storage"].add_feedback(  # StorageUnavailable becomes a 503
            signed.nonce,
            body["rating"],
            comment=body.get("comment", ""),
            question=signed.question if current_app.config["ASSISTANT_LOG_QUESTIONS"] else "",
            kind=signed.kind,
            idempotency_key=f"{signed.nonce}:{body['rating']}",  # a retried post stores nothing twice
            daily_cap=current_app.config["ASSISTANT_FEEDBACK_DAILY_CAP"],
        )
    except FeedbackCapReached:
        raise TooManyRequests(
            "feedback is full for today; try again tomorrow", retry_after=seconds_to_midnight()
        ) from None
    return {"status": "stored"}, 201


def seconds_to_midnight() -> int:
    """Seconds until the daily feedback cap starts again (midnight UTC)."""
    now = datetime.now(UTC)
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(1, int((midnight - now).total_seconds()))


@bp.get("/health")
def health():
    """Say the app is up and how much it can quote from."""
    articles = current_app.extensions["assistant"].articles
    return {"status": "ok", "articles": len(articles), "passages": sum(len(a.passages) for a in articles)}


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI 3.1 description of every /api route."""
    return send_file(OPENAPI_PATH, mimetype="application/json", max_age=0)
