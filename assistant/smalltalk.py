"""Recognise greetings, thanks, farewells and questions about the assistant itself."""

from __future__ import annotations

import re

from .text import normalize

# Conversational openers and closers that carry no question about the articles; gathered from
# the small-talk intents chat products ship (greeting, thanks, goodbye, identity, capability).
SMALLTALK = re.compile(
    r"\b(?:hi+|hello+|hey+|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day|night)"
    r"|thanks?(?: you)?(?: so much| very much| a lot)?|thx|ty|cheers|much appreciated|appreciate (?:it|that|you)"
    r"|bye+|goodbye|see (?:you|ya)|take care|have a (?:good|nice|great) (?:day|one|night)"
    r"|how are (?:you|u)(?: doing| today)?|hows it going|whats up|sup"
    r"|who (?:are|r) (?:you|u)|what (?:are|r) (?:you|u)|who am i (?:talking|chatting|speaking) (?:to|with)"
    r"|are (?:you|u)(?: (?:a|an|or|real|actual|just))* (?:bot|robot|human|person|ai|machine|chatbot|doctor|nurse|real)"
    r"(?:(?: (?:a|an|or|real|actual))+ (?:bot|robot|human|person|ai|machine|chatbot|doctor|nurse))?"
    r"|what (?:can|do) (?:you|u) (?:do|help with|know|answer)|how (?:can|do) (?:you|u) help(?: me)?"
    r"|what can i ask(?: you)?|how does this (?:chat |bot |assistant )?work|^help(?: me)?$|ok(?:ay)?|great|cool|nice"
    r"|awesome|perfect|got it|i see|(?:that|this|it|you) (?:helps|helped|was helpful)|helpful|very helpful"
    r"|nice to meet you)\b"
)


def strip_smalltalk(message: str) -> tuple[bool, str]:
    """(whether the message contains small talk, the message with it removed)."""
    text = normalize(message).replace("'", "")
    rest, n = SMALLTALK.subn(" ", text)
    return n > 0, rest
