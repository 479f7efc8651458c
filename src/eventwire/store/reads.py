"""The store's read API: what the CLI, exports and the REST layer ask of a Store.

Every method returns plain records or dicts ready for JSON; every value reaches SQL as a
parameter. ``Store`` (core.py) inherits these methods.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from typing import Any
from urllib.parse import urlparse

from ..errors import StoreError
from ..records import Event
from .base import Database, EventFilter
from .corrections import canonical_id
from .filters import country_names, search_names
from .schema import FEED_COLUMNS

_SORTS = ("event_date", "fatalities", "n_sources", "country", "id")


def _like(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, its own % and _ taken literally."""
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# Each ``EventFilter.status`` and the condition it adds on a person's verdict.
_REVIEWED = {
    "active": "(review IS NULL OR review <> 'rejected')",
    "accepted": "review = 'accepted'",
    "rejected": "review = 'rejected'",
    "flagged": "flags > 0 AND review IS NULL",
    "all": "",
}


def outlet(url: str | None, source: str) -> str:
    """Who published an article, as a reader would name it: the site of its URL
    ("news.example"), else its file's name (not the whole path), else its source."""
    if url:
        host = urlparse(url).hostname
        if host:
            return host.removeprefix("www.")
    return os.path.basename(source.split("#", 1)[0]) or source


def _any_like(column: str, terms: list[str], params: list[Any]) -> str:
    params += [_like(t) for t in terms]
    return " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for _ in terms)


def where_clause(f: EventFilter) -> tuple[str, list[Any]]:
    """SQL ``WHERE`` text and its parameters for an EventFilter (columns of ``events``)."""
    conds: list[str] = []
    params: list[Any] = []
    if not f.include_deleted:
        conds.append("status = 'active'")
    if f.status not in _REVIEWED:
        raise StoreError(f"no event status {f.status!r}; one of {', '.join(_REVIEWED)}")
    if _REVIEWED[f.status]:
        conds.append(_REVIEWED[f.status])
    for column, value, op in (
        ("event_date", f.since, ">="),
        ("event_date", f.until, "<="),
        ("event_type", f.event_type, "="),
        ("sub_event_type", f.sub_event_type, "="),
    ):
        if value:
            conds.append(f"{column} {op} ?")
            params.append(value)
    if f.country:
        names = country_names(f.country)
        conds.append(f"LOWER(country) IN ({', '.join('?' * len(names))})")
        params += names
    if f.actor:
        names = search_names(f.actor)
        either = f"{_any_like('LOWER(actor1)', names, params)} OR "
        conds.append(f"({either}{_any_like('LOWER(actor2)', names, params)})")
    if f.text:
        conds.append(f"({_any_like('search', search_names(f.text), params)})")
    if f.bbox:
        west, south, east, north = f.bbox
        conds.append("longitude >= ? AND longitude <= ? AND latitude >= ? AND latitude <= ?")
        params += [west, east, south, north]
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


class ReadAPI:
    """Queries over the store; mixed into ``Store``."""

    db: Database
    url: str

    def query_events(
        self,
        filters: EventFilter | None = None,
        sort: str = "event_date",
        limit: int | None = 100,
        offset: int = 0,
    ) -> tuple[list[Event], int]:
        """Merged events matching ``filters``, and how many match in all.

        ``sort`` is one of event_date, fatalities, n_sources, country, id, with a leading
        ``-`` for descending; ties are broken by storage order. ``limit=None``: all.
        """
        where, params = where_clause(filters or EventFilter())
        key = sort.lstrip("-")
        if key not in _SORTS:
            raise StoreError(f"cannot sort by {sort!r}; one of {', '.join(_SORTS)}")
        order = f"{key} {'DESC' if sort.startswith('-') else 'ASC'}, seq ASC"
        total = int(self.db.query(f"SELECT COUNT(*) AS n FROM events{where}", params)[0]["n"])
        page = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
        rows = self.db.query(f"SELECT data FROM events{where} ORDER BY {order}{page}", params)
        return [Event.from_dict(json.loads(r["data"])) for r in rows], total

    def iter_events(
        self, filters: EventFilter | None = None, chunk: int = 1000, sort: str = "event_date"
    ) -> Any:
        """Every matching event, in date order (or ``sort``), read ``chunk`` at a time."""
        offset = 0
        while True:
            rows, _ = self.query_events(filters, sort=sort, limit=chunk, offset=offset)
            yield from rows
            if len(rows) < chunk:
                return
            offset += chunk

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """One event with every source: article, its outlet, its per-source record (with
        its own toll), evidence, merge decision. ``event_id`` in any case.

        ``status`` is "active", "rejected" (by a person) or "deleted"; ``review`` the
        person's verdict (accepted, rejected or None).
        """
        event_id = canonical_id(event_id)
        rows = self.db.query(
            "SELECT status, review, version, data, created_at, updated_at FROM events "
            "WHERE id = ?",
            (event_id,),
        )
        if not rows:
            return None
        row = rows[0]
        sources = []
        for r in self.db.query(
            "SELECT ae.article_id, ae.idx, ae.score, ae.decision, ae.data, a.title, a.url, "
            "a.published, a.source FROM article_events ae JOIN articles a "
            "ON a.id = ae.article_id WHERE ae.event_id = ? ORDER BY a.seq, ae.idx",
            (event_id,),
        ):
            record = json.loads(r["data"])
            sources.append(
                {
                    "article_id": r["article_id"],
                    "event_index": r["idx"],
                    "title": r["title"],
                    "url": r["url"],
                    "published": r["published"],
                    "source": r["source"],
                    "outlet": outlet(r["url"], r["source"]),
                    "evidence": record.get("evidence", {}),
                    "event": record,
                    "merge": json.loads(r["decision"]),
                }
            )
        rejected = row["status"] == "active" and row["review"] == "rejected"
        return {
            "event": json.loads(row["data"]),
            "status": "rejected" if rejected else row["status"],
            "review": row["review"],
            "version": row["version"],
            "created_at": row["created_at"],
            "updated_at": row["updated_at"],
            "sources": sources,
        }

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """An article's text and metadata, its events and the evidence spans they use."""
        rows = self.db.query(
            "SELECT id, source, title, url, published, language, text, warnings, result, "
            "extractor_version FROM articles WHERE id = ?",
            (article_id,),
        )
        if not rows:
            return None
        r = rows[0]
        events = [
            {"event_index": e["idx"], "event_id": e["event_id"],
             "evidence": json.loads(e["data"]).get("evidence", {})}
            for e in self.db.query(
                "SELECT idx, event_id, data FROM article_events WHERE article_id = ? ORDER BY idx",
                (article_id,),
            )
        ]  # fmt: skip
        return {
            "id": r["id"],
            "source": r["source"],
            "outlet": outlet(r["url"], r["source"]),
            "title": r["title"],
            "url": r["url"],
            "published": r["published"],
            "language": r["language"],
            "text": r["text"],
            "warnings": json.loads(r["warnings"]),
            "extractor_version": r["extractor_version"],
            "result": json.loads(r["result"]),
            "events": events,
        }

    def article_origins(self, article_ids: list[str]) -> list[dict[str, Any]]:
        """``id``, ``url``, ``source`` and ``title`` of the given articles (any order)."""
        out: list[dict[str, Any]] = []
        for i in range(0, len(article_ids), 500):  # under every driver's parameter limit
            chunk = article_ids[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            out += self.db.query(
                f"SELECT id, url, source, title FROM articles WHERE id IN ({marks})", chunk
            )
        return out

    def event_evidence(self, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        """For each of the given events, its sources in reading order, each with the
        article's ``article_id``, ``url``, ``source`` and ``title`` and the ``evidence``
        spans of that article's record (offsets into that article's text)."""
        out: dict[str, list[dict[str, Any]]] = {}
        for i in range(0, len(event_ids), 500):
            chunk = event_ids[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            for r in self.db.query(
                "SELECT ae.event_id, ae.article_id, ae.data, a.url, a.source, a.title "
                "FROM article_events ae JOIN articles a ON a.id = ae.article_id "
                f"WHERE ae.event_id IN ({marks}) ORDER BY a.seq, ae.idx",
                chunk,
            ):
                out.setdefault(r["event_id"], []).append(
                    {
                        "article_id": r["article_id"],
                        "url": r["url"],
                        "source": r["source"],
                        "title": r["title"],
                        "evidence": json.loads(r["data"]).get("evidence", {}),
                    }
                )
        return out

    def event_times(self, event_ids: list[str]) -> dict[str, str]:
        """When each of the given events last changed (ISO 8601, UTC)."""
        out: dict[str, str] = {}
        for i in range(0, len(event_ids), 500):
            chunk = event_ids[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            for r in self.db.query(
                f"SELECT id, updated_at FROM events WHERE id IN ({marks})", chunk
            ):
                out[r["id"]] = r["updated_at"]
        return out

    def actors(self, filters: EventFilter | None = None) -> list[dict[str, Any]]:
        """Actors of the matching events with how many events name them, most frequent first."""
        where, params = where_clause(filters or EventFilter())
        counts: Counter[str] = Counter()
        for col in ("actor1", "actor2"):
            for r in self.db.query(
                f"SELECT {col} AS name, COUNT(*) AS n FROM events{where} GROUP BY {col}", params
            ):
                if r["name"]:
                    counts[r["name"]] += int(r["n"])
        return [
            {"actor": a, "events": n}
            for a, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
        ]

    def stats(self, filters: EventFilter | None = None) -> dict[str, Any]:
        """Events and fatalities by day, by event type and by country, and the totals."""
        where, params = where_clause(filters or EventFilter())
        out: dict[str, Any] = {}
        for name, col in (("by_day", "event_date"), ("by_type", "event_type"),
                          ("by_country", "country")):  # fmt: skip
            out[name] = [
                {col: r["k"], "events": int(r["n"]), "fatalities": int(r["f"] or 0)}
                for r in self.db.query(
                    f"SELECT {col} AS k, COUNT(*) AS n, SUM(fatalities) AS f FROM events{where} "
                    f"GROUP BY {col} ORDER BY {col}",
                    params,
                )
            ]
        out["events"] = sum(r["events"] for r in out["by_type"])
        out["fatalities"] = sum(r["fatalities"] for r in out["by_type"])
        return out

    def counts(self) -> dict[str, int]:
        """Articles, active and deleted events, and inputs by status."""
        out = {"articles": self._count("SELECT COUNT(*) AS n FROM articles")}
        for status in ("active", "deleted"):
            out[f"events_{status}"] = self._count(
                "SELECT COUNT(*) AS n FROM events WHERE status = ?", (status,)
            )
        for status in ("stored", "skipped", "failed"):
            out[f"inputs_{status}"] = self._count(
                "SELECT COUNT(*) AS n FROM inputs WHERE status = ?", (status,)
            )
        return out

    def _count(self, sql: str, params: Any = ()) -> int:
        return int(self.db.query(sql, params)[0]["n"])

    def errors(self, warnings: bool = False) -> list[dict[str, Any]]:
        """Every input that was skipped or failed, with its reason, in source order.

        ``warnings=True`` adds the stored inputs whose reading changed something (a
        legacy encoding decoded, a text cut, a page reduced to its main text).
        """
        also = " OR reason IS NOT NULL" if warnings else ""
        return self.db.query(
            "SELECT source, status, reason, stage, article_id FROM inputs "
            f"WHERE status <> 'stored'{also} ORDER BY source"
        )

    def feeds(self) -> list[dict[str, Any]]:
        """The state of every feed ``watch`` has polled, by url (``store.schema.FEED_COLUMNS``)."""
        return self.db.query(f"SELECT {', '.join(FEED_COLUMNS)} FROM feeds ORDER BY url")

    def history(self, event_id: str) -> list[dict[str, Any]]:
        """Every version of an event, oldest first: status, reason, eventwire version,
        data, and for a person's corrections who made it and why."""
        return [
            {**r, "data": json.loads(r["data"])}
            for r in self.db.query(
                "SELECT version, status, reason, eventwire_version, data, at, who, why "
                "FROM event_versions WHERE event_id = ? ORDER BY version",
                (canonical_id(event_id),),
            )
        ]

    def why(self, event_id: str) -> dict[str, Any]:
        """Which articles were merged into an event, and on what evidence: ``get_event``
        with the event's history (each version without its data). StoreError when the
        store has no such event."""
        found = self.get_event(event_id)
        if found is None:
            raise StoreError(f"no event {event_id!r} in {self.url}")
        found["history"] = [
            {k: v for k, v in h.items() if k != "data"} for h in self.history(event_id)
        ]
        return found
