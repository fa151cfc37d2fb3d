"""Numbers for the held-out parts, all of them and split by writer: never an item.

Usage: python scripts/measure_held_out.py [WRITER ...]

Prints the safety metrics of tests/data/crisis_heldout.jsonl (through `assess`, as
tests/test_crisis_safety.py measures them) and the evaluation metrics of
tests/data/eval_heldout.jsonl, for the whole part and, when writers are named (their folder
names, the `writer` field the importer records), for those writers' items and for the rest. A
batch of new writers is measured this way before anything is changed for it, and again at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path

from import_writer_sets import read_jsonl  # scripts/ is on the path when run as a script

from assistant import Assistant
from assistant.evaluation import Case, evaluate, safety_metrics
from assistant.safety import assess

ROOT = Path(__file__).resolve().parent.parent
SAFETY = ROOT / "tests" / "data" / "crisis_heldout.jsonl"
QUESTIONS = ROOT / "tests" / "data" / "eval_heldout.jsonl"


def groups(rows: list[dict], writers: set[str]) -> list[tuple[str, list[dict]]]:
    if not writers:
        return [("all", rows)]
    named = [r for r in rows if r.get("writer") in writers]
    other = [r for r in rows if r.get("writer") not in writers]
    # A group with no items has no numbers (the metrics of nothing would print as 1.000).
    return [(name, part) for name, part in (("all", rows), ("named writers", named), ("other writers", other)) if part]


def main(writers: set[str]) -> None:
    for name, rows in groups(read_jsonl(SAFETY), writers):
        numbers = safety_metrics(rows, lambda text: assess(text).level)
        print(
            f"safety {name} ({len(rows)}): "
            + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in numbers.items())
        )
    assistant = Assistant.from_directory(ROOT / "corpus")
    for name, rows in groups(read_jsonl(QUESTIONS), writers):
        cases = [Case.from_row(row, line) for line, row in enumerate(rows, 1)]
        summary = evaluate(assistant, cases)
        answer = summary["answer"]
        print(
            f"questions {name} ({len(rows)}): answer correct {answer['correct']:.3f}, hit@1 {answer['hit_at_1']:.3f},"
            f" hit@3 {answer['hit_at_3']:.3f}, no_answer {summary['no_answer']['correct']:.3f}, chitchat"
            f" {summary['chitchat']['correct']:.3f}, false crisis {summary['false_crisis']:.3f},"
            f" crisis lines beside the reply {summary['lines_beside']:.3f}"
        )


if __name__ == "__main__":
    main(set(sys.argv[1:]))
