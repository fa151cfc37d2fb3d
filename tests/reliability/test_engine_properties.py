"""Properties of `Assistant.ask` for any text: it never raises, quotes only the articles, and
does not raise a crisis alarm because of length or noise.

Budgets are fixed and derandomized so the file runs the same everywhere in well under 30 s.
"""

from __future__ import annotations

import json
import random
import re
import string
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant import messages
from assistant.engine import MAX_ANALYZED_CHARS, MAX_CRISIS_CHARS
from assistant.models import REPLY_KINDS
from assistant.safety import ALIASES, PHRASE_ALIASES

pytestmark = pytest.mark.slow  # property-based, fuzzing or subprocess work: seconds each

BUDGET = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
MAX_TEXT = 10_000

# Characters that break naive text handling, by kind.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
RTL_TEXT = "שלום עולם مرحبا بالعالم"
CONTROL = "".join(map(chr, range(0x00, 0x20))) + "\x7f\x85\u2028\u2029"
EMOJI = "🙂😭💊🧠❤️👍🏽👨‍👩‍👧🏳️‍🌈🔥✨"
MIXED_SCRIPTS = "Кетамин 氯胺酮 केटामाइन κεταμίνη ケタミン 케타민"
COMBINING = "e\u0301 a\u0308 Z\u0351\u0352\u0357"
SPECIAL = ZERO_WIDTH + BIDI + RTL_TEXT + CONTROL + EMOJI + MIXED_SCRIPTS + COMBINING

any_char = st.one_of(st.characters(), st.sampled_from(SPECIAL))
short_text = st.text(any_char, max_size=200)


def _repeat_to(seed: str, length: int) -> str:
    return (seed * (length // max(len(seed), 1) + 1))[:length] if seed else ""


# Arbitrary text, plus long texts made by repeating a random piece up to 10,000 characters
# (Hypothesis rarely draws long strings on its own).
any_text = st.one_of(
    st.text(any_char, max_size=MAX_TEXT),
    st.builds(_repeat_to, st.text(any_char, min_size=1, max_size=40), st.integers(0, MAX_TEXT)),
)
histories = st.one_of(st.none(), st.lists(st.text(any_char, max_size=500), max_size=10))


def _no_ascii_alnum(ch: str) -> bool:
    """True if the character cannot become a Latin letter or digit under NFKC ('ｋ' and '𝐤' do)."""
    return not re.search(r"[A-Za-z0-9]", unicodedata.normalize("NFKC", ch))


# Emoji, punctuation, symbols, spaces, controls, other scripts: anything without words in it.
noise_char = st.one_of(st.characters(), st.sampled_from(SPECIAL + string.punctuation)).filter(_no_ascii_alnum)
noise = st.one_of(
    st.text(noise_char, max_size=2_000),
    st.builds(_repeat_to, st.text(noise_char, min_size=1, max_size=20), st.integers(0, MAX_TEXT)),
)

# Shorthand and misspellings the crisis check deliberately reads as crisis words ("kms" is "kill
# myself", "od" is "overdose", "ctb" is "catch the bus", a clinician's "SI" is suicidal ideation);
# random letters that happen to spell one are not noise.
SHORTHAND = set(ALIASES) | {v for v in PHRASE_ALIASES.values() if " " not in v} | {"si"}


def random_letters(seed: int, length: int) -> str:
    """Random Latin letters in random-length words, drawn from a seeded generator rather than
    from Hypothesis, which likes to reuse string constants it finds in the code under test."""
    rng = random.Random(seed)
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < length:
        word = "".join(rng.choices(string.ascii_letters, k=rng.randint(1, 12)))
        if word.lower() not in SHORTHAND:
            words.append(word)
    return " ".join(words)[:length]


letter_noise = st.builds(random_letters, st.integers(0, 2**32 - 1), st.integers(0, MAX_TEXT))


@pytest.fixture(scope="module")
def corpus_texts(engine) -> set[str]:
    return {p.text for p in engine.passages}


@pytest.fixture(scope="module")
def passages_by_anchor(engine) -> dict[tuple[str, str], object]:
    return {(p.article_slug, p.anchor): p for p in engine.passages}


@pytest.fixture(scope="module")
def questions(root) -> dict[str, list[str]]:
    """Evaluation questions by expected kind: realistic bases to add noise to."""
    by_kind: dict[str, list[str]] = {kind: [] for kind in REPLY_KINDS}
    for line in (root / "tests" / "data" / "eval.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            by_kind[row["expect"]].append(row["question"])
    return by_kind


def check_reply(reply, corpus_texts: set[str], passages_by_anchor: dict) -> dict:
    """The invariants every reply keeps, whatever it was asked."""
    body = reply.to_dict()
    assert body["kind"] in REPLY_KINDS
    assert re.fullmatch(r"[0-9a-f]{32}", body["id"])
    assert isinstance(body["message"], str) and body["message"]
    for quote in body["quotes"]:
        assert quote["text"] in corpus_texts, "a quote must be a passage, verbatim"
        assert quote["highlight"] and quote["highlight"] in quote["text"]
        citation = quote["citation"]
        passage = passages_by_anchor[(citation["article_slug"], citation["anchor"])]
        assert passage.text == quote["text"], "the citation must point at the quoted passage"
        assert citation["article"] and citation["section_title"]
    if body["kind"] == "answer":
        assert body["quotes"], "an answer always quotes"
        assert body["disclaimer"] == messages.DISCLAIMER
    else:
        assert body["quotes"] == [], "only answers quote"
    if body["kind"] == "crisis":
        assert "988" in body["message"] and "911" in body["message"]
    return body


@BUDGET
@given(text=any_text)
def test_any_text_gets_a_valid_reply(engine, corpus_texts, passages_by_anchor, text):
    check_reply(engine.ask(text), corpus_texts, passages_by_anchor)


@BUDGET
@given(text=short_text, history=histories)
def test_any_text_with_any_history_gets_a_valid_reply(engine, corpus_texts, passages_by_anchor, text, history):
    check_reply(engine.ask(text, history), corpus_texts, passages_by_anchor)


@BUDGET
@given(data=st.data())
def test_corpus_words_in_any_order_get_cited_answers_or_none(engine, corpus_texts, passages_by_anchor, data):
    # Words taken from one passage make answers likely, so the answer invariants are exercised.
    passage = data.draw(st.sampled_from(engine.passages))
    words = data.draw(st.lists(st.sampled_from(passage.text.split()), min_size=2, max_size=15))
    glue = data.draw(st.sampled_from([" ", "  ", " \u200b", "\t", " 🙂 ", "\u202e ", " – "]))
    check_reply(engine.ask(glue.join(words)), corpus_texts, passages_by_anchor)


def test_corpus_word_strategy_really_produces_answers(engine):
    # Guards the test above against silently never reaching an answer.
    passage = next(p for p in engine.passages if "glutamate" in p.text)
    assert engine.ask(passage.text[:200]).kind == "answer"


@BUDGET
@given(data=st.data(), padding=noise)
def test_noise_around_an_answerable_question_keeps_the_answer_valid(
    engine, corpus_texts, passages_by_anchor, questions, data, padding
):
    question = data.draw(st.sampled_from(questions["answer"]))
    before = data.draw(st.booleans())
    text = padding + " " + question if before else question + " " + padding
    body = check_reply(engine.ask(text), corpus_texts, passages_by_anchor)
    assert body["kind"] != "crisis"


@BUDGET
@given(text=noise)
def test_noise_alone_is_never_a_crisis(engine, text):
    assert engine.ask(text).kind != "crisis"


@BUDGET
@given(text=letter_noise)
def test_random_letters_are_never_a_crisis(engine, text):
    assert engine.ask(text).kind != "crisis"


@BUDGET
@given(data=st.data(), padding=noise, history=histories)
def test_ordinary_question_padded_with_noise_is_not_a_crisis(engine, questions, data, padding, history):
    kind = data.draw(st.sampled_from(["answer", "no_answer", "chitchat"]))
    question = data.draw(st.sampled_from(questions[kind]))
    assert engine.ask(question + padding, history).kind != "crisis"


@BUDGET
@given(data=st.data(), padding=noise)
def test_crisis_message_padded_with_noise_is_still_a_crisis(engine, questions, data, padding):
    message = data.draw(st.sampled_from(questions["crisis"]))
    assert engine.ask(padding + " " + message).kind == "crisis"
    assert engine.ask(message + " " + padding).kind == "crisis"


@BUDGET
@given(data=st.data(), history=histories)
def test_history_never_turns_a_crisis_message_into_something_else(engine, questions, data, history):
    message = data.draw(st.sampled_from(questions["crisis"]))
    assert engine.ask(message, history).kind == "crisis"


@pytest.mark.parametrize(
    "text",
    ["", " ", "\u200b" * 50, "\x00", "?" * 10_000, "a" * 10_000, "🙂" * 10_000, "\u202e" + "ketamine " * 1_200],
    ids=["empty", "space", "zero-width", "nul", "question-marks", "one-long-word", "emoji", "rtl-override-long"],
)
def test_edge_texts_get_a_valid_reply(engine, corpus_texts, passages_by_anchor, text):
    body = check_reply(engine.ask(text), corpus_texts, passages_by_anchor)
    assert body["kind"] != "crisis"


@pytest.mark.parametrize("history", [[], [""], [None], [42], ["x" * 10_000], ["🙂"] * 50])
def test_odd_history_lists_get_a_valid_reply(engine, corpus_texts, passages_by_anchor, history):
    # The API only passes lists of short strings; the engine still copes with anything listy.
    check_reply(engine.ask("and how long does it last?", history), corpus_texts, passages_by_anchor)


# Defects these tests found, fixed since; each test keeps the behaviour in place.


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("I read the article.", "Can you overdose on ketamine?"),
        ("I have a question about side effects.", "What happens in an overdose?"),
        ("I saw my eye doctor today.", "Is an OD of ketamine dangerous?"),
    ],
)
def test_two_ordinary_sentences_together_are_not_a_crisis(engine, first, second):
    assert engine.ask(first).kind != "crisis" and engine.ask(second).kind != "crisis"  # each alone is fine
    assert engine.ask(f"{first} {second}").kind != "crisis"


def test_crisis_language_late_in_a_long_message_is_recognised(engine):
    # The crisis check reads past the part analysed for answers (MAX_ANALYZED_CHARS).
    preamble = "How fast does ketamine work? " * (MAX_ANALYZED_CHARS // 29 + 1)
    assert engine.ask(preamble + "I want to kill myself").kind == "crisis"


def test_crisis_check_never_reads_more_than_its_limit(engine, monkeypatch):
    import assistant.engine

    lengths: list[int] = []
    real_check = assistant.engine.is_crisis

    def recording_check(text: str) -> bool:
        lengths.append(len(text))
        return real_check(text[:MAX_ANALYZED_CHARS])  # keep the test itself fast

    monkeypatch.setattr(assistant.engine, "is_crisis", recording_check)
    engine.ask("and how long does that last?", ["ketamine dosage " * 2_000] * 10)  # 32,000 characters each
    assert lengths and max(lengths) <= MAX_CRISIS_CHARS
