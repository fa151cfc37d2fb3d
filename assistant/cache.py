"""The built engine saved to one file and loaded on the next start instead of rebuilt.

Building parses every article, tokenizes every passage and computes the postings: seconds at
100,000 passages. The result is saved as one file: a JSON header (the articles' metadata, the
sentence splitter's parameters) followed by the numpy arrays' raw bytes (the index, and the
passages' texts, anchors, labels and the word lists as UTF-8), with the dtypes limited to four
numeric ones and no pickle anywhere, so loading runs no code from the file. (An `.npz` was tried
first: reading it member by member took twice as long.) A loaded engine makes each Passage
object the first time it is read (PassageTable): a question reads a few dozen of them. It is
keyed by a SHA-256 of:

- FORMAT_VERSION, the engine's own source and data files (`assistant/*.py`, the stopword
  list) and the versions of the libraries that shape the index (NLTK's stemmer and Punkt,
  markdown-it-py): any change to the tokenizer or the ranking code is a new key;
- every corpus file (`*.md` and the staff files), name and bytes;
- an optional `salt` for anything else the engine is built from (staff edits kept elsewhere).

The key is stored in the header and compared before the arrays are read, and the payload's
CRC-32 is checked, so a stale cache is never served; a corrupt, truncated or unreadable one is
logged and rebuilt, and the new file replaces it atomically (written beside it, then renamed),
so concurrent starts cannot read half a file. Staff data is read from its files on every start
(they are small and cheap); only the articles, the sentence splitter's parameters and the index
come from the cache.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import tempfile
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np

from .corpus import Corpus, load_corpus
from .engine import Assistant
from .index import FieldIndex
from .models import Article, Passage, Section
from .nltk_parts import PunktSentenceTokenizer
from .retrieval import PassageIndex
from .staffdata import QUESTIONS_FILE, STARTERS_FILE, SYNONYMS_FILE, StaffData, load_staff_data
from .terms import TermLists

log = logging.getLogger(__name__)

# Raise when the file's layout changes; the source hash below covers changes of behaviour.
FORMAT_VERSION = 3
ALIGN = 64  # bytes: arrays start at multiples of this, as numpy's own allocations do
MAGIC = b"clinic-faq-engine\n"
DTYPES = ("|u1", "<i4", "<i8", "<f8")  # all the arrays need; nothing else is read
LIBRARIES = ("nltk", "numpy", "markdown-it-py")
STAFF_FILES = (SYNONYMS_FILE, QUESTIONS_FILE, STARTERS_FILE)
SLOT_IDF_CACHE = 65536  # as PassageIndex sets it
FIELD_NAMES = ("body", "title", "questions")
FIELD_ATTRIBUTES = {"size", "k1", "b", "delta", "_term_ids", "idf", "_indptr", "_doc_ids", "_above", "_floor"}
# Lists of strings are stored as one UTF-8 array joined by this character (split back in one
# call: parsing them as JSON was a sixth of the load). No passage, anchor or word contains it:
# markdown-it replaces NUL with U+FFFD (CommonMark), and saving checks it.
SEPARATOR = "\0"


class CacheMismatch(ValueError):
    """The cache file is for another corpus, another engine version, or is not a cache at all."""


def corpus_files(folder: Path) -> list[Path]:
    """The files an engine is built from: the articles and the staff files that exist."""
    # os.scandir, not Path.glob: the same names, in a tenth of the time for 2,000 articles.
    files = [folder / name for name in sorted(e.name for e in os.scandir(folder) if e.name.endswith(".md"))]
    return files + [folder / name for name in STAFF_FILES if (folder / name).is_file()]


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """Hash of the engine's code, data files and library versions: a change to any is a new key."""
    digest = hashlib.sha256(f"format {FORMAT_VERSION}\n".encode())
    package = Path(__file__).resolve().parent
    for path in sorted([*package.glob("*.py"), *package.glob("data/*")]):
        _add(digest, path.relative_to(package).as_posix().encode(), path.read_bytes())
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "absent"
        _add(digest, name.encode(), version.encode())
    return digest.hexdigest()


def cache_key(folder: Path | str, salt: bytes | str = b"") -> str:
    """SHA-256 of the engine fingerprint, every corpus file (name and bytes) and `salt`."""
    digest = hashlib.sha256(engine_fingerprint().encode())
    for path in corpus_files(Path(folder)):
        with open(path, "rb", buffering=0) as file:  # unbuffered: Path.read_bytes took twice as long
            _add(digest, path.name.encode(), file.readall())
    _add(digest, b"salt", salt.encode() if isinstance(salt, str) else bytes(salt))
    return digest.hexdigest()


def _add(digest, name: bytes, data: bytes) -> None:
    """Feed a named item with its length, so no two different sequences of items hash alike."""
    digest.update(len(name).to_bytes(8, "big") + name + len(data).to_bytes(8, "big"))
    digest.update(data)


def cache_path(folder: Path | str, cache_dir: Path | str) -> Path:
    """One file per corpus folder, named by a hash of its absolute path."""
    where = hashlib.sha256(str(Path(folder).resolve()).encode()).hexdigest()[:16]
    return Path(cache_dir) / f"engine-{where}.bin"


def load_or_build(
    folder: Path | str, cache_dir: Path | str, salt: bytes | str = b"", staff: StaffData | None = None
) -> Assistant:
    """The engine from the cache when it matches the corpus, else built and saved there.

    `staff` replaces the staff files' data (pass what it was made from in `salt`).
    """
    folder = Path(folder)
    try:
        key = cache_key(folder, salt)
    except OSError as error:  # an unreadable file: building reports it with the file named
        log.info("engine cache not used: %s", error)
        key = None
    path = cache_path(folder, cache_dir)
    if key and path.is_file():
        data = staff if staff is not None else load_staff_data(folder)
        try:
            return load(path, key, data)
        except Exception as error:  # noqa: BLE001 - any fault in the file means: rebuild, never serve it
            log.warning("engine cache %s ignored (%s: %s); rebuilding", path, type(error).__name__, error)
    assistant = Assistant(load_corpus(folder), staff if staff is not None else load_staff_data(folder))
    if key:
        try:
            save(assistant, path, key)
        except (OSError, CacheMismatch) as error:
            log.warning("engine cache %s not written: %s", path, error)
    return assistant


# Saving ---------------------------------------------------------------------------------------


def save(assistant: Assistant, path: Path, key: str) -> None:
    """Write the engine's articles, sentence splitter and index to `path`, atomically."""
    arrays, meta = _engine_state(assistant)
    meta.update(format=FORMAT_VERSION, key=key)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            write_container(out, meta, arrays)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_container(out, meta: dict, arrays: dict[str, np.ndarray]) -> None:
    """MAGIC, the header's length, the header (JSON: `meta`, each array's dtype, shape and
    place, the payload's CRC-32), then the arrays' bytes, each starting at a multiple of ALIGN
    bytes from the file's start so that the arrays read back are aligned for numpy."""
    table, offset, crc = {}, 0, 0
    contiguous = {name: np.ascontiguousarray(array) for name, array in arrays.items()}
    for name, array in contiguous.items():
        if array.dtype.str not in DTYPES:
            raise CacheMismatch(f"array {name} has dtype {array.dtype.str}, not one of {DTYPES}")
        table[name] = [array.dtype.str, list(array.shape), offset, array.nbytes]
        offset += -(-array.nbytes // ALIGN) * ALIGN
    for array in contiguous.values():  # no copy of the arrays, so saving adds little memory
        crc = zlib.crc32(_bytes_of(array), crc)
        crc = zlib.crc32(bytes(-array.nbytes % ALIGN), crc)
    header = json.dumps({"meta": meta, "arrays": table, "payload_bytes": offset, "crc32": crc}, ensure_ascii=False)
    head = header.encode()
    head += b" " * (-(len(MAGIC) + 8 + len(head)) % ALIGN)  # JSON allows trailing spaces
    out.write(MAGIC + len(head).to_bytes(8, "little") + head)
    for array in contiguous.values():
        out.write(_bytes_of(array))
        out.write(bytes(-array.nbytes % ALIGN))


def read_container(path: Path, key: str) -> tuple[dict, dict[str, np.ndarray]]:
    """(meta, arrays) of a cache file written for `key`; CacheMismatch for anything else.

    The file is mapped, not copied: the page cache holds it once for every process that loads
    it (gunicorn's workers and any restarted ones), and reading 100 MB into fresh memory took
    longer than the rest of the load. The cache is only ever replaced by a rename, never
    written in place, so a mapped file cannot change under its readers. The arrays are
    read-only views of it, made only after the key and format match and the payload's CRC-32
    is checked.
    """
    if path.stat().st_size < len(MAGIC) + 8:
        raise CacheMismatch("not an engine cache file: too short")
    # A plain ndarray view of the map: slices of np.memmap are memmaps, whose Python-level
    # bookkeeping on every slice made each query measurably slower.
    blob = np.memmap(path, dtype=np.uint8, mode="r").view(np.ndarray)
    if blob[: len(MAGIC)].tobytes() != MAGIC:
        raise CacheMismatch("not an engine cache file (or another layout version)")
    size = int.from_bytes(blob[len(MAGIC) : len(MAGIC) + 8].tobytes(), "little")
    start = len(MAGIC) + 8 + size
    header = json.loads(blob[len(MAGIC) + 8 : start].tobytes().decode())
    meta = header["meta"]
    if meta.get("format") != FORMAT_VERSION or meta.get("key") != key:
        raise CacheMismatch(f"built for another corpus or engine version (format {meta.get('format')})")
    payload = blob[start:]
    if len(payload) != header["payload_bytes"] or zlib.crc32(_bytes_of(payload)) != header["crc32"]:
        raise CacheMismatch("truncated or corrupt: the payload's length or checksum differs")
    arrays = {}
    for name, (dtype, shape, offset, nbytes) in header["arrays"].items():
        if dtype not in DTYPES or offset % ALIGN or offset + nbytes > len(payload):
            raise CacheMismatch(f"array {name} has dtype {dtype} at {offset}")
        arrays[name] = payload[offset : offset + nbytes].view(dtype).reshape(shape)
    return meta, arrays


def _bytes_of(array: np.ndarray) -> memoryview:
    """The array's memory as bytes, without a copy (numpy arrays are buffers; typeshed does not say so)."""
    return memoryview(array).cast("B")  # type: ignore[arg-type]


def _engine_state(assistant: Assistant) -> tuple[dict[str, np.ndarray], dict]:
    corpus, index = assistant.corpus, assistant.index
    passages = corpus.passages
    texts = [p.text for p in passages]
    params = corpus.splitter._params
    meta: dict = {
        "articles": [
            {
                "slug": a.slug,
                "title": a.title,
                "author": a.author,
                "updated": a.updated,
                "source": a.source,
                "sections": [[s.number, s.title, s.anchor, len(s.passages)] for s in a.sections],
            }
            for a in corpus.articles
        ],
        "kinds": sorted({p.kind for p in passages}),
        "punkt": {
            "abbrev_types": sorted(params.abbrev_types),
            "collocations": sorted(params.collocations),
            "sent_starters": sorted(params.sent_starters),
            "ortho_context": sorted(params.ortho_context.items()),
        },
        "question_texts": index.question_texts,
        "n": index.n,
        "unknown_idf": index.unknown_idf,
        "index_attributes": sorted(vars(index)),
    }
    stems = index.body_terms.stems  # the three fields' TermLists share the build's stem table
    terms: dict[str, int] = {t: i for i, t in enumerate(stems)}

    def ids(words) -> np.ndarray:
        return np.fromiter((terms.setdefault(w, len(terms)) for w in words), dtype=np.int32)

    kind_codes = {kind: code for code, kind in enumerate(meta["kinds"])}
    arrays: dict[str, np.ndarray] = {
        "texts": np.frombuffer("".join(texts).encode(), dtype=np.uint8),
        "anchors": _joined([p.anchor for p in passages]),
        "labels": _joined([p.label for p in passages]),
        "kinds": np.fromiter((kind_codes[p.kind] for p in passages), dtype=np.uint8, count=len(passages)),
        "text_offsets": np.cumsum([0, *map(len, texts)], dtype=np.int64),  # in characters
        "positions": np.fromiter((p.position for p in passages), dtype=np.int64, count=len(passages)),
        "blocks": np.fromiter((p.block for p in passages), dtype=np.int64, count=len(passages)),
    }
    for name in ("body_terms", "title_terms", "question_terms"):
        lists: TermLists = getattr(index, name)
        if not isinstance(lists, TermLists) or lists.stems is not stems:
            raise CacheMismatch(f"PassageIndex.{name} is not a TermLists over the shared stem table")
        arrays[name], arrays[name + "_offsets"] = lists.flat.astype(np.int32), lists.offsets
    arrays["question_owner"], arrays["question_bounds"] = index.question_owner, index.question_bounds
    arrays["vocabulary"] = _joined(list(index.vocabulary()))
    arrays["vocabulary_counts"] = np.fromiter(index.vocabulary().values(), dtype=np.int64)
    arrays["idf_terms"] = ids(index.idf)
    arrays["idf_values"] = np.fromiter(index.idf.values(), dtype=np.float64)
    for name in FIELD_NAMES:
        field: FieldIndex = getattr(index, name)
        if set(vars(field)) != FIELD_ATTRIBUTES:
            raise CacheMismatch(f"FieldIndex has attributes {sorted(vars(field))}; the cache knows {FIELD_ATTRIBUTES}")
        meta[name] = {"size": field.size, "k1": field.k1, "b": field.b, "delta": field.delta}
        arrays[f"{name}.terms"] = ids(field._term_ids)
        arrays[f"{name}.idf"] = np.fromiter(field.idf.values(), dtype=np.float64)
        for attribute in ("_indptr", "_doc_ids", "_above", "_floor"):
            arrays[f"{name}.{attribute}"] = getattr(field, attribute)
    arrays["terms"], meta["term_count"] = _joined(list(terms)), len(terms)
    return arrays, meta


def _joined(strings: list[str]) -> np.ndarray:
    """The strings as one UTF-8 array, SEPARATOR between them (see _split)."""
    text = SEPARATOR.join(strings)
    if text.count(SEPARATOR) != max(len(strings) - 1, 0):
        raise CacheMismatch("a string to save contains the separator character")
    return np.frombuffer(text.encode(), dtype=np.uint8)


def _split(arrays: dict[str, np.ndarray], name: str, count: int) -> list[str]:
    """The `count` strings saved by _joined; CacheMismatch if there are not that many."""
    strings = arrays[name].tobytes().decode().split(SEPARATOR) if count else []
    if len(strings) != count:
        raise CacheMismatch(f"{name} holds {len(strings)} strings, not {count}")
    return strings


# Loading --------------------------------------------------------------------------------------


def load(path: Path, key: str, data: StaffData) -> Assistant:
    """The engine saved at `path`; CacheMismatch (or any read error) when it is not for `key`."""
    # Loading makes a few hundred thousand objects and no cycles; the cyclic collector would
    # walk them all again and again on the way (it took a third of the load).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(path, key, data)
    finally:
        if enabled:
            gc.enable()


def _load(path: Path, key: str, data: StaffData) -> Assistant:
    meta, arrays = read_container(path, key)
    corpus, passages = _corpus(meta, arrays)
    index = _index(meta, arrays, passages)
    if sorted(vars(index)) != meta["index_attributes"]:
        raise CacheMismatch("the index has other attributes than when it was saved")
    return Assistant(corpus, data, index=index)


def _corpus(meta: dict, arrays: dict[str, np.ndarray]) -> tuple[Corpus, PassageTable]:
    """The articles, whose sections read their passages from one PassageTable, and that table."""
    offsets = arrays["text_offsets"]
    count = len(offsets) - 1
    sections = [(a["slug"], a["title"], *section) for a in meta["articles"] for section in a["sections"]]
    sizes = [section[-1] for section in sections]
    positions, kinds, blocks = columns = [arrays[name] for name in ("positions", "kinds", "blocks")]
    if (
        sum(sizes) != count
        or any(len(column) != count for column in columns)
        or (count and int(arrays["kinds"].max()) >= len(meta["kinds"]))
    ):
        raise CacheMismatch("the passages' columns differ in length or from the articles")
    table = PassageTable(
        arrays["texts"].tobytes().decode(),
        offsets,
        np.repeat(np.arange(len(sections), dtype=np.int64), sizes),
        [section[:4] for section in sections],  # slug, title, number, section title
        _split(arrays, "anchors", count),
        _split(arrays, "labels", count),
        positions,
        kinds,
        blocks,
        meta["kinds"],
    )
    if count and offsets[-1] != len(table.text):
        raise CacheMismatch("the passages' texts differ in length from their offsets")
    articles, start, runs = [], 0, iter(sections)
    for a in meta["articles"]:
        parts = []
        for _, _, number, section_title, anchor, size in (next(runs) for _ in a["sections"]):
            parts.append(Section(number, section_title, anchor, PassageRun(table, start, start + size)))  # type: ignore[arg-type]
            start += size
        articles.append(Article(a["slug"], a["title"], a["author"], a["updated"], tuple(parts), a["source"]))
    return Corpus(tuple(articles), _splitter(meta["punkt"])), table


class PassageTable(Sequence[Passage]):
    """The passages of a loaded cache as columns, each Passage made the first time it is read.

    Making all 100,000 Passage objects of a large corpus took 0.3 s, most of a cached start,
    while a question reads a few dozen. A made Passage is kept, so it is made once (two threads
    racing on one make two equal ones; either is kept).
    """

    def __init__(self, text, offsets, section_of, sections, anchors, labels, positions, kinds, blocks, kind_names):
        self.text, self._offsets, self._section_of, self._sections = text, offsets, section_of, sections
        self._anchors, self._labels, self._positions, self._kinds, self._blocks = (
            anchors,
            labels,
            positions,
            kinds,
            blocks,
        )
        self._kind_names = kind_names
        self._made: list[Passage | None] = [None] * (len(offsets) - 1)

    def __len__(self) -> int:
        return len(self._made)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        passage = self._made[i]
        if passage is None:
            i %= len(self._made)
            slug, title, number, section_title = self._sections[self._section_of[i]]
            text = self.text[int(self._offsets[i]) : int(self._offsets[i + 1])]
            kind = self._kind_names[self._kinds[i]]
            position, block = int(self._positions[i]), int(self._blocks[i])
            passage = Passage(
                text, slug, title, number, section_title, self._anchors[i], position, kind, self._labels[i], block
            )
            self._made[i] = passage
        return passage


class PassageRun(Sequence[Passage]):
    """A section's passages: a run of a PassageTable, read and compared like the tuple it stands for."""

    __slots__ = ("_table", "_start", "_stop")

    def __init__(self, table: PassageTable, start: int, stop: int):
        self._table, self._start, self._stop = table, start, stop

    def __len__(self) -> int:
        return self._stop - self._start

    def __getitem__(self, i):
        return tuple(self)[i] if isinstance(i, slice) else self._table[range(self._start, self._stop)[i]]

    def __iter__(self) -> Iterator[Passage]:
        table = self._table
        return (table[i] for i in range(self._start, self._stop))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


def _splitter(punkt: dict) -> PunktSentenceTokenizer:
    from nltk.tokenize.punkt import PunktParameters

    params = PunktParameters()
    params.abbrev_types = set(punkt["abbrev_types"])
    params.collocations = {tuple(pair) for pair in punkt["collocations"]}
    params.sent_starters = set(punkt["sent_starters"])
    for typ, flag in punkt["ortho_context"]:
        params.ortho_context[typ] = flag
    return PunktSentenceTokenizer(params)


def _index(meta: dict, arrays: dict[str, np.ndarray], passages: Sequence[Passage]) -> PassageIndex:
    terms = _split(arrays, "terms", meta["term_count"])
    lookup = np.array(terms + [""], dtype=object)  # "" only so an empty vocabulary still indexes

    def words(name: str) -> list[str]:
        return lookup[arrays[name]].tolist()

    def lists(name: str) -> TermLists:
        return TermLists(terms, arrays[name], arrays[name + "_offsets"])

    index = PassageIndex.__new__(PassageIndex)
    index.passages = passages
    index.body_terms = lists("body_terms")
    index.title_terms = lists("title_terms")
    index.question_texts = meta["question_texts"]
    index.question_owner = arrays["question_owner"]
    index.question_bounds = arrays["question_bounds"]
    index.question_terms = lists("question_terms")
    words_counted = _split(arrays, "vocabulary", len(arrays["vocabulary_counts"]))
    index._vocabulary = Counter(dict(zip(words_counted, arrays["vocabulary_counts"].tolist(), strict=True)))
    for name in FIELD_NAMES:
        field = FieldIndex.__new__(FieldIndex)
        settings = meta[name]
        field.size, field.k1, field.b, field.delta = settings["size"], settings["k1"], settings["b"], settings["delta"]
        field_terms = words(f"{name}.terms")
        field._term_ids = {t: i for i, t in enumerate(field_terms)}
        field.idf = dict(zip(field_terms, arrays[f"{name}.idf"].tolist(), strict=False))
        for attribute in ("_indptr", "_doc_ids", "_above", "_floor"):
            array = arrays[f"{name}.{attribute}"]
            array.flags.writeable = False
            setattr(field, attribute, array)
        setattr(index, name, field)
    index.idf = dict(zip(words("idf_terms"), arrays["idf_values"].tolist(), strict=True))
    index.n = meta["n"]
    index.unknown_idf = meta["unknown_idf"]
    index.slot_idf = lru_cache(maxsize=SLOT_IDF_CACHE)(index._slot_idf)
    if len(passages) != index.n or len(index.body_terms) != index.n or len(index.title_terms) != index.n:
        raise CacheMismatch("the index does not cover the passages")
    return index
