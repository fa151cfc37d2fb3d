"""`serve`: the production server starts, answers and stops; a bad corpus stops it cleanly."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from web.server import serve, server_url

ROOT = Path(__file__).resolve().parents[2]
# The issue asks for under 2 s on the bundled corpus; CI machines vary, so the test allows more
# and prints the measured time.
READY_LIMIT_S = 8.0


def test_serve_reports_a_bad_corpus_without_traceback(tmp_path, capsys):
    assert serve(corpus=str(tmp_path / "missing-corpus")) != 0
    err = capsys.readouterr().err
    assert "missing-corpus" in err and "Traceback" not in err


def test_serve_reports_a_bad_setting(monkeypatch, capsys):
    monkeypatch.setenv("ASSISTANT_RATE_LIMIT", "many")
    assert serve() == 2
    assert "ASSISTANT_RATE_LIMIT" in capsys.readouterr().err


def test_serve_refuses_zero_workers(capsys):
    assert serve(workers=0) == 2
    assert "--workers" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("host", "url"),
    [("127.0.0.1", "http://127.0.0.1:8000/"), ("0.0.0.0", "http://localhost:8000/"), ("::1", "http://[::1]:8000/")],
)
def test_server_url_is_printable(host, url):
    assert server_url(host, 8000) == url


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_gunicorn_serves_the_app_quickly_without_a_control_socket(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(HOME=str(tmp_path), ASSISTANT_DB=str(tmp_path / "db.sqlite"), PYTHONUNBUFFERED="1")
    code = f"import sys; from web.server import serve; sys.exit(serve(port={port}, workers=1))"
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        body = None
        while time.monotonic() - started < READY_LIMIT_S and process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1) as response:
                    body = response.read()
                    server_header = response.headers.get("Server", "")
                    break
            except OSError:
                time.sleep(0.05)
        ready = time.monotonic() - started
        assert body and b'"status"' in body, f"not ready after {ready:.1f} s"
        print(f"gunicorn ready in {ready:.2f} s")
        # A file sent by sendfile and a page, through the one-write response (web/server.py).
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/openapi.json", timeout=5) as response:
            assert json.loads(response.read())["openapi"].startswith("3.")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert b"<html" in response.read().lower()
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=15)
    assert f"http://127.0.0.1:{port}/" in out
    assert "Traceback" not in err
    assert not (tmp_path / ".gunicorn").exists()
    assert "gunicorn" not in server_header.lower()  # no product or version for scanners


def test_log_filter_blanks_client_addresses():
    import logging

    from web.server import HideClientAddresses

    record = logging.LogRecord("gunicorn.error", logging.WARNING, "", 0, "Invalid request from ip=%s: %s", None, None)
    record.args = ("203.0.113.5", "bad request line")
    HideClientAddresses().filter(record)
    assert "203.0.113.5" not in record.getMessage() and "bad request line" in record.getMessage()
    v6 = logging.LogRecord("x", logging.INFO, "", 0, "from 2001:db8::7 and ::ffff:10.0.0.1", None, None)
    HideClientAddresses().filter(v6)
    assert "2001:db8" not in v6.getMessage() and "10.0.0.1" not in v6.getMessage()


def _post(url: str, body: dict | None = None, method: str = "POST", token: str | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


@pytest.mark.slow
def test_a_staff_edit_reaches_every_gunicorn_worker_within_ten_seconds(tmp_path):
    """The issue's bar: added through the API, answered by /api/ask within 10 s, gone after DELETE."""
    port, token = _free_port(), "edit-test-token-0123456789-abcdefghij"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(HOME=str(tmp_path), ASSISTANT_DB=str(tmp_path / "db.sqlite"), ASSISTANT_STAFF_TOKEN=token)
    env.update(ASSISTANT_RATE_LIMIT="off", ASSISTANT_CLINIC_PHONE="555 010 0199")
    code = f"import sys; from web.server import serve; sys.exit(serve(port={port}, workers=2))"
    process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    question = "Can my pooch come along to the session?"

    def kinds_until(kind: str) -> list[str]:
        """Ask until 20 answers in a row (spread over both workers) have this kind, for at most 10 s."""
        seen, started = [], time.monotonic()
        while time.monotonic() < started + 10 and seen[-20:] != [kind] * 20:
            seen.append(_post(f"{base}/api/ask", {"question": question})["kind"])
        print(f"{kind} on every worker after {time.monotonic() - started:.2f} s ({len(seen)} asks)")
        return seen

    try:
        for _ in range(int(READY_LIMIT_S / 0.05)):
            try:
                declined = _post(f"{base}/api/ask", {"question": question})
                break
            except OSError:
                time.sleep(0.05)
        assert declined["kind"] == "no_answer" and declined["contact"] == {"phone": "555 010 0199"}
        passage = "ketamine-neuroplasticity#introduction-p1"
        edit = _post(f"{base}/api/staff/questions", {"passage": passage, "question": question}, token=token)
        assert kinds_until("answer")[-20:] == ["answer"] * 20
        _post(f"{base}/api/staff/questions/{edit['id']}", method="DELETE", token=token)
        assert kinds_until("no_answer")[-20:] == ["no_answer"] * 20
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=15)
