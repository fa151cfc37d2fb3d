"""Train the crisis and emergency classifiers shipped as assistant/data/safety_model.npz.

Usage: apt-get install wordnet-base && pip install -e '.[train]'
       python scripts/train_safety_model.py [--check] [--probabilities FILE.npz | --fit-only]

Reads only development data: the safety set's development part (tests/data/crisis_safety.jsonl)
and, as everyday messages, the development questions (tests/data/eval.jsonl), the small-talk
set (tests/data/smalltalk.jsonl), the staff's alternate questions (corpus/questions.txt),
WordNet's usage examples (/usr/share/wordnet) and seeded random letters; never a held-out part.
Two heads share the features: `crisis`
(crisis or emergency vs. the rest) and `emergency` (an emergency happening now vs. the rest).
Prints leave-one-writer-out scores of the rules alone and of rules + classifiers at the shipped
thresholds (each writer's lines scored by models that never saw that voice, so the numbers
estimate new wording rather than the models grading their own training data), then fits on all
of it and writes the weights. Deterministic: the same data gives the same file. `--check`
compares instead of writing (exit 1 if it would change). `--probabilities` also saves the
leave-one-writer-out probabilities, with each row's labels, writer and rules' verdict, to choose
the thresholds of assistant/safety.py on (their comments say what each choice traded).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import string
import sys
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from assistant import safety
from assistant.classifier import BUCKETS, MODELS, LinearModel, features, hashed, model_file
from assistant.staffdata import load_staff_data

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "tests" / "data" / "crisis_safety.jsonl"
# Everyday questions are ordinary messages too: without them the model learns that any question
# about treatment is risky, because the crisis set buries crisis sentences in such questions.
QUESTIONS = ROOT / "tests" / "data" / "eval.jsonl"
# Small talk too: without it, polite or apologetic chat ("May I ask you something?", "sorry, my
# English is not good") looked like the personal messages of the crisis set.
SMALLTALK = ROOT / "tests" / "data" / "smalltalk.jsonl"
# And the staff's alternate questions (corpus/questions.txt): the clinic's FAQ in visitors' words,
# which share n-grams with crisis messages ("how long does it take to work?").
STAFF_CORPUS = ROOT / "corpus"
# And everyday English at large: WordNet's usage examples (Debian's wordnet-base), 48,000
# sentences written by lexicographers ("I want to know who is winning the game!"). The writers'
# sets hold first-person plans and wishes mostly in crisis lines, so the model read ordinary ones
# as a crisis (110 of the 1,000 everyday messages of d130-d133 before they joined the set); these
# sentences and those messages are its ordinary English. Sentences the rules read as a crisis
# ("he wanted to die and end his troubles") are left out, so the two never disagree.
WORDNET = Path("/usr/share/wordnet")
# And random letters in random-length words (seeded): read in 500-character windows, a long run
# of gibberish gives the classifier many chances to reach the threshold on chance character
# n-grams (6 of 2,000 windows of random letters scored 0.5 or more, the highest 0.60). With these
# as ordinary text none did (the highest 0.47), at no cost leave-writers-out (5 folds: 962
# instead of 963 crisis messages missed, the same 1,549 ordinary lines raised).
LETTER_TEXTS = 1000
# Writer names of the everyday messages; the last two are background text, weighed BACKGROUND_WEIGHT.
EVERYDAY = ("questions", "smalltalk", "wordnet", "letters")
BACKGROUND = EVERYDAY[2:]
# Writers are held out in 20 folds: every writer's lines are still scored by models that never
# saw that voice, in 20 fits per head instead of one per writer (over 150).
CV_FOLDS = 20
# Each WordNet sentence (and random text) weighs a tenth of an ordinary message. Counted in full,
# WordNet's 48,000 tilted the balanced classes: twice the weight on each crisis message made the
# model raise more of the tricky ordinary lines (596 instead of 345 of 9,893 false crises,
# leave-one-writer-out).
BACKGROUND_WEIGHT = 0.1
OUT = ROOT / "assistant" / model_file("safety")
# Inverse regularisation, chosen by leave-one-writer-out misses and alarms. With this round's
# data (at the concern threshold each is best at): C 8 missed 546 of 4,302 crisis messages, 16
# missed 483 and 32 missed 438, while ordinary lines raised to crisis stayed at 148-151 of 4,000
# and everyday messages at 13, 15 and 18 of 1,739. 16 improves every safety measure for two
# everyday messages; 32 would trade three more for 45 fewer misses, and makes probabilities so
# sure that the concern threshold has to fall to 0.1 to keep crisis messages shown no lines down.
C = 16.0


def matrix(texts: list[str], signals: list[tuple[str, ...]]) -> csr_matrix:
    rows, cols, vals = [], [], []
    for i, (text, fired) in enumerate(zip(texts, signals, strict=True)):
        buckets, norm = hashed(features(text, fired))
        rows += [i] * len(buckets)
        cols += buckets.tolist()
        vals += [norm] * len(buckets)
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), BUCKETS), dtype=np.float64)


def fit(x: csr_matrix, y: np.ndarray, background: np.ndarray) -> LogisticRegression:
    """Classes balanced over the writers' messages; the `background` rows (WordNet's sentences,
    random letters) weigh BACKGROUND_WEIGHT of an ordinary message each, so their number does not
    tilt the balance."""
    own = ~background
    n, positive = int(own.sum()), int(y[own].sum())
    weight = np.where(y == 1, n / (2 * positive), n / (2 * (n - positive)))
    weight[background] *= BACKGROUND_WEIGHT
    model = LogisticRegression(C=C, max_iter=2000, solver="liblinear", random_state=0)
    return model.fit(x, y, sample_weight=weight)


def cross_validate(
    texts: list[str],
    signals: list[tuple[str, ...]],
    levels: list[str],
    groups: list[str],
    labels: dict[str, np.ndarray],
    background: np.ndarray,
    dump: Path | None,
) -> None:
    """Leave one writer out: each writer's lines are scored by models that never saw that voice.
    `groups`: each row's writer; `labels`: each head's; `background`: the rows of WordNet's
    sentences and random letters."""
    y, ye = labels["crisis"], labels["emergency"]
    probs, emergency = np.zeros(len(texts)), np.zeros(len(texts))
    for train, test in GroupKFold(n_splits=min(CV_FOLDS, len(set(groups)))).split(texts, y, groups):
        x_train = matrix([texts[i] for i in train], [signals[i] for i in train])
        x_test = matrix([texts[i] for i in test], [signals[i] for i in test])
        probs[test] = fit(x_train, y[train], background[train]).predict_proba(x_test)[:, 1]
        emergency[test] = fit(x_train, ye[train], background[train]).predict_proba(x_test)[:, 1]
    questions = np.array([g.startswith(EVERYDAY[:2]) for g in groups])
    rule_crisis = np.array([lv == "crisis" for lv in levels])
    overrulable = np.array([safety.overrulable(fired) for fired in signals])
    rule_emergency = np.array([lv == "emergency" for lv in levels])
    if dump:
        np.savez_compressed(
            dump,
            probs=probs,
            emergency=emergency,
            y=y,
            ye=ye,
            groups=np.array(groups),
            levels=np.array(levels),
            overrulable=overrulable,
            texts=np.array(texts),
        )
    for name, use_model in (("rules alone", False), ("rules + classifiers", True)):
        overruled = use_model & rule_crisis & overrulable & (probs < safety.MODEL_VETO)
        crisis = (rule_crisis & ~overruled) | rule_emergency | (use_model & (probs >= safety.MODEL_CRISIS))
        urgent = rule_emergency | (use_model & (emergency >= safety.MODEL_EMERGENCY))
        crisis |= urgent
        lines = crisis | np.array([lv != "none" for lv in levels]) | (use_model & (probs >= safety.MODEL_CONCERN))
        missed, silent = int((~crisis & (y == 1)).sum()), int((~lines & (y == 1)).sum())
        everyday = questions | background
        false_lines, false_questions = int((crisis & (y == 0) & ~everyday).sum()), int((crisis & questions).sum())
        print(
            f"{name:20} leave-one-writer-out: crisis messages missed {missed} of {int(y.sum())} (shown no lines"
            f" {silent}), false crisis {false_lines} of {int(((y == 0) & ~everyday).sum())} ordinary lines,"
            f" {false_questions} of {int(questions.sum())} everyday messages and {int((crisis & background).sum())} of"
            f" {int(background.sum())} WordNet sentences and random texts; emergencies answered as"
            f" emergencies {int((urgent & (ye == 1)).sum())} of {int(ye.sum())}, other messages answered as"
            f" emergencies {int((urgent & (ye == 0)).sum())}"
        )


def main(check: bool, dump: Path | None, validate: bool = True) -> int:
    rows = [json.loads(line) for line in DEV_SET.read_text("utf-8").splitlines() if line.strip()]
    for line in QUESTIONS.read_text("utf-8").splitlines():
        if line.strip() and (row := json.loads(line))["expect"] != "crisis":
            rows.append({"text": row["question"], "crisis": False, "writer": f"questions {len(rows) % 5}"})
    for line in SMALLTALK.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows.append({"text": row["text"], "crisis": False, "writer": f"smalltalk {row['writer']}"})
    for question in load_staff_data(STAFF_CORPUS).questions:
        rows.append({"text": question.text, "crisis": False, "writer": "questions staff"})
    rows += [{"text": s, "crisis": False, "writer": f"wordnet {n % 5}"} for n, s in enumerate(wordnet_examples())]
    rows += [
        {"text": t, "crisis": False, "writer": f"letters {n % 5}"} for n, t in enumerate(random_letters(LETTER_TEXTS))
    ]
    judged = [(row, safety.assess_rules(row["text"])) for row in rows]
    # Background text the rules read as a crisis is left out (see WORDNET), each text judged once.
    judged = [(row, rule) for row, rule in judged if not (row["writer"].startswith(BACKGROUND) and rule.is_crisis)]
    rows, rules = [row for row, _ in judged], [rule for _, rule in judged]
    texts = [" ".join(safety.canonical_sentences(row["text"])) for row in rows]
    signals = [r.signals for r in rules]
    groups = [row["writer"] for row in rows]
    labels = {
        "crisis": np.array([int(row["crisis"]) for row in rows]),
        "emergency": np.array([int(row.get("level") == "emergency") for row in rows]),
    }
    background = np.array([g.startswith(BACKGROUND) for g in groups])
    if validate:
        cross_validate(texts, signals, [r.level for r in rules], groups, labels, background, dump)
    x = matrix(texts, signals)
    arrays: dict[str, np.ndarray] = {}
    for head in MODELS["safety"]:
        head_weights, shipped = head_arrays(head, fit(x, labels[head], background))
        arrays.update(head_weights)
        scores = [shipped.score(t, s) for t, s in zip(texts, signals, strict=True)]
        accuracy = np.mean([(p >= 0.5) == bool(label) for p, label in zip(scores, labels[head], strict=True)])
        print(f"{head}: {len(head_weights[head + '_buckets'])} weights; training-set accuracy {accuracy:.3f}")
    return write_or_check(arrays, OUT, check)


def random_letters(count: int) -> list[str]:
    """`count` texts of 20 to 500 random Latin letters in words of 1 to 12, the same every run."""
    rng = random.Random(0)
    texts = []
    for _ in range(count):
        length, words = rng.randint(20, 500), []
        while sum(len(w) + 1 for w in words) < length:
            words.append("".join(rng.choices(string.ascii_letters, k=rng.randint(1, 12))))
        texts.append(" ".join(words)[:length])
    return texts


def wordnet_examples() -> list[str]:
    """WordNet's usage examples, in file order: the quoted sentences of each synset's gloss."""
    if not (WORDNET / "data.verb").exists():
        sys.exit(f"WordNet's data files are not in {WORDNET}: apt-get install wordnet-base")
    found: list[str] = []
    for pos in ("noun", "verb", "adj", "adv"):
        for line in (WORDNET / f"data.{pos}").read_text("utf-8", errors="replace").splitlines():
            if not line.startswith("  ") and "|" in line:  # the licence header lines are indented
                found += re.findall(r'"([^"]{8,})"', line.split("|", 1)[1])
    return list(dict.fromkeys(found))


def head_arrays(head: str, model: LogisticRegression) -> tuple[dict[str, np.ndarray], LinearModel]:
    """The arrays one head ships as (its non-zero weights and bias), and the model they load as."""
    weights = model.coef_[0].astype(np.float32)
    bias = float(np.ravel(model.intercept_)[0])  # 0.0, not an array, when fitted without intercept
    buckets = np.flatnonzero(weights).astype(np.int32)
    arrays = {f"{head}_buckets": buckets, f"{head}_values": weights[buckets], f"{head}_bias": np.float32(bias)}
    return arrays, LinearModel(weights, bias)


def write_or_check(arrays: dict[str, np.ndarray], out: Path, check: bool) -> int:
    """Write the model file, or with `check` compare it with the shipped one (exit status 1 if it differs)."""
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    if check:
        same = out.exists() and out.read_bytes() == buffer.getvalue()
        print("shipped model is up to date" if same else "shipped model differs from a fresh training run")
        return 0 if same else 1
    out.write_bytes(buffer.getvalue())
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped model instead of writing it")
    parser.add_argument(
        "--probabilities", type=Path, metavar="FILE.npz", help="also save the leave-one-writer-out probabilities"
    )
    parser.add_argument(
        "--fit-only",
        action="store_true",
        help="skip the leave-one-writer-out scores (about ten minutes): fit and write the model only",
    )
    args = parser.parse_args()
    if args.fit_only and args.probabilities:
        parser.error("--probabilities needs the leave-one-writer-out run")
    sys.exit(main(args.check, args.probabilities, validate=not args.fit_only))
