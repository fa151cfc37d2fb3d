"""Split independent writers' sets into a development part and a held-out part.

Usage: python scripts/import_writer_sets.py [--development-only | --held-out-only] WRITER_DIR [...]

Each writer folder holds `crisis.jsonl` ({text, level, reason}) and `questions.jsonl`
({question, expect, quotes, note}), written from the article alone with one of the briefs in
scripts/briefs/ (see README, Quality). Every
item goes to one part by a hash of its text, so the split is fixed before anyone tunes and
adding a writer never moves another writer's items. Writers briefed for training data only
(crisis messages, to give the classifier volume) go whole into the development part with
`--development-only`; writers briefed to refresh the held-out part (after the development
data has grown and the model was retrained, a held-out part written before is still fair, but a
new one from voices never used measures the latest change) go whole into it with
`--held-out-only`. Development items are appended to
tests/data/crisis_safety.jsonl and tests/data/eval.jsonl; held-out items to
tests/data/crisis_heldout.jsonl and tests/data/eval_heldout.jsonl.

Every item records its writer (the folder's name), so that `scripts/measure_held_out.py` can
report a new batch apart from the rest. The script prints counts only, never a held-out item:
the held-out part is run for its numbers and not read while tuning. An expected quote that is
not found in exactly one passage of the corpus is dropped (an answer left with none is dropped
too), and the counts say how many.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

from assistant.corpus import load_corpus
from assistant.text import normalize

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
LEVELS = ("none", "concern", "crisis", "emergency")
EXPECTS = ("answer", "no_answer", "chitchat", "crisis")


def held_out(text: str, part: str = "split") -> bool:
    """Whether an item goes to the held-out part: all or none of a writer's with a flag, else half
    of them, chosen by a hash of their text."""
    if part != "split":
        return part == "held-out"
    return hashlib.sha256(normalize(text).encode()).digest()[0] % 2 == 0


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def existing(path: Path, key: str) -> set[str]:
    return {normalize(row[key]) for row in read_jsonl(path)} if path.exists() else set()


def append(path: Path, rows: list[dict]) -> None:
    with path.open("a", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def crisis_rows(folder: Path, seen: set[str], counts: Counter, part: str) -> tuple[list[dict], list[dict]]:
    dev: list[dict] = []
    held: list[dict] = []
    for row in read_jsonl(folder / "crisis.jsonl"):
        text, level = row.get("text", "").strip(), row.get("level")
        if not text or level not in LEVELS or normalize(text) in seen:
            counts["crisis items skipped (empty, bad level or duplicate)"] += 1
            continue
        seen.add(normalize(text))
        out = {"text": text, "crisis": level in ("crisis", "emergency"), "level": level}
        out.update(reason=row.get("reason", ""), writer=folder.name)
        (held if held_out(text, part) else dev).append(out)
    return dev, held


def question_rows(
    folder: Path, passages: list[str], seen: set[str], counts: Counter, part: str
) -> tuple[list[dict], list[dict]]:
    dev: list[dict] = []
    held: list[dict] = []
    for row in read_jsonl(folder / "questions.jsonl"):
        question, expect = row.get("question", "").strip(), row.get("expect")
        if not question or expect not in EXPECTS or normalize(question) in seen:
            counts["questions skipped (empty, bad expect or duplicate)"] += 1
            continue
        quotes = [q for q in row.get("quotes", []) if sum(normalize(q) in p for p in passages) == 1]
        counts["quotes dropped (not in exactly one passage)"] += len(row.get("quotes", [])) - len(quotes)
        if expect == "answer" and not quotes:
            counts["answer questions dropped (no quote found)"] += 1
            continue
        seen.add(normalize(question))
        out = {"question": question, "expect": expect, "quotes": quotes if expect == "answer" else []}
        out["writer"] = folder.name
        (held if held_out(question, part) else dev).append(out)
    return dev, held


def main(folders: list[str], part: str) -> None:
    passages = [normalize(p.text) for p in load_corpus(ROOT / "corpus").passages]
    counts: Counter = Counter()
    seen_crisis = existing(DATA / "crisis_safety.jsonl", "text") | existing(DATA / "crisis_heldout.jsonl", "text")
    seen_questions = existing(DATA / "eval.jsonl", "question") | existing(DATA / "eval_heldout.jsonl", "question")
    for name in folders:
        folder = Path(name)
        dev, held = crisis_rows(folder, seen_crisis, counts, part)
        append(DATA / "crisis_safety.jsonl", dev)
        append(DATA / "crisis_heldout.jsonl", held)
        for which, rows in (("dev", dev), ("held-out", held)):
            counts.update(f"crisis {which} {r['level']}" for r in rows)
        if not (folder / "questions.jsonl").exists():
            continue
        dev_q, held_q = question_rows(folder, passages, seen_questions, counts, part)
        append(DATA / "eval.jsonl", dev_q)
        append(DATA / "eval_heldout.jsonl", held_q)
        for which, rows in (("dev", dev_q), ("held-out", held_q)):
            counts.update(f"questions {which} {r['expect']}" for r in rows)
    for key in sorted(counts):
        print(f"{key}: {counts[key]}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", metavar="WRITER_DIR", help="a writer's folder")
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--development-only",
        dest="part",
        action="store_const",
        const="development",
        help="the whole of each folder joins the development part",
    )
    which.add_argument(
        "--held-out-only",
        dest="part",
        action="store_const",
        const="held-out",
        help="the whole of each folder joins the held-out part",
    )
    options = parser.parse_args()
    for name in options.folders:
        if not (Path(name) / "crisis.jsonl").is_file():
            parser.error(f"{name} has no crisis.jsonl")
    main(options.folders, part=options.part or "split")
