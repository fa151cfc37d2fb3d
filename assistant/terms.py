"""Index terms of many texts at once: tokenized in batches, each distinct word stemmed once.

`text.terms` is the definition (stems of the non-stopword words). Building the index applies
the same `words`, `STOPWORDS` and `stem` to a whole corpus, and per-text calls cost more in
overhead than in work: normalising and running NLTK's regular expression (with its ReDoS
timeout) on each of 100,000 passages took about 12 s of a 30 s build. So texts are joined, a
thousand at a time, around a separator word, tokenized by one `words` call and cut apart again
at the separators; each distinct word is stemmed once, and the surface words are counted for
the spelling corrector on the way. This equals `terms` text by text because `words` works on
each whitespace-separated stretch alone (NFKC, case folding and the tokenizer never join
across a space); tests/test_terms.py checks it on arbitrary text, and a batch whose separator
count comes out wrong (a text that contains the separator word) is tokenized text by text.
"""

from __future__ import annotations

from collections import Counter

from .text import STOPWORDS, stem, words

BATCH_TEXTS = 1000  # about 250 KB of text per call: far inside NLTK's 5 s regular-expression timeout
SEPARATOR = "zqxjseparatorzqxj"  # a word no article or question uses (checked per batch)


class TermTable:
    """Terms of texts, with a stem cache and the surface-word counts of every text counted."""

    def __init__(self) -> None:
        self.stems: dict[str, str] = {}
        self.word_counts: Counter[str] = Counter()  # non-stopword surface words, for spelling

    def terms(self, text: str) -> list[str]:
        """Equal to `text.terms(text)`; the text's words are counted."""
        return self.terms_of_many([text])[0]

    def terms_of_many(self, texts: list[str]) -> list[list[str]]:
        """`text.terms` of each text, in order; every text's words are counted."""
        out: list[list[str]] = []
        for start in range(0, len(texts), BATCH_TEXTS):
            for content in _content_words(texts[start : start + BATCH_TEXTS]):
                out.append(self._stems_of(content))
        return out

    def shared_terms(self, texts: list[str]) -> list[list[str]]:
        """Terms of texts that recur (a section's title on each of its passages): each distinct
        text computed and counted once, and its one list given to every repeat."""
        distinct = list(dict.fromkeys(texts))
        found = dict(zip(distinct, self.terms_of_many(distinct), strict=True))
        return [found[t] for t in texts]

    def _stems_of(self, content: list[str]) -> list[str]:
        self.word_counts.update(content)
        stems = self.stems
        for word in set(content).difference(stems):
            stems[word] = stem(word)
        return list(map(stems.__getitem__, content))


def _content_words(texts: list[str]) -> list[list[str]]:
    """Non-stopword `words` of each text, from one tokenizer call for the whole batch."""
    if len(texts) == 1:
        return [[w for w in words(texts[0]) if w not in STOPWORDS]]
    tokens = words(f" {SEPARATOR} ".join(texts))
    if tokens.count(SEPARATOR) != len(texts) - 1:
        return [[w for w in words(t) if w not in STOPWORDS] for t in texts]
    out = []
    start = 0
    for _ in range(len(texts) - 1):
        end = tokens.index(SEPARATOR, start)
        out.append([w for w in tokens[start:end] if w not in STOPWORDS])
        start = end + 1
    out.append([w for w in tokens[start:] if w not in STOPWORDS])
    return out
