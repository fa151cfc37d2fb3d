"""A per-client sliding-window rate limit, kept in memory.

Each gunicorn worker process has its own window, so with N workers a client may get up to N times
the limit; the default of one worker with threads keeps it exact.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

# Sweep idle clients once this many are tracked, so a scan from many addresses cannot grow memory.
MAX_TRACKED_CLIENTS = 10_000


class SlidingWindowLimiter:
    """Allow at most `limit` hits per client within any `window` seconds."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        if limit < 1 or window <= 0:
            raise ValueError(f"limit and window must be positive, got {limit} per {window} s")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, client: str) -> int:
        """Count one hit; return 0 if allowed, else the whole seconds to wait before retrying."""
        now = self._clock()
        with self._lock:
            if len(self._hits) >= MAX_TRACKED_CLIENTS:
                self._sweep(now)
            hits = self._hits.setdefault(client, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return max(1, math.ceil(hits[0] + self.window - now))
            hits.append(now)
            return 0

    def _sweep(self, now: float) -> None:
        idle = [key for key, hits in self._hits.items() if not hits or hits[-1] <= now - self.window]
        for key in idle:
            del self._hits[key]
