"""One ask costs a bounded amount of work, whatever a client sends within the API's limits.

Counted in work (edit-distance computations, candidate words compared, analyses), never in time.
"""

from __future__ import annotations

import pytest

import assistant.spelling as spelling
from assistant import engine
from assistant.query import QueryAnalyzer
from bench.worstcase import worst_case_ask


@pytest.fixture
def count_work(assistant, monkeypatch):
    """Count edit-distance computations and question analyses made by the engine."""
    counts = {"edit_distance": 0, "analyze": 0}
    real_distance, real_analyze = spelling.edit_distance, QueryAnalyzer.analyze

    def distance(*args):
        counts["edit_distance"] += 1
        return real_distance(*args)

    def analyze(self, *args, **kwargs):
        counts["analyze"] += 1
        return real_analyze(self, *args, **kwargs)

    monkeypatch.setattr(spelling, "edit_distance", distance)
    monkeypatch.setattr(QueryAnalyzer, "analyze", analyze)
    assistant.analyzer.speller._cache.clear()
    yield counts
    assistant.analyzer.speller._cache.clear()


def test_worst_case_ask_is_bounded(assistant, count_work):
    question, history = worst_case_ask(assistant, seed=1)
    assert len(question) <= 500 and len(history) == 10
    assistant.ask(question, history)
    # Unbounded, this shape cost about 18,600 computations; now the budget caps them.
    assert 0 < count_work["edit_distance"] <= spelling.MAX_COMPARISONS_PER_ASK
    assert count_work["analyze"] <= 1 + engine.MAX_HISTORY_READ


def test_ten_different_history_items_are_not_all_read(assistant, count_work):
    question, _ = worst_case_ask(assistant, seed=2)
    history = [worst_case_ask(assistant, seed=10 + n)[0] for n in range(10)]
    assistant.ask(question, history)
    assert count_work["analyze"] <= 1 + engine.MAX_HISTORY_READ
    assert count_work["edit_distance"] <= spelling.MAX_COMPARISONS_PER_ASK


def test_explain_is_bounded_too(assistant, count_work):
    question, history = worst_case_ask(assistant, seed=3)
    trace = assistant.explain(question, history)
    assert count_work["edit_distance"] <= spelling.MAX_COMPARISONS_PER_ASK
    # Retrieval ran (random letters the articles cannot answer may get the small-talk reply).
    assert trace["reply"]["kind"] in ("answer", "no_answer", "chitchat") and "candidates" in trace


def test_a_repeated_word_is_corrected_once(assistant, count_work):
    assistant.ask("efects efects efects of ketamine", ["efects of ketamine"])
    first = count_work["edit_distance"]
    assistant.ask("what are the efects")
    assert first > 0 and count_work["edit_distance"] == first  # remembered from the first ask


def test_budget_leaves_real_typos_corrected(assistant):
    query = assistant.explain("how long do the efects last")["query"]
    assert query["corrections"] == {"efects": "effects"}


def test_budget_refuses_what_does_not_fit():
    budget = spelling.SpellingBudget(10)
    assert budget.spend(6) and not budget.spend(5) and budget.spend(4)
    assert (budget.used, budget.left, budget.skipped) == (10, 0, 1)
