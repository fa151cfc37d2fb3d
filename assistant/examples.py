"""Questions visitors asked, each with the passage that answers it or with none: a memory of phrasings.

Visitors' words are not the articles' words ("is it dear?" asks the cost, "one and done?" the
number of treatments). Staff teach phrasings one at a time (questions.txt); the examples file
(`examples.jsonl`, in the evaluation set's format) teaches them by the thousand: it holds the
development questions of the independent writers. The answerable examples nearest a question
vote for the passages their quotes are in, and one alike to the question lends its words to its
passage's evidence. An unanswerable example, like every question staff marked as not covered,
declines a question worded more like it than like any answerable one; a small-talk example makes
such a question small talk.

Examples keep their group (their writer, or the question itself), so an evaluation can leave out
the group of the question it asks (`without`): the development set is measured on what the
engine learned from the other writers, never on its own lines.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .cases import Case
from .focus import without_format
from .index import FieldIndex
from .models import Passage
from .query import Slot
from .retrieval import slot_max
from .terms import TermTable
from .text import normalize, stem, words

# A question is declined (or taken as small talk) when an unanswerable (or small-talk) example is
# at least this alike to it and more alike than every answerable one. Alike is the harmonic mean
# of the share of the question's evidence the example holds and the share of the example's words
# the question holds, so a short example inside a long question, or a long one around a short
# question, is not alike. On the development set (leave-one-writer-out) 0.6 declined 0.939 of
# the unanswerable questions where no such rule declined 0.878, for 0.012 of the answerable ones,
# and took 0.962 of the small talk for small talk instead of 0.940.
ALIKE = 0.6
# An answerable example's words count as its passage's evidence only when it is at least this
# alike to the question and shares two of its words (or is ALIKE): a long example sharing one
# word ("morning", "24/7") with a greeting or a stray number lifts its passage a little, but must
# not make "mornin" or "7*7" an answer.
EVIDENCE_SIMILAR = 0.3
VOTERS = 5  # the answerable examples nearest a question that vote for their passages (Examples.match)
NOT_COVERED_GROUP = "staff:not-covered"
# What an example's word matched only through a synonym of the visitor's word counts for, of one
# matched by the word itself.
SYNONYM_SHARE = 0.25
UNANSWERABLE, SMALL_TALK = -1, -2  # owners of examples that no passage answers


@dataclass(frozen=True)
class Nearest:
    """How alike the closest answerable, unanswerable and small-talk examples are to a question
    (0 to 1), and the closest of the last two."""

    answered: float = 0.0
    unanswered: float = 0.0
    unanswered_text: str = ""
    small_talk: float = 0.0
    small_talk_text: str = ""


class Examples:
    """The examples as one BM25+ field, answerable ones in passage order so each passage owns a slice."""

    def __init__(self, texts: list[str], owners: list[int], groups: list[str], passages: int):
        order = sorted(range(len(texts)), key=lambda i: (owners[i] < 0, abs(owners[i])))  # answerable first, by passage
        self.texts = [texts[i] for i in order]
        self.owner = np.asarray([owners[i] for i in order], dtype=np.int64)
        codes: dict[str, int] = {}
        self.group = np.asarray([codes.setdefault(groups[i], len(codes)) for i in order], dtype=np.int64)
        self._codes = codes
        # Its own term table: visitors' words (and misspellings) stay out of the speller's vocabulary.
        # An answerable or unanswerable example lends what it asks, not how it wanted the answer
        # worded (focus.FORMAT_REQUEST), as a question is read; small-talk examples keep every word.
        self.terms = TermTable().encode(
            [t if o == SMALL_TALK else without_format(t) for t, o in zip(self.texts, self.owner, strict=True)]
        )
        self.field = self.terms.field_index()
        self.distinct = np.asarray([len(set(self.terms[i])) for i in range(len(self.texts))], dtype=np.float64)
        self.answerable = int((self.owner >= 0).sum())
        unanswerable = self.answerable + int((self.owner == UNANSWERABLE).sum())
        self._kinds = {UNANSWERABLE: slice(self.answerable, unanswerable), SMALL_TALK: slice(unanswerable, None)}
        self._last: tuple = ((), None)  # the last question's similarities: asked for twice per reply
        self.bounds = np.searchsorted(self.owner[: self.answerable], np.arange(passages + 1))
        self.passages = passages
        self.used = np.ones(len(self.texts), dtype=bool)  # the field holds postings of these only (`without`)
        self._last_without: tuple[int, Examples | None] = (-1, None)

    @classmethod
    def build(
        cls, cases: Sequence[Case], not_covered: Sequence[str], passages: Sequence[Passage]
    ) -> tuple[Examples, list[Case]]:
        """The examples of a question set and of staff's not-covered questions, and the answerable
        cases none of whose quotes is in any passage (left out; `assistant check` names them)."""
        texts, owners, groups, lost = place(cases, not_covered, passages)
        return cls(texts, owners, groups, len(passages)), lost

    def __len__(self) -> int:
        return len(self.texts)

    def without(self, group: str) -> Examples:
        """These examples less those of `group` (a Case.group), exactly as if they had never been
        given: the BM25+ field is rebuilt over the others (a few milliseconds), since the left-out
        examples' words would otherwise still weigh in its idf and average length."""
        code = self._codes.get(group)
        if code is None:
            return self
        last = self._last_without  # one read: another thread may replace it
        if last[0] == code and last[1] is not None:
            return last[1]
        other = copy.copy(self)
        other.used = self.used & (self.group != code)
        other._last = ((), None)
        other._last_without = (-1, None)  # else each copy would hold the one before it, and so on
        lengths = np.diff(self.terms.offsets)
        kept = other.used[np.repeat(np.arange(len(lengths)), lengths)]
        field = FieldIndex.from_ids(self.terms.stems, self.terms.flat[kept], lengths[other.used])
        other.field = field.renumbered(np.flatnonzero(other.used), len(self.texts))
        # An evaluation asks a writer's questions one after another: the last one is kept.
        self._last_without = (code, other)
        return other

    def knows(self, passage: int) -> bool:
        """Whether any answerable example (left in) is the passage's."""
        return bool(passage >= 0 and self.used[self.bounds[passage] : self.bounds[passage + 1]].any())

    def match(self, slots: list[Slot], weight_of: Callable[[Slot], float]) -> Matches | None:
        """How the examples match the slots; None when no example shares a word with them."""
        scores = self._scores(slots)
        if scores is None:
            return None
        # A vote of the nearest examples: each passage gets the scores of its examples among the
        # VOTERS best-scoring answerable ones. On the development set (leave-one-writer-out) this
        # put the right passage first for 0.856 of the answerable questions where each passage's
        # single best example did for 0.839.
        answerable = scores[: self.answerable]
        voters = _top(answerable, VOTERS)
        per_passage = np.zeros(self.passages)
        np.add.at(per_passage, self.owner[voters], answerable[voters])
        own = frozenset(t for s in slots if s.weight == 1.0 for t in s.terms)
        return Matches(self, per_passage, scores, self.similarity(slots, weight_of), own)

    def nearest(self, slots: list[Slot], weight_of: Callable[[Slot], float]) -> Nearest:
        """Similarity of the question's slots (weighted by `weight_of`) to its closest answerable
        and unanswerable examples."""
        similarity = self.similarity(slots, weight_of)
        answered = float(similarity[: self.answerable].max(initial=0.0))
        closest = {}
        for owner, part in self._kinds.items():
            alike = similarity[part]
            i = int(np.argmax(alike)) if len(alike) else -1
            found = i >= 0 and alike[i] > 0
            closest[owner] = (float(alike[i]), self.texts[part.start + i]) if found else (0.0, "")
        return Nearest(answered, *closest[UNANSWERABLE], *closest[SMALL_TALK])

    def similarity(self, slots: list[Slot], weight_of: Callable[[Slot], float]) -> np.ndarray:
        """Per example, the harmonic mean of the share of the question's evidence (its own slots,
        weighted by `weight_of`) the example holds and the share of the example's words the
        question holds, a word matched through a synonym counting SYNONYM_SHARE; 0 for an example
        left out."""
        own = [s for s in slots if s.weight == 1.0]
        key = (id(weight_of), *(s.terms for s in own))
        last = self._last  # one read: another thread may replace it
        if last[0] == key:
            return last[1]
        total = sum(weight_of(s) for s in own)
        if not own or not total or not len(self.texts):
            return np.zeros(len(self.texts))
        held = np.zeros(len(self.texts))  # the question's evidence each example holds
        shared = np.zeros(len(self.texts))  # the example's words the question holds
        counted: set[str] = set()
        for slot in own:
            # The visitor's own words count in full, a synonym's at SYNONYM_SHARE: "soon" is not
            # the "hours" of "what are your hours?" as much as it is "soon". A phrase's words count
            # in part: "if it works" holds half of "start working".
            mine = {stem(w) for w in words(slot.text)} & set(slot.terms)
            by_own = np.zeros(len(self.texts))
            synonym = np.zeros(len(self.texts))
            for term in slot.terms:
                docs = self.field.term_postings(term)[0]
                if term in mine:
                    share = 1.0
                    by_own[docs] += 1 / len(mine)
                else:
                    share = SYNONYM_SHARE
                    synonym[docs] = share
                if term not in counted:
                    counted.add(term)
                    shared[docs] += share
            held += np.maximum(by_own, synonym) * weight_of(slot)
        question_share = held / total
        example_share = np.minimum(shared / np.maximum(self.distinct, 1), 1.0)
        both = question_share + example_share
        similarity = np.divide(2 * question_share * example_share, both, out=np.zeros_like(both), where=both > 0)
        similarity.flags.writeable = False  # shared by the reply's two readers
        self._last = (key, similarity)
        return similarity

    def _scores(self, slots: list[Slot]) -> np.ndarray | None:
        total = None
        for slot in slots:
            score = slot_max(self.field, slot, len(self.texts))
            if score is None:
                continue
            if slot.weight != 1.0:
                score *= slot.weight
            total = score if total is None else np.add(total, score, out=total)
        return total


@dataclass(frozen=True)
class Matches:
    """The examples' match to one question: per passage its votes (the BM25+ scores of its examples
    among the nearest), and per example its score and similarity."""

    examples: Examples
    per_passage: np.ndarray
    scores: np.ndarray
    similarity: np.ndarray
    terms: frozenset[str]  # the question's own terms

    def best(self, passage: int) -> int:
        """Index of the passage's best-scoring example, or -1 if none matched."""
        start, end = self.examples.bounds[passage], self.examples.bounds[passage + 1]
        if start == end:
            return -1
        best = int(start + np.argmax(self.scores[start:end]))
        return best if self.scores[best] > 0 else -1

    def evidence(self, passage: int) -> tuple[str | None, list[str]]:
        """The passage's best example and, when it is alike enough to the question, its terms."""
        e = self.best(passage)
        if e < 0:
            return None, []
        # One word in common is evidence only from an example alike enough to decline or answer
        # by itself ("is it dear?"), not from a longer one that happens to hold it ("24/7").
        shared = len(self.terms.intersection(self.examples.terms[e]))
        similarity = self.similarity[e]
        alike = similarity >= ALIKE or (similarity >= EVIDENCE_SIMILAR and shared >= 2)
        return self.examples.texts[e], (self.examples.terms[e] if alike else [])


def place(
    cases: Sequence[Case], not_covered: Sequence[str], passages: Sequence[Passage]
) -> tuple[list[str], list[int], list[str], list[Case]]:
    """Each example's text, owner (its passage, UNANSWERABLE or SMALL_TALK) and group, without
    tokenizing anything, and the answerable cases none of whose quotes is in any passage."""
    locate = _quote_locator(passages)
    texts: list[str] = []
    owners: list[int] = []
    groups: list[str] = []
    lost: list[Case] = []
    for case in cases:
        if case.expect == "answer":
            found = list(dict.fromkeys(i for q in case.quotes if (i := locate(q)) is not None))
            lost += [] if found else [case]
        elif case.expect in ("no_answer", "chitchat"):
            found = [UNANSWERABLE if case.expect == "no_answer" else SMALL_TALK]
        else:  # crisis lines are the safety classifier's
            continue
        for owner in found:
            texts.append(case.question)
            owners.append(owner)
            groups.append(case.group)
    for question in not_covered:
        texts.append(question)
        owners.append(UNANSWERABLE)
        groups.append(NOT_COVERED_GROUP)
    return texts, owners, groups, lost


def _top(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k highest positive scores, highest first, ties in index order (a stable
    sort's first k), sorting only the examples that matched at all (a few hundred of thousands)."""
    pool = np.flatnonzero(scores > 0)
    return pool[np.argsort(-scores[pool], kind="stable")][:k]


def _quote_locator(passages: Sequence[Passage]) -> Callable[[str], int | None]:
    """A function from a quote to the first passage holding it (after normalisation), or None."""
    texts = [normalize(p.text) for p in passages]
    joined = "\n".join(texts)  # normalize() leaves no newline, so a quote never spans two passages
    starts = np.cumsum([0] + [len(t) + 1 for t in texts])

    def locate(quote: str) -> int | None:
        needle = normalize(quote)
        at = joined.find(needle) if needle else -1
        return None if at < 0 else int(np.searchsorted(starts, at, side="right") - 1)

    return locate
