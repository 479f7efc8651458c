"""What every part of the store shares: input statuses, the database protocol, the event
filter and an input's outcome.

>>> EventFilter(country="Mali").country
'Mali'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from ..records import Article, Result

# What became of one input (``Outcome.status``), and what ``record`` answers.
STORED, SKIPPED, FAILED = "stored", "skipped", "failed"


def now_iso() -> str:
    """The time now, UTC, ISO 8601 to the second: every time the store writes."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Database(Protocol):
    """What the Store needs of a connection (sqlite.SQLiteDatabase, postgres.PostgresDatabase)."""

    dialect: str

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]: ...
    def execute(self, sql: str, params: Any = ()) -> None: ...
    def transaction(self) -> Any: ...
    def close(self) -> None: ...


@dataclass(slots=True)
class Outcome:
    """What became of one input: stored (with its article and result), skipped or failed.

    ``source`` names the input so that a person can find it again: a path, a path and a
    line (``file.jsonl#L12``), a WARC record (``crawl.warc.gz#offset=1234``), a feed item.
    """

    source: str
    status: str
    reason: str | None = None
    stage: str | None = None
    article: Article | None = None
    result: Result | None = None


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters for ``Store.query_events``; every field is optional and they combine (AND).

    ``bbox`` is (west, south, east, north) in degrees; ``actor`` and ``text`` match
    anywhere, case-insensitively (``text`` searches notes, places, actors and types), an
    actor's alias finding the actor; ``country`` is a name or an ISO 3166 code.
    ``status`` picks by a person's verdict (filters.EVENT_STATUSES): "active" leaves
    rejected events out, "all" keeps them.
    """

    since: str | None = None
    until: str | None = None
    country: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    text: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    status: str = "active"
    include_deleted: bool = False
