// The 👍/👎 control under each reply: a click records the rating at once (and can be changed),
// then an optional comment. The rated quote's passage is sent with it, so staff see what was rated.
import { el, icon, request } from "./dom.js";

// Material Design "thumb_up" icon path (Apache-2.0); drawn as SVG because emoji fonts are not
// everywhere. The "down" button shows it turned over with CSS.
const THUMB =
  "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z";

let counter = 0;

/** The passage id ("slug#anchor") of the reply's first quote, or nothing. */
function ratedQuote(reply) {
  const citation = reply.quotes?.[0]?.citation;
  return citation ? `${citation.article_slug}#${citation.anchor}` : undefined;
}

/**
 * Build the control for one conversation entry. `onSaved(rating)` lets the caller remember the
 * rating, so a reloaded page shows it pressed.
 */
export function feedbackWidget(entry, onSaved) {
  const id = `feedback-${++counter}`;
  const status = el("p", { class: "feedback-status", role: "status" });
  const comment = el("textarea", { id, maxlength: "1000", rows: "2" });
  const form = el("form", { class: "feedback-form", hidden: true }, [
    el("label", { for: id, text: "Anything to add? (optional)" }),
    comment,
    el("button", { type: "submit", text: "Send comment" }),
  ]);

  async function send(rating, text) {
    const body = { reply_id: entry.reply.id, rating }; // the signed id carries the question and kind
    const quote = ratedQuote(entry.reply);
    if (quote) body.quote = quote;
    if (text) body.comment = text;
    await request("/api/feedback", { method: "POST", body });
  }

  const press = (rating) => {
    up.setAttribute("aria-pressed", String(rating === "up"));
    down.setAttribute("aria-pressed", String(rating === "down"));
  };
  const choose = (value) => async () => {
    const before = entry.rating || null;
    press(value);
    status.textContent = "Saving…";
    try {
      await send(value);
      onSaved(value);
      status.textContent = value === "up" ? "Thanks, saved as helpful." : "Thanks, saved as not helpful.";
      form.hidden = false;
    } catch (error) {
      press(before);
      status.textContent = `Sorry, your rating could not be saved: ${error.status ? error.message : "network error"}.`;
    }
  };
  const button = (value, label) =>
    el(
      "button",
      { type: "button", class: `rate rate-${value}`, "aria-pressed": "false", "aria-label": label, title: label, onclick: choose(value) },
      [icon(THUMB)],
    );
  const up = button("up", "Helpful");
  const down = button("down", "Not helpful");
  if (entry.rating) {
    press(entry.rating);
    status.textContent = "Thanks for your feedback.";
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = comment.value.trim();
    if (!text) return;
    try {
      await send(entry.rating, text);
      form.replaceWith(el("p", { class: "feedback-status", text: "Comment sent. Thank you." }));
      status.textContent = "";
      (entry.rating === "up" ? up : down).focus(); // the form is gone: keep focus in the reply
    } catch (error) {
      status.textContent = `Sorry, your comment could not be sent: ${error.status ? error.message : "network error"}.`;
    }
  });
  return el("div", { class: "feedback", role: "group", "aria-label": "Rate this answer" }, [
    el("span", { class: "feedback-prompt", text: "Was this helpful?" }),
    up,
    down,
    status,
    form,
  ]);
}
