// The chat page: sends questions to /api/ask, renders the conversation, keeps it for the tab.
import { el, request } from "./dom.js";
import { feedbackWidget } from "./feedback.js";
import { renderError, renderReply, renderVisitor } from "./render.js";
import { clearConversation, loadConversation, saveConversation } from "./store.js";

// The API accepts up to 10; three earlier questions are enough to resolve "it" and "that".
const HISTORY_SIZE = 3;
const MAX_QUESTION = 500;
// The character count appears from here on, so a long question is never cut off silently.
const COUNT_FROM = 400;
const RETURN_KEY = "clinic-faq:return-scroll";

const log = document.getElementById("log");
const logEnd = document.getElementById("log-end");
const form = document.getElementById("ask-form");
const input = document.getElementById("question");
const sendButton = document.getElementById("send");
const status = document.getElementById("status");
const charCount = document.getElementById("char-count");
const jump = document.getElementById("jump");
const starters = document.getElementById("starters");
const newButton = document.getElementById("new-conversation");
const showArticle = Number(log.dataset.articles) > 1;
const contactLabel = log.dataset.contactLabel;
let messages = loadConversation();
let busy = false;

const askedQuestions = () => messages.filter((m) => m.role === "visitor").map((m) => m.text);

function renderEntry(entry) {
  if (entry.role === "visitor") return renderVisitor(entry.text);
  return renderReply(entry, {
    onAsk: ask,
    asked: askedQuestions(),
    showArticle,
    contactLabel,
    feedbackWidget: (e) =>
      feedbackWidget(e, (rating) => {
        e.rating = rating;
        saveConversation(messages);
      }),
  });
}

// Starter chips belong to an empty conversation; "New conversation" to one that has begun.
function showEmptyState(empty) {
  starters.hidden = !empty;
  newButton.hidden = empty;
}

function renderAll() {
  log.replaceChildren(...messages.map(renderEntry));
  showEmptyState(messages.length === 0);
}

function errorText(error) {
  if (error.status === 0) return "We couldn't reach the assistant. Check your connection and try again.";
  if (error.status === 429) {
    const wait = error.retryAfter ? ` in ${error.retryAfter} seconds` : " in a moment";
    return `You're asking faster than we can answer. Please try again${wait}.`;
  }
  if (error.status === 413) return "That question is too long. Please shorten it and try again.";
  if (error.status >= 400 && error.status < 500) return `That question couldn't be sent: ${error.message}.`;
  return "Something went wrong on our side. Please try again in a moment.";
}

function setBusy(value) {
  busy = value;
  sendButton.disabled = value;
  form.classList.toggle("is-busy", value);
  log.setAttribute("aria-busy", String(value));
  status.replaceChildren(...(value ? [el("span", { class: "dots", "aria-hidden": "true" }), "Looking through the articles…"] : []));
}

// The sticky input bar covers the bottom of the page: scrolling keeps messages above it.
function updateBarHeight() {
  document.documentElement.style.setProperty("--bar-height", `${form.offsetHeight}px`);
}

function updateCount() {
  const length = input.value.length;
  charCount.hidden = length < COUNT_FROM;
  charCount.textContent = `${length} / ${MAX_QUESTION} characters`;
  charCount.classList.toggle("over", length > MAX_QUESTION);
  // Grow with the text, up to about six lines, then scroll inside.
  input.style.height = "auto";
  input.style.height = `${Math.min(input.scrollHeight + 2, 160)}px`;
  updateBarHeight();
}

function refuse(text) {
  status.textContent = text;
}

async function ask(text) {
  const question = text.trim();
  if (busy) {
    refuse("Please wait: still looking for the answer to your last question.");
    return;
  }
  if (!question) return;
  if (question.length > MAX_QUESTION) {
    refuse(`That question is ${question.length} characters long: please shorten it to ${MAX_QUESTION} or fewer.`);
    return;
  }
  const history = askedQuestions().slice(-HISTORY_SIZE);
  document.querySelectorAll(".msg-error, .msg-unsent").forEach((node) => node.remove());
  const visitorNode = renderVisitor(question);
  log.append(visitorNode);
  showEmptyState(false);
  if (input.value.trim() === question) input.value = "";
  updateCount();
  setBusy(true);
  visitorNode.scrollIntoView({ block: "nearest" });
  try {
    const reply = await request("/api/ask", { method: "POST", body: { question, history } });
    setBusy(false);
    // Saved only once answered: a failed send is never stored as sent.
    messages.push({ role: "visitor", text: question });
    const entry = { role: "assistant", reply, question };
    messages.push(entry);
    saveConversation(messages);
    const node = renderEntry(entry);
    log.append(node);
    // The question and the start of its answer in view, not the end of a long reply.
    visitorNode.scrollIntoView({ block: "start" });
    // Crisis: focus the message, not the input (a phone's keyboard would cover the help). After a
    // chip that has gone (the starters hide), focus moves to the reply rather than being lost.
    const lost = document.activeElement === document.body || starters.contains(document.activeElement);
    if (reply.kind === "crisis" || lost) node.focus({ preventScroll: true });
  } catch (error) {
    setBusy(false);
    visitorNode.classList.add("msg-unsent");
    visitorNode.append(el("p", { class: "unsent-note", text: "Not sent" }));
    if (!input.value.trim()) input.value = question; // nothing to retype
    updateCount();
    const retry = () => ask(question);
    const node = renderError(errorText(error), retry);
    log.append(node);
    node.scrollIntoView({ block: "nearest" });
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  ask(input.value);
});
input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    ask(input.value);
  }
});
input.addEventListener("input", updateCount);
starters.addEventListener("click", (event) => {
  const chip = event.target.closest("button[data-question]");
  if (chip) ask(chip.dataset.question);
});
newButton.addEventListener("click", () => {
  messages = [];
  clearConversation();
  renderAll();
  input.value = "";
  updateCount();
  input.focus();
});
jump.addEventListener("click", () => {
  (log.lastElementChild || logEnd).scrollIntoView({ block: "start" });
  jump.hidden = true;
});
// A citation remembers where the visitor was, so "Back to the conversation" returns there.
log.addEventListener("click", (event) => {
  if (event.target.closest(".citation a")) {
    try {
      sessionStorage.setItem(RETURN_KEY, String(window.scrollY));
    } catch {
      // Without storage the article's link still returns to the chat, at its end.
    }
  }
});

// "Jump to latest" while the end of the conversation is out of view.
new IntersectionObserver(([item]) => {
  jump.hidden = item.isIntersecting || messages.length === 0;
}).observe(logEnd);
new ResizeObserver(updateBarHeight).observe(form);

// Inside the embed launcher's panel, Escape closes the panel: tell the host page (origin-checked there).
if (window.parent !== window) {
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") window.parent.postMessage("clinic-faq:close", "*");
  });
}
// Printing shows every quote, including those folded under "More from the article".
window.addEventListener("beforeprint", () => document.querySelectorAll("details").forEach((d) => (d.open = true)));

// No focus on load: inside a clinic's iframe that would scroll the host page to the chat.
renderAll();
updateCount();
let saved = null;
try {
  saved = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
} catch {
  // No storage: start at the end of the conversation.
}
if (saved !== null) window.scrollTo(0, Number(saved));
else log.lastElementChild?.scrollIntoView({ block: "nearest" });
form.dataset.ready = "true"; // for tests and embedding pages: the chat takes questions from now on
