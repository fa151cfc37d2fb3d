"""Lines of a question set (evaluation cases, and the examples the engine learns from): a question,
the kind of reply expected, and for an answer the quotes that make a passage the right one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import CorpusError
from .models import REPLY_KINDS
from .text import normalize


@dataclass(frozen=True)
class Case:
    """One line of a question set: an evaluation case, or an example the engine learns from."""

    question: str
    expect: str
    quotes: tuple[str, ...]
    line: int
    writer: str = ""  # who wrote it (independent writers' sets record it): evaluation leaves a writer's examples out

    @property
    def group(self) -> str:
        """What an evaluation of this case leaves out of the examples: its writer's, else itself."""
        return f"writer:{self.writer}" if self.writer else f"question:{normalize(self.question)}"

    @classmethod
    def from_row(cls, row: dict, line: int) -> Case:
        """The case of one parsed line of a question set."""
        writer = row.get("writer")
        return cls(
            row["question"],
            row["expect"],
            tuple(row.get("quotes", [])),
            line,
            writer if isinstance(writer, str) else "",
        )


def load_cases(path: Path, allow_empty: bool = False) -> list[Case]:
    """Cases of a JSON Lines file; CorpusError names the line of any malformed one."""
    path = Path(path)
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot read the question set: {exc}") from exc
    cases = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{path}:{number}: not valid JSON: {exc.msg}") from exc
        problem = _problem(row)
        if problem:
            raise CorpusError(f"{path}:{number}: {problem}")
        cases.append(Case.from_row(row, number))
    if not cases and not allow_empty:
        raise CorpusError(f"{path}: no questions in the question set")
    return cases


def _problem(row) -> str | None:
    if not isinstance(row, dict):
        return "each line must be a JSON object"
    if not isinstance(row.get("question"), str) or not row["question"].strip():
        return "'question' must be a non-empty string"
    if row.get("expect") not in REPLY_KINDS:
        return f"'expect' must be one of {', '.join(REPLY_KINDS)}"
    quotes = row.get("quotes", [])
    if not isinstance(quotes, list) or not all(isinstance(q, str) and q.strip() for q in quotes):
        return "'quotes' must be a list of non-empty strings"
    if row["expect"] == "answer" and not quotes:
        return "an 'answer' question needs at least one expected quote"
    return None


def is_relevant(passage_text: str, quotes: tuple[str, ...]) -> bool:
    """A passage is relevant if it contains any expected quote, after normalisation."""
    text = normalize(passage_text)
    return any(normalize(q) in text for q in quotes)
