"""Turn a visitor's question into search slots: corrected, stemmed and expanded with synonyms."""

from __future__ import annotations

from dataclasses import dataclass, field

from .focus import without_format
from .spelling import Speller, SpellingBudget
from .staffdata import SynonymRule
from .text import STOPWORDS, stem, words


@dataclass(frozen=True)
class Slot:
    """One idea of the question: the visitor's word(s) and every stem that counts as a match."""

    text: str  # what the visitor wrote (after spelling correction)
    terms: tuple[str, ...]  # stems searched; any one of them matching counts as the slot matching
    weight: float = 1.0  # below 1 for context carried over from an earlier question

    def to_dict(self) -> dict:
        return {"text": self.text, "terms": list(self.terms), "weight": self.weight}


@dataclass
class Query:
    """The analysed question, with what was corrected and expanded, for the explain view."""

    text: str
    slots: list[Slot]
    corrections: dict[str, str] = field(default_factory=dict)
    expansions: dict[str, list[str]] = field(default_factory=dict)
    # The slots of the sentences that ask, when the message also tells a story around them.
    asking: list[Slot] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "slots": [s.to_dict() for s in self.slots],
            "asking": [s.text for s in self.asking],
            "terms": sorted({t for s in self.slots for t in s.terms}),
            "corrections": dict(self.corrections),
            "expansions": {k: list(v) for k, v in self.expansions.items()},
        }


class QueryAnalyzer:
    """Applies spelling correction and the staff's synonym rules to questions."""

    def __init__(self, speller: Speller, rules: list[SynonymRule]):
        self.speller = speller
        # Phrases are matched on stems of every word, stopwords included ("out of pocket").
        self.phrases: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = {}
        for rule in rules:
            targets = tuple(dict.fromkeys(stem(w) for t in rule.targets for w in words(t) if w not in STOPWORDS))
            for phrase in rule.phrases:
                key = tuple(stem(w) for w in words(phrase))
                if key and targets:
                    self.phrases.setdefault(key, (", ".join(rule.targets), targets))
        self.longest = max((len(k) for k in self.phrases), default=0)

    def analyze(self, question: str, weight: float = 1.0, budget: SpellingBudget | None = None) -> Query:
        """Slots of a question; each synonym phrase and each remaining content word is one slot.

        `budget` bounds the spelling work (shared by all analyses of one request).
        """
        corrections: dict[str, str] = {}
        tokens = []
        for word in words(without_format(question)):
            fixed = self.speller.correct(word, budget) if word not in STOPWORDS else None
            if fixed:
                corrections[word] = fixed
            tokens.append(fixed or word)
        stems = [stem(t) for t in tokens]
        slots: list[Slot] = []
        expansions: dict[str, list[str]] = {}
        i = 0
        while i < len(tokens):
            match = self._phrase_at(stems, i)
            if match:
                n, (target_text, targets) = match
                phrase = " ".join(tokens[i : i + n])
                own = tuple(stem(t) for t in tokens[i : i + n] if t not in STOPWORDS)
                slots.append(Slot(phrase, tuple(dict.fromkeys(own + targets)), weight))
                expansions[phrase] = list(targets)
                i += n
                continue
            if tokens[i] not in STOPWORDS:
                slots.append(Slot(tokens[i], (stems[i],), weight))
            i += 1
        return Query(question, _merge_repeats(slots), corrections, expansions)

    def _phrase_at(self, stems: list[str], i: int):
        for n in range(min(self.longest, len(stems) - i), 0, -1):
            found = self.phrases.get(tuple(stems[i : i + n]))
            if found:
                return n, found
        return None


def _merge_repeats(slots: list[Slot]) -> list[Slot]:
    """A word said twice is one idea, not two."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for slot in slots:
        if slot.terms not in seen:
            seen.add(slot.terms)
            out.append(slot)
    return out
