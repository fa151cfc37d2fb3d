"""Scale, whole engine: `Assistant.from_directory` on synthetic Markdown articles beside bm25s.

The index-only rows of bench/scale.py hand every system tokens. Visitors are served by the
whole engine, so this builds it the way a publisher would: articles of 50 passages written as
Markdown files (bench/synthetic.py, Zipf words in sentences), loaded with
`Assistant.from_directory` (parsing, sentence splitting, tokenizing, stemming, three BM25+
fields, spelling vocabulary), and asked questions with `ask` (analysis, ranking, abstention,
highlighting, suggestions). bm25s indexes the very same passage texts with its own tokenizer
(`bm25s.tokenize`, English stopwords) and answers each query by tokenizing it, scoring every
passage and taking the top 10. Each measurement runs in a fresh process:

- build: `from_directory` without a cache / `bm25s.tokenize` + `BM25.index`;
- cached start: `from_directory` with the engine cache written by an earlier start;
- restart to first answer: a new interpreter that imports the engine, loads the cache and
  answers one question, timed from launch to the answer (what a restart costs a visitor);
- ask p50 / p99 over the queries; peak RSS (the process's high-water mark, VmHWM).

    python -m bench.engine_scale [--sizes 10000,100000] [--queries 300] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import PYTHON, median_row, python_env, table, write_results
from bench.synthetic import PASSAGES_PER_ARTICLE, article_passage_texts, synthetic_queries, write_articles

SIZES = (10_000, 100_000)
QUERIES = 300
REPEATS = 3
SEED = 0
TOP_K = 10
WORKER_TIMEOUT_S = 1800
SYSTEMS = ("engine", "engine, cached start", "bm25s")


def _peak_rss_mb() -> float:
    from bench.scale import _peak_rss_mb as peak

    return peak()


def _times(function, queries: list[str]) -> list[float]:
    for q in queries[:10]:  # warm-up
        function(q)
    out = []
    for q in queries:
        start = time.perf_counter()
        function(q)
        out.append(time.perf_counter() - start)
    return out


def measure(system: str, folder: Path, cache_dir: Path, size: int, queries: int, seed: int) -> dict:
    """One measurement in this (fresh) process; see the module docstring."""
    from bench.synthetic import synthetic_passages

    articles = math.ceil(size / PASSAGES_PER_ARTICLE)
    passages = synthetic_passages(articles * PASSAGES_PER_ARTICLE, seed)
    questions = [" ".join(q) for q in synthetic_queries(passages, queries, seed)]
    if system == "bm25s":
        import bm25s

        texts = article_passage_texts(passages)
        del passages
        baseline = _peak_rss_mb()
        start = time.perf_counter()
        index = bm25s.BM25(method="bm25+", k1=1.2, b=0.75, delta=1.0)
        index.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)
        build_s = time.perf_counter() - start

        def answer(question: str) -> None:
            (tokens,) = bm25s.tokenize(question, stopwords="en", show_progress=False, return_ids=False)
            scores = index.get_scores([t for t in tokens if t in index.vocab_dict])
            np.argpartition(-scores, TOP_K - 1)[:TOP_K] if len(scores) > TOP_K else scores

    else:
        from assistant import Assistant

        del passages
        baseline = _peak_rss_mb()
        start = time.perf_counter()
        engine = Assistant.from_directory(folder, cache_dir=cache_dir if system != "engine" else None)
        build_s = time.perf_counter() - start
        answer = engine.ask
    times = _times(answer, questions)
    return {
        "system": system,
        "passages": math.ceil(size / PASSAGES_PER_ARTICLE) * PASSAGES_PER_ARTICLE,
        "build_s": build_s,
        "ask_p50_ms": float(np.percentile(times, 50)) * 1000,
        "ask_p99_ms": float(np.percentile(times, 99)) * 1000,
        "baseline_rss_mb": baseline,
        "peak_rss_mb": _peak_rss_mb(),
    }


def _child(args: list[str]) -> subprocess.CompletedProcess:
    command = [PYTHON, "-m", "bench.engine_scale", *args]
    done = subprocess.run(
        command, capture_output=True, text=True, env=python_env(), timeout=WORKER_TIMEOUT_S, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done


def _measure_in_child(system: str, folder: Path, cache_dir: Path, size: int, queries: int, seed: int) -> dict:
    args = ["--worker", system, "--folder", str(folder), "--cache-dir", str(cache_dir), "--sizes", str(size)]
    done = _child([*args, "--queries", str(queries), "--seed", str(seed)])
    return json.loads(done.stdout.strip().splitlines()[-1])


def _first_answer_s(folder: Path, cache_dir: Path) -> float:
    """From launching a new interpreter to its printing the answer to one question, the engine
    loaded from the cache (the interpreter's exit, which frees the engine, is not counted)."""
    command = [PYTHON, "-m", "bench.engine_scale", "--first-answer", "--folder", str(folder)]
    command += ["--cache-dir", str(cache_dir)]
    start = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=python_env()) as child:
        line = child.stdout.readline()
        elapsed = time.perf_counter() - start
        child.stdout.read()
    if child.returncode != 0 or line.strip() not in ("answer", "no_answer"):
        raise RuntimeError(f"first answer failed ({child.returncode}): {line!r}")
    return elapsed


MEASURED = ("build_s", "ask_p50_ms", "ask_p99_ms", "baseline_rss_mb", "peak_rss_mb")


def run(
    sizes: tuple[int, ...] = SIZES,
    queries: int = QUERIES,
    repeats: int = REPEATS,
    seed: int = SEED,
    results: Path | None = None,
    quiet: bool = False,
) -> dict:
    """Measure the engine, its cached start and bm25s at each size; print a table and write JSON."""
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="bench-engine-") as tmp:
            folder, cache_dir = Path(tmp) / "corpus", Path(tmp) / "cache"
            write_articles(folder, math.ceil(size / PASSAGES_PER_ARTICLE), seed=seed)
            runs: dict[str, list[dict]] = {name: [] for name in SYSTEMS}
            _measure_in_child("engine, cached start", folder, cache_dir, size, 10, seed)  # writes the cache
            for _ in range(repeats):  # alternating, so a burst of other work on the machine hits all
                for name in SYSTEMS:
                    runs[name].append(_measure_in_child(name, folder, cache_dir, size, queries, seed))
            first = [_first_answer_s(folder, cache_dir) for _ in range(repeats)]
        for name in SYSTEMS:
            rows.append(median_row(runs[name], MEASURED))
        rows[-2]["first_answer_s"] = float(np.median(first))
    _compare(rows)
    data = {"queries": queries, "seed": seed, "passages_per_article": PASSAGES_PER_ARTICLE, "rows": rows}
    path = write_results("engine_scale", data, results)
    if not quiet:
        print(format_table(data))
        print(f"(written to {path})")
    return data


def _compare(rows: list[dict]) -> None:
    by = {(r["system"], r["passages"]): r for r in rows}
    for row in rows:
        ref = by[("bm25s", row["passages"])]
        row["vs_bm25s"] = {
            "build": row["build_s"] / ref["build_s"],
            "ask_p50": row["ask_p50_ms"] / ref["ask_p50_ms"],
            "peak_rss": row["peak_rss_mb"] / ref["peak_rss_mb"],
        }


def format_table(data: dict) -> str:
    rows = []
    for r in data["rows"]:
        ratio = r["vs_bm25s"]
        first = r.get("first_answer_s")
        rows.append(
            [
                f"{r['passages']:,}",
                r["system"],
                r["build_s"],
                first if first is not None else "",
                r["ask_p50_ms"],
                r["ask_p99_ms"],
                r["peak_rss_mb"],
                r["peak_rss_mb"] - r["baseline_rss_mb"],
                " / ".join(f"{ratio[k]:.2f}" for k in ("build", "ask_p50", "peak_rss")),
            ]
        )
    headers = ["passages", "system", "build or load s", "restart to first answer s", "ask p50 ms", "ask p99 ms"]
    headers += ["peak RSS MB", "RSS above start MB", "÷ bm25s: build / p50 / peak"]
    return (
        f"Scale, whole engine: Assistant.from_directory on Markdown articles of {data['passages_per_article']} "
        f"synthetic passages, ask() with {data['queries']} queries of 2-5 words, beside bm25s tokenizing and "
        "indexing the same passage texts (query: tokenize, score all, top 10); medians of alternating runs, "
        "each in a fresh process\n\n" + table(headers, rows) + "\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated passage counts")
    parser.add_argument("--queries", type=int, default=QUERIES)
    parser.add_argument("--repeats", type=int, default=REPEATS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--worker", choices=SYSTEMS, help=argparse.SUPPRESS)
    parser.add_argument("--first-answer", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(","))
    if args.first_answer:
        from assistant import Assistant

        print(Assistant.from_directory(args.folder, cache_dir=args.cache_dir).ask("section point").kind, flush=True)
        return 0
    if args.worker:
        print(json.dumps(measure(args.worker, args.folder, args.cache_dir, sizes[0], args.queries, args.seed)))
        return 0
    run(sizes, args.queries, args.repeats, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
