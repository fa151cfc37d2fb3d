"""Correct a misspelt question word to the nearest word the corpus knows."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache

from .lexicon import with_final_g

# Shorter words are left alone: at three letters almost every typo is another real word.
MIN_WORD_LENGTH = 4
# Edits allowed: one for words up to this length, two beyond (long words absorb two typos
# without colliding with other words; "insurence", "neuroplastisity").
ONE_EDIT_MAX_LENGTH = 7
# Cost bounds. One ask (question and the history it reads) may compare at most this many
# candidate words; past that, unknown words stay as typed. The evaluation set's questions use at
# most 34 (95 % use 6 or fewer); 56 random words and 10 copies as history used ~18,600 before.
MAX_COMPARISONS_PER_ASK = 400
# Corrections are remembered, word by word, up to this many words (then the memory starts again).
MAX_CACHED_WORDS = 20_000


class SpellingBudget:
    """Candidate comparisons one request may still spend; shared by every analysis it makes."""

    def __init__(self, comparisons: int = MAX_COMPARISONS_PER_ASK) -> None:
        self.left = comparisons
        self.used = 0
        self.skipped = 0  # unknown words left uncorrected because the budget ran out

    def spend(self, comparisons: int) -> bool:
        """Take `comparisons` from the budget if it holds them all."""
        if comparisons > self.left:
            self.skipped += 1
            return False
        self.left -= comparisons
        self.used += comparisons
        return True


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (adjacent swaps count once); limit+1 once it exceeds limit."""
    return _osa().distance(a, b, score_cutoff=limit)


@lru_cache(maxsize=1)
def _osa():
    """rapidfuzz's OSA distance, imported at the first correction (not on every start)."""
    from rapidfuzz.distance import OSA

    return OSA


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
        self._buckets: dict[tuple[str, int], list[str]] | None = None
        self._cache: dict[str, str | None] = {}

    @property
    def buckets(self) -> dict[tuple[str, int], list[str]]:
        """Candidate words by (first letter, length), made at the first correction.

        Typos rarely hit the first letter, and an edit changes the length by one at most, so a
        lookup reads a few small buckets. Made on first use, not with the engine: at 100,000
        passages they took a tenth of a second of a cached start whose first question may
        correct nothing. (Two threads racing here build the same buckets; either is kept.)
        """
        buckets = self._buckets
        if buckets is None:
            buckets = defaultdict(list)
            # Function words too: "everthing" or "becuase" is a misspelt word that carries no topic,
            # not a rare word the articles lack (which would count against answering).
            for word in self.known:
                if len(word) >= MIN_WORD_LENGTH - 1 and word.isalpha():
                    buckets[word[0], len(word)].append(word)
            self._buckets = buckets
        return buckets

    def correct(self, word: str, budget: SpellingBudget | None = None) -> str | None:
        """The vocabulary word meant by an unknown word, or None if it is known or nothing is close.

        With a budget, a word whose candidates do not fit in what is left stays uncorrected.
        """
        if word in self.known or len(word) < MIN_WORD_LENGTH or not word.isalpha():
            return None
        if word in self._cache:
            return self._cache[word]
        best = with_final_g(word)  # "hurtin" is "hurting" said as written, though wordfreq knows it
        if best is None:
            if self.is_word(word):
                return None
            limit = 1 if len(word) <= ONE_EDIT_MAX_LENGTH else 2
            nearby = (self.buckets.get((word[0], n), ()) for n in range(len(word) - limit, len(word) + limit + 1))
            candidates = [c for bucket in nearby for c in bucket]
            if budget is not None and not budget.spend(len(candidates)):
                return None
            best = self._nearest(word, candidates, limit)
        if len(self._cache) >= MAX_CACHED_WORDS:
            self._cache.clear()
        self._cache[word] = best
        return best

    def _nearest(self, word: str, candidates: list[str], limit: int) -> str | None:
        best: tuple[int, int, str] | None = None
        for candidate in candidates:
            d = edit_distance(word, candidate, limit)
            if d <= limit:
                key = (d, -self.counts.get(candidate, 0), candidate)
                best = key if best is None or key < best else best
        return best[2] if best else None
