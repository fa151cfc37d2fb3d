// The chat page: sends questions to /api/ask, renders the conversation, keeps it for the tab.
import { request } from "./dom.js";
import { feedbackWidget } from "./feedback.js";
import { renderBusy, renderError, renderReply, renderVisitor } from "./render.js";
import { clearConversation, loadConversation, saveConversation } from "./store.js";

// The API accepts up to 10; three earlier questions are enough to resolve "it" and "that".
const HISTORY_SIZE = 3;
const MAX_QUESTION = 500;

const log = document.getElementById("log");
const form = document.getElementById("ask-form");
const input = document.getElementById("question");
const sendButton = document.getElementById("send");
const starters = document.getElementById("starters");
const newButton = document.getElementById("new-conversation");
let messages = loadConversation();
let busy = false;

function renderEntry(entry) {
  if (entry.role === "visitor") return renderVisitor(entry.text);
  return renderReply(entry, {
    onAsk: ask,
    feedbackWidget: (e) =>
      feedbackWidget(e, () => {
        e.feedbackSent = true;
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

function append(entry) {
  messages.push(entry);
  saveConversation(messages);
  const node = renderEntry(entry);
  log.append(node);
  showEmptyState(false);
  return node;
}

// Errors belong to this moment only: shown in the conversation, not saved with it.
function showError(text) {
  const node = renderError(text);
  log.append(node);
  node.scrollIntoView({ block: "nearest" });
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
  log.setAttribute("aria-busy", String(value));
  if (value) log.append(renderBusy());
  else document.getElementById("busy")?.remove();
}

async function ask(text) {
  const question = text.trim();
  input.focus();
  if (!question || busy) return;
  if (question.length > MAX_QUESTION) {
    showError(`That question is too long: please keep it under ${MAX_QUESTION} characters.`);
    return;
  }
  const history = messages.filter((m) => m.role === "visitor").slice(-HISTORY_SIZE).map((m) => m.text);
  input.value = "";
  append({ role: "visitor", text: question }).scrollIntoView({ block: "nearest" });
  setBusy(true);
  try {
    const reply = await request("/api/ask", { method: "POST", body: { question, history } });
    setBusy(false);
    append({ role: "assistant", reply, question }).scrollIntoView({ block: "start" });
  } catch (error) {
    setBusy(false);
    showError(errorText(error));
  }
  input.focus();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  ask(input.value);
});
starters.addEventListener("click", (event) => {
  const chip = event.target.closest("button[data-question]");
  if (chip) ask(chip.dataset.question);
});
newButton.addEventListener("click", () => {
  messages = [];
  clearConversation();
  renderAll();
  input.value = "";
  input.focus();
});

// No focus on load: inside a clinic's iframe that would scroll the host page to the chat.
renderAll();
log.lastElementChild?.scrollIntoView({ block: "nearest" });
