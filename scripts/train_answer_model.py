"""Train the answer/decline model shipped as assistant/data/answer_model.json.

Usage: pip install -e '.[train]' && python scripts/train_answer_model.py [--check]

Reads only development data (tests/data/eval.jsonl, whose questions are also the engine's
examples); never the held-out part. Each answerable or unanswerable question is asked of the
engine with its own writer's examples left out, exactly as `assistant eval` measures it, and
what the engine measured of its best candidate (assistant/answering.py, AnswerEvidence) is kept
when the question reaches the model (no specific ask unmet, no unanswerable example nearer than
every answerable one, no definition found, an informative word matched, the passage has
examples). The label is whether the writer expected an answer.
Prints a leave-writers-out table of thresholds (each writer's questions judged by a model that
never saw that writer), then fits on all of it and writes the weights. Deterministic: the same
data gives the same file. `--check` compares instead of writing (exit 1 if it would change).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

import assistant.engine
from assistant import Assistant
from assistant.answering import FEATURES, MODEL_FILE, AnswerModel
from assistant.engine import ANSWER_PROBABILITY
from assistant.evaluation import load_cases

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "data" / "eval.jsonl"
OUT = ROOT / "assistant" / MODEL_FILE
C = 1.0  # inverse regularisation; 0.1 and 10 gave the same leave-writers-out table to a point
FOLDS = 10


def measured() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Evidence, label and writer of every development question that reaches the model."""
    # The evidence does not depend on the model: a neutral one (probability 0.5) stands in, so
    # the script also runs with no model shipped.
    neutral = AnswerModel((0.0,) * len(FEATURES), (1.0,) * len(FEATURES), (0.0,) * len(FEATURES), 0.0)
    assistant.engine.answer_model = lambda: neutral  # type: ignore[assignment]
    engine = Assistant.from_directory(ROOT / "corpus")
    x, y, groups = [], [], []
    for case in load_cases(QUESTIONS):
        if case.expect not in ("answer", "no_answer"):
            continue
        decision = engine.leaving_out(case.group).trace(case.question).decision
        if decision.evidence is not None:
            x.append(decision.evidence.values())
            y.append(case.expect == "answer")
            groups.append(case.group)
    return np.array(x), np.array(y), np.array(groups)


def fit(x: np.ndarray, y: np.ndarray) -> AnswerModel:
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=5000).fit((x - mean) / scale, y)
    return AnswerModel(
        tuple(round(float(v), 6) for v in mean),
        tuple(round(float(v), 6) for v in scale),
        tuple(round(float(v), 6) for v in model.coef_[0]),
        round(float(model.intercept_[0]), 6),
    )


def main(check: bool) -> int:
    x, y, groups = measured()
    print(f"{len(y)} development questions reach the model: {int(y.sum())} answerable, {int((~y).sum())} not")
    probabilities = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        model = fit(x[train], y[train])
        probabilities[test] = [model.probability_of(row) for row in x[test]]
    shares = x[:, FEATURES.index("margin")] >= 0  # the fixed shares of engine.min_coverage
    print(f"the fixed shares alone: answered {shares[y].mean():.3f}, declined {(~shares[~y]).mean():.3f}")
    print("leave-writers-out: threshold, answerable answered, unanswerable declined")
    for threshold in (0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8):
        answered = probabilities >= threshold
        mark = "  <- the engine's" if threshold == ANSWER_PROBABILITY else ""
        print(f"  {threshold:.2f}  {answered[y].mean():.3f}  {(~answered[~y]).mean():.3f}{mark}")
    text = json.dumps(fit(x, y).to_json(), indent=1) + "\n"
    if check:
        same = OUT.exists() and OUT.read_text("utf-8") == text
        print("the shipped model is up to date" if same else f"{OUT} would change")
        return 0 if same else 1
    OUT.write_text(text, "utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped model instead of writing it")
    sys.exit(main(parser.parse_args().check))
