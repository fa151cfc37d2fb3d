"""Response headers that every page and API answer carries."""

from __future__ import annotations

from flask import Flask, Response, request

# Everything comes from this origin; no inline script or style is needed anywhere (templates use
# classes, and the scripts build the DOM with textContent).
CSP_TEMPLATE = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; "
    "frame-ancestors {frame_ancestors}"
)
STAFF_PREFIXES = ("/staff", "/api/staff/")
# The chat needs no device or browser feature: every powerful one is off, for embedders' pages too.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=(), browsing-topics=()"
)


def init_security(app: Flask) -> None:
    """Register the after-request hook that sets the security headers."""
    csp = CSP_TEMPLATE.format(frame_ancestors=app.config["ASSISTANT_FRAME_ANCESTORS"])

    @app.after_request
    def set_security_headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = csp
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Permissions-Policy"] = PERMISSIONS_POLICY
        if request.path.startswith(STAFF_PREFIXES):
            response.headers["Cache-Control"] = "no-store"
        return response
