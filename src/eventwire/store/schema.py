"""The store's schema: numbered migrations, each applied once and recorded in a table.

>>> [m.version for m in MIGRATIONS][:1]
[1]

The SQL is written once for SQLite and PostgreSQL: both accept ``TEXT``, ``INTEGER``,
``BIGINT`` and ``DOUBLE PRECISION`` (SQLite reads the last as REAL), and neither needs an
auto-increment column because every key here is derived from the content (article ids
are content hashes, event ids are numbered per country in the writer).

To change the schema, append a migration: never edit one that has shipped, since stores
in the field have already applied it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import corrections, extras


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]
    # Run after the statements, in the same transaction, with the Database: for data a
    # new table needs from what the store already holds.
    fill: Callable[[Any], None] | None = None


# Every JSON column holds the output of the records' ``as_dict`` (CONVENTIONS.md 5), so
# fields added later to Event or Result need no migration to be kept.
_INITIAL = (
    # One row per article actually stored; ``id`` is the hash of its text, so the same
    # content read twice (another file, a re-run) is found, not stored again. ``result``
    # is the whole extraction Result (claims, quotes and relations included), ``seq`` the
    # order in which the writer stored articles (deterministic for a given input order).
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        seq BIGINT NOT NULL,
        source TEXT NOT NULL,
        title TEXT,
        url TEXT,
        published TEXT,
        language TEXT,
        text TEXT NOT NULL,
        warnings TEXT NOT NULL,
        result TEXT NOT NULL,
        result_hash TEXT NOT NULL,
        extractor_version TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    )""",
    # Every input ever offered (a file, a JSONL line, a WARC record, a feed item), keyed
    # by where it came from, with what became of it: stored, skipped or failed.
    """CREATE TABLE inputs (
        source TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        reason TEXT,
        stage TEXT,
        article_id TEXT,
        seen_at TEXT NOT NULL
    )""",
    "CREATE INDEX inputs_status ON inputs (status)",
    # The per-article version of each event, with its evidence spans into that article's
    # text, the merged event it belongs to, and the evidence for that decision.
    """CREATE TABLE article_events (
        article_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        event_id TEXT NOT NULL,
        score DOUBLE PRECISION,
        decision TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    )""",
    "CREATE INDEX article_events_event ON article_events (event_id)",
    # Merged events: one row per real event. The filter columns copy fields of ``data``
    # so that queries and the merge's blocking (country, date) can use indexes.
    """CREATE TABLE events (
        id TEXT PRIMARY KEY,
        seq BIGINT NOT NULL,
        status TEXT NOT NULL,
        version INTEGER NOT NULL,
        event_date TEXT,
        country TEXT,
        event_type TEXT,
        sub_event_type TEXT,
        actor1 TEXT,
        actor2 TEXT,
        location TEXT,
        latitude DOUBLE PRECISION,
        longitude DOUBLE PRECISION,
        fatalities INTEGER NOT NULL,
        n_sources INTEGER NOT NULL,
        search TEXT NOT NULL,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX events_block ON events (country, event_date)",
    "CREATE INDEX events_date ON events (event_date)",
    "CREATE INDEX events_type ON events (event_type)",
    # Every state an event has been in, newest last: created, a source added, re-coded
    # by a newer eventwire, deleted. Nothing is ever removed from here.
    """CREATE TABLE event_versions (
        event_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        reason TEXT NOT NULL,
        eventwire_version TEXT NOT NULL,
        data TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (event_id, version)
    )""",
    # Named counters (article and event order, event numbers per country), advanced in
    # the writer's transaction.
    "CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
)

# Feeds that ``eventwire watch`` polls: where each is fetched from now (a permanent
# redirect moves it), the validators of a conditional GET, and how the last polls went,
# so that backoff outlives the process (``watch --once`` run from cron).
_FEEDS = (
    """CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        location TEXT,
        etag TEXT,
        last_modified TEXT,
        checked_at TEXT,
        success_at TEXT,
        status TEXT,
        error TEXT,
        failures INTEGER NOT NULL,
        next_poll TEXT,
        items INTEGER NOT NULL,
        new_items INTEGER NOT NULL
    )""",
)

# The columns of ``feeds``, in order (``Store.save_feed`` writes exactly these).
FEED_COLUMNS = (
    "url", "location", "etag", "last_modified", "checked_at", "success_at", "status",
    "error", "failures", "next_poll", "items", "new_items",
)  # fmt: skip

# What decided each merged event's sub-event type (``Event.classified_by``: "rule:<card>",
# later "model:<name> <prob>"), as a column so that a store can be queried by it.
_CLASSIFIED_BY = ("ALTER TABLE events ADD COLUMN classified_by TEXT",)


def _fill_classified_by(db: Any) -> None:
    """Copy ``classified_by`` out of each stored event's data (None before it existed)."""
    for row in db.query("SELECT id, data FROM events"):
        value = json.loads(row["data"]).get("classified_by")
        if value is not None:
            db.execute("UPDATE events SET classified_by = ? WHERE id = ?", (value, row["id"]))


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _INITIAL),
    # One row per claim, quote and relation of each article (extras.py), filled from the
    # Results of the articles already stored.
    Migration(2, "claims, quotes and relations", extras.TABLES, extras.fill),
    Migration(3, "feed state for watch", _FEEDS),
    Migration(4, "what classified each event", _CLASSIFIED_BY, _fill_classified_by),
    # Corrections by a person (corrections.py): their table, each event's verdict and
    # flags as columns, who made each version and why.
    Migration(5, "corrections by a person", corrections.TABLES),
)

MIGRATIONS_TABLE = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""
