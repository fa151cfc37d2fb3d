"""The evaluation's metric names, light enough for the command line's --help to list them."""

from __future__ import annotations

from typing import Any

# Metric names as the table prints them ("answer.hit@3") beside the JSON keys they read.
METRICS = {
    "answer.correct": "answer.correct",
    "answer.hit@1": "answer.hit_at_1",
    "answer.hit@3": "answer.hit_at_3",
    "answer.MRR@10": "answer.mrr",
    "answer.answered": "answer.answered",
    "answer.mean_quote_words": "answer.mean_quote_words",
    "no_answer.correct": "no_answer.correct",
    "crisis.correct": "crisis.correct",
    "chitchat.correct": "chitchat.correct",
    "false_crisis": "false_crisis",
}
_NAMED = {name.casefold(): key for name, key in METRICS.items()} | {key: key for key in METRICS.values()}


def _one_row_columns() -> dict[str, str]:
    """Columns the table prints in one row only ("hit@3", "MRR@10"): alone they name that row's metric.

    "correct" is printed in four rows, so it needs its row ("no_answer.correct").
    """
    rows: dict[str, set[str]] = {}
    for full in _NAMED:
        if "." in full:
            rows.setdefault(full.split(".", 1)[1], set()).add(full)
    return {column: _NAMED[next(iter(fulls))] for column, fulls in rows.items() if len(fulls) == 1}


_METRIC_KEYS = _one_row_columns() | _NAMED


def metric_key(name: str) -> str:
    """The JSON path of a metric named as the table prints it ("answer.hit@3", "hit@3", "mean quote words")
    or as the JSON spells it ("answer.hit_at_3"); KeyError if unknown or if the column is in several rows."""
    return _METRIC_KEYS["_".join(name.split()).casefold()]


def metric(summary: dict, name: str) -> float:
    """A metric by name ("answer.correct", "answer.hit@3", "false_crisis"); KeyError if unknown."""
    value: Any = summary
    for part in metric_key(name).split("."):
        value = value[part]
    return float(value)
