"""Importing a plain-text export: sections, bullets, Key Points, byline, boilerplate dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.cli import main
from assistant.corpus import load_corpus
from assistant.errors import CorpusError
from assistant.importer import import_text

ROOT = Path(__file__).resolve().parent.parent
# The article as published (the raw export the bundled corpus was imported from), shipped here so
# the end-to-end import runs on every machine.
RAW = ROOT / "tests" / "data" / "ketamine-neuroplasticity.txt"
COMMITTED = ROOT / "corpus" / "ketamine-neuroplasticity.md"

EXPORT = """How to Nap Well

Written by Sam Doe » Updated on: March 3rd, 2025

Naps are short sleeps taken during the day.

1. Timing Your Nap

Early afternoon suits most people.

• Short naps: Twenty minutes restores alertness.

Key Point: Nap early and briefly.

Conclusion: Rest Wisely

Naps help when nights are short.

Disclaimer: We are a publisher only and do not endorse casinos.

Sponsored Ad Partners
ad1 ad2
"""


def test_import_builds_sections_bullets_and_key_points():
    result = import_text(EXPORT, "naps")
    md = result.markdown
    assert md.startswith("---\ntitle: How to Nap Well\nauthor: Sam Doe\nupdated: 2025-03-03\nslug: naps\n---")
    assert "## Introduction\n\nNaps are short sleeps" in md
    assert "## 1. Timing Your Nap" in md
    assert "- **Short naps:** Twenty minutes restores alertness." in md
    assert "**Key Point:** Nap early and briefly." in md
    assert "## Conclusion: Rest Wisely" in md


def test_import_drops_publisher_boilerplate_and_reports_it():
    result = import_text(EXPORT, "naps")
    assert "casinos" not in result.markdown and "Sponsored" not in result.markdown
    assert result.dropped == [
        "Disclaimer: We are a publisher only and do not endorse casinos.",
        "Sponsored Ad Partners",
        "ad1 ad2",
    ]


def test_import_escapes_markdown_in_prose():
    result = import_text("Title Here\n\nUse *stars* and [brackets] and <b>tags</b> literally.\n", "t")
    assert "\\*stars\\*" in result.markdown and "\\<b\\>" in result.markdown


def test_import_of_empty_text_is_an_error():
    with pytest.raises(CorpusError, match="empty"):
        import_text("  \n\n", "x")


def test_committed_article_is_what_the_importer_produces():
    assert import_text(RAW.read_text("utf-8"), "ketamine-neuroplasticity").markdown == COMMITTED.read_text("utf-8")


def test_cli_import_writes_markdown_and_lists_dropped_blocks(tmp_path, capsys):
    source = tmp_path / "how-to-nap.txt"
    source.write_text(EXPORT, "utf-8")
    assert main(["--corpus", str(tmp_path / "c"), "import", str(source)]) == 0
    written = tmp_path / "c" / "how-to-nap.md"
    err = capsys.readouterr().err
    assert "dropped (publisher boilerplate): Sponsored Ad Partners" in err
    articles = load_corpus(tmp_path / "c").articles
    assert [a.slug for a in articles] == ["how-to-nap"] and written.exists()
    assert main(["--corpus", str(tmp_path / "c"), "import", str(source)]) == 2  # refuses to overwrite
    assert "already exists" in capsys.readouterr().err
