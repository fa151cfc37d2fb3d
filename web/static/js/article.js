// An article opened from a citation: mark the quoted sentence itself, bring its section heading
// and the passage into view together, and offer the way back to the same place in the chat.
import { el } from "./dom.js";

const params = new URLSearchParams(window.location.search);
const anchor = decodeURIComponent(window.location.hash.slice(1));
const passage = anchor ? document.getElementById(anchor) : null;

/** Wrap `sentence` in a <mark> inside `node`, searching its text nodes; false when absent. */
function markSentence(node, sentence) {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let t = walker.nextNode(); t; t = walker.nextNode()) texts.push(t);
  const whole = texts.map((t) => t.data).join("");
  const start = whole.indexOf(sentence);
  if (start < 0) return false;
  const range = document.createRange();
  let offset = 0;
  let started = false;
  for (const t of texts) {
    const end = offset + t.data.length;
    if (!started && start < end) {
      range.setStart(t, start - offset);
      started = true;
    }
    if (started && start + sentence.length <= end) {
      range.setEnd(t, start + sentence.length - offset);
      break;
    }
    offset = end;
  }
  const mark = el("mark", { class: "quoted" }, [el("span", { class: "visually-hidden", text: "Quoted sentence: " })]);
  mark.append(range.extractContents());
  range.insertNode(mark);
  return true;
}

/** Scroll so the section's heading and the passage are both on screen when they fit. */
function bringIntoView(target) {
  const heading = target.closest("section")?.querySelector("h2");
  const top = heading ? heading.getBoundingClientRect().top : target.getBoundingClientRect().top;
  const bottom = target.getBoundingClientRect().bottom;
  const room = window.innerHeight - 56; // below the sticky "Back to the conversation" bar
  if (heading && bottom - top <= room) heading.scrollIntoView({ block: "start" });
  else target.scrollIntoView({ block: "start" });
}

if (params.get("from") === "chat") {
  const back = el("p", { class: "back-to-chat" }, [el("a", { href: "/", text: "← Back to the conversation" })]);
  document.querySelector("main").prepend(back);
}
if (passage) {
  const sentence = params.get("hl");
  if (sentence) markSentence(passage, sentence);
  // After layout, and again after fonts settle, so the browser's own jump to the anchor is replaced.
  requestAnimationFrame(() => bringIntoView(passage));
}
