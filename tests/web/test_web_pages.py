"""HTML pages: the chat shell, articles with an id on every passage, the index and the 404 page."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask import render_template

from assistant.models import Article, Passage, Section
from web.pages import format_date, group_passages, split_label

WEB = Path(__file__).resolve().parents[2] / "web"
SLUG = "ketamine-neuroplasticity"


class Elements(HTMLParser):
    """Every start tag as (tag, attributes), for checks on ids, roles and inline code."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def ids(self) -> list[str]:
        return [attrs["id"] for _, attrs in self.tags if attrs.get("id")]

    def find(self, **wanted) -> list[tuple[str, dict]]:
        return [(t, a) for t, a in self.tags if all(a.get(k) == v for k, v in wanted.items())]


def test_chat_page_has_accessible_conversation_and_form(client, assistant):
    html = client.get("/").get_data(as_text=True)
    page = Elements(html)
    assert page.find(id="log", role="log", **{"aria-live": "polite"})
    assert page.find(id="question") and page.find(**{"for": "question"})
    assert [a["data-question"] for _, a in page.find(**{"class": "chip"})] == assistant.starters
    assert "not medical advice" in html
    assert 'href="tel:988"' in html and 'href="tel:911"' in html and "Suicide &amp; Crisis Lifeline" in html


def test_article_page_puts_an_id_on_every_passage_and_section(client, assistant):
    response = client.get(f"/article/{SLUG}")
    assert response.status_code == 200
    ids = Elements(response.get_data(as_text=True)).ids()
    article = assistant.article(SLUG)
    expected = [s.anchor for s in article.sections] + [p.anchor for p in article.passages]
    assert set(expected) <= set(ids)
    assert len(ids) == len(set(ids)), "ids must be unique"


def test_article_page_shows_title_byline_bullets_and_callouts(client, assistant):
    html = client.get(f"/article/{SLUG}").get_data(as_text=True)
    article = assistant.article(SLUG)
    assert f"<h1>{article.title}</h1>" in html
    assert article.author in html and f'datetime="{article.updated}"' in html
    bullet = next(p for p in article.passages if p.kind == "bullet")
    assert re.search(
        rf'<li id="{bullet.anchor}" class="passage[^"]*"><strong>{re.escape(bullet.label)}:?</strong>', html
    )
    assert html.count(bullet.label) == 1, "the label is shown once, in bold"
    key_point = next(p for p in article.passages if p.kind == "key_point")
    assert re.search(rf'<p id="{key_point.anchor}" class="passage callout">', html)
    for section in article.sections:
        assert f'<h2 id="{section.anchor}">' in html


def test_article_index_links_every_article(client, assistant):
    html = client.get("/article/").get_data(as_text=True)
    for article in assistant.articles:
        assert f'href="/article/{article.slug}"' in html
    assert client.get("/article").status_code in (301, 308)


@pytest.mark.parametrize("path", ["/article/no-such-article", "/nothing", "/article/%3Cscript%3E"])
def test_unknown_pages_get_a_friendly_html_404(shared_app, path):
    response = shared_app().test_client().get(path)
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "couldn’t find that page" in response.get_data(as_text=True)
    assert b"<script>" not in response.data


def _passage(anchor: str, block: int, kind: str = "paragraph", label: str = "") -> Passage:
    return Passage(f"Text of {anchor}.", "demo", "Demo", 1, "One", anchor, 0, kind, label, block)


def test_split_paragraph_renders_as_spans_in_one_paragraph(app):
    passages = (
        _passage("s1-p1", 0),
        _passage("s1-p1-2", 0),
        _passage("s1-p2", 1, "bullet", "First"),
        _passage("s1-p3", 2, "bullet", "Second"),
        _passage("s1-p4", 3, "key_point", "Key Point"),
    )
    section = Section(1, "One", "s1", passages)
    groups = group_passages(section)
    assert [(g.kind, [len(b) for b in g.blocks]) for g in groups] == [
        ("paragraph", [2]),
        ("bullet", [1, 1]),
        ("key_point", [1]),
    ]
    article = Article("demo", "Demo", "A. Writer", "2024-11-05", (section,))
    with app.test_request_context():
        html = render_template("article.html", article=article, sections=[(section, groups)])
    assert (
        '<p class=""><span id="s1-p1" class="passage">Text of s1-p1.</span> <span id="s1-p1-2" class="passage">' in html
    )
    assert html.count("<ul>") == 1 and html.count("<li ") == 2


@pytest.mark.parametrize(
    ("text", "label", "split"),
    [
        ("Key Point: Brains adapt.", "Key Point", ("Key Point:", " Brains adapt.")),
        ("Brains adapt.", "Key Point", ("Key Point:", " Brains adapt.")),
        ("Plain paragraph.", "", ("", "Plain paragraph.")),
    ],
)
def test_split_label_bolds_the_lead_in_once(text, label, split):
    assert split_label(Passage(text, "d", "D", 1, "One", "a", 0, "key_point", label, 0)) == split


@pytest.mark.parametrize(("iso", "shown"), [("2024-11-05", "November 5, 2024"), ("soon", "soon")])
def test_format_date(iso, shown):
    assert format_date(iso) == shown


def _shipped_files() -> list[Path]:
    return [p for p in WEB.rglob("*") if p.suffix in {".html", ".js", ".css"}]


@pytest.mark.parametrize("path", _shipped_files(), ids=lambda p: p.name)
def test_shipped_files_load_nothing_from_elsewhere_and_run_no_inline_code(path):
    text = path.read_text("utf-8")
    assert not re.search(r"""(src|href|url)\s*[=(]\s*["']?(https?:)?//""", text), "everything must come from web/static"
    assert not re.search(
        r"\.(innerHTML|outerHTML)\b|insertAdjacentHTML\(|document\.write|\beval\(|new Function\(", text
    )
    if path.suffix == ".html":
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "no inline script"
        assert not re.search(r"""\sstyle=|<style|\son[a-z]+=""", text), "no inline style or handlers"
