"""Command-line edge of the engine: `assistant ask|eval|passages|check|import|staff-token`.

Other packages add commands through the `assistant.commands` entry point group (the web package
adds `serve` and `purge`, see web/cli.py), so the engine never imports them.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path

from .errors import CorpusError

DEFAULT_CORPUS = "corpus"
COMMAND_PLUGINS = "assistant.commands"
STAFF_EDIT_PLUGINS = "assistant.staff_edits"
# What a plugin is given: command(name, help) returns a subparser that takes --corpus.
AddCommand = Callable[[str, str], argparse.ArgumentParser]


def corpus_folder(value: str | None) -> Path:
    return Path(value or os.environ.get("ASSISTANT_CORPUS") or DEFAULT_CORPUS)


def _assistant(args):
    from .engine import Assistant

    folder = corpus_folder(args.corpus)
    extra = _staff_edits(args)
    if extra is None:
        return Assistant.from_directory(folder)
    from .corpus import load_corpus
    from .staffdata import load_staff_data, merge_staff_data

    data = merge_staff_data(load_staff_data(folder), extra.questions, extra.synonyms, extra.not_covered)
    return Assistant(load_corpus(folder), data)


def _staff_edits(args):
    """Edits made in the web app's staff console (`--db`, or $ASSISTANT_DB when it exists), as StaffData.

    The database belongs to the web package, which provides the reader through the
    `assistant.staff_edits` entry point group; the engine never imports it.
    """
    if getattr(args, "db", None) is None and not os.environ.get("ASSISTANT_DB"):
        return None
    for plugin in entry_points(group=STAFF_EDIT_PLUGINS):
        return plugin.load()(getattr(args, "db", None))
    raise CorpusError("--db reads the web app's staff edits, but the web package is not installed")


def cmd_ask(args) -> int:
    from .render import render_explain, render_reply

    if not args.question.strip():
        raise CorpusError('the question is empty: type one in quotes, e.g. assistant ask "how long do effects last"')
    assistant = _assistant(args)
    history = args.history or None
    if args.explain:
        trace = assistant.explain(args.question, history)
        print(json.dumps(trace, indent=2, ensure_ascii=False) if args.json else render_explain(trace))
    else:
        reply = assistant.ask(args.question, history)
        print(json.dumps(reply.to_dict(), indent=2, ensure_ascii=False) if args.json else render_reply(reply))
    return 0


def parse_thresholds(items: list[str]) -> list[tuple[str, float]]:
    """(metric, minimum) pairs of --fail-under METRIC=VALUE, checked before any question is asked."""
    from .metrics import METRICS, metric_key

    thresholds = []
    for item in items:
        name, sep, value = item.partition("=")
        try:
            minimum = float(value)
        except ValueError:
            sep = ""
        else:
            if math.isnan(minimum):  # every comparison with NaN is false: the gate would never close
                sep = ""
        if not sep:
            raise CorpusError(f"--fail-under takes METRIC=VALUE, e.g. answer.hit@3=0.9; got {item!r}")
        try:
            metric_key(name)
        except KeyError:
            rows = [m for m in METRICS if m.casefold().endswith("." + name.strip().casefold())]
            if rows:
                message = f"--fail-under: {name!r} is printed in several rows; name one: {', '.join(rows)}"
                raise CorpusError(message) from None
            raise CorpusError(f"--fail-under: unknown metric {name!r}; one of: {', '.join(METRICS)}") from None
        thresholds.append((name, minimum))
    return thresholds


def cmd_eval(args) -> int:
    from .evaluation import evaluate, format_table, load_cases
    from .metrics import metric

    thresholds = parse_thresholds(args.fail_under)
    cases = load_cases(Path(args.file))  # a bad set or threshold is reported before the engine is built
    summary = evaluate(_assistant(args), cases)
    output = dict(summary)
    output.pop("results")
    print(json.dumps(output, indent=2, ensure_ascii=False) if args.json else format_table(summary))
    failed = []
    for name, minimum in thresholds:
        value = metric(summary, name)
        if value < minimum:
            failed.append(f"{name} = {value:.4f} is below {minimum}")
    for line in failed:
        print(f"FAIL: {line}", file=sys.stderr)
    return 1 if failed else 0


def cmd_passages(args) -> int:
    assistant = _assistant(args)
    for p in assistant.passages:
        questions = len(assistant.alternate_questions.get(p.id, []))
        print(f"{p.id:<40} {p.section_label[:40]:<40} {len(p.text.split()):>3}w {questions}q  {p.text[:60]}…")
    return 0


def cmd_check(args) -> int:
    from .checks import check_corpus

    errors, warnings, summary = check_corpus(corpus_folder(args.corpus), _staff_edits(args))
    for line in errors:
        print(f"error: {line}", file=sys.stderr)
    for line in warnings:
        print(f"warning: {line}", file=sys.stderr)
    if summary:
        print(summary)
    return 1 if errors else 0


def cmd_import(args) -> int:
    from .corpus import SLUG
    from .importer import import_text, slugify

    if args.slug is not None and not SLUG.match(args.slug):
        raise CorpusError(f"--slug {args.slug!r} must be lower-case letters and digits joined by '-', e.g. nap-tips")
    source = Path(args.file)
    try:
        text = source.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{source}: cannot read: {exc}") from exc
    result = import_text(text, args.slug or slugify(source.stem))
    target = Path(args.output) if args.output else corpus_folder(args.corpus) / f"{result.slug}.md"
    if target.exists() and not args.force:
        raise CorpusError(f"{target}: already exists (use --force to replace it)")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(result.markdown, "utf-8")
    for block in result.dropped:
        print(f"dropped (publisher boilerplate): {block[:100]}", file=sys.stderr)
    print(f"wrote {target}")
    return 0


def cmd_staff_token(args) -> int:
    import secrets

    print(secrets.token_urlsafe(32))  # 32 random bytes, 43 URL-safe characters
    return 0


def build_parser() -> argparse.ArgumentParser:
    from .metrics import METRICS

    corpus_help = f"corpus folder (default: $ASSISTANT_CORPUS or ./{DEFAULT_CORPUS})"
    parser = argparse.ArgumentParser(prog="assistant", description="A FAQ assistant that answers by quoting articles.")
    parser.add_argument("--corpus", help=corpus_help)
    # --corpus is accepted before or after the command; SUPPRESS keeps the earlier value.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--corpus", default=argparse.SUPPRESS, help=corpus_help)
    sub = parser.add_subparsers(dest="command", required=True)
    db_help = "include the staff console's edits from this database file (default: $ASSISTANT_DB when set)"

    def command(name: str, help: str) -> argparse.ArgumentParser:  # an AddCommand
        return sub.add_parser(name, help=help, parents=[common])

    ask = command("ask", "answer a question as the chat would")
    ask.add_argument("question")
    ask.add_argument("--history", action="append", default=[], help="an earlier question (repeatable, oldest first)")
    ask.add_argument("--json", action="store_true", help="print the reply object as JSON")
    ask.add_argument("--explain", action="store_true", help="show candidates, scores, matched terms and the decision")
    ask.set_defaults(func=cmd_ask)

    ev = command("eval", "measure retrieval quality on a JSON Lines question set")
    ev.add_argument("file")
    ev.add_argument("--json", action="store_true", help="print one JSON object")
    ev.add_argument(
        "--fail-under",
        action="append",
        default=[],
        metavar="METRIC=VALUE",
        help=f"exit 1 if METRIC is below VALUE; repeatable. METRIC is one of: {', '.join(METRICS)} "
        "(a column printed in one row, as hit@3, may leave out its row)",
    )
    ev.add_argument("--db", help=db_help)
    ev.set_defaults(func=cmd_eval)

    command("passages", "list passages with their anchors").set_defaults(func=cmd_passages)
    check = command("check", "validate the corpus and staff data files (and the staff console's edits)")
    check.add_argument("--db", help=db_help)
    check.set_defaults(func=cmd_check)

    imp = command("import", "convert a plain-text article export to a corpus Markdown file")
    imp.add_argument("file")
    imp.add_argument("--slug", help="article slug (default: from the file name)")
    imp.add_argument("--output", help="where to write (default: CORPUS/SLUG.md)")
    imp.add_argument("--force", action="store_true", help="replace an existing file")
    imp.set_defaults(func=cmd_import)

    command("staff-token", "print a fresh random staff token").set_defaults(func=cmd_staff_token)
    for plugin in entry_points(group=COMMAND_PLUGINS):  # the web package adds serve and purge
        plugin.load()(command)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`assistant ask … | head -3`): stop quietly, as cat and grep do.
        # Python would flush stdout again at exit and fail once more, so point it at devnull.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell reports for a command ended by a closed pipe
    except KeyboardInterrupt:
        return 130
