"""Signed reply ids: feedback is accepted only for replies this server (or a replica) gave.

A reply id carries the reply's random nonce, its kind and (when questions are logged) the
question, signed with HMAC-SHA1 by itsdangerous (Flask's own signing library) under the secret
`ASSISTANT_SECRET_KEY`, or one generated once into `instance/secret_key`. The client cannot
change what it rates, and a made-up id is refused.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from itsdangerous import BadSignature, URLSafeTimedSerializer

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
        self._serializer = URLSafeTimedSerializer(secret, salt="reply-id")
        # A second key derived from the secret, for hashing client addresses in rate-limit keys.
        self.key = hashlib.sha256(b"client-key:" + secret.encode()).digest()

    def sign(self, nonce: str, kind: str, question: str) -> str:
        return self._serializer.dumps([nonce, kind, question])

    def verify(self, reply_id: str, max_age: int = REPLY_ID_MAX_AGE_S) -> SignedReply | None:
        """The reply a valid, recent id names; None for anything else."""
        try:
            nonce, kind, question = self._serializer.loads(reply_id, max_age=max_age)
        except (BadSignature, ValueError, TypeError):
            return None
        if not all(isinstance(v, str) for v in (nonce, kind, question)):
            return None
        return SignedReply(nonce, kind, question)


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
