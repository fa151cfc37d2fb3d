"""How common a word is in everyday English, from wordfreq's bundled word lists (no download)."""

from __future__ import annotations

from functools import lru_cache

from .text import stem

# Zipf 3 is about once per million words: below it a word is rare or a typo ("insurence" 1.2),
# above it a real word ("home" 5.8) that spelling correction must leave alone.
REAL_WORD_ZIPF = 3.0
# An unknown question word weighs less the commoner it is: everyday words ("first" 6.1, "talk"
# 5.4) say little about what is asked; rarer ones ("lithium" 3.6, "dosage" 3.5) are its subject.
COMMON_ZIPF, RARE_ZIPF = 7.0, 4.0
MIN_RARITY = 0.2


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of an English word: 0 unknown, about 7 for "the"."""
    # Imported at the first question with a word the articles lack: the import (langcodes,
    # ftfy) was 0.16 s of a cached start, whose first question may use the articles' words only.
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en", wordlist="small")


# How much commoner the -ing form must be for a word ending in "in" to be read as that form with
# its final g dropped, as people write speech ("hurtin" 2.3 -> "hurting" 4.1, "standin" 2.4 ->
# 4.9), while real words stay ("basin" 4.1 vs "basing" 3.2, "aspirin" 3.3 vs "aspiring" 3.6).
DROPPED_G_MARGIN = 1.5


@lru_cache(maxsize=65536)
def with_final_g(word: str) -> str | None:
    """The -ing word a word ending in "in" stands for ("movin" -> "moving", "dyin" -> "dying"), or None.

    The stemmer must read the added g as an -ing ending, so "brin" and "clin" do not become
    "bring" and "cling": those are words of their own, not an ending said short; so are the words
    of other languages the visitors write ("matin" is French for morning, not "mating").
    """
    if len(word) < 4 or not word.endswith("in"):
        return None
    full = word + "g"
    # Other languages' word lists last: most words ending in "in" ("brain", "again") fail the
    # English tests, and loading five more lists cost a first question 13 ms.
    if stem(full) == full or zipf(full) < zipf(word) + DROPPED_G_MARGIN or _foreign(word):
        return None
    return full


# Languages visitors write besides English whose words may end in "in" ("matin", "Bein").
OTHER_LANGUAGES = ("es", "fr", "pt", "de", "it")


@lru_cache(maxsize=65536)
def _foreign(word: str) -> bool:
    """Whether a word is a real word of another language the visitors write (French "matin")."""
    from wordfreq import zipf_frequency

    return any(zipf_frequency(word, lang, wordlist="small") >= REAL_WORD_ZIPF for lang in OTHER_LANGUAGES)


def is_english_word(word: str) -> bool:
    return zipf(word) >= REAL_WORD_ZIPF


def rarity(word: str) -> float:
    """1.0 for rare words, falling linearly to MIN_RARITY for the commonest."""
    share = (COMMON_ZIPF - zipf(word)) / (COMMON_ZIPF - RARE_ZIPF)
    return max(MIN_RARITY, min(1.0, share))
