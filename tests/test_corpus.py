"""Loading articles into passages that carry their citation, and refusing broken corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus import MAX_PASSAGE_WORDS, load_corpus
from assistant.errors import CorpusError
from tests.helpers import CORPUS, SMALL_ARTICLE


def test_every_passage_carries_article_section_anchor_and_position():
    corpus = load_corpus(CORPUS)
    passages = corpus.passages
    assert len(passages) >= 20
    assert [p.position for p in passages] == list(range(len(passages)))
    assert len({p.id for p in passages}) == len(passages)
    for p in passages:
        assert p.article_title == "The Science of Neuroplasticity: How Ketamine Rewires the Brain"
        assert p.id == f"ketamine-neuroplasticity#{p.anchor}"
        assert p.text.strip() == p.text and p.text


def test_sections_are_numbered_with_introduction_and_conclusion():
    article = load_corpus(CORPUS).articles[0]
    assert [s.number for s in article.sections] == [None, 1, 2, 3, 4, 5, 6, None]
    assert article.sections[0].title == "Introduction"
    assert article.sections[4].title == "Long-Term Benefits of Ketamine and Neuroplasticity"
    assert article.sections[-1].title.startswith("Conclusion")
    assert (article.author, article.updated) == ("Yuli Fradkin", "2024-11-05")


def test_bullets_keep_their_label_and_key_points_are_marked():
    passages = load_corpus(CORPUS).passages
    bullet = next(p for p in passages if p.kind == "bullet")
    assert bullet.text.startswith(bullet.label + ":")
    key_points = [p for p in passages if p.kind == "key_point"]
    assert len(key_points) == 6 and all(p.text.startswith("Key Point:") for p in key_points)


def test_publisher_boilerplate_is_never_a_passage():
    text = " ".join(p.text for p in load_corpus(CORPUS).passages).casefold()
    for word in ("gambling", "casino", "daman", "sponsored", "copyright"):
        assert word not in text


def test_long_paragraph_is_split_at_sentence_boundaries(small_corpus: Path):
    topics = ["muscles", "memory", "mood", "hormones", "focus", "immunity"]
    sentences = " ".join(
        f"Sleep affects {topics[i % 6]} in way number {i} for most adults we studied." for i in range(30)
    )
    long_text = SMALL_ARTICLE.replace("Good sleep helps the body recover after exercise.", sentences)
    (small_corpus / "sleep-recovery.md").write_text(long_text, "utf-8")
    intro = [p for p in load_corpus(small_corpus).passages if p.section_title == "Introduction"]
    assert len(intro) == 3
    assert all(len(p.text.split()) <= MAX_PASSAGE_WORDS for p in intro)
    assert all(p.text.endswith(".") for p in intro)
    assert [p.anchor for p in intro] == ["introduction-p1", "introduction-p1-2", "introduction-p1-3"]
    assert len({p.block for p in intro}) == 1


def test_every_md_file_is_an_article_sorted_by_slug(small_corpus: Path):
    second = SMALL_ARTICLE.replace("slug: sleep-recovery", "slug: alpha").replace("Sleep and Recovery", "Alpha")
    (small_corpus / "zzz.md").write_text(second, "utf-8")
    assert [a.slug for a in load_corpus(small_corpus).articles] == ["alpha", "sleep-recovery"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("no front matter here", "sleep-recovery.md:1: missing front matter"),
        ("---\ntitle: T\nslug: s\n", "front matter is not closed"),
        ("---\ntitle: T\n---\n\nText", "front matter lacks slug"),
        ("---\ntitle: T\nslug: Bad Slug\n---\n\nText", "slug 'Bad Slug' must be"),
        ("---\ntitle: T\nslug: s\nthis line is wrong\n---\n", "sleep-recovery.md:4: front matter line"),
        ("---\ntitle: T\nslug: s\n---\n\n## Only a heading\n", "no text to quote"),
    ],
)
def test_malformed_article_is_refused_naming_the_file(small_corpus: Path, content: str, message: str):
    (small_corpus / "sleep-recovery.md").write_text(content, "utf-8")
    with pytest.raises(CorpusError, match=message):
        load_corpus(small_corpus)


def test_missing_empty_and_undecodable_corpora_are_refused(tmp_path: Path):
    with pytest.raises(CorpusError, match="corpus folder not found"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="no articles"):
        load_corpus(tmp_path)
    (tmp_path / "bad.md").write_bytes(b"---\ntitle: \xff\xfe\n")
    with pytest.raises(CorpusError, match="bad.md: cannot read"):
        load_corpus(tmp_path)


def test_duplicate_slugs_are_refused(small_corpus: Path):
    (small_corpus / "copy.md").write_text(SMALL_ARTICLE, "utf-8")
    with pytest.raises(CorpusError, match="already used by"):
        load_corpus(small_corpus)


def test_many_articles_parsed_in_worker_processes_equal_those_parsed_here(tmp_path: Path, monkeypatch):
    from assistant import corpus

    for i in range(6):
        text = SMALL_ARTICLE.replace("slug: sleep-recovery", f"slug: sleep-{i}").replace("twenty", f"{i + 20}")
        (tmp_path / f"sleep-{i}.md").write_text(text, "utf-8")
    serial = load_corpus(tmp_path)
    monkeypatch.setattr(corpus, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(corpus, "_cores", lambda: 2)
    assert load_corpus(tmp_path).articles == serial.articles
    (tmp_path / "sleep-3.md").write_text("no front matter\n", "utf-8")
    with pytest.raises(CorpusError, match="sleep-3.md:1: missing front matter"):
        load_corpus(tmp_path)
