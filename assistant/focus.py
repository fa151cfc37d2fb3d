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

from .text import STOPWORDS, normalize, stem, words

_NUMBER = (
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|once|twice|daily"
    r"|weekly|monthly|yearly|percent|half)\b"
)
# Insurers by name: a question about one, or about which ones, needs a passage that names one.
OTHER_INSURERS = (
    r"aetna|cigna|horizon|blue cross|bcbs|medicare|medicaid|familycare|tricare|united ?healthcare|humana|kaiser"
    r"|hmo|ppo|nhis"
)
_TIME_UNIT = r"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|overnight)\b"
_NOT_A_DEADLINE = r"(?<!\bin \d )(?<!\bin \d\d )"  # "i gotta go in 5 min" tells a time, it does not ask one


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
            r"|\b(?:how many|number of)\b.{0,40}\b(?:in )?(?:total|altogether|in all|all told|overall)\b"
            r"|\b(?:price|cost) (?:of|for|per)\b|\bhow much (?:\w+ ){0,2}(?:cost|costs|charge|charged)\b|\bhow many\b.{0,40}\b\d+\b"
            r"|\bhow (?:many|much|long)\b.{0,40}\bexact(?:ly)?\b|\bexact #|\b(?:threshold|cut ?off)\b"
            r"|\bhow much (?:does|do|is|will|would)\b"
            r"|\bwhat (?:percent(?:age)?|proportion|dose|dosage)\b|\b(?:success|response|remission) rates?\b"
            r"|\bhow (?:many|much) (?:mg|milligrams?|ml|dollars?|money)\b|\bcuant[oa]s?\b"
        ),
        re.compile(_NUMBER),
    ),
    # "periodic" or "regular" boosters say that they recur, not how many or how often.
    Ask(
        "how many or how often",
        re.compile(r"\bhow (?:many|often|frequent(?:ly)?)\b|\bfrequency\b"),
        re.compile(_NUMBER + r"|\b(?:several|series|a few|multiple|repeated|every|per|fewer)\b"),
    ),
    Ask(
        "a length of time",
        re.compile(
            rf"\bhow long\b|\bhow soon\b|\bhow quick(?:ly)?\b|\bhow fast\b|{_NOT_A_DEADLINE}\b(?:minutes?|hours?|hrs?|mins?)\b"
            r"|\bwhen (?:will|can|do|does|would)\b|\bcuanto tiempo\b"
        ),
        re.compile(_TIME_UNIT),
    ),
    Ask(
        "a comparison",
        re.compile(
            # Weighing one option against another. Not "feel better", "get worse", "better wiring" or
            # "expecting the worst": improving, or an adjective, is not a comparison.
            r"\b(?:better|worse|safer|faster|stronger|cheaper)\b(?: \w+){0,4} than\b"
            r"|\b(?:vs|versus|compared?|comparison|comparing|superior|prefer(?:able)?|more effective|less effective"
            r"|as effective|as good as)\b"
            r"|\b(?:which|what)(?: \w+){0,4} (?:is |are |s |works? |would be )?(?:better|best|worse|worst|safer|preferable)\b"
            r"|\b(?:better|best|worst|safest) (?:option|choice|treatment|way|route|method|form|type|kind|approach|alternative|bet)\b"
            r"|\b(?:is|are|would) (?:it|ketamine|this|that|iv|an? \w+|the \w+)(?: (?!getting|gettin|going|feeling)\w+)?"
            r" (?:better|best|worse|the best)\b(?! off)(?!(?<=best) for\b)"
            r"|\bor\b(?: \w+){0,5} (?:better|best|worse)\b(?: \w+)?\W*$"
            r"|\binstead of(?! (?:just|being|feeling|fading|up|getting|going|staying|thinking))\b"
        ),
        re.compile(r"\b(?:than|unlike|compared|versus|better|faster|apart from|instead|while traditional|beyond)\b"),
    ),
    Ask(
        "a risk or side effect",
        re.compile(
            r"\b(?:risks?|risky|(?<!\bnot in )dangers?|dangerous|harmful|side ?effects?|adverse|unsafe|safe|safety"
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
            # not "people who can't get free of old memories" or "a fella that can't get moving"
            r"\b(?:who|what|when) (?:should|can|must|would|could) ?(?:not|n't)\b(?! (?:get|be|break|shake) (?:free|loose"
            r"|unstuck|past|over|rid|out|away|movin\w*|goin\w*)\b)|\b(?:shouldn|can|couldn|mustn)'?t"
            r" (?:get|take|have|use|do|try|receive)\b(?! (?:\w+ing|\w+in|out|up|over|through|better|rid|past|away|along|free|loose"
            r"|unstuck|it together)\b)"
            r"|\bnot (?:be )?(?:eligible|suitable|recommended|a (?:good )?candidate|allowed)\b"
            r"|\bcontraindicat\w*|\bdisqualif\w*|\bexclud\w*|\bnot for\b|\bineligible\b"
        ),
        re.compile(r"\b(?:not|isn't|isnt|never|avoid|unsuitable|contraindicat\w*|exclud\w*|ineligible|unless)\b"),
    ),
    # "Will it interact with his sertraline?", "can I stay on my SSRI?": a passage must speak of
    # taking it with other medicines, not only share the word ("ketamine interacts with the brain").
    Ask(
        "other medicines alongside",
        re.compile(
            r"\binteract\w*\b|\b(?:mix|mixing|combine|combining|combined) (?!(?:it|them|things|me|him|her|us) up\b)(?:\w+ ){0,2}with\b"
            r"|\b(?:stay|staying|keep|keeping) (?:taking |on )(?:my|his|her|their|the|your)\b"
            r"|\b(?:stop|stopping|quit|quitting|come off|coming off|go off|taper\w*|wean\w*) (?:\w+ ){0,2}(?:meds?"
            r"|medications?|medicines?|antidepressants?|ssris?|snris?|maois?|pills|lithium|benzos?)\b"
        ),
        re.compile(
            r"\binteract\w* with (?:other |your |their |any )?(?:medications?|medicines?|drugs?|antidepressants?)\b"
            r"|\b(?:combined|together|alongside|in combination) with\b|\b(?:stop|continue|keep) taking\b"
        ),
    ),
    # Getting ready and getting home: "can I eat before?", "can I drive after?"
    Ask(
        "eating before or driving after",
        re.compile(
            r"\b(?:eat|eating|food|fast|fasting|empty stomach) (?:\w+ ){0,3}before\b|\bbefore (?:\w+ ){0,3}(?:eat|eating"
            r"|fast|fasting)\b|\b(?:drive|driving) (?:\w+ ){0,4}(?:after|afterwards|home)\b|\bafter (?:\w+ ){0,3}(?:drive"
            r"|driving)\b|\b(?:ride|driver|someone to drive (?:me|him|her|them)) home\b"
        ),
        re.compile(r"\b(?:eat|eating|food|fast|fasting|drive|driving|ride|escort|transport\w*)\b"),
    ),
    # "Which studies? Citations?": a passage must name its source, not only say "studies show".
    Ask(
        "a named source",
        re.compile(
            r"\bwhich (?:studies|study|research|trials?|papers?|journals?)\b|\bcitations?\b|\bcite\b|\bsources?\b"
            r"|\breferences?\b|\blinks? to (?:the )?(?:studies|study|research|papers?)\b|\bwho (?:did|ran|conducted|published)"
            r" (?:the |these |those )?(?:studies|study|research|trials?)\b|\bpeer.?reviewed\b"
            r"|\b(?:in|on) (?:humans|people|patients) or (?:only )?(?:in |on )?(?:lab )?(?:animals|mice|rats)\b"
        ),
        re.compile(r"\b(?:et al|journal|published|university|trial|(?:19|20)\d\d)\b"),
    ),
    # Who can get it: an age, a pregnancy, a condition the visitor already has.
    Ask(
        "whether someone like them can get it",
        re.compile(
            r"\b(?:already (?:have|has|got)|(?:have|has) (?:had )?(?:a history of|heart))\b.{0,30}\b(?:blood pressure|bp"
            r"|hypertension|heart)\b|\bpregnan\w*|\bbreastfeed\w*|\bminimum age\b|\bage (?:limit|requirement|minimum)\b"
            r"|\bhow old\b|\bcan (?:a |my |an? )?(?:\d+|teen|teenager|minor|kid|child|adolescent)\w*(?: \w+){0,3} (?:get|have"
            r"|receive|do|try)\b|\b(?:teens?|teenagers?|minors?|kids|children|adolescents?) (?:get|have|receive|be given"
            r"|eligible)\b|\b(?:blood pressure|bp|hypertension|heart (?:condition|disease|problems?))\b.{0,40}\b(?:can i|am i"
            r"|could i|is it ok|still (?:get|have|eligible|do|qualify))\b|\b(?:over|under) (?:the age of )?\d\d\b"
            r"|\b(?:elderly|seniors?|older (?:adults|people|patients))\b"
        ),
        re.compile(
            r"\b(?:pregnan\w*|ages?|aged|adolescents?|teens?|children|minors?|hypertension|contraindicat\w*)\b"
            r"|\bwith (?:high )?blood pressure\b|\bheart (?:disease|conditions?)\b|\bnot (?:suitable|recommended|for everyone)\b"
        ),
    ),
    # "Can I go back to work the same day?"
    Ask(
        "going back to work",
        re.compile(
            r"\b(?:go|get|head|going|return\w*) (?:back )?to (?:work|school|the office|office)\b|\b(?:work|office|school)"
            r" (?:the )?(?:same|next) (?:day|morning)\b|\btake (?:the day|leave|time) off\b"
        ),
        re.compile(
            r"\b(?:return(?:ing)? to (?:work|normal|daily)|back to work|rest of the day|same day|next day|daily activities)\b"
        ),
    ),
    # "Do I need a referral?", "how do I book?"
    Ask(
        "a referral or booking",
        re.compile(
            r"\breferrals?\b|\brefer(?:red)? (?:by|from)\b|\b(?:to|can i|how do i) (?:just )?(?:book|schedule)\b"
            r"|\bhow soon (?:could|can|would) (?:i|we|he|she|they) (?:get in|start|begin|be seen)\b|\bwait(?:ing)? (?:list|time)\b"
        ),
        re.compile(r"\b(?:refer\w*|book\w*|schedul\w*|appointments?)\b"),
    ),
    # How long one session takes, not how long the treatment or its effects last.
    Ask(
        "the length of one session",
        re.compile(
            r"\bhow long (?:is|does|will|would) (?:each|one|a|the|an|every) (?:session|infusion|appointment|treatment|visit)\b"
            r"|\bhow long (?:am i|will i be|do i (?:sit|stay)|are you|is he|is she)\b"
            r"|\bhow long (?:do |will |would )?(?:i|you|we|he|she|they) (?:sit|stay|be there|be at|be in)\b"
            r"|\bhow long\b.{0,30}\b(?:one|each|per|a single|every) (?:session|infusion|appointment|visit)\b"
        ),
        re.compile(r"\b(?:minutes?|hours? long|lasts? (?:about |around )?(?:\d+|an?|one|two))\b"),
    ),
    # "Does someone have to come with me?", "can my dog come along?"
    Ask(
        "someone coming along",
        re.compile(
            r"\b(?:someone|somebody|a (?:friend|family member|companion|driver)) (?:have|has|need|needs|must) to (?:come"
            r"|be there|stay|drive|pick)\b|\bcome with me\b|\bbring (?:someone|somebody|a friend|a companion)\b"
            r"|\b(?:come|tag) along\b|\bbring (?:my|a|the|our) (?:\w+ )?(?:dog|pet|kids?|child|children|baby|partner|husband"
            r"|wife|mom|mum|dad|friend|boyfriend|girlfriend|service animal)\b"
        ),
        re.compile(r"\b(?:companion|accompan\w*|someone (?:to|with)|driver|ride|escort)\b"),
    ),
    # Who wrote the article and what their qualifications are.
    Ask(
        "who wrote it",
        re.compile(
            r"\bwho (?:wrote|writes|authored|is the author)\b|\b(?:is|was) the (?:author|writer) (?:a )?(?:doctor|physician|md)\b"
            r"|\b(?:credentials|qualifications)\b"
        ),
        re.compile(r"\b(?:written by|authored by|author|dr\.?|m\.?d\.?|ph\.?d\.?)\b"),
    ),
    # "Which insurance plans cover it?" needs a passage that names one.
    Ask(
        "a specific insurer",
        re.compile(
            r"\b(?:which|what) (?:specific )?(?:insurance (?:plans?|companies|providers?|carriers?)|insurers?|carriers?"
            r"|plans)\b|\bspecific (?:insurance|plans?|insurers?)\b|\bin.?network\b"
        ),
        re.compile(rf"\b(?:{OTHER_INSURERS})\b"),
    ),
    # Another way of giving it: a nasal spray, a shot, a pill, a lozenge, telehealth.
    Ask(
        "a way of giving it",
        re.compile(
            r"\b(?:nasal|intranasal|spray|the shot|shots|injections?|intramuscular|lozenges?|troches?|sublingual"
            r"|telehealth|telemedicine)\b|\b(?:pill|tablet|capsule) (?:form|version)\b|\bas an? (?:pill|tablet)\b"
        ),
        re.compile(
            r"\b(?:nasal|intranasal|spray|shots?|injections?|intramuscular|lozenges?|troches?|sublingual|oral\w*|pills?"
            r"|tablets?|telehealth|telemedicine)\b"
        ),
    ),
    # Talk therapy alongside the infusions.
    Ask(
        "therapy alongside",
        re.compile(
            r"\b(?:talk therapy|psychotherapy|therapist|cbt|counsel\w*)\b.{0,40}\b(?:during|alongside|along with|while|as well"
            r"|too|also|together)\b|\b(?:keep|continue|stop) (?:seeing|going to) (?:my |his |her |their )?(?:talk )?therap\w*"
            r"|\b(?:alongside|along with|plus) (?:talk )?(?:therapy|psychotherapy|counsel\w*)\b|\bkap\b"
        ),
        re.compile(r"\b(?:psychotherap\w*|talk therapy|therapists?|counsel\w*|integration)\b"),
    ),
    # Where and when the clinic is open.
    Ask(
        "the clinic's address or hours",
        re.compile(
            r"\b(?:address|opening hours|office hours|hours of operation|what hours|open on|weekend appointments?"
            r"|on weekends|location|located|near me|nearest|closest|directions|parking|clinic near)\b"
        ),
        re.compile(r"\b(?:address|street|suite|open (?:on|from|monday)|weekends?|located at|parking)\b"),
    ),
    Ask(
        "a legal or regulatory status",
        re.compile(
            r"\b(?:legal|illegal|legally|(?<!\bin )(?<!in-)laws?|fda|approved|approval|controlled substance|dea|schedule [i1-5v]+)\b"
        ),
        re.compile(r"\b(?:legal|law|laws|fda|approved|approval|regulat\w*|controlled)\b"),
    ),
)


# A unit of time the visitor names ("one hour?", "monthly?") must be in the passage: "over several
# weeks" does not say how long one session takes. Each family: how a question names the unit,
# how a passage does.
TIME_UNITS = {
    "minutes": (rf"{_NOT_A_DEADLINE}\b(?:minutes?|mins?)\b", r"\bminutes?\b"),
    "hours": (rf"{_NOT_A_DEADLINE}\b(?:hours?|hrs?)\b", r"\bhours?\b"),
    "weeks": (r"\b(?:weekly|every (?:\w+ )?weeks?|q\d*wk|per week)\b", r"\b(?:weeks?|weekly)\b"),
    "months": (r"\b(?:monthly|every (?:\w+ )?months?|per month)\b", r"\b(?:months?|monthly)\b"),
}


# A side effect the visitor names must be the one the passage speaks of: "mild dissociation"
# does not answer "can it cause hallucinations?". Each: how a question names it, how a passage does.
SIDE_EFFECTS = {
    "hallucinations": (
        r"\bhallucinat\w*|\bseeing things\b(?! (?:differently|different|clearly|in a))|\bsee things (?:that|like)\b"
        r"|\bbad trips?\b",
        r"\bhallucinat\w*",
    ),
    "psychosis": (r"\bpsychos[ie]s\b|\bpsychotic\b", r"\bpsychos[ie]s\b|\bpsychotic\b"),
    "addiction": (
        r"\baddict\w*|\bdependen(?:ce|cy|t)\b|\babuse\b|\bhabit.forming\b",
        r"\baddict\w*|\bdependen(?:ce|cy)\b|\babuse\b",
    ),
    # (not the price of "selling a kidney")
    "bladder problems": (
        r"\bbladder\b|\bcystitis\b|\burinary\b|(?<!\bsell a )(?<!\bselling a )(?<!\bsell my )(?<!\bselling my )\bkidneys?\b",
        r"\bbladder\b|\bcystitis\b|\burinary\b",
    ),
    "dissociation": (r"\bdissociat\w*|\bspaced out\b|\bout of (?:my |his |her )?body\b", r"\bdissociat\w*"),
    "nausea": (
        r"\bnause\w*|\bthrow(?:ing)? up\b|\bvomit\w*|\bpuk\w*|\bsick to (?:my|your|the|his|her) stomach\b|\bqueasy\b",
        r"\bnause\w*",
    ),
    "raised blood pressure": (r"\bblood pressure\b|\bbp\b|\bhypertension\b", r"\bblood pressure\b"),
    "memory problems": (
        r"\bmemory (?:loss|problems?|issues?|damage)\b|\b(?:damages?|hurt|affect|harm)s? (?:the |my |your )?memory\b"
        r"|\bcognitive (?:decline|impairment|damage|problems?|effects?)\b",
        r"\bmemory (?:loss|problems?|impairment)\b|\bcognitive (?:decline|impairment|problems?|effects?)\b",
    ),
}


# A condition the visitor asks it to treat must be one the passage names: the article's "other
# mood disorders" does not say whether it helps bipolar disorder, nor anything about pain. Only a
# condition named after a verb of treating counts ("does it help OCD?"), not one in a story.
CONDITIONS = {
    "bipolar disorder": r"bipolar|mania|manic",
    "OCD": r"ocd|obsessive|compulsive",
    "eating disorders": r"eating disorders?|anorexi\w*|bulimi\w*|binge eating",
    "ADHD": r"adhd|attention deficit",
    "autism": r"autis\w*|asperger\w*",
    "schizophrenia": r"schizo\w*",
    "dementia": r"dementia|alzheimer\w*|memory loss",
    "Parkinson's disease": r"parkinson\w*",
    "pain": r"(?:chronic|back|nerve|neck|joint|physical|knee|hip|body|leg|cancer|pelvic) pain|fibromyalgia|arthritis"
    r"|neuropath\w*|migraines?|headaches?",
    "insomnia": r"insomnia|sleep (?:problems?|issues?|disorders?)",
    "a concussion or stroke": r"concussions?|tbi|strokes?",
}
# Another treatment the visitor asks about or compares with must be one the passage names; one
# listed in a story of what they have tried is not asked about.
OTHER_TREATMENTS = {
    "alcohol or cannabis": r"alcohol|booze|beer|wine|weed|marijuana|cannabis|thc|cbd",
    "a named insurer": OTHER_INSURERS,
    "psilocybin": r"psilocybin|magic mushrooms?|shrooms",
    "TMS": r"tms|magnetic stimulation",
    "ECT": r"ect|electroconvulsive|shock therapy",
    "esketamine": r"spravato|esketamine",
}
_ASKING_ABOUT = r"\b(?:what|which|how|is|are|does|do|can|could|would|vs|versus|or|than)\b"
_TREATING = (
    r"\b(?:help|helps|helping|treat|treats|treating|treatment|work|works|effective|good|used|approved|fix|cure)\b"
)


def _named(name: str, words: str) -> Ask:
    """An ask met by a passage that names what the question names."""
    pattern = re.compile(rf"\b(?:{words})\b")
    return Ask(name, pattern, pattern)


# Compiled once: asks() runs for every question.
_UNIT_ASKS = tuple(Ask(f"a time in {unit}", re.compile(q), re.compile(p)) for unit, (q, p) in TIME_UNITS.items())
# Each side effect's ask, and its form for "how long does the nausea last": the effect and a time
# in one sentence of the passage.
_EFFECT_ASKS = tuple(
    (
        Ask(f"whether it causes {effect}", re.compile(q), re.compile(p)),
        Ask(
            f"how long {effect} lasts",
            re.compile(q),
            re.compile(rf"(?:{p})[^.!?]*{_TIME_UNIT}|{_TIME_UNIT}[^.!?]*(?:{p})"),
        ),
    )
    for effect, (q, p) in SIDE_EFFECTS.items()
)
# Each with the pattern of its being asked about: a treatment after a question word, a condition
# after a verb of treating.
_TREATMENT_ASKS = tuple(
    (
        re.compile(rf"{_ASKING_ABOUT}(?: \w+){{0,5}} (?:{words})\b|(?:^|[.?!] ?)(?:{words}) ?\?"),
        _named(f"what it says of {treatment}", words),
    )
    for treatment, words in OTHER_TREATMENTS.items()
)
_CONDITION_ASKS = tuple(
    (re.compile(rf"{_TREATING}(?: \w+){{0,5}} (?:{words})\b"), _named(f"whether it helps {condition}", words))
    for condition, words in CONDITIONS.items()
)


def asks(question: str) -> list[Ask]:
    """The kinds of answer a question asks for, with one ask for each unit of time, side effect,
    other treatment and condition it names."""
    text = normalize(question)
    found = [ask for ask in ASKS + _UNIT_ASKS if ask.question.search(text)]
    how_long = any(ask.name == "a length of time" for ask in found)
    found += [long if how_long else plain for plain, long in _EFFECT_ASKS if plain.question.search(text)]
    compares = any(ask.name == "a comparison" for ask in found)
    found += [ask for asked, ask in _TREATMENT_ASKS if asked.search(text) or (compares and ask.question.search(text))]
    found += [ask for asked, ask in _CONDITION_ASKS if asked.search(text)]
    return found


def unmet(question_asks: list[Ask], passage_text: str) -> list[str]:
    """Names of the asks a passage gives no answer to."""
    text = normalize(passage_text)
    return [ask.name for ask in question_asks if not ask.passage.search(text)]


# A request for the short version ("sum it up", "in a nutshell", "tldr"): the article's own
# summary of a section, its Key Point, answers it better than the paragraph it sums up.
SUMMARY_REQUEST = re.compile(
    r"\b(?:short|brief|quick|simple) (?:version|answer|summary|take)\b|\bbriefly\b|\bin short\b|\bsum(?:med)? (?:it |this |that )?up\b"
    r"|\bsummar\w*|\bin a nutshell\b|\btl ?dr\b|\bbottom line\b|\bkey (?:point|takeaway)s?\b|\bmain (?:point|idea|takeaway)\b"
    r"|\bone(?: |-)?(?:liner|sentence|line)\b|\bgist\b|\bhigh level\b|\bcliff ?notes\b|\bkp\b|\bbluf\b"
)


# How the visitor wants the answer worded, not what it is about: "explain it like I'm 5", "in
# plain English", "in one sentence", "short and sweet", "no essay", "bullet points", "a yes or
# no". Its words are neither evidence nor dilution: "sentence", "5" or "essay" are in no passage,
# and counted as asked they declined a plain "what is neuroplasticity?" told how to answer.
FORMAT_REQUEST = re.compile(
    r"\b(?:explain|say|put|tell|break|describe|spell|dumb)\b(?: it| this| that| things?)?(?: down| out)?"
    r"(?: (?:to|for) (?:me|us|him|her|them))?(?: (?:like|as if|as though) (?:i'?m|i am|im|he'?s|she'?s|"
    r"they'?re|we'?re|you'?re (?:talking|speaking) to)\b[^,.?!;:]*)"
    r"|\b(?:like|as if) (?:i'?m|i am|im) (?:a |an )?(?:5|five|\d+ years? old|kid|child|toddler|baby|caveman|"
    r"grandma|grandpa|granny|dummy|idiot)\b|\beli ?5\b|\bfor dummies\b"
    r"|\bin (?:plain|simple|layman'?s?|lay|normal|everyday|basic|easy|regular|simpler|plainer|human|real)"
    r" (?:english|words?|terms|language|speak|talk|spanish)\b|\bin english\b"
    r"|\bfor (?:a |an )?(?:layman|layperson|lay person|beginner|non ?scientist|non ?doctor|5 year old|five year old)\b"
    r"|\b(?:(?:i'?m|i am|im) (?:not|no)|i ain'?t) (?:a |an )?(?:\w+ )?(?:doctor|scientist|expert|neuroscientist|professional|"
    r"chemist|biologist|brain surgeon|genius|nerd|medical (?:person|professional))\b"
    r"|\b(?:no|not an?|without (?:the |a |any )?|skip the) ?(?:essay|lecture|jargon|novel|big words|fancy words|"
    r"science talk|tech talk|fluff|sugar ?coating|medical speak)\b"
    r"|\b(?:short|simple|brief|quick|plain|clear) (?:and (?:sweet|simple|clear)|please|pls|plz|answer|version|terms)\b"
    r"|\bkeep it (?:short|simple|brief|basic|real)\b|\b(?:give it to me|tell me|say it) (?:straight|short|simple|quick|"
    r"briefly|plainly|plain|simply)(?: and (?:sweet|simple))?\b"
    r"|\b(?:in|within|under|less than|fewer than|max|at most) (?:one|two|three|a few|a couple of|\d+)"
    r" (?:words?|sentences?|lines?|bullets?|bullet points?|points?)\b|\b(?:bullet|bulleted) (?:form|points?|list)\b"
    r"|\b(?:a |plain |simple |straight |just )?yes or no\b|\b(?:a |in a |in one |one )?one[- ]?liners?\b"
)
# Whom an explanation is for ("what is neuroplasticity, in plain words for an old nurse", "a
# one-liner for a pt"): it shapes the wording, not what is asked, so it goes with the format
# request. Only beside a request to explain or define: "does it work for my son?" asks about him.
EXPLANATION_REQUEST = re.compile(
    r"\b(?:explain\w*|define|definition|meaning|one[- ]?liners?|summar\w+|nutshell|in (?:plain|simple|layman'?s?|lay"
    r"|normal|everyday|basic|easy|simpler|plainer) (?:english|words?|terms|language))\b"
)
AUDIENCE = re.compile(
    r"\b(?:to|for) (?:a |an |my |the |our |your |his |her |some )?(?:(?:old|elderly|new|young|sick|\d+ ?(?:year|yr)s? ?old)"
    r" )?(?:nurse|pt|patient|client|parents?|mom|mum|mother|dad|father|grandma|grandpa|granny|grandmother|grandfather"
    r"|kids?|child|children|family|husband|wife|son|daughter|students?|class|layperson|audience|team|coworkers?"
    r"|colleagues?|folks|friends?)\b"
)


def without_format(text: str) -> str:
    """The text (normalised) less what says how to word the answer (FORMAT_REQUEST) and, beside a
    request to explain, whom for (AUDIENCE)."""
    text = normalize(text)
    if EXPLANATION_REQUEST.search(text):
        text = AUDIENCE.sub(" ", text)
    return FORMAT_REQUEST.sub(" ", text)


def asks_summary(question: str) -> bool:
    """Whether a question asks for the short version."""
    return bool(SUMMARY_REQUEST.search(normalize(question)))


# A definition: "what is X?", "X meaning?", "define X". Only a passage with a sentence that says
# what X is gives one ("Neuroplasticity is the brain's ability...", "X refers to..."); a section
# title naming X does not, or "what is ketamine?" would be answered by any passage on ketamine.
DEFINITION_QUESTION = re.compile(
    r"(?:^|[,.!?;:=\-–—]|\b(?:so|ok|okay|and|but|um|hmm|sorry|tell me|know|wondering|wait|abeg|please|pls|hey|yo|tldr))\W*"
    r"(?:what ?i?s|what's|wtf is|what are|what (?:exactly|even|actually|really|precisely|the heck|the hell|in the world|on earth"
    r"|in tarnation|in heaven'?s name) (?:is|are)|explain)\b|\b(?:define|definition of|meaning of|(?:you|u|to) explain)\b"
    r"|\b(?:meaning|definition|mean)\W*$"
    # the term first, then "what is it?" ("glutamate wat is that", "neuroplasticity?? what is that")
    r"|\bwh?at(?: i|')?s (?:it|that|this)(?: thing| stuff)?\b"
    r"|\bwhat (?:\w+ ){1,2}(?:means|stands for)\b|\b\w+ ni nini\b"  # Swahili "what is X"
    r"|\b(?:is|are) (?:what|wat|wut)(?: exactly| thing| even)?\s*(?:$|[?.!,])"  # "bdnf is what exactly"
)
# Words that ask for a meaning rather than name what is asked about ("the meaning of X").
DEFINITION_WORDS = frozenset({"meaning", "definition", "define", "mean", "means", "explain", "explanation"})
_DEFINING = re.compile(r"^(?:(?:is|are) (?:a|an|the)|refers? to|means?|(?:is|are) defined as|describes?)\b")


# Words that make a message a question of its own ("how does it work?"), not a bare term.
_QUESTION_WORD = re.compile(
    r"\b(?:how|why|when|where|who|which|whose|does|do|did|can|could|is|are|was|were|will|would|should|has|have)\b"
)


def asks_definition(question: str) -> bool:
    """Whether a question asks what something is: "what is X?", or X alone ("Neuroplasticity?",
    "neuroplasticity, plain words pls"), once the words on how to answer are set aside."""
    text = normalize(question)
    if DEFINITION_QUESTION.search(text):
        return True
    bare = SUMMARY_REQUEST.sub(" ", without_format(text))
    return not _QUESTION_WORD.search(bare) and len([w for w in words(bare) if w not in STOPWORDS]) == 1


# Words a definition question may put between "what is" and its term ("what is this X thing").
_DEFINITION_FILLER = frozenset(STOPWORDS | {"exactly", "actually", "even", "really", "thing", "stuff", "term", "word"})
# A term followed by these is asked about in relation to something ("what's plasticity got to do
# with strokes", "what is X for"), not for its meaning.
_RELATION = frozenset("got gotta has have do does matter matters for mean means used like good made".split())  # noqa: SIM905


def definition_terms(question: str) -> list[str]:
    """The words a definition question may ask the meaning of when it has other ideas too,
    likeliest first: the first after "what is" ("whats bdnf, saw it on a poster"), or the three
    before a "what is it" that follows its term ("seen bdnf wrote down what is it"); none when the
    term is asked about in relation to something else ("what's plasticity got to do with")."""
    text = normalize(question)
    match = DEFINITION_QUESTION.search(text)
    if match is None:
        return []
    if re.search(r"\b(?:it|that|this|thing|stuff|exactly|even|what|wat|wut)\W*$", match.group()):
        return [w for w in words(text[: match.start()])[::-1] if w not in _DEFINITION_FILLER][:3]
    after = [w for w in words(text[match.end() :]) if w not in _DEFINITION_FILLER - _RELATION]
    if not after or after[0] in _RELATION:
        return []
    return [] if _RELATION.intersection(after[1:3]) else after[:1]


def defines(sentence: str, term_stems: tuple[str, ...]) -> bool:
    """Whether a sentence says what the term is: it opens with the term (after "the"), then "is
    a", "is the", "refers to", "means"…; or it glosses the term where it names it (glossed)."""
    tokens = words(sentence)
    start = 1 if tokens[:1] == ["the"] else 0
    for end in range(start + 1, min(start + 4, len(tokens))):  # terms of up to three words
        if stem(tokens[end - 1]) in term_stems and _DEFINING.match(" ".join(tokens[end : end + 4])):
            return True
    return glossed(sentence, term_stems)


# Words, and the marks a gloss follows: "(" and ",".
_GLOSS_TOKENS = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[(,]")


def glossed(sentence: str, term_stems: tuple[str, ...]) -> bool:
    """Whether the sentence glosses the term where it names it, as writers define in passing: a
    parenthesis right after it ("BDNF (Brain-Derived Neurotrophic Factor)", "synaptic plasticity
    (the strengthening or weakening of connections)"), or an appositive "or" that is not the end
    of a list ("new synapses, or connections between neurons", not "depression, anxiety, or
    PTSD")."""
    tokens = _GLOSS_TOKENS.findall(normalize(sentence))
    for i, token in enumerate(tokens):
        if token in ("(", ",") or stem(token) not in term_stems:
            continue
        following = tokens[i + 1 : i + 3]
        if following[:1] == ["("]:
            return True
        if following == [",", "or"] and "," not in tokens[max(0, i - 4) : i]:
            return True
    return False
