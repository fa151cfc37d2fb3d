"""The one tokenizer shared by passages, alternate questions and visitor questions."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from .nltk_parts import RegexpTokenizer, SnowballStemmer, without_timeout

# Typographic characters folded to their ASCII forms so "brain’s" matches "brain's".
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
    }
)
_SPACE = re.compile(r"\s+")

# Words are runs of letters and digits; an apostrophe may join a contraction ("don't").
_TOKENIZER = without_timeout(RegexpTokenizer(r"[^\W_]+(?:'[^\W_]+)*"))  # linear: each repeat starts at "'"
# A hyphenated compound is also one word, so "wellbeing", "well-being" and "well being" meet:
# the joined form goes before its parts ("long-term" -> longterm long term), keeping the parts
# next to each other for phrase rules. Letters only: "24-48" stays two numbers.
_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_STEMMER = SnowballStemmer("english")  # Porter2: rule-based, needs no downloaded data


def normalize(text: str) -> str:
    """NFKC, straight quotes, ASCII hyphens, collapsed whitespace, casefolded."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return _SPACE.sub(" ", text).strip().casefold()


def words(text: str) -> list[str]:
    """Normalised word tokens, possessive "'s" removed, hyphenated compounds also joined,
    eye-dialect spellings read as the standard word ("wuh" is "what")."""
    text = normalize(text)
    if "-" in text:
        text = _COMPOUND.sub(lambda m: f"{m[0].replace('-', '')} {m[0]}", text)
    out = []
    for token in _TOKENIZER.tokenize(text):
        if token.endswith("'s"):
            token = token[:-2]
        out.append(SPELLINGS.get(token, token))
    return out


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball stem of a normalised word."""
    return _STEMMER.stem(word)


def _load_stopwords() -> frozenset[str]:
    text = resources.files("assistant").joinpath("data/stopwords.txt").read_text("utf-8")
    found: set[str] = set()
    for line in text.splitlines():
        if not line.startswith("#"):
            found.update(line.split())
    return frozenset(found)


STOPWORDS = _load_stopwords()


def _load_spellings() -> dict[str, str]:
    text = resources.files("assistant").joinpath("data/spellings.txt").read_text("utf-8")
    return dict(line.split() for line in text.splitlines() if line.strip() and not line.startswith("#"))


SPELLINGS = _load_spellings()
_WORD = re.compile(r"[^\W_]+")


def respell(text: str) -> str:
    """Normalised text with eye-dialect spellings read as the standard word, punctuation kept."""
    return _WORD.sub(lambda m: SPELLINGS.get(m[0], m[0]), normalize(text))


def terms(text: str) -> list[str]:
    """Index terms: stems of the non-stopword words, in order, repeats kept."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]
