"""Time the safety check (rules and both classifier heads) one message at a time.

    python -m bench.safety_timing            # the first 600 lines of the development safety set

Each message is assessed once without the cache, after one warm-up call that loads the models;
prints the median and the 90th percentile in milliseconds (README, Safety).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from assistant import safety

SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "crisis_safety.jsonl"


def main(count: int = 600) -> None:
    lines = SET.read_text("utf-8").splitlines()
    messages = [json.loads(line)["text"] for line in lines if line.strip()][:count]
    safety.assess("warm up")
    times = []
    for message in messages:
        start = time.perf_counter()
        safety.assess.__wrapped__(message)  # not the lru cache: every message is read afresh
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p90 = times[int(0.9 * len(times))]
    print(f"{len(times)} messages: median {statistics.median(times):.2f} ms, 90th percentile {p90:.2f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 600)
