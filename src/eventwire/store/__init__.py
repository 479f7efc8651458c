"""The event store: articles, per-article events, merged events and their history.

>>> with open_store("events.db") as store:                      # doctest: +SKIP
...     rows, total = store.query_events(EventFilter(country="Somalia"))

``open_store`` takes a file path (SQLite, the default), ``sqlite:///path``, or a
PostgreSQL URL (``postgresql://user:password@host:5432/dbname``); both hold the same
schema (``schema.py``, numbered migrations applied on opening) and behave the same.
"""

from __future__ import annotations

from .core import FAILED, SKIPPED, STORED, EventFilter, Outcome, Store, content_hash
from .extras import ExtraFilter

__all__ = [
    "DEFAULT_DB", "EventFilter", "ExtraFilter", "FAILED", "Outcome", "SKIPPED", "STORED",
    "Store", "content_hash", "open_store",
]  # fmt: skip

# Where the CLI keeps events when no --db is given.
DEFAULT_DB = "eventwire.db"


def open_store(url: str | None = None) -> Store:
    """Open (and create or migrate) the store at ``url``: a path or a PostgreSQL URL.

    >>> store = open_store(":memory:")
    >>> store.schema_version()
    3
    """
    url = url or DEFAULT_DB
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresDatabase

        store = Store(PostgresDatabase(url), url)
    else:
        from .sqlite import SQLiteDatabase

        path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url
        store = Store(SQLiteDatabase(path), url)
    try:
        store.migrate()
    except BaseException:
        store.close()
        raise
    return store
