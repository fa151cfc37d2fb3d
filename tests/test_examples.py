"""Examples: visitors' wordings with the passage that answers them (or none), learned from a file."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant import Assistant
from assistant.checks import check_corpus
from assistant.evaluation import Case, evaluate, load_cases
from assistant.examples import SYNONYM_SHARE, Examples
from tests.helpers import CORPUS, EVAL_SET

NAP = "A short nap of twenty minutes can restore alertness"


def write_examples(folder: Path, rows: list[dict]) -> None:
    (folder / "examples.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")


def test_an_answerable_example_teaches_a_visitors_wording(small_corpus):
    question = "feeling zonked midafternoon, would a kip perk me up"
    assert Assistant.from_directory(small_corpus).ask(question).kind == "no_answer"
    write_examples(
        small_corpus, [{"question": "im zonked, does a quick kip perk you up", "expect": "answer", "quotes": [NAP]}]
    )
    trace = Assistant.from_directory(small_corpus).explain(question)
    assert trace["reply"]["kind"] == "answer"
    assert NAP in trace["reply"]["quotes"][0]["text"]
    assert trace["candidates"][0]["best_example"] == "im zonked, does a quick kip perk you up"


def test_an_unanswerable_example_declines_questions_worded_like_it(small_corpus):
    question = "is a twenty minute nap fine for my toddler"
    assert Assistant.from_directory(small_corpus).ask(question).kind == "answer"  # the nap passage, wrongly
    write_examples(small_corpus, [{"question": "is a 20 minute nap fine for toddlers", "expect": "no_answer"}])
    trace = Assistant.from_directory(small_corpus).explain(question)
    assert trace["reply"]["kind"] == "no_answer"
    assert "worded like a question the articles do not answer" in trace["decision"]["reason"]
    # An unrelated question is not declined by it.
    assert Assistant.from_directory(small_corpus).ask("what does deep sleep release").kind == "answer"


def test_staff_not_covered_questions_also_decline_other_wordings(small_corpus):
    (small_corpus / "not-covered.txt").write_text("Is a twenty minute nap fine for toddlers?\n", "utf-8")
    assistant = Assistant.from_directory(small_corpus)
    assert assistant.ask("Is a twenty minute nap fine for toddlers?").kind == "no_answer"  # the exact question
    assert assistant.ask("is a twenty minute nap fine for my toddler").kind == "no_answer"  # and its wordings


def test_a_small_talk_example_makes_its_wording_small_talk(small_corpus):
    question = "who am i talking to, a real person?"
    write_examples(small_corpus, [{"question": "am i talking to a real person", "expect": "chitchat"}])
    trace = Assistant.from_directory(small_corpus).explain(question)
    assert trace["reply"]["kind"] == "chitchat"
    assert "small talk, like" in trace["decision"]["reason"]


def test_an_example_sharing_one_word_is_no_evidence(small_corpus):
    # A long example holding "morning" must not make a greeting an answer: its words count as
    # evidence only when it is alike to the question.
    long = "i wake up every morning with no energy at all, would a nap in the afternoon restore me"
    write_examples(small_corpus, [{"question": long, "expect": "answer", "quotes": [NAP]}])
    assert Assistant.from_directory(small_corpus).ask("morning").kind != "answer"


def test_evaluation_never_answers_a_question_from_its_own_writers_examples(assistant):
    cases = [c for c in load_cases(EVAL_SET) if c.writer == "h80"][:40]
    others = [c for c in assistant.data.examples if c.writer != "h80"]
    without_h80 = assistant.with_examples(others)
    assert len(without_h80.examples) < len(assistant.examples)
    assert evaluate(assistant, cases)["results"] == evaluate(without_h80, cases)["results"]
    # A case without a writer leaves out only itself.
    own = Case("is it dear?", "answer", ("x",), 1)
    assert own.group == "question:is it dear?"
    assert assistant.leaving_out("writer:nobody") is assistant


def test_the_shipped_examples_are_the_development_set():
    # The engine learns from the development questions only; the held-out ones never ship.
    assert (CORPUS / "examples.jsonl").read_bytes() == EVAL_SET.read_bytes()
    held_out = load_cases(EVAL_SET.parent / "eval_heldout.jsonl", allow_empty=True)
    assert not {c.question for c in held_out} & {c.question for c in load_cases(CORPUS / "examples.jsonl")}


def test_an_example_whose_quotes_are_in_no_passage_is_reported(small_corpus):
    write_examples(
        small_corpus,
        [
            {"question": "does a nap help", "expect": "answer", "quotes": [NAP]},
            {"question": "what about melatonin", "expect": "answer", "quotes": ["melatonin is a hormone"]},
        ],
    )
    errors, warnings, summary = check_corpus(small_corpus)
    assert not errors
    assert any("examples.jsonl:2: no passage holds any of its quotes" in w for w in warnings)
    assert "1 examples" in summary


@pytest.mark.parametrize("line", ["not json", '{"question": "q", "expect": "maybe"}'])
def test_a_malformed_examples_file_names_its_line(small_corpus, line):
    (small_corpus / "examples.jsonl").write_text(line + "\n", "utf-8")
    errors, _, _ = check_corpus(small_corpus)
    assert errors and "examples.jsonl:1:" in errors[0]


def test_the_voters_are_a_stable_sorts_first_five():
    # Ties (one question that is an example of two passages) keep index order, as a full stable sort would.
    from assistant.examples import _top

    rng = np.random.default_rng(7)
    for size in (0, 3, 5, 6, 40, 500):
        scores = rng.integers(0, 4, size).astype(float)
        expected = [i for i in np.argsort(-scores, kind="stable")[:5].tolist() if scores[i] > 0]
        assert _top(scores, 5).tolist() == expected  # an example that matched nothing casts no vote


def test_leaving_writers_out_one_after_another_keeps_no_chain_of_copies(assistant):
    # The last left-out copy is kept for the next question of the same writer; a copy must not
    # keep the one before it, or an evaluation of a thousand writers would hold a thousand fields.
    groups = sorted({c.group for c in assistant.data.examples})[:3]
    copies = [assistant.examples.without(g) for g in groups]
    assert all(c is not assistant.examples for c in copies)
    assert all(c._last_without == (-1, None) for c in copies)
    assert assistant.examples.without(groups[-1]) is copies[-1]


def test_an_example_matched_through_a_synonym_is_less_alike_than_one_in_the_visitors_words(assistant):
    # "soon" is one of the staff's words for "hours" (corpus/synonyms.txt); "what are your hours"
    # shares that synonym with "how soon", not the visitor's word.
    examples = Examples(["what are your hours", "how soon is it"], [-1, 0], ["a", "b"], 1)
    query = assistant.analyzer.analyze("how soon")
    alike = dict(zip(examples.texts, examples.similarity(query.slots, assistant.index.slot_idf), strict=True))
    assert alike["how soon is it"] == pytest.approx(1.0)  # the visitor's own word
    assert alike["what are your hours"] == pytest.approx(SYNONYM_SHARE)


def test_half_a_phrase_is_half_its_idea(assistant):
    # "start working" is one idea; an example with "works" alone holds half of it.
    examples = Examples(["does it start working", "if it works"], [0, 0], ["a", "b"], 1)
    query = assistant.analyzer.analyze("start working")
    assert [s.text for s in query.slots] == ["start working"]
    alike = dict(zip(examples.texts, examples.similarity(query.slots, assistant.index.slot_idf), strict=True))
    assert alike["does it start working"] == pytest.approx(1.0)
    assert 0 < alike["if it works"] < 1.0
