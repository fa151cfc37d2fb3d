"""Read the files staff edit: synonyms, alternate questions, starter questions and examples.

Every problem is reported with the file and line, so a person can fix it without reading code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .cases import Case, load_cases
from .errors import CorpusError

SYNONYMS_FILE = "synonyms.txt"
QUESTIONS_FILE = "questions.txt"
STARTERS_FILE = "starters.txt"
NOT_COVERED_FILE = "not-covered.txt"
EXAMPLES_FILE = "examples.jsonl"  # questions with the quotes that answer them, or none (assistant/examples.py)
PASSAGE_HEADER = re.compile(r"^\[\s*([a-z0-9-]+)#([A-Za-z0-9_-]+)\s*\]$")
MAX_LINE_CHARS = 500


@dataclass(frozen=True)
class SynonymRule:
    """Visitor words or phrases (left) searched as the article's words (right)."""

    phrases: tuple[str, ...]
    targets: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class AlternateQuestion:
    """A sample question a passage answers; indexed with that passage."""

    passage_id: str  # "slug#anchor"
    text: str
    line: int


@dataclass
class StaffData:
    """Everything staff maintain beside the articles, with where each entry came from."""

    synonyms: list[SynonymRule] = field(default_factory=list)
    questions: list[AlternateQuestion] = field(default_factory=list)
    starters: list[str] = field(default_factory=list)
    not_covered: list[str] = field(default_factory=list)  # questions staff decided the articles do not answer
    examples: list[Case] = field(default_factory=list)
    folder: Path = Path(".")


def _content_lines(path: Path):
    """(line number, stripped text) of the lines that are not blank or comments."""
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 text: {exc}") from exc
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw.strip()
        if line and not line.startswith("#"):
            if len(line) > MAX_LINE_CHARS:
                raise CorpusError(f"{path}:{number}: line longer than {MAX_LINE_CHARS} characters")
            yield number, line


def load_synonyms(path: Path) -> list[SynonymRule]:
    """Rules written `lay word, lay phrase = article word, article word`."""
    rules = []
    for number, line in _content_lines(path):
        left, sep, right = line.partition("=")
        phrases = tuple(p.strip() for p in left.split(",") if p.strip())
        targets = tuple(t.strip() for t in right.split(",") if t.strip())
        if not sep or "=" in right or not phrases or not targets:
            raise CorpusError(f"{path}:{number}: expected 'visitor words = article words', got {line!r}")
        rules.append(SynonymRule(phrases, targets, number))
    return rules


def load_questions(path: Path) -> list[AlternateQuestion]:
    """Questions grouped under `[article-slug#anchor]` headers."""
    questions = []
    current = None
    for number, line in _content_lines(path):
        if line.startswith("["):
            m = PASSAGE_HEADER.match(line)
            if not m:
                raise CorpusError(f"{path}:{number}: expected a passage header like [article-slug#s4-p1], got {line!r}")
            current = f"{m.group(1)}#{m.group(2)}"
        elif current is None:
            raise CorpusError(f"{path}:{number}: question before any [article-slug#anchor] header")
        else:
            questions.append(AlternateQuestion(current, line, number))
    return questions


def load_starters(path: Path) -> list[str]:
    """One starter question per line, shown on an empty conversation."""
    return [line for _, line in _content_lines(path)]


def question_key(question: str) -> str:
    """Fold case, spacing and trailing punctuation so repeats of one question compare equal."""
    return re.sub(r"\s+", " ", question).strip().rstrip("?!. ").casefold()


def load_staff_data(folder: Path) -> StaffData:
    """The staff files of a corpus folder; any of them may be absent."""
    folder = Path(folder)
    data = StaffData(folder=folder)
    if (folder / SYNONYMS_FILE).exists():
        data.synonyms = load_synonyms(folder / SYNONYMS_FILE)
    if (folder / QUESTIONS_FILE).exists():
        data.questions = load_questions(folder / QUESTIONS_FILE)
    if (folder / STARTERS_FILE).exists():
        data.starters = load_starters(folder / STARTERS_FILE)
    if (folder / NOT_COVERED_FILE).exists():
        data.not_covered = load_starters(folder / NOT_COVERED_FILE)  # the same format: one question a line
    if (folder / EXAMPLES_FILE).exists():
        data.examples = load_cases(folder / EXAMPLES_FILE, allow_empty=True)
    return data


def merge_staff_data(
    data: StaffData,
    questions: Sequence[AlternateQuestion] = (),
    synonyms: Sequence[SynonymRule] = (),
    not_covered: Sequence[str] = (),
) -> StaffData:
    """A copy of `data` with more entries (staff edits made in the app); exact repeats are skipped."""
    have_questions = {(q.passage_id, q.text.casefold()) for q in data.questions}
    have_phrases = {p.casefold() for rule in data.synonyms for p in rule.phrases}
    have_not_covered = {question_key(q) for q in data.not_covered}
    merged = StaffData(
        list(data.synonyms),
        list(data.questions),
        list(data.starters),
        list(data.not_covered),
        data.examples,  # read-only: edits made in the app do not add examples
        data.folder,
    )
    for q in questions:
        if (q.passage_id, q.text.casefold()) not in have_questions:
            have_questions.add((q.passage_id, q.text.casefold()))
            merged.questions.append(q)
    for rule in synonyms:
        if not any(p.casefold() in have_phrases for p in rule.phrases):
            have_phrases.update(p.casefold() for p in rule.phrases)
            merged.synonyms.append(rule)
    for text in not_covered:
        if question_key(text) not in have_not_covered:
            have_not_covered.add(question_key(text))
            merged.not_covered.append(text)
    return merged


def validate_staff_data(data: StaffData, passage_ids: set[str]) -> tuple[list[str], list[str]]:
    """(errors, warnings): questions pointing at unknown passages are errors, repeats are warnings."""
    errors, warnings = [], []
    qpath = data.folder / QUESTIONS_FILE
    seen: dict[str, int] = {}
    for q in data.questions:
        if q.passage_id not in passage_ids:
            errors.append(f"{qpath}:{q.line}: no passage {q.passage_id!r} in the corpus (see `assistant passages`)")
        key = f"{q.passage_id} {q.text.casefold()}"
        if key in seen:
            warnings.append(f"{qpath}:{q.line}: duplicate of the question on line {seen[key]}")
        seen.setdefault(key, q.line)
    spath = data.folder / SYNONYMS_FILE
    phrase_lines: dict[str, int] = {}
    for rule in data.synonyms:
        for phrase in rule.phrases:
            key = phrase.casefold()
            if key in phrase_lines:
                warnings.append(f"{spath}:{rule.line}: {phrase!r} is already defined on line {phrase_lines[key]}")
            phrase_lines.setdefault(key, rule.line)
    starter_seen: dict[str, int] = {}
    spath = data.folder / STARTERS_FILE
    for number, text in _content_lines(spath) if spath.exists() else ():
        if text.casefold() in starter_seen:
            first = starter_seen[text.casefold()]
            warnings.append(f"{spath}:{number}: duplicate of the starter question on line {first}")
        starter_seen.setdefault(text.casefold(), number)
    return errors, warnings
