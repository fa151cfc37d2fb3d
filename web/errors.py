"""Error responses: JSON {"error": ...} under /api/, a friendly page elsewhere; never a traceback."""

from __future__ import annotations

import json
import logging

from flask import Flask, Response, current_app, render_template, request
from flask_limiter.errors import RateLimitExceeded
from werkzeug.exceptions import HTTPException, InternalServerError, TooManyRequests
from werkzeug.wrappers import Response as BaseResponse

from web.storage import StorageUnavailable

log = logging.getLogger(__name__)

# Werkzeug's default descriptions are written for browsers; API clients get these shorter ones.
API_MESSAGES = {
    400: "bad request",
    401: "a valid staff token is required",
    404: "no such API route",
    405: "method not allowed",
    413: "the request body is too large (16 KiB at most)",
    415: "send the body as JSON with Content-Type: application/json",
    429: "too many requests; try again later",
    500: "internal error; the problem has been logged",
}
STORAGE_UNAVAILABLE = "feedback is temporarily unavailable"


def init_errors(app: Flask) -> None:
    """Register the handlers for HTTP errors and unexpected exceptions."""
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(StorageUnavailable, handle_storage_error)
    app.register_error_handler(Exception, handle_unexpected_error)


def handle_http_error(error: HTTPException) -> BaseResponse:
    """JSON for the API, keeping headers such as Allow and Retry-After; a page for browsers."""
    if isinstance(error, RateLimitExceeded):
        from web.ratelimit import retry_after

        wait = retry_after(current_app.extensions["rate_limiter"])
        error = TooManyRequests(f"too many requests; try again in {wait} seconds", retry_after=wait)
    if not request.path.startswith("/api/"):
        if error.code == 404:
            return Response(render_template("not_found.html"), status=404)
        return error.get_response()
    response = error.get_response()
    custom = error.description != type(error).description
    message = error.description if custom else API_MESSAGES.get(error.code or 500, error.name.lower())
    response.set_data(json.dumps({"error": message}))
    response.content_type = "application/json"
    return response


def handle_unexpected_error(error: Exception) -> BaseResponse:
    """Log the exception, answer with a plain 500 that reveals nothing of it."""
    log.exception("unhandled error on %s %s", request.method, request.path)
    return handle_http_error(InternalServerError())


def handle_storage_error(error: StorageUnavailable) -> tuple[dict, int]:
    """The database cannot be used: a 503 the page can show, while chat goes on answering."""
    log.warning("storage unavailable on %s: %s", request.path, error)
    return {"error": STORAGE_UNAVAILABLE}, 503
