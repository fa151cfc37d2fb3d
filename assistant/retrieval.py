"""Rank passages for a query over three fields: the passage, its section title, its alternate questions."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from .index import FieldIndex, documents_with_term
from .lexicon import rarity
from .models import Passage
from .query import Slot
from .terms import TermTable

if TYPE_CHECKING:
    from .examples import Examples, Matches

# How much the section title and the best-matching alternate question add to a passage's own
# BM25+ score. The title is shared by every passage of its section, so it only nudges; staff
# wrote the alternate questions for that passage, so a match there is nearly as good as one in
# the text. Chosen on the project's evaluation set among 0.25/0.5/0.75/1.0 for each.
TITLE_WEIGHT = 0.5
QUESTION_WEIGHT = 0.75
EXAMPLE_WEIGHT = 0.5  # the nearest examples' vote: visitors' wordings of what a passage answers (assistant/examples.py)


@dataclass(frozen=True)
class Candidate:
    """A passage ranked for a query, with the evidence behind its score."""

    passage: Passage
    score: float
    matched: tuple[Slot, ...]  # slots of the query found in the passage, its title, its best question or example
    best_question: str | None
    best_example: str | None = None
    position: int = -1  # the passage's place in the index (and in the examples' passage slices)

    def to_dict(self) -> dict:
        return {
            "passage": self.passage.to_dict(),
            "score": round(self.score, 4),
            "matched_terms": [s.text for s in self.matched],
            "best_question": self.best_question,
            "best_example": self.best_example,
        }


class PassageIndex:
    """BM25+ fields over every passage of the corpus, built once and only read afterwards."""

    def __init__(self, passages: Sequence[Passage], questions: dict[str, list[str]]):
        self.passages = passages
        table = TermTable()  # texts tokenized in batches, each distinct word stemmed once (assistant/terms.py)
        self.body_terms = table.encode([p.text for p in passages])
        self.question_texts: list[str] = []
        owners: list[int] = []
        for i, p in enumerate(passages):
            for q in questions.get(p.id, []):
                self.question_texts.append(q)
                owners.append(i)
        self.question_owner = np.asarray(owners, dtype=np.int64)
        # Questions are listed passage by passage, so passage i owns the slice bounds[i]:bounds[i + 1].
        self.question_bounds = np.searchsorted(self.question_owner, np.arange(len(passages) + 1))
        self.question_terms = table.encode(self.question_texts)
        # Passages of a section share its title (whose words are counted once).
        self.title_terms = table.encode_shared([f"{p.section_title} {p.article_title}" for p in passages])
        self._vocabulary = table.word_counts()
        self.body = self.body_terms.field_index()
        self.title = self.title_terms.field_index()
        self.questions = self.question_terms.field_index()
        # Weights of evidence come from the articles' own text: how rare a word is among passages.
        df = documents_with_term(self.body, self.title)
        self.n = len(passages)
        self.idf = {t: math.log((self.n + 1) / c) for t, c in df.items()}
        self.unknown_idf = math.log(self.n + 1)
        self.slot_idf = lru_cache(maxsize=65536)(self._slot_idf)  # asked many times per reply

    def vocabulary(self) -> Counter[str]:
        """Surface words of passages, titles and alternate questions with their counts."""
        return self._vocabulary

    def known(self, term: str) -> bool:
        return term in self.idf or term in self.questions.idf

    def in_text(self, slot: Slot) -> bool:
        """Whether the articles' text uses any of the slot's terms."""
        return any(t in self.idf for t in slot.terms)

    def _slot_idf(self, slot: Slot) -> float:
        """How informative a slot is: the idf of its rarest term in the articles' text.

        A word the articles never use weighs as their rarest word, scaled down by how common it
        is in everyday English, so "first" or "talk" count less than "lithium".
        """
        in_text = [self.idf[t] for t in slot.terms if t in self.idf]
        if in_text:
            return max(in_text)
        return self.unknown_idf * max(rarity(w) for w in slot.text.split())

    def rank(self, slots: list[Slot], limit: int = 10, examples: Examples | None = None) -> list[Candidate]:
        """The best passages for the slots, best first; empty when nothing matches (or limit is 0).

        With `examples`, each passage's best answerable example adds to its score as its best
        alternate question does (assistant/examples.py)."""
        if limit < 0:
            raise ValueError(f"limit must be 0 or more, got {limit}")
        if not slots or self.n == 0 or limit == 0:
            return []
        total = np.zeros(self.n)
        qscores = np.zeros(len(self.question_texts))
        for slot in slots:
            # weight * (body + TITLE_WEIGHT * title), computed in place in one array, a field
            # without the slot's words skipped: the same values (+ and * commute exactly, and
            # adding 0.0 or multiplying by 1.0 changes nothing), without the temporaries.
            score = slot_max(self.title, slot, self.n)
            if score is not None:
                score *= TITLE_WEIGHT
            body = slot_max(self.body, slot, self.n)
            if body is not None:
                score = body if score is None else np.add(score, body, out=score)
            if score is not None:
                if slot.weight != 1.0:
                    score *= slot.weight
                total += score
            question = slot_max(self.questions, slot, len(qscores)) if len(qscores) else None
            if question is not None:
                if slot.weight != 1.0:
                    question *= slot.weight
                qscores += question
        if len(qscores):
            per_passage = np.zeros(self.n)
            np.maximum.at(per_passage, self.question_owner, qscores)
            total += QUESTION_WEIGHT * per_passage
        matches = examples.match(slots, self.slot_idf) if examples is not None else None
        if matches is not None:
            total += EXAMPLE_WEIGHT * matches.per_passage
        return [
            self._candidate(i, float(total[i]), slots, self._best_question(i, qscores), matches)
            for i in _top(total, limit)
        ]

    def _best_question(self, passage: int, qscores: np.ndarray) -> int:
        """Index of the passage's best-matching alternate question, or -1 if none matched."""
        start, end = self.question_bounds[passage], self.question_bounds[passage + 1]
        if start == end:
            return -1
        best = int(start + np.argmax(qscores[start:end]))
        return best if qscores[best] > 0 else -1

    def _candidate(
        self,
        i: int,
        score: float,
        slots: list[Slot],
        q: int,
        matches: Matches | None = None,
    ) -> Candidate:
        found = set(self.body_terms[i]).union(self.title_terms[i], self.question_terms[q] if q >= 0 else ())
        example, example_terms = matches.evidence(i) if matches is not None else (None, [])
        found.update(example_terms)
        matched = tuple(s for s in slots if any(t in found for t in s.terms))
        return Candidate(self.passages[i], score, matched, self.question_texts[q] if q >= 0 else None, example, i)

    def evidence(self, stems: frozenset[str], slots: list[Slot]) -> float:
        """Weight of the slots found among a text's stems (which sentence to highlight)."""
        return sum(self.slot_idf(s) * s.weight for s in slots if any(t in stems for t in s.terms))


def _top(scores: np.ndarray, limit: int) -> list[int]:
    """Indices of the highest positive scores, best first (ties in index order), without a full sort."""
    # The limit-th best score of every TOP_SAMPLE_STRIDE-th passage is at most the limit-th best
    # of all, so the passages scoring at least that hold every one to return (and every tie at
    # the cut): a few hundred, picked in one pass, instead of a selection over every passage
    # (which was half of ranking at 100,000 passages).
    sample = scores[::TOP_SAMPLE_STRIDE]
    sample = sample[sample > 0]
    if len(sample) >= limit and len(scores) > TOP_SAMPLE_STRIDE * limit:
        floor = sample[np.argpartition(-sample, limit - 1)[:limit]].min()
        return _top_among(scores, np.flatnonzero(scores >= floor), limit)
    # Often most passages share no word with the question: pick among the others only (unless
    # they are most of the corpus, when gathering them would cost more than it saves).
    positive = np.flatnonzero(scores > 0)
    pool, where = (scores, None) if len(positive) > len(scores) // 2 else (scores[positive], positive)
    if len(pool) > limit:
        part = np.argpartition(-pool, limit - 1)[:limit]
        cut = pool[part].min()
        part = np.flatnonzero(pool >= cut)  # keep every tie at the cut so the order stays stable
    else:
        part = np.arange(len(pool))
    if where is not None:
        part = where[part]
    order = part[np.argsort(-scores[part], kind="stable")][:limit]
    return [int(i) for i in order if scores[i] > 0]


def _top_among(scores: np.ndarray, among: np.ndarray, limit: int) -> list[int]:
    """_top of the scores, given `among`: ascending indices that hold the best `limit` scores and
    every score equal to the limit-th best."""
    pool = scores[among]
    if len(pool) > limit:
        cut = pool[np.argpartition(-pool, limit - 1)[:limit]].min()
        among = among[pool >= cut]
    order = among[np.argsort(-scores[among], kind="stable")][:limit]
    return [int(i) for i in order if scores[i] > 0]


# Every 16th passage is sampled for a lower bound of the cut (see _top): about a sixteenth of a
# pass over the scores, and the bound lets through roughly 16 x limit passages.
TOP_SAMPLE_STRIDE = 16


def slot_max(field: FieldIndex, slot: Slot, size: int) -> np.ndarray | None:
    """Per document, the best contribution of any of the slot's terms (synonyms do not add up);
    None when no document holds any of them."""
    out = None
    for term in slot.terms:
        ids, contrib = field.term_postings(term)
        if not len(ids):
            continue
        if out is None:
            # BM25+ contributions are positive (idf = log((n + 1) / df) > 0, tf > 0, delta >= 0), so the
            # first term's are the maximum over zeros as they are: no gather, no comparison.
            out = np.zeros(size)
            out[ids] = contrib
        else:
            # A term lists a document once, so a gather and a scatter equal np.maximum.at, several times faster.
            out[ids] = np.maximum(out[ids], contrib)
    return out
