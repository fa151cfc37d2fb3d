"""Train the crisis classifier shipped as assistant/data/safety_model.npz.

Usage: pip install -e '.[train]' && python scripts/train_safety_model.py [--check]

Reads only development data: the safety set's development part (tests/data/crisis_safety.jsonl)
and, as ordinary messages, the development questions (tests/data/eval.jsonl); never a held-out
part. Prints leave-one-writer-out scores of the rules alone and of rules + classifier at the
shipped thresholds (each writer's lines scored by a model that never saw that voice, so the
numbers estimate new wording rather than the model grading its own training data), then fits on
all of it and writes the weights. Deterministic: the same data gives the same file. `--check`
compares instead of writing (exit 1 if it would change).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from assistant import safety
from assistant.safety_model import BUCKETS, MODEL_FILE, SafetyModel, features, hashed

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "tests" / "data" / "crisis_safety.jsonl"
# Everyday questions are ordinary messages too: without them the model learns that any question
# about treatment is risky, because the crisis set buries crisis sentences in such questions.
QUESTIONS = ROOT / "tests" / "data" / "eval.jsonl"
OUT = ROOT / "assistant" / MODEL_FILE
C = 4.0  # inverse regularisation; chosen among 1, 4, 16 by leave-one-writer-out misses and alarms


def matrix(texts: list[str], signals: list[tuple[str, ...]]) -> csr_matrix:
    rows, cols, vals = [], [], []
    for i, (text, fired) in enumerate(zip(texts, signals, strict=True)):
        buckets, norm = hashed(features(text, fired))
        rows += [i] * len(buckets)
        cols += buckets.tolist()
        vals += [norm] * len(buckets)
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), BUCKETS), dtype=np.float64)


def fit(x: csr_matrix, y: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=2000, class_weight="balanced", solver="liblinear").fit(x, y)


def cross_validate(texts: list[str], signals: list[tuple[str, ...]], levels: list[str], rows: list[dict]) -> None:
    """Leave one writer out: each writer's lines are scored by a model that never saw that voice."""
    y = np.array([int(row["crisis"]) for row in rows])
    groups = [row.get("writer", "team") for row in rows]
    probs = np.zeros(len(texts))
    for train, test in GroupKFold(n_splits=len(set(groups))).split(texts, y, groups):
        model = fit(matrix([texts[i] for i in train], [signals[i] for i in train]), y[train])
        probs[test] = model.predict_proba(matrix([texts[i] for i in test], [signals[i] for i in test]))[:, 1]
    questions = np.array([g.startswith("questions") for g in groups])
    for name, use_model in (("rules alone", False), ("rules + classifier", True)):
        by_rules = np.array([lv in ("crisis", "emergency") for lv in levels])
        crisis = by_rules | (use_model & (probs >= safety.MODEL_CRISIS))
        lines = crisis | np.array([lv != "none" for lv in levels]) | (use_model & (probs >= safety.MODEL_CONCERN))
        missed, silent = int((~crisis & (y == 1)).sum()), int((~lines & (y == 1)).sum())
        false_lines, false_questions = int((crisis & (y == 0) & ~questions).sum()), int((crisis & questions).sum())
        print(
            f"{name:20} leave-one-writer-out: crisis messages missed {missed} of {int(y.sum())} (shown no lines"
            f" {silent}), false crisis {false_lines} of {int(((y == 0) & ~questions).sum())} ordinary lines and"
            f" {false_questions} of {int(questions.sum())} everyday questions"
        )


def main(check: bool) -> int:
    rows = [json.loads(line) for line in DEV_SET.read_text("utf-8").splitlines() if line.strip()]
    for line in QUESTIONS.read_text("utf-8").splitlines():
        if line.strip() and (row := json.loads(line))["expect"] != "crisis":
            rows.append({"text": row["question"], "crisis": False, "writer": f"questions {len(rows) % 5}"})
    messages = [row["text"] for row in rows]
    texts = [" ".join(safety.canonical_sentences(m)) for m in messages]
    rules = [safety.assess_rules(m) for m in messages]
    signals = [r.signals for r in rules]
    y = np.array([int(row["crisis"]) for row in rows])
    cross_validate(texts, signals, [r.level for r in rules], rows)
    model = fit(matrix(texts, signals), y)
    weights = model.coef_[0].astype(np.float32)
    buckets = np.flatnonzero(weights).astype(np.int32)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, buckets=buckets, values=weights[buckets], bias=np.float32(model.intercept_[0]))
    shipped = SafetyModel(weights, float(model.intercept_[0]))
    scores = [shipped.score(t, s) for t, s in zip(texts, signals, strict=True)]
    accuracy = np.mean([(p >= 0.5) == bool(label) for p, label in zip(scores, y, strict=True)])
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
