"""Staff data files: they load, and every mistake is named by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.checks import check_corpus
from assistant.errors import CorpusError
from assistant.staffdata import load_staff_data
from tests.helpers import CORPUS


def test_bundled_staff_data_loads_and_checks_clean():
    data = load_staff_data(CORPUS)
    assert len(data.synonyms) >= 30 and len(data.questions) >= 50 and 3 <= len(data.starters) <= 8
    errors, warnings, summary = check_corpus(CORPUS)
    assert errors == [] and warnings == []
    assert "26 passages" in summary


def test_every_bundled_passage_has_alternate_questions():
    assistant = Assistant.from_directory(CORPUS)
    assert all(assistant.alternate_questions.get(p.id) for p in assistant.passages)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "synonyms.txt",
            "# ok\nprice = cost\nno equals sign here\n",
            "synonyms.txt:3: expected 'visitor words = article words'",
        ),
        ("synonyms.txt", "price = cost = fee\n", "synonyms.txt:1:"),
        ("synonyms.txt", " = cost\n", "synonyms.txt:1:"),
        ("questions.txt", "How long?\n", "questions.txt:1: question before any"),
        ("questions.txt", "[not a header\n", "questions.txt:1: expected a passage header"),
        ("questions.txt", "[sleep-recovery#nowhere]\nWhere?\n", "questions.txt:2: no passage 'sleep-recovery#nowhere'"),
        ("starters.txt", "x" * 600 + "\n", "starters.txt:1: line longer than"),
    ],
)
def test_malformed_data_file_is_refused_with_file_and_line(small_corpus: Path, name, content, message):
    (small_corpus / name).write_text(content, "utf-8")
    with pytest.raises(CorpusError, match=message):
        Assistant.from_directory(small_corpus)
    errors, _, _ = check_corpus(small_corpus)
    assert any(message in e for e in errors)


def test_undecodable_data_file_is_refused(small_corpus: Path):
    (small_corpus / "synonyms.txt").write_bytes(b"price = \xff\n")
    with pytest.raises(CorpusError, match="synonyms.txt: not UTF-8"):
        Assistant.from_directory(small_corpus)


def test_duplicates_are_warnings_named_by_line(small_corpus: Path):
    (small_corpus / "questions.txt").write_text("[sleep-recovery#s2-p1]\nShould I nap?\nshould i nap?\n", "utf-8")
    (small_corpus / "synonyms.txt").write_text("snooze = nap\nsnooze = sleep\n", "utf-8")
    errors, warnings, _ = check_corpus(small_corpus)
    assert errors == []
    assert any("questions.txt:3: duplicate of the question on line 2" in w for w in warnings)
    assert any("synonyms.txt:2: 'snooze' is already defined on line 1" in w for w in warnings)


def test_staff_edits_change_answers_without_code(small_corpus: Path):
    before = Assistant.from_directory(small_corpus)
    (small_corpus / "synonyms.txt").write_text("siesta = nap\n", "utf-8")
    (small_corpus / "questions.txt").write_text("[sleep-recovery#s2-p1]\nIs a catnap worth it?\n", "utf-8")
    after = Assistant.from_directory(small_corpus)
    assert before.ask("siesta?").kind == "no_answer"
    assert after.ask("siesta?").quotes[0].passage.anchor == "s2-p1"
    assert before.ask("is a catnap worth it").kind == "no_answer"
    assert after.ask("is a catnap worth it").quotes[0].passage.anchor == "s2-p1"
