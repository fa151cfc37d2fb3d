"""The clinic behind the chat, the embed script, rated quotes and the staff console's views."""

from __future__ import annotations

import sqlite3

import pytest

DECLINED = "Can my pooch come along to the session?"
PASSAGE = "ketamine-neuroplasticity#introduction-p1"


def test_no_answer_carries_the_clinics_contact_when_configured(make_app, assert_documented):
    client = make_app(
        ASSISTANT_CLINIC_NAME="Riverside Clinic",
        ASSISTANT_CLINIC_PHONE="+1 555 010 0199",
        ASSISTANT_CLINIC_CONTACT_URL="https://riverside.example/contact",
    ).test_client()
    reply = assert_documented(client.post("/api/ask", json={"question": DECLINED}), "/api/ask")
    assert reply["kind"] == "no_answer"
    assert reply["contact"] == {
        "name": "Riverside Clinic",
        "phone": "+1 555 010 0199",
        "url": "https://riverside.example/contact",
    }
    answer = client.post("/api/ask", json={"question": "how long do effects last"}).get_json()
    assert "contact" not in answer


def test_phone_alone_is_enough_for_a_contact(make_app):
    client = make_app(ASSISTANT_CLINIC_PHONE="555-010-0199").test_client()
    assert client.post("/api/ask", json={"question": DECLINED}).get_json()["contact"] == {"phone": "555-010-0199"}


def test_without_clinic_settings_there_is_no_contact_and_no_clinic_stylesheet(client):
    assert "contact" not in client.post("/api/ask", json={"question": DECLINED}).get_json()
    page = client.get("/").get_data(as_text=True)
    assert "clinic.css" not in page and "Clinic FAQ assistant" in page
    assert client.get("/clinic.css").get_data(as_text=True) == ""


@pytest.mark.parametrize(("accent", "text"), [("#1f7a5a", "#ffffff"), ("#ffd166", "#111418"), ("#06c", "#ffffff")])
def test_accent_colour_comes_with_readable_text(make_app, accent, text):
    client = make_app(ASSISTANT_CLINIC_ACCENT=accent).test_client()
    css = client.get("/clinic.css").get_data(as_text=True)
    assert f"--on-brand: {text}" in css
    assert 'href="/clinic.css"' in client.get("/").get_data(as_text=True)


def test_name_logo_and_privacy_link_are_shown(make_app):
    html = (
        make_app(
            ASSISTANT_CLINIC_NAME="Riverside <Clinic>",
            ASSISTANT_CLINIC_LOGO="/static/favicon.svg",
            ASSISTANT_CLINIC_PRIVACY_URL="https://riverside.example/privacy",
        )
        .test_client()
        .get("/")
        .get_data(as_text=True)
    )
    assert "Riverside &lt;Clinic&gt;" in html and 'src="/static/favicon.svg"' in html
    assert 'href="https://riverside.example/privacy"' in html


@pytest.mark.parametrize(("log", "said"), [("1", "Unanswered questions and feedback are stored"), ("0", "not stored")])
def test_privacy_notice_says_what_is_stored(make_app, log, said):
    assert said in make_app(ASSISTANT_LOG_QUESTIONS=log).test_client().get("/").get_data(as_text=True)


def test_embed_script_is_served_from_this_app(client):
    response = client.get("/embed.js")
    assert response.status_code == 200 and "javascript" in response.content_type
    assert b"clinic-faq-launcher" in response.data


def test_rated_quote_is_stored_and_shown_to_staff(staff_client, staff_headers, feedback_body):
    body = feedback_body("down", question="how fast", quote=PASSAGE)
    assert staff_client.post("/api/feedback", json=body).status_code == 201
    assert staff_client.post("/api/feedback", json={**body, "comment": "too vague"}).status_code == 201
    rows = staff_client.get("/api/staff/feedback", headers=staff_headers).get_json()["feedback"]
    assert len(rows) == 1  # the comment replaced the bare rating of the same reply
    assert rows[0]["comment"] == "too vague" and rows[0]["quote"]["passage"] == PASSAGE


def test_a_rated_quote_must_be_a_passage(client, feedback_body):
    response = client.post("/api/feedback", json=feedback_body(quote="nope#x"))
    assert response.status_code == 400 and "passage" in response.get_json()["error"]


def test_gap_groups_put_near_duplicates_together_with_closest_passages(staff_client, staff_headers, assert_documented):
    for question in ("Is it legal in Texas?", "is ketamine legal in texas", "is ketamine legal in Texas", DECLINED):
        staff_client.post("/api/ask", json={"question": question})
    response = staff_client.get("/api/staff/gap-groups", headers=staff_headers)
    groups = assert_documented(response, "/api/staff/gap-groups", "GET")["groups"]
    assert groups[0]["count"] == 3 and len(groups[0]["questions"]) == 2
    assert len(groups[0]["closest"]) == 3 and groups[0]["closest"][0]["passage"].startswith("ketamine-neuroplasticity#")
    assert "pooch" in groups[1]["unknown_words"]


def test_trends_count_replies_and_ratings_per_day(staff_client, staff_headers, assert_documented, feedback_body):
    for question in ("how long do effects last", DECLINED, "I want to end my life"):
        staff_client.post("/api/ask", json={"question": question})
    staff_client.post("/api/feedback", json=feedback_body())
    days = assert_documented(staff_client.get("/api/staff/trends", headers=staff_headers), "/api/staff/trends", "GET")
    today = days["days"][-1]
    assert (today["answer"], today["no_answer"], today["crisis"], today["up"]) == (1, 1, 1, 1)


def test_evaluation_reports_what_changed_since_the_previous_run(staff_client, staff_headers):
    first = staff_client.post("/api/staff/evaluate", headers=staff_headers).get_json()
    assert first["previous_run"] is None and first["changes"] == []
    staff_client.post(
        "/api/staff/not-covered", headers=staff_headers, json={"question": "How fast does ketamine work?"}
    )
    second = staff_client.post("/api/staff/evaluate", headers=staff_headers).get_json()
    assert second["previous_run"]
    for _ in range(50):  # the not-covered edit is live within seconds
        if second["changes"]:
            break
        second = staff_client.post("/api/staff/evaluate", headers=staff_headers).get_json()
    # "how fast does ketamine work" is the first question of the evaluation set, answered before.
    assert {"question": "how fast does ketamine work", "before": "answer", "after": "no_answer", "passed": False} in (
        second["changes"]
    )


def test_reply_counts_are_written_in_batches_not_per_reply(staff_client, staff_headers, db_path):
    for _ in range(5):
        staff_client.post("/api/ask", json={"question": "how long do effects last"})
    with sqlite3.connect(db_path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        written = conn.execute("SELECT COUNT(*) FROM reply_counts").fetchone()[0] if "reply_counts" in tables else 0
    assert written == 0  # nothing yet: the first flush comes after FLUSH_SECONDS
    today = staff_client.get("/api/staff/trends", headers=staff_headers).get_json()["days"][-1]
    assert today["answer"] == 5  # reading flushes this process's pending counts
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT SUM(count) FROM reply_counts").fetchone()[0] == 5
