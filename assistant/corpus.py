"""Load the Markdown articles of a corpus folder and split them into quotable passages."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import CorpusError
from .importer import slugify
from .models import Article, Passage, Section
from .nltk_parts import PunktSentenceTokenizer

REQUIRED_FIELDS = ("title", "slug")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NUMBERED_TITLE = re.compile(r"^(\d{1,3})[.)]\s+(.+)$")
KEY_POINT_LABELS = {"key point", "key points", "key takeaway", "key takeaways", "takeaway", "summary"}
# Longest passage, in words, before it is split at sentence boundaries (the issue asks for about
# 120: short enough to quote in a chat bubble, long enough to keep a thought whole).
MAX_PASSAGE_WORDS = 120
# Punkt learns abbreviations and sentence starters from word statistics, in Python, at about
# 3.5 s per million characters here. 100,000 characters (some 15,000 words, a dozen long
# articles) is ample for those statistics and bounds training at about 0.4 s; a corpus under
# that size (the bundled one has about 7,000) is learned whole, exactly as before.
PUNKT_SAMPLE_CHARS = 100_000
# Below this many articles per core, parsing them in worker processes is not worth starting them.
PARALLEL_MIN_FILES = 100


@lru_cache(maxsize=1)
def _markdown():
    """The CommonMark parser, imported when an article is first parsed: a start that loads the
    engine cache parses nothing (markdown-it-py's import was 30 ms of it)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


@dataclass
class _Block:
    """A paragraph, bullet or Key Point as parsed, before length splitting."""

    text: str
    kind: str
    label: str
    line: int


@dataclass
class _RawSection:
    title: str
    line: int
    blocks: list[_Block]


def read_front_matter(text: str, path: Path) -> tuple[dict[str, str], str, int]:
    """Front matter fields, the Markdown body, and the body's first line number (1-based)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise CorpusError(f"{path}:1: missing front matter: the file must start with a '---' line")
    fields: dict[str, str] = {}
    for i, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            missing = [f for f in REQUIRED_FIELDS if not fields.get(f)]
            if missing:
                raise CorpusError(f"{path}:1: front matter lacks {', '.join(missing)}")
            if not SLUG.match(fields["slug"]):
                raise CorpusError(f"{path}:1: slug {fields['slug']!r} must be lower-case words joined by '-'")
            return fields, "\n".join(lines[i:]), i + 1
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep or not key.strip().isidentifier():
            raise CorpusError(f"{path}:{i}: front matter line is not 'key: value': {line.strip()!r}")
        fields[key.strip().lower()] = value.strip()
    raise CorpusError(f"{path}:1: front matter is not closed by a '---' line")


def _inline_text(token) -> tuple[str, str]:
    """Plain text of an inline token and the bold lead-in label, if it starts with one."""
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content)]
    parts: list[str] = []
    label = ""
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type in ("text", "code_inline", "html_inline", "image"):
            parts.append(child.content)
        elif child.type == "strong_close" and not label and children[0].type == "strong_open":
            label = "".join(parts).strip().rstrip(":").strip()
    return re.sub(r"\s+", " ", "".join(parts)).strip(), label


def parse_sections(body: str, first_line: int, path: Path) -> list[_RawSection]:
    """Sections of a Markdown body: headings open sections, text before any heading is the opening."""
    sections: list[_RawSection] = []
    in_item = 0
    tokens = _markdown().parse(body)
    for i, tok in enumerate(tokens):
        line = first_line + (tok.map[0] if tok.map else 0)
        if tok.type == "heading_open":
            title, _ = _inline_text(tokens[i + 1])
            if not title:
                raise CorpusError(f"{path}:{line}: empty heading")
            sections.append(_RawSection(title, line, []))
        elif tok.type == "list_item_open":
            in_item += 1
        elif tok.type == "list_item_close":
            in_item -= 1
        elif tok.type == "inline" and tokens[i - 1].type == "paragraph_open":
            text, label = _inline_text(tok)
            if not text:
                continue
            if not sections:
                sections.append(_RawSection("Introduction", line, []))
            kind = "bullet" if in_item else "paragraph"
            if label.casefold() in KEY_POINT_LABELS:
                kind = "key_point"
            sections[-1].blocks.append(_Block(text, kind, label if kind != "paragraph" else "", line))
    return sections


def train_sentence_splitter(texts: list[str], limit: int = PUNKT_SAMPLE_CHARS) -> PunktSentenceTokenizer:
    """Punkt trained on the corpus itself (a bounded sample of it), so no tokenizer data has to be downloaded."""
    return PunktSentenceTokenizer("\n\n".join(training_sample(texts, limit)))


def training_sample(texts: list[str], limit: int = PUNKT_SAMPLE_CHARS) -> list[str]:
    """Every text when they hold at most `limit` characters, else every k-th, spread over the corpus."""
    total = sum(map(len, texts))
    if total <= limit:
        return texts
    return texts[:: -(-total // limit)]


def split_long(text: str, splitter: PunktSentenceTokenizer, limit: int = MAX_PASSAGE_WORDS) -> list[str]:
    """Pieces of at most `limit` words, cut only between sentences (a longer sentence stays whole)."""
    if len(text.split()) <= limit:
        return [text]
    pieces: list[str] = []
    start = end = 0
    count = 0
    for a, b in splitter.span_tokenize(text):
        n = len(text[a:b].split())
        if count and count + n > limit:
            pieces.append(text[start:end])
            start, count = a, 0
        end, count = b, count + n
    pieces.append(text[start:end])
    return pieces


def build_article(fields: dict[str, str], sections: list[_RawSection], splitter, path: Path) -> Article:
    """An Article whose passages carry their article, section and a stable anchor."""
    built: list[Section] = []
    used_anchors: set[str] = set()
    position = block = 0
    for raw in sections:
        number, title = None, raw.title
        if m := NUMBERED_TITLE.match(raw.title):
            number, title = int(m.group(1)), m.group(2)
        anchor = f"s{number}" if number is not None else slugify(title.split(":")[0])
        while anchor in used_anchors:
            anchor += "-x"
        used_anchors.add(anchor)
        passages: list[Passage] = []
        for k, blk in enumerate(raw.blocks, start=1):
            for j, piece in enumerate(split_long(blk.text, splitter), start=1):
                suffix = f"-{j}" if j > 1 else ""
                passages.append(
                    Passage(
                        text=piece,
                        article_slug=fields["slug"],
                        article_title=fields["title"],
                        section_number=number,
                        section_title=title,
                        anchor=f"{anchor}-p{k}{suffix}",
                        position=position,
                        kind=blk.kind,
                        label=blk.label if j == 1 else "",
                        block=block,
                    )
                )
                position += 1
            block += 1
        built.append(Section(number, title, anchor, tuple(passages)))
    if not any(s.passages for s in built):
        raise CorpusError(f"{path}: the article has no text to quote")
    return Article(
        slug=fields["slug"],
        title=fields["title"],
        author=fields.get("author", ""),
        updated=fields.get("updated", ""),
        sections=tuple(built),
        source=str(path),
    )


def read_article_file(path: Path) -> tuple[dict[str, str], list[_RawSection]]:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot read the article: {exc}") from exc
    fields, body, first_line = read_front_matter(text.replace("\r\n", "\n").lstrip("\ufeff"), path)
    return fields, parse_sections(body, first_line, path)


def read_article_files(files: list[Path]) -> list[tuple[dict[str, str], list[_RawSection]]]:
    """read_article_file of each file, in order; many files are parsed by one process per core.

    markdown-it-py is pure Python, about 3 ms per 50-passage article here: 2,000 articles took
    6 s in one process. Forked workers inherit the loaded modules, so they start at once; where
    forking is not possible the files are read here, one by one.
    """
    workers = min(_cores(), len(files) // PARALLEL_MIN_FILES)
    if workers < 2:
        return [read_article_file(path) for path in files]
    import multiprocessing  # imported here: only a large build uses them
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            return list(pool.map(read_article_file, files, chunksize=max(1, len(files) // (4 * workers))))
    except (OSError, ValueError, BrokenProcessPool):
        return [read_article_file(path) for path in files]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Corpus:
    """The articles of a corpus folder and the sentence splitter trained on their text."""

    articles: tuple[Article, ...]
    splitter: PunktSentenceTokenizer

    @property
    def passages(self) -> list[Passage]:
        return [p for a in self.articles for p in a.passages]

    def sentences(self, text: str) -> list[str]:
        """Sentences of a passage, each a verbatim substring of it."""
        return [text[a:b] for a, b in self.splitter.span_tokenize(text)]


def load_corpus(directory: Path) -> Corpus:
    """Every `*.md` article of a folder, sorted by slug; CorpusError names the file at fault."""
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise CorpusError(f"{directory}: is a file, not a folder; --corpus (or ASSISTANT_CORPUS) names the folder")
    if not directory.is_dir():
        raise CorpusError(
            f"{directory}: corpus folder not found (from {Path.cwd()}); "
            "give its path with --corpus DIR or the ASSISTANT_CORPUS environment variable"
        )
    files = sorted(directory.glob("*.md"))
    if not files:
        raise CorpusError(f"{directory}: no articles (*.md files) in the corpus folder")
    parsed = [(path, *article) for path, article in zip(files, read_article_files(files), strict=True)]
    splitter = train_sentence_splitter([b.text for _, _, secs in parsed for s in secs for b in s.blocks])
    articles: dict[str, Article] = {}
    for path, fields, sections in parsed:
        if fields["slug"] in articles:
            other = articles[fields["slug"]].source
            raise CorpusError(f"{path}:1: slug {fields['slug']!r} is already used by {other}")
        articles[fields["slug"]] = build_article(fields, sections, splitter, path)
    return Corpus(tuple(articles[slug] for slug in sorted(articles)), splitter)
