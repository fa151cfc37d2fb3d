"""Small text classifiers: logistic regressions over hashed word and character n-grams.

Shipped models (`assistant/data/<name>_model.npz`, one weight vector per head):

- `safety`, trained by `scripts/train_safety_model.py`: the `crisis` head scores whether a
  message signals a crisis at all; the `emergency` head whether it is an emergency happening now
  (an overdose, someone unresponsive), which decides whether the reply leads with 911 and Poison
  Help. Their features include the names of the rules in assistant/safety.py that fired, so they
  learn how far to trust each rule and catch wording no rule names.
- `smalltalk`, trained by `scripts/train_smalltalk_model.py`: the `smalltalk` head scores whether
  a message only talks to the assistant (greetings, thanks, "are you a bot?") and asks nothing
  the articles could answer.

Both are trained offline (scikit-learn) on development data only. Scoring
is a sum of a few hundred weights: deterministic, no scikit-learn at run time, well under a
millisecond for a sentence, and explainable (the n-grams that pushed the score up are listed).
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from .text import stem

# 2^18 buckets: collisions among the ~50,000 distinct n-grams of a few thousand messages are rare.
BUCKETS = 1 << 18
CHAR_NGRAMS = (3, 4, 5)
# Stems up to this many words apart pair up too ("want to die", "took all my pills"): meaning
# spread over a sentence that adjacent pairs miss. Leave-writers-out (5 folds, crisis head,
# threshold 0.55): 1,070 -> 1,045 of 23,484 crisis messages missed and 1,287 -> 1,206 of 32,278
# ordinary lines raised; 5 apart did no better than 3.
SKIP_WINDOW = 3
MIN_FEATURES = 20
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLED = re.compile(r"(.)\1+")
MODELS = {"safety": ("crisis", "emergency"), "smalltalk": ("smalltalk",)}  # file name -> heads


def model_file(name: str) -> str:
    """Path of a shipped model inside the package."""
    return f"data/{name}_model.npz"


def skeleton(word: str) -> str:
    """The word's first letter and its consonants, doubled letters once: "ganna", "gonna" and
    "gunna" are all "gn", "aboot" and "about" "abt"."""
    if len(word) < 3:
        return word
    return word[0] + _DOUBLED.sub(r"\1", _VOWELS.sub("", word[1:]))


def features(sentence: str, signals: tuple[str, ...] = ()) -> list[str]:
    """Word and stem 1-2-grams, stem pairs up to SKIP_WINDOW apart, consonant skeletons of words
    and word pairs, and character 3-5-grams of a normalised text (safety's canonical sentences, or
    smalltalk.smalltalk_text), and the names of the rules that fired on it, so the safety model
    learns how far to trust each rule."""
    tokens = sentence.split()
    stems = [stem(t) for t in tokens]
    out = [f"w:{t}" for t in tokens] + [f"w:{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    out += [f"s:{t}" for t in stems] + [f"s:{a} {b}" for a, b in zip(stems, stems[1:], strict=False)]
    # Dialect and texting spellings mostly differ in their vowels. Leave-writers-out (5 folds,
    # crisis head, threshold 0.55, 30,694 crisis lines): 1,189 -> 1,158 missed, 1,474 -> 1,455 of
    # 42,306 ordinary lines raised.
    skeletons = [skeleton(t) for t in tokens]
    out += [f"v:{t}" for t in skeletons] + [f"v:{a} {b}" for a, b in zip(skeletons, skeletons[1:], strict=False)]
    out += [f"k:{a} {b}" for i, a in enumerate(stems) for b in stems[i + 2 : i + SKIP_WINDOW + 1]]
    padded = f" {sentence} "
    for n in CHAR_NGRAMS:
        out += [f"c:{padded[i : i + n]}" for i in range(len(padded) - n + 1)]
    return out + [f"r:{s}" for s in signals]


def hashed(feats: list[str]) -> tuple[np.ndarray, float]:
    """Distinct buckets of the features and the L2 normalisation value for binary features.

    Below MIN_FEATURES the value is not raised further, so that the two or three n-grams of "hi"
    do not each weigh as much as a sentence's worth of evidence.
    """
    # sorted(set()) rather than np.unique, whose first call imports numpy.ma (about 60 ms of a
    # worker's first answer).
    distinct = sorted({zlib.crc32(f.encode()) % BUCKETS for f in feats})
    buckets = np.fromiter(distinct, dtype=np.int64, count=len(distinct))
    return buckets, (1.0 / math.sqrt(max(len(buckets), MIN_FEATURES)) if len(buckets) else 0.0)


@dataclass(frozen=True)
class LinearModel:
    """Weights of one head of a shipped classifier; a model with no weights scores every message 0."""

    weights: np.ndarray
    bias: float

    def score(self, sentence: str, signals: tuple[str, ...] = ()) -> float:
        """Probability of the head's class for the sentence, given the rules that fired on it."""
        if not self.weights.size or not sentence:
            return 0.0
        return self.probability(*hashed(features(sentence, signals)))

    def probability(self, buckets: np.ndarray, norm: float) -> float:
        """Probability of the head's class for features already hashed, so heads that read the
        same text hash it once."""
        if not self.weights.size or not len(buckets):
            return 0.0
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


@lru_cache(maxsize=8)
def load_model(name: str, head: str) -> LinearModel:
    """A head of a shipped model, loaded once; an empty model if the file or head is absent
    (before first training)."""
    if head not in MODELS.get(name, ()):
        raise ValueError(f"unknown model head {name}/{head}")
    path = resources.files("assistant").joinpath(model_file(name))
    if not path.is_file():
        return LinearModel(np.zeros(0, dtype=np.float32), 0.0)
    with path.open("rb") as f, np.load(f) as data:
        if f"{head}_buckets" not in data:
            return LinearModel(np.zeros(0, dtype=np.float32), 0.0)
        buckets, values = data[f"{head}_buckets"], data[f"{head}_values"]
        weights = np.zeros(BUCKETS, dtype=np.float32)
        weights[buckets] = values
        return LinearModel(weights, float(data[f"{head}_bias"]))
