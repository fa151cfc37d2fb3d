"""A deterministic, English-like synthetic corpus for the scale benchmark.

Words are pronounceable syllable strings; their frequencies follow Zipf's law, as word counts
in English text do (Zipf 1949; exponent about 1). Passages are already tokenised, the shape
every index here takes, so the benchmark times indexing and scoring, not tokenisation.
"""

from __future__ import annotations

import numpy as np

# Word types to draw from. After stemming and stopword removal the bundled article (about 1,100
# words) has about 300 distinct terms; a large clinic site or a medical encyclopedia has tens
# of thousands. 50,000 keeps the long Zipf tail that makes most terms rare.
VOCABULARY_SIZE = 50_000
ZIPF_EXPONENT = 1.0
# Index terms per passage: the bundled passages have 11 to 63 (mean 27) after stopwords go.
MIN_TERMS, MAX_TERMS = 10, 60
# Words per query: visitors' questions keep 2 to 5 terms after stopwords go.
MIN_QUERY_TERMS, MAX_QUERY_TERMS = 2, 5
_ONSETS = ["", "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "cl", "st", "tr"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou"]
_CODAS = ["", "n", "r", "s", "t", "l", "m", "nd", "st", "ck"]
_CHUNK = 2_000  # words or passages generated at a time, so generating adds little to a process's peak memory


def vocabulary(size: int = VOCABULARY_SIZE, seed: int = 0) -> list[str]:
    """`size` distinct pronounceable words, those of fewer syllables (the commonest) first."""
    rng = np.random.default_rng(seed)
    syllable = np.array([o + v + c for o in _ONSETS for v in _VOWELS for c in _CODAS])
    words: dict[str, None] = {}  # insertion-ordered set
    length = 1
    while len(words) < size:
        for _ in range(3 * size // _CHUNK + 1):  # up to 3 x size draws of each length, then longer words
            picks = syllable[rng.integers(len(syllable), size=(_CHUNK, length))]
            words.update(dict.fromkeys("".join(p) for p in picks.tolist()))
            if len(words) >= size:
                break
        length += 1
    return list(words)[:size]


def zipf_probabilities(size: int, exponent: float = ZIPF_EXPONENT) -> np.ndarray:
    weights = 1.0 / np.arange(1, size + 1) ** exponent
    return weights / weights.sum()


def synthetic_passages(count: int, seed: int = 0, vocab: list[str] | None = None) -> list[list[str]]:
    """`count` tokenised passages with Zipf-distributed words; the same seed gives the same passages.

    Tokens are shared string objects, as the engine's cached stemmer returns them, so memory
    measures the index and not millions of copies of the same word.
    """
    vocab = vocab or vocabulary(seed=seed)
    cdf = np.cumsum(zipf_probabilities(len(vocab)))
    rng = np.random.default_rng(seed + 1)
    passages: list[list[str]] = []
    for start in range(0, count, _CHUNK):
        lengths = rng.integers(MIN_TERMS, MAX_TERMS + 1, size=min(_CHUNK, count - start))
        ids = np.minimum(np.searchsorted(cdf, rng.random(int(lengths.sum()))), len(vocab) - 1).tolist()
        tokens = [vocab[i] for i in ids]
        ends = np.cumsum(lengths).tolist()
        passages.extend(tokens[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True))
    return passages


def synthetic_queries(passages: list[list[str]], count: int, seed: int = 0) -> list[list[str]]:
    """Queries of 2 to 5 distinct terms, each taken from one passage, as a visitor asking about it would."""
    rng = np.random.default_rng(seed + 2)
    queries = []
    for _ in range(count):
        terms = sorted(set(passages[rng.integers(len(passages))]))
        k = min(len(terms), int(rng.integers(MIN_QUERY_TERMS, MAX_QUERY_TERMS + 1)))
        queries.append([terms[i] for i in rng.choice(len(terms), size=k, replace=False)])
    return queries


def passage_text(tokens: list[str]) -> str:
    """A passage as English-looking text, for eyeballing the generator's output."""
    return (" ".join(tokens) + ".").capitalize()


# Articles for the end-to-end benchmark: Markdown files the engine loads with `from_directory`.
PASSAGES_PER_ARTICLE = 50
PASSAGES_PER_SECTION = 5
MIN_SENTENCE_WORDS, MAX_SENTENCE_WORDS = 5, 15


def passage_prose(tokens: list[str]) -> str:
    """A passage's words as capitalised sentences of 5-15 words, each ending in a full stop."""
    sentences = []
    start = 0
    while start < len(tokens):
        size = MIN_SENTENCE_WORDS + (start * 7 + len(tokens)) % (MAX_SENTENCE_WORDS - MIN_SENTENCE_WORDS + 1)
        sentences.append(" ".join(tokens[start : start + size]).capitalize() + ".")
        start += size
    return " ".join(sentences)


def article_markdown(number: int, passages: list[list[str]]) -> str:
    """One article as Markdown: front matter, a numbered section per few passages, a paragraph of
    prose per passage, every fifth one a bullet with a bold label."""
    slug = f"article-{number:05d}"
    lines = ["---", f"title: Synthetic article {number}", "author: Bench", "updated: 2024-01-01", f"slug: {slug}"]
    lines += ["---", ""]
    for k, tokens in enumerate(passages):
        if k % PASSAGES_PER_SECTION == 0:
            section = k // PASSAGES_PER_SECTION + 1
            lines += [f"## {section}. Section {' '.join(passages[k][:3])}", ""]
        text = passage_prose(tokens)
        lines += [f"- **Point {k}:** {text}" if k % 5 == 4 else text, ""]
    return "\n".join(lines)


def article_passage_texts(passages: list[list[str]], per_article: int = PASSAGES_PER_ARTICLE) -> list[str]:
    """The text of each passage as the engine reads it from write_articles' files (a bullet's
    label included), for other systems to index the very same passages."""
    return [
        f"Point {i % per_article}: {passage_prose(t)}" if i % per_article % 5 == 4 else passage_prose(t)
        for i, t in enumerate(passages)
    ]


def write_articles(folder, articles: int, per_article: int = PASSAGES_PER_ARTICLE, seed: int = 0) -> list[list[str]]:
    """Write `articles` Markdown files of `per_article` passages each into folder; return the passages' words."""
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    passages = synthetic_passages(articles * per_article, seed)
    for n in range(articles):
        chunk = passages[n * per_article : (n + 1) * per_article]
        (folder / f"article-{n:05d}.md").write_text(article_markdown(n, chunk), "utf-8")
    return passages
