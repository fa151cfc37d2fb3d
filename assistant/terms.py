"""Index terms of many texts at once: each text tokenized once, each distinct word stemmed once.

`text.terms` is the definition (stems of the non-stopword words); this applies the same
`words`, `STOPWORDS` and `stem` to a whole corpus, remembering each distinct word's stem in a
plain dict and counting the surface words for the spelling corrector as it goes, so building
the index never tokenizes a text twice nor calls the stemmer twice for one word.
"""

from __future__ import annotations

from collections import Counter

from .text import STOPWORDS, stem, words


class TermTable:
    """Terms of texts, with a stem cache and the surface-word counts of every text counted."""

    def __init__(self) -> None:
        self.stems: dict[str, str] = {}
        self.word_counts: Counter[str] = Counter()  # non-stopword surface words, for spelling
        self._memo: dict[str, list[str]] = {}

    def terms(self, text: str) -> list[str]:
        """Equal to `text.terms(text)`; the text's words are counted once per call."""
        content = [w for w in words(text) if w not in STOPWORDS]
        self.word_counts.update(content)
        stems = self.stems
        for word in set(content).difference(stems):
            stems[word] = stem(word)
        return list(map(stems.__getitem__, content))

    def shared_terms(self, text: str) -> list[str]:
        """Terms of a text that recurs (a section title on each of its passages): computed and
        counted once, the same list returned every time."""
        found = self._memo.get(text)
        if found is None:
            found = self._memo[text] = self.terms(text)
        return found
