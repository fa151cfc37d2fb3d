// The staff console: keeps the token in sessionStorage and sends it as a bearer header only.
import { el, request } from "./dom.js";
import { renderEdits, renderEvaluation, renderExplain, renderFeedback, renderGapGroups, renderTrends } from "./staff-views.js";

const TOKEN_KEY = "clinic-faq:staff-token";
const $ = (id) => document.getElementById(id);
let lastEvaluation = null;

const token = () => sessionStorage.getItem(TOKEN_KEY) || "";
const auth = () => ({ Authorization: `Bearer ${token()}` });

function showSignedIn(signedIn) {
  $("login").hidden = signedIn;
  $("console").hidden = !signedIn;
}

function signOut(message = "") {
  sessionStorage.removeItem(TOKEN_KEY);
  showSignedIn(false);
  $("login-error").textContent = message;
  $("token").focus();
}

/** Call a staff endpoint and put its rendering (or the error) into `target`. */
async function load(target, url, render, options = {}) {
  target.replaceChildren(el("p", { class: "muted", text: "Loading…" }));
  try {
    const data = await request(url, { ...options, headers: auth() });
    target.replaceChildren(render(data));
    return data;
  } catch (error) {
    if (error.status === 401) signOut("That token was not accepted.");
    target.replaceChildren(el("p", { class: "form-error", text: `Error: ${error.message}` }));
    return null;
  }
}

/** Send an edit (or its undo), say what happened with an Undo button, and refresh the lists. */
async function edit(method, url, body, done) {
  const status = $("edit-status");
  try {
    const saved = await request(url, { method, body, headers: auth() });
    const undoUrl = `${url}/${saved.id}`;
    status.replaceChildren(
      done,
      method === "POST" ? " " : "",
      method === "POST" ? el("button", { type: "button", class: "link-button", text: "Undo", onclick: () => edit("DELETE", undoUrl, undefined, "Undone.") }) : "",
    );
    refreshGaps();
    refreshEdits();
  } catch (error) {
    if (error.status === 401) signOut("That token was not accepted.");
    status.replaceChildren(el("span", { class: "form-error", text: `Not saved: ${error.message}` }));
  }
}

const gapActions = {
  addQuestion: (passage, question) =>
    edit("POST", "/api/staff/questions", { passage, question }, `Added “${question}” to ${passage}; live within seconds.`),
  addSynonym: (visitor, article) =>
    edit("POST", "/api/staff/synonyms", { visitor, article }, `Added the rule ${visitor.join(", ")} = ${article.join(", ")}.`),
  notCovered: (question) =>
    edit("POST", "/api/staff/not-covered", { question }, `Marked “${question}” as not covered; it stays declined.`),
};

const refreshGaps = () => load($("gaps-result"), "/api/staff/gap-groups", (d) => renderGapGroups(d, gapActions));
const refreshFeedback = () => load($("feedback-result"), "/api/staff/feedback", renderFeedback);
const refreshTrends = () => load($("trends-result"), "/api/staff/trends", renderTrends);
const refreshEdits = () =>
  load($("edits-result"), "/api/staff/edits", (d) => renderEdits(d, (url) => edit("DELETE", url, undefined, "Undone.")));

async function refreshAll() {
  if (await refreshGaps()) {
    refreshTrends();
    refreshFeedback();
    refreshEdits();
  }
}

async function downloadGaps() {
  try {
    const blob = await request("/api/staff/gaps.csv", { headers: auth(), asBlob: true });
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: "unanswered-questions.csv" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } catch (error) {
    $("gaps-result").prepend(el("p", { class: "form-error", text: `Download failed: ${error.message}` }));
  }
}

$("login-form").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $("token").value.trim());
  $("token").value = "";
  showSignedIn(true);
  refreshAll();
});
$("logout").addEventListener("click", () => signOut());
$("explain-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const question = $("explain-question").value.trim();
  const history = $("explain-history").value.split("\n").map((q) => q.trim()).filter(Boolean).slice(-10);
  if (question) load($("explain-result"), "/api/staff/explain", renderExplain, { method: "POST", body: { question, history } });
});
$("run-eval").addEventListener("click", async () => {
  lastEvaluation = await load($("eval-result"), "/api/staff/evaluate", (d) => renderEvaluation(d, $("failures-only").checked), {
    method: "POST",
    body: {},
  });
});
$("failures-only").addEventListener("change", () => {
  if (lastEvaluation) $("eval-result").replaceChildren(renderEvaluation(lastEvaluation, $("failures-only").checked));
});
$("refresh-gaps").addEventListener("click", refreshGaps);
$("download-gaps").addEventListener("click", downloadGaps);
$("refresh-feedback").addEventListener("click", refreshFeedback);

if (token()) {
  showSignedIn(true);
  refreshAll();
} else {
  showSignedIn(false);
}
