"""Errors the engine reports to people: each message names the file (and line) at fault."""


class CorpusError(Exception):
    """The corpus or a staff data file cannot be used; the message says which and why."""
