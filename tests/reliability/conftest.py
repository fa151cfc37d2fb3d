"""Fixtures for the reliability tests: the engine, in-process apps, and the real server in a subprocess.

The app → client chain, the database and browser fixtures come from tests/conftest.py; only the
live-server fixtures, specific to these tests, are here. No test imports this module.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.serving import make_server

from assistant import Assistant
from tests.helpers import (
    REPLY_SECRET,  # the sign_reply fixture's ids are valid on these servers too
    HttpAnswer,
)

ROOT = Path(__file__).resolve().parents[2]
# gunicorn imports the engine and builds the index before it listens; ~1 s here, CI machines vary.
SERVER_READY_S = 20.0


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository folder (corpus, test data, web)."""
    return ROOT


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """On disk, not in RAM as elsewhere: faults (read-only files, chattr +i) and load need a real disk."""
    return tmp_path / "instance" / "assistant.db"


@pytest.fixture(scope="session")
def engine(assistant: Assistant) -> Assistant:
    """The real bundled corpus, indexed once for the whole session (tests/conftest.py builds it)."""
    return assistant


# The real server ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveServer:
    """`python -m assistant serve` running in a subprocess on 127.0.0.1."""

    process: subprocess.Popen
    port: int
    db_path: Path
    log_dir: Path
    stopped: bool = field(default=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request(
        self, method: str, path: str, body=None, headers: dict | None = None, timeout: float = 15
    ) -> HttpAnswer:
        """Send one request on a fresh connection; a dict or list body is sent as JSON."""
        headers = dict(headers or {})
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            headers.setdefault("Content-Type", "application/json")
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            return HttpAnswer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        finally:
            conn.close()

    def raw(self, data: bytes, timeout: float = 10) -> bytes:
        """Send bytes as they are and read until the server closes or stays silent."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as sock:
            sock.sendall(data)
            return read_until_closed(sock)

    def stop(self, timeout: float = 40) -> tuple[int, str, str]:
        """SIGTERM, wait, and return (exit code, stdout, stderr)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=timeout)
        self.stopped = True
        return code, self.output("stdout"), self.output("stderr")

    def output(self, name: str) -> str:
        return (self.log_dir / f"server.{name}").read_text("utf-8", errors="replace")


def read_until_closed(sock: socket.socket) -> bytes:
    """Everything the peer sends until it closes the connection or the socket times out."""
    chunks = []
    while True:
        try:
            data = sock.recv(65536)
        except (TimeoutError, ConnectionResetError):
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks)


def launch_server(log_dir: Path, workers: int = 2, **settings: str) -> LiveServer:
    """Start the real server and wait until /api/health answers; fail with its stderr if it does not."""
    log_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    db_path = Path(settings.pop("ASSISTANT_DB", log_dir / "assistant.db"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(
        HOME=str(log_dir),  # gunicorn must not write under the developer's home
        PYTHONUNBUFFERED="1",
        ASSISTANT_DB=str(db_path),
        ASSISTANT_RATE_LIMIT="off",
        ASSISTANT_FEEDBACK_LIMIT="off",
        ASSISTANT_SECRET_KEY=REPLY_SECRET,
        ASSISTANT_CORPUS=str(ROOT / "corpus"),
        **settings,
    )
    command = [sys.executable, "-m", "assistant", "serve", "--port", str(port), "--workers", str(workers)]
    with open(log_dir / "server.stdout", "wb") as out, open(log_dir / "server.stderr", "wb") as err:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=err)
    server = LiveServer(process, port, db_path, log_dir)
    deadline = time.monotonic() + SERVER_READY_S
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if server.request("GET", "/api/health", timeout=2).status == 200:
                return server
        except OSError:
            time.sleep(0.05)
    process.kill()
    process.wait(timeout=10)
    pytest.fail(f"server did not become ready in {SERVER_READY_S} s:\n{server.output('stderr')[-3000:]}")


@pytest.fixture
def start_server(tmp_path: Path) -> Iterator[Callable[..., LiveServer]]:
    """Start real servers for one test; any still running at the end are killed."""
    started: list[LiveServer] = []

    def start(workers: int = 2, **settings: str) -> LiveServer:
        server = launch_server(tmp_path / f"server-{len(started)}", workers, **settings)
        started.append(server)
        return server

    yield start
    for server in started:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait(timeout=10)


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory, staff_token: str) -> Iterator[LiveServer]:
    """One real server (1 worker, staff token set) shared by a module's read-mostly protocol tests."""
    server = launch_server(tmp_path_factory.mktemp("shared-server"), 1, ASSISTANT_STAFF_TOKEN=staff_token)
    yield server
    if server.process.poll() is None:
        server.process.kill()
        server.process.wait(timeout=10)


@pytest.fixture
def live_app() -> Iterator[Callable[[Flask], str]]:
    """Serve an in-process app on a free port in a thread (for the browser); returns its base URL."""
    servers = []

    def serve(app: Flask) -> str:
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        servers.append((server, thread))
        return f"http://127.0.0.1:{server.server_port}"

    yield serve
    for server, thread in servers:
        server.shutdown()
        thread.join(timeout=10)
