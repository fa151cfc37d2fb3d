"""Shared fixtures: the real assistant for behaviour tests, and small corpora written per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

SMALL_ARTICLE = """---
title: Sleep and Recovery
author: A. Writer
updated: 2025-01-02
slug: sleep-recovery
---

Good sleep helps the body recover after exercise.

## 1. Why Sleep Matters

Deep sleep releases growth hormone, which repairs muscle tissue.

- **Memory:** Sleep consolidates memories formed during the day.

**Key Point:** Sleep is when the body repairs itself.

## 2. Naps

A short nap of twenty minutes can restore alertness without grogginess.
"""


@pytest.fixture(scope="session")
def assistant() -> Assistant:
    return Assistant.from_directory(CORPUS)


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """A corpus folder with one small article and no staff data."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "sleep-recovery.md").write_text(SMALL_ARTICLE, "utf-8")
    return folder
