"""Plain-text rendering of replies and explanations for the terminal."""

from __future__ import annotations

import textwrap

from .models import Reply


def render_reply(reply: Reply) -> str:
    """The reply as the chat shows it: message, quotes with citations, disclaimer, suggestions."""
    lines = [reply.message]
    if reply.resources:
        lines.append("")
        for r in reply.resources:
            ways = [f"call {r.call}" if r.call else "", f"text {r.text}" if r.text else "", r.url]
            lines.append(f"  ☎ {r.name}: {', '.join(w for w in ways if w)}")
    for quote in reply.quotes:
        p = quote.passage
        lines.append("")
        lines += ["  > " + row for row in textwrap.wrap(p.text, 76)]
        lines.append(f"    — {p.article_title}, {p.section_label} ({p.id})")
        lines.append(f"    best match: “{quote.highlight}”")
    if reply.disclaimer:
        lines += ["", reply.disclaimer]
    if reply.suggestions:
        # A message ending in a colon ("Try one of these:") introduces the suggestions right below it.
        introduced = len(lines) == 1 and reply.message.rstrip().endswith(":")
        lines += ([] if introduced else ["", "You could also ask:"]) + [f"  • {s}" for s in reply.suggestions]
    return "\n".join(lines)


def render_explain(trace: dict) -> str:
    """Query analysis, ranked candidates and the decision, for people tuning the data files."""
    lines = []
    query = trace.get("query")
    if query:
        lines.append("terms:        " + ", ".join(s["text"] + (f" → {'/'.join(s['terms'])}") for s in query["slots"]))
        if query["corrections"]:
            lines.append("corrections:  " + ", ".join(f"{a} → {b}" for a, b in query["corrections"].items()))
        if query["expansions"]:
            rules = (f"{a} → {', '.join(b)}" for a, b in query["expansions"].items())
            lines.append("synonyms:     " + " | ".join(rules))  # each rule's stems stay together
        if query.get("asking"):  # coverage may be judged on the asking sentences alone
            lines.append("asking:       " + ", ".join(query["asking"]))
    if trace.get("history_used"):
        lines.append(f"history used: {trace['history_used']}")
    for rank, c in enumerate(trace.get("candidates", []), start=1):
        p = c["passage"]
        matched = ", ".join(c["matched_terms"])
        lines.append(f"{rank:>2}. {c['score']:7.3f}  cov={c['coverage']:.2f}  {p['id']:<36} matched: {matched}")
        if c.get("best_question"):
            lines.append(f"             via alternate question: {c['best_question']}")
        if c.get("best_example"):
            lines.append(f"             via example: {c['best_example']}")
    safety = trace.get("safety")
    if safety:
        lines.append(f"safety:       {safety['level']} (classifier {safety['classifier_score']:.2f})")
        if safety["signals"]:
            lines.append("  signals:    " + "; ".join(safety["signals"]))
        if safety["top_features"]:
            lines.append("  n-grams:    " + ", ".join(f"{f[2:]!r} {w:+.2f}" for f, w in safety["top_features"]))
    decision = trace.get("decision", {})
    lines.append(f"decision:     {trace['reply']['kind']} — {decision.get('reason', '')}")
    if model := decision.get("answer_model"):
        pulls = ", ".join(f"{name.replace('_', ' ')} {pull:+.2f}" for name, pull in model["pulls"])
        lines.append(f"  weighed:    {pulls}")
    return "\n".join(lines)
