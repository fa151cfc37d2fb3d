"""The web package's commands for `assistant`: serve, purge and staff-data (registered by entry
point), and the reader of the staff console's edits that `assistant eval/check --db` use."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.cli import AddCommand, corpus_folder
from assistant.errors import CorpusError
from assistant.staffdata import StaffData


def cmd_serve(args: argparse.Namespace) -> int:
    from web.server import serve  # gunicorn and Flask are imported only when serving

    corpus = str(corpus_folder(args.corpus))
    return serve(args.host, args.port, args.workers, args.dev, corpus, args.gunicorn_config)


def cmd_purge(args: argparse.Namespace) -> int:
    return purge_cli(args.days, args.db)


def purge_cli(days: int, db_path: str | Path | None = None) -> int:
    """`assistant purge --days N`: print what was deleted and return an exit status."""
    from web.config import database_url_from_env
    from web.database import StorageUnavailable, open_database
    from web.storage import purge_older_than

    url = db_path or database_url_from_env()
    missing = _missing_sqlite_file(str(url))
    if missing:
        print(f"error: no database at {missing}: nothing to purge (check --db or ASSISTANT_DB)", file=sys.stderr)
        return 1
    try:
        deleted = purge_older_than(url, days)
    except (ValueError, StorageUnavailable) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Deleted {deleted} record(s) older than {days} day(s) from {open_database(str(url)).describe()}.")
    return 0


def cmd_staff_data(args: argparse.Namespace) -> int:
    from web.edits import export_cli

    return export_cli(corpus_folder(args.corpus), args.db)


def stored_staff_data(db: str | None) -> StaffData:
    """The staff console's edits in force, as StaffData (entry point `assistant.staff_edits`)."""
    from web.edits import as_staff_data, stored_edits
    from web.storage import StorageUnavailable

    try:
        questions, synonyms, not_covered = as_staff_data(stored_edits(db))
    except StorageUnavailable as exc:
        raise CorpusError(f"cannot read staff edits: {exc}") from exc
    return StaffData(synonyms=synonyms, questions=questions, not_covered=not_covered)


def _missing_sqlite_file(url: str) -> str | None:
    """The path of a SQLite database that does not exist (purge must never create one), else None.

    An empty file counts as none: SQLite would take it for an empty database and purge would write
    the schema into it.
    """
    if url.startswith(("postgresql://", "postgres://")):
        return None
    path = Path(url.removeprefix("sqlite:///"))
    return None if path.is_file() and path.stat().st_size > 0 else str(path)


def add_commands(command: AddCommand) -> None:
    """Register serve, purge and staff-data on the `assistant` command line."""
    serve = command("serve", "run the chat web app under gunicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=2)
    serve.add_argument("--dev", action="store_true", help="use Flask's development server instead")
    serve.add_argument("--gunicorn-config", help="a gunicorn config file (e.g. deploy/gunicorn.conf.py) read first")
    serve.set_defaults(func=cmd_serve)

    purge = command("purge", "delete feedback and logged questions older than N days")
    purge.add_argument("--days", type=int, required=True)
    purge.add_argument(
        "--db", help="database file or postgresql:// URL (default: $ASSISTANT_DATABASE_URL, else $ASSISTANT_DB)"
    )
    purge.set_defaults(func=cmd_purge)

    staff_data = command("staff-data", "write the staff console's edits into the corpus's staff data files")
    staff_data.add_argument("action", choices=["export"])
    staff_data.add_argument("--db", help="database file (default: $ASSISTANT_DB or instance/assistant.db)")
    staff_data.set_defaults(func=cmd_staff_data)
