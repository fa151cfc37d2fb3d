"""The chat, article and staff pages in real headless Chromium, driven by Playwright.

Skipped (with the reason) when Playwright or /usr/bin/chromium is missing, except under CI,
where a missing browser is a failure: CI must run these.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.helpers import ask

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "screenshots"
QUESTION = "How fast does ketamine work?"


def test_typed_question_gets_a_cited_answer(open_page):
    page = open_page()
    reply = ask(page, QUESTION)
    mark = reply.locator("blockquote mark").first
    assert mark.inner_text() in reply.locator("blockquote").first.inner_text()
    link = reply.locator(".citation a").first
    assert link.inner_text().startswith(("§", "Introduction", "Conclusion"))
    assert link.get_attribute("href").startswith("/article/ketamine-neuroplasticity?")
    assert "#" in link.get_attribute("href")
    assert reply.locator(".disclaimer").inner_text()
    chips = reply.locator(".suggestions .chip").all_inner_texts()
    assert chips and QUESTION not in chips
    assert page.evaluate("document.activeElement.id") == "question"
    assert page.locator("#starters").is_hidden()


def test_citation_opens_the_article_at_the_highlighted_passage(open_page):
    page = open_page()
    link = ask(page, QUESTION).locator(".citation a").first
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(f"**/article/ketamine-neuroplasticity?*#{anchor}")
    target = page.locator(f"[id='{anchor}']")
    assert target.evaluate("el => el.matches(':target')")
    assert target.evaluate("el => getComputedStyle(el).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert target.is_visible()


def test_starter_chip_asks_its_question(open_page):
    page = open_page()
    chip = page.locator("#starters .chip").first
    text = chip.inner_text()
    chip.click()
    page.locator(".msg-assistant").first.wait_for()
    assert page.locator(".msg-visitor p").first.inner_text() == text


def test_crisis_reply_is_focused_with_988_and_911(open_page):
    page = open_page()
    reply = ask(page, "I want to kill myself")
    assert "kind-crisis" in reply.get_attribute("class")
    assert reply.evaluate("el => el === document.activeElement")
    text = reply.inner_text()
    assert "988" in text and "911" in text
    assert "988" in page.locator(".crisis-footer").inner_text()


def test_concern_reply_shows_the_lines_above_the_quote(open_page):
    page = open_page()
    reply = ask(page, "how fast does ketamine work for someone with dark thoughts?")
    assert "kind-answer" in reply.get_attribute("class")
    order = reply.evaluate("el => [...el.querySelectorAll('.help, .msg-text, .quote')].map(n => n.classList[0])")
    assert order[:3] == ["help", "msg-text", "quote"]
    assert reply.locator(".help-lead").is_visible()
    assert reply.locator(".help-button", has_text="Call 988").is_visible()


def test_feedback_is_sent_and_stored(open_page, server):
    page = open_page()
    reply = ask(page, QUESTION)
    reply.get_by_role("button", name="Not helpful").click()
    reply.get_by_text("Thanks, saved as not helpful.").wait_for()
    reply.get_by_label("Anything to add? (optional)").fill("Please say more about side effects")
    reply.get_by_role("button", name="Send comment").click()
    reply.get_by_text("Comment sent. Thank you.").wait_for()
    with sqlite3.connect(server["db"]) as conn:
        rows = conn.execute("SELECT rating, comment, question, kind FROM feedback").fetchall()
    assert ("down", "Please say more about side effects", QUESTION, "answer") in rows


def test_markup_in_a_question_is_shown_as_text_and_never_runs(open_page):
    page = open_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    payload = "<img src=x onerror=alert(1)>"
    ask(page, payload)
    assert page.locator(".msg-visitor p").last.inner_text() == payload
    assert page.locator("#log img").count() == 0
    page.wait_for_timeout(200)
    assert dialogs == []


def test_errors_appear_in_the_conversation(open_page):
    page = open_page()
    page.route(
        "**/api/ask", lambda route: route.fulfill(status=429, headers={"Retry-After": "7"}, json={"error": "slow down"})
    )
    page.fill("#question", QUESTION)
    page.press("#question", "Enter")
    assert "try again in 7 seconds" in page.locator(".msg-error").last.inner_text()
    page.unroute("**/api/ask")
    page.route("**/api/ask", lambda route: route.abort())
    page.fill("#question", QUESTION)
    page.press("#question", "Enter")
    page.get_by_text("couldn't reach the assistant").wait_for()
    assert page.locator("#status").inner_text() == ""
    assert page.evaluate("document.activeElement.id") == "question"


def test_narrow_screen_has_no_horizontal_scroll(open_page):
    page = open_page(width=360)
    ask(page, QUESTION)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.goto(page.url.split("/", 3)[0] + "//" + page.url.split("/", 3)[2] + "/article/ketamine-neuroplasticity")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_conversation_survives_reload_and_new_conversation_clears_it(open_page):
    page = open_page()
    ask(page, QUESTION)
    page.reload()
    assert page.locator(".msg-visitor p").first.inner_text() == QUESTION
    assert page.locator(".msg-assistant blockquote").count() > 0
    page.get_by_role("button", name="New conversation").click()
    assert page.locator("#log > *").count() == 0
    assert page.locator("#starters").is_visible()
    assert page.evaluate("document.activeElement.id") == "question"
    page.reload()
    assert page.locator("#log > *").count() == 0


def test_follow_up_sends_earlier_questions_as_history(open_page):
    page = open_page()
    ask(page, QUESTION)
    with page.expect_request("**/api/ask") as request:
        ask(page, "and how long does it last?")
    assert request.value.post_data_json == {"question": "and how long does it last?", "history": [QUESTION]}


def test_keyboard_focus_is_visible(open_page):
    page = open_page()
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.locator("#starters .chip").first.focus()
    page.keyboard.press("Tab")
    style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert style != "none"


EVAL_WAIT_MS = 180_000


def test_staff_console_signs_in_and_explains(open_page, server):
    page = open_page("/staff")
    page.get_by_label("Staff token").fill(server["token"])
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Question to explain").fill("and how long does it last?")
    page.get_by_label("Earlier questions in the conversation (optional, one per line)").fill(QUESTION)
    page.get_by_role("button", name="Explain").click()
    rows = page.locator("#explain-result tbody tr")
    rows.first.wait_for()
    assert rows.count() > 1
    assert float(rows.first.locator("td").nth(1).inner_text()) > 0
    # The reply as the visitor saw it: the quote with its highlighted sentence, and the history used.
    assert page.locator("#explain-result .visitor-view blockquote mark").count() > 0
    assert QUESTION in page.locator("#explain-result .facts").inner_text()
    # A story around the question: the words of the sentence that asks are shown apart.
    page.get_by_label("Earlier questions in the conversation (optional, one per line)").fill("")
    page.get_by_label("Question to explain").fill("does it help ptsd? asking for my brother hes a vet")
    page.get_by_role("button", name="Explain").click()
    page.locator("#explain-result .facts").get_by_text("help, ptsd", exact=True).wait_for()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "staff-explain-1280-light.png"), full_page=True)
    page.get_by_role("button", name="Run the evaluation").click()
    # The whole bundled set (over 12,000 questions, each writer left out) takes half a minute or
    # more on a busy 2-core machine: a bounded wait, not a timing.
    page.locator("#eval-result table").first.wait_for(timeout=EVAL_WAIT_MS)
    assert "First run" in page.locator("#eval-result").inner_text()
    assert "shown the crisis lines beside the reply" in page.locator("#eval-result").inner_text()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "staff-eval-1280-light.png"), full_page=True)
    results = page.locator("#eval-result .scroll-table tbody tr")
    assert results.count() == page.locator("#eval-result .scroll-table .fail").count()  # failures only, by default
    page.get_by_label("Failures only").uncheck()
    cells = page.locator("#eval-result .scroll-table tbody tr td:nth-child(4)").all_inner_texts()
    assert cells == sorted(cells, key=lambda text: "pass" in text)  # failures first
    page.get_by_role("button", name="Run the evaluation").click()
    page.get_by_text("Changed since the run of").wait_for(timeout=EVAL_WAIT_MS)


def test_staff_console_rejects_a_wrong_token(open_page):
    page = open_page("/staff")
    page.get_by_label("Staff token").fill("not-the-token-at-all")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text("That token was not accepted.").wait_for()
    assert page.locator("#console").is_hidden()
    assert page.evaluate("sessionStorage.length") == 0


# WCAG 2.x contrast ratio of each element's text against the first opaque background behind it.
CONTRAST_JS = """
(selectors) => {
  const parse = (c) => {
    const [r, g, b, a = 1] = c.match(/[\\d.]+/g).map(Number);
    return { r, g, b, a };
  };
  const channel = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const background = (node) => {
    for (; node; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c.a > 0) return c;
    }
    return { r: 255, g: 255, b: 255 };
  };
  return Object.fromEntries(selectors.map((s) => {
    const node = document.querySelector(s);
    if (!node) return [s, null];
    const [l1, l2] = [luminance(parse(getComputedStyle(node).color)), luminance(background(node))];
    return [s, (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)];
  }));
}
"""
TEXT_SELECTORS = [
    "body",
    ".note",
    ".site-header a",
    ".msg-visitor p",
    ".msg-text",
    ".quote blockquote p",
    "mark",
    ".citation",
    ".citation a",
    ".disclaimer",
    ".suggestions-heading",
    ".suggestions .chip",
    ".feedback-prompt",
    "button.primary",
    ".link-button",
    ".kind-crisis .msg-text",
    ".help-lead",
    ".help-button",
    ".help-site",
    ".help-note",
    ".privacy-note",
    ".crisis-footer p",
    ".crisis-footer a",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 360])
def test_screenshots(open_page, width, scheme):
    SHOTS.mkdir(exist_ok=True)
    page = open_page(width=width, scheme=scheme)
    page.screenshot(path=str(SHOTS / f"chat-empty-{width}-{scheme}.png"), full_page=True)
    ask(page, QUESTION)
    ask(page, "how fast does ketamine work for someone with dark thoughts?")  # concern: the lines above the answer
    ask(page, "I want to end my life")
    page.screenshot(path=str(SHOTS / f"chat-{width}-{scheme}.png"), full_page=True)
    ratios = page.evaluate(CONTRAST_JS, TEXT_SELECTORS)
    low = {selector: ratio for selector, ratio in ratios.items() if ratio is None or not ratio >= 4.5}
    assert not low, f"text below WCAG AA contrast (4.5:1) in {scheme}: {low}"
    page.locator(".citation a").first.click()
    page.wait_for_load_state()
    page.screenshot(path=str(SHOTS / f"article-{width}-{scheme}.png"))
