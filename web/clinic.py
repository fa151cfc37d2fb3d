"""The clinic behind the chat: its name, logo, contact, colour and privacy policy, all optional.

Unset settings leave the neutral look. The colour comes as a small stylesheet of its own
(`/clinic.css`), because the Content-Security-Policy allows no inline style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import Blueprint, Flask, Response, current_app

bp = Blueprint("clinic", __name__)

# WCAG 2.x relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
DARK_TEXT = "#111418"


@dataclass(frozen=True)
class Clinic:
    """The clinic's settings as the pages and the API use them."""

    name: str = ""
    logo: str = ""
    phone: str = ""
    contact_url: str = ""
    booking_url: str = ""
    accent: str = ""
    privacy_url: str = ""

    @classmethod
    def from_config(cls, config) -> Clinic:
        return cls(
            *(
                config[f"ASSISTANT_CLINIC_{key}"]
                for key in ("NAME", "LOGO", "PHONE", "CONTACT_URL", "BOOKING_URL", "ACCENT", "PRIVACY_URL")
            )
        )

    @property
    def url(self) -> str:
        """Where a visitor goes next: the booking page when there is one, else the contact page."""
        return self.booking_url or self.contact_url

    @property
    def tel(self) -> str:
        """The phone number as a tel: link."""
        return "tel:" + re.sub(r"[^0-9+]", "", self.phone) if self.phone else ""

    def contact(self) -> dict[str, str] | None:
        """The `contact` object of a no_answer reply: only what is configured; None when nothing is."""
        if not (self.phone or self.url):
            return None
        out = {"name": self.name, "phone": self.phone, "url": self.url}
        return {key: value for key, value in out.items() if value}

    def css(self) -> str:
        """Custom properties for the accent colour, with a text colour that reads on it."""
        if not self.accent:
            return ""
        on = "#ffffff" if contrast(self.accent, "#ffffff") >= contrast(self.accent, DARK_TEXT) else DARK_TEXT
        return f":root {{ --brand: {self.accent}; --on-brand: {on}; }}\n"


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def current_clinic() -> Clinic:
    return current_app.extensions["clinic"]


@bp.get("/clinic.css")
def stylesheet() -> Response:
    """The clinic's colour; empty when none is set."""
    return Response(current_clinic().css(), mimetype="text/css", headers={"Cache-Control": "public, max-age=300"})


def init_clinic(app: Flask) -> None:
    """Read the settings once and offer them to every template as `clinic`."""
    app.extensions["clinic"] = Clinic.from_config(app.config)
    app.register_blueprint(bp)
    app.context_processor(lambda: {"clinic": current_clinic(), "log_questions": app.config["ASSISTANT_LOG_QUESTIONS"]})
