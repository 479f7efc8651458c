"""A person's corrections to the store's events: ``eventwire edit``.

>>> edit("NGA1", db="events.db", fields={"fatalities": 23}, why="misread toll",
...      who="amina")["event"]["fatalities"]                       # doctest: +SKIP
23
>>> edit("NGA7", db="events.db", status="rejected", why="a README, not news",
...      who="amina")["status"]                                   # doctest: +SKIP
'rejected'
>>> merge_events(["NGA1", "NGA4"], db="events.db", why="one attack", who="amina")
...                                                               # doctest: +SKIP
'NGA1'
>>> split_event("SOM3", db="events.db", why="two raids", who="amina")  # doctest: +SKIP
['SOM9']

Each change is one transaction and one new version of every event it touches, with who,
when and why (``eventwire why`` and ``GET /api/events/{id}`` show the history). The store
keeps corrections over every later re-coding and merge (``store/corrections.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from . import about
from .store import Store, open_store

__all__ = ["edit", "merge_events", "split_event"]

T = TypeVar("T")


def _with_store(db: str | Store | None, work: Callable[[Store], T]) -> T:
    store = db if isinstance(db, Store) else open_store(db)
    try:
        return work(store)
    finally:
        if not isinstance(db, Store):
            store.close()


def edit(
    event_id: str,
    *,
    db: str | Store | None = None,
    fields: dict[str, Any] | None = None,
    status: str | None = None,
    why: str | None = None,
    who: str | None = None,
) -> dict[str, Any]:
    """Correct fields of an event and/or accept or reject it; the event as it now stands
    (``Store.why``: the record, its sources and its history).

    ``fields`` maps field names to JSON values (``{"fatalities": 23, "actor2": None}``);
    ``status`` is "accepted" or "rejected"; ``why`` is required. Raises InputError for a
    bad field or value, NotFoundError for an unknown event, ConflictError for a verdict
    the event already has; nothing is changed then.
    """

    def work(store: Store) -> dict[str, Any]:
        done = store.correct(event_id, fields=fields, status=status, why=why, who=who,
                             version=about.version())  # fmt: skip
        return store.why(done)

    return _with_store(db, work)


def merge_events(
    event_ids: list[str], *, db: str | Store | None = None, why: str | None = None,
    who: str | None = None,
) -> str:  # fmt: skip
    """Merge events into the first one named (their sources join it); its id."""
    return _with_store(db, lambda store: store.merge_events(
        event_ids, why=why, who=who, version=about.version()))  # fmt: skip


def split_event(
    event_id: str, sources: list[str] | None = None, *, db: str | Store | None = None,
    why: str | None = None, who: str | None = None,
) -> list[str]:  # fmt: skip
    """Take sources (article ids; default every one but the first) out of an event, each
    into an event of its own; the new events' ids."""
    return _with_store(db, lambda store: store.split_event(
        event_id, sources, why=why, who=who, version=about.version()))  # fmt: skip
