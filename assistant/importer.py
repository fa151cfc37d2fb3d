"""Convert a plain-text article export into the corpus's Markdown format."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from .errors import CorpusError
from .text import normalize

BULLET = re.compile(r"^\s*[•\u2022\u25cf\u25aa*\-–]\s+(.*)$")
NUMBERED_HEADING = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$")
KEY_POINT = re.compile(r"^(Key Points?|Key Takeaways?|Takeaway|Summary):\s*(.+)$", re.IGNORECASE)
LABELLED = re.compile(r"^([^:]{2,80}?):\s+(\S.*)$")
BYLINE = re.compile(
    r"^(?:Written\s+)?by\s+(?P<author>.+?)\s*(?:[»|·•\-–—]+\s*)?(?:(?:Updated|Published|Posted)(?:\s+on)?:?\s*(?P<date>.+))?$",
    re.IGNORECASE,
)
# Publisher furniture that follows an article in web exports. Collected from the footers of
# blog/CMS exports (disclaimers, sponsor blocks, share widgets, comment forms, author boxes).
BOILERPLATE_START = re.compile(
    r"^(disclaimer\b|sponsored\b|advertisement\b|ad partners?\b|copyright\b|©|\(c\)\s*\d{4}|"
    r"all rights reserved|share (this|on)\b|related (posts?|articles?)\b|tags?:|categories?:|"
    r"leave a (reply|comment)|about the author\b|subscribe\b|read more\b)",
    re.IGNORECASE,
)
# A heading is a short line without sentence-final punctuation.
MAX_HEADING_WORDS = 14


@dataclass
class ImportResult:
    """The Markdown text of an imported article and what was dropped from the export."""

    markdown: str
    slug: str
    dropped: list[str] = field(default_factory=list)


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens."""
    text = text.split(":")[0] if len(text) > 60 else text
    words = re.findall(r"[a-z0-9]+", normalize(text).replace("'", ""))  # curly apostrophes are folded first
    return "-".join(words)[:80] or "article"


def parse_date(text: str) -> str:
    """ISO date from "November 05th, 2024" and similar; the original text if it cannot be read."""
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip().rstrip("."))
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y-%m-%d", "%B %d %Y"):
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return cleaned


def escape_markdown(text: str) -> str:
    """Escape what Markdown would otherwise read as markup inside article prose."""
    text = re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)
    return re.sub(r"^(\d+)([.)])(\s)", r"\1\\\2\3", re.sub(r"^([#+\-=>])", r"\\\1", text))


def is_heading(line: str, numbered: bool = False) -> bool:
    """Short line without sentence punctuation; a numbered heading may be a question."""
    if BULLET.match(line) or KEY_POINT.match(line):
        return False
    endings = (".", "!", ",", ";") if numbered else (".", "?", "!", ",", ";")
    return len(line.split()) <= MAX_HEADING_WORDS and not line.rstrip().endswith(endings)


def import_text(text: str, slug: str | None = None) -> ImportResult:
    """Markdown with front matter for a plain-text export: title, byline, opening, sections."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    blocks = [line for line in lines if line]
    if not blocks:
        raise CorpusError("the file is empty: nothing to import")
    title, rest = blocks[0], blocks[1:]
    author, updated = "", ""
    if rest and (m := BYLINE.match(rest[0])):
        author = m.group("author").strip()
        updated = parse_date(m.group("date")) if m.group("date") else ""
        rest = rest[1:]

    body: list[str] = []
    dropped: list[str] = []
    section_seen = False
    for i, line in enumerate(rest):
        if section_seen and BOILERPLATE_START.match(line):
            dropped = rest[i:]
            break
        body.append(_convert(line, first=not body))
        section_seen = section_seen or body[-1].startswith("## ")
    slug = slug or slugify(title)
    front = ["---", f"title: {title}", f"author: {author}", f"updated: {updated}", f"slug: {slug}", "---", "", ""]
    return ImportResult("\n".join(front) + "\n\n".join(body) + "\n", slug, dropped)


def _convert(line: str, first: bool) -> str:
    if (m := NUMBERED_HEADING.match(line)) and is_heading(line, numbered=True):
        return f"## {m.group(1)}. {m.group(2)}"
    if is_heading(line) and len(line.split()) >= 2 and not first:
        return f"## {line}"
    if m := KEY_POINT.match(line):
        return f"**{m.group(1)}:** {escape_markdown(m.group(2))}"
    if m := BULLET.match(line):
        item = m.group(1)
        if lab := LABELLED.match(item):
            return f"- **{escape_markdown(lab.group(1))}:** {escape_markdown(lab.group(2))}"
        return f"- {escape_markdown(item)}"
    prefix = "## Introduction\n\n" if first else ""
    return prefix + escape_markdown(line)
