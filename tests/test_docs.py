"""Docs that cannot drift: every CLI command is in the README, and the quick start is what CI runs."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from assistant.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def test_every_cli_command_is_documented():
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name in sub.choices:
        assert f"`assistant {name}" in README, name


def test_quick_start_is_two_commands_and_ci_runs_the_test_one():
    block = re.search(r"## Quick start\n\n```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert len(block) == 2
    assert "assistant serve" in block[0] and "pytest" in block[1]
    assert block[1] in (ROOT / ".ci" / "run").read_text("utf-8")
