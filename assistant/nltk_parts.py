"""The three NLTK classes the engine uses, imported without the scipy.stats NLTK would pull in.

Importing any NLTK module runs `nltk/__init__.py`, which imports nearly all of NLTK. When scipy
is installed that includes `scipy.stats` (for collocation association measures and Gale-Church
alignment, which the engine never uses): measured with `python -X importtime`, about 0.9 s of a
1.5 s start to the first answer (bench/coldstart.py). NLTK guards every scipy import with
`except ImportError` and falls back, and scipy is not one of the project's dependencies, so
NLTK is imported here as a fresh install of the project would see it: without scipy. The
tokenizer, stemmer and sentence splitter are the same classes either way. Importing NLTK's
submodules without its `__init__` is not possible: they import each other through it.
"""

from __future__ import annotations

import sys


def _import_nltk_without_scipy() -> None:
    if "nltk" in sys.modules or "scipy" in sys.modules:
        return  # NLTK is loaded already, or scipy is (then hiding it saves nothing)
    sys.modules["scipy"] = None  # type: ignore[assignment]  # makes `import scipy.x` raise ImportError
    try:
        import nltk  # noqa: F401
    finally:
        del sys.modules["scipy"]  # later `import scipy` works as usual


_import_nltk_without_scipy()

from nltk.stem.snowball import SnowballStemmer  # noqa: E402
from nltk.tokenize import RegexpTokenizer  # noqa: E402
from nltk.tokenize.punkt import PunktSentenceTokenizer  # noqa: E402

__all__ = ["PunktSentenceTokenizer", "RegexpTokenizer", "SnowballStemmer", "without_timeout"]


def without_timeout(tokenizer: RegexpTokenizer) -> RegexpTokenizer:
    """The tokenizer with NLTK's ReDoS timeout off: same pattern, same `regex` engine, same tokens.

    NLTK 3.9+ runs every match of a caller's pattern under a wall-clock timeout, which made
    tokenizing a whole corpus 2.4x slower (bench: 100,000 passages). Its own error message says
    to pass timeout=None for a trusted pattern; pass only fixed patterns that cannot backtrack
    catastrophically (no nested or overlapping quantifiers).
    """
    from nltk import redos

    tokenizer._check_regexp()
    tokenizer._regexp = redos.compile(tokenizer._regexp, timeout=None)
    return tokenizer
