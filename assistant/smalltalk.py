"""Recognise greetings, thanks, farewells and questions about the assistant itself."""

from __future__ import annotations

import re
from functools import lru_cache

from .classifier import load_model
from .text import respell, words

# The small-talk classifier's probability at or above which a message the articles do not answer
# is small talk (a greeting, thanks, "are you a bot?") rather than a question they cannot answer.
# The model has no intercept, so a message of words it never learned scores 0.5: the threshold
# asks for evidence. Chosen on leave-one-writer-out probabilities (scripts/train_smalltalk_model.py
# prints them): at 0.6, 370 of 436 small-talk messages and 16 of 1,104 questions; no string of
# random letters.
SMALLTALK_MODEL = 0.6
# Above this the classifier decides alone; between the two it needs the message not to be a plain
# question (see classified_smalltalk).
SMALLTALK_SURE = 0.9

# Questions to the assistant about itself: what it is, who runs it, what it can answer. Part of
# SMALLTALK below, and on their own what `about_assistant` looks for.
_ABOUT_ASSISTANT = (
    r"(?:who|what) (?:are|r) (?:you|u)|who (?:am i|i am|i m|im) (?:talking|chatting|speaking) (?:to|with)"
    r"|(?:real )?(?:person|human) or (?:a )?(?:bot|robot|program|machine|ai|computer|script)"
    r"|(?:talking|speaking|chatting) (?:to|with) (?:a )?(?:real )?(?:person|human|bot|robot|script|machine|computer|program)"
    r"(?: or (?:a |an )?(?:real )?(?:person|human|bot|robot|script|machine|computer|program|ai))?\b"
    r"|(?:you are|youre|you re|ur|u r) (?:a |an |just a )?(?:bot|robot|computer|machine|program|script|chatbot)\b"
    r"|are (?:you|u) one of the (?:doctors|nurses|staff)|who (?:set|put) (?:you|ya|u) up"
    r"|are (?:you|u)(?: (?:a|an|or|real|actual|just))* (?:bot|robot|human|person|ai|machine|chatbot|doctor|nurse|real)"
    r"(?:(?: (?:a|an|or|real|actual))+ (?:bot|robot|human|person|ai|machine|chatbot|doctor|nurse))?"
    # what it can do, with the verb phrase it asks about, so no "help" is left over to retrieve on
    r"|what(?: all| else| things| stuff| topics| exactly| kinda| kind of| sort of| sorta){0,3} (?:(?:can|do|could) (?:you|u|ya)|(?:you|u|ya) (?:can|could|fit))(?: \w+){0,2}"
    r" (?:do|help(?: me| us)?(?: with)?|know(?: about)?|answer|tell(?: me| us)?(?: about)?|cover)(?: here)?"
    r"|how (?:can|do) (?:you|u) help(?: me)?"
    # which languages it reads ("Do you also understand German?", "u understand punjabi?")
    r"|(?:you|u|ya) (?:also |even )?(?:understand|speak|read|reply in|answer in|write in|talk in|know) (?:\w+ )?(?:my language|other languages"
    r"|another language|english|spanish|german|french|chinese|mandarin|cantonese|punjabi|hindi|urdu|arabic|portuguese|russian|korean"
    r"|japanese|vietnamese|tagalog|creole|italian|polish|somali|swahili|amharic|farsi|persian|hmong|navajo|indonesian|malay|thai"
    r"|greek|armenian|turkish|hebrew|yiddish|ukrainian|bengali|tamil|nepali)\b"
    r"|(?:do |can |could )?(?:you|u|ya) (?:understand|get) me(?: ok| okay| alright)?(?=\W*$)"
    r"|what (?:sort|kind|type)s? of (?:things|questions|stuff|topics|info|information) (?:can|do|could) (?:you|u|i)"
    r"(?: (?:help(?: me| us)?(?: with)?|answer|ask(?: you)?(?: about)?|tell(?: me| us)?(?: about)?|do|know(?: about)?))?(?: here)?"
    r"|who (?:runs|made|make|makes|built|created|programmed|designed|operates|owns|is behind|wrote) (?:you|(?:this|the) (?:chat|bot|chatbot|assistant|site"
    r"|website|service|thing))|is this (?:a |an |the )?(?:bot|robot|real person|person|human|automated|ai|chatbot"
    # "is this the clinic?", not "is this clinic only for new jersey residents?"
    r"|clinic(?:s? (?:chat|bot|website|site|assistant))?(?=\W*$))"
    r"|how does this (?:chat |bot |assistant )?work|(?:are|r) (?:you|u) (?:there|still there|awake|working|online)"
    r"|(?:can|could|may) i (?:talk|speak|chat) (?:to|with)(?: (?:a |an |someone|somebody|anyone|human|person|real)(?: \w+)?)?"
    # how to use it, whether it remembers, where its answers come from, whether it can book
    r"|how (?:do i|does one|do you|can i|should i) use (?:this|you)(?: (?:chat|bot|chatbot|assistant|thing|site))?"
    r"|(?:do|can|will|does) (?:you|u|it) (?:remember|recall|save|store) (?:my|our|what|the|previous|earlier)"
    r"|(?:do|can|will|does) (?:you|u) keep (?:my|our|what|the|previous|earlier)"
    r"|where (?:does|do) (?:your|ur) (?:information|info|answers|knowledge|data) come from"
    r"|what (?:are|is) (?:your|ur) (?:sources?|information source)"
    r"|(?:can|could|do) (?:you|u) (?:also )?(?:book|schedule|make) (?:appointments?|an appointment|bookings?)"
    r"|(?:can|could|do) (?:you|u) (?:only |also )?answer (?:questions|anything|stuff)"
)

# "ok" or "alright" that says whether something is all right ("breastfeeding - ok?", "ok to mix with
# adderall", "heart ok with this") asks a question; only the discourse marker ("ok thanks") is small talk.
_NOT_ASKING_IF_ALRIGHT = r"(?!\W*\?| (?:to|with|for|if|during|while|together|after|before)\b)"

# Leaving the chat: farewells, and saying one has no more to ask.
_FAREWELLS = (
    r"bye+|goodbye|good bye|bye bye|see (?:you|ya)|take care|have a (?:good|nice|great) (?:day|one|night|evening|weekend)"
    r"|good ?night|night night|cya|adios|hasta luego|cheerio|ta ?ra(?: a bit)?|thats all|that s all|(?:i am|im) off"
    r"|(?:i )?(?:best|better|should|must|gotta) be (?:getting|gettin|going|heading|off)(?: on| along)?"
)

# Conversational openers and closers that carry no question about the articles; gathered from
# the small-talk intents chat products ship (greeting, thanks, goodbye, identity, capability).
SMALLTALK = re.compile(
    r"\b(?:hi+|hello+|hey+|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day|night)"
    r"|thanks?(?: you)?(?: so much| very much| a lot)?|thx|ty|cheers|much appreciated|appreciate (?:it|that|you)"
    rf"|{_FAREWELLS}"
    r"|how are (?:you|u)(?: doing| today)?|hows it going|whats up|sup"
    rf"|{_ABOUT_ASSISTANT}|(?:a )?few (?:quick )?(?:q s|qs|questions)(?: \w+)?"
    r"|i have (?:a few|some|a couple of?) (?:quick )?questions|good (?:morning|evening)"
    r"|^(?:morning|evening|afternoon)\b|(?:any|some)(?:one|body) (?:there|home|here|around|awake)|sorry (?:for|about)"
    r" (?:rambling|the long message)"
    rf"|what can i ask(?: you)?|^help(?: me)?$|ok(?:ay)?{_NOT_ASKING_IF_ALRIGHT}|great|cool|nice"
    r"|awesome|perfect|got it|i see|(?:that|this|it|you)(?: really| actually| truly| so| very)? (?:helps|helped|was helpful)|helpful|very helpful"
    r"|nice to meet you"
    # texting and learner forms, and Spanish, of the same intents
    r"|thank u|thanku|thnx|thanx|tysm|tyvm|thank you very|many thanks|thanks again|thanks a ton|gracias|muchas gracias"
    r"|dhanyavaa?d|shukriya|merci|danke|obrigad[oa]|grazie|salaam|salam|as?salaam?u? ?alaikum|namaste|shalom|aloha|ciao"
    # Swahili, Haitian Creole, South African, Navajo (with or without accents) and Brummie forms
    r"|sasa|niaje|habari(?: yako)?|asante(?: sana)?|mambo|jambo|kijan ou ye|mesi anpil|bonjou|howzit"
    r"|y[aá]{2}t[eé]{2}h|ah[eé]h[eé]{2}|good (?:am|pm)"
    r"|hola|buen[oa]s(?: (?:dias|tardes|noches))?|later|laters|gn"
    rf"|makes sense|good to know|gotcha|gotchu|understood|(?:alright|all right){_NOT_ASKING_IF_ALRIGHT}"
    r"|sounds good|noted|fair enough|k thx|kk"
    r"|is (?:this|it) (?:thing )?(?:on|working)"
    r"|(?:test|testing)(?: \d+)*|hello\W*anyone|sorry to bother (?:you)?|quick question|one more question)\b"
)


# A message that asks something: a question mark, or a question word or auxiliary at its start.
QUESTION = re.compile(
    r"\w\W{0,3}\?|\b(?:what|how|why|when|where|who|which|whether|wonder|wondering|(?:want|need) to know|tell me"
    r"|explain|curious)\b|(?:^|[.!;:]\s*)\W*(?:can|could|does|do|did|is|are|was|will|would|should|may|might|any)\b"
)


ABOUT_ASSISTANT = re.compile(rf"\b(?:{_ABOUT_ASSISTANT})\b")

FAREWELL = re.compile(rf"\b(?:{_FAREWELLS})\b")


@lru_cache(maxsize=4096)  # asked up to four times of one message by the engine
def about_assistant(message: str) -> bool:
    """Whether a message asks the assistant about itself or what it can do."""
    return bool(ABOUT_ASSISTANT.search(respell(message).replace("'", "")))


# A plain question about something: a question mark, a question word other than "who" ("who am I
# talking to?" is small talk), or a wish to know.
PLAIN_QUESTION = re.compile(r"\?|\b(?:what|how|why|when|where|which|whether|wonder|wondering|(?:want|need) to know)\b")


def asks_something(text: str) -> bool:
    """Whether what is left of a message after its small talk is a question."""
    return bool(QUESTION.search(text.strip()))


def strip_smalltalk(message: str) -> tuple[bool, str]:
    """(whether the message contains small talk, the message with it removed)."""
    text = respell(message).replace("'", "")
    rest, n = SMALLTALK.subn(" ", text)
    return n > 0, rest


def smalltalk_text(message: str) -> str:
    """What the small-talk classifier reads: the message's words, normalised, one space apart."""
    return " ".join(words(message.replace("'", "")))


@lru_cache(maxsize=4096)
def smalltalk_score(message: str) -> float:
    """The classifier's probability that a message only talks to the assistant and asks nothing
    the articles could answer."""
    return load_model("smalltalk", "smalltalk").score(smalltalk_text(message))


def classified_smalltalk(message: str, has_smalltalk: bool) -> bool:
    """Whether the classifier finds small talk in a message the articles do not answer.

    Sure (p >= SMALLTALK_SURE), it decides: "am i talking to a real person or a robot". Less
    sure, only when the message is not a plain question: "Do you validate parking?" is for the
    clinic, and its no_answer brings the clinic's contact and a gap for staff. `has_smalltalk`:
    whether small-talk phrases were found in it (strip_smalltalk).
    """
    score = smalltalk_score(message)
    if score >= SMALLTALK_SURE:
        return True
    return score >= SMALLTALK_MODEL and (has_smalltalk or about_assistant(message) or not asks_something(message))
