"""The Assistant: from a visitor's message to a reply that only quotes the articles."""

from __future__ import annotations

import copy
import math
import re
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from . import messages
from .answering import AnswerEvidence, answer_model
from .cases import Case
from .corpus import Corpus, load_corpus
from .errors import CorpusError
from .examples import ALIKE, Examples, Nearest
from .focus import DEFINITION_WORDS, Ask, asks, asks_definition, asks_summary, defines, definition_terms, unmet
from .lexicon import is_english_word
from .models import Article, Passage, Quote, Reply
from .query import Query, QueryAnalyzer, Slot
from .retrieval import Candidate, PassageIndex
from .safety import Assessment, assess, is_crisis
from .smalltalk import (
    FAREWELL,
    PLAIN_QUESTION,
    SMALLTALK_MODEL,
    about_assistant,
    asks_something,
    classified_smalltalk,
    smalltalk_score,
    strip_smalltalk,
)
from .spelling import Speller, SpellingBudget
from .staffdata import StaffData, load_staff_data, question_key, validate_staff_data
from .text import STOPWORDS, normalize, stem, terms, words
from .trace import Decision, Trace

# Abstention. A passage answers only if it holds enough of the question's evidence: the share of
# the question's idf-weighted words it matches (unknown words weigh as the rarest, scaled by how
# common they are in English), including at least one informative word, i.e. one rarer than those
# found in about 40% of the passages (idf 0.9), so "ketamine" or "brain" alone is never enough.
# Independent informative words corroborate each other, so the share required falls as more of
# them match: long, chatty questions carry many words no passage has. Values were set on the
# evaluation set at round numbers between the answerable and unanswerable distributions
# (`assistant eval` prints both). Two words need 0.3 since the specific asks (focus.py) catch
# more of the traps that share two words: 0.35 to 0.3 answered 14 more of the 970 answerable
# development questions for 1 more of the 655 unanswerable.
INFORMATIVE_IDF = 0.9
MIN_COVERAGE = 0.6  # one informative word
MIN_COVERAGE_CORROBORATED = {2: 0.3, 3: 0.25}  # two, three or more
# Where the best passage has examples (assistant/examples.py), whether it answers is the answer
# model's (assistant/answering.py), which weighs the share with what the passage lacks and how
# alike the question is to answered and unanswered examples; these shares decide for a passage
# without examples, choose further quotes and a section's Key Point, and a question whose best
# passage matches no informative word is declined. Leave-writers-out on the 5,036 development
# questions that reach the model (scripts/train_answer_model.py prints the table), 0.7 answered
# 0.952 of the answerable and declined 0.874 of the others, where the shares alone answered 0.947
# and declined 0.480; 0.6 answers 0.965 and declines 0.847. Visitors ask far more that the
# articles do not answer than the development set does (issue #9: two in three of a clinic
# FAQ's questions), so the surer threshold.
ANSWER_PROBABILITY = 0.7
# Further quotes must score close to the best, hold as much evidence, and keep the reply short.
EXTRA_QUOTE_RATIO = 0.8
MAX_QUOTES = 3
MAX_QUOTE_WORDS = 150
MAX_SUGGESTIONS = 3
# Suggestions sharing this share of their words with the question or each other are repeats.
SIMILAR_SUGGESTION = 0.6
# Words of an earlier question count at this weight when a follow-up is too weak alone.
HISTORY_WEIGHT = 0.5
REFERRING_WORDS = frozenset(
    ["it", "its", "that", "this", "those", "these", "they", "them", "there", "he", "she", "him", "her"]
)
CONTINUATIONS = ("and ", "but ", "also ", "what about ", "how about ", "so ", "then ")
# Questions longer than this are analysed on their first part only; the API allows 500.
MAX_ANALYZED_CHARS = 2000
# The answer is judged on the best-supported of the first few candidates, not only the first by
# score: an alternate question sharing common words can lift a passage that holds little of the
# question (30-45 % of its evidence) above one that holds nearly all of it. A later candidate
# goes first when it scores at least half the first's and holds 30 points more of the evidence.
# On tests/data/eval.jsonl, moving candidates for smaller margins lowered hit@1 (0.791 to 0.731
# with no margin); at 0.3 no development answer changes, so the rule acts only on clear cases.
EVIDENCE_CANDIDATES = 3
EVIDENCE_MIN_SCORE = 0.5
EVIDENCE_MARGIN = 0.3
# A candidate giving the kind of answer asked for (a length of time, a number…) is weighed down
# to this share of the first's score when the first gives none: alternate questions and examples
# can lift a passage on common words ("long", "last") above the one that says how long. On
# tests/data/eval.jsonl 0.35 changes no development answer's correctness; lower floors cost hit@1.
WANTED_MIN_SCORE = 0.35
MAX_CRISIS_CHARS = 20000
# A sentence that asks: it ends with a question mark or opens with a question word. In a message
# that also tells a story ("My wife passed last spring. ... How quickly does it work?"), the story's
# words dilute the evidence; a passage may also answer on the evidence of the asking sentences
# alone. On tests/data/eval.jsonl this answered 36 more of the 1,555 answerable questions
# correctly (0.565 to 0.588) for 5 more of the 1,055 unanswerable ones answered.
ASKING_SENTENCE = re.compile(
    r"\?\W*$|^\W*(?:(?:anyway|anyways|so|ok|okay|and|but|also|well|oh|alright|right|now)\W+)?(?:what|whats|how|hows"
    r"|why|when|where|who|which|is|are|does|do|did|can|could|would|will|should|shall|may|am|has|have|any|anything"
    r"|tell me|explain)\b|\bi (?:wonder|was wondering)\b|\b(?:want|need|would like) to know\b"
)
# Passages whose split sentences are kept (about 1 KB each); the quoted ones recur.
SENTENCE_CACHE_PASSAGES = 8192
# A follow-up leans on the last question or two; reading further back finds nothing new, and each
# earlier question read costs an analysis. Repeats are read once.
MAX_HISTORY_READ = 3


class Assistant:
    """Answers questions by quoting the corpus; built once, then safe to share between threads."""

    def __init__(self, corpus: Corpus, data: StaffData | None = None, index: PassageIndex | None = None):
        data = data or StaffData()
        known = _passage_ids(corpus, {q.passage_id for q in data.questions})
        errors, _ = validate_staff_data(data, known)  # warnings are for `assistant check`
        if errors:
            raise CorpusError("\n".join(errors))
        self.corpus = corpus
        self.data = data
        self.alternate_questions: dict[str, list[str]] = defaultdict(list)
        for q in data.questions:
            if q.text not in self.alternate_questions[q.passage_id]:
                self.alternate_questions[q.passage_id].append(q.text)
        # An index loaded from the cache (assistant/cache.py) was built from this very corpus and data.
        self.index = index if index is not None else PassageIndex(corpus.passages, self.alternate_questions)
        vocabulary = self.index.vocabulary()
        lay_words = {w for rule in data.synonyms for p in rule.phrases for w in words(p)}
        speller = Speller(vocabulary, STOPWORDS | lay_words, self._is_word)
        self.analyzer = QueryAnalyzer(speller, data.synonyms)
        self._by_slug = {a.slug: a for a in corpus.articles}
        self._not_covered = {question_key(q) for q in data.not_covered}
        # A question staff taught as an alternate question of a passage is answered from it, asks and
        # likeness to unanswerable examples notwithstanding: staff rules are the override.
        self._taught = {question_key(q.text): q.passage_id for q in data.questions}
        # Examples whose quotes no passage holds are left out (`assistant check` names them).
        self.examples, _ = Examples.build(data.examples, data.not_covered, corpus.passages)
        # Sentences and their stems, split the first time a passage is quoted and kept, so
        # highlighting costs no tokenizing per reply and the build splits nothing it may never quote.
        self._sentences = lru_cache(maxsize=SENTENCE_CACHE_PASSAGES)(self._split_sentences)

    @classmethod
    def from_directory(
        cls, folder: Path | str, cache_dir: Path | str | None = None, salt: bytes | str = b""
    ) -> Assistant:
        """Load the articles and staff data of a corpus folder; CorpusError names any bad file.

        With `cache_dir`, the built engine is saved there and loaded instead of rebuilt while
        every corpus file (and `salt`) is unchanged; see assistant/cache.py.
        """
        if cache_dir is not None:
            from .cache import load_or_build  # the cache imports this module

            return load_or_build(folder, cache_dir, salt)
        return cls(load_corpus(Path(folder)), load_staff_data(Path(folder)))

    @property
    def articles(self) -> list[Article]:
        return list(self.corpus.articles)

    @property
    def passages(self) -> list[Passage]:
        return self.corpus.passages

    def article(self, slug: str) -> Article | None:
        return self._by_slug.get(slug)

    def passage(self, passage_id: str) -> Passage | None:
        """The passage with this id ("slug#anchor"; slugs hold no "#"), reading its article's alone."""
        article = self.article(passage_id.partition("#")[0])
        return next((p for p in article.passages if p.id == passage_id), None) if article else None

    @property
    def starters(self) -> list[str]:
        if self.data.starters:
            return list(self.data.starters)
        return [qs[0] for qs in list(self.alternate_questions.values())[:4]]

    def ask(self, question: str, history: list[str] | None = None) -> Reply:
        """The reply to a visitor's message; never raises for any string."""
        return self._respond(question, history).reply

    def trace(self, question: str, history: list[str] | None = None) -> Trace:
        """The reply with the evidence behind it, as typed objects (the evaluation reads these)."""
        return self._respond(question, history)

    def with_examples(self, examples: list[Case]) -> Assistant:
        """This assistant learning from `examples` instead of its own (none: the articles' own
        evidence), sharing the index."""
        return Assistant(self.corpus, replace(self.data, examples=examples), index=self.index)

    def leaving_out(self, group: str) -> Assistant:
        """This assistant without the examples of `group` (a Case.group): how an evaluation asks
        each question, so no question is answered from its own writer's examples."""
        examples = self.examples.without(group)
        if examples is self.examples:
            return self
        other = copy.copy(self)
        other.examples = examples
        return other

    def explain(self, question: str, history: list[str] | None = None) -> dict:
        """The reply with the evidence behind it: query analysis, ranked candidates, decision."""
        trace = self._respond(question, history)
        query = trace.query if trace.query is not None else Query(question, [])
        return trace.to_dict(lambda c: self._coverage(c, query))

    # The steps of a reply -------------------------------------------------------------------

    def _respond(self, question: str, history: list[str] | None) -> Trace:
        # Safety is decided before retrieval and reads the whole message; retrieval only its first part.
        safety = assess(question[:MAX_CRISIS_CHARS])
        if safety.is_crisis:
            emergency = safety.level == "emergency"
            reply = Reply(
                "crisis",
                messages.EMERGENCY if emergency else messages.CRISIS,
                resources=messages.EMERGENCY_RESOURCES if emergency else messages.CRISIS_RESOURCES,
            )
            return Trace(reply, safety, Decision(False, f"{safety.level}: {', '.join(safety.signals)}"))
        question = question[:MAX_ANALYZED_CHARS]
        key = question_key(question)
        if key in self._not_covered:
            reply = Reply("no_answer", messages.NO_ANSWER, suggestions=tuple(self.starters[:MAX_SUGGESTIONS]))
            trace = Trace(reply, safety, Decision(False, "staff marked this question as not covered by the articles"))
        else:
            trace = self._respond_normally(question, history, safety, self._taught.get(key))
        if safety.level == "concern":
            # Shown beside the normal reply: when unsure, the crisis lines are never withheld.
            trace = replace(trace, reply=replace(trace.reply, resources=messages.CRISIS_RESOURCES))
        return trace

    def _respond_normally(
        self, question: str, history: list[str] | None, safety: Assessment, taught: str | None
    ) -> Trace:
        """The reply to a message that is no crisis; `taught`: the passage staff taught it for, if any."""
        has_smalltalk, rest = strip_smalltalk(question)
        budget = SpellingBudget()  # one bound on spelling work for the question and its history
        query = self.analyzer.analyze(question, budget=budget)
        # Small talk before retrieval: nothing left once the phrases are removed ("hi there!"), or no
        # question left and the classifier agrees ("is this the clinic's chat?"), so a question that
        # merely starts like small talk still reaches the articles. A story whose only asking
        # sentences ask about the assistant ("Hello. My granddaughter set this up. How does one use
        # it?") is small talk too.
        sentences = self.corpus.sentences(question)  # split once, for both readings below
        asking = _asking_sentences(sentences)
        # What a message of several sentences asks: its asking sentences, or all of them when every
        # one asks ("Who am I speaking with? Is this a real person or a machine?").
        asked = asking or (sentences if len(sentences) > 1 else [])
        # Worded more like a small-talk example than like any answerable one: "who am i talkin to
        # here" shares "talk" with a passage, but not what it asks (assistant/examples.py).
        nearest = self.examples.nearest(query.slots, self.index.slot_idf)
        # Not when a question about something else is left once the small-talk phrases are removed
        # ("Good afternoon. Could you tell me what neuroplasticity means?"): the greeting's words
        # outweigh the articles' common ones.
        plainly_asks = bool(PLAIN_QUESTION.search(rest))
        asks_past_greeting = (
            has_smalltalk
            and plainly_asks
            and any(w not in STOPWORDS for w in words(rest))
            and not about_assistant(question)
        )
        like_small_talk = (
            nearest.small_talk >= ALIKE
            and nearest.small_talk > max(nearest.answered, nearest.unanswered)
            and not asks_past_greeting
            # A question naming an informative word of the articles is no small talk for sharing a
            # word with one ("need to know if it helps ptsd" and "thats all i needed").
            and not (plainly_asks and not about_assistant(question) and self._names_a_topic(query))
        )
        if like_small_talk or (
            has_smalltalk
            and (
                not any(w not in STOPWORDS for w in words(rest))
                or (not asks_something(rest) and smalltalk_score(question) >= SMALLTALK_MODEL)
                or (asked and all(about_assistant(s) for s in asked))
            )
        ):
            reply = self._small_talk_reply(question)
            reason = f"small talk, like {nearest.small_talk_text!r}" if like_small_talk else "small talk only"
            return Trace(reply, safety, Decision(False, reason), query)
        if asking:
            # Analysed on their own, so a phrase rule reads them as the visitor wrote them; the
            # speller's cache makes the words already corrected free.
            wanted_terms = {s.terms for s in self.analyzer.analyze(" ".join(asking), budget=budget).slots}
            query.asking = [s for s in query.slots if s.terms in wanted_terms]
        slots, context = self._with_history(query, history, budget)
        wanted = asks(question)
        ranked = self.index.rank(slots, examples=self.examples)
        definition = self._definition(ranked, query, question)
        if definition is not None:  # "what is X?": the passage that says what X is goes first
            candidates = [definition] + [c for c in ranked if c is not definition]
        else:
            candidates = self._best_supported_first(ranked, query, wanted)
            if asks_summary(question):
                candidates = self._summary_first(candidates, query)
        decision = self._decide(candidates, query, wanted, nearest, definition, follow_up=context is not None)
        mine = next((c for c in candidates if c.passage.id == taught), None) if taught else None
        if mine is not None and not (decision.answer and candidates[0] is mine):
            candidates = [mine] + [c for c in candidates if c is not mine]
            coverage, informative = self._coverage(mine, query)
            decision = Decision(True, "staff taught this question for this passage", coverage, informative)
        reply = self._reply(question, query, slots, candidates, decision, has_smalltalk, rest, wanted)
        return Trace(reply, safety, decision, query, tuple(candidates), context)

    def _reply(
        self,
        question: str,
        query: Query,
        slots: list[Slot],
        candidates: list[Candidate],
        decision: Decision,
        has_smalltalk: bool,
        rest: str,
        wanted: list[Ask],
    ) -> Reply:
        if not decision.answer and (
            (has_smalltalk and (about_assistant(question) or not asks_something(rest)))
            or classified_smalltalk(question, has_smalltalk)
        ):
            # Small talk around words the articles cannot answer ("ty that helped a lot") is small talk.
            return self._small_talk_reply(question)
        if not decision.answer:
            message = messages.NO_ANSWER if query.slots else messages.EMPTY_QUESTION
            return Reply("no_answer", message, suggestions=self._suggest(candidates, [], question))
        chosen = self._choose_quotes(candidates, query, wanted)
        quotes = tuple(Quote(c.passage, self._highlight(c.passage, slots)) for c in chosen)
        return Reply(
            "answer",
            messages.ANSWER_INTRO,
            quotes,
            messages.DISCLAIMER,
            self._suggest(candidates, chosen, question),
        )

    def _is_word(self, word: str) -> bool:
        """Known to the index by its stem, or a real English word: either way not a typo."""
        return self.index.known(stem(word)) or is_english_word(word)

    def _with_history(
        self, query: Query, history: list[str] | None, budget: SpellingBudget | None = None
    ) -> tuple[list[Slot], str | None]:
        """Add the previous question's words when this one leans on it ("and how long does that last?")."""
        if not history:
            return query.slots, None
        text = normalize(query.text)
        tokens = set(words(text))
        follow_up = bool(tokens & REFERRING_WORDS) or text.startswith(CONTINUATIONS) or len(query.slots) <= 1
        if not follow_up:
            return query.slots, None
        recent = [p for p in reversed(history[-10:]) if isinstance(p, str) and p.strip() and p != query.text]
        own = {s.terms for s in query.slots}
        for previous in list(dict.fromkeys(recent))[:MAX_HISTORY_READ]:
            earlier = self.analyzer.analyze(previous[:MAX_ANALYZED_CHARS], weight=HISTORY_WEIGHT, budget=budget)
            extra = [s for s in earlier.slots if s.terms not in own]
            # A crisis message is never used as context; checked last, on the one question used.
            if extra and not is_crisis(previous[:MAX_CRISIS_CHARS]):
                return query.slots + extra, previous
        return query.slots, None

    def _names_a_topic(self, query: Query) -> bool:
        """Whether the question holds an informative word the articles use (not "help" or "ketamine")."""
        return any(self.index.slot_idf(s) >= INFORMATIVE_IDF and self.index.in_text(s) for s in query.slots)

    def _best_supported_first(self, candidates: list[Candidate], query: Query, wanted: list[Ask]) -> list[Candidate]:
        """Candidates with the one holding most of the question's evidence among the first few moved to the front.

        A candidate that gives the kind of answer asked for (a number, a length of time, a risk…)
        goes before one that does not.
        """
        if len(candidates) < 2:
            return candidates
        # When the first gives no answer of the kind asked for, one that does may be further behind.
        lacking = bool(wanted) and bool(unmet(wanted, candidates[0].passage.text))
        floor = (WANTED_MIN_SCORE if lacking else EVIDENCE_MIN_SCORE) * candidates[0].score
        pool = [c for c in candidates[:EVIDENCE_CANDIDATES] if c.score >= floor]
        if wanted:
            pool = [c for c in pool if not unmet(wanted, c.passage.text)] or pool
        coverage = {id(c): self._coverage(c, query)[0] for c in pool}
        front = pool[0]  # the first by score among those that give what is asked
        best = max(pool, key=lambda c: (round(coverage[id(c)], 2), c.score))
        if coverage[id(best)] < coverage[id(front)] + EVIDENCE_MARGIN:
            best = front
        return [best] + [c for c in candidates if c is not best]

    def _summary_first(self, candidates: list[Candidate], query: Query) -> list[Candidate]:
        """For "the short version": the Key Point of the first candidate's section moved first, when
        it is among the first few and holds enough of the question's evidence to answer."""
        first = candidates[0].passage if candidates else None
        if first is None or first.kind == "key_point":
            return candidates
        summary = next(
            (
                c
                for c in candidates[:EVIDENCE_CANDIDATES]
                if c.passage.kind == "key_point"
                and (c.passage.article_slug, c.passage.section_number) == (first.article_slug, first.section_number)
            ),
            None,
        )
        if summary is None:
            return candidates
        coverage, informative = self._coverage(summary, query)
        if not informative or coverage < min_coverage(informative):  # it must hold enough to answer alone
            return candidates
        return [summary] + [c for c in candidates if c is not summary]

    def _coverage(self, candidate: Candidate, query: Query) -> tuple[float, int]:
        """Share of the question's evidence the candidate holds, and how many informative slots it matched."""
        return self._evidence(candidate, query)[:2]

    def _evidence(self, candidate: Candidate, query: Query) -> tuple[float, int, str]:
        """The candidate's share and informative slots, of the whole question or of its asking
        sentences where that share is larger, and whose evidence it is (for the decision's reason)."""
        whole = self._share(candidate, query.slots)
        if query.asking:
            asking = self._share(candidate, query.asking)
            if asking[0] > whole[0]:
                return (*asking, "asking sentences'")
        return (*whole, "question's")

    def _share(self, candidate: Candidate, slots: list[Slot]) -> tuple[float, int]:
        total = sum(self.index.slot_idf(s) for s in slots)
        asked = set(slots)
        matched = [s for s in candidate.matched if s.weight == 1.0 and s in asked]  # of these slots only
        covered = sum(self.index.slot_idf(s) for s in matched)
        informative = sum(self.index.slot_idf(s) >= INFORMATIVE_IDF for s in matched)
        return (covered / total if total else 0.0), informative

    def _decide(
        self,
        candidates: list[Candidate],
        query: Query,
        wanted: list[Ask],
        nearest: Nearest,
        definition: Candidate | None = None,
        follow_up: bool = False,
    ) -> Decision:
        if not query.slots:
            return Decision(False, "no searchable words in the question")
        if not candidates:
            return Decision(False, "no passage shares a word with the question")
        coverage, informative, whose = self._evidence(candidates[0], query)
        if missing := unmet(wanted, candidates[0].passage.text):
            return Decision(
                False, f"the question asks for {' and '.join(missing)}, which the best passage does not give", coverage
            )
        # Worded like an unanswerable example: declined outright when staff marked it not covered
        # or the passage has no examples; otherwise the answer model weighs that nearness with
        # the rest (development answer correct 0.845 -> 0.847, no_answer unchanged at 0.958).
        has_examples = self.examples.knows(candidates[0].position)
        worded_like = nearest.unanswered >= ALIKE and nearest.unanswered > nearest.answered
        if worded_like and (not has_examples or question_key(nearest.unanswered_text) in self._not_covered):
            return Decision(
                False,
                f"worded like a question the articles do not answer: {nearest.unanswered_text!r}"
                f" ({nearest.unanswered:.0%} alike; the closest answered one {nearest.answered:.0%})",
                coverage,
                informative,
            )
        held = f"the best passage holds {coverage:.0%} of the {whose} evidence"
        if definition is not None:
            subjects = _definition_subjects(query, query.text)
            what = next((s.text for s in subjects if self._says_what(definition, s)), "it")
            return Decision(True, f"{held}, and it says what {what} is", coverage, informative)
        if not informative:
            return Decision(False, "only common words (found in many passages) matched", coverage, informative)
        # The fixed shares decide where the model has nothing it learned from: a passage without
        # examples, or a follow-up read with the question before it (the model learned from
        # questions asked on their own; "and how long does it last?" alone is as like the
        # unanswerable "how long do the side effects last" as any answered question).
        if follow_up or not has_examples:
            needed = min_coverage(informative)
            verdict = f"; {needed:.0%} needed" if coverage >= needed else f": below the {needed:.0%} needed"
            reason = f"{held} with {informative} informative word(s){verdict}"
            return Decision(coverage >= needed, reason, coverage, informative)
        evidence = self._answer_evidence(candidates, query, nearest, coverage, informative)
        p = answer_model().probability(evidence)
        answer = p >= ANSWER_PROBABILITY
        verdict = "at least" if answer else "below"
        reason = (
            f"{held} with {informative} informative word(s); the answer model gives {p:.2f},"
            f" {verdict} the {ANSWER_PROBABILITY:.2f} needed"
        )
        return Decision(answer, reason, coverage, informative, evidence, p)

    def _answer_evidence(
        self, candidates: list[Candidate], query: Query, nearest: Nearest, coverage: float, informative: int
    ) -> AnswerEvidence:
        """What the answer model weighs of the best candidate (assistant/answering.py)."""
        best = candidates[0]
        matched = set(best.matched)
        lacking = [s for s in query.slots if s.weight == 1.0 and s not in matched]
        known: list[float] = []  # idf of the articles' words it lacks
        unknown: list[float] = []  # and of words the articles never use
        for slot in lacking:
            (known if self.index.in_text(slot) else unknown).append(self.index.slot_idf(slot))
        return AnswerEvidence(
            coverage=coverage,
            informative=min(informative, 4),
            margin=coverage - min_coverage(informative),
            nearest_answered=nearest.answered,
            nearest_unanswered=nearest.unanswered,
            nearest_small_talk=nearest.small_talk,
            total_idf=sum(self.index.slot_idf(s) for s in query.slots),
            slots=len(query.slots),
            max_unmatched_idf=max(known, default=0.0),
            max_unknown_idf=max(unknown, default=0.0),
            sum_unknown_idf=sum(unknown),
            log_score=math.log1p(best.score),
            second_ratio=candidates[1].score / best.score if len(candidates) > 1 and best.score else 0.0,
            asking=1.0 if query.asking else 0.0,
            example_lent=1.0 if best.best_example else 0.0,
        )

    def _small_talk_reply(self, question: str) -> Reply:
        """A farewell is answered as one; thanks with thanks; anything else with what the assistant does."""
        text = normalize(question).replace("'", "")
        thanked = "thank" in text
        if FAREWELL.search(text):
            return Reply("chitchat", messages.FAREWELL_THANKED if thanked else messages.FAREWELL)
        return Reply(
            "chitchat", messages.THANKS if thanked else messages.CHITCHAT, suggestions=tuple(self.starters[:4])
        )

    def _definition(self, candidates: list[Candidate], query: Query, question: str) -> Candidate | None:
        """For "what is X?" (X the one idea of the question, or of its asking sentence, besides words
        that ask for a meaning, or the idea named next to "what is"), the first candidate with a
        sentence that says what X is; None for any other question or when no candidate defines X."""
        if not asks_definition(question):
            return None
        for subject in _definition_subjects(query, question):
            found = next((c for c in candidates if self._says_what(c, subject)), None)
            if found is not None:
                return found
        return None

    def _says_what(self, candidate: Candidate, subject: Slot) -> bool:
        return any(defines(text, subject.terms) for text, _ in self._sentences(candidate.passage))

    def _choose_quotes(self, candidates: list[Candidate], query: Query, wanted: list[Ask]) -> list[Candidate]:
        best = candidates[0]
        chosen = [best]
        budget = MAX_QUOTE_WORDS - len(best.passage.text.split())
        for c in candidates[1:]:
            if len(chosen) == MAX_QUOTES or c.score < EXTRA_QUOTE_RATIO * best.score:
                break
            coverage, informative = self._coverage(c, query)
            size = len(c.passage.text.split())
            fits = informative and coverage >= min_coverage(informative) and not unmet(wanted, c.passage.text)
            if fits and size <= budget:
                chosen.append(c)
                budget -= size
        return chosen

    def _split_sentences(self, passage: Passage) -> tuple[tuple[str, frozenset[str]], ...]:
        return tuple((text, frozenset(terms(text))) for text in self.corpus.sentences(passage.text) or [passage.text])

    def _highlight(self, passage: Passage, slots: list[Slot]) -> str:
        """The passage's sentence holding the most of the question's evidence (the first on a tie)."""
        sentences = self._sentences(passage)
        weights = [self.index.evidence(stems, slots) for _, stems in sentences]
        return sentences[weights.index(max(weights))][0]

    def _suggest(self, candidates: list[Candidate], chosen: list[Candidate], question: str) -> tuple[str, ...]:
        """Follow-up questions: the first alternate question of related passages, then starters."""
        quoted = {c.passage.id for c in chosen}
        related = [c.passage for c in candidates if c.passage.id not in quoted]
        if chosen:
            related += self._neighbours(chosen[0].passage)
        pool = [qs[0] for p in related if (qs := self.alternate_questions.get(p.id))] + self.starters
        seen = [_key(question)]
        out: list[str] = []
        for q in pool:
            key = _key(q)
            if len(out) < MAX_SUGGESTIONS and all(_overlap(key, other) < SIMILAR_SUGGESTION for other in seen):
                seen.append(key)
                out.append(q)
        return tuple(out)

    def _neighbours(self, passage: Passage) -> list[Passage]:
        """Passages of the same section, nearest first."""
        article = self.article(passage.article_slug)
        if article is None:  # every passage comes from an article of this corpus
            return []
        # Sections first: a passage's section_title is its section's title, and a loaded engine
        # makes a Passage when first read (assistant/cache.py), so read only that section's.
        same = [p for s in article.sections if s.title == passage.section_title for p in s.passages]
        return sorted((p for p in same if p.id != passage.id), key=lambda p: abs(p.position - passage.position))


def _definition_subjects(query: Query, question: str) -> list[Slot]:
    """The idea a definition question asks about: the one idea of the question (of its asking
    sentences, if set apart) besides words that ask for a meaning; with more, those named next to
    "what is" ("whats bdnf, saw it on a poster at my moms clinic"), likeliest first."""
    subject = [s for s in query.asking or query.slots if s.text not in DEFINITION_WORDS]
    if len(subject) <= 1:
        return subject
    if asks_summary(question):
        return []
    near = [stem(query.corrections.get(w, w)) for w in definition_terms(question)]
    return [s for term in near for s in subject if term in s.terms][:3]


def _asking_sentences(sentences: list[str]) -> list[str]:
    """The sentences that ask, when other sentences tell a story around them; empty for a
    message of one sentence, or whose sentences all ask or none do."""
    asking = [s for s in sentences if ASKING_SENTENCE.search(normalize(s))]
    return asking if 0 < len(asking) < len(sentences) else []


def min_coverage(informative: int) -> float:
    """Share of the question's evidence required when this many informative words matched."""
    if informative >= 3:
        return MIN_COVERAGE_CORROBORATED[3]
    return MIN_COVERAGE_CORROBORATED.get(informative, MIN_COVERAGE)


def _passage_ids(corpus: Corpus, wanted: set[str]) -> set[str]:
    """Those of the `wanted` passage ids that exist: only the articles they name are read, as
    making every id took a tenth of a second of a cached start at 100,000 passages."""
    named = [a for a in corpus.articles if any(w.startswith(a.slug + "#") for w in wanted)]
    return {p.id for a in named for p in a.passages} & wanted


@lru_cache(maxsize=4096)  # alternate questions and starters recur in every reply
def _key(question: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(question) if w not in STOPWORDS)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two questions' stems."""
    return len(a & b) / len(a | b) if a | b else 1.0
