"""BM25+ scoring whose cost follows the postings a query touches, not the corpus size.

The statistics are rank-bm25's BM25Plus (idf = log((N+1)/df), average length = tokens / N),
computed with numpy instead of a Python loop over every token; each term's postings and their
BM25+ contributions are precomputed (the technique bm25s uses) and stored back to back, one
slice per term, so a query adds a few short slices instead of looping over every document.
tests/test_index_equivalence.py checks the scores against rank-bm25 on random corpora.
"""

from __future__ import annotations

import copy
import math
from itertools import chain

import numpy as np

# BM25+ (Lv & Zhai 2011) rather than Okapi: on a corpus of a few dozen passages Okapi's idf is
# zero for a term in exactly half the passages and negative (floored to a constant) above that,
# so a more common word can outweigh a rarer one. BM25+'s idf, log((N+1)/df), is always
# positive and falls as a word gets commoner. k1 and b are the textbook defaults; delta=1 is
# the paper's value, which keeps a long passage's single mention from scoring near zero.
K1 = 1.2
B = 0.75
DELTA = 1.0


class FieldIndex:
    """BM25+ over one list of tokenised documents, with per-term postings precomputed.

    Built once, then only read: the arrays are marked read-only so threads can share them.
    """

    def __init__(self, docs: list[list[str]], k1: float = K1, b: float = B, delta: float = DELTA):
        lengths = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
        # Term ids in order of first appearance; tokens are mapped in one pass over the corpus.
        term_ids: dict[str, int] = {t: i for i, t in enumerate(dict.fromkeys(chain.from_iterable(docs)))}
        tokens = np.fromiter(map(term_ids.__getitem__, chain.from_iterable(docs)), np.int64, int(lengths.sum()))
        self._init(list(term_ids), tokens, lengths, k1, b, delta)

    @classmethod
    def from_ids(
        cls,
        vocabulary: list[str],
        tokens: np.ndarray,
        lengths: np.ndarray,
        k1: float = K1,
        b: float = B,
        delta: float = DELTA,
    ) -> FieldIndex:
        """The index of documents given as term ids: `tokens` holds each document's ids (into
        `vocabulary`) back to back, `lengths` how many each has. Equal to FieldIndex(docs)."""
        index = cls.__new__(cls)
        # Only the terms these documents use, in vocabulary order (a bincount, not np.unique's hashing).
        present = np.bincount(tokens, minlength=len(vocabulary)) > 0
        renumber = np.cumsum(present) - 1
        used = np.flatnonzero(present).tolist()
        index._init([vocabulary[i] for i in used], renumber[tokens], lengths, k1, b, delta)
        return index

    def _init(self, terms: list[str], tokens: np.ndarray, lengths: np.ndarray, k1: float, b: float, delta: float):
        if k1 < 0 or not 0 <= b <= 1 or delta < 0:
            raise ValueError(f"need k1 >= 0, 0 <= b <= 1, delta >= 0; got k1={k1}, b={b}, delta={delta}")
        self.size = len(lengths)
        self.k1, self.b, self.delta = k1, b, delta
        total = int(lengths.sum())
        self._term_ids: dict[str, int] = {t: i for i, t in enumerate(terms)}
        self.idf: dict[str, float] = {}
        self._indptr = np.zeros(len(self._term_ids) + 1, dtype=np.int64)
        self._doc_ids = np.zeros(0, dtype=np.int32)
        self._above = np.zeros(0, dtype=np.float64)
        self._floor = np.zeros(0, dtype=np.float64)
        if total:  # rank-bm25 divides by zero on no documents, or only empty ones: no terms then
            self._build(tokens, lengths, total)

    def _build(self, keys: np.ndarray, lengths: np.ndarray, total: int) -> None:
        """Postings sorted by term then document, with each posting's score above the floor.

        `keys` holds every token's term id, document by document; it is reused in place. Works on
        whole arrays, in place where it can, so that 100,000 passages build in about a second and
        the peak memory stays near the size of the finished index.
        """
        n, k1, b, delta = self.size, self.k1, self.b, self.delta
        # One key per token, term * N + document: sorting groups each term's postings by document,
        # and equal neighbours are repeats of a term in one document.
        keys *= n
        keys += np.repeat(np.arange(n, dtype=np.int64), lengths)
        keys.sort()
        first = np.empty(total, dtype=bool)
        first[0] = True
        np.not_equal(keys[1:], keys[:-1], out=first[1:])
        pairs = keys[first]
        del keys
        starts = np.flatnonzero(first)
        del first
        tf = np.empty(len(starts), dtype=np.float64)  # each pair's run length is its term frequency
        np.subtract(starts[1:], starts[:-1], out=tf[:-1])
        tf[-1] = total - starts[-1]
        del starts
        self._indptr = np.searchsorted(pairs, np.arange(len(self._term_ids) + 1, dtype=np.int64) * n)
        pairs %= n
        self._doc_ids = pairs.astype(np.int32)
        del pairs
        df = np.diff(self._indptr)
        # math.log per term, as rank-bm25 computes it, so the idf values are the very same floats.
        idf = [math.log((n + 1) / d) for d in df.tolist()]
        self.idf = dict(zip(self._term_ids, idf, strict=True))
        idf_array = np.asarray(idf)
        self._floor = delta * idf_array
        # BM25+ per posting is idf * (delta + tf (k1 + 1) / (norm + tf)); keep what lies above the
        # floor idf * delta, which rank-bm25 also gives every document without the term.
        norm = k1 * (1 - b + b * lengths / (total / n))
        denominator = norm[self._doc_ids]
        denominator += tf
        tf *= k1 + 1
        tf /= denominator
        del denominator
        tf *= np.repeat(idf_array, df)
        self._above = tf
        for array in (self._above, self._doc_ids, self._indptr, self._floor):
            array.flags.writeable = False

    def renumbered(self, ids: np.ndarray, size: int) -> FieldIndex:
        """This index with document i named ids[i] (ascending): the index of a subset of a larger
        list of `size` documents, whose postings name documents by their place in the larger list."""
        other = copy.copy(self)
        other._doc_ids = ids.astype(np.int32)[self._doc_ids]
        other._doc_ids.flags.writeable = False
        other.size = size
        return other

    def term_postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """(document ids, BM25+ contribution) of the documents containing term."""
        i = self._term_ids.get(term)
        if i is None:
            return self._doc_ids[:0], self._above[:0]
        start, end = self._indptr[i], self._indptr[i + 1]
        return self._doc_ids[start:end], self._above[start:end] + self._floor[i]

    def get_scores(self, query: list[str]) -> np.ndarray:
        """Scores equal to rank-bm25's BM25Plus.get_scores for the same query.

        rank-bm25 adds idf*delta for a query term even to documents without it; that shift is
        the same for every document, so it changes no ranking, and is added here only so the
        two implementations can be compared number for number.
        """
        scores = np.zeros(self.size)
        shift = 0.0
        for term in query:
            i = self._term_ids.get(term)
            if i is not None:
                start, end = self._indptr[i], self._indptr[i + 1]
                # add.at, not scores[ids] += ...: one pass instead of gather, add and scatter.
                np.add.at(scores, self._doc_ids[start:end], self._above[start:end])
                shift += self._floor[i]
        scores += shift
        return scores


def documents_with_term(*fields: FieldIndex) -> dict[str, int]:
    """How many documents hold each term in any of the fields (fields of the same documents).

    From the postings, with numpy: a (term, document) pair found in two fields counts once.
    """
    size = fields[0].size
    ids: dict[str, int] = {}
    keys = []
    for field in fields:
        if field.size != size:
            raise ValueError(f"fields cover different documents: {field.size} and {size}")
        local = np.fromiter(
            (ids.setdefault(t, len(ids)) for t in field._term_ids), dtype=np.int64, count=len(field._term_ids)
        )
        keys.append(np.repeat(local, np.diff(field._indptr)) * size + field._doc_ids)
    pairs = np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64)
    pairs.sort()  # then drop repeats; np.unique's hashing took seconds at 100,000 passages
    pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))] if len(pairs) else pairs
    counts = np.bincount(pairs // max(size, 1), minlength=len(ids))
    return dict(zip(ids, counts.tolist(), strict=True))
