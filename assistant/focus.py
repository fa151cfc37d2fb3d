"""What a question specifically asks for, and whether a passage can give it.

A passage can share a question's topic words and still not answer it: "how many sessions will I
need?" is not answered by a paragraph about what sessions are like, nor "what are the risks?" by
one about lasting benefits. Each ask below names a kind of answer (a number, a length of time, a
comparison, a risk, an exclusion, a legal status) and the words a passage needs to give one. The
kinds are the questions clinic FAQ pages are asked most (cost, sessions, session length,
eligibility, risks, legality, which option is best); the word lists are plain English, not
taken from any test question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import normalize, stem, words

_NUMBER = (
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|once|twice|daily"
    r"|weekly|monthly|yearly|percent|half)\b"
)
_TIME_UNIT = r"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|overnight)\b"


@dataclass(frozen=True)
class Ask:
    """A kind of answer a question asks for: found in a question by `question`, in a passage by `passage`."""

    name: str
    question: re.Pattern[str]
    passage: re.Pattern[str]


ASKS = (
    # "How many sessions?" is answered by "a series of sessions over several weeks"; "exactly how
    # many?", a price, a dose or a rate needs a number.
    Ask(
        "a number",
        re.compile(
            r"\b(?:exact(?:ly)?|precise(?:ly)?) (?:number|how (?:many|much|long|often)|many|much)\b|\bactual number\b"
            r"|\b(?:how many|number of) \w+ (?:in )?total\b|\bhow much (?:does|do|is|will|would)\b"
            r"|\bwhat (?:percent(?:age)?|proportion|dose|dosage)\b|\b(?:success|response|remission) rates?\b"
            r"|\bhow (?:many|much) (?:mg|milligrams?|ml|dollars?|money)\b|\bcuant[oa]s?\b"
        ),
        re.compile(_NUMBER),
    ),
    Ask(
        "how many or how often",
        re.compile(r"\bhow (?:many|often|frequent(?:ly)?)\b|\bfrequency\b"),
        re.compile(_NUMBER + r"|\b(?:several|series|a few|multiple|periodic\w*|repeated|regular\w*)\b"),
    ),
    Ask(
        "a length of time",
        re.compile(
            r"\bhow long\b|\bhow soon\b|\bhow quick(?:ly)?\b|\bhow fast\b|\b(?:minutes?|hours?|hrs?|mins?)\b"
            r"|\bwhen (?:will|can|do|does|would)\b|\bcuanto tiempo\b"
        ),
        re.compile(_TIME_UNIT),
    ),
    Ask(
        "a comparison",
        re.compile(
            r"\b(?:better|best|worse|worst|vs|versus|compared?|comparison|superior|prefer(?:able)?|more effective"
            r"|as effective|as good as|instead of)\b"
        ),
        re.compile(r"\b(?:than|unlike|compared|versus|better|faster|apart from|instead|while traditional|beyond)\b"),
    ),
    Ask(
        "a risk or side effect",
        re.compile(
            r"\b(?:risks?|risky|dangers?|dangerous|harmful|side ?effects?|adverse|unsafe|safe|safety"
            r"|toxic\w*|addict\w*|abuse|psychosis|hallucinat\w*|excitotox\w*|oncogen\w*|cancer|bad trip|downsides?"
            r"|downsides?|complications?|withdrawal|dependen(?:ce|cy|t on))\b"
        ),
        re.compile(
            r"\b(?:side effects?|risks?|nausea|dissociation|blood pressure|safe|safety|supervision|monitored|caution"
            r"|adverse|harm|danger\w*|mild|temporary)\b"
        ),
    ),
    Ask(
        "who should not",
        re.compile(
            r"\b(?:who|what|when) (?:should|can|must|would|could) ?(?:not|n't)\b|\b(?:shouldn|can|couldn|mustn)'?t"
            r" (?:get|take|have|use|do|try|receive)\b"
            r"|\bnot (?:be )?(?:eligible|suitable|recommended|a (?:good )?candidate|allowed)\b"
            r"|\bcontraindicat\w*|\bdisqualif\w*|\bexclud\w*|\bnot for\b|\bineligible\b"
        ),
        re.compile(r"\b(?:not|isn't|isnt|never|avoid|unsuitable|contraindicat\w*|exclud\w*|ineligible|unless)\b"),
    ),
    Ask(
        "a legal or regulatory status",
        re.compile(
            r"\b(?:legal|illegal|legally|laws?|fda|approved|approval|controlled substance|dea|schedule [i1-5v]+)\b"
        ),
        re.compile(r"\b(?:legal|law|laws|fda|approved|approval|regulat\w*|controlled)\b"),
    ),
)


# A unit of time the visitor names ("one hour?", "monthly?") must be in the passage: "over several
# weeks" does not say how long one session takes. Each family: how a question names the unit,
# how a passage does.
TIME_UNITS = {
    "minutes": (r"\b(?:minutes?|mins?)\b", r"\bminutes?\b"),
    "hours": (r"\b(?:hours?|hrs?)\b", r"\bhours?\b"),
    "weeks": (r"\b(?:weekly|every (?:\w+ )?weeks?|q\d*wk|per week)\b", r"\b(?:weeks?|weekly)\b"),
    "months": (r"\b(?:monthly|every (?:\w+ )?months?|per month)\b", r"\b(?:months?|monthly)\b"),
}


def asks(question: str) -> list[Ask]:
    """The kinds of answer a question asks for, with one ask for each unit of time it names."""
    text = normalize(question)
    found = [ask for ask in ASKS if ask.question.search(text)]
    for unit, (in_question, in_passage) in TIME_UNITS.items():
        if re.search(in_question, text):
            found.append(Ask(f"a time in {unit}", re.compile(in_question), re.compile(in_passage)))
    return found


def unmet(question_asks: list[Ask], passage_text: str) -> list[str]:
    """Names of the asks a passage gives no answer to."""
    text = normalize(passage_text)
    return [ask.name for ask in question_asks if not ask.passage.search(text)]


# A definition: "what is X?", "X meaning?", "define X". Only a passage with a sentence that says
# what X is gives one ("Neuroplasticity is the brain's ability...", "X refers to..."); a section
# title naming X does not, or "what is ketamine?" would be answered by any passage on ketamine.
DEFINITION_QUESTION = re.compile(
    r"(?:^|[,.!?;:]|\b(?:so|ok|okay|and|but|um|hmm|sorry|tell me|know|wondering))\W*(?:what ?i?s|what's|what are"
    r"|what exactly is|define|definition of|meaning of|explain)\b|\b(?:meaning|definition|mean)\W*$"
)
_DEFINING = re.compile(r"^(?:(?:is|are) (?:a|an|the)|refers? to|means?|(?:is|are) defined as|describes?)\b")


def asks_definition(question: str) -> bool:
    """Whether a question asks what something is."""
    return bool(DEFINITION_QUESTION.search(normalize(question)))


def defines(sentence: str, term_stems: tuple[str, ...]) -> bool:
    """Whether a sentence opens by saying what the term is: the term (after "the"), then "is a",
    "is the", "refers to", "means"…"""
    tokens = words(sentence)
    start = 1 if tokens[:1] == ["the"] else 0
    for end in range(start + 1, min(start + 4, len(tokens))):  # terms of up to three words
        if stem(tokens[end - 1]) in term_stems and _DEFINING.match(" ".join(tokens[end : end + 4])):
            return True
    return False
