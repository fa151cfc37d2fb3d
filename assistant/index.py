"""BM25+ scoring whose cost follows the postings a query touches, not the corpus size.

Statistics (idf, document lengths) come from rank-bm25's BM25Plus; each term's postings and
their BM25+ contributions are precomputed as numpy arrays (the technique bm25s uses), so a
query sums a few short arrays instead of looping over every document.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from rank_bm25 import BM25Plus

# BM25+ (Lv & Zhai 2011) rather than Okapi: on a corpus of a few dozen passages Okapi's idf is
# zero for a term in exactly half the passages and negative (floored to a constant) above that,
# so a more common word can outweigh a rarer one. BM25+'s idf, log((N+1)/df), is always
# positive and falls as a word gets commoner. k1 and b are the textbook defaults; delta=1 is
# the paper's value, which keeps a long passage's single mention from scoring near zero.
K1 = 1.2
B = 0.75
DELTA = 1.0

_EMPTY = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float64))


class FieldIndex:
    """BM25+ over one list of tokenised documents, with per-term postings precomputed."""

    def __init__(self, docs: list[list[str]], k1: float = K1, b: float = B, delta: float = DELTA):
        if k1 < 0 or not 0 <= b <= 1 or delta < 0:
            raise ValueError(f"need k1 >= 0, 0 <= b <= 1, delta >= 0; got k1={k1}, b={b}, delta={delta}")
        self.size = len(docs)
        self.k1, self.b, self.delta = k1, b, delta
        self.idf: dict[str, float] = {}
        self.postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        # rank-bm25 divides by zero on an empty corpus or one whose documents are all empty.
        if not docs or not any(docs):
            return
        stats = BM25Plus(docs, k1=k1, b=b, delta=delta)
        self.idf = dict(stats.idf)
        norm = k1 * (1 - b + b * np.asarray(stats.doc_len, dtype=np.float64) / stats.avgdl)
        by_term: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for doc_id, freqs in enumerate(stats.doc_freqs):
            for term, tf in freqs.items():
                by_term[term].append((doc_id, tf))
        for term, pairs in by_term.items():
            ids = np.fromiter((d for d, _ in pairs), dtype=np.int32, count=len(pairs))
            tfs = np.fromiter((t for _, t in pairs), dtype=np.float64, count=len(pairs))
            contrib = self.idf[term] * (delta + tfs * (k1 + 1) / (norm[ids] + tfs))
            self.postings[term] = (ids, contrib)

    def term_postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """(document ids, BM25+ contribution) of the documents containing term."""
        return self.postings.get(term, _EMPTY)

    def term_scores(self, term: str) -> np.ndarray:
        """Dense contribution of one term to every document (0 where it is absent)."""
        out = np.zeros(self.size)
        ids, contrib = self.term_postings(term)
        out[ids] = contrib
        return out

    def get_scores(self, query: list[str]) -> np.ndarray:
        """Scores equal to rank-bm25's BM25Plus.get_scores for the same query.

        rank-bm25 adds idf*delta for a query term even to documents without it; that shift is
        the same for every document, so it changes no ranking, and is added here only so the
        two implementations can be compared number for number.
        """
        scores = np.zeros(self.size)
        shift = 0.0
        for term in query:
            ids, contrib = self.term_postings(term)
            floor = self.delta * self.idf.get(term, 0.0)
            scores[ids] += contrib - floor
            shift += floor
        return scores + shift
