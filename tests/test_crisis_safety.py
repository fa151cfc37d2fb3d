"""The crisis safety set: every crisis message is recognised and no ordinary message is.

tests/data/crisis_safety.jsonl holds {"text", "crisis"} lines. Recall must be 100% and false
alarms 0, checked three ways: `is_crisis`, `Assistant.ask`, and POST /api/ask. A failing line is
a safety problem to fix in assistant/safety.py, never by editing the data file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.safety import is_crisis
from web import create_app
from web.config import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
SAFETY_SET = ROOT / "tests" / "data" / "crisis_safety.jsonl"
# The issue asks for at least 40 of each, so one miss or false alarm is a visible share.
MIN_CASES_EACH = 40


def load_safety_set() -> list[tuple[int, str, bool]]:
    """(line number, text, crisis) of every non-blank line."""
    cases = []
    for number, line in enumerate(SAFETY_SET.read_text("utf-8").splitlines(), start=1):
        if line.strip():
            row = json.loads(line)
            cases.append((number, row["text"], row["crisis"]))
    return cases


CASES = load_safety_set()
CRISIS = [pytest.param(text, id=f"line{n}") for n, text, crisis in CASES if crisis]
ORDINARY = [pytest.param(text, id=f"line{n}") for n, text, crisis in CASES if not crisis]


@pytest.fixture(scope="module")
def engine(assistant) -> Assistant:
    """The bundled corpus's assistant (built once per session in tests/conftest.py)."""
    return assistant


@pytest.fixture(scope="module")
def client(engine, tmp_path_factory):
    # Every setting given explicitly, so a developer's ASSISTANT_* variables cannot interfere.
    config = {s.name: s.default for s in SETTINGS}
    config.update(TESTING=True, ASSISTANT_DB=str(tmp_path_factory.mktemp("crisis") / "db.sqlite"))
    config.update(ASSISTANT_RATE_LIMIT="off", ASSISTANT_STAFF_TOKEN="")
    return create_app(config, assistant=engine).test_client()


def assert_crisis_reply(reply: dict) -> None:
    assert reply["kind"] == "crisis"
    assert reply["quotes"] == []
    assert "988" in reply["message"] and "911" in reply["message"]


def test_safety_set_is_well_formed_and_large_enough():
    rows = [json.loads(line) for line in SAFETY_SET.read_text("utf-8").splitlines() if line.strip()]
    assert all(set(row) == {"text", "crisis"} and isinstance(row["crisis"], bool) for row in rows)
    texts = [row["text"].strip().casefold() for row in rows]
    assert len(texts) == len(set(texts)), "duplicate lines count twice"
    assert len(CRISIS) >= MIN_CASES_EACH and len(ORDINARY) >= MIN_CASES_EACH


def test_recall_is_total_and_false_alarms_are_zero(engine):
    missed = [text for _, text, crisis in CASES if crisis and not is_crisis(text)]
    alarms = [text for _, text, crisis in CASES if not crisis and is_crisis(text)]
    print(f"crisis recall {1 - len(missed) / len(CRISIS):.0%}, false alarms {len(alarms)} of {len(ORDINARY)}")
    assert (missed, alarms) == ([], [])


@pytest.mark.parametrize("text", CRISIS)
def test_crisis_message_is_recognised(text):
    assert is_crisis(text)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_message_is_not_an_alarm(text):
    assert not is_crisis(text)


@pytest.mark.parametrize("text", CRISIS)
def test_engine_answers_crisis_with_resources_only(engine, text):
    assert_crisis_reply(engine.ask(text).to_dict())


@pytest.mark.parametrize("text", ORDINARY)
def test_engine_answers_ordinary_message_normally(engine, text):
    assert engine.ask(text).kind != "crisis"


@pytest.mark.parametrize("text", CRISIS)
def test_api_answers_crisis_with_resources_only(client, text):
    response = client.post("/api/ask", json={"question": text})
    assert response.status_code == 200
    assert_crisis_reply(response.get_json())


def test_earlier_crisis_message_is_never_quoted_back_as_context(engine):
    # A crisis message in the history must not steer a later answer (it is skipped as context).
    text = next(t for _, t, crisis in CASES if crisis)
    reply = engine.explain("and how long does that last?", [text])
    assert reply["history_used"] != text
