"""`assistant check`: every problem in the corpus and staff data files, by file and line."""

from __future__ import annotations

from pathlib import Path

from .corpus import load_corpus
from .errors import CorpusError
from .staffdata import StaffData, load_staff_data, merge_staff_data, validate_staff_data


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
    for article in corpus.articles:
        ids = [p.anchor for p in article.passages]
        if len(ids) != len(set(ids)):
            errors.append(f"{article.source}: two passages share an anchor")
        for p in article.passages:
            if p.id not in {q.passage_id for q in data.questions}:
                warnings.append(f"{article.source}: passage {p.id} has no alternate questions")
    summary = (
        f"{len(corpus.articles)} article(s), {len(corpus.passages)} passages, {len(data.synonyms)} synonym rules, "
        f"{len(data.questions)} alternate questions, {len(data.starters)} starter questions, "
        f"{len(data.not_covered)} not-covered questions"
    )
    return errors, warnings, summary
