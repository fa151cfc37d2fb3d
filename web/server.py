"""`assistant serve`: run the app under gunicorn, or Flask's development server with --dev."""

from __future__ import annotations

import logging
import re
import runpy
import socket
import sys

import gunicorn.http.wsgi
import gunicorn.util
from flask import Flask
from gunicorn.app.base import BaseApplication

from assistant import CorpusError
from web.app import create_app
from web.config import ConfigError

# gthread workers: threads share one process's rate-limit window, and a slow client does not
# hold up the others.
THREADS_PER_WORKER = 4
# gunicorn names itself and its version in every response's Server header; say nothing instead.
SERVER_HEADER = "assistant"
_ADDRESS = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b|\b(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}\b", re.IGNORECASE)


class HideClientAddresses(logging.Filter):
    """Blank out IP addresses in log records: gunicorn logs "Invalid request from ip=…"."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _ADDRESS.search(message):
            record.msg, record.args = _ADDRESS.sub("[address hidden]", message), None
        return True


def hide_client_addresses() -> None:
    """No log this project configures holds a client address (the README promises it)."""
    for name in ("gunicorn.error", "gunicorn.access", "flask_limiter", "web", "assistant"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, HideClientAddresses) for f in logger.filters):
            logger.addFilter(HideClientAddresses())


class OneWriteResponse(gunicorn.http.wsgi.Response):
    """gunicorn's response, with the headers and the first body bytes sent in one write.

    gunicorn writes a response's headers, then its body. A replica killed between the two (a
    crash, an OOM kill, SIGKILL in the stack tests) leaves nginx holding a header it has already
    passed on and no body, which it cannot retry elsewhere: the visitor sees a cut-off reply.
    Held back and joined to the body, the whole reply is in the socket at once or not at all.
    """

    _held = b""
    _hold = True

    def send_headers(self):
        if self.headers_sent or not self._hold:
            return super().send_headers()
        lines = self.default_headers() + [f"{name}: {value}\r\n" for name, value in self.headers]
        self._held = ("".join(lines) + "\r\n").encode("latin-1")
        self.headers_sent = True

    def _flush_held(self) -> None:
        if self._held:
            held, self._held = self._held, b""
            gunicorn.util.write(self.sock, held)

    def _emit_body(self, data):
        if self._held and not self.chunked:
            held, self._held = self._held, b""
            gunicorn.util.write(self.sock, held + data)
            return
        self._flush_held()
        super()._emit_body(data)

    def sendfile(self, respiter):
        self._hold = False  # the file goes out by os.sendfile, after headers written as usual
        self._flush_held()
        return super().sendfile(respiter)

    def close(self):
        self._flush_held()
        self._hold = False
        super().close()


class GunicornServer(BaseApplication):
    """Serve an app that is already built, so the index is made once, before the workers fork."""

    def __init__(self, app: Flask, options: dict, config_file: str | None = None) -> None:
        self.application = app
        self.options = options
        self.config_file = config_file
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)
        if self.config_file:  # deploy/gunicorn.conf.py: what it sets wins over the defaults above
            for key, value in runpy.run_path(self.config_file).items():
                if key in self.cfg.settings and value is not None:
                    self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.application


def server_url(host: str, port: int) -> str:
    """The address to open in a browser (IPv6 hosts in brackets)."""
    shown = "localhost" if host in ("0.0.0.0", "::") else host
    return f"http://[{shown}]:{port}/" if ":" in shown else f"http://{shown}:{port}/"


def bind_problem(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port (bad port, unknown host, port in use), else None.

    Checked by binding once before the URL is printed, so a visitor is never shown an address
    that does not answer; the socket is closed again at once and the server binds it afresh.
    """
    if not 1 <= port <= 65535:
        return f"--port must be between 1 and 65535, got {port}"
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as error:
        return f"--host {host!r} is not an address this machine can listen on ({error})"
    family, kind, proto, _, address = infos[0]
    try:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn and werkzeug do
            probe.bind(address)
    except OSError as error:
        return f"cannot listen on {host}:{port}: {error.strerror or error}"
    return None


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    dev: bool = False,
    corpus: str | None = None,
    gunicorn_config: str | None = None,
) -> int:
    """Build the app once, print its URL and serve until stopped; return the exit status."""
    if workers < 1:
        print(f"error: --workers must be 1 or more, got {workers}", file=sys.stderr)
        return 2
    problem = bind_problem(host, port)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    hide_client_addresses()
    try:
        app = create_app({"ASSISTANT_CORPUS": corpus} if corpus else None)
    except (CorpusError, ConfigError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"Clinic FAQ assistant: open {server_url(host, port)}", flush=True)
    if dev:
        print("Development server: do not use it in production.", flush=True)
        app.config["TEMPLATES_AUTO_RELOAD"] = True
        app.run(host=host, port=port, debug=False, use_reloader=False, threaded=True)
        return 0
    options = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "threads": THREADS_PER_WORKER,
        "preload_app": True,
        "control_socket_disable": True,  # gunicorn 27 otherwise opens a socket under $HOME/.gunicorn
    }
    gunicorn.http.wsgi.SERVER = SERVER_HEADER  # read when each response is made
    gunicorn.http.wsgi.Response = OneWriteResponse  # looked up by wsgi.create() for each request
    try:
        GunicornServer(app, options, gunicorn_config).run()
    except SystemExit as stop:  # the arbiter exits the process when it halts
        return stop.code if isinstance(stop.code, int) else 1
    return 0
