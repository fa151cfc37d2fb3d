"""The answer model: where it decides, what it weighs, and where the fixed shares decide instead."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.answering import FEATURES, answer_model, model_from_json
from assistant.engine import ANSWER_PROBABILITY

NAP = "A short nap of twenty minutes can restore alertness"
QUESTION = "would a twenty minute nap restore my alertness"


def test_a_passage_without_examples_is_judged_by_the_fixed_shares(small_corpus: Path):
    decision = Assistant.from_directory(small_corpus).trace(QUESTION).decision
    assert decision.answer and decision.probability is None and decision.evidence is None
    assert decision.reason.endswith("needed") and "answer model" not in decision.reason


def test_a_passage_with_examples_is_judged_by_the_model_which_says_why(small_corpus: Path):
    example = {"question": "does a twenty minute nap restore alertness", "expect": "answer", "quotes": [NAP]}
    (small_corpus / "examples.jsonl").write_text(json.dumps(example) + "\n", "utf-8")
    explained = Assistant.from_directory(small_corpus).explain(QUESTION)["decision"]
    model = explained["answer_model"]
    assert model is not None and set(model["evidence"]) == set(FEATURES)
    assert explained["answer"] == (model["probability"] >= ANSWER_PROBABILITY)
    assert f"the answer model gives {model['probability']:.2f}" in explained["reason"]


def test_a_follow_up_is_judged_by_the_fixed_shares(assistant: Assistant):
    # The model learned from questions asked on their own, not from fragments read with history.
    alone = assistant.trace("does ketamine help with ptsd?").decision
    followed = assistant.trace("and how long does it last?", history=["How fast does ketamine work?"])
    assert alone.probability is not None
    assert followed.history_used and followed.decision.probability is None and followed.reply.kind == "answer"


def test_the_shipped_model_weighs_evidence_and_unanswerable_examples_the_right_way(assistant: Assistant):
    measured = assistant.trace("does ketamine help with ptsd?").decision.evidence
    assert measured is not None
    evidence = replace(measured, coverage=0.6, nearest_answered=0.5, nearest_unanswered=0.3)  # a middling case
    model = answer_model()
    p = model.probability(evidence)
    assert model.probability(replace(evidence, coverage=0.3)) < p
    assert model.probability(replace(evidence, nearest_unanswered=0.7)) < p
    assert model.probability(replace(evidence, nearest_answered=0.9)) > p


def test_a_model_trained_on_other_features_is_refused():
    data = answer_model().to_json()
    with pytest.raises(ValueError, match="train_answer_model"):
        model_from_json({**data, "features": list(FEATURES[:-1])})
