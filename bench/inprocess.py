"""In-process latency on the bundled corpus: a whole reply, ranking, and BM25+ scoring beside rank-bm25.

python -m bench.inprocess [--rounds 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Plus

from assistant import Assistant
from assistant.index import DELTA, K1, B, FieldIndex
from assistant.retrieval import PassageIndex
from assistant.text import terms
from bench.common import ROOT, load_questions, percentiles, table, timed, write_results
from bench.worstcase import worst_case_ask

ROUNDS = 5  # passes over the 154 evaluation questions: 770 timings, enough for a stable p99


def _time_each(function, items: list, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        for item in items:
            start = time.perf_counter()
            function(*item)
            out.append(time.perf_counter() - start)
    return out


def _alternately(first, second, items: list, rounds: int) -> tuple[list[float], list[float]]:
    """Time two functions item by item in turn, so both see the same machine state."""
    one: list[float] = []
    two: list[float] = []
    for _ in range(rounds):
        for item in items:
            one += _time_each(first, [item], 1)
            two += _time_each(second, [item], 1)
    return one, two


def run(rounds: int = ROUNDS, limit: int | None = None, results: Path | None = None) -> dict:
    """Time ask(), PassageIndex.rank() and body-field scoring by FieldIndex and by rank-bm25; print a table."""
    build_s, assistant = timed(Assistant.from_directory, ROOT / "corpus")
    questions = load_questions()[:limit]
    for question, history in questions:  # warm the stemmer and word-frequency caches, as a running server has
        assistant.ask(question, history)
    # The same engine without its examples (assistant/examples.py), timed question by question
    # alternately with the full one, so the examples' cost is a ratio measured in one run.
    plain = assistant.with_examples([])
    for question, history in questions:
        plain.ask(question, history)
    ask, ask_plain = _alternately(assistant.ask, plain.ask, questions, rounds)
    # A different worst case each time, so the spelling cache never helps.
    worst = _time_each(assistant.ask, [worst_case_ask(assistant, seed) for seed in range(20 * rounds)], 1)

    index = assistant.index
    index_build_s, _ = timed(PassageIndex, assistant.passages, assistant.alternate_questions)
    slots = [(assistant.analyzer.analyze(q).slots,) for q, _ in questions]
    rank = _time_each(index.rank, slots, rounds)

    body = index.body_terms
    field_build_s, field = timed(FieldIndex, body)
    reference_build_s, reference = timed(lambda docs: BM25Plus(docs, k1=K1, b=B, delta=DELTA), body)
    queries = [(terms(q),) for q, _ in questions]
    ours, theirs = _alternately(field.get_scores, reference.get_scores, queries, rounds)
    max_diff = max(float(np.abs(field.get_scores(q) - reference.get_scores(q)).max(initial=0)) for (q,) in queries)

    steps = {
        "ask (whole reply)": percentiles(ask),
        "ask without the examples": percentiles(ask_plain),
        "ask, worst case (bench/worstcase.py)": percentiles(worst),
        "PassageIndex.rank (3 fields)": percentiles(rank),
        "FieldIndex.get_scores (body)": percentiles(ours),
        "rank_bm25 BM25Plus.get_scores (body)": percentiles(theirs),
    }
    data = {
        "passages": len(assistant.passages),
        "questions": len(questions),
        "rounds": rounds,
        "assistant_build_s": build_s,
        "passage_index_build_s": index_build_s,
        "body_build_s": {"FieldIndex": field_build_s, "rank_bm25": reference_build_s},
        "steps": steps,
        "rank_bm25_over_fieldindex_p50": steps["rank_bm25 BM25Plus.get_scores (body)"]["p50_ms"]
        / steps["FieldIndex.get_scores (body)"]["p50_ms"],
        "max_abs_score_difference": max_diff,
        "ask_over_ask_without_examples_p50": steps["ask (whole reply)"]["p50_ms"]
        / steps["ask without the examples"]["p50_ms"],
    }
    path = write_results("inprocess", data, results)
    print(format_table(data))
    print(f"(written to {path})")
    return data


def format_table(data: dict) -> str:
    rows = [[name, s["p50_ms"] * 1000, s["p99_ms"] * 1000, s["n"]] for name, s in data["steps"].items()]
    return (
        f"In-process, bundled corpus ({data['passages']} passages), {data['questions']} evaluation questions "
        f"x {data['rounds']} rounds. Engine built in {data['assistant_build_s'] * 1000:.0f} ms, "
        f"of which the index (3 fields) {data['passage_index_build_s'] * 1000:.1f} ms\n\n"
        + table(["step", "p50 µs", "p99 µs", "samples"], rows)
        + f"\n\nrank-bm25 / FieldIndex, p50: {data['rank_bm25_over_fieldindex_p50']:.1f}x; "
        f"largest score difference {data['max_abs_score_difference']:.1e}; ask with / without the examples, "
        f"p50: {data['ask_over_ask_without_examples_p50']:.2f}x\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args(argv)
    run(args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
