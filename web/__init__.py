"""The web layer of the clinic FAQ assistant: chat page, article pages, JSON API, staff console."""

from web.app import create_app

__all__ = ["create_app"]
