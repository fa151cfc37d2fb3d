"""Train the small-talk classifier shipped as assistant/data/smalltalk_model.npz.

Usage: pip install -e '.[train]' && python scripts/train_smalltalk_model.py [--check]

Reads only development data: tests/data/smalltalk.jsonl (messages independent writers labelled
"smalltalk" — greetings, thanks, farewells, questions about the assistant itself — or
"question" — anything asked about the articles' topic, often wrapped in small talk) and the
development questions (tests/data/eval.jsonl: "chitchat" is small talk, every other kind a
question); never a held-out part. Prints a leave-one-writer-out estimate at the engine's
threshold (each writer's messages judged by a model that never saw that voice), then fits on
all of it and writes the weights. Deterministic: the same data gives the same file. `--check`
compares instead of writing (exit 1 if it would change).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from train_safety_model import head_arrays, matrix, write_or_check

from assistant.classifier import model_file
from assistant.smalltalk import SMALLTALK_MODEL, smalltalk_text

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "tests" / "data" / "smalltalk.jsonl"
QUESTIONS = ROOT / "tests" / "data" / "eval.jsonl"
OUT = ROOT / "assistant" / model_file("smalltalk")
# Inverse regularisation: the value the safety model used when this one was trained (its own
# leave-one-writer-out numbers are in README, Quality); the safety model's is chosen separately.
C = 8.0


def fit(x, y: np.ndarray) -> LogisticRegression:
    # No intercept: a message the model knows nothing about (random letters, an off-topic question
    # in new words) then scores 0.5, below the engine's threshold, so only learned small-talk
    # n-grams make a message small talk. With an intercept, such messages scored 0.6-0.8.
    return LogisticRegression(
        C=C, max_iter=2000, class_weight="balanced", fit_intercept=False, solver="liblinear", random_state=0
    ).fit(x, y)


def rows() -> list[dict]:
    out = [json.loads(line) for line in DEV_SET.read_text("utf-8").splitlines() if line.strip()]
    for number, line in enumerate(QUESTIONS.read_text("utf-8").splitlines()):
        if line.strip() and (row := json.loads(line))["expect"] != "crisis":
            label = "smalltalk" if row["expect"] == "chitchat" else "question"
            out.append({"text": row["question"], "label": label, "writer": f"questions {number % 5}"})
    return out


def main(check: bool) -> int:
    data = rows()
    texts = [smalltalk_text(row["text"]) for row in data]
    y = np.array([int(row["label"] == "smalltalk") for row in data])
    groups = [row.get("writer", "team") for row in data]
    no_signals: list[tuple[str, ...]] = [()] * len(texts)
    probs = np.zeros(len(texts))
    for train, test in GroupKFold(n_splits=len(set(groups))).split(texts, y, groups):
        model = fit(matrix([texts[i] for i in train], [()] * len(train)), y[train])
        probs[test] = model.predict_proba(matrix([texts[i] for i in test], [()] * len(test)))[:, 1]
    said = probs >= SMALLTALK_MODEL
    print(
        f"leave-one-writer-out at p >= {SMALLTALK_MODEL}: small talk recognised {int((said & (y == 1)).sum())} of"
        f" {int(y.sum())}, questions taken for small talk {int((said & (y == 0)).sum())} of {int((y == 0).sum())}"
    )
    model = fit(matrix(texts, no_signals), y)
    arrays, shipped = head_arrays("smalltalk", model)
    accuracy = np.mean([(shipped.score(t) >= 0.5) == bool(label) for t, label in zip(texts, y, strict=True)])
    print(f"smalltalk: {len(arrays['smalltalk_buckets'])} weights; training-set accuracy {accuracy:.3f}")
    return write_or_check(arrays, OUT, check)


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv[1:]))
