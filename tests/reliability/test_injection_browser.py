"""In headless Chromium: markup typed into the chat or shown in the staff console stays text.

For each hostile question the page must show it literally, fire no dialog, log no CSP
violation or page error, and gain no element or inline handler from it, in the chat (also
after a reload restores the conversation) and in the staff console's gaps, feedback and
explain views. Skipped without Chromium, except in CI where that is a failure.
"""

from __future__ import annotations

import pytest

from web.storage import normalize_question

pytestmark = pytest.mark.browser

INJECTIONS = [
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg/onload=alert(1)>',
    "</textarea><script>alert(2)</script><textarea>",
    "**bold** _em_ [click](javascript:alert(3)) <b>b</b>",
    "'; DROP TABLE feedback; --",
    "{{7*7}} {% raw %}{{ 7*7 }}{% endraw %}",
    "${7*7} <%= 7*7 %>",
]
# Anything the injections could have created: inline handlers, javascript: links, script
# elements without src, frames, the image they name, and <b>/<em> (the page itself uses neither).
FIND_INJECTED = """() => {
  const found = [];
  for (const node of document.querySelectorAll('*')) {
    for (const attr of node.attributes) {
      if (attr.name.startsWith('on')) found.push(`${node.tagName} ${attr.name}`);
    }
    const href = (node.getAttribute('href') || '').trim().toLowerCase();
    if (href.startsWith('javascript:')) found.push(`${node.tagName} href=${href}`);
  }
  for (const node of document.querySelectorAll('script:not([src]), iframe, object, embed, img[src="x"], b, em')) {
    found.push(node.outerHTML.slice(0, 80));
  }
  return found;
}"""
TEXTS_OF = "(selector) => [...document.querySelectorAll(selector)].map((n) => n.textContent)"


@pytest.fixture
def page(browser):
    """A fresh page that records dialogs, page errors and CSP violations."""
    context = browser.new_context()
    opened = context.new_page()
    opened.incidents = []
    opened.on("dialog", lambda dialog: (opened.incidents.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    opened.on("pageerror", lambda error: opened.incidents.append(f"page error: {error}"))
    opened.on(
        "console",
        lambda msg: opened.incidents.append(f"console: {msg.text}") if "Content Security Policy" in msg.text else None,
    )
    opened.set_default_timeout(10_000)
    yield opened
    context.close()


@pytest.fixture
def site(make_app, live_app, staff_token) -> str:
    return live_app(make_app(ASSISTANT_STAFF_TOKEN=staff_token))


def ask_in_chat(page, text: str) -> None:
    replies = page.locator("#log .msg-assistant").count()
    page.fill("#question", text)
    page.press("#question", "Enter")
    page.wait_for_function("n => document.querySelectorAll('#log .msg-assistant').length > n", arg=replies)


def assert_inert(page) -> None:
    assert page.evaluate(FIND_INJECTED) == []
    assert page.incidents == []


def test_chat_shows_hostile_questions_as_text(page, site):
    page.goto(site + "/")
    for text in INJECTIONS:
        ask_in_chat(page, text)
    assert page.evaluate(TEXTS_OF, "#log .msg-visitor p") == INJECTIONS
    assert page.evaluate("() => [...document.querySelectorAll('#log .msg-visitor p')].every(p => !p.children.length)")
    assert_inert(page)
    page.reload()  # the conversation comes back from sessionStorage through the same rendering
    page.wait_for_selector("#log .msg-visitor")
    assert page.evaluate(TEXTS_OF, "#log .msg-visitor p") == INJECTIONS
    assert_inert(page)


def test_staff_console_shows_hostile_text_as_text(page, site, staff_token):
    request = page.context.request
    declined = []  # the unanswered questions log only declined ones; one may be taken for small talk
    for text in INJECTIONS:
        reply = request.post(site + "/api/ask", data={"question": text}).json()
        if reply["kind"] == "no_answer":
            declined.append(text)
        request.post(site + "/api/feedback", data={"reply_id": reply["id"], "rating": "down", "comment": text})
    assert len(declined) >= len(INJECTIONS) - 2
    page.goto(site + "/staff")
    page.fill("#token", staff_token)
    page.press("#token", "Enter")
    page.wait_for_selector("#gaps-result .gap-group")
    page.wait_for_selector("#feedback-result table")
    gaps = page.locator("#gaps-result").text_content()  # grouped: a question heads its group or is quoted in it
    assert all(normalize_question(text) in gaps for text in declined)
    feedback_cells = page.evaluate(TEXTS_OF, "#feedback-result td")
    assert all(feedback_cells.count(text) == 2 for text in INJECTIONS)  # comment and question columns
    assert_inert(page)

    for text in INJECTIONS:
        page.evaluate("() => document.getElementById('explain-result').replaceChildren()")
        page.fill("#explain-question", text)
        page.press("#explain-question", "Enter")
        page.wait_for_selector("#explain-result .explain")
        assert text in page.evaluate(TEXTS_OF, "#explain-result dd")  # the query's text, shown as typed
        assert_inert(page)
