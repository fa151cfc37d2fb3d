"""The public JSON API: ask, feedback, health and the OpenAPI document."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from flask import Blueprint, Response, current_app, send_file
from werkzeug.exceptions import BadRequest, TooManyRequests

from assistant.models import Reply
from web.citations import with_urls
from web.clinic import current_clinic
from web.replies import with_id
from web.storage import FeedbackCapReached
from web.validation import OPENAPI_PATH, read_json_object, request_fields, validate

bp = Blueprint("api", __name__, url_prefix="/api")

ASK_FIELDS = request_fields("AskRequest")
# A signed reply id holds the question (500 characters, up to 4 bytes each in UTF-8) in base64;
# the OpenAPI document allows 4096 characters. "question" and "kind" are accepted from older
# pages but ignored: they come from the signed reply id.
FEEDBACK_FIELDS = request_fields("FeedbackRequest")
UNKNOWN_REPLY = "reply_id is not a reply this assistant gave in the last day"


@bp.post("/ask")
def ask():
    """Answer a visitor's question with quotes from the articles."""
    body = validate(read_json_object(), ASK_FIELDS)
    log_questions = current_app.config["ASSISTANT_LOG_QUESTIONS"]
    kind, tail = current_app.extensions["replies"].tail(body["question"], body.get("history"))
    if kind == "no_answer" and log_questions:
        current_app.extensions["storage"].add_gap(body["question"])  # written in the background, batched
    current_app.extensions["reply_counts"].count(kind)  # a day and a kind, no text; written later
    signed = current_app.extensions["reply_signer"].sign(
        secrets.token_hex(16), kind, body["question"] if log_questions else ""
    )
    # The rest of the body is serialised once per distinct question (web/replies.py).
    return Response(with_id(signed, tail), mimetype="application/json")


def public_reply(reply: Reply) -> dict:
    """A reply as the API sends it, without its id: citation URLs, and the clinic's contact when declined."""
    out = with_urls(reply.to_dict())
    out.pop("id")
    if reply.kind == "no_answer" and (contact := current_clinic().contact()):
        out["contact"] = contact  # the most useful next step when the articles have no answer
    return out


@bp.post("/feedback")
def feedback():
    """Store a visitor's rating of one reply this server gave, once per reply and rating."""
    body = validate(read_json_object(), FEEDBACK_FIELDS)
    signed = current_app.extensions["reply_signer"].verify(body["reply_id"])
    if signed is None:
        raise BadRequest(UNKNOWN_REPLY)
    quote = body.get("quote")
    if quote is not None and current_app.extensions["assistant"].passage(quote) is None:
        raise BadRequest(f"quote must be the id of a passage (slug#anchor), got {quote!r}")
    try:
        current_app.extensions["storage"].add_feedback(  # StorageUnavailable becomes a 503
            signed.nonce,
            body["rating"],
            comment=body.get("comment", ""),
            question=signed.question if current_app.config["ASSISTANT_LOG_QUESTIONS"] else "",
            kind=signed.kind,
            # A retried post stores nothing twice; a comment sent after the one-click rating is a new row.
            idempotency_key=f"{signed.nonce}:{body['rating']}:{comment_key(body.get('comment', ''))}",
            daily_cap=current_app.config["ASSISTANT_FEEDBACK_DAILY_CAP"],
        )
    except FeedbackCapReached:
        raise TooManyRequests(
            "feedback is full for today; try again tomorrow", retry_after=seconds_to_midnight()
        ) from None
    if quote:
        current_app.extensions["rated_quotes"].add(signed.nonce, quote)
    return {"status": "stored"}, 201


def comment_key(comment: str) -> str:
    """A short fixed-length stand-in for a comment in the idempotency key."""
    return hashlib.sha256(comment.encode()).hexdigest()[:16] if comment else ""


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
