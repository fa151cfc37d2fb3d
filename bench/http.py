"""HTTP: the real server under wrk, /api/ask beside a trivial POST, for several gunicorn worker settings.

Each setting starts `assistant serve` (through bench/http_app.py, which adds the trivial route
and can change the worker class) with ASSISTANT_RATE_LIMIT=off, then loads /api/ask and
/bench/echo in turn with wrk on 127.0.0.1 at each connection count. Bodies rotate through the
evaluation questions (answers, refusals, crisis and small talk, as visitors send them);
unanswered questions are logged to a scratch SQLite file as in production. Non-2xx responses
and socket errors count as errors. wrk runs one thread, on the same two cores as the server.

Run as a module (`python -m bench.http`): run as a script, this file would shadow the
standard library's `http` package.

    python -m bench.http [--duration 10] [--connections 16,64] [--configs sync:2,gthread:2,gthread:2:nolog:nocache]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.common import PYTHON, free_port, load_questions, server_env, table, write_results
from bench.http_app import ECHO_PATH

DURATION_S = 10  # per route and load, split into ROUNDS alternating wrk runs
ROUNDS = 5
CONNECTIONS = (16, 64)
# (worker class, workers, unanswered questions logged[, reply cache]). gthread runs
# web/server.py's THREADS_PER_WORKER threads per worker; gthread with 2 workers, logging on, is
# what `assistant serve` runs by default. The "no gap logging" rows show what logging to SQLite
# costs; the "no reply cache" rows what a question never asked before costs (web/replies.py).
CONFIGS = (
    ("sync", 2, True),
    ("sync", 3, True),
    ("sync", 4, True),
    ("gthread", 1, True),
    ("gthread", 2, True),
    ("gthread", 2, False),
    ("gthread", 2, True, False),
    ("gthread", 2, False, False),
)
SHIPPED = ("gthread", 2, True, True)
ASK_PATH = "/api/ask"
START_TIMEOUT_S = 60
TARGET_RATIO = 0.8  # issue 5: /api/ask at least 0.8 x the trivial POST's requests/s

_LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local bodies = { %(bodies)s }
local i = 0
request = function()
  i = i %% #bodies + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %%d, "duration_us": %%d, "connect": %%d, "read": %%d, "write": %%d, ' ..
    '"status": %%d, "timeout": %%d, "p50_us": %%.1f, "p99_us": %%.1f, "max_us": %%.1f}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
"""


def wrk_script(folder: Path) -> Path:
    """A wrk Lua script that POSTs the evaluation questions as JSON bodies, in turn."""
    bodies = []
    for question, history in load_questions():
        body = {"question": question[:500]} | ({"history": history} if history else {})
        bodies.append("[==[" + json.dumps(body) + "]==]")  # ASCII JSON, so a Lua long string holds it as is
    path = folder / "post_json.lua"
    path.write_text(_LUA % {"bodies": ",\n  ".join(bodies)}, "utf-8")
    return path


def run_wrk(url: str, script: Path, connections: int, duration: float) -> dict:
    """One wrk run: requests/s, latency p50/p99 and errors (socket errors plus non-2xx/3xx answers)."""
    seconds = max(1, round(duration))
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", "-s", str(script), url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=False)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("WRK_JSON ")), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stdout[-1000:]} {done.stderr[-1000:]}")
    raw = json.loads(line.removeprefix("WRK_JSON "))
    errors = sum(raw[k] for k in ("connect", "read", "write", "status", "timeout"))
    return {
        "requests": raw["requests"],
        "rps": raw["requests"] / (raw["duration_us"] / 1e6),
        "p50_ms": raw["p50_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "errors": errors,
        "non_2xx": raw["status"],
        "raw": raw,
    }


def _merge(runs: list[dict]) -> dict:
    """Requests/s and server CPU per request over all runs, the median run's p50, the worst p99, all errors."""
    seconds = sum(r["raw"]["duration_us"] for r in runs) / 1e6
    requests = sum(r["requests"] for r in runs)
    return {
        "requests": requests,
        "cpu_ms_per_request": 1000 * sum(r["cpu_s"] for r in runs) / max(requests, 1),
        "rps": requests / seconds,
        "p50_ms": statistics.median(r["p50_ms"] for r in runs),
        "p99_ms": max(r["p99_ms"] for r in runs),
        "errors": sum(r["errors"] for r in runs),
        "non_2xx": sum(r["non_2xx"] for r in runs),
        "runs": [r["raw"] for r in runs],
    }


class Server:
    """`assistant serve` with the benchmark route, in its own session so it can be stopped with its workers."""

    def __init__(self, worker_class: str, workers: int, log_questions: bool, folder: Path, reply_cache: bool = True):
        self.port = free_port()
        threads = ["--threads", "1"] if worker_class == "sync" else []
        threads += [] if reply_cache else ["--no-reply-cache"]
        db = folder / f"bench-{self.port}.db"
        env = server_env(db, ASSISTANT_LOG_QUESTIONS="1" if log_questions else "0")
        self.log = (folder / f"server-{self.port}.log").open("w")
        command = [PYTHON, "-m", "bench.http_app", "--port", str(self.port), "--workers", str(workers), *threads]
        self.process = subprocess.Popen(
            command, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.base = f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout: float = START_TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}; see {self.log.name}")
            try:
                with urllib.request.urlopen(self.base + "/api/health", timeout=1) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                time.sleep(0.05)
        raise RuntimeError(f"server not ready after {timeout} s; see {self.log.name}")

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the server: arbiter and workers, all threads.

        CPU per request moves much less than requests/s when other work shares the machine.
        """
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue  # the process ended meanwhile
            if int(fields[3]) == self.process.pid:  # same session: started by this server
                total += int(fields[11]) + int(fields[12])
        return total / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # the gunicorn arbiter and its workers
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def measure_config(
    config: tuple[str, int, bool], connections, duration: int, folder: Path, script: Path, rounds: int = ROUNDS
) -> dict:
    """Start one server setting, warm it up, then alternate /api/ask and the echo route at each load."""
    worker_class, workers, log_questions, reply_cache = (*config, True)[:4]
    server = Server(worker_class, workers, log_questions, folder, reply_cache)
    try:
        server.wait_ready()
        run_wrk(server.base + ASK_PATH, script, max(connections), min(duration, 2))  # warm-up, not recorded
        loads = []
        for c in connections:
            # Alternate the two routes in short runs, so a burst of other work on the machine hits both.
            runs: dict[str, list[dict]] = {"ask": [], "echo": []}
            for _ in range(rounds):
                for route, path in (("ask", ASK_PATH), ("echo", ECHO_PATH)):
                    cpu = server.cpu_seconds()
                    result = run_wrk(server.base + path, script, c, duration / rounds)
                    result["cpu_s"] = server.cpu_seconds() - cpu
                    runs[route].append(result)
            ask, trivial = _merge(runs["ask"]), _merge(runs["echo"])
            loads.append(
                {
                    "connections": c,
                    "ask": ask,
                    "echo": trivial,
                    "ratio": ask["rps"] / trivial["rps"],
                    "cpu_ratio": trivial["cpu_ms_per_request"] / ask["cpu_ms_per_request"],
                }
            )
    finally:
        server.stop()
    threads = 1 if worker_class == "sync" else "serve() default"
    return {
        "worker_class": worker_class,
        "workers": workers,
        "threads": threads,
        "log_questions": log_questions,
        "reply_cache": reply_cache,
        "loads": loads,
    }


def choose(configs: list[dict]) -> dict:
    """The setting with the most /api/ask requests/s at the highest load among those with no errors."""
    # The product logs and caches replies; compare like with like.
    logging = [c for c in configs if c["log_questions"] and c.get("reply_cache", True)] or configs
    clean = [c for c in logging if all(ld["ask"]["errors"] == 0 for ld in c["loads"])] or logging
    best = max(clean, key=lambda c: c["loads"][-1]["ask"]["rps"])
    return {"worker_class": best["worker_class"], "workers": best["workers"]}


def run(
    configs=CONFIGS,
    connections=CONNECTIONS,
    duration: int = DURATION_S,
    rounds: int = ROUNDS,
    results: Path | None = None,
) -> dict | None:
    """Measure each worker setting; print a table and write JSON. Returns None when wrk is missing."""
    if shutil.which("wrk") is None:
        print("HTTP benchmark skipped: wrk is not installed (apt-get install wrk)")
        return None
    with tempfile.TemporaryDirectory(prefix="bench-http-") as tmp:
        folder = Path(tmp)
        script = wrk_script(folder)
        measured = [measure_config(config, connections, duration, folder, script, rounds) for config in configs]
    data = {
        "duration_s": duration,
        "rounds": rounds,
        "connections": list(connections),
        "configs": measured,
        "chosen": choose(measured),
    }
    path = write_results("http", data, results)
    print(format_table(data))
    print(f"(written to {path})")
    return data


def format_table(data: dict) -> str:
    rows = []
    for c in data["configs"]:
        name = f"{c['worker_class']} x{c['workers']}"
        if (c["worker_class"], c["workers"], c["log_questions"], c.get("reply_cache", True)) == SHIPPED:
            name += " (shipped)"
        if not c["log_questions"]:
            name += ", no gap logging"
        if not c.get("reply_cache", True):
            name += ", no reply cache"
        for ld in c["loads"]:
            ask, echo = ld["ask"], ld["echo"]
            rows.append(
                [
                    name,
                    ld["connections"],
                    ask["rps"],
                    f"{ask['p50_ms']:.1f} / {ask['p99_ms']:.0f}",
                    echo["rps"],
                    f"{echo['p50_ms']:.1f} / {echo['p99_ms']:.0f}",
                    f"{ask['errors']} / {echo['errors']}",
                    f"{ask['cpu_ms_per_request']:.2f} / {echo['cpu_ms_per_request']:.2f}",
                    f"{ld['ratio']:.2f}",
                    f"{ld['cpu_ratio']:.2f}",
                ]
            )
    headers = ["workers", "conns", "ask req/s", "ask p50 / p99 ms", "echo req/s", "echo p50 / p99 ms"]
    headers += ["errors ask / echo", "server CPU ms/req ask / echo", "ask ÷ echo req/s", "ask ÷ echo by CPU"]
    chosen = data["chosen"]
    return (
        f"HTTP: wrk, {data['duration_s']:g} s per route and load in {data['rounds']} alternating runs, "
        f"POST /api/ask beside the trivial POST {ECHO_PATH}; "
        "gthread workers run web/server.py's THREADS_PER_WORKER threads. Server CPU per request (arbiter and "
        "workers, from /proc) moves much less than requests/s when other work shares the machine\n\n"
        + table(headers, rows)
        + f"\n\nmost /api/ask requests/s at {data['connections'][-1]} connections without errors: "
        f"{chosen['worker_class']} x{chosen['workers']} (target: ask ÷ echo >= {TARGET_RATIO})\n"
    )


def _configs(text: str) -> tuple[tuple[str, int, bool, bool], ...]:
    out = []
    for item in text.split(","):
        kind, count, *flags = item.split(":")
        if kind not in ("sync", "gthread") or not count.isdigit() or not set(flags) <= {"nolog", "nocache"}:
            raise argparse.ArgumentTypeError(
                "configs are CLASS:WORKERS[:nolog][:nocache] with CLASS sync or gthread, e.g. gthread:2:nolog; "
                f"got {item!r}"
            )
        out.append((kind, int(count), "nolog" not in flags, "nocache" not in flags))
    return tuple(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=DURATION_S, help="seconds per route and load")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="alternating wrk runs the duration is split into")
    parser.add_argument("--connections", default=",".join(map(str, CONNECTIONS)))
    parser.add_argument(
        "--configs", type=_configs, default=CONFIGS, help="e.g. sync:2,gthread:2,gthread:2:nolog:nocache"
    )
    args = parser.parse_args(argv)
    connections = tuple(int(c) for c in args.connections.split(","))
    return 0 if run(args.configs, connections, args.duration, args.rounds) is not None else 1


if __name__ == "__main__":
    sys.exit(main())
