"""The one tokenizer, the stemmer, stopwords and spelling correction."""

from __future__ import annotations

import re

import pytest

from assistant.spelling import Speller, edit_distance
from assistant.text import SPELLINGS, STOPWORDS, normalize, terms, words


def test_normalize_folds_unicode_quotes_dashes_space_and_case():
    assert (
        normalize("  Brain\u2019s \u201crewire\u201d \u2014 ＫＥＴＡＭＩＮＥ\u200b\n\tok ")
        == 'brain\'s "rewire" - ketamine ok'
    )


def test_words_drop_possessives_and_keep_compounds_joined_and_split():
    assert words("The brain’s long-term, mTOR-driven changes!") == [
        "the",
        "brain",
        "longterm",
        "long",
        "term",
        "mtordriven",
        "mtor",
        "driven",
        "changes",
    ]
    assert words("24-48 hours") == ["24", "48", "hours"]  # numbers are not a compound


def test_spelling_variants_of_a_compound_meet():
    passage = set(terms("a sense of well-being"))
    assert set(terms("wellbeing")) <= passage and set(terms("well being")) <= passage


def test_eye_dialect_spellings_are_read_as_the_standard_word():
    assert (
        " ".join(words("wuh BDNF stan fuh an wuh e got fuh do wid it"))
        == "what bdnf stan for an what e got for do with it"
    )
    assert terms("how fas dis ketamine wuk") == terms("how fas this ketamine work")


def test_eye_dialect_spellings_never_change_a_passage_word():
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    # The articles' words as the tokenizer's pattern finds them, before any spelling is read.
    passage_words = {
        w for path in corpus.glob("*.md") for w in re.findall(r"[^\W_]+", normalize(path.read_text("utf-8")))
    }
    assert not set(SPELLINGS) & passage_words
    assert all(standard.isalpha() and standard != spelling for spelling, standard in SPELLINGS.items())


def test_terms_stem_and_drop_stopwords():
    assert terms("What are the lasting effects of infusions?") == ["last", "effect", "infus"]
    assert {"what", "the", "i'm", "please"} <= STOPWORDS and "long" not in STOPWORDS


def test_edit_distance_counts_adjacent_swaps_once():
    assert edit_distance("ptsd", "pstd", 2) == 1
    assert edit_distance("efects", "effects", 2) == 1
    assert edit_distance("abcdef", "uvwxyz", 2) == 3  # capped at limit + 1


@pytest.mark.parametrize(("typo", "fixed"), [("ketamin", "ketamine"), ("efects", "effects"), ("anxeity", "anxiety")])
def test_speller_corrects_typos_to_vocabulary_words(typo, fixed):
    speller = Speller({"ketamine": 5, "effects": 3, "anxiety": 2, "affects": 1})
    assert speller.correct(typo) == fixed


def test_speller_reads_a_misspelt_function_word_as_that_word():
    # "everthing" is "everything", a stopword, not a rare word the articles lack
    speller = Speller({"ketamine": 5}, known={"everything", "because"})
    assert speller.correct("everthing") == "everything"
    assert speller.correct("becuase") == "because"


def test_a_dropped_final_g_is_read_as_the_ing_word():
    speller = Speller({"ketamine": 5}, is_word=lambda w: True)
    assert speller.correct("hurtin") == "hurting"  # said as written, a real word, but far rarer
    assert speller.correct("standin") == "standing"
    assert speller.correct("basin") is None  # a word of its own, commoner than "basing"
    assert speller.correct("aspirin") is None


def test_speller_leaves_known_short_and_real_words_alone():
    speller = Speller({"hope": 3, "dive": 1}, is_word=lambda w: w in {"home", "drive"})
    assert speller.correct("hope") is None  # known
    assert speller.correct("home") is None  # a real word, not a typo of "hope"
    assert speller.correct("drive") is None
    assert speller.correct("hop") is None  # too short to guess
    assert speller.correct("zzzzzz") is None  # nothing close
