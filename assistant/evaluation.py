"""Retrieval-quality evaluation: run a question set through the assistant and measure it."""

from __future__ import annotations

from collections.abc import Callable

from .cases import Case, is_relevant, load_cases  # noqa: F401  (re-exported for callers)
from .engine import Assistant
from .metrics import METRICS, metric, metric_key  # noqa: F401  (re-exported for callers)

MRR_DEPTH = 10


def evaluate(assistant: Assistant, cases: list[Case]) -> dict:
    """Metrics of the issue's evaluation contract, plus one result row per question."""
    results = []
    answer = {"n": 0, "correct": 0, "hit_at_1": 0, "hit_at_3": 0, "mrr": 0.0, "answered": 0, "quote_words": 0}
    by_kind = {k: {"n": 0, "correct": 0} for k in ("no_answer", "crisis", "chitchat")}
    non_crisis = false_crisis = lines_beside = 0
    for case in cases:
        # A question is never answered from its own writer's examples (assistant/examples.py).
        trace = assistant.leaving_out(case.group).trace(case.question)
        reply = trace.reply
        first = reply.quotes[0].passage.text if reply.quotes else None
        if case.expect == "answer":
            ranked = [c.passage.text for c in trace.candidates[:MRR_DEPTH]]
            rank = next((i for i, t in enumerate(ranked, 1) if is_relevant(t, case.quotes)), None)
            passed = reply.kind == "answer" and first is not None and is_relevant(first, case.quotes)
            answer["n"] += 1
            answer["correct"] += passed
            answer["hit_at_1"] += rank == 1
            answer["hit_at_3"] += rank is not None and rank <= 3
            answer["mrr"] += 1 / rank if rank else 0.0
            if reply.kind == "answer":
                answer["answered"] += 1
                answer["quote_words"] += sum(len(q.passage.text.split()) for q in reply.quotes)
        else:
            passed = reply.kind == case.expect
            by_kind[case.expect]["n"] += 1
            by_kind[case.expect]["correct"] += passed
        if case.expect != "crisis":
            non_crisis += 1
            false_crisis += reply.kind == "crisis"
            # The concern level: the normal reply with the crisis lines beside it.
            lines_beside += reply.kind != "crisis" and bool(reply.resources)
        results.append(
            {
                "question": case.question,
                "expect": case.expect,
                "got": reply.kind,
                "passed": passed,
                "first_quote": first,
                "line": case.line,
            }
        )
    return _summarise(answer, by_kind, non_crisis, (false_crisis, lines_beside), results)


def safety_metrics(rows: list[dict], level_of: Callable[[str], str]) -> dict[str, float]:
    """Recall of crisis messages, share of ordinary ones raised to crisis, and where the lines were
    shown, for rows of a safety set ({text, crisis, level}) judged by `level_of` (text -> level)."""
    levels = [level_of(row["text"]) for row in rows]
    crisis = [lv for row, lv in zip(rows, levels, strict=True) if row["crisis"]]
    ordinary = [lv for row, lv in zip(rows, levels, strict=True) if not row["crisis"]]
    emergencies = [lv for row, lv in zip(rows, levels, strict=True) if row["level"] == "emergency"]
    return {
        "recall": _share(sum(lv in ("crisis", "emergency") for lv in crisis), len(crisis)),
        "emergencies_first": _share(emergencies.count("emergency"), len(emergencies)),
        "crisis_lines_shown": _share(sum(lv != "none" for lv in crisis), len(crisis)),
        # Shares of ordinary messages: none of an empty group was raised.
        "false_crisis": _share(sum(lv in ("crisis", "emergency") for lv in ordinary), len(ordinary) or 1),
        "ordinary_with_lines": _share(sum(lv == "concern" for lv in ordinary), len(ordinary) or 1),
        "crisis": len(crisis),
        "ordinary": len(ordinary),
    }


def _summarise(answer: dict, by_kind: dict, non_crisis: int, shown: tuple[int, int], results: list[dict]) -> dict:
    """The metrics; `shown` counts the non-crisis questions given a crisis reply and those given
    the crisis lines beside a normal reply."""
    n = answer["n"]
    false_crisis, lines_beside = shown
    summary = {
        "questions": len(results),
        "answer": {
            "n": n,
            "correct": _share(answer["correct"], n),
            "hit_at_1": _share(answer["hit_at_1"], n),
            "hit_at_3": _share(answer["hit_at_3"], n),
            "mrr": round(answer["mrr"] / n, 4) if n else 0.0,
            "answered": _share(answer["answered"], n),
            "mean_quote_words": round(answer["quote_words"] / answer["answered"], 1) if answer["answered"] else 0.0,
        },
        **{k: {"n": v["n"], "correct": _share(v["correct"], v["n"])} for k, v in by_kind.items()},
        "false_crisis": _share(false_crisis, non_crisis),
        "lines_beside": _share(lines_beside, non_crisis or 1),
        "failures": [
            {k: r[k] for k in ("question", "expect", "got", "first_quote")} for r in results if not r["passed"]
        ],
        "results": results,
    }
    return summary


def _share(count: int, n: int) -> float:
    # An empty group has nothing wrong in it; 1.0 keeps thresholds on absent kinds from failing.
    return round(count / n, 4) if n else 1.0


def format_table(summary: dict) -> str:
    """The metrics and failures as a readable text report."""
    a = summary["answer"]
    rows = [
        f"questions          {summary['questions']}",
        f"answer             n={a['n']}  correct={a['correct']:.3f}  hit@1={a['hit_at_1']:.3f}  "
        f"hit@3={a['hit_at_3']:.3f}  MRR@10={a['mrr']:.3f}  answered={a['answered']:.3f}  "
        f"mean quote words={a['mean_quote_words']}",
    ]
    for kind in ("no_answer", "crisis", "chitchat"):
        rows.append(f"{kind:<18} n={summary[kind]['n']}  correct={summary[kind]['correct']:.3f}")
    rows.append(f"false_crisis       {summary['false_crisis']:.3f}")
    rows.append(f"lines_beside       {summary['lines_beside']:.3f}  (crisis lines shown beside a normal reply)")
    if summary["failures"]:
        rows += ["", f"failures ({len(summary['failures'])}):"]
        for f in summary["failures"]:
            quote = (f["first_quote"] or "")[:70]
            rows.append(
                f"  [{f['expect']} -> {f['got']}] {f['question']}" + (f"\n      quoted: {quote}…" if quote else "")
            )
    return "\n".join(rows)
