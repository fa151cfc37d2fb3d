"""The most expensive ask a client can send within the API's limits, for the benchmark and the tests.

500 characters of made-up 8-letter words (two edits allowed, so five word lengths of candidates)
starting with the letters whose spelling buckets are fullest, led by "it" so the engine reads
the history, and the same text as all 10 history items. Before the spelling budget this drove
about 18,600 edit-distance computations (0.2 s); a different seed gives different words, so no
cache helps.
"""

from __future__ import annotations

import random

from assistant import Assistant

MAX_QUESTION = 500  # characters, as the API allows
MAX_HISTORY = 10  # items


def worst_case_ask(assistant: Assistant, seed: int = 0) -> tuple[str, list[str]]:
    """(question, history) of the costliest shape for this assistant's vocabulary."""
    speller = assistant.analyzer.speller
    letters = sorted(
        "abcdefghijklmnopqrstuvwxyz",
        key=lambda c: -sum(len(speller.buckets.get((c, n), ())) for n in range(6, 11)),
    )
    rng = random.Random(seed)
    words: list[str] = []
    while len(" ".join(words)) < MAX_QUESTION - 10:
        words.append(letters[len(words) % 4] + "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(7)))
    question = ("it " + " ".join(words))[:MAX_QUESTION]
    return question, [question] * MAX_HISTORY
