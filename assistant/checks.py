"""`assistant check`: every problem in the corpus and staff data files, by file and line."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from .corpus import Corpus, load_corpus, read_article_file
from .errors import CorpusError
from .examples import place
from .models import Article
from .staffdata import (
    EXAMPLES_FILE,
    STARTERS_FILE,
    SYNONYMS_FILE,
    StaffData,
    load_staff_data,
    merge_staff_data,
    validate_staff_data,
)
from .text import normalize, stem, words

# starters.txt asks for "4 to 6 in total": enough to show the range of topics, few enough to read.
STARTERS_MIN, STARTERS_MAX = 4, 6
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_corpus(folder: Path, extra: StaffData | None = None) -> tuple[list[str], list[str], str]:
    """(errors, warnings, summary line); a load failure is the single error.

    `extra` holds entries made outside the files (the web app's staff edits), checked with them.
    """
    try:
        corpus = load_corpus(folder)
        data = load_staff_data(folder)
    except CorpusError as exc:
        return [str(exc)], [], ""
    if extra:
        data = merge_staff_data(data, extra.questions, extra.synonyms, extra.not_covered)
    errors, warnings = validate_staff_data(data, {p.id for p in corpus.passages})
    errors += check_articles(corpus) + check_synonym_targets(data, corpus) + check_starter_count(data)
    asked = {q.passage_id for q in data.questions}
    for article in corpus.articles:
        ids = [p.anchor for p in article.passages]
        if len(ids) != len(set(ids)):
            errors.append(f"{article.source}: two passages share an anchor")
        lines = _block_lines(article)
        for p in article.passages:
            if p.id not in asked:
                warnings.append(f"{article.source}:{lines.get(p.block, 1)}: passage {p.id} has no alternate questions")
    # An example whose quotes are in no passage teaches nothing (an article changed under it).
    examples, _, _, lost = place(data.examples, data.not_covered, corpus.passages)  # nothing tokenized
    warnings += [f"{folder / EXAMPLES_FILE}:{c.line}: no passage holds any of its quotes; it is left out" for c in lost]
    summary = (
        f"{len(corpus.articles)} article(s), {len(corpus.passages)} passages, {len(data.synonyms)} synonym rules, "
        f"{len(data.questions)} alternate questions, {len(data.starters)} starter questions, "
        f"{len(data.not_covered)} not-covered questions, {len(examples)} examples"
    )
    return errors, warnings, summary


def check_articles(corpus: Corpus) -> list[str]:
    """Front matter the pages show (optional, but when given: an author, an ISO `updated:` date),
    and no article loaded twice."""
    errors = []
    seen: dict[tuple[str, ...], Article] = {}
    for article in corpus.articles:
        if (line := _field_line(article, "author")) and not article.author.strip():
            errors.append(f"{article.source}:{line}: 'author:' is empty")
        if (line := _field_line(article, "updated")) and not _is_iso_date(article.updated):
            errors.append(
                f"{article.source}:{line}: 'updated:' must be a date like 2024-11-05, got {article.updated!r}"
            )
        text = tuple(normalize(p.text) for p in article.passages)
        if text in seen:
            other = seen[text]
            errors.append(f"{article.source}:1: same article as {other.source} (slug {other.slug!r}); keep one")
        seen.setdefault(text, article)
    return errors


def check_synonym_targets(data: StaffData, corpus: Corpus) -> list[str]:
    """Every word right of '=' must be in an article (or an alternate question), or the rule finds nothing."""
    texts = [f"{p.article_title} {p.section_title} {p.text}" for p in corpus.passages]
    texts += [q.text for q in data.questions]
    vocabulary = {w for text in texts for w in words(text)}
    stems = {stem(w) for w in vocabulary}
    errors = []
    for rule in data.synonyms:
        for target in rule.targets:
            found = words(target)
            if not found or any(w not in vocabulary and stem(w) not in stems for w in found):
                errors.append(
                    f"{data.folder / SYNONYMS_FILE}:{rule.line}: {target!r} is not a word of any article, "
                    "so the rule finds nothing (the right side must be article words)"
                )
    return errors


def check_starter_count(data: StaffData) -> list[str]:
    """starters.txt, when present, holds 4 to 6 questions."""
    path = data.folder / STARTERS_FILE
    if not path.exists() or STARTERS_MIN <= len(data.starters) <= STARTERS_MAX:
        return []
    return [f"{path}:1: {len(data.starters)} starter question(s); the file asks for {STARTERS_MIN} to {STARTERS_MAX}"]


def _is_iso_date(value: str) -> bool:
    if not ISO_DATE.match(value.strip()):
        return False
    try:
        date.fromisoformat(value.strip())
    except ValueError:
        return False
    return True


def _field_line(article: Article, key: str) -> int | None:
    """The front-matter line of a field, or None when the article does not give it."""
    lines = Path(article.source).read_text("utf-8").lstrip("\ufeff").splitlines()
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            break
        if line.partition(":")[0].strip().lower() == key:
            return number
    return None


def _block_lines(article: Article) -> dict[int, int]:
    """Line of each block (paragraph, bullet, Key Point) of an article, by its block number."""
    _, sections = read_article_file(Path(article.source))
    blocks = [b for section in sections for b in section.blocks]
    return {number: block.line for number, block in enumerate(blocks)}
