// Builds the DOM of each message in the conversation. Visitor and corpus text go in as text
// nodes only; the highlight is found in the quote and wrapped in <mark> by splitting the text.
import { el } from "./dom.js";

// The disclaimer stands in full at the top of the conversation; under answers it is one line.
const SHORT_DISCLAIMER = "Quoted from our articles; not medical advice.";

// Shown with every crisis reply that carries no resources of its own, so help is never one step away.
export const CRISIS_RESOURCES = [
  {
    name: "988 Suicide & Crisis Lifeline",
    call: "988",
    text: "988",
    url: "https://988lifeline.org",
    note: "Free and confidential, any time of day or night.",
  },
  { name: "Emergency services", call: "911", note: "If you or someone else is in immediate danger." },
];

/** "§4 Long-Term Benefits…", or the bare title ("Introduction") for unnumbered sections. */
export function sectionLabel(citation) {
  const number = citation.section_number;
  return number === null || number === undefined ? citation.section_title : `§${number} ${citation.section_title}`;
}

/** The quote's text as nodes, its highlight in a <mark> that screen readers announce too. */
export function highlighted(text, highlight) {
  const at = highlight ? text.indexOf(highlight) : -1;
  if (at < 0) return [text];
  return [
    text.slice(0, at),
    el("mark", {}, [
      el("span", { class: "visually-hidden", text: "Highlighted: " }),
      highlight,
      el("span", { class: "visually-hidden", text: " (end of highlight)" }),
    ]),
    text.slice(at + highlight.length),
  ];
}

/** Where a citation lands: the article at the passage, told which sentence to mark. */
export function citationHref(quote) {
  const url = new URL(quote.citation.url, window.location.href);
  if (quote.highlight) url.searchParams.set("hl", quote.highlight);
  url.searchParams.set("from", "chat");
  return url.pathname + url.search + url.hash;
}

export function renderVisitor(text, { failed = false } = {}) {
  return el("div", { class: `msg msg-visitor${failed ? " msg-unsent" : ""}` }, [
    el("span", { class: "visually-hidden", text: "You asked: " }),
    el("p", { text }),
  ]);
}

/** A failed send: what went wrong, and a Retry that sends the same text again. */
export function renderError(text, onRetry) {
  return el("div", { class: "msg msg-error", role: "alert" }, [
    el("p", { text }),
    onRetry && el("button", { type: "button", class: "retry", text: "Retry", onclick: onRetry }),
  ]);
}

// Passages longer than this open at the highlighted sentence, with a little context after it.
const SHORT_QUOTE = 320;
const CONTEXT_AFTER = 140;

/** The highlighted sentence with "…" around it, for a long passage. */
function shortQuote(text, highlight) {
  const at = highlight ? text.indexOf(highlight) : -1;
  if (at < 0) return null;
  const end = at + highlight.length;
  let after = text.slice(end, end + CONTEXT_AFTER);
  if (end + CONTEXT_AFTER < text.length) after = `${after.slice(0, after.lastIndexOf(" "))} …`;
  return [at > 0 ? "… " : "", ...highlighted(highlight, highlight), after];
}

function renderQuote(quote, { showArticle }) {
  const citation = quote.citation;
  const short = quote.text.length > SHORT_QUOTE ? shortQuote(quote.text, quote.highlight) : null;
  const link = el("a", {
    href: citationHref(quote),
    "data-print-url": new URL(citation.url, window.location.href).href,
    title: citation.article,
    text: sectionLabel(citation),
  });
  const figure = el("figure", { class: short ? "quote collapsed" : "quote" }, [
    el("blockquote", { cite: citation.url }, [
      short && el("p", { class: "quote-short" }, short),
      el("p", { class: "quote-full" }, highlighted(quote.text, quote.highlight)),
    ]),
    short &&
      el("button", {
        type: "button",
        class: "link-button expand",
        text: "Show the whole passage",
        onclick: () => figure.classList.remove("collapsed"),
      }),
    el("figcaption", { class: "citation" }, [
      "From ",
      link,
      showArticle && " in ",
      showArticle && el("cite", { text: citation.article }),
    ]),
  ]);
  return figure;
}

/** One help line as large call / text buttons, with its site and a short note. */
function renderResource(resource) {
  const actions = [];
  if (resource.call) {
    actions.push(el("a", { class: "help-button", href: `tel:${resource.call.replace(/[^0-9+]/g, "")}`, text: `Call ${resource.call}` }));
  }
  if (resource.text) {
    actions.push(el("a", { class: "help-button", href: `sms:${resource.text.replace(/[^0-9+]/g, "")}`, text: `Text ${resource.text}` }));
  }
  let site = null;
  if (resource.url && /^https:\/\//.test(resource.url)) {
    site = el("a", { class: "help-site", href: resource.url, text: resource.url.replace(/^https:\/\//, "").replace(/\/$/, "") });
  }
  return el("li", { class: "help-line" }, [
    el("p", { class: "help-name", text: resource.name }),
    actions.length > 0 && el("p", { class: "help-actions" }, actions),
    site && el("p", { class: "help-more" }, ["Or chat online at ", site]),
    resource.note && el("p", { class: "help-note", text: resource.note }),
  ]);
}

export function renderResources(resources, label, lead = "") {
  return el("section", { class: "help", "aria-label": label }, [
    lead && el("p", { class: "help-lead", text: lead }),
    el("ul", { class: "help-lines" }, resources.map(renderResource)),
  ]);
}

// Beside a normal reply (the concern level) the lines come first, with a word on why they are there.
const CONCERN_LEAD = "If you are struggling or thinking about suicide, you can talk to someone now:";

/** The clinic's phone and contact page, offered when the articles have no answer. */
function renderContact(contact, contactLabel) {
  const name = contact.name || "the clinic";
  const items = [];
  if (contact.phone) {
    const tel = `tel:${contact.phone.replace(/[^0-9+]/g, "")}`;
    items.push(el("a", { class: "contact-button", href: tel, text: `Call ${name} at ${contact.phone}` }));
  }
  if (contact.url) items.push(el("a", { class: "contact-button", href: contact.url, text: contactLabel || `Contact ${name}` }));
  return el("div", { class: "contact" }, [
    el("p", { class: "contact-lead", text: "Our team can answer this for you:" }),
    el("p", { class: "contact-actions" }, items),
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

const normal = (text) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/**
 * An assistant reply: message, help lines, quotes (extra ones folded away), a short disclaimer,
 * follow-ups not yet asked, and (for answers) feedback.
 * options: onAsk(question), feedbackWidget(entry), asked (questions of the conversation), showArticle,
 * contactLabel ("Book a consultation" when the clinic set a booking page).
 */
export function renderReply(entry, { onAsk, feedbackWidget, asked = [], showArticle = false, contactLabel = "" }) {
  const reply = entry.reply;
  const crisis = reply.kind === "crisis";
  const resources = reply.resources?.length ? reply.resources : crisis ? CRISIS_RESOURCES : null;
  const [first, ...more] = reply.quotes || [];
  const seen = new Set(asked.map(normal));
  const suggestions = (reply.suggestions || []).filter((q) => !seen.has(normal(q)));
  return el("div", { class: `msg msg-assistant kind-${reply.kind}`, tabindex: "-1" }, [
    el("span", { class: "visually-hidden", text: "Assistant: " }),
    resources && !crisis && renderResources(resources, "If you need help now", CONCERN_LEAD),
    el("p", { class: "msg-text", text: reply.message }),
    resources && crisis && renderResources(resources, "Help right now"),
    first && renderQuote(first, { showArticle }),
    more.length > 0 &&
      el("details", { class: "more-quotes" }, [
        el("summary", { text: `More from the article (${more.length})` }),
        ...more.map((quote) => renderQuote(quote, { showArticle })),
      ]),
    reply.kind === "no_answer" && reply.contact && renderContact(reply.contact, contactLabel),
    reply.disclaimer && el("p", { class: "disclaimer", text: SHORT_DISCLAIMER }),
    suggestions.length > 0 &&
      el("div", { class: "suggestions" }, [
        el("span", { class: "suggestions-heading", text: "Related:" }),
        renderChips(suggestions, onAsk),
      ]),
    ["answer", "no_answer"].includes(reply.kind) && feedbackWidget(entry),
  ]);
}
