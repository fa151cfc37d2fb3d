"""The command line: ask, explain, passages, check, and clear errors for a broken corpus."""

from __future__ import annotations

import json
import os
import socket
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
    assert "(ketamine-neuroplasticity#s4-" in out
    assert "not medical advice" in out


def test_ask_json_prints_the_reply_object(capsys):
    assert main(["ask", "--json", "is it covered by insurance"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "answer" and data["quotes"][0]["citation"]["section_number"] == 6


def test_ask_explain_shows_scores_terms_and_decision(capsys):
    assert main(["ask", "--explain", "side efects of the iv"]) == 0
    out = capsys.readouterr().out
    assert "corrections:  efects → effects" in out and "synonyms:" in out and "decision:     answer" in out


def test_explain_keeps_each_synonym_rule_apart(capsys):
    assert main(["ask", "--explain", "how long do effects last"]) == 0
    assert "synonyms:     effects → benefit, improv | last → last, persist" in capsys.readouterr().out


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
    err = capsys.readouterr().err
    assert "corpus folder not found" in err and "--corpus" in err and "ASSISTANT_CORPUS" in err


def test_corpus_given_as_a_file_says_it_is_not_a_folder(capsys):
    assert main(["--corpus", str(ROOT / "README.md"), "check"]) != 0
    assert "is a file, not a folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("message", "disclaimer", "shown"),
    [
        ("Try one of these:", "", "Try one of these:\n  • How long is a nap?"),
        ("Here is what I found.", "", "Here is what I found.\n\nYou could also ask:\n  • How long is a nap?"),
        ("Try one of these:", "Not advice.", "Try one of these:\n\nNot advice.\n\nYou could also ask:\n  • How"),
    ],
)
def test_suggestions_follow_a_message_that_introduces_them(message, disclaimer, shown):
    from assistant.models import Reply
    from assistant.render import render_reply

    reply = Reply("chitchat", message, disclaimer=disclaimer, suggestions=("How long is a nap?",))
    assert render_reply(reply).startswith(shown)


def test_empty_question_is_a_clear_error(capsys):
    assert main(["ask", "  "]) == 2
    assert "the question is empty" in capsys.readouterr().err


@pytest.mark.slow
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


# serve and purge ------------------------------------------------------------------------------


def test_serve_refuses_an_impossible_port_before_printing_a_url(capsys):
    assert main(["serve", "--port", "99999"]) == 2
    out, err = capsys.readouterr()
    assert "open http" not in out and "--port must be between 1 and 65535, got 99999" in err


def test_serve_refuses_a_port_in_use_before_printing_a_url(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    out, err = capsys.readouterr()
    assert "open http" not in out and f"cannot listen on 127.0.0.1:{port}" in err


def test_serve_refuses_an_unknown_host(capsys):
    assert main(["serve", "--host", "no-such-host.invalid"]) == 2
    out, err = capsys.readouterr()
    assert "open http" not in out and "--host 'no-such-host.invalid'" in err


@pytest.mark.parametrize("where", ["nonexistent/dir/x.db", "assistant.db"])
def test_purge_never_creates_a_database_or_folder(tmp_path, capsys, where):
    target = tmp_path / where
    assert main(["purge", "--days", "30", "--db", str(target)]) == 1
    assert "no database at" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_purge_leaves_an_empty_file_empty(tmp_path, capsys):
    empty = tmp_path / "assistant.db"
    empty.touch()  # SQLite would take it for an empty database and purge would write the schema into it
    assert main(["purge", "--days", "30", "--db", str(empty)]) == 1
    assert "no database at" in capsys.readouterr().err
    assert empty.stat().st_size == 0


def test_purge_without_db_in_an_empty_folder_creates_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["purge", "--days", "30"]) == 1
    assert list(tmp_path.iterdir()) == []


# closed pipe --------------------------------------------------------------------------------------


@pytest.mark.slow
def test_closed_pipe_ends_quietly_without_traceback():
    read_end, write_end = os.pipe()
    os.close(read_end)  # as `| head -3` does once it has its lines: every write fails with EPIPE
    try:
        result = subprocess.run(
            [sys.executable, "-m", "assistant", "ask", "--explain", "how long do effects last"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 141 and result.stderr == ""


# check ------------------------------------------------------------------------------------------

STARTERS = "Why sleep?\nHow long should a nap be?\nWhat does deep sleep do?\nDoes sleep help memory?\n"


@pytest.mark.parametrize(
    ("file", "content", "message"),
    [
        ("synonyms.txt", "snooze = siesta\n", "synonyms.txt:1: 'siesta' is not a word of any article"),
        ("starters.txt", "Why sleep?\n", "starters.txt:1: 1 starter question(s); the file asks for 4 to 6"),
        ("starters.txt", STARTERS * 2, "starters.txt:1: 8 starter question(s)"),
    ],
)
def test_check_catches_what_the_staff_files_promise(small_corpus, capsys, file, content, message):
    (small_corpus / file).write_text(content, "utf-8")
    assert main(["--corpus", str(small_corpus), "check"]) == 1
    assert message in capsys.readouterr().err


def test_check_accepts_article_words_and_four_starters(small_corpus, capsys):
    (small_corpus / "synonyms.txt").write_text("snooze, siesta = nap, naps\n", "utf-8")
    (small_corpus / "starters.txt").write_text(STARTERS, "utf-8")
    assert main(["--corpus", str(small_corpus), "check"]) == 0
    assert "error" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("updated: 2025-01-02", "updated: yesterday", "sleep-recovery.md:4: 'updated:' must be a date like 2024-11-05"),
        ("updated: 2025-01-02", "updated: 2025-02-30", "'updated:' must be a date"),
        ("author: A. Writer", "author:", "sleep-recovery.md:3: 'author:' is empty"),
    ],
)
def test_check_validates_the_front_matter(small_corpus, capsys, old, new, message):
    article = small_corpus / "sleep-recovery.md"
    article.write_text(article.read_text("utf-8").replace(old, new), "utf-8")
    assert main(["--corpus", str(small_corpus), "check"]) == 1
    assert message in capsys.readouterr().err


def test_check_finds_one_article_imported_under_two_slugs(small_corpus, capsys):
    text = (small_corpus / "sleep-recovery.md").read_text("utf-8")
    (small_corpus / "sleep-again.md").write_text(text.replace("slug: sleep-recovery", "slug: sleep-again"), "utf-8")
    assert main(["--corpus", str(small_corpus), "check"]) == 1
    assert "same article as" in capsys.readouterr().err


def test_check_warnings_name_file_and_line(small_corpus, capsys):
    (small_corpus / "starters.txt").write_text(STARTERS + "Why sleep?\n", "utf-8")
    main(["--corpus", str(small_corpus), "check"])
    err = capsys.readouterr().err
    assert "sleep-recovery.md:12: passage sleep-recovery#s1-p1 has no alternate questions" in err
    assert "starters.txt:5: duplicate of the starter question on line 1" in err


# import and eval --------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["My Article!", "lead-", "UPPER", "a--b", ""])
def test_import_refuses_a_slug_check_would_reject(tmp_path, capsys, slug):
    source = tmp_path / "export.txt"
    source.write_text("Title\n\nSome text here.\n", "utf-8")
    assert main(["--corpus", str(tmp_path / "corpus"), "import", str(source), "--slug", slug]) == 2
    assert "--slug" in capsys.readouterr().err
    assert not (tmp_path / "corpus").exists()


@pytest.fixture
def small_eval(tmp_path: Path) -> Path:
    path = tmp_path / "eval.jsonl"
    row = {"question": "what does a short nap do", "expect": "answer", "quotes": ["twenty minutes"]}
    path.write_text(json.dumps(row) + "\n", "utf-8")
    return path


@pytest.mark.parametrize(
    "name", ["answer.hit@3", "answer.hit_at_3", "answer.MRR@10", "false_crisis", "hit@3", "mean quote words"]
)
def test_eval_accepts_metric_names_as_printed_and_as_json(small_corpus, small_eval, capsys, name):
    assert main(["--corpus", str(small_corpus), "eval", str(small_eval), "--fail-under", f"{name}=0"]) == 0


@pytest.mark.parametrize("threshold", ["answer.hit@3=nan", "answer.hit@3=", "answer.hit@3=high", "answer.hit@3"])
def test_eval_refuses_a_threshold_that_is_not_a_number(small_eval, capsys, monkeypatch, threshold):
    import assistant.evaluation

    monkeypatch.setattr(assistant.evaluation, "evaluate", lambda *a: pytest.fail("evaluation ran"))
    assert main(["eval", str(small_eval), "--fail-under", threshold]) == 2
    assert f"--fail-under takes METRIC=VALUE, e.g. answer.hit@3=0.9; got {threshold!r}" in capsys.readouterr().err


def test_eval_checks_metric_names_before_running(small_eval, capsys, monkeypatch):
    import assistant.evaluation

    monkeypatch.setattr(assistant.evaluation, "evaluate", lambda *a: pytest.fail("evaluation ran"))
    assert main(["eval", str(small_eval), "--fail-under", "hit@4=0.5"]) == 2
    assert "unknown metric 'hit@4'; one of: answer.correct, answer.hit@1" in capsys.readouterr().err


def test_eval_asks_for_the_row_of_a_column_printed_in_several(small_eval, capsys):
    assert main(["eval", str(small_eval), "--fail-under", "correct=0.5"]) == 2
    err = capsys.readouterr().err
    assert "'correct' is printed in several rows; name one: answer.correct, no_answer.correct" in err


def test_eval_help_lists_the_metric_names(capsys):
    with pytest.raises(SystemExit):
        main(["eval", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "answer.hit@3" in out and "false_crisis" in out


def test_eval_reports_a_bad_set_before_building_the_engine(tmp_path, capsys, monkeypatch):
    from assistant.engine import Assistant

    monkeypatch.setattr(Assistant, "from_directory", lambda *a, **k: pytest.fail("engine built"))
    (tmp_path / "eval.jsonl").write_text("not json\n", "utf-8")
    assert main(["eval", str(tmp_path / "eval.jsonl")]) == 2
    assert "eval.jsonl:1: not valid JSON" in capsys.readouterr().err
