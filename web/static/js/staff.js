// The staff console: keeps the token in sessionStorage and sends it as a bearer header only.
import { el, request } from "./dom.js";
import { renderEvaluation, renderExplain, renderFeedback, renderGaps } from "./staff-views.js";

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

const refreshGaps = () => load($("gaps-result"), "/api/staff/gaps", renderGaps);
const refreshFeedback = () => load($("feedback-result"), "/api/staff/feedback", renderFeedback);

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

$("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $("token").value.trim());
  $("token").value = "";
  showSignedIn(true);
  if (await refreshGaps()) refreshFeedback();
});
$("logout").addEventListener("click", () => signOut());
$("explain-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const question = $("explain-question").value.trim();
  if (question) load($("explain-result"), "/api/staff/explain", renderExplain, { method: "POST", body: { question } });
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
  refreshGaps().then((ok) => ok && refreshFeedback());
} else {
  showSignedIn(false);
}
