"""A small crisis classifier: logistic regression over hashed word and character n-grams.

Its features are the message's n-grams and the names of the rules in assistant/safety.py that
fired on it, so it learns how far to trust each rule and catches wording no rule names. Trained
offline by `scripts/train_safety_model.py` (scikit-learn) on the development part of the
safety set only, and shipped as one weight vector (`assistant/data/safety_model.npz`). Scoring
is a sum of a few hundred weights: deterministic, no scikit-learn at run time, well under a
millisecond for a sentence, and explainable (the n-grams that pushed the score up are listed).
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from .text import stem

# 2^18 buckets: collisions among the ~50,000 distinct n-grams of a few thousand messages are rare.
BUCKETS = 1 << 18
CHAR_NGRAMS = (3, 4, 5)
MIN_FEATURES = 20
MODEL_FILE = "data/safety_model.npz"


def features(sentence: str, signals: tuple[str, ...] = ()) -> list[str]:
    """Word and stem 1-2-grams and character 3-5-grams of a canonical sentence (see
    safety.canonical_sentences), and the names of the rules that fired on it, so the model learns
    how far to trust each rule."""
    tokens = sentence.split()
    stems = [stem(t) for t in tokens]
    out = [f"w:{t}" for t in tokens] + [f"w:{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    out += [f"s:{t}" for t in stems] + [f"s:{a} {b}" for a, b in zip(stems, stems[1:], strict=False)]
    padded = f" {sentence} "
    for n in CHAR_NGRAMS:
        out += [f"c:{padded[i : i + n]}" for i in range(len(padded) - n + 1)]
    return out + [f"r:{s}" for s in signals]


def hashed(feats: list[str]) -> tuple[np.ndarray, float]:
    """Distinct buckets of the features and the L2 normalisation value for binary features.

    Below MIN_FEATURES the value is not raised further, so that the two or three n-grams of "hi"
    do not each weigh as much as a sentence's worth of evidence.
    """
    buckets = np.unique(np.fromiter((zlib.crc32(f.encode()) % BUCKETS for f in feats), dtype=np.int64))
    return buckets, (1.0 / math.sqrt(max(len(buckets), MIN_FEATURES)) if len(buckets) else 0.0)


@dataclass(frozen=True)
class SafetyModel:
    """Weights of the shipped classifier; a model with no weights scores every message 0."""

    weights: np.ndarray
    bias: float

    def score(self, sentence: str, signals: tuple[str, ...] = ()) -> float:
        """Probability that the sentence signals a crisis, given the rules that fired on it."""
        if not self.weights.size or not sentence:
            return 0.0
        buckets, norm = hashed(features(sentence, signals))
        z = self.bias + float(self.weights[buckets].sum()) * norm
        return 1.0 / (1.0 + math.exp(-z))

    def explain(self, sentence: str, signals: tuple[str, ...] = (), top: int = 5) -> list[tuple[str, float]]:
        """The features (n-grams, rules) that raised the score most."""
        if not self.weights.size or not sentence:
            return []
        feats = sorted(set(features(sentence, signals)))
        norm = hashed(feats)[1]
        scored = [(f, float(self.weights[zlib.crc32(f.encode()) % BUCKETS]) * norm) for f in feats]
        return sorted((s for s in scored if s[1] > 0), key=lambda s: -s[1])[:top]


@lru_cache(maxsize=1)
def load_model() -> SafetyModel:
    """The shipped model, loaded once; an empty model if the file is absent (before first training)."""
    path = resources.files("assistant").joinpath(MODEL_FILE)
    if not path.is_file():
        return SafetyModel(np.zeros(0, dtype=np.float32), 0.0)
    with path.open("rb") as f, np.load(f) as data:
        buckets, values = data["buckets"], data["values"]
        weights = np.zeros(BUCKETS, dtype=np.float32)
        weights[buckets] = values
        return SafetyModel(weights, float(data["bias"]))
