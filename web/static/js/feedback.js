// The 👍/👎 control under each answer, with an optional comment, posted to /api/feedback.
import { el, icon, request } from "./dom.js";

// Material Design "thumb_up" icon path (Apache-2.0); drawn as SVG because emoji fonts are not
// everywhere. The "down" button shows it turned over with CSS.
const THUMB =
  "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z";

let counter = 0;

/**
 * Build the control for one conversation entry. `onSent` is called after a successful post so
 * the caller can remember it (a reloaded page then shows the thanks instead of the buttons).
 */
export function feedbackWidget(entry, onSent) {
  if (entry.feedbackSent) return el("p", { class: "feedback-status", text: "Thanks for your feedback." });
  const id = `feedback-${++counter}`;
  let rating = null;
  const status = el("p", { class: "feedback-status", role: "status" });
  const comment = el("textarea", { id, maxlength: "1000", rows: "2" });
  const form = el("form", { class: "feedback-form", hidden: true }, [
    el("label", { for: id, text: "Anything to add? (optional)" }),
    comment,
    el("button", { type: "submit", class: "primary", text: "Send feedback" }),
  ]);
  const choose = (value) => () => {
    rating = value;
    up.setAttribute("aria-pressed", String(value === "up"));
    down.setAttribute("aria-pressed", String(value === "down"));
    form.hidden = false;
  };
  const button = (value, label) =>
    el("button", { type: "button", class: `rate rate-${value}`, "aria-pressed": "false", "aria-label": label, title: label, onclick: choose(value) }, [
      icon(THUMB),
    ]);
  const up = button("up", "Helpful");
  const down = button("down", "Not helpful");
  const box = el("div", { class: "feedback", role: "group", "aria-label": "Rate this answer" }, [
    el("span", { class: "feedback-prompt", text: "Was this helpful?" }),
    up,
    down,
    form,
    status,
  ]);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = { reply_id: entry.reply.id, rating }; // the signed id carries the question and kind
    if (comment.value.trim()) body.comment = comment.value.trim();
    try {
      await request("/api/feedback", { method: "POST", body });
      box.replaceChildren(el("p", { class: "feedback-status", role: "status", text: "Thanks for your feedback." }));
      onSent();
    } catch (error) {
      status.textContent = `Sorry, your feedback could not be sent: ${error.status ? error.message : "network error"}.`;
    }
  });
  return box;
}
