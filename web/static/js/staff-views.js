// Renders the staff console's results as tables and lists; all text via textContent.
import { el } from "./dom.js";
import { sectionLabel } from "./render.js";

/** A table with a caption; `cells` maps a row to its cell values (strings or nodes). */
export function table(caption, headings, rows, cells) {
  if (rows.length === 0) return el("p", { class: "empty", text: `${caption}: none yet.` });
  return el("div", { class: "table-wrap" }, [
    el("table", {}, [
      el("caption", { text: caption }),
      el("thead", {}, [el("tr", {}, headings.map((h) => el("th", { scope: "col", text: h })))]),
      el("tbody", {}, rows.map((row, i) => el("tr", {}, cells(row, i).map((c) => el("td", {}, [c ?? ""]))))),
    ]),
  ]);
}

/** Scalars, lists and objects as readable text. */
export function show(value) {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return value.length ? value.map(show).join(", ") : "—";
  if (typeof value === "object") {
    const entries = Object.entries(value);
    return entries.length ? entries.map(([k, v]) => `${k} → ${show(v)}`).join("; ") : "—";
  }
  if (typeof value === "number" && !Number.isInteger(value)) return value.toFixed(3);
  return String(value);
}

/** The start of a long text; the full text stays available as the element's tooltip. */
export function excerpt(text, length = 160) {
  const value = show(text);
  const short = value.length > length ? `${value.slice(0, length).trimEnd()}…` : value;
  return el("span", { title: value, text: short });
}

/** A definition list of an object's entries. */
export function facts(object) {
  const items = Object.entries(object).flatMap(([key, value]) => [el("dt", { text: key }), el("dd", { text: show(value) })]);
  return el("dl", { class: "facts" }, items);
}

function passageLabel(passage) {
  return el("a", { href: passage.url, text: `${sectionLabel(passage)} (${passage.anchor})` });
}

/** The explain view: the reply, how the query was read, the decision and the ranked candidates. */
export function renderExplain(data) {
  const reply = data.reply || {};
  // Slots repeat terms with weights; the terms, corrections and expansions say the same plainly.
  const { slots, ...query } = data.query || {};
  return el("div", { class: "explain" }, [
    el("h3", { text: "Reply" }),
    el("p", {}, [el("span", { class: `badge kind-${reply.kind}`, text: reply.kind }), " ", reply.message]),
    el("h3", { text: "Query" }),
    facts({ ...query, history_used: data.history_used }),
    el("h3", { text: "Decision" }),
    facts(data.decision || {}),
    table("Candidates, best first", ["#", "Score", "Passage", "Matched terms", "Text"], data.candidates || [], (c, i) => [
      String(i + 1),
      show(c.score),
      passageLabel(c.passage),
      show(c.matched_terms),
      excerpt(c.passage.text),
    ]),
  ]);
}

/** The evaluation: its metrics, then one row per question with what was quoted. */
export function renderEvaluation(data, failuresOnly) {
  // "failures" repeats rows of "results"; the table below shows them with a filter instead.
  const { results = [], failures, ...metrics } = data;
  const shown = failuresOnly ? results.filter((r) => !r.passed) : results;
  return el("div", {}, [
    facts(metrics),
    table(`Results (${shown.length} of ${results.length})`, ["Question", "Expected", "Got", "Result", "First quote"], shown, (r) => [
      r.question,
      show(r.expect),
      show(r.got),
      el("span", { class: r.passed ? "pass" : "fail", text: r.passed ? "✓ pass" : "✗ fail" }),
      excerpt(r.first_quote, 100),
    ]),
  ]);
}

export function renderGaps(data) {
  return table("Unanswered questions, most recent first", ["Question", "Times asked", "Last asked"], data.gaps, (g) => [
    g.question,
    String(g.count),
    g.last_asked,
  ]);
}

export function renderFeedback(data) {
  return table("Feedback, newest first", ["When", "Rating", "Comment", "Question", "Reply kind"], data.feedback, (f) => [
    f.created_at,
    f.rating === "up" ? "Helpful" : "Not helpful",  // words, not emoji: servers often lack an emoji font
    f.comment,
    f.question,
    f.kind,
  ]);
}
