"""What the assistant says in its own words. None of it is a medical claim: facts only come as quotes."""

from .models import Resource

# US crisis lines, as their operators describe them (988lifeline.org, poison.org).
LIFELINE = Resource(
    "988 Suicide & Crisis Lifeline",
    "Call or text 988, or chat at 988lifeline.org. Free, confidential, any time (US).",
    call="988",
    text="988",
    url="https://988lifeline.org",
)
EMERGENCY_SERVICES = Resource("Emergency services", "If you or someone else is in immediate danger.", call="911")
POISON_HELP = Resource(
    "Poison Help",
    "For a possible overdose or poisoning: experts answer any time (US).",
    call="1-800-222-1222",
    url="https://www.poison.org",
)
CRISIS_RESOURCES = (LIFELINE, EMERGENCY_SERVICES)
EMERGENCY_RESOURCES = (EMERGENCY_SERVICES, POISON_HELP, LIFELINE)

DISCLAIMER = (
    "Educational information quoted from the article, not medical advice. "
    "Please talk with a licensed healthcare provider about your own situation."
)

ANSWER_INTRO = "Here is what the article says:"

NO_ANSWER = (
    "I couldn't find an answer to that in the article, and I don't want to guess. "
    "A licensed healthcare provider can answer questions about your own situation."
)

EMPTY_QUESTION = "Could you type your question in a few words? For example, one of these:"

CRISIS = (
    "I'm really sorry you're going through this, and I'm glad you reached out. You don't have to "
    "face it alone. Please contact the 988 Suicide & Crisis Lifeline now: call or text 988 (in the US), "
    "or chat at 988lifeline.org. If you or someone else is in immediate danger, call 911."
)

EMERGENCY = (
    "This sounds like an emergency. Call 911 now. For an overdose or poisoning, you can also call "
    "Poison Help at 1-800-222-1222. If thoughts of suicide are part of this, call or text 988."
)

CHITCHAT = (
    "Hi! I'm the clinic's article assistant. I answer questions by quoting the clinic's "
    "educational articles, with a link to each passage. I can't give medical advice or answer "
    "what the articles don't cover. Try one of these:"
)

THANKS = "You're welcome! Is there anything else you'd like to know? You could ask:"

# A visitor leaving ("bye", "thanks, that's all for tonight"): no greeting back, no suggestions.
FAREWELL = "Goodbye, and take care. Come back any time with a question about the clinic's articles."
FAREWELL_THANKED = "You're welcome. " + FAREWELL
