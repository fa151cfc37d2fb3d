"""The engine cache: a restart loads what the last one built, and never serves a stale or broken file."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import numpy as np
import pytest

from assistant import Assistant, CorpusError, cache
from assistant.index import FieldIndex
from tests.helpers import CORPUS

QUESTIONS = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "eval.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]


# A second article for the tests that add one to the corpus.
HYDRATION = """---
title: Hydration
author: A. Writer
updated: 2025-01-03
slug: hydration
---

Drinking water through the day keeps the body working well.

## 1. How Much

Most adults need about two litres of water a day.
"""
ANSWERED = "how long should a nap be"  # answered from the small article's alternate question


@pytest.fixture
def corpus_dir(small_corpus: Path) -> Path:
    """The small article with every kind of staff file: building it takes milliseconds, not 0.1 s."""
    (small_corpus / "synonyms.txt").write_text("snooze = nap\n", "utf-8")
    (small_corpus / "questions.txt").write_text("[sleep-recovery#s2-p1]\nHow long should a nap be?\n", "utf-8")
    starters = "Why does sleep matter?\nHow long should a nap be?\nWhat does deep sleep do?\nDoes sleep help memory?\n"
    (small_corpus / "starters.txt").write_text(starters, "utf-8")
    return small_corpus


@pytest.fixture
def real_corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "real-corpus"
    shutil.copytree(CORPUS, folder)
    return folder


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders the cache had to build from (rather than load) during a test."""
    built: list[Path] = []
    real = cache.load_corpus

    def counting(folder):
        built.append(Path(folder))
        return real(folder)

    monkeypatch.setattr(cache, "load_corpus", counting)
    return built


def _without_ids(explained: dict) -> dict:
    explained["reply"].pop("id")
    return explained


@pytest.mark.slow
def test_loaded_engine_answers_every_evaluation_question_as_the_built_one(real_corpus_dir, tmp_path, builds):
    built = Assistant.from_directory(real_corpus_dir, cache_dir=tmp_path / "cache")
    loaded = Assistant.from_directory(real_corpus_dir, cache_dir=tmp_path / "cache")
    assert len(builds) == 1  # the second start loaded the file
    for case in QUESTIONS:
        question, history = case["question"], case.get("history")
        assert _without_ids(loaded.explain(question, history)) == _without_ids(built.explain(question, history))
    assert loaded.passages == built.passages and loaded.articles == built.articles
    assert loaded.corpus.sentences(built.passages[0].text) == built.corpus.sentences(built.passages[0].text)


@pytest.mark.parametrize("corpus", ["corpus_dir", "real_corpus_dir"])
def test_loaded_index_has_every_attribute_and_array_of_the_built_one(tmp_path, request, corpus):
    folder = request.getfixturevalue(corpus)
    built = Assistant.from_directory(folder, cache_dir=tmp_path / "cache").index
    loaded = Assistant.from_directory(folder, cache_dir=tmp_path / "cache").index
    assert sorted(vars(loaded)) == sorted(vars(built))  # a new attribute of PassageIndex needs the cache too
    assert list(loaded.body_terms) == built.body_terms and list(loaded.title_terms) == built.title_terms
    assert list(loaded.question_terms) == built.question_terms
    assert loaded.idf == built.idf and loaded.vocabulary() == built.vocabulary()
    for name in cache.FIELD_NAMES:
        a, b = getattr(loaded, name), getattr(built, name)
        assert isinstance(a, FieldIndex) and sorted(vars(a)) == sorted(vars(b))
        assert a.idf == b.idf and a._term_ids == b._term_ids
        for array in ("_indptr", "_doc_ids", "_above", "_floor"):
            assert np.array_equal(getattr(a, array), getattr(b, array))


@pytest.mark.parametrize(
    "change",
    [
        lambda folder: (folder / "hydration.md").write_text(HYDRATION, "utf-8"),  # a new article
        lambda folder: (folder / "synonyms.txt").write_text("nap, snooze = sleep\n", "utf-8"),  # a staff file
        lambda folder: (folder / "starters.txt").unlink(),  # a staff file removed
    ],
    ids=["new article", "staff file edited", "staff file removed"],
)
def test_any_corpus_change_rebuilds(corpus_dir, tmp_path, builds, change):
    Assistant.from_directory(corpus_dir, cache_dir=tmp_path / "cache")
    change(corpus_dir)
    engine = Assistant.from_directory(corpus_dir, cache_dir=tmp_path / "cache")
    assert len(builds) == 2
    fresh = Assistant.from_directory(corpus_dir)
    assert engine.passages == fresh.passages and engine.starters == fresh.starters
    Assistant.from_directory(corpus_dir, cache_dir=tmp_path / "cache")
    assert len(builds) == 2  # and the rebuilt engine is cached in turn


def test_salt_is_part_of_the_key(corpus_dir, tmp_path, builds):
    Assistant.from_directory(corpus_dir, cache_dir=tmp_path / "cache", salt=b"edits v1")
    Assistant.from_directory(corpus_dir, cache_dir=tmp_path / "cache", salt="edits v1")
    assert len(builds) == 1
    Assistant.from_directory(corpus_dir, cache_dir=tmp_path / "cache", salt=b"edits v2")
    assert len(builds) == 2
    assert cache.cache_key(corpus_dir, "x") != cache.cache_key(corpus_dir, "y")


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-100] ^= 0xFF  # a byte of the index arrays
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "damage",
    [
        _corrupt,
        lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2]),  # truncated
        lambda path: path.write_bytes(b""),
        lambda path: path.write_bytes(b"not a cache at all"),
        lambda path: path.write_bytes(cache.MAGIC + (10**12).to_bytes(8, "little") + b"{"),
    ],
    ids=["corrupt", "truncated", "empty", "garbage", "bad header"],
)
def test_damaged_cache_is_ignored_rebuilt_and_replaced(corpus_dir, tmp_path, builds, damage, caplog):
    Assistant.from_directory(corpus_dir, cache_dir=tmp_path / "cache")
    (path,) = (tmp_path / "cache").iterdir()
    damage(path)
    with caplog.at_level(logging.WARNING, logger="assistant.cache"):
        engine = Assistant.from_directory(corpus_dir, cache_dir=tmp_path / "cache")
    assert len(builds) == 2 and "ignored" in caplog.text
    assert engine.ask(ANSWERED).kind == "answer"
    Assistant.from_directory(corpus_dir, cache_dir=tmp_path / "cache")
    assert len(builds) == 2  # the replacement is whole again


def test_stale_cache_of_an_older_corpus_is_never_served(corpus_dir, tmp_path, builds):
    Assistant.from_directory(corpus_dir, cache_dir=tmp_path / "cache")
    (path,) = (tmp_path / "cache").iterdir()
    old = path.read_bytes()
    (corpus_dir / "hydration.md").write_text(HYDRATION, "utf-8")
    Assistant.from_directory(corpus_dir, cache_dir=tmp_path / "cache")
    path.write_bytes(old)  # the older corpus's file put back under the same name
    engine = Assistant.from_directory(corpus_dir, cache_dir=tmp_path / "cache")
    assert len(builds) == 3
    assert any(p.article_slug == "hydration" for p in engine.passages)


def test_cache_of_another_format_or_engine_version_is_rebuilt(corpus_dir, tmp_path, builds, monkeypatch):
    Assistant.from_directory(corpus_dir, cache_dir=tmp_path / "cache")
    monkeypatch.setattr(cache, "FORMAT_VERSION", cache.FORMAT_VERSION + 1)
    cache.engine_fingerprint.cache_clear()
    try:
        Assistant.from_directory(corpus_dir, cache_dir=tmp_path / "cache")
    finally:
        cache.engine_fingerprint.cache_clear()
    assert len(builds) == 2


def test_engine_fingerprint_covers_the_tokenizer_source():
    package = Path(cache.__file__).parent
    assert (package / "text.py").read_bytes()  # read by engine_fingerprint: any edit there is a new key
    digest_files = sorted(p.name for p in package.glob("*.py"))
    assert "text.py" in digest_files and "retrieval.py" in digest_files


def test_unwritable_cache_folder_still_serves(corpus_dir, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    engine = Assistant.from_directory(corpus_dir, cache_dir=blocker / "cache")
    assert engine.ask(ANSWERED).kind == "answer"


def test_bad_corpus_is_reported_not_cached(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "bad.md").write_text("no front matter\n", "utf-8")
    with pytest.raises(CorpusError, match="front matter"):
        Assistant.from_directory(folder, cache_dir=tmp_path / "cache")
    assert not (tmp_path / "cache").exists()
