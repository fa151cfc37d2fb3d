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


def test_every_deploy_file_is_named_in_the_readme():
    files = [p for p in (ROOT / "deploy").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert files
    internal = {"services.py", "stack.py"}  # run-stack's own parts
    for path in files:
        if path.name not in internal:
            assert f"deploy/{path.relative_to(ROOT / 'deploy')}" in README or path.name in README, path


def test_readme_keeps_the_embedded_profile_first_and_documents_run_stack():
    assert README.index("assistant serve") < README.index("deploy/run-stack")
    assert "deploy/run-stack --replicas 2 --port" in README
    for setting in ("ASSISTANT_DATABASE_URL", "ASSISTANT_RATE_LIMIT_STORAGE", "ASSISTANT_SECRET_KEY"):
        assert setting in README


def test_readme_names_the_full_and_the_fast_test_commands():
    assert ".venv/bin/python -m pytest\n" in README
    assert '.venv/bin/python -m pytest -m "not slow"' in README
