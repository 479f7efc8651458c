"""The event store: articles, per-article events, merged events and their history.

>>> with open_store("events.db") as store:                      # doctest: +SKIP
...     rows, total = store.query_events(EventFilter(country="Somalia"))

``open_store`` takes a file path (SQLite, the default), ``sqlite:///path``, or a
PostgreSQL URL (``postgresql://user:password@host:5432/dbname``); both hold the same
schema (``schema.py``, numbered migrations applied on opening) and behave the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..records import content_hash
from .base import FAILED, SKIPPED, STORED, EventFilter, Outcome
from .core import Store
from .extras import ExtraFilter
from .postgres import PostgresDatabase
from .sqlite import SQLiteDatabase

__all__ = [
    "DEFAULT_DB", "EventFilter", "ExtraFilter", "FAILED", "Outcome", "SKIPPED", "STORED",
    "Store", "content_hash", "open_store", "store_exists", "why",
]  # fmt: skip

# Where the CLI keeps events when no --db is given.
DEFAULT_DB = "eventwire.db"


def open_store(url: str | None = None) -> Store:
    """Open (and create or migrate) the store at ``url``: a path or a PostgreSQL URL.

    >>> store = open_store(":memory:")
    >>> store.schema_version()
    5
    """
    url = url or DEFAULT_DB
    if url.startswith(("postgresql://", "postgres://")):

        store = Store(PostgresDatabase(url), url)
    else:

        path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url
        store = Store(SQLiteDatabase(path), url)
    try:
        store.migrate()
    except BaseException:
        store.close()
        raise
    return store


def store_exists(url: str | None = None) -> bool:
    """Whether a store is already at ``url``, so that a command that only reads can refuse
    a mistyped path instead of creating an empty store there. StoreError when a
    PostgreSQL server cannot be reached.

    >>> store_exists("/no/such/folder/events.db")
    False
    """
    url = url or DEFAULT_DB
    if url.startswith(("postgresql://", "postgres://")):
        db = PostgresDatabase(url)
        try:
            return db.query("SELECT to_regclass('schema_migrations') AS t")[0]["t"] is not None
        finally:
            db.close()
    path = Path(url.removeprefix("sqlite:///"))
    return url == ":memory:" or (path.is_file() and path.stat().st_size > 0)


def why(event_id: str, db: str | Store | None = None) -> dict[str, Any]:
    """Which articles were merged into an event, and on what evidence.

    >>> why("SOM12", db="events.db")["sources"][1]["merge"]["evidence"]  # doctest: +SKIP
    {'event_type': 'same: Battles', 'event_date': 'same day', 'place': 'same place: Baidoa'}

    The answer is ``Store.get_event`` with the event's history; each source carries the
    decision taken when it arrived (the event it joined, the score, the fields that
    matched, and the candidates it was kept apart from, with the reason).
    Raises ``StoreError`` for an unknown id.
    """
    store = db if isinstance(db, Store) else open_store(db)
    try:
        return store.why(event_id)
    finally:
        if not isinstance(db, Store):
            store.close()
