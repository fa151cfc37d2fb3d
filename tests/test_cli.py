"""The command line: ask, explain, passages, check, and clear errors for a broken corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_ask_prints_quote_citation_and_disclaimer(capsys):
    assert main(["ask", "how long do effects last"]) == 0
    out = capsys.readouterr().out
    assert "§4 Long-Term Benefits of Ketamine and Neuroplasticity" in out
    assert "/article/ketamine-neuroplasticity#s4-" in out
    assert "not medical advice" in out


def test_ask_json_prints_the_reply_object(capsys):
    assert main(["ask", "--json", "is it covered by insurance"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "answer" and data["quotes"][0]["citation"]["section_number"] == 6


def test_ask_explain_shows_scores_terms_and_decision(capsys):
    assert main(["ask", "--explain", "side efects of the iv"]) == 0
    out = capsys.readouterr().out
    assert "corrections:  efects → effects" in out and "synonyms:" in out and "decision:     answer" in out


def test_ask_with_history_uses_it(capsys):
    assert main(["ask", "--explain", "and booster ones?", "--history", "how are infusions given"]) == 0
    assert "history used: how are infusions given" in capsys.readouterr().out


def test_passages_lists_every_anchor(capsys):
    assert main(["passages"]) == 0
    out = capsys.readouterr().out
    assert "ketamine-neuroplasticity#s4-p1" in out and "ketamine-neuroplasticity#conclusion-p2" in out


def test_check_passes_on_the_bundled_corpus(capsys):
    assert main(["check"]) == 0
    assert "1 article(s), 26 passages" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["ask", "hi"], ["check"], ["passages"]])
def test_missing_corpus_is_a_clear_error(tmp_path, capsys, command):
    assert main(["--corpus", str(tmp_path / "none"), *command]) != 0
    assert "corpus folder not found" in capsys.readouterr().err


def test_python_dash_m_runs_without_traceback_on_errors(tmp_path):
    (tmp_path / "synonyms.txt").write_text("broken line\n", "utf-8")
    (tmp_path / "a.md").write_text("---\ntitle: A\nslug: a\n---\n\nText here.\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "--corpus", str(tmp_path), "ask", "hi"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2
    assert "synonyms.txt:1:" in result.stderr and "Traceback" not in result.stderr
