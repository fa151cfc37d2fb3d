"""A FAQ assistant that answers only by quoting its articles, with citations."""

from .engine import Assistant
from .errors import CorpusError
from .models import Article, Passage, Quote, Reply, Section

__all__ = ["Article", "Assistant", "CorpusError", "Passage", "Quote", "Reply", "Section"]
