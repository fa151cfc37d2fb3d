"""The staff console: a static page, and JSON endpoints that need `Authorization: Bearer <token>`.

The app registers this blueprint only when a token is configured; otherwise every staff route is
a plain 404.
"""

from __future__ import annotations

import csv
import hmac
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, render_template, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import BadRequest, Conflict, InternalServerError, NotFound, Unauthorized

from assistant.evaluation import evaluate, load_cases
from assistant.staffdata import question_key
from web import edits, insights
from web.citations import with_urls
from web.clinic import current_clinic
from web.storage import StorageUnavailable
from web.validation import read_json_object, request_fields, validate

bp = Blueprint("staff", __name__)

EXPLAIN_FIELDS = request_fields("AskRequest")
GAP_COLUMNS = ("question", "count", "first_asked", "last_asked")
# Spreadsheet apps run cells that start with these as formulas (OWASP "CSV injection"). A cell may
# also be split again at a separator by an app that guesses the delimiter (";" in many locales), so
# a formula character after any separator or line break is neutralised too.
FORMULA_START = re.compile(r"(^|[,;\t|\r\n])(\s*)(?=[=+\-@\t\r])")
EDIT_FIELDS = {
    "questions": request_fields("QuestionEditRequest"),
    "synonyms": request_fields("SynonymEditRequest"),
    "not-covered": request_fields("NotCoveredEditRequest"),
}
# Each collection's edit kind and its check (which returns the payload to store).
EDIT_CHECKS: dict[str, tuple[str, Callable[..., dict[str, Any]]]] = {
    "questions": ("question", edits.check_question),
    "synonyms": ("synonym", edits.check_synonym),
    "not-covered": ("not_covered", edits.check_not_covered),
}


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
    trace = with_urls(current_app.extensions["assistant"].explain(body["question"], body.get("history")))
    if trace["reply"]["kind"] == "no_answer" and (contact := current_clinic().contact()):
        trace["reply"]["contact"] = contact  # exactly as /api/ask gives it to the visitor
    return trace


@bp.post("/api/staff/evaluate")
def run_evaluation():
    """Run the evaluation set and return its metrics and per-question results."""
    path = Path(current_app.config["ASSISTANT_EVAL_SET"])
    try:
        cases = load_cases(path)
    except Exception as error:  # noqa: BLE001 - any unreadable set is reported to staff the same way
        raise InternalServerError(f"cannot load the evaluation set: {error}") from error
    summary = evaluate(current_app.extensions["assistant"], cases)
    runs = insights.EvalRuns(current_app.extensions["storage"])
    try:
        previous = runs.latest()
        runs.add({r["question"]: {"passed": r["passed"], "got": r["got"]} for r in summary["results"]})
    except StorageUnavailable:
        previous = None  # the run is still shown, without a comparison
    summary["previous_run"] = previous["created_at"] if previous else None
    summary["changes"] = insights.outcome_changes(previous and previous["outcomes"], summary["results"])
    return summary


@bp.get("/api/staff/feedback")
def feedback():
    """Visitor feedback, newest first: one row per reply (a changed rating replaces the earlier one),
    with the quote that was rated."""
    rows, seen = [], set()
    for row in current_app.extensions["storage"].list_feedback():
        if row["reply_id"] not in seen:
            seen.add(row["reply_id"])
            rows.append(row)
    quotes = current_app.extensions["rated_quotes"].lookup([row["reply_id"] for row in rows])
    assistant = current_app.extensions["assistant"]
    for row in rows:
        if (passage := assistant.passage(quotes.get(row["reply_id"], ""))) is not None:
            row["quote"] = {"passage": passage.id, "section": passage.section_label, "text": passage.text}
    return {"feedback": rows}


def open_gaps() -> list[dict]:
    """The unanswered-questions report without the questions staff marked as not covered."""
    hidden = {question_key(q) for q in current_app.extensions["assistant"].data.not_covered}
    rows = current_app.extensions["storage"].gap_report()
    return [row for row in rows if question_key(row["question"]) not in hidden]


@bp.get("/api/staff/gaps")
def gaps():
    """Unanswered questions, one row per normalised question, most recently asked first."""
    return {"gaps": open_gaps()}


def add_edit(collection: str):
    """Add an alternate question, a synonym rule or a "not covered" question; live within seconds."""
    body = validate(read_json_object(), EDIT_FIELDS[collection])
    kind, check = EDIT_CHECKS[collection]
    live = current_app.extensions["live_assistant"]
    try:
        payload = check(current_app.extensions["assistant"], **body)
    except edits.EditRejected as error:
        if error.conflict:
            raise Conflict(str(error)) from None
        raise BadRequest(str(error)) from None
    edit = live.store.add(kind, payload)  # StorageUnavailable becomes a 503
    live.refresh()  # this worker rebuilds now; the others at their next check
    return edit.to_dict(), 201


def undo_edit(collection: str, edit_id: str):
    """Undo an edit; it stays in the log with the time it was undone."""
    live = current_app.extensions["live_assistant"]
    found = next((e for e in live.store.list() if e.id == edit_id and e.kind == EDIT_CHECKS[collection][0]), None)
    if found is None:
        raise NotFound(f"no {collection} edit with id {edit_id!r}")
    undone = live.store.undo(edit_id) or found
    live.refresh()
    return undone.to_dict()


for _collection in EDIT_FIELDS:  # one literal path per kind, as the OpenAPI document lists them
    _kind = {"collection": _collection}
    bp.add_url_rule(f"/api/staff/{_collection}", f"add_{_collection}", add_edit, methods=["POST"], defaults=_kind)
    _path = f"/api/staff/{_collection}/<edit_id>"
    bp.add_url_rule(_path, f"undo_{_collection}", undo_edit, methods=["DELETE"], defaults=_kind)


@bp.get("/api/staff/edits")
def list_edits():
    """Every edit in force, oldest first, and the log of all edits with when each was made or undone."""
    store = current_app.extensions["live_assistant"].store
    return {"edits": [e.to_dict() for e in store.list()], "log": [e.to_dict() for e in store.list(True)]}


@bp.get("/api/staff/gap-groups")
def gap_groups():
    """Unanswered questions grouped with near-duplicates, most asked first, with the closest passages."""
    return {"groups": insights.group_gaps(open_gaps(), current_app.extensions["assistant"])}


@bp.get("/api/staff/trends")
def trends():
    """Replies by kind and ratings per day, for the last 30 days (UTC days, oldest first)."""
    today = insights.today_utc()
    since = insights.first_day(today)
    storage = current_app.extensions["storage"]
    counts = current_app.extensions["reply_counts"].since(since)
    return {"days": insights.trends(counts, insights.FeedbackDays(storage).since(since), today)}


@bp.get("/api/staff/gaps.csv")
def gaps_csv():
    """The unanswered-questions report as a CSV download."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)  # every cell quoted, numbers too
    writer.writerow(GAP_COLUMNS)
    for row in open_gaps():
        writer.writerow([neutralize_formula(row[column]) for column in GAP_COLUMNS])
    headers = {"Content-Disposition": 'attachment; filename="unanswered-questions.csv"'}
    return Response(out.getvalue(), mimetype="text/csv", headers=headers)


def neutralize_formula(value: object) -> object:
    """Prefix with ' every part of visitor text that a spreadsheet would evaluate, so it opens as text."""
    if isinstance(value, str):
        return FORMULA_START.sub(r"\1\2'", value)
    return value
