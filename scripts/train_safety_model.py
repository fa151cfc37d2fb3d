"""Train the crisis classifier shipped as assistant/data/safety_model.npz.

Usage: pip install -e '.[train]' && python scripts/train_safety_model.py [--check]

Reads only the development part of the safety set (tests/data/crisis_safety.jsonl), never the
held-out part. Prints 5-fold cross-validated scores of the rules alone and of rules + classifier
at the shipped thresholds (out-of-fold probabilities, so the numbers are not the model grading
its own training data), then fits on all of it and writes the weights. Deterministic: the same
data gives the same file. `--check` compares instead of writing (exit 1 if it would change).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from assistant import safety
from assistant.safety_model import BUCKETS, MODEL_FILE, SafetyModel, features, hashed

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "tests" / "data" / "crisis_safety.jsonl"
OUT = ROOT / "assistant" / MODEL_FILE
C = 4.0  # inverse regularisation; chosen by the cross-validated false alarms below


def matrix(texts: list[str]) -> csr_matrix:
    rows, cols, vals = [], [], []
    for i, text in enumerate(texts):
        buckets, norm = hashed(features(text))
        rows += [i] * len(buckets)
        cols += buckets.tolist()
        vals += [norm] * len(buckets)
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), BUCKETS), dtype=np.float64)


def fit(x: csr_matrix, y: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=2000, class_weight="balanced", solver="liblinear").fit(x, y)


def cross_validate(texts: list[str], messages: list[str], y: np.ndarray) -> None:
    probs = np.zeros(len(texts))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(texts, y):
        model = fit(matrix([texts[i] for i in train]), y[train])
        probs[test] = model.predict_proba(matrix([texts[i] for i in test]))[:, 1]
    for name, use_model in (("rules alone", False), ("rules + classifier", True)):
        missed = alarms = 0
        for message, label, p in zip(messages, y, probs, strict=True):
            level = _level(message, p if use_model else 0.0)
            missed += label and level not in ("crisis", "emergency")
            alarms += (not label) and level in ("crisis", "emergency")
        print(f"{name:20} 5-fold: missed {missed} of {int(y.sum())}, false alarms {alarms} of {int((1 - y).sum())}")


def _level(message: str, probability: float) -> str:
    """The level assess() would give with this classifier probability for the whole message."""
    rules = safety.assess_rules(message)
    if rules.level in ("none", "concern") and probability >= safety.MODEL_CRISIS and rules.signals:
        return "crisis"
    if rules.level == "none" and probability >= safety.MODEL_CONCERN:
        return "concern"
    return rules.level


def main(check: bool) -> int:
    rows = [json.loads(line) for line in DEV_SET.read_text("utf-8").splitlines() if line.strip()]
    messages = [row["text"] for row in rows]
    texts = [" ".join(safety.canonical_sentences(m)) for m in messages]
    y = np.array([int(row["crisis"]) for row in rows])
    cross_validate(texts, messages, y)
    model = fit(matrix(texts), y)
    weights = model.coef_[0].astype(np.float32)
    buckets = np.flatnonzero(weights).astype(np.int32)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, buckets=buckets, values=weights[buckets], bias=np.float32(model.intercept_[0]))
    shipped = SafetyModel(weights, float(model.intercept_[0]))
    accuracy = np.mean([(shipped.score(t) >= 0.5) == bool(label) for t, label in zip(texts, y, strict=True)])
    print(f"{len(buckets)} weights; training-set accuracy {accuracy:.3f}")
    if check:
        same = OUT.exists() and OUT.read_bytes() == buffer.getvalue()
        print("shipped model is up to date" if same else "shipped model differs from a fresh training run")
        return 0 if same else 1
    OUT.write_bytes(buffer.getvalue())
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv[1:]))
