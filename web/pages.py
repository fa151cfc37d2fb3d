"""HTML pages: the chat, the article index and each article with an anchor on every passage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import groupby
from operator import attrgetter

from flask import Blueprint, abort, current_app, render_template, request

from assistant.models import Passage, Section

bp = Blueprint("pages", __name__)


@dataclass
class PassageGroup:
    """Neighbouring blocks rendered in one element: a paragraph, a Key Point, or a list of bullets.

    Each block holds the passages of one source paragraph or bullet; a long one was split into
    parts that share a block number, and the page shows them together as spans.
    """

    kind: str  # the passages' kind: "paragraph" | "bullet" | "key_point"
    blocks: list[tuple[Passage, ...]]


def group_passages(section: Section) -> list[PassageGroup]:
    """Blocks of a section in order, with neighbouring bullets joined into one list."""
    groups: list[PassageGroup] = []
    for _, parts in groupby(section.passages, key=attrgetter("block")):
        block = tuple(parts)
        kind = block[0].kind
        if kind == "bullet" and groups and groups[-1].kind == "bullet":
            groups[-1].blocks.append(block)
        else:
            groups.append(PassageGroup(kind, [block]))
    return groups


@bp.app_template_global()
def split_label(passage: Passage) -> tuple[str, str]:
    """The bold lead-in of a bullet or Key Point ("Key Point:") and the rest of its text."""
    label, text = passage.label, passage.text
    if not label:
        return "", text
    if text.startswith(label):
        cut = len(label) + text.startswith(":", len(label))
        return text[:cut], text[cut:]
    return f"{label}:", f" {text}"


@bp.app_template_global()
def format_date(iso: str) -> str:
    """ "2024-11-05" as "November 5, 2024"; anything unparsable is shown as written."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day:%B} {day.day}, {day.year}"


@bp.get("/")
def chat():
    """The chat page; starter questions are rendered here so no extra request is needed."""
    assistant = current_app.extensions["assistant"]
    return render_template(
        "chat.html",
        starters=assistant.starters,
        article_count=len(assistant.articles),
        embedded=request.args.get("embed") == "1",  # inside the embed launcher's panel: no site header
    )


@bp.get("/embed.js")
def embed_script():
    """The launcher script a clinic adds to its own site (see web/README.md)."""
    return current_app.send_static_file("embed.js")


@bp.get("/article/")
def article_index():
    """Every article of the corpus, by title."""
    articles = sorted(current_app.extensions["assistant"].articles, key=lambda a: a.title.casefold())
    return render_template("articles.html", articles=articles)


@bp.get("/article/<slug>")
def article(slug: str):
    """One article; citation links land on the passage whose id is in the URL fragment."""
    found = current_app.extensions["assistant"].article(slug)
    if found is None:
        abort(404)
    sections = [(section, group_passages(section)) for section in found.sections]
    return render_template("article.html", article=found, sections=sections)
