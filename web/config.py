"""Settings of the web app: one table of names, defaults and descriptions, and their parsing.

The table is the single source for the README's settings table and its docs test.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


class ConfigError(ValueError):
    """A setting has a value the app cannot use; the message names the setting and the value."""


@dataclass(frozen=True)
class Setting:
    """One environment variable the app reads."""

    name: str
    default: str
    description: str


SETTINGS: tuple[Setting, ...] = (
    Setting("ASSISTANT_CORPUS", "corpus", "Folder of articles and data files the assistant answers from."),
    Setting("ASSISTANT_DB", "instance/assistant.db", "SQLite file for feedback and unanswered questions."),
    Setting(
        "ASSISTANT_DATABASE_URL",
        "",
        "Where feedback and unanswered questions are kept: a SQLite file path or `postgresql://user@host/db` "
        "(shared by replicas); unset means the SQLite file `ASSISTANT_DB`.",
    ),
    Setting(
        "ASSISTANT_STAFF_TOKEN",
        "",
        "Bearer token for the staff console (at least 32 characters; `assistant staff-token` makes one); "
        "unset means /staff returns 404.",
    ),
    Setting(
        "ASSISTANT_RATE_LIMIT",
        "30/minute",
        "Requests per client address to /api/ask (and, counted apart, /api/feedback), as N/second, "
        "N/minute or N/hour; `off` disables it. Exact across workers and replicas with a shared "
        "`ASSISTANT_RATE_LIMIT_STORAGE`.",
    ),
    Setting(
        "ASSISTANT_RATE_LIMIT_STORAGE",
        "memory://",
        "Where rate-limit counters live: `memory://` (each server process counts alone) or "
        "`redis://host:port` (one count for every worker and replica).",
    ),
    Setting(
        "ASSISTANT_FEEDBACK_LIMIT",
        "20/hour",
        "Feedback posts per client address, on top of the rate limit; `off` disables it.",
    ),
    Setting(
        "ASSISTANT_FEEDBACK_DAILY_CAP",
        "5000",
        "Feedback rows the store accepts per day (UTC) from everyone together; more answer 429.",
    ),
    Setting(
        "ASSISTANT_RETENTION_DAYS",
        "off",
        "Delete feedback and unanswered questions older than this many days, checked hourly by each "
        "server process; `off` keeps them until `assistant purge`.",
    ),
    Setting(
        "ASSISTANT_SECRET_KEY",
        "",
        "Secret that signs reply ids (at least 32 characters); unset means one is generated once and kept "
        "in `secret_key` beside the `ASSISTANT_DB` file (`instance/`). Replicas must share one.",
    ),
    Setting(
        "ASSISTANT_TRUSTED_HOSTS",
        "",
        "Host names the app answers to, space-separated (`.example.org` allows subdomains); others get "
        "400. Unset accepts any host.",
    ),
    Setting(
        "ASSISTANT_FRAME_ANCESTORS",
        "'self'",
        "CSP frame-ancestors: the sites allowed to embed the chat in an iframe, space-separated.",
    ),
    Setting(
        "ASSISTANT_LOG_QUESTIONS",
        "1",
        "1 logs unanswered questions (and the question sent with feedback); 0 stores no question text. "
        "Unanswered questions are written in the background, once a second per worker; another worker's "
        "appear in the staff console within that second, and a stopping worker writes what it holds.",
    ),
    Setting(
        "ASSISTANT_CACHE_DIR",
        "instance/cache",
        "Folder where the built engine is saved, and loaded at the next start instead of rebuilt while no "
        "corpus file has changed; `off` builds at every start.",
    ),
    Setting(
        "ASSISTANT_EVAL_SET",
        "",
        "JSON Lines evaluation set run from the staff console; unset, `examples.jsonl` in the corpus folder "
        "(the bundled corpus ships one: its examples, each question asked without its own writer's).",
    ),
    Setting(
        "ASSISTANT_TRUSTED_PROXIES",
        "0",
        "How many reverse proxies in front of the app to trust for X-Forwarded-For, so the rate limit "
        "sees each visitor's address instead of the proxy's.",
    ),
    Setting("ASSISTANT_CLINIC_NAME", "", 'The clinic\'s name, shown in the page header and in "Call …" offers.'),
    Setting(
        "ASSISTANT_CLINIC_LOGO",
        "",
        "Path of the clinic's logo on this site (like /static/logo.svg); other hosts are not allowed.",
    ),
    Setting("ASSISTANT_CLINIC_PHONE", "", "The clinic's phone number, offered when the articles have no answer."),
    Setting(
        "ASSISTANT_CLINIC_CONTACT_URL", "", "The clinic's contact page (https:// or a path), offered with no answer."
    ),
    Setting(
        "ASSISTANT_CLINIC_BOOKING_URL",
        "",
        'A booking page; when set it is offered as "Book a consultation" instead of the contact page.',
    ),
    Setting("ASSISTANT_CLINIC_ACCENT", "", "The clinic's colour for buttons and the header, as #rrggbb."),
    Setting("ASSISTANT_CLINIC_PRIVACY_URL", "", "The clinic's privacy policy, linked from the notice under the input."),
)

RATE_UNITS = {"second": 1, "minute": 60, "hour": 3600}
_RATE = re.compile(r"\s*(\d+)\s*/\s*(second|minute|hour)\s*")
_BOOLEANS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}
# A CSP source expression without separators or quotes that could smuggle in another directive
# (CSP Level 3, "source-expression"): keywords are the only quoted values allowed here.
_FRAME_SOURCE = re.compile(
    r"'self'|'none'"  # the two keywords
    r"|[a-z][a-z0-9+.-]*:"  # a scheme alone, "https:"
    r"|(?:[a-z][a-z0-9+.-]*://)?[a-z0-9*.-]+(?::(?:\d+|\*))?(?:/[^\s;,']*)?",  # host, port, path
    re.IGNORECASE,
)
# Short tokens can be guessed: 32 random printable characters carry about 190 bits; `assistant
# staff-token` prints 43 (32 random bytes, URL-safe base64).
MIN_TOKEN_LENGTH = 32
MIN_SECRET_LENGTH = 32
RATE_STORAGE_SCHEMES = ("memory://", "redis://", "rediss://", "redis+unix://")
_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
# Digits with the separators people write in phone numbers: "+1 (555) 010-0199", "555.010.0199".
_PHONE = re.compile(r"\+?[0-9(][0-9 ().-]{2,30}")
URL_SETTINGS = ("ASSISTANT_CLINIC_CONTACT_URL", "ASSISTANT_CLINIC_BOOKING_URL", "ASSISTANT_CLINIC_PRIVACY_URL")
# A CDN plus a load balancer plus nginx is already three; beyond five is surely a typo.
MAX_PROXY_HOPS = 5
# The staff console's evaluation set, read from the corpus folder: an installed app has no tests/.
EVAL_SET_FILE = "examples.jsonl"


def load_config(test_config: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Return the parsed settings: defaults, then the environment, then test_config on top."""
    raw: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    raw.update({s.name: os.environ[s.name] for s in SETTINGS if s.name in os.environ})
    raw.update(test_config or {})
    parsed = dict(raw)
    parsed["ASSISTANT_RATE_LIMIT"] = parse_rate_limit(raw["ASSISTANT_RATE_LIMIT"])
    parsed["ASSISTANT_FRAME_ANCESTORS"] = parse_frame_ancestors(raw["ASSISTANT_FRAME_ANCESTORS"])
    parsed["ASSISTANT_LOG_QUESTIONS"] = parse_boolean("ASSISTANT_LOG_QUESTIONS", raw["ASSISTANT_LOG_QUESTIONS"])
    parsed["ASSISTANT_STAFF_TOKEN"] = parse_token(raw["ASSISTANT_STAFF_TOKEN"])
    parsed["ASSISTANT_TRUSTED_PROXIES"] = parse_proxy_count(raw["ASSISTANT_TRUSTED_PROXIES"])
    cache = str(raw["ASSISTANT_CACHE_DIR"] or "").strip()
    parsed["ASSISTANT_CACHE_DIR"] = None if cache.lower() in ("", "off") else cache
    parsed["ASSISTANT_FEEDBACK_LIMIT"] = parse_rate_limit(raw["ASSISTANT_FEEDBACK_LIMIT"], "ASSISTANT_FEEDBACK_LIMIT")
    parsed["ASSISTANT_FEEDBACK_DAILY_CAP"] = parse_count(
        "ASSISTANT_FEEDBACK_DAILY_CAP", raw["ASSISTANT_FEEDBACK_DAILY_CAP"]
    )
    days = str(raw["ASSISTANT_RETENTION_DAYS"]).strip().lower()
    parsed["ASSISTANT_RETENTION_DAYS"] = None if days == "off" else parse_count("ASSISTANT_RETENTION_DAYS", days)
    parsed["ASSISTANT_RATE_LIMIT_STORAGE"] = parse_rate_storage(raw["ASSISTANT_RATE_LIMIT_STORAGE"])
    parsed["ASSISTANT_SECRET_KEY"] = parse_secret(raw["ASSISTANT_SECRET_KEY"])
    parsed["ASSISTANT_TRUSTED_HOSTS"] = str(raw["ASSISTANT_TRUSTED_HOSTS"] or "").replace(",", " ").split() or None
    url = str(raw["ASSISTANT_DATABASE_URL"] or "").strip()
    parsed["ASSISTANT_CLINIC_NAME"] = " ".join(str(raw["ASSISTANT_CLINIC_NAME"] or "").split())[:100]
    parsed["ASSISTANT_CLINIC_LOGO"] = parse_local_path("ASSISTANT_CLINIC_LOGO", raw["ASSISTANT_CLINIC_LOGO"])
    parsed["ASSISTANT_CLINIC_PHONE"] = parse_phone(raw["ASSISTANT_CLINIC_PHONE"])
    parsed["ASSISTANT_CLINIC_ACCENT"] = parse_colour(raw["ASSISTANT_CLINIC_ACCENT"])
    for name in URL_SETTINGS:
        parsed[name] = parse_link(name, raw[name])
    if not str(raw["ASSISTANT_EVAL_SET"] or "").strip():  # data read at run time ships with the corpus
        raw = {**raw, "ASSISTANT_EVAL_SET": os.path.join(str(raw["ASSISTANT_CORPUS"]).strip(), EVAL_SET_FILE)}
    for name in ("ASSISTANT_CORPUS", "ASSISTANT_DB", "ASSISTANT_EVAL_SET"):
        if not str(raw[name]).strip():
            raise ConfigError(f"{name} must be a path, got {raw[name]!r}")
        parsed[name] = str(raw[name]).strip()
    parsed["ASSISTANT_DATABASE_URL"] = url or parsed["ASSISTANT_DB"]
    return parsed


def env_setting(name: str) -> str:
    """One setting's raw value from the environment, or its default (for CLI commands)."""
    default = next(s.default for s in SETTINGS if s.name == name)
    return os.environ.get(name, default)


def database_url_from_env() -> str:
    """The database the CLI works on: ASSISTANT_DATABASE_URL, else the SQLite file ASSISTANT_DB."""
    return env_setting("ASSISTANT_DATABASE_URL").strip() or env_setting("ASSISTANT_DB")


def parse_count(name: str, value: Any) -> int:
    """A whole number of 1 or more."""
    text = str(value).strip()
    if not text.isdigit() or int(text) < 1:
        raise ConfigError(f"{name} must be a whole number of 1 or more, got {value!r}")
    return int(text)


def parse_rate_storage(value: Any) -> str:
    """memory:// or a redis:// URL (the limits library's storage URIs this app supports)."""
    text = str(value).strip()
    if not text.startswith(RATE_STORAGE_SCHEMES):
        raise ConfigError(f"ASSISTANT_RATE_LIMIT_STORAGE must be memory:// or redis://host:port, got {value!r}")
    return text


def parse_secret(value: Any) -> str | None:
    """The reply-signing secret, or None to use the generated one; never echoed in errors."""
    secret = str(value or "").strip()
    if secret and len(secret) < MIN_SECRET_LENGTH:
        raise ConfigError(
            f"ASSISTANT_SECRET_KEY must be at least {MIN_SECRET_LENGTH} characters "
            f"(got {len(secret)}; the value is not shown)"
        )
    return secret or None


def parse_rate_limit(value: Any, name: str = "ASSISTANT_RATE_LIMIT") -> tuple[int, int] | None:
    """Parse "30/minute" into (30, 60) seconds; "off" (or None) into None."""
    if value is None or (isinstance(value, str) and value.strip().lower() == "off"):
        return None
    if isinstance(value, tuple):
        return value
    match = _RATE.fullmatch(str(value).lower())
    if not match or int(match.group(1)) < 1:
        raise ConfigError(f"{name} must look like 30/minute (or /second, /hour) or off, got {value!r}")
    return int(match.group(1)), RATE_UNITS[match.group(2)]


def parse_frame_ancestors(value: Any) -> str:
    """Check a space-separated list of CSP sources such as "'self' https://clinic.example"."""
    sources = str(value).split()
    if not sources or not all(_FRAME_SOURCE.fullmatch(s) for s in sources):
        raise ConfigError(
            "ASSISTANT_FRAME_ANCESTORS must be CSP sources separated by spaces, "
            f"like 'self' https://clinic.example, got {value!r}"
        )
    if "'none'" in sources and len(sources) > 1:
        raise ConfigError(f"ASSISTANT_FRAME_ANCESTORS cannot combine 'none' with other sources, got {value!r}")
    return " ".join(sources)


def parse_boolean(name: str, value: Any) -> bool:
    """Parse 1/0, true/false, yes/no, on/off."""
    if isinstance(value, bool):
        return value
    key = str(value).strip().lower()
    if key not in _BOOLEANS:
        raise ConfigError(f"{name} must be 1 or 0, got {value!r}")
    return _BOOLEANS[key]


def parse_proxy_count(value: Any) -> int:
    """A small whole number of proxy hops; more than a few means a mistake."""
    text = str(value).strip()
    if not text.isdigit() or int(text) > MAX_PROXY_HOPS:
        raise ConfigError(f"ASSISTANT_TRUSTED_PROXIES must be a whole number from 0 to {MAX_PROXY_HOPS}, got {value!r}")
    return int(text)


def parse_token(value: Any) -> str | None:
    """Return the staff token, or None when staff access is off; never echo a token in errors."""
    token = str(value or "").strip()
    if not token:
        return None
    if len(token) < MIN_TOKEN_LENGTH or not token.isascii() or not token.isprintable():
        raise ConfigError(
            f"ASSISTANT_STAFF_TOKEN must be at least {MIN_TOKEN_LENGTH} printable ASCII characters "
            f"(got {len(token)} characters; the value is not shown)"
        )
    return token


def parse_local_path(name: str, value: Any) -> str:
    """A path on this site ("/static/logo.svg"); a full URL would load from another host."""
    text = str(value or "").strip()
    if text and (not text.startswith("/") or text.startswith("//") or any(c in text for c in "\"'<> \\")):
        raise ConfigError(f"{name} must be a path on this site starting with /, like /static/logo.svg, got {value!r}")
    return text


def parse_link(name: str, value: Any) -> str:
    """An https:// or http:// address, or a path on this site."""
    text = str(value or "").strip()
    if not text:
        return ""
    if any(c in text for c in "\"'<> \\") or not re.match(r"(https?://[^/]+|/(?!/))", text):
        raise ConfigError(f"{name} must be an https:// address or a path starting with /, got {value!r}")
    return text


def parse_phone(value: Any) -> str:
    """A phone number as people write it; shown as written, dialled with its digits."""
    text = " ".join(str(value or "").split())
    if text and not _PHONE.fullmatch(text):
        raise ConfigError(f"ASSISTANT_CLINIC_PHONE must be digits with spaces, +, -, . or (), got {value!r}")
    return text


def parse_colour(value: Any) -> str:
    """A CSS hex colour, "#0b57d0" or "#06c", returned as #rrggbb."""
    text = str(value or "").strip()
    if not text:
        return ""
    if not _COLOUR.fullmatch(text):
        raise ConfigError(f"ASSISTANT_CLINIC_ACCENT must be a hex colour like #0b57d0, got {value!r}")
    digits = text[1:].lower()
    return "#" + (digits if len(digits) == 6 else "".join(c * 2 for c in digits))
