"""The evaluation harness, and the quality thresholds the build holds on the project's question set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.errors import CorpusError
from assistant.evaluation import Case, evaluate, is_relevant, load_cases, metric

EVAL_SET = Path(__file__).resolve().parent / "data" / "eval.jsonl"
HELD_OUT = Path(__file__).resolve().parent / "data" / "eval_heldout.jsonl"

# Floors the build holds (README, "Quality"): the measured values rounded down, so a regression
# fails. The bar (answer correct 0.90, hit@3 0.97, no_answer 0.90, chitchat 1.0) is not
# met on questions from independent writers yet; the README says so. The development set is
# measured with each question's writer left out of the examples the engine learns from
# (assistant/examples.py), so these floors are not the engine reciting its own lines.
THRESHOLDS = {
    "answer.correct": 0.85,
    "answer.hit_at_3": 0.965,
    "no_answer.correct": 0.96,
    "crisis.correct": 1.0,
    "chitchat.correct": 0.965,
}
HELD_OUT_THRESHOLDS = {
    "answer.correct": 0.78,
    "answer.hit_at_3": 0.93,
    "no_answer.correct": 0.95,
    "chitchat.correct": 0.9,
}


@pytest.fixture(scope="module")
def summary(assistant):
    return evaluate(assistant, load_cases(EVAL_SET))


@pytest.fixture(scope="module")
def held_out_summary(assistant):
    return evaluate(assistant, load_cases(HELD_OUT))


@pytest.mark.slow
@pytest.mark.parametrize(("name", "floor"), HELD_OUT_THRESHOLDS.items())
def test_held_out_quality_meets_floor(held_out_summary, name, floor):
    # Numbers only: the held-out questions are not read while tuning, so failures are not printed.
    assert metric(held_out_summary, name) >= floor, f"{name} = {metric(held_out_summary, name):.3f}"


def test_eval_set_is_large_and_covers_every_kind():
    cases = load_cases(EVAL_SET)
    kinds = {c.expect for c in cases}
    assert len(cases) >= 120 and kinds == {"answer", "no_answer", "crisis", "chitchat"}


@pytest.mark.slow
@pytest.mark.parametrize(("name", "floor"), THRESHOLDS.items())
def test_quality_meets_threshold(summary, name, floor):
    assert metric(summary, name) >= floor, json.dumps(summary["failures"], indent=1)


@pytest.mark.slow
def test_ordinary_questions_are_almost_never_answered_as_crisis(summary):
    # The classifier raises about one everyday question in 400 to crisis (README, Safety): the
    # price of catching crisis messages no rule names. More than that is a regression.
    assert summary["false_crisis"] <= 0.005


@pytest.mark.slow
def test_ordinary_questions_shown_the_crisis_lines_are_counted(assistant, summary):
    # A concern reply (the lines beside the answer) is counted, a plain answer is not.
    cases = [
        Case("does ketamine help suicidal thoughts?", "answer", ("x",), 1),
        Case("how fast does it work", "answer", ("x",), 2),
    ]
    assert evaluate(assistant, cases)["lines_beside"] == 0.5
    # "will" was a risk word and put the lines beside one question in eleven; a fifth would mean
    # the concern level has stopped meaning anything. Measured 0.054.
    assert summary["lines_beside"] <= 0.09


def test_relevance_normalises_quotes_dashes_space_and_case():
    assert is_relevant("The brain’s  “rewire” — itself", ('BRAIN\'S "rewire" - itself',))
    assert not is_relevant("unrelated text", ("brain",))


def test_metrics_on_a_tiny_set(assistant, tmp_path):
    path = tmp_path / "set.jsonl"
    rows = [
        {"question": "does insurance cover it", "expect": "answer", "quotes": ["covered by insurance"]},
        {"question": "does insurance cover it", "expect": "answer", "quotes": ["glutamate"]},
        {"question": "is ketamine legal", "expect": "no_answer", "quotes": []},
        {"question": "hello", "expect": "chitchat"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", "utf-8")
    result = evaluate(assistant, load_cases(path))
    assert result["questions"] == 4
    assert result["answer"]["n"] == 2 and result["answer"]["correct"] == 0.5 and result["answer"]["hit_at_1"] == 0.5
    assert result["no_answer"] == {"n": 1, "correct": 1.0} and result["chitchat"] == {"n": 1, "correct": 1.0}
    assert result["crisis"] == {"n": 0, "correct": 1.0}
    assert [f["quotes"] if "quotes" in f else f["question"] for f in result["failures"]] == ["does insurance cover it"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "set.jsonl:2: not valid JSON"),
        ("[1, 2]", "set.jsonl:2: each line must be a JSON object"),
        ('{"question": "", "expect": "answer"}', "set.jsonl:2: 'question' must be"),
        ('{"question": "q", "expect": "maybe"}', "set.jsonl:2: 'expect' must be one of"),
        ('{"question": "q", "expect": "answer", "quotes": []}', "set.jsonl:2: an 'answer' question needs"),
        ('{"question": "q", "expect": "answer", "quotes": "x"}', "set.jsonl:2: 'quotes' must be"),
    ],
)
def test_malformed_eval_line_names_its_line(tmp_path, line, message):
    path = tmp_path / "set.jsonl"
    path.write_text('{"question": "hi", "expect": "chitchat"}\n' + line + "\n", "utf-8")
    with pytest.raises(CorpusError, match=message):
        load_cases(path)


def test_cli_eval_prints_json_and_gates_on_fail_under(tmp_path, capsys):
    path = tmp_path / "set.jsonl"
    path.write_text('{"question": "is ketamine legal", "expect": "answer", "quotes": ["glutamate"]}\n', "utf-8")
    assert main(["eval", str(path), "--json"]) == 0  # no gate: exit 0 whatever the scores
    data = json.loads(capsys.readouterr().out)
    assert data["answer"]["correct"] == 0.0 and data["failures"][0]["got"] == "no_answer"
    assert main(["eval", str(path), "--fail-under", "answer.correct=0.5"]) == 1
    assert "FAIL: answer.correct" in capsys.readouterr().err
    assert main(["eval", str(path), "--fail-under", "crisis.correct=1"]) == 0
    assert main(["eval", str(path), "--fail-under", "nonsense.metric=1"]) == 2
    assert main(["eval", str(path), "--fail-under", "answer.correct"]) == 2
