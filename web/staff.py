"""The staff console: a static page, and JSON endpoints that need `Authorization: Bearer <token>`.

The app registers this blueprint only when a token is configured; otherwise every staff route is
a plain 404.
"""

from __future__ import annotations

import csv
import hmac
import io
import re
from pathlib import Path

from flask import Blueprint, Response, current_app, render_template, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import InternalServerError, Unauthorized

from assistant.evaluation import evaluate, load_cases
from web.citations import with_urls
from web.validation import HISTORY, QUESTION, read_json_object, validate

bp = Blueprint("staff", __name__)

EXPLAIN_FIELDS = {"question": QUESTION, "history": HISTORY}
GAP_COLUMNS = ("question", "count", "first_asked", "last_asked")
# Spreadsheet apps run cells that start with these as formulas (OWASP "CSV injection"). A cell may
# also be split again at a separator by an app that guesses the delimiter (";" in many locales), so
# a formula character after any separator or line break is neutralised too.
FORMULA_START = re.compile(r"(^|[,;\t|\r\n])(\s*)(?=[=+\-@\t\r])")


def token_matches(expected: str) -> bool:
    """Compare the request's bearer token with the configured one in constant time."""
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), expected.encode())


@bp.before_request
def require_staff_token() -> None:
    """401 for a missing or wrong bearer token, and for any token put in the URL."""
    expected = current_app.config["ASSISTANT_STAFF_TOKEN"]
    challenge = WWWAuthenticate("bearer", {"realm": "staff"})
    if any("token" in key.lower() for key in request.args):
        raise Unauthorized(
            "send the staff token in the Authorization header, never in the URL", www_authenticate=challenge
        )
    if request.path.startswith("/api/") and not token_matches(expected):
        raise Unauthorized("a valid staff token is required", www_authenticate=challenge)


@bp.get("/staff")
def console():
    """The console shell; its script asks for the token and calls the endpoints below."""
    return render_template("staff.html")


@bp.post("/api/staff/explain")
def explain():
    """How the assistant reached its reply: query terms, ranked candidates, the decision."""
    body = validate(read_json_object(), EXPLAIN_FIELDS)
    return with_urls(current_app.extensions["assistant"].explain(body["question"], body.get("history")))


@bp.post("/api/staff/evaluate")
def run_evaluation():
    """Run the evaluation set and return its metrics and per-question results."""
    path = Path(current_app.config["ASSISTANT_EVAL_SET"])
    try:
        cases = load_cases(path)
    except Exception as error:  # noqa: BLE001 - any unreadable set is reported to staff the same way
        raise InternalServerError(f"cannot load the evaluation set: {error}") from error
    return evaluate(current_app.extensions["assistant"], cases)


@bp.get("/api/staff/feedback")
def feedback():
    """Visitor feedback, newest first."""
    return {"feedback": current_app.extensions["storage"].list_feedback()}


@bp.get("/api/staff/gaps")
def gaps():
    """Unanswered questions, one row per normalised question, most recently asked first."""
    return {"gaps": current_app.extensions["storage"].gap_report()}


@bp.get("/api/staff/gaps.csv")
def gaps_csv():
    """The unanswered-questions report as a CSV download."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)  # every cell quoted, numbers too
    writer.writerow(GAP_COLUMNS)
    for row in current_app.extensions["storage"].gap_report():
        writer.writerow([neutralize_formula(row[column]) for column in GAP_COLUMNS])
    headers = {"Content-Disposition": 'attachment; filename="unanswered-questions.csv"'}
    return Response(out.getvalue(), mimetype="text/csv", headers=headers)


def neutralize_formula(value: object) -> object:
    """Prefix with ' every part of visitor text that a spreadsheet would evaluate, so it opens as text."""
    if isinstance(value, str):
        return FORMULA_START.sub(r"\1\2'", value)
    return value
