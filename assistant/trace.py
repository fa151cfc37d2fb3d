"""What one reply was made of: the typed trace `Assistant` returns and `explain()` serialises."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .answering import FEATURES, AnswerEvidence, answer_model
from .models import Reply
from .query import Query
from .retrieval import Candidate
from .safety import Assessment


@dataclass(frozen=True)
class Decision:
    """Whether the best candidate answers the question, and why; the same shape on every path."""

    answer: bool
    reason: str
    coverage: float = 0.0
    informative: int = 0
    evidence: AnswerEvidence | None = None  # set when the answer model decided (assistant/answering.py)
    probability: float | None = None  # the model's probability that the best passage answers

    def to_dict(self) -> dict:
        model = None  # the same keys on every path
        if self.evidence is not None and self.probability is not None:
            model = {
                "probability": round(self.probability, 3),
                "evidence": {k: round(v, 3) for k, v in zip(FEATURES, self.evidence.values(), strict=True)},
                # Computed only when asked for (the explain view), not for every reply.
                "pulls": answer_model().explain(self.evidence),
            }
        return {
            "answer": self.answer,
            "reason": self.reason,
            "coverage": round(self.coverage, 3),
            "informative": self.informative,
            "answer_model": model,
        }


# How much of the question's evidence a candidate holds, and how many informative words it matched.
CoverageOf = Callable[[Candidate], tuple[float, int]]


@dataclass(frozen=True)
class Trace:
    """A reply with the evidence behind it.

    `query` is None when the message never reached retrieval (a crisis): then there are no
    candidates and no history, and the JSON leaves those keys out, as it always has.
    """

    reply: Reply
    safety: Assessment
    decision: Decision
    query: Query | None = None
    candidates: tuple[Candidate, ...] = ()
    history_used: str | None = None

    def to_dict(self, coverage_of: CoverageOf | None = None) -> dict:
        """The explain JSON; `coverage_of` adds each candidate's coverage (the engine knows the idf)."""
        out: dict = {"reply": self.reply.to_dict(), "decision": self.decision.to_dict()}
        out["safety"] = self.safety.to_dict()
        if self.query is not None:
            out["query"] = self.query.to_dict()
            out["history_used"] = self.history_used
            out["candidates"] = [_candidate_dict(c, coverage_of) for c in self.candidates]
        return out


def _candidate_dict(candidate: Candidate, coverage_of: CoverageOf | None) -> dict:
    if coverage_of is None:
        return candidate.to_dict()
    coverage, informative = coverage_of(candidate)
    return {**candidate.to_dict(), "coverage": round(coverage, 3), "informative": informative}
