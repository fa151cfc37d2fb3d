"""Rate limits through Flask-Limiter: per client network, in memory or in Redis.

Counters are kept per client *network* (an IPv4 address, or an IPv6 /64, which one household or
one attacker usually holds whole), under a keyed hash so neither Redis nor a log line holds an
address. With `memory://` each server process counts alone; with `redis://` every worker and
replica shares one exact moving window. If Redis stops answering, each process counts in its own
memory until Redis is back (checked again after 1, 2, 4 … 32 s): the limit stays on, per process.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import time
from typing import Any, cast

from flask import Blueprint, Flask, current_app, request
from flask_limiter import Limiter

# Failed staff logins a client may make per minute; a right token is never near it.
STAFF_FAILURES = "10/minute"
# Redis answers in well under a millisecond on the same network; past this, count in memory.
REDIS_TIMEOUT_S = 0.5


def client_network(address: str | None) -> str:
    """The unit a limit counts: an IPv4 address, or the /64 network of an IPv6 address."""
    try:
        ip = ipaddress.ip_address((address or "").split("%")[0])
    except ValueError:
        return address or "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_key() -> str:
    """A keyed hash of the client's network: counts per visitor, stores no address."""
    secret = current_app.extensions["reply_signer"].key
    network = client_network(request.remote_addr)
    return hmac.new(secret, network.encode(), hashlib.sha256).hexdigest()[:24]


def limit_text(limit: tuple[int, int]) -> str:
    """(30, 60) as the limits library's "30 per 60 second"."""
    count, seconds = limit
    return f"{count} per {seconds} second"


def init_rate_limits(app: Flask) -> Limiter:
    """Create the limiter and put the limits on the ask, feedback and staff views."""
    storage = app.config["ASSISTANT_RATE_LIMIT_STORAGE"]
    options: dict[str, Any] = {}
    if storage.startswith(("redis", "rediss")):
        options = {"socket_timeout": REDIS_TIMEOUT_S, "socket_connect_timeout": REDIS_TIMEOUT_S}
    limiter = Limiter(
        client_key,
        app=app,
        storage_uri=storage,
        storage_options=options,
        strategy="moving-window",  # exact: every hit in the last window counts, no boundary bursts
        key_prefix="assistant",
        headers_enabled=False,  # Retry-After is set by web/errors.py on the 429 alone
        swallow_errors=True,
        in_memory_fallback_enabled=True,
    )
    rate = app.config["ASSISTANT_RATE_LIMIT"]
    feedback = app.config["ASSISTANT_FEEDBACK_LIMIT"]
    views = app.view_functions
    if rate:
        views["api.ask"] = limiter.limit(limit_text(rate))(views["api.ask"])  # type: ignore[assignment]
    limits = [limit_text(rate)] if rate else []
    if feedback:
        limits.append(limit_text(feedback))
    if limits:
        views["api.feedback"] = limiter.limit(";".join(limits))(views["api.feedback"])  # type: ignore[assignment]
    if "staff" in app.blueprints:
        staff = cast(Blueprint, app.blueprints["staff"])  # app.blueprints is typed with Flask's base class
        limiter.limit(STAFF_FAILURES, deduct_when=lambda response: response.status_code == 401)(staff)
    _check_before_staff_requests_only(app, limiter)
    app.extensions["rate_limiter"] = limiter
    return limiter


def _check_before_staff_requests_only(app: Flask, limiter: Limiter) -> None:
    """Run Flask-Limiter's before-request check for the staff blueprint's requests alone.

    The limited views (ask, feedback) check their own limits when called (Flask-Limiter's
    decorator); the before-request check adds only application-wide, default and blueprint
    limits, and the one limit of those kinds here is the staff blueprint's. Run for every
    request, it cost about 45 microseconds per /api/ask (a fifth of a cached reply's time in the
    app), resolving limits that are always none. If Flask-Limiter no longer registers its check
    this way, ValueError stops the start rather than leave the staff limit off.
    """
    manager = limiter.limit_manager
    if manager.application_limits or manager.default_limits or limiter._meta_limits:
        return  # limits on every request: keep the check on every request
    hooks = app.before_request_funcs[None]
    check = hooks[hooks.index(limiter._check_request_limit)]

    def check_staff_request() -> None:
        if request.blueprint == "staff":
            check()

    hooks[hooks.index(check)] = check_staff_request


def retry_after(limiter: Limiter) -> int:
    """Whole seconds until the breached limit lets this client in again (at least 1)."""
    current = limiter.current_limit
    if current is None:
        return 1
    return max(1, min(current.limit.get_expiry(), int(current.reset_at - time.time())))
