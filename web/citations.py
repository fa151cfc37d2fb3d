"""Citation links: the engine names a passage by article slug and anchor; the web layer makes the URL."""

from __future__ import annotations

from typing import Any

from flask import url_for


def article_url(slug: str, anchor: str) -> str:
    """The page of an article, scrolled to one passage (needs a request or app context)."""
    return url_for("pages.article", slug=slug, _anchor=anchor)


def with_urls(data: Any) -> Any:
    """A copy of engine JSON with "url" after "anchor" in every passage and citation object."""
    if isinstance(data, list):
        return [with_urls(item) for item in data]
    if not isinstance(data, dict):
        return data
    out: dict[str, Any] = {}
    for key, value in data.items():
        out[key] = with_urls(value)
        if key == "anchor" and "article_slug" in data:
            out["url"] = article_url(data["article_slug"], value)
    return out
