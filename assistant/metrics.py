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
_METRIC_KEYS = {name.casefold(): key for name, key in METRICS.items()} | {key: key for key in METRICS.values()}


def metric_key(name: str) -> str:
    """The JSON path of a metric named as the table prints it or as the JSON spells it; KeyError if unknown."""
    return _METRIC_KEYS[name.strip().casefold()]


def metric(summary: dict, name: str) -> float:
    """A metric by name ("answer.correct", "answer.hit@3", "false_crisis"); KeyError if unknown."""
    value: Any = summary
    for part in metric_key(name).split("."):
        value = value[part]
    return float(value)
