"""The shapes that cross module boundaries: passages of an article, and replies to visitors."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

REPLY_KINDS = ("answer", "no_answer", "crisis", "chitchat")


@dataclass(frozen=True)
class Passage:
    """One quotable piece of an article: a paragraph (or part of one), a bullet or a Key Point."""

    text: str
    article_slug: str
    article_title: str
    section_number: int | None
    section_title: str
    anchor: str
    position: int  # order of the passage within its article, from 0
    kind: str = "paragraph"  # "paragraph" | "bullet" | "key_point"
    label: str = ""  # bold lead-in of a bullet or Key Point ("Key Point", "Rapid release of glutamate")
    block: int = 0  # paragraphs split for length keep one block number, so pages render them together

    @property
    def id(self) -> str:
        return f"{self.article_slug}#{self.anchor}"

    @property
    def section_label(self) -> str:
        """How a citation names the section: "§4 Long-Term Benefits…" or "Introduction"."""
        if self.section_number is None:
            return self.section_title
        return f"§{self.section_number} {self.section_title}"

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "text": self.text,
            "article": self.article_title,
            "article_slug": self.article_slug,
            "section_number": self.section_number,
            "section_title": self.section_title,
            "anchor": self.anchor,  # the web layer adds the page "url" built from slug and anchor
            "position": self.position,
            "kind": self.kind,
            "label": self.label,
        }


@dataclass(frozen=True)
class Section:
    """A titled part of an article, holding its passages in order."""

    number: int | None
    title: str
    anchor: str
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class Article:
    """An article of the corpus, with its metadata from the front matter."""

    slug: str
    title: str
    author: str
    updated: str  # ISO date, "2024-11-05"
    sections: tuple[Section, ...]
    source: str = ""  # file the article was loaded from

    @property
    def passages(self) -> list[Passage]:
        return [p for s in self.sections for p in s.passages]


@dataclass(frozen=True)
class Quote:
    """A passage quoted verbatim in a reply, with the sentence that best matches the question."""

    passage: Passage
    highlight: str  # a sentence of passage.text, verbatim

    def to_dict(self) -> dict:
        p = self.passage
        return {
            "text": p.text,
            "highlight": self.highlight,
            "citation": {
                "article": p.article_title,
                "article_slug": p.article_slug,
                "section_number": p.section_number,
                "section_title": p.section_title,
                "anchor": p.anchor,
            },
        }


@dataclass(frozen=True)
class Resource:
    """A crisis line the page turns into call and text buttons: a phone number, an SMS number, a website."""

    name: str
    note: str
    call: str = ""  # digits to dial ("988", "1-800-222-1222")
    text: str = ""  # number to text, when the line takes texts
    url: str = ""

    def to_dict(self) -> dict:
        return {"name": self.name, "note": self.note, "call": self.call, "text": self.text, "url": self.url}


@dataclass(frozen=True)
class Reply:
    """What the assistant says to one message."""

    kind: str
    message: str
    quotes: tuple[Quote, ...] = ()
    disclaimer: str = ""
    suggestions: tuple[str, ...] = ()
    # Crisis lines shown with the reply: on every crisis reply, and beside a normal reply when the
    # message touches on suicide, self-harm or distress (the "concern" level of assistant/safety.py).
    resources: tuple[Resource, ...] = ()
    id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def __post_init__(self) -> None:
        if self.kind not in REPLY_KINDS:
            raise ValueError(f"kind must be one of {REPLY_KINDS}, got {self.kind!r}")

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "message": self.message,
            "quotes": [q.to_dict() for q in self.quotes],
            "disclaimer": self.disclaimer,
            "suggestions": list(self.suggestions),
            "resources": [r.to_dict() for r in self.resources],
        }
