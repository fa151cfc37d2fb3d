"""Index terms of a whole corpus: tokenized in batches, each distinct word stemmed once, kept as ids.

`text.terms` is the definition (stems of the non-stopword words). Building the index applies
the same `words`, `STOPWORDS` and `stem` to every passage, title and alternate question, and
per-text calls cost more in overhead than in work: normalising and running NLTK's regular
expression on each of 100,000 passages, then stemming and counting word by word, took about
20 s of a 30 s build. So:

- texts are joined, a thousand at a time, around a separator word, tokenized by one `words`
  call and cut apart again at the separators. This equals `words` text by text because `words`
  works on each whitespace-separated stretch alone (NFKC, case folding and the tokenizer never
  join across a space); tests/test_terms.py checks it on arbitrary text, and a batch whose
  separator count comes out wrong (a text that contains the separator word) is tokenized text
  by text;
- each distinct word gets an id, and its stopword flag and stem id are looked up once; the
  rest (dropping stopwords, counting words for the spelling corrector, cutting the batch into
  texts) is numpy on the id arrays;
- the terms stay an id array (`TermLists`): FieldIndex.from_ids builds the postings from it
  directly, and a passage's terms become a list only when a reply asks for them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from .index import FieldIndex
from .text import STOPWORDS, stem, words

BATCH_TEXTS = 1000  # about 250 KB of text per tokenizer call: few calls, little memory
SEPARATOR = "zqxjseparatorzqxj"  # a word no article or question uses (checked per batch)
TERM_LIST_CACHE = 16384  # passages whose term lists are kept once asked for (candidates recur)


class TermLists(Sequence):
    """Each text's terms as one array of stem ids; item i is text i's terms as a list of str."""

    def __init__(self, stems: list[str], flat: np.ndarray, offsets: np.ndarray) -> None:
        self.stems = stems  # id -> stem; may grow after this list was made, ids here stay valid
        self.flat = flat
        self.offsets = offsets  # text i's ids are flat[offsets[i]:offsets[i + 1]]
        self._item = lru_cache(maxsize=TERM_LIST_CACHE)(self._terms_of)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = int(i)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(f"text {i} of {len(self)}")
        return self._item(i)

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # mutable-looking, like a list: unhashable

    def _terms_of(self, i: int) -> list[str]:
        return list(map(self.stems.__getitem__, self.flat[self.offsets[i] : self.offsets[i + 1]].tolist()))

    def field_index(self) -> FieldIndex:
        """BM25+ over these texts, equal to FieldIndex(list(self))."""
        return FieldIndex.from_ids(self.stems, self.flat, np.diff(self.offsets))


class TermTable:
    """Terms of texts as ids, with every distinct word's stopword flag and stem looked up once."""

    def __init__(self) -> None:
        self.stems: list[str] = []  # stem id -> stem
        self._stem_ids: dict[str, int] = {}
        self._word_ids: dict[str, int] = {}  # surface word -> word id; the separator is word 0
        self._word_stem = np.zeros(0, dtype=np.int64)  # word id -> stem id, -1 for stopwords
        self._counts = np.zeros(0, dtype=np.int64)  # word id -> times counted
        self._ids([SEPARATOR])

    def encode(self, texts: list[str]) -> TermLists:
        """`text.terms` of every text, as ids; every text's words are counted."""
        flats, lengths = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
        for start in range(0, len(texts), BATCH_TEXTS):
            flat, length = self._encode_batch(texts[start : start + BATCH_TEXTS])
            flats.append(flat)
            lengths.append(length)
        offsets = np.concatenate(([0], np.cumsum(np.concatenate(lengths)))).astype(np.int64)
        return TermLists(self.stems, np.concatenate(flats), offsets)

    def encode_shared(self, texts: list[str]) -> TermLists:
        """Like encode, for texts that recur (a section's title on each of its passages): each
        distinct text is tokenized and counted once."""
        distinct: dict[str, int] = {}
        which = np.fromiter((distinct.setdefault(t, len(distinct)) for t in texts), dtype=np.int64, count=len(texts))
        once = self.encode(list(distinct))
        starts, lengths = once.offsets[:-1][which], np.diff(once.offsets)[which]
        offsets = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
        # Position k of text i reads once.flat[starts[i] + k]: ranges gathered without a Python loop.
        gather = np.arange(offsets[-1], dtype=np.int64) + np.repeat(starts - offsets[:-1], lengths)
        return TermLists(self.stems, once.flat[gather], offsets)

    def word_counts(self) -> Counter[str]:
        """Non-stopword surface words of every text encoded so far, with their counts."""
        words_ = list(self._word_ids)
        return Counter({words_[i]: c for i, c in enumerate(self._counts.tolist()) if c})

    def _encode_batch(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(stem ids back to back, terms per text) of a batch."""
        if len(texts) > 1:
            tokens = words(f" {SEPARATOR} ".join(texts))
            # Exactly one separator per gap between texts means no text holds the word itself.
            if tokens.count(SEPARATOR) == len(texts) - 1:
                ids = self._ids(tokens)
                boundary = ids == 0
                return self._kept(ids, np.cumsum(boundary), ~boundary, len(texts))
        per_text = [self._ids(words(t)) for t in texts]  # one text, or one holds the separator word
        ids = np.concatenate([np.zeros(0, dtype=np.int64), *per_text])
        text_of = np.repeat(np.arange(len(texts)), [len(x) for x in per_text])
        return self._kept(ids, text_of, np.ones(len(ids), dtype=bool), len(texts))

    def _kept(
        self, ids: np.ndarray, text_of: np.ndarray, mask: np.ndarray, count: int
    ) -> tuple[np.ndarray, np.ndarray]:
        stems = self._word_stem[ids]
        keep = mask & (stems >= 0)
        self._counts += np.bincount(ids[keep], minlength=len(self._counts))
        return stems[keep], np.bincount(text_of[keep], minlength=count)

    def _ids(self, tokens: list[str]) -> np.ndarray:
        """Word ids of tokens; a new word gets the next id, and its stem id (-1 for a stopword)."""
        word_ids = self._word_ids
        new = sorted(set(tokens).difference(word_ids))  # sorted, so that ids do not depend on hashing
        if new:
            added = []
            for word in new:
                word_ids[word] = len(word_ids)
                if word in STOPWORDS:
                    added.append(-1)
                    continue
                s = stem(word)
                if s not in self._stem_ids:
                    self._stem_ids[s] = len(self.stems)
                    self.stems.append(s)
                added.append(self._stem_ids[s])
            self._word_stem = np.concatenate((self._word_stem, np.asarray(added, dtype=np.int64)))
            self._counts = np.concatenate((self._counts, np.zeros(len(added), dtype=np.int64)))
        return np.fromiter(map(word_ids.__getitem__, tokens), dtype=np.int64, count=len(tokens))
