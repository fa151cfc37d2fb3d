// Builds the DOM of each message in the conversation. Visitor and corpus text go in as text
// nodes only; the highlight is found in the quote and wrapped in <mark> by splitting the text.
import { el } from "./dom.js";

/** "§4 Long-Term Benefits…", or the bare title ("Introduction") for unnumbered sections. */
export function sectionLabel(citation) {
  const number = citation.section_number;
  return number === null || number === undefined ? citation.section_title : `§${number} ${citation.section_title}`;
}

/** The quote's text as nodes, with its highlight sentence in a <mark>. */
export function highlighted(text, highlight) {
  const at = highlight ? text.indexOf(highlight) : -1;
  if (at < 0) return [text];
  return [text.slice(0, at), el("mark", { text: highlight }), text.slice(at + highlight.length)];
}

export function renderVisitor(text) {
  return el("div", { class: "msg msg-visitor" }, [
    el("span", { class: "visually-hidden", text: "You asked: " }),
    el("p", { text }),
  ]);
}

export function renderError(text) {
  return el("div", { class: "msg msg-error" }, [el("p", { text })]);
}

export function renderBusy() {
  return el("div", { class: "msg msg-busy", id: "busy" }, [
    el("span", { class: "dots", "aria-hidden": "true" }),
    el("span", { text: "Looking through the articles…" }),
  ]);
}

function renderQuote(quote) {
  const citation = quote.citation;
  return el("figure", { class: "quote" }, [
    el("blockquote", { cite: citation.url }, [el("p", {}, highlighted(quote.text, quote.highlight))]),
    el("figcaption", { class: "citation" }, [
      "From ",
      el("a", { href: citation.url, text: sectionLabel(citation) }),
      " in ",
      el("cite", { text: citation.article }),
    ]),
  ]);
}

// Shown on every crisis reply whatever the engine's wording, so help is never one step away.
function renderCrisisResources() {
  return el("ul", { class: "crisis-resources" }, [
    el("li", {}, ["Call or text ", el("a", { href: "tel:988", text: "988" }), " — 988 Suicide & Crisis Lifeline"]),
    el("li", {}, ["In immediate danger: call ", el("a", { href: "tel:911", text: "911" })]),
  ]);
}

function renderChips(questions, onAsk) {
  return el(
    "ul",
    { class: "chips" },
    questions.map((question) =>
      el("li", {}, [el("button", { type: "button", class: "chip", text: question, onclick: () => onAsk(question) })]),
    ),
  );
}

/** An assistant reply: message, quotes, disclaimer, follow-ups and (for answers) feedback. */
export function renderReply(entry, { onAsk, feedbackWidget }) {
  const reply = entry.reply;
  const crisis = reply.kind === "crisis";
  return el("div", { class: `msg msg-assistant kind-${reply.kind}`, role: crisis ? "alert" : null }, [
    el("span", { class: "visually-hidden", text: "Assistant: " }),
    el("p", { class: "msg-text", text: reply.message }),
    crisis && renderCrisisResources(),
    ...(reply.quotes || []).map(renderQuote),
    reply.disclaimer && el("p", { class: "disclaimer", text: reply.disclaimer }),
    reply.suggestions?.length > 0 &&
      el("div", { class: "suggestions" }, [
        el("p", { class: "suggestions-heading", text: "You could also ask" }),
        renderChips(reply.suggestions, onAsk),
      ]),
    ["answer", "no_answer"].includes(reply.kind) && feedbackWidget(entry),
  ]);
}
