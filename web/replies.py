"""Replies as /api/ask sends them: signed ids, and bodies serialised once per distinct question.

Signed reply ids: feedback is accepted only for replies this server (or a replica) gave.

A reply id carries the time it was given, the reply's random nonce, its kind and (when
questions are logged) the question, signed with HMAC-SHA256 under a key derived from the secret
`ASSISTANT_SECRET_KEY` (or one generated once into `instance/secret_key`). The client cannot
change what it rates, a made-up or altered id is refused, and so is one older than a day.

The id is `r1.<payload>.<signature>` (both base64url): one HMAC over a few hundred bytes, made
with the standard library. itsdangerous's serializer, used before, cost a third of a cached
reply's time in the view (JSON, an attempt at zlib compression, a key derived again for every
id, HMAC-SHA1); ids it signed are still accepted until they expire.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer

from assistant.models import Reply

# Feedback is given while reading the reply; a day is ample and bounds how long an id is worth keeping.
REPLY_ID_MAX_AGE_S = 24 * 3600
SECRET_FILE = "secret_key"


@dataclass(frozen=True)
class SignedReply:
    """What a valid reply id says about its reply."""

    nonce: str
    kind: str
    question: str


class ReplySigner:
    """Signs and checks reply ids with one secret."""

    def __init__(self, secret: str) -> None:
        # Keys derived from the secret, one per use, so no HMAC made for one use verifies another.
        self._mac = hmac.new(hashlib.sha256(b"reply-id:" + secret.encode()).digest(), digestmod=hashlib.sha256)
        self._legacy = URLSafeTimedSerializer(secret, salt="reply-id")  # ids given before r1
        # For hashing client addresses in rate-limit keys.
        self.key = hashlib.sha256(b"client-key:" + secret.encode()).digest()

    def sign(self, nonce: str, kind: str, question: str) -> str:
        """An id for the reply given now: its time, nonce, kind and question, and their HMAC."""
        payload = _b64encode(f"{int(time.time())}\n{nonce}\n{kind}\n{question}".encode())
        return f"{ID_PREFIX}{payload}.{_b64encode(self._signature(payload))}"

    def verify(self, reply_id: str, max_age: int = REPLY_ID_MAX_AGE_S) -> SignedReply | None:
        """The reply a valid, recent id names; None for anything else."""
        if not reply_id.startswith(ID_PREFIX):
            return self._verify_legacy(reply_id, max_age)
        payload, _, signature = reply_id[len(ID_PREFIX) :].partition(".")
        try:
            valid = hmac.compare_digest(_b64decode(signature), self._signature(payload))
            fields = _b64decode(payload).decode().split("\n", 3) if valid else []
        except (ValueError, UnicodeDecodeError):  # binascii.Error is a ValueError
            return None
        if len(fields) != 4 or not (fields[0].isascii() and fields[0].isdigit()):
            return None
        age = time.time() - int(fields[0])
        if not 0 <= age <= max_age:
            return None
        return SignedReply(*fields[1:])

    def _signature(self, payload: str) -> bytes:
        mac = self._mac.copy()
        mac.update(payload.encode("ascii"))
        return mac.digest()

    def _verify_legacy(self, reply_id: str, max_age: int) -> SignedReply | None:
        try:
            nonce, kind, question = self._legacy.loads(reply_id, max_age=max_age)
        except (BadSignature, ValueError, TypeError):
            return None
        if not all(isinstance(v, str) for v in (nonce, kind, question)):
            return None
        return SignedReply(nonce, kind, question)


ID_PREFIX = "r1."


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    """base64url without padding; ValueError for anything else (no characters skipped)."""
    if not text.isascii() or "+" in text or "/" in text:
        raise ValueError("not base64url")
    return base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)


def load_secret(configured: str | None, folder: Path) -> str:
    """The configured secret, or the one kept in `folder/secret_key` (made with mode 600 if missing)."""
    if configured:
        return configured
    path = folder / SECRET_FILE
    try:
        return path.read_text("ascii").strip()
    except FileNotFoundError:
        pass
    folder.mkdir(parents=True, exist_ok=True)
    # Written to a temporary name, then linked into place: a process starting at the same moment
    # reads either no file or the whole secret, and the first link wins.
    temporary = folder / f".{SECRET_FILE}.{os.getpid()}"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(secrets.token_urlsafe(32) + "\n")
    try:
        os.link(temporary, path)
    except FileExistsError:
        pass
    finally:
        temporary.unlink()
    return path.read_text("ascii").strip()


# Reply bodies ----------------------------------------------------------------------------------
# Visitors repeat questions word for word: the starter chips and the suggested follow-ups under
# every reply are sent exactly as shown, and an FAQ's popular questions recur. The engine is
# deterministic for a question and its history, so each distinct (question, history) is answered
# and serialised once per worker, and a repeat costs a dictionary lookup, a fresh signed id and a
# concatenation. Profiled with Flask's test client on the evaluation questions, the engine and the
# JSON encoding were about two thirds of an answer's time.

# Distinct (question, history) pairs kept per worker process: a reply body is 1-3 KB and the key at
# most 5.5 KB (the API's limits), so at most about 35 MB, typically a tenth of that.
REPLY_CACHE_SIZE = 4096


class ReplyBodies:
    """The /api/ask body of a reply after its "id" member, serialised once per distinct question.

    `finish` turns a Reply into the public JSON object without its id (citation URLs, the clinic's
    contact). The engine is read from `extensions["assistant"]` on every call, and the cache is
    emptied when staff edits swap in a rebuilt engine, so a reply never outlives its engine.
    """

    def __init__(
        self,
        extensions: MutableMapping[str, Any],
        finish: Callable[[Reply], dict[str, Any]],
        ensure_ascii: bool = True,
        size: int = REPLY_CACHE_SIZE,
    ) -> None:
        self.extensions = extensions
        self.finish = finish
        self.ensure_ascii = ensure_ascii
        self._engine: Any = None
        self._render = lru_cache(maxsize=size)(self._render_uncached)

    def tail(self, question: str, history: list[str] | None) -> tuple[str, bytes]:
        """(reply kind, the body's bytes after `{"id":…,`)."""
        engine = self.extensions["assistant"]
        if engine is not self._engine:
            self._render.cache_clear()
            self._engine = engine
        return self._render(question, tuple(history) if history else None)

    def _render_uncached(self, question: str, history: tuple[str, ...] | None) -> tuple[str, bytes]:
        reply = self._engine.ask(question, list(history) if history else None)
        # Flask's compact form (separators, trailing newline), so the bytes equal jsonify's.
        text = json.dumps(self.finish(reply), ensure_ascii=self.ensure_ascii, separators=(",", ":"))
        return reply.kind, (text[1:] + "\n").encode()


def with_id(reply_id: str, tail: bytes) -> bytes:
    """The whole body: the reply's id first, as Reply.to_dict() orders it, then the cached rest."""
    return b'{"id":' + json.dumps(reply_id).encode() + b"," + tail
