"""FieldIndex scores as rank-bm25's BM25Plus(k1=1.2, b=0.75, delta=1) does, on random corpora and edge cases."""

from __future__ import annotations

import random

import numpy as np
import pytest
from rank_bm25 import BM25Plus

from assistant.index import DELTA, K1, B, FieldIndex

TOLERANCE = 1e-6


def random_corpus(seed: int, size: int, vocabulary: int, max_len: int, empty_share: float) -> list[list[str]]:
    """Documents of Zipf-ish words from a small vocabulary, so terms repeat within and across documents."""
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(vocabulary)]
    weights = [1 / (i + 1) for i in range(vocabulary)]
    return [
        [] if rng.random() < empty_share else rng.choices(words, weights, k=rng.randint(1, max_len))
        for _ in range(size)
    ]


def random_queries(seed: int, corpus: list[list[str]], count: int = 25) -> list[list[str]]:
    """Queries mixing corpus terms (some repeated) with words no document has."""
    rng = random.Random(seed + 1000)
    known = sorted({t for doc in corpus for t in doc})
    queries = []
    for _ in range(count):
        query = rng.choices(known, k=rng.randint(1, 5)) if known else []
        if rng.random() < 0.3:
            query.append(f"unknown{rng.randint(0, 9)}")
        queries.append(query)
    return queries


def top(scores: np.ndarray, k: int = 10) -> list[int]:
    """The k best document ids; ties (to 9 decimals: floats may differ in the last bit) go to the lower id."""
    rounded = np.round(scores, 9)
    return np.lexsort((np.arange(len(scores)), -rounded))[:k].tolist()


CORPORA = [
    # seed, documents, vocabulary, longest document, share of empty documents
    pytest.param(1, 1, 5, 8, 0.0, id="single-document"),
    pytest.param(2, 2, 3, 4, 0.0, id="two-documents"),
    pytest.param(3, 7, 4, 30, 0.0, id="few-words-many-repeats"),
    pytest.param(4, 30, 40, 60, 0.2, id="article-sized-with-empty-documents"),
    pytest.param(5, 200, 300, 80, 0.05, id="two-hundred"),
    pytest.param(6, 1000, 2000, 60, 0.01, id="thousand"),
    pytest.param(7, 50, 10, 3, 0.5, id="half-empty-short-documents"),
]


@pytest.mark.parametrize(("seed", "size", "vocabulary", "max_len", "empty_share"), CORPORA)
def test_scores_equal_rank_bm25_on_random_corpora(seed, size, vocabulary, max_len, empty_share):
    corpus = random_corpus(seed, size, vocabulary, max_len, empty_share)
    reference = BM25Plus(corpus, k1=K1, b=B, delta=DELTA)
    index = FieldIndex(corpus)
    for query in random_queries(seed, corpus):
        expected = reference.get_scores(query)
        got = index.get_scores(query)
        assert got.shape == expected.shape
        np.testing.assert_allclose(got, expected, rtol=0, atol=TOLERANCE, err_msg=f"query {query}")
        assert top(got) == top(expected), f"query {query}"


@pytest.mark.parametrize(("seed", "size", "vocabulary", "max_len", "empty_share"), CORPORA)
def test_idf_is_rank_bm25_idf(seed, size, vocabulary, max_len, empty_share):
    corpus = random_corpus(seed, size, vocabulary, max_len, empty_share)
    assert FieldIndex(corpus).idf == BM25Plus(corpus, k1=K1, b=B, delta=DELTA).idf


def test_repeated_query_term_counts_twice_as_in_rank_bm25():
    corpus = [["pain", "pain", "relief"], ["relief"], ["sleep", "pain"]]
    reference = BM25Plus(corpus, k1=K1, b=B, delta=DELTA)
    np.testing.assert_allclose(
        FieldIndex(corpus).get_scores(["pain", "pain"]), reference.get_scores(["pain", "pain"]), atol=TOLERANCE
    )


def test_unknown_query_terms_score_zero_everywhere():
    corpus = [["ketamine", "dose"], ["session"]]
    index = FieldIndex(corpus)
    assert index.get_scores(["lithium", "zzz"]).tolist() == [0.0, 0.0]
    assert index.get_scores(["lithium"]).tolist() == BM25Plus(corpus).get_scores(["lithium"]).tolist()
    ids, contrib = index.term_postings("lithium")
    assert len(ids) == len(contrib) == 0
    assert "lithium" not in index.idf


def test_empty_query_scores_zero():
    assert FieldIndex([["a"], ["b"]]).get_scores([]).tolist() == [0.0, 0.0]


def test_empty_corpus_scores_nothing_where_rank_bm25_divides_by_zero():
    with pytest.raises(ZeroDivisionError):
        BM25Plus([])
    index = FieldIndex([])
    assert index.size == 0
    assert index.idf == {}
    assert index.get_scores(["anything"]).shape == (0,)
    assert len(index.term_postings("anything")[0]) == 0


def test_all_empty_documents_score_zero_where_rank_bm25_gives_nan():
    with np.errstate(invalid="ignore", divide="ignore"):
        assert np.isnan(BM25Plus([[], [], []]).get_scores(["a"])).all()
    index = FieldIndex([[], [], []])
    assert index.size == 3
    assert index.idf == {}
    assert index.get_scores(["a"]).tolist() == [0.0, 0.0, 0.0]


def test_term_postings_agree_with_get_scores():
    corpus = random_corpus(11, 60, 30, 20, 0.1)
    index = FieldIndex(corpus)
    for term in sorted(index.idf):
        ids, contrib = index.term_postings(term)
        assert ids.tolist() == [i for i, doc in enumerate(corpus) if term in doc]
        # get_scores also gives the documents without the term its floor, delta * idf.
        expected = np.full(index.size, DELTA * index.idf[term])
        expected[ids] = contrib
        np.testing.assert_allclose(index.get_scores([term]), expected, atol=TOLERANCE)


def test_index_arrays_are_read_only_so_threads_can_share_them():
    index = FieldIndex([["a", "b"], ["b"]])
    ids, _ = index.term_postings("b")
    with pytest.raises(ValueError):
        ids[0] = 1


@pytest.mark.parametrize(
    ("k1", "b", "delta"),
    [(-0.1, 0.75, 1.0), (1.2, 1.5, 1.0), (1.2, -0.1, 1.0), (1.2, 0.75, -1.0)],
)
def test_bad_parameters_are_rejected_with_their_values(k1, b, delta):
    with pytest.raises(ValueError, match=f"k1={k1}, b={b}, delta={delta}"):
        FieldIndex([["a"]], k1=k1, b=b, delta=delta)


def test_renumbered_subset_scores_as_rank_bm25_over_the_subset_alone():
    rng = random.Random(7)
    docs = [[f"w{rng.randrange(12)}" for _ in range(rng.randrange(1, 9))] for _ in range(40)]
    kept = [i for i in range(len(docs)) if i % 3]
    subset = FieldIndex([docs[i] for i in kept]).renumbered(np.asarray(kept), len(docs))
    reference = BM25Plus([docs[i] for i in kept], k1=K1, b=B, delta=DELTA)
    for term in ("w0", "w5", "w11"):
        ids, contributions = subset.term_postings(term)
        scores = reference.get_scores([term])
        expected = {kept[j]: s for j, s in enumerate(scores) if term in docs[kept[j]]}
        assert dict(zip(ids.tolist(), contributions.tolist(), strict=True)) == pytest.approx(expected)
