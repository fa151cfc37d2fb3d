"""Correct a misspelt question word to the nearest word the corpus knows."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

# Shorter words are left alone: at three letters almost every typo is another real word.
MIN_WORD_LENGTH = 4
# Edits allowed: one for words up to this length, two beyond (long words absorb two typos
# without colliding with other words; "insurence", "neuroplastisity").
ONE_EDIT_MAX_LENGTH = 7


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (adjacent swaps count once); limit+1 once it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = ca != cb
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


class Speller:
    """Nearest-word correction over a fixed vocabulary, frequency breaking ties."""

    def __init__(
        self,
        counts: Counter[str],
        known: set[str] | frozenset[str] = frozenset(),
        is_word: Callable[[str], bool] = lambda word: False,
    ):
        self.counts = counts
        self.known = set(counts) | set(known)
        self.is_word = is_word  # real words outside the corpus are left alone ("home", not "hope")
        # Typos rarely hit the first letter, and an edit changes the length by one at most, so
        # candidates are bucketed by (first letter, length): a lookup reads a few small buckets.
        self.buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in counts:
            if len(word) >= MIN_WORD_LENGTH - 1 and word.isalpha():
                self.buckets[word[0], len(word)].append(word)

    def correct(self, word: str) -> str | None:
        """The vocabulary word meant by an unknown word, or None if it is known or nothing is close."""
        if word in self.known or len(word) < MIN_WORD_LENGTH or not word.isalpha() or self.is_word(word):
            return None
        limit = 1 if len(word) <= ONE_EDIT_MAX_LENGTH else 2
        best: tuple[int, int, str] | None = None
        nearby = (self.buckets.get((word[0], n), ()) for n in range(len(word) - limit, len(word) + limit + 1))
        for candidate in (c for bucket in nearby for c in bucket):
            d = edit_distance(word, candidate, limit)
            if d <= limit:
                key = (d, -self.counts[candidate], candidate)
                best = key if best is None or key < best else best
        return best[2] if best else None
