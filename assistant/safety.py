"""Recognise messages that signal suicidal intent, self-harm or overdose intent.

The patterns follow the warning signs the 988 Suicide & Crisis Lifeline and the Columbia
Suicide Severity Rating Scale ask about (wish to be dead, intent, method, self-injury), written
so that idioms ("this price is killing me", "dying to know") do not match: "kill" and "hurt"
count only with "myself", "die" only as something wanted. Any mention of suicide counts, even
as a question, because a person asking may be asking for themself. Checked by
tests/test_crisis_safety.py against tests/data/crisis_safety.jsonl.
"""

from __future__ import annotations

import re

from .spelling import edit_distance
from .text import normalize

# Misspellings are mapped to these before matching: (word, edits allowed). Two edits only for
# the long, unmistakable "suicide" family; one elsewhere so "overdue" never becomes "overdose".
KEYWORDS = {"suicide": 2, "suicidal": 2, "myself": 1, "overdose": 1, "overdosing": 1, "overdosed": 1}
ALIASES = {
    "kil": "kill",
    "kms": "kill myself",
    "mysefl": "myself",
    "sewerslide": "suicide",
    "suicidial": "suicidal",
    "od": "overdose",
    "oding": "overdosing",
}

# Another person at risk ("she wants to kill herself") also gets the crisis resources.
_SELF = r"(?:my ?self|me self|him ?self|her ?self|them ?sel(?:f|ves)|your ?self)"
_WANT = r"(?:want|wanna|going|gonna|plan|planning|planned|ready|decided|trying|tried|try|intend|about|wish|wishing)"
PATTERNS = [
    # suicide named, in any form or misspelling ("unalive" is its euphemism)
    r"\bsuicid\w*",
    r"\bunaliv\w*",
    # harming or killing oneself
    rf"\b(?:kill|killing|killed|hurt|hurting|harm|harming|cut|cutting|burn|burning|starve|starving"
    rf"|shoot|hang|hanging|drown|poison|off|end)\w* {_SELF}\b",
    r"\bself ?(?:harm|injur|mutilat)\w*",
    r"\b(?:slit|cut|burn|scratch|carve)\w* (?:my |into my )?(?:wrists?|arms?|legs?|thighs?|skin|body)\b",
    # wish to be dead, stated or implied
    rf"\b{_WANT} (?:to )?(?:die|be dead|not (?:be )?(?:alive|here|exist)|disappear forever)\b",
    rf"\b{_WANT} (?:to )?stop living(?: anymore)?$",
    r"\b(?:end|ending|take|taking) (?:my|my own) life\b",
    r"\b(?:to|gonna|wanna|will|just) end (?:it|everything|things)\b",
    r"\bend\w* it all\b",
    r"\b(?:better off|rather be|wish i was|wish i were|wish id be) dead\b",
    r"\bbetter off without me\b",
    r"\bif i (?:was|were|am|died) (?:gone|dead|not here|not around|no longer here)\b",
    r"\b(?:nobody|no one) would (?:even )?(?:miss me|care if i|notice if i)\b",
    r"\b(?:dont|do not|no longer) want to (?:live|be alive|wake up|exist|be here|go on)\b",
    r"\b(?:never|hope i dont|hope i wont|maybe i (?:just )?(?:wont|will not|dont)) wake up\b",
    r"\b(?:no|nothing to) (?:reason|point)(?: for me)? (?:to|in|of) (?:live|living|life|going on|go on|carry on"
    r"|carrying on|being alive)\b",
    r"\b(?:see|find) (?:the|any) (?:point|reason) (?:to|in|of) (?:living|going on|carrying on|being alive)\b",
    r"\bnothing (?:left )?to live for\b",
    r"\bnot worth (?:living|being alive)\b",
    r"\blife (?:is|isnt|is not) (?:not )?worth (?:it|living)\b",
    r"\b(?:done|finished) with (?:life|living|being alive)\b",
    r"\b(?:tired|sick) of (?:living|being alive)\b",
    r"\bcant (?:go on|keep going|live like this|do this anymore|take it anymore)\b",
    r"\bgive up on (?:life|living)\b",
    r"\b(?:goodbye|suicide) (?:letters?|notes?)\b",
    r"\b(?:letters?|notes?) (?:saying )?goodbye\b",
    # means or method at hand
    r"\bjump(?:ing)? (?:off|from|in front of) (?:a|the) (?:bridge|building|roof|cliff|train)\b",
    r"\b(?:standing|sitting|up) on (?:the|a) (?:bridge|ledge|roof|edge)\b",
    r"\b(?:bought|buy|buying|got|have|found) (?:a |the )?(?:rope|noose|gun)\b",
    r"\bnoose\b",
    # overdose intent: a lethal amount, or taking everything at once
    r"\b(?:lethal|fatal|deadly) (?:dose|amount|overdose)\b",
    r"\b(?:how much|how many|enough|amount)\b[^.?!]{0,40}\b(?:to die|to kill me|would kill me|to overdose"
    r"|to end it|to not wake up)\b",
    r"\b(?:take|taking|took|swallow|swallowing|swallowed|down|downed) (?:every|a whole|the whole|whole"
    r"|an entire|the entire|a bunch|a lot|too many|too much|a handful)\b[^.?!]{0,30}\b(?:pills?|meds|medications?"
    r"|tablets|bottle|ketamine)\b",
    r"\b(?:take|taking|took|swallow\w*) all (?:of )?(?:my |the )?(?:pills|meds|tablets)(?: at once| together| tonight)",
    r"\b(?:stockpil\w*|hoard\w*|sav(?:e|ing) up) (?:my |the |some )?(?:pills|meds|tablets|medications?|ketamine)\b",
    r"\boverdos\w* (?:on purpose|deliberately|intentionally)\b",
    rf"\b(?:i|im|ill|me|{_WANT})\b[^.?!]{{0,80}}\boverdos\w*",
    r"\boverdos\w*[^.?!]{0,80}\b(?:myself|on purpose|tonight|end it)\b",
]
_REGEX = re.compile("|".join(f"(?:{p})" for p in PATTERNS))


def _canonical_words(text: str) -> str:
    """Lower-case words and sentence ends, apostrophes dropped, misspellings of key words repaired."""
    # Sentence ends stay as tokens so a pattern never joins the end of one sentence to the next.
    tokens = re.findall(r"[a-z0-9]+|[.?!]", normalize(text).replace("'", ""))
    out = []
    for token in tokens:
        if token in ALIASES:
            token = ALIASES[token]
        elif len(token) >= 5 and token not in KEYWORDS:
            token = next(
                (k for k, limit in KEYWORDS.items() if token[0] == k[0] and edit_distance(token, k, limit) <= limit),
                token,
            )
        out.append(token)
    return " ".join(out)


def is_crisis(message: str) -> bool:
    """True when a message signals suicidal intent, self-harm or overdose intent."""
    return bool(_REGEX.search(_canonical_words(message)))
