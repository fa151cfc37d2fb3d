"""Cold start: from launching Python to the first answered question, in-process and for the server.

Each variant runs in fresh processes, alternating, and reports medians. "plain `import nltk`"
imports NLTK the ordinary way first (with scipy.stats, when scipy is installed), which is how
the engine started before assistant/nltk_parts.py; the difference is what that module saves.
`python -X importtime` shows which imports dominate.

    python -m bench.coldstart [--repeats 5]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.common import PYTHON, ROOT, free_port, python_env, server_env, table, write_results

REPEATS = 5
SERVER_TIMEOUT_S = 60
FIRST_ANSWER = 'from assistant import Assistant; Assistant.from_directory("corpus").ask("x")'
PLAIN_NLTK = "import nltk; "  # NLTK's own import, scipy.stats included: the engine's start before nltk_parts.py
IN_PROCESS = {
    "python -c pass (interpreter floor)": "pass",
    "import numpy": "import numpy",
    "first answer (engine as shipped)": FIRST_ANSWER,
    "first answer, plain `import nltk` first (before)": PLAIN_NLTK + FIRST_ANSWER,
}
SERVE_ARGS = ["serve", "--host", "127.0.0.1", "--workers", "2"]
SERVER = {
    "assistant serve (as shipped)": "",
    "assistant serve, plain `import nltk` first (before)": PLAIN_NLTK,
}
TARGET_S = 1.0  # issue 5: under 1 s to the first answer in-process
# Top-level packages whose import time is reported (cumulative: includes what they import first).
WATCHED = ("nltk", "scipy.stats", "wordfreq", "numpy", "markdown_it", "rank_bm25")


def time_command(code: str) -> float:
    """Seconds from spawning `python -c code` in the repository to its exit."""
    start = time.perf_counter()
    subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=python_env(), check=True, capture_output=True)
    return time.perf_counter() - start


def time_server(prefix: str, folder: Path) -> dict:
    """Seconds from spawning the server to /api/health answering 200, and to the first /api/ask answer."""
    port = free_port()
    args = [*SERVE_ARGS, "--port", str(port)]
    command = [PYTHON, "-m", "assistant", *args]  # as shipped; with a prefix, the same through runpy
    if prefix:
        code = f"{prefix}import sys, runpy; sys.argv = ['assistant', *{args!r}]; "
        command = [PYTHON, "-c", code + "runpy.run_module('assistant', run_name='__main__', alter_sys=True)"]
    env = server_env(folder / f"cold-{port}.db")
    base = f"http://127.0.0.1:{port}"
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        health = _poll(base + "/api/health", process, start) - start
        body = json.dumps({"question": "how fast does ketamine work"}).encode()
        request = urllib.request.Request(base + "/api/ask", body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            kind = json.loads(response.read())["kind"]
        answer = time.perf_counter() - start
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # gunicorn's arbiter and workers share the session
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    return {"health_s": health, "first_answer_s": answer, "kind": kind}


def _poll(url: str, process: subprocess.Popen, start: float) -> float:
    while time.perf_counter() - start < SERVER_TIMEOUT_S:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode} before answering")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return time.perf_counter()
        except (urllib.error.URLError, OSError):
            time.sleep(0.01)
    raise RuntimeError(f"no answer from {url} after {SERVER_TIMEOUT_S} s")


def import_times(prefix: str = "") -> dict[str, float]:
    """Seconds spent importing, in all and in the watched packages, from `python -X importtime`."""
    code = prefix + "from assistant import Assistant; import sys; print(*sys.modules)"
    done = subprocess.run(
        [PYTHON, "-X", "importtime", "-c", code], cwd=ROOT, env=python_env(), check=True, capture_output=True, text=True
    )
    loaded = set(done.stdout.split())  # an import that failed (scipy hidden from NLTK) is logged but not loaded
    found: dict[str, float] = {"all imports": 0.0}
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( +)(\S+)$", line)
        if not m:
            continue
        seconds = int(m.group(1)) / 1e6
        if m.group(3) in WATCHED and m.group(3) in loaded:
            found[m.group(3)] = seconds  # cumulative: includes what it was first to import
        if len(m.group(2)) == 1:  # imported by the command itself, not by another module
            found["all imports"] += seconds
    return found


def run(repeats: int = REPEATS, server: bool = True, before: bool = True, results: Path | None = None) -> dict:
    """Time every variant `repeats` times, alternating; print the tables and write JSON.

    before=False leaves out the "plain `import nltk`" variants (the smoke test does, for time).
    """
    in_process = {k: v for k, v in IN_PROCESS.items() if before or PLAIN_NLTK not in v}
    servers = {k: v for k, v in SERVER.items() if server and (before or not v)}
    samples: dict[str, list[float]] = {name: [] for name in in_process}
    server_samples: dict[str, list[dict]] = {name: [] for name in servers}
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as tmp:
        for _ in range(repeats):
            for name, code in in_process.items():
                samples[name].append(time_command(code))
            for name, prefix in servers.items():
                server_samples[name].append(time_server(prefix, Path(tmp)))
    data = {
        "repeats": repeats,
        "in_process": {name: {"median_s": statistics.median(v), "runs_s": v} for name, v in samples.items()},
        "server": {
            name: {
                "health_median_s": statistics.median(r["health_s"] for r in runs),
                "first_answer_median_s": statistics.median(r["first_answer_s"] for r in runs),
                "runs": runs,
            }
            for name, runs in server_samples.items()
            if runs
        },
        "import_s": {
            "as shipped": import_times(),
            "plain import nltk first": import_times(PLAIN_NLTK) if before else {},
        },
    }
    path = write_results("coldstart", data, results)
    print(format_table(data))
    print(f"(written to {path})")
    return data


def format_table(data: dict) -> str:
    rows = [[name, v["median_s"]] for name, v in data["in_process"].items()]
    out = f"Cold start: medians of {data['repeats']} fresh processes each, alternating\n\n"
    out += table(["in-process, launch to exit", "seconds"], rows)
    if data["server"]:
        rows = [[name, v["health_median_s"], v["first_answer_median_s"]] for name, v in data["server"].items()]
        out += "\n\n" + table(["server (2 gthread workers)", "to /api/health 200, s", "to first /api/ask, s"], rows)
    shipped, before = data["import_s"]["as shipped"], data["import_s"]["plain import nltk first"]
    absent = "not imported"
    rows = [[pkg, shipped.get(pkg, absent), before.get(pkg, absent)] for pkg in ("all imports", *WATCHED)]
    out += "\n\n" + table(["import (python -X importtime, cumulative)", "shipped, s", "before, s"], rows)
    first = data["in_process"]["first answer (engine as shipped)"]["median_s"]
    verdict = "met" if first < TARGET_S else "missed"
    return out + f"\n\nfirst answer in-process: {first:.2f} s (target under {TARGET_S:g} s: {verdict})\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=REPEATS)
    parser.add_argument("--no-server", action="store_true", help="skip the server cold start")
    args = parser.parse_args(argv)
    run(args.repeats, server=not args.no_server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
