// Renders the staff console's results; all text via textContent, charts as SVG built here.
import { el } from "./dom.js";
import { renderReply, sectionLabel } from "./render.js";

const SVG = "http://www.w3.org/2000/svg";

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

/** Scalars and lists as readable text. */
export function show(value) {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.map(show).join(", ") : "—";
  if (typeof value === "number" && !Number.isInteger(value)) return value.toFixed(2);
  return String(value);
}

/** An ISO time in the browser's local time zone, "Nov 27, 2026, 9:14 AM". */
export function localTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return show(iso);
  return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

const percent = (share) => `${Math.round(share * 100)}%`;

/** The start of a long text; the full text stays available as the element's tooltip. */
export function excerpt(text, length = 160) {
  const value = show(text);
  const short = value.length > length ? `${value.slice(0, length).trimEnd()}…` : value;
  return el("span", { title: value, text: short });
}

/** A definition list from [label, value] pairs. */
export function facts(pairs) {
  return el("dl", { class: "facts" }, pairs.flatMap(([key, value]) => [el("dt", { text: key }), el("dd", {}, [value])]));
}

function passageLabel(passage) {
  return el("a", { href: passage.url, text: `${sectionLabel(passage)} (${passage.anchor})` });
}

/** The explain view: the reply exactly as the visitor saw it, how the question was read, why, and the candidates. */
export function renderExplain(data) {
  const query = data.query || {};
  const corrections = Object.entries(query.corrections || {}).map(([from, to]) => `${from} → ${to}`);
  const expansions = Object.entries(query.expansions || {}).map(([from, to]) => `${from} → ${show(to)}`);
  const decision = data.decision || {};
  const visitorView = renderReply({ reply: data.reply, question: "" }, { onAsk: () => {}, feedbackWidget: () => null });
  return el("div", { class: "explain" }, [
    el("h3", { text: "What the visitor saw" }),
    el("div", { class: "visitor-view" }, [visitorView]),
    el("h3", { text: "Why" }),
    facts([
      ["Question", show(query.text)],
      ["Decision", `${data.reply.kind}: ${show(decision.reason)}`],
      ["Evidence held", decision.coverage === undefined ? "—" : percent(decision.coverage)],
      // The answer model's verdict and what pulled it furthest (log-odds), when it decided.
      [
        "Answer model",
        decision.answer_model
          ? `${percent(decision.answer_model.probability)}: ` +
            decision.answer_model.pulls.map(([name, pull]) => `${name.replaceAll("_", " ")} ${pull > 0 ? "+" : ""}${pull}`).join(", ")
          : "—",
      ],
      ["Search terms", show(query.terms)],
      ["Words of the asking sentences", show(query.asking)],
      ["Spelling fixed", show(corrections)],
      ["Synonyms used", show(expansions)],
      ["Earlier question used", show(data.history_used)],
    ]),
    table("Candidates, best first", ["#", "Score", "Evidence", "Passage", "Matched", "Via", "Text"], data.candidates || [], (c, i) => [
      String(i + 1),
      show(c.score),
      c.coverage === undefined ? "—" : percent(c.coverage),
      passageLabel(c.passage),
      show(c.matched_terms),
      // What lifted the passage besides its text: a staff question, or a visitor's example.
      [c.best_question && `question: ${c.best_question}`, c.best_example && `example: ${c.best_example}`].filter(Boolean).join("; ") || "—",
      excerpt(c.passage.text, 120),
    ]),
  ]);
}

/** Evaluation: headline metrics, what changed since the previous run, then failures first. */
export function renderEvaluation(data, failuresOnly) {
  const { results = [], changes = [], previous_run: previous } = data;
  const failed = results.filter((r) => !r.passed);
  const ordered = [...failed, ...results.filter((r) => r.passed)];
  const shown = failuresOnly ? failed : ordered;
  const metric = (name) => {
    const value = name.split(".").reduce((v, k) => (v && typeof v === "object" ? v[k] : undefined), data);
    return typeof value === "number" ? percent(value) : "—"; // every metric here is a share
  };
  const summary = table("Summary", ["Measure", "Value"], [
    ["Questions", String(results.length)],
    ["Passed", `${results.length - failed.length} (${results.length ? percent((results.length - failed.length) / results.length) : "—"})`],
    ["Answerable questions answered correctly", metric("answer.correct")],
    ["Right passage first (hit@1)", metric("answer.hit_at_1")],
    ["Unanswerable questions declined", metric("no_answer.correct")],
    ["Crisis messages caught", metric("crisis.correct")],
    ["Ordinary questions taken for a crisis", metric("false_crisis")],
    ["Ordinary questions shown the crisis lines beside the reply", metric("lines_beside")],
  ], (row) => row);
  const changed = previous
    ? table(`Changed since the run of ${localTime(previous)}`, ["Question", "Before", "Now", "Result"], changes, (c) => [
        c.question,
        c.before,
        c.after,
        el("span", { class: c.passed ? "pass" : "fail", text: c.passed ? "✓ now passes" : "✗ now fails" }),
      ])
    : el("p", { class: "muted", text: "First run: the next run will show what changed." });
  return el("div", {}, [
    summary,
    changed,
    el("div", { class: "scroll-table" }, [
      table(`Results, failures first (${shown.length} of ${results.length})`, ["Question", "Expected", "Got", "Result", "First quote"], shown, (r) => [
        r.question,
        show(r.expect),
        show(r.got),
        el("span", { class: r.passed ? "pass" : "fail", text: r.passed ? "✓ pass" : "✗ fail" }),
        excerpt(r.first_quote, 100),
      ]),
    ]),
  ]);
}

/**
 * Grouped unanswered questions, each with its closest passages and the two-click actions.
 * actions: addQuestion(passage, question), addSynonym(visitor[], article[]), notCovered(question).
 */
export function renderGapGroups(data, actions) {
  if (data.groups.length === 0) return el("p", { class: "empty", text: "No unanswered questions. " });
  return el("ol", { class: "gap-groups" }, data.groups.map((group, i) => renderGroup(group, i, actions)));
}

function renderGroup(group, index, actions) {
  const question = group.questions[0].question;
  const id = `group-${index}`;
  const others = group.questions.slice(1);
  const closest = group.closest.map((c) =>
    el("li", { class: "closest" }, [
      el("button", { type: "button", class: "primary small", text: "Add as a question of this passage", onclick: () => actions.addQuestion(c.passage, question) }),
      " ",
      el("a", { href: c.url, text: c.section }),
      el("p", { class: "closest-text" }, [excerpt(c.text, 200)]),
    ]),
  );
  const visitor = el("input", { type: "text", id: `${id}-visitor`, value: group.unknown_words.join(", ") });
  const article = el("input", { type: "text", id: `${id}-article`, placeholder: "words the articles use" });
  const split = (text) => text.split(",").map((w) => w.trim()).filter(Boolean);
  const synonym = el("form", { class: "synonym-form" }, [
    el("label", { for: visitor.id, text: "Visitor words" }),
    visitor,
    el("label", { for: article.id, text: "mean these article words" }),
    article,
    el("button", { type: "submit", text: "Add synonym rule" }),
  ]);
  synonym.addEventListener("submit", (event) => {
    event.preventDefault();
    actions.addSynonym(split(visitor.value), split(article.value));
  });
  return el("li", { class: "gap-group", "aria-labelledby": `${id}-q` }, [
    el("h3", { class: "gap-question", id: `${id}-q`, text: question }),
    el("p", { class: "muted" }, [
      `Asked ${group.count} time${group.count === 1 ? "" : "s"}, last ${localTime(group.last_asked)}`,
      others.length ? ` · also asked as: ${others.map((q) => `“${q.question}”`).join(", ")}` : "",
    ]),
    el("details", { class: "gap-actions" }, [
      el("summary", { text: "Teach the assistant" }),
      el("p", { class: "muted", text: "Closest passages:" }),
      el("ul", { class: "closest-list" }, closest),
      synonym,
      el("p", {}, [
        el("button", { type: "button", text: "Not covered by the articles", onclick: () => actions.notCovered(question) }),
      ]),
    ]),
  ]);
}

function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const child of children) node.append(child);
  return node;
}

/** A bar chart: one stacked bar per day; `series` are [key, label] drawn bottom-up. */
function barChart(title, days, series, { shares }) {
  const width = 600;
  const height = 140;
  const bar = width / days.length;
  const totals = days.map((d) => series.reduce((sum, [key]) => sum + d[key], 0));
  const top = shares ? 1 : Math.max(1, ...totals);
  const bars = days.flatMap((day, i) => {
    let y = height;
    return series.map(([key, label]) => {
      const value = shares ? (totals[i] ? day[key] / totals[i] : 0) : day[key];
      const h = (value / top) * (height - 10);
      y -= h;
      const shown = shares ? `${percent(value)} (${day[key]})` : String(day[key]);
      return svg("rect", { x: i * bar + 1, y, width: Math.max(bar - 2, 1), height: h, class: `bar bar-${key}` }, [
        svg("title", {}, [`${day.day}: ${label} ${shown}`]),
      ]);
    });
  });
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `${title}, last 30 days` }, [
    svg("line", { x1: 0, y1: height, x2: width, y2: height, class: "axis" }),
    ...bars,
  ]);
  const legend = el(
    "ul",
    { class: "legend" },
    series.map(([key, label]) => el("li", {}, [el("span", { class: `swatch bar-${key}`, "aria-hidden": "true" }), label])),
  );
  const first = days[0]?.day || "";
  const last = days[days.length - 1]?.day || "";
  return el("figure", { class: "chart" }, [
    el("figcaption", { text: title }),
    chart,
    el("p", { class: "chart-range muted", text: `${first} to ${last}` }),
    legend,
  ]);
}

/** Two small charts (reply kinds as shares of each day, ratings as counts) and their numbers as a table. */
export function renderTrends(data) {
  const days = data.days;
  const sum = (key) => days.reduce((total, d) => total + d[key], 0);
  const replies = sum("answer") + sum("no_answer") + sum("crisis");
  return el("div", { class: "trends" }, [
    el("p", {}, [
      `${replies} replies: ${replies ? percent(sum("answer") / replies) : "—"} answered, `,
      `${replies ? percent(sum("no_answer") / replies) : "—"} declined, ${replies ? percent(sum("crisis") / replies) : "—"} crisis; `,
      `${sum("up")} helpful and ${sum("down")} not helpful ratings.`,
    ]),
    el("div", { class: "charts" }, [
      barChart("Replies by kind (share of each day)", days, [["answer", "Answered"], ["no_answer", "Declined"], ["crisis", "Crisis"]], { shares: true }),
      barChart("Ratings per day", days, [["up", "Helpful"], ["down", "Not helpful"]], { shares: false }),
    ]),
    el("details", {}, [
      el("summary", { text: "The numbers" }),
      table("Per day", ["Day", "Answered", "Declined", "Crisis", "Helpful", "Not helpful"], days.filter((d) => d.answer + d.no_answer + d.crisis + d.up + d.down), (d) => [
        d.day, String(d.answer), String(d.no_answer), String(d.crisis), String(d.up), String(d.down),
      ]),
    ]),
  ]);
}

export function renderFeedback(data) {
  return table("Feedback, newest first", ["When", "Rating", "Comment", "Question", "Rated quote"], data.feedback, (f) => [
    localTime(f.created_at),
    f.rating === "up" ? "Helpful" : "Not helpful", // words, not emoji: servers often lack an emoji font
    show(f.comment),
    show(f.question),
    f.quote ? el("span", {}, [el("strong", { text: f.quote.section }), " ", excerpt(f.quote.text, 120)]) : "—",
  ]);
}

const EDIT_WORDS = { question: "Alternate question", synonym: "Synonym rule", not_covered: "Not covered" };
const EDIT_PATHS = { question: "questions", synonym: "synonyms", not_covered: "not-covered" };

function describeEdit(edit) {
  if (edit.kind === "question") return `“${edit.question}” → ${edit.passage}`;
  if (edit.kind === "synonym") return `${edit.visitor.join(", ")} = ${edit.article.join(", ")}`;
  return `“${edit.question}”`;
}

/** The edits in force, newest first, each with Undo. */
export function renderEdits(data, onUndo) {
  const rows = [...data.edits].reverse();
  return table("Edits in force, newest first", ["When", "Kind", "Edit", ""], rows, (e) => [
    localTime(e.created_at),
    EDIT_WORDS[e.kind],
    describeEdit(e),
    el("button", { type: "button", text: "Undo", onclick: () => onUndo(`/api/staff/${EDIT_PATHS[e.kind]}/${e.id}`) }),
  ]);
}
