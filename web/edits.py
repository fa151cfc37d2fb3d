"""Staff edits made in the console: alternate questions, synonym rules and "not covered" questions.

They are rows of their own table in the app's database, so every worker and every replica that
shares the database sees them. Each worker notices a change with one cheap query (at most every
CHECK_SECONDS, on a request), rebuilds its Assistant in a background thread with the edits merged
into the staff data, and swaps it in with one assignment: requests in flight keep the engine they
started with, and no visitor ever sees a half-built index or an error.

The SQL is plain enough for SQLite and PostgreSQL alike: text ids made here (no autoincrement),
ISO 8601 text times, and an undo that stamps `deleted_at` instead of deleting, so the table is
also the log of what changed and when.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
import uuid
from collections.abc import MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant import Assistant, CorpusError
from assistant.staffdata import (
    MAX_LINE_CHARS,
    NOT_COVERED_FILE,
    QUESTIONS_FILE,
    SYNONYMS_FILE,
    AlternateQuestion,
    SynonymRule,
    merge_staff_data,
    question_key,
)
from assistant.text import terms
from web.storage import StorageUnavailable, utc_now

log = logging.getLogger(__name__)

SCHEMA = """CREATE TABLE IF NOT EXISTS staff_edits (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    deleted_at TEXT
)"""
KINDS = ("question", "synonym", "not_covered")
# A worker looks for new edits at most this often, so a change reaches every worker within
# CHECK_SECONDS plus one rebuild (about 30 ms for the bundled article): well inside 10 seconds.
CHECK_SECONDS = 2.0
# Characters that would change the meaning of a line in questions.txt or synonyms.txt on export.
SYNONYM_SEPARATORS = (",", "=")
LINE_STARTS = ("#", "[")


class EditRejected(ValueError):
    """An edit that `assistant check` would refuse, with the reason; `conflict` when it repeats one."""

    def __init__(self, message: str, conflict: bool = False) -> None:
        super().__init__(message)
        self.conflict = conflict


@dataclass(frozen=True)
class Edit:
    """One staff edit as stored: what kind, what it adds, when it was made (and undone)."""

    id: str
    kind: str
    payload: dict[str, Any]
    created_at: str
    deleted_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {"id": self.id, "kind": self.kind, **self.payload, "created_at": self.created_at}
        if self.deleted_at:
            out["deleted_at"] = self.deleted_at
        return out


class SharedTable:
    """One table of its own in the app's database (SQLite or PostgreSQL), made on first use."""

    schema = ""

    def __init__(self, storage: Any) -> None:
        self.storage = storage  # web.storage.Storage: transactions whose SQL takes "?" on both databases
        self._ready = False

    def _run(self, sql: str, params: tuple = ()) -> list[tuple]:
        try:
            with self.storage.transaction() as conn:
                if not self._ready:
                    conn.execute(self.schema)
                    self._ready = True
                return conn.tuples(sql, params)
        except StorageUnavailable:
            self._ready = False
            raise
        except Exception as error:  # noqa: BLE001 - any driver's error means the database is unusable now
            self._ready = False
            raise StorageUnavailable(f"{type(self).__name__}: {error}") from error


class EditStore(SharedTable):
    """The staff_edits table."""

    schema = SCHEMA

    def version(self) -> tuple[int, int]:
        """(edits made, edits undone): both only grow, so any change shows as a new pair."""
        rows = self._run("SELECT COUNT(*), COUNT(deleted_at) FROM staff_edits")
        return int(rows[0][0]), int(rows[0][1])

    def add(self, kind: str, payload: dict[str, Any]) -> Edit:
        """Store one edit and return it with its new id."""
        edit = Edit(uuid.uuid4().hex[:12], kind, payload, utc_now())
        self._run(
            "INSERT INTO staff_edits (id, kind, payload, created_at) VALUES (?, ?, ?, ?)",
            (edit.id, kind, json.dumps(payload, ensure_ascii=False), edit.created_at),
        )
        log.info("staff edit %s added at %s: %s %s", edit.id, edit.created_at, kind, payload)
        return edit

    def undo(self, edit_id: str) -> Edit | None:
        """Mark an edit undone (kept in the log); None when there is no such live edit."""
        found = [e for e in self.list() if e.id == edit_id]
        if not found:
            return None
        now = utc_now()
        self._run("UPDATE staff_edits SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL", (now, edit_id))
        log.info("staff edit %s undone at %s: %s %s", edit_id, now, found[0].kind, found[0].payload)
        return Edit(found[0].id, found[0].kind, found[0].payload, found[0].created_at, now)

    def list(self, include_undone: bool = False) -> list[Edit]:
        """Edits oldest first; undone ones only when asked (they are the log)."""
        where = "" if include_undone else " WHERE deleted_at IS NULL"
        sql = f"SELECT id, kind, payload, created_at, deleted_at FROM staff_edits{where} ORDER BY created_at, id"
        rows = self._run(sql)
        return [Edit(r[0], r[1], json.loads(r[2]), r[3], r[4]) for r in rows]


def as_staff_data(edits: list[Edit]) -> tuple[list[AlternateQuestion], list[SynonymRule], list[str]]:
    """The edits in the shapes of the staff files (line 0: they come from the database)."""
    questions = [
        AlternateQuestion(e.payload["passage"], e.payload["question"], 0) for e in edits if e.kind == "question"
    ]
    synonyms = [
        SynonymRule(tuple(e.payload["visitor"]), tuple(e.payload["article"]), 0) for e in edits if e.kind == "synonym"
    ]
    not_covered = [e.payload["question"] for e in edits if e.kind == "not_covered"]
    return questions, synonyms, not_covered


def build_with_edits(base: Assistant, edits: list[Edit]) -> Assistant:
    """A new Assistant over the same articles with the edits merged into the staff data."""
    return Assistant(base.corpus, merge_staff_data(base.data, *as_staff_data(edits)))


# Validation: the rules of `assistant check` and of the file formats, with reasons staff can act on.


def _check_line(label: str, text: str) -> None:
    if "\n" in text or "\r" in text:
        raise EditRejected(f"{label} must be one line")
    if text.startswith(LINE_STARTS):
        raise EditRejected(f"{label} cannot start with # or [ (they mean a comment or a passage header in the files)")


def check_question(assistant: Assistant, passage: str, question: str) -> dict[str, str]:
    """An alternate question must name a passage that exists and not repeat one it already has."""
    _check_line("question", question)
    if assistant.passage(passage) is None:
        raise EditRejected(f"no passage {passage!r} in the corpus (see `assistant passages`)")
    if question.casefold() in (q.casefold() for q in assistant.alternate_questions.get(passage, [])):
        raise EditRejected(f"{passage} already has the question {question!r}", conflict=True)
    return {"passage": passage, "question": question}


def check_synonym(assistant: Assistant, visitor: list[str], article: list[str]) -> dict[str, list[str]]:
    """Visitor phrases not defined elsewhere, mapped to words that appear in the articles."""
    if not visitor or not article:
        raise EditRejected("visitor and article each need at least one word or phrase")
    for label, items in (("visitor", visitor), ("article", article)):
        for item in items:
            _check_line(label, item)
            if not item or any(sep in item for sep in SYNONYM_SEPARATORS):
                raise EditRejected(f"{label} phrases must be non-empty and hold no ',' or '=' (got {item!r})")
    if len(f"{', '.join(visitor)} = {', '.join(article)}") > MAX_LINE_CHARS:
        raise EditRejected(f"the rule is longer than the {MAX_LINE_CHARS} characters a synonyms.txt line may hold")
    defined = {p.casefold() for rule in assistant.data.synonyms for p in rule.phrases}
    if repeated := [p for p in visitor if p.casefold() in defined]:
        raise EditRejected(f"{repeated[0]!r} is already defined in another synonym rule", conflict=True)
    if unknown := [w for w in article if not all(assistant.index.known(t) for t in terms(w))]:
        raise EditRejected(f"{unknown[0]!r} does not appear in the articles, so the rule would do nothing")
    return {"visitor": visitor, "article": article}


def check_not_covered(assistant: Assistant, question: str) -> dict[str, str]:
    """A question is marked once."""
    _check_line("question", question)
    if question_key(question) in {question_key(q) for q in assistant.data.not_covered}:
        raise EditRejected(f"{question!r} is already marked as not covered", conflict=True)
    return {"question": question}


class LiveAssistant:
    """Keeps `extensions["assistant"]` in step with the edits table, rebuilding in the background."""

    def __init__(self, extensions: MutableMapping[str, Any], store: EditStore, base: Assistant) -> None:
        self.extensions = extensions
        self.store = store
        self.base = base  # the articles and data files, without edits
        self.version: tuple[int, int] | None = None
        self._checked = float("-inf")
        self._lock = threading.Lock()
        self._rebuilding = False
        self._again = False  # a change arrived during a rebuild: look again when it ends

    def load(self) -> None:
        """At start-up: merge the stored edits before the first visitor arrives (no thread)."""
        version = self._stored_version("staff edits unavailable; serving the data files only")
        if version is None:
            return
        self._checked = time.monotonic()
        self._rebuild(version)

    def _stored_version(self, failure: str) -> tuple[int, int] | None:
        """The stored edits' version; None, logged with `failure`, when the store cannot be read."""
        try:
            return self.store.version()
        except StorageUnavailable as error:
            log.warning("%s: %s", failure, error)
            return None

    def refresh_if_due(self) -> None:
        """Called on each request: at most every CHECK_SECONDS, one query; a rebuild never blocks."""
        now = time.monotonic()
        if now - self._checked < CHECK_SECONDS:
            return
        self._checked = now
        self.refresh()

    def refresh(self) -> None:
        """Look for changed edits now and rebuild in a background thread if there are any."""
        version = self._stored_version("could not check for staff edits")
        if version is None:
            return
        with self._lock:
            if self._rebuilding:
                self._again = True
                return
            if version == self.version:
                return
            self._rebuilding = True
        threading.Thread(target=self._rebuild_and_recheck, args=(version,), name="staff-edits", daemon=True).start()

    def _rebuild_and_recheck(self, version: tuple[int, int]) -> None:
        self._rebuild(version)
        with self._lock:
            self._rebuilding = False
            again, self._again = self._again, False
        if again:
            self.refresh()

    def _rebuild(self, version: tuple[int, int]) -> None:
        try:
            edits = self.store.list()
            assistant = build_with_edits(self.base, edits) if edits else self.base
            self.extensions["assistant"] = assistant  # one assignment: the swap is atomic
            self.version = version
            log.info("assistant rebuilt with %d staff edit(s)", len(edits))
        except StorageUnavailable as error:  # tried again at the next check
            log.warning("could not read staff edits; keeping the previous engine: %s", error)
        except CorpusError as error:  # edits that no longer fit the articles: not retried until they change
            self.version = version
            log.error("staff edits not applied; keeping the previous engine: %s", error)


# The command line: `assistant staff-data export`, and the edits `assistant eval` and `check` include.


def stored_edits(db_path: str | Path | None) -> list[Edit]:
    """The edits in force in a database file; none when the file does not exist."""
    from web.config import env_setting
    from web.storage import Storage

    path = Path(db_path or env_setting("ASSISTANT_DB"))
    return EditStore(Storage(path)).list() if path.exists() else []


def export_edits(folder: Path, edits: list[Edit]) -> dict[str, int]:
    """Write the edits into the corpus folder's staff files; entries already there are skipped."""
    from assistant.staffdata import load_staff_data

    data = load_staff_data(folder)
    merged = merge_staff_data(data, *as_staff_data(edits))
    new_questions = merged.questions[len(data.questions) :]
    new_synonyms = merged.synonyms[len(data.synonyms) :]
    new_not_covered = merged.not_covered[len(data.not_covered) :]
    if new_questions:
        path = folder / QUESTIONS_FILE
        lines = path.read_text("utf-8").splitlines() if path.exists() else []
        for q in new_questions:
            insert_question(lines, q.passage_id, q.text)
        path.write_text("\n".join(lines) + "\n", "utf-8")
    if new_synonyms:
        rules = [f"{', '.join(r.phrases)} = {', '.join(r.targets)}" for r in new_synonyms]
        append_lines(folder / SYNONYMS_FILE, rules)
    if new_not_covered:
        append_lines(folder / NOT_COVERED_FILE, new_not_covered)
    return {"questions": len(new_questions), "synonyms": len(new_synonyms), "not_covered": len(new_not_covered)}


def insert_question(lines: list[str], passage_id: str, question: str) -> None:
    """Put a question after the last question under its passage header, or under a new header at the end."""
    header = f"[{passage_id}]"
    at = next((i for i, line in enumerate(lines) if line.strip() == header), None)
    if at is None:
        lines.extend(["", header, question])
        return
    last = at
    for i in range(at + 1, len(lines)):
        text = lines[i].strip()
        if text.startswith("["):
            break
        if text and not text.startswith("#"):
            last = i
    lines.insert(last + 1, question)


def append_lines(path: Path, lines: list[str]) -> None:
    """Add lines at the end of a staff file under a comment saying where they came from."""
    old = path.read_text("utf-8").rstrip("\n") + "\n\n" if path.exists() else ""
    heading = f"# --- Added in the staff console, exported {utc_now()[:10]} ---"
    path.write_text(old + "\n".join([heading, *lines]) + "\n", "utf-8")


def export_cli(folder: Path, db_path: str | None) -> int:
    """CLI glue for `assistant staff-data export`."""
    try:
        edits = stored_edits(db_path)
        counts = export_edits(folder, edits)
    except StorageUnavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(
        f"Exported {counts['questions']} question(s), {counts['synonyms']} synonym rule(s) and "
        f"{counts['not_covered']} not-covered question(s) of {len(edits)} edit(s) into {folder}."
    )
    return 0
