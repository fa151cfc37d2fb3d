"""Scale: FieldIndex beside bm25s and rank-bm25 on synthetic corpora of 1,000 to 100,000 passages.

Each system is measured in a fresh process (peak memory is a process's high-water mark), on
the same seeded passages and queries: build time, query p50/p99 (score every passage, then
take the top 10), and peak RSS.

    python -m bench.scale [--sizes 1000,10000,100000] [--queries 300] [--repeats 5] [--rank-bm25-max N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from bench import engine_scale
from bench.common import PYTHON, ROOT, median_row, python_env, table, write_results
from bench.synthetic import synthetic_passages, synthetic_queries

SIZES = (1_000, 10_000, 100_000)
QUERIES = 300
SEED = 0
SYSTEMS = ("FieldIndex", "bm25s", "rank-bm25")
TOP_K = 10
AGREEMENT_QUERIES = 50  # queries whose top 10 are compared with FieldIndex's
WORKER_TIMEOUT_S = 900
REPEATS = 5


def _peak_rss_mb() -> float:
    """This process's peak resident memory, in MB.

    On Linux, ru_maxrss of a child started with fork and exec keeps the parent's peak when that
    was larger (the kernel carries it over exec), so a small worker spawned by `python -m bench`
    would report the parent's size. VmHWM, the high-water mark of this process image's own
    memory, does not; ru_maxrss is the fallback where /proc is missing.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 if sys.platform != "darwin" else 1024 * 1024)


def _top(scores: np.ndarray) -> list[int]:
    k = min(TOP_K, len(scores))
    best = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
    return sorted(best.tolist())


def _load_index_module():
    """assistant/index.py alone (it imports only numpy), not the whole engine package with NLTK and
    wordfreq, so peak memory compares indexes, not libraries."""
    spec = importlib.util.spec_from_file_location("field_index", ROOT / "assistant" / "index.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _system(name: str, passages: list[list[str]]):
    """(build function, score function) of one system; the import happens before the baseline is taken."""
    if name == "FieldIndex":
        field_index = _load_index_module().FieldIndex
        return (lambda: field_index(passages)), (lambda index, q: index.get_scores(q))
    if name == "bm25s":
        import bm25s

        def build():
            index = bm25s.BM25(method="bm25+", k1=1.2, b=0.75, delta=1.0)
            index.index(passages, show_progress=False)
            return index

        return build, (lambda index, q: index.get_scores(q))
    if name == "rank-bm25":
        from rank_bm25 import BM25Plus

        return (lambda: BM25Plus(passages, k1=1.2, b=0.75, delta=1.0)), (lambda index, q: index.get_scores(q))
    raise ValueError(f"unknown system {name!r}; choose from {', '.join(SYSTEMS)}")


def measure(name: str, size: int, queries: int, seed: int = SEED) -> dict:
    """Build one system over `size` passages and time its queries; run in a fresh process."""
    passages = synthetic_passages(size, seed)
    query_terms = synthetic_queries(passages, queries, seed)
    build, score = _system(name, passages)
    baseline = _peak_rss_mb()  # interpreter, libraries and the passages themselves
    start = time.perf_counter()
    index = build()
    build_s = time.perf_counter() - start
    for q in query_terms[:10]:  # warm-up
        _top(score(index, q))
    times, scoring = [], []
    for q in query_terms:
        start = time.perf_counter()
        scores = score(index, q)
        scored = time.perf_counter()
        _top(scores)
        times.append(time.perf_counter() - start)
        scoring.append(scored - start)
    tops = [_top(score(index, q)) for q in query_terms[:AGREEMENT_QUERIES]]
    return {
        "system": name,
        "passages": size,
        "tokens": sum(map(len, passages)),
        "build_s": build_s,
        "query_p50_ms": float(np.percentile(times, 50)) * 1000,
        "query_p99_ms": float(np.percentile(times, 99)) * 1000,
        "scoring_p50_ms": float(np.percentile(scoring, 50)) * 1000,
        "baseline_rss_mb": baseline,
        "peak_rss_mb": _peak_rss_mb(),
        "tops": tops,
    }


def _measure_in_child(name: str, size: int, queries: int, seed: int) -> dict:
    command = [PYTHON, "-m", "bench.scale", "--worker", name, "--sizes", str(size), "--queries", str(queries)]
    command += ["--seed", str(seed)]
    done = subprocess.run(
        command, capture_output=True, text=True, env=python_env(), timeout=WORKER_TIMEOUT_S, check=False
    )
    if done.returncode != 0:
        if name == "bm25s" and "No module named 'bm25s'" in done.stderr:
            return {"system": name, "passages": size, "skipped": "bm25s is not installed (pip install -e '.[bench]')"}
        raise RuntimeError(f"{name} at {size} passages failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _median_run(runs: list[dict]) -> dict:
    """One row of medians over repeated runs; a skipped system stays as it was."""
    if "skipped" in runs[0]:
        return dict(runs[0])
    return median_row(
        runs, ("build_s", "query_p50_ms", "query_p99_ms", "scoring_p50_ms", "baseline_rss_mb", "peak_rss_mb")
    )


def run(
    sizes: tuple[int, ...] = SIZES,
    queries: int = QUERIES,
    rank_bm25_max: int = max(SIZES),
    seed: int = SEED,
    repeats: int = REPEATS,
    results: Path | None = None,
    engine_sizes: tuple[int, ...] = engine_scale.SIZES,
    engine_repeats: int = engine_scale.REPEATS,
) -> dict:
    """Measure every system at every size, each run in its own process; print a table and write JSON.

    FieldIndex and bm25s run `repeats` times, alternating, and each figure is the median;
    rank-bm25, tens of times slower, runs once. Then the whole engine beside bm25s at
    `engine_sizes` (bench/engine_scale.py); no engine rows when that is empty.
    """
    rows = []
    for size in sizes:
        runs: dict[str, list[dict]] = {name: [] for name in SYSTEMS}
        for attempt in range(repeats):
            for name in SYSTEMS:
                if name == "rank-bm25" and (attempt or size > rank_bm25_max):
                    continue
                runs[name].append(_measure_in_child(name, size, queries, seed))
        for name in SYSTEMS:
            if runs[name]:
                rows.append(_median_run(runs[name]))
            else:
                rows.append({"system": name, "passages": size, "skipped": f"above --rank-bm25-max {rank_bm25_max}"})
    _compare(rows)
    data = {"queries": queries, "seed": seed, "top_k": TOP_K, "rows": rows}
    if engine_sizes:
        data["engine"] = engine_scale.run(engine_sizes, queries, engine_repeats, seed, results, quiet=True)
    path = write_results("scale", data, results)
    print(format_table(data))
    print(f"(written to {path})")
    return data


def _compare(rows: list[dict]) -> None:
    """Add each row's ratios to bm25s at the same size, and how often its top 10 equals FieldIndex's."""
    by = {(r["system"], r["passages"]): r for r in rows if "skipped" not in r}
    for row in by.values():
        ours = by.get(("FieldIndex", row["passages"]))
        if ours:
            same = sum(a == b for a, b in zip(row["tops"], ours["tops"], strict=True))
            row["same_top10_as_fieldindex"] = same / len(ours["tops"]) if ours["tops"] else 1.0
        ref = by.get(("bm25s", row["passages"]))
        if ref:
            row["vs_bm25s"] = {
                "build": row["build_s"] / ref["build_s"],
                "query_p50": row["query_p50_ms"] / ref["query_p50_ms"],
                "peak_rss": row["peak_rss_mb"] / ref["peak_rss_mb"],
                "rss_above_baseline": (row["peak_rss_mb"] - row["baseline_rss_mb"])
                / max(ref["peak_rss_mb"] - ref["baseline_rss_mb"], 1e-9),
            }
    for row in rows:
        row.pop("tops", None)


def format_table(data: dict) -> str:
    rows = []
    for r in data["rows"]:
        if "skipped" in r:
            rows.append([f"{r['passages']:,}", r["system"], f"skipped: {r['skipped']}", "", "", "", "", "", "", ""])
            continue
        ratio = r.get("vs_bm25s", {})
        rows.append(
            [
                f"{r['passages']:,}",
                r["system"],
                r["build_s"],
                r["query_p50_ms"],
                r["query_p99_ms"],
                r["scoring_p50_ms"],
                r["peak_rss_mb"],
                r["peak_rss_mb"] - r["baseline_rss_mb"],
                " / ".join(f"{ratio[k]:.2f}" for k in ("build", "query_p50", "peak_rss")) if ratio else "",
                f"{r.get('same_top10_as_fieldindex', 0):.0%}",
            ]
        )
    headers = ["passages", "system", "build s", "query p50 ms", "query p99 ms", "of which scoring, p50 ms"]
    headers += ["peak RSS MB", "RSS above start MB"]
    headers += ["÷ bm25s: build / p50 / peak", "same top 10"]
    text = (
        f"Scale: synthetic passages (10-60 Zipf-distributed terms each), {data['queries']} queries of 2-5 terms; "
        f"a query scores every passage and takes the top {data['top_k']}\n\n" + table(headers, rows) + "\n"
    )
    if "engine" in data:
        text += "\n" + engine_scale.format_table(data["engine"])
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated passage counts")
    parser.add_argument("--queries", type=int, default=QUERIES)
    parser.add_argument("--rank-bm25-max", type=int, default=max(SIZES), help="skip rank-bm25 above this size")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--repeats", type=int, default=REPEATS, help="runs of FieldIndex and bm25s per size (medians)")
    parser.add_argument(
        "--engine-sizes", default=",".join(map(str, engine_scale.SIZES)), help="passage counts of the whole-engine rows"
    )
    parser.add_argument("--engine-repeats", type=int, default=engine_scale.REPEATS)
    parser.add_argument("--worker", choices=SYSTEMS, help=argparse.SUPPRESS)  # one measurement, JSON on stdout
    args = parser.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(","))
    if args.worker:
        print(json.dumps(measure(args.worker, sizes[0], args.queries, args.seed)))
        return 0
    engine_sizes = tuple(int(s) for s in args.engine_sizes.split(",") if s)
    run(sizes, args.queries, args.rank_bm25_max, args.seed, args.repeats, None, engine_sizes, args.engine_repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
