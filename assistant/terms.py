"""Index terms of a whole corpus: tokenized in batches, each distinct word stemmed once, kept as ids.

`text.terms` is the definition (stems of the non-stopword words). Building the index applies
the same `words`, `STOPWORDS` and `stem` to every passage, title and alternate question, and
per-text calls cost more in overhead than in work: normalising and running NLTK's regular
expression on each of 100,000 passages, then stemming and counting word by word, took about
20 s of a 30 s build. So:

- texts are joined, a thousand at a time, around a separator word, tokenized by one `words`
  call and cut apart again at the separators. This equals `words` text by text because `words`
  works on each whitespace-separated stretch alone (NFKC, case folding and the tokenizer never
  join across a space); tests/test_terms.py checks it on arbitrary text, and a batch whose
  separator count comes out wrong (a text that contains the separator word) is tokenized text
  by text;
- each distinct word gets an id, and its stopword flag and stem id are looked up once; the
  rest (dropping stopwords, counting words for the spelling corrector, cutting the batch into
  texts) is numpy on the id arrays;
- the terms stay an id array (`TermLists`): FieldIndex.from_ids builds the postings from it
  directly, and a passage's terms become a list only when a reply asks for them;
- with PARALLEL_MIN_BATCHES batches or more, the batches are tokenized by one forked process
  per core (as the articles are parsed, assistant/corpus.py): each sends back its batch's
  distinct words and where each token is among them, and this process gives the ids in batch
  order, as one process would, so the ids, terms and counts are the same. Tokenizing was half
  the build at 100,000 passages, all of it in this process.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import chain, repeat

import numpy as np

from .index import FieldIndex
from .text import STOPWORDS, stem, words

BATCH_TEXTS = 1000  # about 250 KB of text per tokenizer call: few calls, little memory
SEPARATOR = "zqxjseparatorzqxj"  # a word no article or question uses (checked per batch)
TERM_LIST_CACHE = 16384  # passages whose term lists are kept once asked for (candidates recur)
# Below this many batches a process pool costs more than it saves (forking, sending words back).
PARALLEL_MIN_BATCHES = 20
BATCHES_AHEAD = 4  # per worker


class TermLists(Sequence):
    """Each text's terms as one array of stem ids; item i is text i's terms as a list of str."""

    def __init__(self, stems: list[str], flat: np.ndarray, offsets: np.ndarray) -> None:
        self.stems = stems  # id -> stem; may grow after this list was made, ids here stay valid
        self.flat = flat
        self.offsets = offsets  # text i's ids are flat[offsets[i]:offsets[i + 1]]
        self._item = lru_cache(maxsize=TERM_LIST_CACHE)(self._terms_of)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = int(i)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(f"text {i} of {len(self)}")
        return self._item(i)

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # mutable-looking, like a list: unhashable

    def _terms_of(self, i: int) -> list[str]:
        return list(map(self.stems.__getitem__, self.flat[self.offsets[i] : self.offsets[i + 1]].tolist()))

    def field_index(self) -> FieldIndex:
        """BM25+ over these texts, equal to FieldIndex(list(self))."""
        return FieldIndex.from_ids(self.stems, self.flat, np.diff(self.offsets))


class TermTable:
    """Terms of texts as ids, with every distinct word's stopword flag and stem looked up once."""

    def __init__(self) -> None:
        self.stems: list[str] = []  # stem id -> stem
        self._stem_ids: dict[str, int] = {}
        self._word_ids: dict[str, int] = {}  # surface word -> word id; the separator is word 0
        self._word_stem = np.zeros(0, dtype=np.int64)  # word id -> stem id, -1 for stopwords
        self._counts = np.zeros(0, dtype=np.int64)  # word id -> times counted
        self._ids([SEPARATOR])

    def encode(self, texts: list[str]) -> TermLists:
        """`text.terms` of every text, as ids; every text's words are counted."""
        flats, lengths = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
        for (distinct, where, text_of, mask), count in tokenized_batches(texts):
            flat, length = self._kept(self._ids(distinct)[where], text_of, mask, count)
            flats.append(flat)
            lengths.append(length)
        offsets = np.concatenate(([0], np.cumsum(np.concatenate(lengths)))).astype(np.int64)
        return TermLists(self.stems, np.concatenate(flats), offsets)

    def encode_shared(self, texts: list[str]) -> TermLists:
        """Like encode, for texts that recur (a section's title on each of its passages): each
        distinct text is tokenized and counted once."""
        distinct: dict[str, int] = {}
        which = np.fromiter((distinct.setdefault(t, len(distinct)) for t in texts), dtype=np.int64, count=len(texts))
        once = self.encode(list(distinct))
        starts, lengths = once.offsets[:-1][which], np.diff(once.offsets)[which]
        offsets = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
        # Position k of text i reads once.flat[starts[i] + k]: ranges gathered without a Python loop.
        gather = np.arange(offsets[-1], dtype=np.int64) + np.repeat(starts - offsets[:-1], lengths)
        return TermLists(self.stems, once.flat[gather], offsets)

    def word_counts(self) -> Counter[str]:
        """Non-stopword surface words of every text encoded so far, with their counts."""
        words_ = list(self._word_ids)
        return Counter({words_[i]: c for i, c in enumerate(self._counts.tolist()) if c})

    def _kept(
        self, ids: np.ndarray, text_of: np.ndarray, mask: np.ndarray, count: int
    ) -> tuple[np.ndarray, np.ndarray]:
        stems = self._word_stem[ids]
        keep = mask & (stems >= 0)
        self._counts += np.bincount(ids[keep], minlength=len(self._counts))
        return stems[keep], np.bincount(text_of[keep], minlength=count)

    def _ids(self, distinct: list[str]) -> np.ndarray:
        """Word ids of distinct words; a new word gets the next id (in the order given, which
        tokenize_batch sorts, so that ids do not depend on hashing), and its stem id (-1 for a
        stopword)."""
        word_ids = self._word_ids
        ids = np.fromiter(map(word_ids.get, distinct, repeat(-1)), dtype=np.int64, count=len(distinct))
        new = np.flatnonzero(ids < 0).tolist()  # one dictionary lookup per word, not two
        if new:
            added = []
            for k in new:
                word = distinct[k]
                ids[k] = word_ids[word] = len(word_ids)
                if word in STOPWORDS:
                    added.append(-1)
                    continue
                s = stem(word)
                if s not in self._stem_ids:
                    self._stem_ids[s] = len(self.stems)
                    self.stems.append(s)
                added.append(self._stem_ids[s])
            self._word_stem = np.concatenate((self._word_stem, np.asarray(added, dtype=np.int64)))
            self._counts = np.concatenate((self._counts, np.zeros(len(added), dtype=np.int64)))
        return ids


Tokenized = tuple[list[str], np.ndarray, np.ndarray, np.ndarray]


def tokenize_batch(texts: list[str]) -> Tokenized:
    """(the batch's distinct words, sorted; each token's place among them; the text each token
    is of; False for the separators between texts) of a batch of texts."""
    if len(texts) > 1:
        tokens = words(f" {SEPARATOR} ".join(texts))
        # Exactly one separator per gap between texts means no text holds the word itself.
        if tokens.count(SEPARATOR) == len(texts) - 1:
            distinct, where = _distinct(tokens)
            boundary = where == distinct.index(SEPARATOR)
            return distinct, where, np.cumsum(boundary), ~boundary
    per_text = [words(t) for t in texts]  # one text, or one holds the separator word
    distinct, where = _distinct(*per_text)
    text_of = np.repeat(np.arange(len(texts)), [len(tokens) for tokens in per_text])
    return distinct, where, text_of, np.ones(len(where), dtype=bool)


def _distinct(*runs: list[str]) -> tuple[list[str], np.ndarray]:
    """Distinct words, each run's new ones sorted after the earlier runs' (the order ids were
    given in when runs were texts encoded one by one), and each token's place among them."""
    distinct: list[str] = []
    place: dict[str, int] = {}
    for tokens in runs:
        for word in sorted(set(tokens).difference(place)):
            place[word] = len(distinct)
            distinct.append(word)
    flat = chain.from_iterable(runs)
    return distinct, np.fromiter(map(place.__getitem__, flat), dtype=np.int64, count=sum(map(len, runs)))


def tokenized_batches(texts: list[str]) -> Iterator[tuple[Tokenized, int]]:
    """tokenize_batch of each batch of BATCH_TEXTS texts, in order, with the batch's size; many
    batches are tokenized by one forked process per core."""
    batches = [texts[start : start + BATCH_TEXTS] for start in range(0, len(texts), BATCH_TEXTS)]
    done = 0
    workers = min(_cores(), len(batches) // PARALLEL_MIN_BATCHES)
    if workers >= 2:
        import multiprocessing  # imported here: only a large build uses them
        from collections import deque
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        try:
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
                # A few batches ahead per worker, not all: results waiting here would add to the
                # build's peak memory.
                ahead = deque(pool.submit(tokenize_batch, b) for b in batches[: BATCHES_AHEAD * workers])
                while ahead:
                    result = ahead.popleft().result()
                    if (following := done + len(ahead) + 1) < len(batches):
                        ahead.append(pool.submit(tokenize_batch, batches[following]))
                    yield result, len(batches[done])
                    done += 1
        except (OSError, ValueError, BrokenProcessPool):
            pass  # no fork here, or a worker died: the rest are tokenized in this process
    for batch in batches[done:]:
        yield tokenize_batch(batch), len(batch)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
