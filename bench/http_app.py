"""`assistant serve` for the HTTP benchmark: another worker class or count, and a trivial POST route.

This is web.server.serve() itself (same app factory, same gunicorn options: bind, preload_app,
control socket off, ...), with two changes for measuring:

- POST /bench/echo parses a small JSON body and returns JSON. It is added to the real app, so
  it passes through the same hooks (security headers, error handlers) and the gap between it
  and /api/ask is the cost of the API view and the engine.
- --threads N overrides serve()'s threads per worker: 1 gives gunicorn's sync worker, more
  give gthread. Without it the options are exactly those `assistant serve` uses.
- --no-reply-cache answers every /api/ask with the engine (web/replies.py keeps nothing), to
  show what a question never asked before costs.

    python -m bench.http_app --port 8001 --workers 2 [--threads 1]
"""

from __future__ import annotations

import argparse
import sys

from flask import Flask, request

import web.server as server
from web.api import public_reply
from web.replies import ReplyBodies

ECHO_PATH = "/bench/echo"


def echo():
    """Parse the JSON body and answer with a small JSON object, as cheaply as a POST route can."""
    body = request.get_json()
    question = body.get("question", "") if isinstance(body, dict) else ""
    return {"status": "ok", "length": len(question)}


def patch_server(threads: int | None, reply_cache: bool = True) -> None:
    """Make serve() add the echo route to the app it builds, and use `threads` threads per worker."""
    create_app = server.create_app

    def create_app_with_echo(*args, **kwargs) -> Flask:
        app = create_app(*args, **kwargs)
        app.add_url_rule(ECHO_PATH, "bench_echo", echo, methods=["POST"])
        if not reply_cache:
            app.extensions["replies"] = ReplyBodies(app.extensions, public_reply, size=0)
        return app

    server.create_app = create_app_with_echo
    if threads is None:
        return
    init = server.GunicornServer.__init__

    def init_with_threads(self, app: Flask, options: dict, *args, **kwargs) -> None:
        worker_class = "gthread" if threads > 1 else "sync"
        init(self, app, {**options, "threads": threads, "worker_class": worker_class}, *args, **kwargs)

    server.GunicornServer.__init__ = init_with_threads


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, help=f"threads per worker (serve() uses {server.THREADS_PER_WORKER})")
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--no-reply-cache", action="store_true", help="answer every ask with the engine")
    args = parser.parse_args(argv)
    patch_server(args.threads, reply_cache=not args.no_reply_cache)
    return server.serve("127.0.0.1", args.port, args.workers, corpus=args.corpus)


if __name__ == "__main__":
    sys.exit(main())
