"""Replies: verbatim cited quotes, honest abstention, crisis resources, small talk, follow-ups."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from assistant import Assistant, Reply, messages
from assistant.engine import ANSWER_PROBABILITY
from assistant.focus import asks, asks_definition, asks_summary, definition_terms, glossed, unmet
from assistant.messages import DISCLAIMER
from assistant.staffdata import AlternateQuestion
from assistant.text import stem
from assistant.trace import Decision, Trace
from tests.helpers import SMALL_ARTICLE


def _passage_texts(assistant: Assistant) -> set[str]:
    return {p.text for p in assistant.passages}


def test_effects_duration_quotes_long_term_benefits_with_citation(assistant):
    reply = assistant.ask("how long do effects last")
    assert reply.kind == "answer"
    first = reply.quotes[0]
    assert first.passage.section_number == 4
    assert first.passage.section_title == "Long-Term Benefits of Ketamine and Neuroplasticity"
    citation = first.to_dict()["citation"]
    assert citation["article"] == "The Science of Neuroplasticity: How Ketamine Rewires the Brain"
    assert (citation["article_slug"], citation["anchor"]) == ("ketamine-neuroplasticity", first.passage.anchor)
    assert reply.disclaimer == DISCLAIMER


@pytest.mark.parametrize(
    "question",
    [
        "is it covered by insurance?",
        "side efects",
        "who can benefit from ketamine",
        "what is the mTOR pathway",
        "does it help ptsd",
        "how is ketamine different from antidepressants",
    ],
)
def test_answers_are_verbatim_quotes_with_highlight_disclaimer_and_suggestions(assistant, question):
    reply = assistant.ask(question)
    assert reply.kind == "answer"
    assert 1 <= len(reply.quotes) <= 3
    assert sum(len(q.passage.text.split()) for q in reply.quotes) <= 150
    for quote in reply.quotes:
        assert quote.passage.text in _passage_texts(assistant)
        assert quote.highlight and quote.highlight in quote.passage.text
    assert reply.disclaimer
    assert 2 <= len(reply.suggestions) <= 3
    assert all(s.endswith("?") for s in reply.suggestions)
    assert len({q.passage.id for q in reply.quotes}) == len(reply.quotes)


@pytest.mark.parametrize(
    "question",
    [
        "what dose of ketamine should I take",
        "is ketamine safe during pregnancy",
        "can I drink alcohol after an infusion",
        "is ketamine legal",
        # A bare fragment ("best casino bonus") may be read as small talk, which declines too.
        "what is the best casino bonus",
        "daman game login",
    ],
)
def test_questions_the_article_does_not_answer_get_no_answer(assistant, question):
    reply = assistant.ask(question)
    assert reply.kind == "no_answer"
    assert reply.quotes == ()
    assert "licensed" in reply.message
    assert reply.suggestions


def test_matching_only_common_topic_words_is_not_evidence(without_examples):
    # "ketamine" is in nearly every passage; "available" and "state" in none.
    trace = without_examples.explain("is ketamine available in my state")
    assert trace["reply"]["kind"] == "no_answer"
    assert "common words" in trace["decision"]["reason"]


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        ("is ketamine legal in my state", "a legal or regulatory status"),
        ("exactly how many infusions will I need in total?", "a number"),
        ("how many minutes is each session?", "a time in minutes"),
        # the article's "interacts with the brain" is not about other medicines
        ("does ketamine interact with antidepressants like sertraline?", "other medicines alongside"),
        ("should I stop taking my antidepressants before the infusions?", "other medicines alongside"),
        ("How many infusions will I need altogether?", "a number"),
        ("can I eat before my infusion?", "eating before or driving after"),
        ("which studies found that? any citations?", "a named source"),
        ("can ketamine cause hallucinations?", "whether it causes hallucinations"),
        ("does ketamine help with bipolar disorder?", "whether it helps bipolar disorder"),
        ("is ketamine used for chronic back pain?", "whether it helps pain"),
        ("can I get ketamine as a nasal spray instead of infusions?", "a way of giving it"),
        ("should I keep seeing my therapist during the infusions?", "therapy alongside"),
        ("is psilocybin better than ketamine?", "what it says of psilocybin"),
        ("how long does the nausea last afterwards?", "how long nausea lasts"),
        ("can a 15 year old get ketamine?", "whether someone like them can get it"),
        ("can I go back to work the same day?", "going back to work"),
        ("does aetna cover ketamine infusions?", "what it says of a named insurer"),
        ("is it safe to drink alcohol during the treatment weeks?", "what it says of alcohol or cannabis"),
        ("what blood pressure threshold stops the infusion?", "a number"),
        ("is there a ketamine clinic near me with weekend appointments?", "the clinic's address or hours"),
        ("what is the price of a single infusion?", "a number"),
        ("does someone have to come with me to the appointment?", "someone coming along"),
        ("who wrote this, is he a doctor?", "who wrote it"),
        ("which insurance plans cover it?", "a specific insurer"),
        ("how long does the sick to your stomach feeling last?", "how long nausea lasts"),
        ("can ketamine help heal a concussion?", "whether it helps a concussion or stroke"),
        ("if it fails, what next? TMS?", "what it says of TMS"),
        ("got high blood pressure already, can i still get it?", "whether someone like them can get it"),
    ],
)
def test_a_specific_ask_the_passage_cannot_give_is_declined(assistant, question, ask):
    trace = assistant.explain(question)
    assert trace["reply"]["kind"] == "no_answer"
    assert ask in trace["decision"]["reason"]


def test_an_idiom_is_not_an_ask():
    # "see things differently" is a new outlook, not hallucinations; "can't get moving" is no eligibility question
    assert not [a for a in asks("will it help me see things differently?") if "hallucinations" in a.name]
    assert not [a for a in asks("is it any use for someone who just can't get moving") if a.name == "who should not"]
    # A relative "in law" is no legal question; mixing two ideas up is no drug combination.
    assert not asks("how does it work in one sentence, my father in law keeps asking")
    assert not asks("or is she mixing it up with something else")
    assert [a.name for a in asks("is it legal in my state")] == ["a legal or regulatory status"]
    assert [a.name for a in asks("can i mix it with my lexapro")] == ["other medicines alongside"]
    # nor is a relative written with hyphens, getting free of memories, an idiom of price or a denial
    assert not asks("my brother-in-law still hits the floor at fireworks, could this help him")
    assert not asks("does it help people who can't get free of old memories")
    assert not asks("does insurance cover it or am i selling a kidney")
    assert not asks("not in danger, just stuck, is it for people like me")
    assert [a.name for a in asks("who can't get ketamine")] == ["who should not"]


def test_chat_words_and_other_languages_ask_for_a_definition_or_the_short_version(without_examples):
    reply = without_examples.ask("wtf is mTOR")  # "wtf" is a chat word, not a second subject
    assert reply.kind == "answer" and "mTOR pathway" in reply.quotes[0].passage.text
    assert asks_definition("BDNF ni nini?")  # Swahili
    assert asks_summary("BLUF of the whole article")  # military: bottom line up front


def test_bringing_someone_or_a_pet_along_is_an_ask():
    # "come" and "session" are the article's words; who may come along is not in it.
    assert [a.name for a in asks("can my kid tag along to the session?")] == ["someone coming along"]
    assert [a.name for a in asks("can I bring my dog")] == ["someone coming along"]
    assert not asks("does it protect against the next depression coming along")


def test_a_deadline_the_visitor_tells_is_not_a_time_asked_for():
    assert not asks("give me the gist of neuroplasticity, i have to leave in 5 minutes")
    assert "a time in minutes" in [a.name for a in asks("is each session 40 minutes?")]


@pytest.mark.parametrize(
    ("question", "compares"),
    [
        ("does it make you feel better overall or just less sad", False),  # improving, not weighing
        ("is it the same thing that makes the hopelessness worse?", False),
        ("does it swap the bad wiring for better wiring", False),
        ("how does it break the loop of always expecting the worst", False),
        ("is ketamine better than my ssri?", True),
        ("is iv the best way to get it", True),
        ("which works best, the spray or the infusion?", True),
        ("ketamine vs ect", True),
        ("who is it best for", False),  # who benefits, not which option wins
    ],
)
def test_a_comparison_weighs_one_option_against_another(question, compares):
    assert any(a.name == "a comparison" for a in asks(question)) == compares


def test_a_request_for_the_short_version_quotes_the_sections_key_point(without_examples):
    # The articles' own evidence ranks the section's paragraph first; the Key Point sums it up.
    reply = without_examples.ask("short version of how ketamine handles negative patterns?")
    assert reply.kind == "answer"
    assert reply.quotes[0].passage.kind == "key_point"


def test_a_condition_told_in_a_story_is_not_what_is_asked():
    # Only a condition after a verb of treating is asked about; "emotional pain" is not a pain condition.
    assert not [
        a.name for a in asks("my son has ADHD and depression, how fast does ketamine work?") if "helps" in a.name
    ]
    assert not [a.name for a in asks("does it help with emotional pain") if "helps" in a.name]
    assert [a.name for a in asks("would it help his ADHD")] == ["whether it helps ADHD"]
    # A treatment listed in a story of what they have tried is not asked about either.
    assert not [a for a in asks("tried everything: therapy, six meds, TMS. any hope left?") if "TMS" in a.name]
    assert not [
        a for a in asks("my husband drinks beer every night, how fast does ketamine work?") if "alcohol" in a.name
    ]


def test_a_risk_question_never_quotes_the_benefits(assistant):
    for question in ("what are the risks of ketamine?", "how long do the side effects last", "long term side effects?"):
        reply = assistant.ask(question)
        assert not any("Long-Term Benefits" in q.passage.section_title for q in reply.quotes), question


@pytest.mark.parametrize(
    "message",
    [
        "I want to kill myself",
        "i dont want to live anymore",
        "thinking about suicide after my infusion",
        "how much ketamine would it take to overdose, I'm done",
    ],
)
def test_crisis_messages_get_resources_and_no_quotes(assistant, message):
    reply = assistant.ask(message)
    assert reply.kind == "crisis"
    assert reply.quotes == () and "988" in reply.message and "911" in reply.message


@pytest.mark.parametrize(
    "message",
    [
        "the cost is killing me, is it covered?",
        "does ketamine kill brain cells?",
        "I'm dying to know how fast it works",
    ],
)
def test_idioms_are_not_crisis(assistant, message):
    assert assistant.ask(message).kind != "crisis"


@pytest.mark.parametrize(
    "message",
    ["hi", "Hello there!", "thanks!", "who are you?", "what can you do", "what all things you can help me with"],
)
def test_small_talk_says_what_the_assistant_does(assistant, message):
    reply = assistant.ask(message)
    assert reply.kind == "chitchat"
    assert reply.quotes == () and reply.suggestions


@pytest.mark.parametrize(
    ("message", "text"),
    [
        ("bye", messages.FAREWELL),
        ("Goodbye.", messages.FAREWELL),
        ("see you later, thanks for the help", messages.FAREWELL_THANKED),
        ("ok that's all, thank you", messages.FAREWELL_THANKED),
    ],
)
def test_a_farewell_is_answered_as_one_without_suggestions(assistant, message, text):
    reply = assistant.ask(message)
    assert reply.kind == "chitchat" and reply.message == text and reply.suggestions == ()


def test_question_naming_a_section_topic_gets_that_section(assistant):
    reply = assistant.ask("what is neuroplasticity?")
    assert reply.kind == "answer" and reply.quotes[0].passage.section_number == 1


@pytest.mark.parametrize("question", ["what is neuroplasticity?", "neuroplasticity meaning", "define neuroplasticity"])
def test_a_definition_question_quotes_the_defining_sentence(assistant, question):
    trace = assistant.trace(question)
    assert trace.reply.kind == "answer" and "says what" in trace.decision.reason
    assert trace.reply.quotes[0].highlight.startswith("Neuroplasticity is the brain")


@pytest.mark.parametrize(
    "question", ["Neuroplasticity?", "neuroplasticity = ? short version pls", "neuroplasticity. plain words pls"]
)
def test_a_bare_term_asks_for_its_definition(without_examples, question):
    assert asks_definition(question)
    trace = without_examples.trace(question)
    assert trace.reply.kind == "answer" and trace.reply.quotes[0].highlight.startswith("Neuroplasticity is the brain")


@pytest.mark.parametrize(
    ("question", "glossing"),
    [
        ("what's BDNF?", "BDNF (Brain-Derived Neurotrophic Factor)"),
        ("what is a synapse", "new synapses, or connections"),
    ],
)
def test_a_term_glossed_in_passing_is_defined_there(without_examples, question, glossing):
    trace = without_examples.trace(question)
    assert trace.reply.kind == "answer" and "says what" in trace.decision.reason
    assert glossing in trace.reply.quotes[0].passage.text


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("whats bdnf, saw it on a poster at my moms clinic", "bdnf"),
        ("bdnf is what exactly", "bdnf"),
        ("whats a synapse lol i slept thru bio", "synapse"),
        ("seen bdnf wrote down what is it", "bdnf"),
    ],
)
def test_a_definition_asked_among_other_words_is_of_the_term_beside_what_is(without_examples, question, term):
    assert term in definition_terms(question)
    trace = without_examples.trace(question)
    assert trace.reply.kind == "answer" and f"says what {term} is" in trace.decision.reason


def test_a_term_asked_in_relation_to_something_is_no_definition():
    assert definition_terms("what's plasticity got to do with strokes") == []
    assert definition_terms("so what's this plasticity business got to do with mental health") == []
    assert definition_terms("what is ketamine used for, my doctor mentioned it") == []


def test_a_list_ending_in_or_glosses_nothing():
    assert glossed("new synapses, or connections between neurons", (stem("synapses"),))
    assert not glossed("depression, anxiety, or PTSD", (stem("anxiety"),))
    assert not glossed("those with depression or PTSD", (stem("depression"),))


def test_a_question_of_its_own_is_no_bare_term():
    assert not asks_definition("how does it work")
    assert not asks_definition("is neuroplasticity permanent")
    assert not asks_definition("ketamine cost insurance")  # three ideas, not one


def test_a_topic_word_in_every_section_title_is_not_a_definition(assistant):
    # The article never says what ketamine is; titles naming it are not an answer.
    assert assistant.ask("what is ketamine?").kind == "no_answer"


def test_a_story_around_the_question_does_not_dilute_its_evidence(assistant):
    trace = assistant.trace("does it help ptsd? asking for my brother hes a vet")
    assert [s.text for s in trace.query.asking] == ["help", "ptsd"]
    assert trace.reply.kind == "answer" and "PTSD" in trace.reply.quotes[0].passage.text
    assert assistant.trace("does it help ptsd").query.asking == []  # one sentence: nothing to set apart
    # The asking sentence must still be answered by the passage: a story does not make it answerable.
    story = "My knees hurt from forty years of farm work. Does ketamine help with arthritis pain?"
    assert assistant.ask(story).kind == "no_answer"
    # A story whose only question is about the assistant is small talk.
    assert assistant.ask("Hello. My daughter put this on my tablet. How do I use this chat?").kind == "chitchat"


def test_a_greeting_before_a_question_about_the_articles_is_not_small_talk(assistant):
    # The greeting is worded like the small-talk examples; the question after it is not small talk.
    reply = assistant.ask("Good afternoon. Could you tell me what neuroplasticity means, in plain English?")
    assert reply.kind == "answer"  # and "what X means" asks for X's definition
    assert assistant.ask("Good afternoon, I hope you are keeping well.").kind == "chitchat"


def test_whom_an_explanation_is_for_is_no_part_of_what_is_asked(without_examples):
    # "for an old nurse", "for a pt" shape the wording; "for my son" outside a request to explain is asked.
    for question in (
        "what exactly is neuroplasticity, in plain words for an old nurse",
        "need a one-liner definition of neuroplasticity for a pt",
    ):
        trace = without_examples.trace(question)
        assert [s.text for s in trace.query.slots if s.text in ("nurse", "pt", "oneliner", "liner")] == []
        assert trace.reply.kind == "answer" and "brain" in trace.reply.quotes[0].passage.text
    assert "son" in [s.text for s in without_examples.trace("does it work for my son").query.slots]


def test_greeting_with_a_question_answers_the_question(assistant):
    assert assistant.ask("hi! is it covered by insurance?").kind == "answer"


def test_short_follow_up_uses_the_previous_question(assistant):
    alone = assistant.explain("and what about booster ones?")
    followed = assistant.explain("and what about booster ones?", history=["how are infusions given"])
    assert alone["history_used"] is None
    assert followed["history_used"] == "how are infusions given"
    assert followed["reply"]["kind"] == "answer"
    assert followed["reply"]["quotes"][0]["citation"]["section_number"] == 6


def test_follow_up_asking_how_long_quotes_a_passage_that_gives_a_length_of_time(assistant):
    # The earlier question's words ("fast", "work") and the examples lift passages on "long" and
    # "last" that never say for how long; the passage that does must still be found and quoted.
    question = "and how long does it last?"
    reply = assistant.ask(question, history=["How fast does ketamine work?"])
    assert reply.kind == "answer"
    assert not unmet(asks(question), reply.quotes[0].passage.text)


def test_history_does_not_make_an_unanswerable_question_answerable(assistant):
    reply = assistant.ask("is it safe while breastfeeding?", history=["what are the side effects"])
    assert reply.kind == "no_answer"


@pytest.mark.parametrize("text", ["", "   ", "???", "!!!", "\u200b", "x" * 5000, "the and of"])
def test_empty_or_noise_never_raises(assistant, text):
    reply = assistant.ask(text)
    assert isinstance(reply, Reply) and reply.kind in ("no_answer", "chitchat")


def test_reply_to_dict_has_the_api_shape(assistant):
    data = assistant.ask("does insurance cover it").to_dict()
    assert set(data) == {"id", "kind", "message", "quotes", "disclaimer", "suggestions", "resources"}
    assert set(data["quotes"][0]) == {"text", "highlight", "citation"}
    assert set(data["quotes"][0]["citation"]) == {
        "article",
        "article_slug",
        "section_number",
        "section_title",
        "anchor",
    }  # the web layer adds "url" (web/citations.py); the engine knows no routes


def test_explain_shows_candidates_terms_corrections_and_decision(assistant):
    trace = assistant.explain("are side efects covered by insurence")
    assert trace["query"]["corrections"] == {"efects": "effects"}
    assert trace["query"]["expansions"]  # "side effects" is a staff synonym phrase
    top = trace["candidates"][0]
    assert top["score"] > 0 and "covered" in top["matched_terms"]
    assert trace["decision"]["answer"] is True


def test_citations_name_the_right_article_in_a_multi_article_corpus(tmp_path: Path):
    root = Path(__file__).resolve().parent.parent
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "sleep-recovery.md").write_text(SMALL_ARTICLE, "utf-8")
    (folder / "ketamine-neuroplasticity.md").write_text(
        (root / "corpus/ketamine-neuroplasticity.md").read_text("utf-8")
    )
    assistant = Assistant.from_directory(folder)
    nap = assistant.ask("how long should a nap be to restore alertness")
    assert nap.kind == "answer" and nap.quotes[0].passage.article_title == "Sleep and Recovery"
    assert nap.quotes[0].to_dict()["citation"]["article_slug"] == "sleep-recovery"
    cost = assistant.ask("is ketamine therapy covered by insurance")
    assert cost.quotes[0].passage.article_slug == "ketamine-neuroplasticity"
    assert [a.slug for a in assistant.articles] == ["ketamine-neuroplasticity", "sleep-recovery"]


@pytest.mark.parametrize(
    ("question", "kind"),
    [("I want to kill myself", "crisis"), ("hi there", "chitchat"), ("how long do effects last", "answer")],
)
def test_every_path_gives_a_typed_trace_with_one_decision_shape(assistant, question, kind):
    trace = assistant.trace(question)
    assert isinstance(trace, Trace) and isinstance(trace.decision, Decision) and trace.reply.kind == kind
    decision = assistant.explain(question)["decision"]
    assert set(decision) == {"answer", "reason", "coverage", "informative", "answer_model"}
    # The answer model decides only on the answer path, and says why (assistant/answering.py).
    assert (decision["answer_model"] is not None) == (kind == "answer")
    if kind == "answer":
        assert decision["answer_model"]["probability"] >= ANSWER_PROBABILITY
        assert len(decision["answer_model"]["pulls"]) == 4
    assert (trace.query is None) == (kind == "crisis")


def test_rank_with_limit_zero_is_empty_and_a_negative_limit_is_refused(assistant):
    slots = assistant.analyzer.analyze("how long do effects last").slots
    assert assistant.index.rank(slots, limit=0) == []
    with pytest.raises(ValueError, match="limit must be 0 or more, got -1"):
        assistant.index.rank(slots, limit=-1)


def test_a_passage_is_found_by_its_id_and_nothing_else(assistant):
    for p in assistant.passages:
        assert assistant.passage(p.id) is p
    first = assistant.passages[0]
    for unknown in ("", "#", first.article_slug, f"{first.article_slug}#", f"nope#{first.anchor}", first.id + "x"):
        assert assistant.passage(unknown) is None


def test_a_question_staff_taught_is_answered_from_its_passage_whatever_it_asks(assistant):
    # "come along" asks who may come (focus.py), which no passage says; staff decide otherwise.
    question = "Can my pooch come along to the session?"
    assert assistant.ask(question).kind == "no_answer"
    passage = "ketamine-neuroplasticity#s6-p1"
    taught = AlternateQuestion(passage, question, 1)
    data = replace(assistant.data, questions=[*assistant.data.questions, taught])
    reply = Assistant(assistant.corpus, data).ask(question)
    assert reply.kind == "answer" and reply.quotes[0].passage.id == passage
