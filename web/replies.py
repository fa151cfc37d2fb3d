"""Reply bodies for /api/ask, serialised once per distinct question and reused.

Visitors repeat questions word for word: the starter chips and the suggested follow-ups under
every reply are sent exactly as shown, and an FAQ's popular questions recur. The engine is
deterministic for a question and its history, so each distinct (question, history) is
answered and serialised once per worker, and a repeat costs a dictionary lookup and a fresh
reply id. Profiled with Flask's test client on the evaluation questions, the engine and the
JSON encoding were about two thirds of an answer's time.
"""

from __future__ import annotations

import json
import uuid
from functools import lru_cache

from assistant import Assistant

# Distinct (question, history) pairs kept per worker process: a reply body is 1-3 KB and the
# key at most 5.5 KB (the API's limits), so at most about 35 MB, typically a tenth of that.
REPLY_CACHE_SIZE = 4096


class ReplyBodies:
    """The JSON body of the reply to a question, as Flask would serialise Reply.to_dict()."""

    def __init__(self, assistant: Assistant, ensure_ascii: bool = True, size: int = REPLY_CACHE_SIZE) -> None:
        self.assistant = assistant
        self.ensure_ascii = ensure_ascii
        self._render = lru_cache(maxsize=size)(self._render_uncached)

    def body(self, question: str, history: list[str] | None) -> tuple[str, bytes]:
        """(reply kind, the response body): the cached reply with a new id in front."""
        kind, tail = self._render(question, tuple(history) if history else None)
        return kind, b'{"id":"' + uuid.uuid4().hex.encode() + b'",' + tail

    def _render_uncached(self, question: str, history: tuple[str, ...] | None) -> tuple[str, bytes]:
        reply = self.assistant.ask(question, list(history) if history else None).to_dict()
        reply.pop("id")  # Reply.to_dict() puts the id first; the rest is the same for every repeat
        # Flask's compact form (separators, trailing newline), so the bytes equal jsonify's.
        text = json.dumps(reply, ensure_ascii=self.ensure_ascii, separators=(",", ":"))
        return reply["kind"], (text[1:] + "\n").encode()
