"""Load the real server by hand: many concurrent asks and feedback posts, then count what was lost.

    python -m bench.load_by_hand                      # 20,000 requests from 32 threads, own server
    python -m bench.load_by_hand --requests 5000 --threads 16 --workers 4
    python -m bench.load_by_hand --url http://127.0.0.1:8000   # a server you started yourself
    python -m bench.load_by_hand --stack 2            # through nginx to 2 replicas, PostgreSQL, Redis

Run it as a module: as a script, bench/http.py would shadow the standard library's `http`.

Without --url it starts `python -m assistant serve` on a free 127.0.0.1 port (rate limit off, a
temporary database), and afterwards checks that every accepted feedback row is in the database.
With --stack N it starts deploy/run-stack's services (N replicas of --workers workers behind nginx,
PostgreSQL, Redis; rate limits off) and loads nginx's plain HTTP port. Feedback rates the reply
the same client thread was just given (reply ids are signed), each with a comment of its own.
The same traffic, shorter, runs in CI as tests/reliability/test_load.py.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
# One machine sends all the traffic, from one address: no rate limit, feedback limit or cap.
UNLIMITED = {
    "ASSISTANT_RATE_LIMIT": "off",
    "ASSISTANT_FEEDBACK_LIMIT": "off",
    "ASSISTANT_FEEDBACK_DAILY_CAP": "1000000",
}
# Every fourth request is feedback; asks mix answered, unanswered (logged), small talk and crisis.
FEEDBACK_EVERY = 4
QUESTIONS = [
    "How fast does ketamine work?",
    "Does insurance cover ketamine therapy?",
    "Do you validate parking tickets?",
    "hi there",
    "What are the side effects of ketamine?",
    "Is there wifi in the waiting room?",
    "I want to kill myself",
]


def post(host: str, port: int, path: str, body: dict) -> tuple[int, bytes]:
    """POST JSON on a fresh connection and return the status and body."""
    conn = http.client.HTTPConnection(host, port, timeout=60)
    try:
        conn.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def run_load(host: str, port: int, requests: int, threads: int) -> dict:
    """Send the traffic; return counts, accepted feedback ids, latencies and the wall time."""
    statuses: Counter[int] = Counter()
    errors: Counter[str] = Counter()
    accepted: list[str] = []
    latencies: list[float] = []
    lock = threading.Lock()

    def client(first: int) -> None:
        last_reply = None
        for n in range(first, requests, threads):
            if n % FEEDBACK_EVERY == 0 and last_reply:
                path, body = "/api/feedback", {"reply_id": last_reply, "rating": "up", "comment": f"bench-{n}"}
                last_reply = None
            else:
                path, body = "/api/ask", {"question": QUESTIONS[n % len(QUESTIONS)]}
            started = time.perf_counter()
            try:
                status, answer = post(host, port, path, body)
            except (OSError, http.client.HTTPException) as error:
                with lock:
                    errors[type(error).__name__] += 1
                continue
            if status == 200:
                last_reply = json.loads(answer)["id"]
            with lock:
                latencies.append(time.perf_counter() - started)
                statuses[status] += 1
                if status == 201:
                    accepted.append(body["comment"])

    started = time.perf_counter()
    workers = [threading.Thread(target=client, args=(t,)) for t in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return {
        "statuses": statuses,
        "errors": errors,
        "accepted": accepted,
        "latencies": latencies,
        "seconds": time.perf_counter() - started,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(folder: Path, workers: int) -> tuple[subprocess.Popen, int, Path]:
    """Start `assistant serve` with a fresh database and wait for /api/health."""
    port, db = free_port(), folder / "bench.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(HOME=str(folder), ASSISTANT_DB=str(db), ASSISTANT_CORPUS=str(ROOT / "corpus"), **UNLIMITED)
    command = [sys.executable, "-m", "assistant", "serve", "--port", str(port), "--workers", str(workers)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(400):  # 20 s
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/api/health")
            if conn.getresponse().status == 200:
                return process, port, db
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit("the server did not start; run `python -m assistant serve` to see why")


def report(result: dict, requests: int, threads: int, workers: int | None) -> None:
    statuses, errors, latencies = result["statuses"], result["errors"], sorted(result["latencies"])
    server_errors = sum(n for status, n in statuses.items() if status >= 500)
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    print(f"machine      {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the end")
    print(f"requests     {requests}")
    print(f"concurrency  {threads} client threads" + (f", {workers} gunicorn workers" if workers else ""))
    print(f"statuses     {dict(sorted(statuses.items()))}")
    detail = f" {dict(errors)}" if errors else ""
    print(f"errors       {server_errors} 5xx, {sum(errors.values())} connection errors{detail}")
    print(f"wall time    {result['seconds']:.1f} s")
    print(f"throughput   {requests / result['seconds']:.0f} req/s")
    print(f"latency      p50 {cuts[49] * 1000:.1f} ms, p95 {cuts[94] * 1000:.1f} ms, p99 {cuts[98] * 1000:.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load_by_hand", description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--threads", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers of the server this starts")
    parser.add_argument("--url", help="load this running server instead (its database is not checked)")
    parser.add_argument("--stack", type=int, metavar="N", help="start the stack with N replicas and load it")
    args = parser.parse_args()
    if args.stack:
        return run_stack(args)
    if args.url:
        target = urlsplit(args.url)
        result = run_load(target.hostname or "127.0.0.1", target.port or 80, args.requests, args.threads)
        report(result, args.requests, args.threads, None)
        return 1 if any(status >= 500 for status in result["statuses"]) or result["errors"] else 0
    with tempfile.TemporaryDirectory() as folder:
        process, port, db = start_server(Path(folder), args.workers)
        try:
            result = run_load("127.0.0.1", port, args.requests, args.threads)
        finally:
            process.send_signal(signal.SIGTERM)
            code = process.wait(timeout=60)
        report(result, args.requests, args.threads, args.workers)
        with sqlite3.connect(db) as conn:
            stored = {row[0] for row in conn.execute("SELECT comment FROM feedback")}
        lost = len(set(result["accepted"]) - stored)
        print(f"feedback     {len(result['accepted'])} accepted, {lost} lost")
        print(f"shutdown     exit code {code} after SIGTERM")
    failed = lost or code or result["errors"] or any(status >= 500 for status in result["statuses"])
    return 1 if failed else 0


def run_stack(args) -> int:
    """Load nginx in front of N replicas with PostgreSQL and Redis; count rows lost in PostgreSQL."""
    import psycopg

    from deploy.stack import Stack

    with Stack(replicas=args.stack, workers=args.workers, settings=UNLIMITED) as stack:
        result = run_load("127.0.0.1", stack.nginx.http_port, args.requests, args.threads)
        with psycopg.connect(stack.database_url) as conn:
            stored = {row[0] for row in conn.execute("SELECT comment FROM feedback")}
    report(result, args.requests, args.threads, None)
    print(f"stack        nginx, {args.stack} replicas x {args.workers} gunicorn workers, PostgreSQL, Redis")
    lost = len(set(result["accepted"]) - stored)
    print(f"feedback     {len(result['accepted'])} accepted, {lost} lost")
    failed = lost or result["errors"] or any(status >= 500 for status in result["statuses"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
