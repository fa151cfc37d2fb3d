"""What every benchmark shares: the machine, percentiles, tables, and the results folder."""

from __future__ import annotations

import json
import os
import platform
import socket
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"  # git-ignored
EVAL_SET = ROOT / "tests" / "data" / "eval.jsonl"


def machine() -> dict:
    """Cores, CPU model and versions, so a table can be read next to where it was measured."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "platform": platform.platform(),
        "load_average_1min": os.getloadavg()[0],  # other work on the machine shows up in p99s
    }


def percentiles(seconds: list[float]) -> dict:
    """p50 and p99 (and the mean) of durations in seconds, as milliseconds."""
    values = np.asarray(seconds) * 1000
    return {
        "p50_ms": float(np.percentile(values, 50)),
        "p99_ms": float(np.percentile(values, 99)),
        "mean_ms": float(values.mean()),
        "n": len(values),
    }


def timed(function, *args) -> tuple[float, object]:
    """(seconds, result) of one call."""
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def table(headers: list[str], rows: list[list]) -> str:
    """A GitHub Markdown table, numbers right-aligned, readable in a terminal as well."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    numeric = [all(_is_number(row[i]) for row in rows) and rows for i in range(len(headers))]

    def line(values: list[str]) -> str:
        padded = [v.rjust(w) if numeric[i] else v.ljust(w) for i, (v, w) in enumerate(zip(values, widths, strict=True))]
        return "| " + " | ".join(padded) + " |"

    rule = "| " + " | ".join(("-" * (w - 1) + ":") if numeric[i] else "-" * w for i, w in enumerate(widths)) + " |"
    return "\n".join([line(headers), rule, *(line(r) for r in cells)])


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _cell(value) -> str:
    if isinstance(value, float):
        if value >= 100:
            return f"{value:,.0f}"
        if value >= 10:
            return f"{value:.1f}"
        if value >= 1:
            return f"{value:.2f}"
        return f"{value:.3f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def write_results(name: str, data: dict, folder: Path | None = None) -> Path:
    """Write bench/results/<name>.json with the machine attached; return its path."""
    folder = folder or RESULTS
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    payload = {"benchmark": name, "machine": machine(), "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), **data}
    path.write_text(json.dumps(payload, indent=2) + "\n", "utf-8")
    return path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load_questions(path: Path = EVAL_SET) -> list[tuple[str, list[str] | None]]:
    """(question, history) of every case of the evaluation set."""
    cases = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [(c["question"], c.get("history")) for c in cases]


def python_env() -> dict:
    """The environment for child processes: the repository importable, output unbuffered."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["PYTHONUNBUFFERED"] = "1"
    return env


def server_env(db: Path, **settings: str) -> dict:
    """The environment for a benchmark server: the developer's own ASSISTANT_* settings removed,
    the bundled corpus, a scratch database, no rate limit, then `settings` on top."""
    env = {k: v for k, v in python_env().items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_CORPUS=str(ROOT / "corpus"), ASSISTANT_DB=str(db), ASSISTANT_RATE_LIMIT="off")
    return env | settings


PYTHON = sys.executable


def median_row(runs: list[dict], keys: tuple[str, ...]) -> dict:
    """One row whose measurements are the medians of repeated runs (the machine is shared and noisy)."""
    row = dict(runs[0])
    for key in keys:
        row[key] = float(np.median([r[key] for r in runs]))
    row["runs"] = len(runs)
    return row
