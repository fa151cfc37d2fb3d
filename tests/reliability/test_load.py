"""Load on the real server: concurrent asks and feedback, no 5xx, and no accepted row lost.

bench/load_by_hand.py runs the same traffic for longer and prints the throughput.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import Counter

import pytest

from bench.load_by_hand import FEEDBACK_EVERY, QUESTIONS

THREADS = 12
REQUESTS = 2_000
# A generous ceiling for 2,000 requests on a slow 2-core CI machine (about 5 s here).
TIME_LIMIT_S = 45.0
AGENT = {"User-Agent": "reliability-load-agent/1.0"}


@pytest.mark.load
def test_concurrent_asks_and_feedback_lose_nothing(start_server, sign_reply):
    server = start_server(workers=2)
    statuses: Counter[tuple[str, int]] = Counter()
    accepted_feedback: list[str] = []
    gap_questions: list[str] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + TIME_LIMIT_S

    def client(thread: int) -> None:
        for n in range(thread, REQUESTS, THREADS):
            if time.monotonic() > deadline:
                return
            try:
                if n % FEEDBACK_EVERY == 0:
                    reply_id = f"load-{n}"
                    body = {
                        "reply_id": sign_reply(nonce=reply_id),
                        "rating": "up" if n % 8 else "down",
                        "comment": f"comment {n}",
                    }
                    reply = server.request("POST", "/api/feedback", body, AGENT, timeout=30)
                    with lock:
                        statuses["feedback", reply.status] += 1
                        if reply.status == 201:
                            accepted_feedback.append(reply_id)
                else:
                    question = QUESTIONS[n % len(QUESTIONS)]
                    reply = server.request("POST", "/api/ask", {"question": question}, AGENT, timeout=30)
                    with lock:
                        statuses["ask", reply.status] += 1
                        if reply.status == 200 and reply.json()["kind"] == "no_answer":
                            gap_questions.append(question)
            except OSError as error:
                with lock:
                    errors.append(f"{type(error).__name__}: {error}")

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(t,)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    sent = sum(statuses.values()) + len(errors)
    print(f"{sent} requests from {THREADS} threads in {elapsed:.1f} s ({sent / elapsed:.0f} req/s): {dict(statuses)}")

    assert sent == REQUESTS, f"only {sent} of {REQUESTS} requests within {TIME_LIMIT_S} s"
    assert errors == []
    assert not [key for key in statuses if key[1] >= 500]
    assert set(statuses) == {("ask", 200), ("feedback", 201)}
    assert server.request("GET", "/api/health").status == 200
    code, _, err = server.stop()
    assert code == 0 and "Traceback" not in err

    with sqlite3.connect(server.db_path) as conn:
        rows = dict(conn.execute("SELECT reply_id, COUNT(*) FROM feedback GROUP BY reply_id").fetchall())
        gaps = Counter(dict(conn.execute("SELECT question, COUNT(*) FROM gaps GROUP BY question").fetchall()))
        dump = "\n".join(conn.iterdump())
    assert rows == dict.fromkeys(accepted_feedback, 1), "every accepted feedback stored exactly once"
    assert gaps == Counter(gap_questions), "every unanswered question logged exactly once"
    assert "127.0.0.1" not in dump and "reliability-load-agent" not in dump
