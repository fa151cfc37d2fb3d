"""Whether the best passage answers a question: a logistic regression over the evidence measured.

The engine measures, for the best candidate, how much of the question's evidence it holds and how
many informative words matched, which words it lacks and how specific they are, how strongly it
scored against the next one, and how alike the question is to the nearest answered, unanswered
and small-talk examples (assistant/examples.py). Fixed thresholds on coverage alone declined
chatty questions whose examples said they were answerable and let through traps that shared two
everyday words; weighing all of these together decides better (README, Quality).

It decides only for a passage that has examples: for one nobody has written examples for yet (a
new article, another clinic's corpus) the engine's fixed shares of the evidence decide, as the
model leans on the examples. Trained offline by `scripts/train_answer_model.py` on the
development questions, each measured with its own writer's examples left out, so the weights are
those of a writer never seen. The
shipped model is a JSON file of means, scales and weights: deterministic, no scikit-learn at run
time, and explainable (each feature's pull is listed by `assistant ask --explain`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import astuple, dataclass, fields
from functools import lru_cache
from importlib import resources

MODEL_FILE = "data/answer_model.json"


@dataclass(frozen=True)
class AnswerEvidence:
    """What the engine measured of the best candidate for one question (the model's inputs)."""

    coverage: float  # share of the question's idf-weighted evidence the candidate holds
    informative: int  # informative words it matched, at most 4
    margin: float  # coverage less the share a fixed rule needs for this many informative words (engine.py)
    nearest_answered: float  # similarity to the nearest answerable example (0 to 1)
    nearest_unanswered: float  # ... to the nearest unanswerable one
    nearest_small_talk: float  # ... to the nearest small-talk one
    total_idf: float  # the question's evidence in all
    slots: int  # its words and phrases
    max_unmatched_idf: float  # the most specific of the articles' words the candidate lacks
    max_unknown_idf: float  # the most specific word the articles never use
    sum_unknown_idf: float  # all such words together
    log_score: float  # log(1 + the candidate's score)
    second_ratio: float  # the next candidate's score over this one's
    asking: float  # 1 when the question's asking sentences were set apart from its story
    example_lent: float  # 1 when an example of the passage matched the question

    def values(self) -> tuple[float, ...]:
        return tuple(float(v) for v in astuple(self))


FEATURES = tuple(f.name for f in fields(AnswerEvidence))


@dataclass(frozen=True)
class AnswerModel:
    """Standardised features, one weight each, and a bias."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def _terms(self, values: Sequence[float]) -> list[float]:
        return [w * (x - m) / s for x, m, s, w in zip(values, self.mean, self.scale, self.weights, strict=True)]

    def probability(self, evidence: AnswerEvidence) -> float:
        return self.probability_of(evidence.values())

    def probability_of(self, values: Sequence[float]) -> float:
        """The probability for features given in FEATURES order."""
        z = self.bias + sum(self._terms(values))
        return 1.0 / (1.0 + math.exp(-z)) if z >= -700 else 0.0

    def explain(self, evidence: AnswerEvidence, top: int = 4) -> list[tuple[str, float]]:
        """The features that pulled the probability furthest, with their pull on the log-odds."""
        pulls = sorted(zip(FEATURES, self._terms(evidence.values()), strict=True), key=lambda t: -abs(t[1]))
        return [(name, round(pull, 2)) for name, pull in pulls[:top]]

    def to_json(self) -> dict:
        return {
            "features": list(FEATURES),
            "mean": self.mean,
            "scale": self.scale,
            "weights": self.weights,
            "bias": self.bias,
        }


def model_from_json(data: dict) -> AnswerModel:
    if tuple(data.get("features", ())) != FEATURES:
        raise ValueError(f"{MODEL_FILE} was trained on other features; run scripts/train_answer_model.py")
    mean, scale, weights = (tuple(float(v) for v in data[k]) for k in ("mean", "scale", "weights"))
    return AnswerModel(mean, scale, weights, float(data["bias"]))


@lru_cache(maxsize=1)
def answer_model() -> AnswerModel:
    """The shipped model, read once."""
    return model_from_json(json.loads(resources.files("assistant").joinpath(MODEL_FILE).read_text("utf-8")))
