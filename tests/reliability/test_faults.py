"""Faults: a broken corpus stops `check` and `serve` with a message naming the file; a broken
database stops only feedback; SIGTERM under load lets in-flight requests finish.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from assistant.cli import main

ASK = {"question": "How fast does ketamine work?"}
ARTICLE = """---
title: A Small Article
slug: small-article
---

## 1. Only Section

Ketamine can work within hours for some people.
"""


# Broken corpus folders --------------------------------------------------------------------------
# Each builder gets a folder holding a good article and returns the path the message must name.


def _missing(folder: Path) -> Path:
    shutil.rmtree(folder)
    return folder


def _empty(folder: Path) -> Path:
    (folder / "small-article.md").unlink()
    return folder


def _a_file_not_a_folder(folder: Path) -> Path:
    shutil.rmtree(folder)
    folder.write_text("not a folder")
    return folder


def _write(name: str, content: str | bytes):
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        return path

    return build


def _directory_named_md(folder: Path) -> Path:
    (folder / "notes.md").mkdir()
    return folder / "notes.md"


def _synonyms_is_a_directory(folder: Path) -> Path:
    (folder / "synonyms.txt").mkdir()
    return folder / "synonyms.txt"


def _symlink_loop(folder: Path) -> Path:
    (folder / "loop.md").symlink_to(folder / "loop.md")
    return folder / "loop.md"


def _duplicate_slug(folder: Path) -> Path:
    (folder / "copy.md").write_text(ARTICLE)
    return folder / "small-article.md"  # the slug's first user is named as the other party


BROKEN_CORPORA = [
    ("missing-folder", _missing, "corpus folder not found"),
    ("empty-folder", _empty, "no articles"),
    ("file-not-folder", _a_file_not_a_folder, "is a file, not a folder"),
    ("no-front-matter", _write("bad.md", "# Just a heading\n\nSome text.\n"), "missing front matter"),
    ("unclosed-front-matter", _write("bad.md", "---\ntitle: T\nslug: t\n"), "not closed"),
    ("front-matter-without-slug", _write("bad.md", "---\ntitle: T\n---\n\nText.\n"), "lacks slug"),
    ("article-without-text", _write("bad.md", "---\ntitle: T\nslug: t\n---\n\n## Heading only\n"), "no text to quote"),
    ("duplicate-slug", _duplicate_slug, "already used"),
    ("invalid-utf8-article", _write("bad.md", b"---\ntitle: T\nslug: t\n---\n\nCaf\xe9 \xff.\n"), "cannot read"),
    ("directory-named-md", _directory_named_md, "cannot read"),
    ("symlink-loop", _symlink_loop, "cannot read"),
    (
        "synonym-without-equals",
        _write("synonyms.txt", "# rules\nprice, cost\n"),
        "expected 'visitor words = article words'",
    ),
    ("synonym-invalid-utf8", _write("synonyms.txt", b"caf\xe9 = cost\n"), "not UTF-8"),
    ("synonyms-is-a-directory", _synonyms_is_a_directory, "cannot read"),
    ("question-unknown-anchor", _write("questions.txt", "[small-article#s9-p9]\nWhat is it?\n"), "no passage"),
    ("question-before-header", _write("questions.txt", "What is it?\n"), "before any"),
    ("malformed-passage-header", _write("questions.txt", "[small article]\nWhat is it?\n"), "passage header"),
    ("overlong-starter", _write("starters.txt", "Why? " * 200 + "\n"), "longer than 500"),
]


@pytest.fixture(autouse=True)
def never_serve(monkeypatch):
    """In-process `serve` must stop at the corpus; starting gunicorn here would block the test run."""

    def refuse(self):
        pytest.fail("serve started gunicorn on a broken corpus")

    monkeypatch.setattr("web.server.GunicornServer.run", refuse)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "small-article.md").write_text(ARTICLE)
    return folder


def test_the_small_corpus_itself_is_fine(corpus, capsys):
    assert main(["--corpus", str(corpus), "check"]) == 0
    assert "1 article(s)" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["check", "serve"])
@pytest.mark.parametrize(("build", "fragment"), [c[1:] for c in BROKEN_CORPORA], ids=[c[0] for c in BROKEN_CORPORA])
def test_broken_corpus_is_refused_naming_the_file(corpus, capsys, build, fragment, command):
    culprit = build(corpus)
    code = main(["--corpus", str(corpus), command])
    err = capsys.readouterr().err
    assert code != 0
    assert str(culprit) in err and fragment in err
    assert err.startswith("error: ") and "Traceback" not in err


@pytest.mark.parametrize("command", ["check", "serve"])
def test_unreadable_article_is_refused_naming_the_file(corpus, capsys, command, monkeypatch):
    article = corpus / "small-article.md"
    article.chmod(0)
    if os.geteuid() == 0:
        # Root reads files whatever their mode (CI runs as root): the operating system's refusal
        # is raised where the loader reads the file instead.
        real_read_text = Path.read_text

        def refuse(path: Path, *args, **kwargs) -> str:
            if path == article:
                raise PermissionError(13, "Permission denied", str(path))
            return real_read_text(path, *args, **kwargs)

        monkeypatch.setattr(Path, "read_text", refuse)
    try:
        assert main(["--corpus", str(corpus), command]) != 0
    finally:
        article.chmod(0o644)
    err = capsys.readouterr().err
    assert str(article) in err and "cannot read" in err and "Traceback" not in err


@pytest.mark.slow
def test_broken_corpus_stops_the_real_processes_without_traceback(tmp_path, root):
    # The table above calls main() in-process; this runs the commands as an operator does.
    folder = tmp_path / "corpus"
    shutil.copytree(root / "corpus", folder)
    (folder / "synonyms.txt").write_text("no equals sign here\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env["HOME"] = str(tmp_path)
    commands = {
        "check": [sys.executable, "-m", "assistant", "--corpus", str(folder), "check"],
        "serve": [sys.executable, "-m", "assistant", "--corpus", str(folder), "serve", "--port", str(_free_port())],
    }
    running = {
        name: subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name, cmd in commands.items()
    }
    for name, process in running.items():
        out, err = process.communicate(timeout=60)
        assert process.returncode != 0, name
        assert f"{folder / 'synonyms.txt'}:1: expected 'visitor words = article words'" in err, name
        assert "Traceback" not in err + out, name


@pytest.mark.parametrize("command", ["check", "serve"])
def test_corpus_option_is_accepted_after_the_command(corpus, capsys, command):
    _empty(corpus)
    try:
        code = main([command, "--corpus", str(corpus)])
    except SystemExit as stop:  # argparse exits on a usage error
        code = stop.code
    assert code != 0
    assert "no articles" in capsys.readouterr().err


# A broken feedback database ---------------------------------------------------------------------


@pytest.fixture
def read_only(tmp_path):
    """Make a file and its folder read-only, even for root (chattr +i); undo afterwards."""
    frozen: list[Path] = []

    def freeze(*paths: Path) -> None:
        for path in paths:
            if os.geteuid() == 0:
                if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(path)]).returncode:
                    reason = "root ignores file modes and this file system has no immutable flag (chattr +i)"
                    if os.environ.get("CI"):
                        pytest.fail(f"the read-only database tests must run in CI: {reason}")
                    pytest.skip(reason)
            else:
                path.chmod(0o555 if path.is_dir() else 0o444)
            frozen.append(path)

    yield freeze
    for path in reversed(frozen):
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        else:
            path.chmod(0o755 if path.is_dir() else 0o644)


def _assert_chat_works_and_feedback_is_503(client, feedback):
    for question in ("How fast does ketamine work?", "Do you validate parking tickets?"):  # answered, gap
        assert client.post("/api/ask", json={"question": question}).status_code == 200
    response = client.post("/api/feedback", json=feedback)
    assert response.status_code == 503
    assert response.get_json() == {"error": "feedback is temporarily unavailable"}
    assert client.get("/api/health").status_code == 200


def test_read_only_database_at_start_only_stops_feedback(make_app, db_path, read_only, feedback_body):
    make_app().test_client().post("/api/feedback", json=feedback_body())  # creates the file and tables
    read_only(db_path, db_path.parent)
    _assert_chat_works_and_feedback_is_503(make_app().test_client(), feedback_body())


def test_database_turning_read_only_while_running_only_stops_feedback(make_app, db_path, read_only, feedback_body):
    client = make_app().test_client()
    assert client.post("/api/feedback", json=feedback_body()).status_code == 201
    read_only(db_path, db_path.parent)
    _assert_chat_works_and_feedback_is_503(client, feedback_body())


def test_database_corrupted_while_running_only_stops_feedback(make_app, db_path, feedback_body):
    client = make_app().test_client()
    assert client.post("/api/feedback", json=feedback_body()).status_code == 201
    db_path.write_bytes(os.urandom(64 * 1024))
    _assert_chat_works_and_feedback_is_503(client, feedback_body())


def test_database_path_that_is_a_directory_only_stops_feedback(make_app, db_path, feedback_body):
    db_path.mkdir(parents=True)
    _assert_chat_works_and_feedback_is_503(make_app().test_client(), feedback_body())


def test_feedback_recovers_once_a_broken_database_is_moved_aside(make_app, db_path, feedback_body):
    client = make_app().test_client()
    assert client.post("/api/feedback", json=feedback_body()).status_code == 201
    db_path.write_bytes(b"garbage" * 1000)
    assert client.post("/api/feedback", json=feedback_body()).status_code == 503
    db_path.unlink()  # the operator moves the corrupt file away
    assert client.post("/api/feedback", json=feedback_body()).status_code == 201


def test_real_server_starts_and_answers_with_a_garbage_database(start_server, tmp_path, feedback_body):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(os.urandom(32 * 1024))
    server = start_server(workers=1, ASSISTANT_DB=str(garbage))
    assert server.request("POST", "/api/ask", ASK).status == 200
    assert server.request("POST", "/api/ask", {"question": "Do you validate parking tickets?"}).status == 200
    assert server.request("POST", "/api/feedback", feedback_body()).status == 503
    assert server.request("GET", "/api/health").status == 200
    code, _, err = server.stop()
    assert code == 0 and "Traceback" not in err


# SIGTERM under load -----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_slow_request(port: int, body: bytes) -> socket.socket:
    """Send the headers and half the body, so a worker is busy reading it."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    head = (
        f"POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    sock.sendall(head.encode() + body[: len(body) // 2])
    return sock


def test_sigterm_under_load_drains_in_flight_requests_and_exits_cleanly(start_server):
    server = start_server(workers=2)
    body = b'{"question": "How long do the effects of ketamine last?"}'
    statuses: list[int] = []
    errors: list[tuple[float, str]] = []
    stop = threading.Event()
    terminated_at: list[float] = []

    def hammer() -> None:
        while not stop.is_set():
            try:
                statuses.append(server.request("POST", "/api/ask", ASK, timeout=30).status)
            except OSError as error:  # refused or reset once the server has stopped listening
                errors.append((time.monotonic(), type(error).__name__))
                time.sleep(0.01)

    threads = [threading.Thread(target=hammer) for _ in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(0.8)
    slow = [_start_slow_request(server.port, body) for _ in range(3)]
    time.sleep(0.3)  # let the workers pick the slow requests up
    before = len(statuses)
    server.process.send_signal(signal.SIGTERM)
    terminated_at.append(time.monotonic())
    time.sleep(0.5)
    slow_replies = []
    for sock in slow:  # the rest of each body arrives after SIGTERM
        with sock:
            sock.sendall(body[len(body) // 2 :])
            slow_replies.append(_read_all(sock))
    code = server.process.wait(timeout=40)
    stop.set()
    for thread in threads:
        thread.join(timeout=40)
    err = server.output("stderr")
    assert code == 0, err[-2000:]
    assert "Traceback" not in err
    assert all(reply.startswith(b"HTTP/1.1 200") for reply in slow_replies), [r[:40] for r in slow_replies]
    assert before >= 20, "the load did not get going before SIGTERM"
    assert statuses and set(statuses) == {200}
    assert all(at >= terminated_at[0] for at, _ in errors), f"errors before SIGTERM: {errors[:5]}"


def _read_all(sock: socket.socket) -> bytes:
    chunks = []
    while data := sock.recv(65536):
        chunks.append(data)
    return b"".join(chunks)
