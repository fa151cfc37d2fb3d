"""The build's batch tokenizer equals the one tokenizer, text by text; Punkt learns from a bounded sample."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant import terms as terms_module
from assistant.corpus import training_sample
from assistant.index import FieldIndex, documents_with_term
from assistant.terms import BATCH_TEXTS, SEPARATOR, TermTable
from assistant.text import STOPWORDS, terms, words

# Text with what could break a batch: combining marks, apostrophes, possessives, quotes and
# dashes folded by NFKC, odd spaces, and the separator word itself.
PIECES = st.sampled_from(
    [
        "\u0301",
        "\u200b",
        "\u1100\u1161",
        "\u11a8",
        "'",
        "'s",
        "’s",
        " ",
        "\u00a0",
        "\u2028",
        "\n",
        "-",
        "—",
        "ﬁ",
        "İ",
        "ß",
        SEPARATOR,
        "Ketamine",
        "don't",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=8), PIECES), max_size=12).map("".join)


@pytest.mark.slow  # 300 generated corpora, about 2 s
@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(TEXT, max_size=8))
def test_encoded_terms_equal_terms_text_by_text(texts):
    table = TermTable()
    encoded = table.encode(texts)
    assert list(encoded) == [terms(t) for t in texts]
    assert table.word_counts() == Counter(w for t in texts for w in words(t) if w not in STOPWORDS)
    field = encoded.field_index()
    reference = FieldIndex([terms(t) for t in texts])
    assert field.idf == reference.idf
    for query in {t for text in texts for t in terms(text)}:
        assert np.array_equal(field.get_scores([query]), reference.get_scores([query]))


def test_encoding_spans_batches_and_counts_a_repeated_title_once():
    texts = [f"passage {i} about ketamine's effects" for i in range(BATCH_TEXTS * 2 + 5)]
    texts[BATCH_TEXTS + 3] += f" and {SEPARATOR}"  # a batch tokenized text by text
    table = TermTable()
    assert list(table.encode(texts)) == [terms(t) for t in texts]
    titles = table.encode_shared(["Side Effects", "Side Effects", "Cost", "Side Effects"])
    assert list(titles) == [terms("Side Effects"), terms("Side Effects"), terms("Cost"), terms("Side Effects")]
    assert table.word_counts()["effects"] == len(texts) + 1
    assert len(table.encode([])) == 0 and table.encode([""])[0] == []


@settings(derandomize=True, deadline=None)  # max_examples: the profile's (tests/conftest.py)
@given(st.lists(st.lists(st.sampled_from("abcdefg"), max_size=6), min_size=1, max_size=12), st.data())
def test_documents_with_term_counts_a_document_once_across_fields(body, data):
    title = data.draw(st.lists(st.lists(st.sampled_from("aeghij"), max_size=3), min_size=len(body), max_size=len(body)))
    expected = Counter(t for b, ti in zip(body, title, strict=True) for t in set(b) | set(ti))
    assert documents_with_term(FieldIndex(body), FieldIndex(title)) == dict(expected)


def test_punkt_learns_from_the_whole_corpus_when_small_and_a_spread_sample_when_large():
    small = ["One sentence.", "Two sentences here."]
    assert training_sample(small, limit=1000) == small
    large = [f"Block {i:03d} text." for i in range(1000)]
    sample = training_sample(large, limit=2000)
    assert sum(map(len, sample)) <= 2000
    assert sample[0] == large[0] and int(sample[-1].split()[1]) > 900  # spread to the end, not a prefix
    assert np.all(np.diff([int(s.split()[1]) for s in sample]) > 0)


def test_batches_tokenized_by_forked_workers_give_the_ids_and_counts_of_one_process(monkeypatch):
    texts = [f"passage {i} on dose {i % 7} and ketamine's effects, side effect {i * 13 % 31}" for i in range(240)]
    texts[37] += f" and {SEPARATOR}"  # one batch goes text by text, in a worker
    monkeypatch.setattr(terms_module, "BATCH_TEXTS", 5)  # 48 batches
    serial, forked = TermTable(), TermTable()
    monkeypatch.setattr(terms_module, "PARALLEL_MIN_BATCHES", 10**9)
    one_process = serial.encode(texts)
    monkeypatch.setattr(terms_module, "PARALLEL_MIN_BATCHES", 4)
    monkeypatch.setattr(terms_module, "_cores", lambda: 2)  # a one-core machine forks too here
    workers = forked.encode(texts)
    assert forked.stems == serial.stems and list(forked._word_ids) == list(serial._word_ids)
    assert np.array_equal(workers.flat, one_process.flat) and np.array_equal(workers.offsets, one_process.offsets)
    assert list(forked.word_counts().items()) == list(serial.word_counts().items())
    assert list(workers) == [terms(t) for t in texts]
