"""The staff console: who gets in, what it shows, and that nothing of it is cached."""

from __future__ import annotations

import csv
import io

import pytest

from tests.helpers import API_STAFF_ROUTES, STAFF_ROUTES
from web import staff


@pytest.mark.parametrize(("method", "path"), STAFF_ROUTES)
@pytest.mark.parametrize("token", ["", "   "])
def test_staff_routes_do_not_exist_without_a_configured_token(shared_app, staff_headers, method, path, token):
    client = shared_app(ASSISTANT_STAFF_TOKEN=token).test_client()
    response = client.open(path, method=method, headers=staff_headers, json={"question": "hi"})
    assert response.status_code == 404
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(("method", "path"), API_STAFF_ROUTES)
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": ""},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer "},
        {"Authorization": "Bearer wrong-token-wrong-token"},
        {"Authorization": "Basic dGVzdDp0ZXN0"},
        {"Authorization": "Bearer " + "x" * 10_000},
        {"Authorization": "Bearer tëst-tökén-ünïcode-0123456789"},
    ],
    ids=["none", "empty", "scheme-only", "blank", "wrong", "basic", "very-long", "non-ascii"],
)
def test_staff_api_refuses_bad_tokens(shared_app, staff_token, assert_documented, method, path, headers):
    client = shared_app(ASSISTANT_STAFF_TOKEN=staff_token).test_client()  # a refusal changes nothing
    response = client.open(path, method=method, headers=headers, json={"question": "hi"})
    assert response.status_code == 401
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["WWW-Authenticate"].lower().startswith("bearer")
    assert "staff token" in assert_documented(response, path, method)["error"]


@pytest.mark.parametrize("path", ["/staff?token={t}", "/api/staff/gaps?token={t}", "/api/staff/gaps?access_token={t}"])
def test_token_in_query_string_is_refused(shared_app, staff_token, staff_headers, path):
    client = shared_app(ASSISTANT_STAFF_TOKEN=staff_token).test_client()
    response = client.get(path.format(t=staff_token), headers=staff_headers)
    assert response.status_code == 401
    assert response.headers["Cache-Control"] == "no-store"


def test_console_page_is_a_static_shell(staff_client, staff_token):
    response = staff_client.get("/staff")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert b'type="password"' in response.data and staff_token.encode() not in response.data


def test_explain_shows_candidates_and_decision(staff_client, staff_headers, assert_documented):
    response = staff_client.post(
        "/api/staff/explain", json={"question": "how fast does ketamin work"}, headers=staff_headers
    )
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    body = assert_documented(response, "/api/staff/explain")
    top = body["candidates"][0]["passage"]
    assert top["url"] == f"/article/{top['article_slug']}#{top['anchor']}"  # built by web/citations.py
    assert body["candidates"] and {"terms", "corrections", "expansions"} <= set(body["query"])
    assert body["decision"]["reason"]


def test_explain_validates_like_ask(staff_client, staff_headers, assert_documented):
    response = staff_client.post("/api/staff/explain", json={"question": ""}, headers=staff_headers)
    assert response.status_code == 400
    assert "1 to 500" in assert_documented(response, "/api/staff/explain")["error"]


def test_evaluation_runs_the_configured_set(staff_client, staff_headers, assert_documented):
    response = staff_client.post("/api/staff/evaluate", headers=staff_headers)
    body = assert_documented(response, "/api/staff/evaluate")
    assert body["results"] and {"question", "expect", "got", "passed", "first_quote"} <= set(body["results"][0])


def test_missing_evaluation_set_is_a_json_error(make_app, staff_token, staff_headers, tmp_path, assert_documented):
    client = make_app(ASSISTANT_STAFF_TOKEN=staff_token, ASSISTANT_EVAL_SET=str(tmp_path / "none.jsonl")).test_client()
    response = client.post("/api/staff/evaluate", headers=staff_headers)
    assert response.status_code == 500
    assert "none.jsonl" in assert_documented(response, "/api/staff/evaluate")["error"]


def test_feedback_and_gaps_reach_the_console(staff_client, staff_headers, assert_documented, feedback_body):
    staff_client.post("/api/feedback", json=feedback_body(comment="<b>great</b>"))
    for question in ("Do you validate parking?", "do you validate PARKING", "Is there wifi in the waiting room?"):
        staff_client.post("/api/ask", json={"question": question})
    feedback = assert_documented(
        staff_client.get("/api/staff/feedback", headers=staff_headers), "/api/staff/feedback", "GET"
    )
    assert feedback["feedback"][0]["comment"] == "<b>great</b>"
    gaps = assert_documented(staff_client.get("/api/staff/gaps", headers=staff_headers), "/api/staff/gaps", "GET")
    assert [(g["question"], g["count"]) for g in gaps["gaps"]] == [
        ("is there wifi in the waiting room", 1),
        ("do you validate parking", 2),
    ]


def test_gaps_csv_downloads_and_defuses_formulas(staff_client, staff_headers):
    staff_client.post("/api/ask", json={"question": '=HYPERLINK("http://evil.example")'})
    response = staff_client.get("/api/staff/gaps.csv", headers=staff_headers)
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["question", "count", "first_asked", "last_asked"]
    assert rows[1][0].startswith("'=")


def test_staff_reads_give_503_when_storage_is_broken(make_app, staff_token, staff_headers, tmp_path, assert_documented):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    client = make_app(ASSISTANT_STAFF_TOKEN=staff_token, ASSISTANT_DB=str(blocker / "db.sqlite")).test_client()
    response = client.get("/api/staff/gaps", headers=staff_headers)
    assert response.status_code == 503
    assert assert_documented(response, "/api/staff/gaps", "GET")["error"]


@pytest.mark.parametrize(
    ("text", "neutralized"),
    [
        ("=1+1", "'=1+1"),
        ("x;=1+1;y", "x;'=1+1;y"),
        ("a, +cmd|' /C calc'!A0", "a, '+cmd|' /C calc'!A0"),
        ("line\n@SUM(A1)", "line\n'@SUM(A1)"),
        ("tab\t-2", "tab\t'-2"),
        ("plain text - with a dash", "plain text - with a dash"),
    ],
)
def test_formula_characters_are_neutralised_after_every_separator(text, neutralized):
    assert staff.neutralize_formula(text) == neutralized


def test_gaps_csv_quotes_every_cell(staff_client, staff_headers):
    staff_client.post("/api/ask", json={"question": "x;=1+1;y is parking validated"})
    lines = staff_client.get("/api/staff/gaps.csv", headers=staff_headers).get_data(as_text=True).splitlines()
    assert lines[0] == '"question","count","first_asked","last_asked"'
    assert lines[1].startswith('"x;\'=1+1;y is parking validated","1",')
