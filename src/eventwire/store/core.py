"""The Store: one write path (``record``) and the read API the CLI and REST layer call.

>>> store = open_store(":memory:")                                     # doctest: +SKIP
>>> store.record(Outcome("a.txt", "stored", article=art, result=res))  # doctest: +SKIP
'stored'
>>> rows, total = store.query_events(EventFilter(country="Mali"))      # doctest: +SKIP

Everything one input causes (its article, the article's events, the merges they make,
the event versions, the input's own line in ``inputs``) is written in ONE transaction,
so a run killed at any moment leaves each article wholly stored or not at all, and
re-running the same command resumes where it stopped (content hashes find what is done).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .. import clusters
from ..errors import StoreError
from ..records import Article, Event, Result, content_hash
from . import corrections, extras
from .base import FAILED, SKIPPED, STORED, Database, Outcome
from .corrections import canonical_id, not_found
from .handwork import HandworkAPI, pinned
from .reads import ReadAPI
from .schema import FEED_COLUMNS, MIGRATIONS, MIGRATIONS_TABLE


def _dumps(value: Any) -> str:
    # sort_keys: the same record always gives the same bytes (hashes, exact comparisons).
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _newer(running: str, stored: str) -> bool:
    """True when version ``running`` is later than ``stored`` ("0.10.0" > "0.9.1")."""

    def key(v: str) -> tuple[int, ...]:
        parts = []
        for piece in v.split("."):
            digits = "".join(c for c in piece if c.isdigit())
            parts.append(int(digits) if digits else 0)
        return tuple(parts)

    return key(running) > key(stored)


class Store(ReadAPI, extras.ExtrasReadAPI, HandworkAPI):
    """An event store on SQLite or PostgreSQL (``open_store``); the same SQL on both."""

    def __init__(self, db: Database, url: str) -> None:
        self.db = db
        self.url = url
        # Where ``record`` notes the events an input created or changed (its ``changes``).
        self._changes: list[tuple[str, str]] | None = None

    # -- lifecycle ------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def migrate(self) -> int:
        """Apply the migrations this store lacks, each in its own transaction; the version."""
        with self.db.transaction():
            self.db.execute(MIGRATIONS_TABLE)
        for m in MIGRATIONS:
            # Checked inside the writer's transaction: two processes opening a new store
            # at once apply each migration once.
            with self.db.transaction():
                rows = self.db.query(
                    "SELECT version FROM schema_migrations WHERE version = ?", (m.version,)
                )
                if rows:
                    continue
                for sql in m.statements:
                    self.db.execute(sql)
                if m.fill is not None:
                    m.fill(self.db)
                self.db.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (m.version, m.name, _now()),
                )
        return self.schema_version()

    def schema_version(self) -> int:
        rows = self.db.query("SELECT MAX(version) AS v FROM schema_migrations")
        return int(rows[0]["v"] or 0)

    # -- the write path -------------------------------------------------------------------

    def needs_extraction(self, article_id: str, version: str) -> bool:
        """False when this content is already stored by this eventwire version or a later one."""
        rows = self.db.query("SELECT extractor_version FROM articles WHERE id = ?", (article_id,))
        return not rows or _newer(version, rows[0]["extractor_version"])

    def record(
        self, outcome: Outcome, version: str, changes: list[tuple[str, str]] | None = None
    ) -> str:
        """Store one input's outcome, all in one transaction; what was done.

        Answers ``stored`` (a new article), ``updated`` (re-coded by a newer eventwire),
        ``unchanged`` (this source, this content, already stored), ``skipped`` (including
        duplicates of content read from another source) or ``failed``. ``changes``, when
        given, receives ``(event id, "created" | "merged" | "updated")`` for each merged
        event the input created, joined or changed by re-coding.
        """
        self._changes = changes
        if outcome.status == "unchanged":
            return "unchanged"  # known to be stored already (a feed item's page)
        with self.db.transaction():
            if outcome.status != STORED:
                self._mark(outcome.source, outcome.status, outcome.reason, outcome.stage, None)
                return outcome.status
            article, result = outcome.article, outcome.result
            if article is None:
                raise StoreError("a stored outcome needs its article")
            rows = self.db.query(
                "SELECT source, extractor_version, result_hash FROM articles WHERE id = ?",
                (article.id,),
            )
            if not rows:
                if result is None:
                    # Its twin earlier in the same batch was extracted and failed.
                    reason = "same content as an earlier input that failed"
                    self._mark(outcome.source, FAILED, reason, "extract", None)
                    return FAILED
                self._insert_article(outcome.source, article, result, version)
                self._mark(outcome.source, STORED, _warned(article), "read", article.id)
                return STORED
            known = rows[0]
            if result is not None and _newer(version, known["extractor_version"]):
                self._recode(article, result, version, known["result_hash"])
                self._mark(outcome.source, STORED, _warned(article), "read", article.id)
                return "updated"
            mine = self.db.query(
                "SELECT article_id FROM inputs WHERE source = ?", (outcome.source,)
            )
            if mine and mine[0]["article_id"] == article.id:
                return "unchanged"
            reason = f"duplicate of article {article.id} (first read from {known['source']})"
            self._mark(outcome.source, SKIPPED, reason, "store", article.id)
            return SKIPPED

    def source_is_current(self, source: str, version: str) -> bool:
        """Whether ``source`` is stored, coded by this eventwire ``version`` or a newer one
        (so that reading it again would change nothing)."""
        rows = self.db.query(
            "SELECT a.extractor_version FROM inputs i JOIN articles a ON a.id = i.article_id "
            "WHERE i.source = ? AND i.status = ?",
            (source, STORED),
        )
        return bool(rows) and not _newer(version, rows[0]["extractor_version"])

    def save_feed(self, state: dict[str, Any]) -> None:
        """Store a watched feed's state (``watching.FeedState.as_dict()``), keyed by its url."""
        columns = ", ".join(FEED_COLUMNS)
        marks = ", ".join("?" for _ in FEED_COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in FEED_COLUMNS[1:])
        with self.db.transaction():
            self.db.execute(
                f"INSERT INTO feeds ({columns}) VALUES ({marks}) "
                f"ON CONFLICT (url) DO UPDATE SET {updates}",
                [state.get(c) for c in FEED_COLUMNS],
            )

    def _mark(
        self, source: str, status: str, reason: str | None, stage: str | None, article: str | None
    ) -> None:
        self.db.execute(
            "INSERT INTO inputs (source, status, reason, stage, article_id, seen_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source) DO UPDATE SET status = "
            "excluded.status, reason = excluded.reason, stage = excluded.stage, "
            "article_id = excluded.article_id, seen_at = excluded.seen_at",
            (source, status, reason, stage, article, _now()),
        )

    def _next(self, counter: str) -> int:
        rows = self.db.query(
            "INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) "
            "DO UPDATE SET value = counters.value + 1 RETURNING value",
            (counter,),
        )
        return int(rows[0]["value"])

    def _insert_article(self, source: str, article: Article, result: Result, version: str) -> None:
        result_json = _dumps(result.as_dict())
        self.db.execute(
            "INSERT INTO articles (id, seq, source, title, url, published, language, text, "
            "warnings, result, result_hash, extractor_version, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id, self._next("articles"), source, article.title, article.url,
                article.published, article.language, article.text, _dumps(article.warnings),
                result_json, content_hash(result_json), version, _now(),
            ),
        )  # fmt: skip
        extras.write(self.db, article.id, result)
        self._place(article.id, result.events, version, f"source added: article {article.id}")

    def _recode(self, article: Article, result: Result, version: str, old_hash: str) -> None:
        """A newer eventwire re-coded a stored article: update its events, keep the old ones."""
        result_json = _dumps(result.as_dict())
        new_hash = content_hash(result_json)
        self.db.execute(
            "UPDATE articles SET result = ?, result_hash = ?, extractor_version = ? WHERE id = ?",
            (result_json, new_hash, version, article.id),
        )
        extras.write(self.db, article.id, result)
        if new_hash == old_hash:
            return  # the same coding: no event changes
        why = f"re-coded: article {article.id} re-extracted by eventwire {version}"
        # Where each of the article's events was: an event keeps its id when its re-coded
        # report still matches it, and one a person placed by hand stays where it was put.
        before = self.db.query(
            "SELECT idx, event_id, decision FROM article_events WHERE article_id = ?",
            (article.id,),
        )
        touched = sorted({r["event_id"] for r in before})
        self.db.execute("DELETE FROM article_events WHERE article_id = ?", (article.id,))
        # The new events are placed first, against the events as they stood (so an event
        # keeps its id when its re-coded report still matches it); then each event the
        # article left is recomputed from its other sources, or deleted if none remain.
        # Each changed event gets one new version.
        placed = self._place(article.id, result.events, version, why, before)
        for event_id in sorted(set(touched) - placed):
            if self._members(event_id):
                self._refresh(event_id, why, version)
                self._changed(event_id, "updated")
            else:
                self._delete(event_id, f"deleted: no source reports it after {why}", version)

    def _place(
        self, article_id: str, events: list[Event], version: str, why: str,
        before: list[dict[str, Any]] | None = None,
    ) -> set[str]:  # fmt: skip
        """Merge each of an article's events into its block's best match, or start a new
        one; the ids of the events it joined or created. ``before``: where the article's
        events were placed before a re-coding (rows of article_events)."""
        taken: set[str] = set()  # one article's events are distinct: never two in one event
        before = before or []
        was = {r["idx"]: r["event_id"] for r in before}
        pins = pinned(self.db, before)
        for idx, ev in enumerate(events):
            ev = Event.from_dict(ev.as_dict())
            ev.sources = [article_id]
            if idx in pins:
                event_id, decision = pins[idx]
                score = None
            else:
                key = clusters.block(ev)
                candidates = [] if key is None else self._candidates(*key, exclude=taken)
                match = clusters.best_match(ev, candidates, prefer=was.get(idx))
                decision = match.as_dict()
                if key is None:
                    decision["note"] = "not merged: no country or no date to block on"
                event_id, score = match.event_id or self._new_event_id(ev), match.score
            new = not self.db.query("SELECT 1 AS x FROM events WHERE id = ?", (event_id,))
            taken.add(event_id)
            self.db.execute(
                "INSERT INTO article_events (article_id, idx, event_id, score, decision, data) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, idx, event_id, score, _dumps(decision), _dumps(ev.as_dict())),
            )
            self._refresh(event_id, f"created from article {article_id} event {idx}" if new
                          else why, version)  # fmt: skip
            self._changed(event_id, "created" if new else "updated" if before else "merged")
        return taken

    def _changed(self, event_id: str, what: str) -> None:
        if self._changes is not None:
            self._changes.append((event_id, what))

    def _candidates(
        self, country: str, first: str, last: str, exclude: set[str]
    ) -> list[tuple[str, Event]]:
        """The events of a block, rejected ones included (new reports of an event a person
        rejected join it and leave it rejected). An event a person corrected is offered
        twice: as corrected, and as its sources alone tell it, so that a report telling
        it as the other reports did still finds it."""
        rows = self.db.query(
            "SELECT id, data FROM events WHERE country = ? AND event_date >= ? "
            "AND event_date <= ? AND status = 'active' ORDER BY seq",
            (country, first, last),
        )
        out = []
        for r in rows:
            if r["id"] in exclude:
                continue
            event = Event.from_dict(json.loads(r["data"]))
            out.append((r["id"], event))
            if event.corrected:
                out.append((r["id"], clusters.combine(self._members(r["id"]), r["id"])))
        return out

    def _new_event_id(self, ev: Event) -> str:
        """ACLED-style ``event_id_cnty``: ISO 3166 alpha-3 and a number counted per country.

        Deterministic for a given input order (one writer numbers events as it stores
        them), which is what makes a resumed run equal an uninterrupted one.
        """
        prefix = _alpha3(ev.iso) or "XXX"
        return f"{prefix}{self._next('event:' + prefix)}"

    def _members(self, event_id: str) -> list[Event]:
        rows = self.db.query(
            "SELECT ae.data FROM article_events ae JOIN articles a ON a.id = ae.article_id "
            "WHERE ae.event_id = ? ORDER BY a.seq, ae.idx",
            (event_id,),
        )
        return [Event.from_dict(json.loads(r["data"])) for r in rows]

    def _refresh(
        self, event_id: str, reason: str, version: str, *, who: str | None = None,
        why: str | None = None, force: bool = False,
    ) -> None:  # fmt: skip
        """Recompute a merged event from its sources, lay a person's corrections over it
        (corrections.py) and record the new version; ``force``: a version even when
        nothing changed (a person confirmed a value)."""
        members = self._members(event_id)
        merged = clusters.combine(members, event_id)
        corrections.apply(merged, corrections.state_of(self.db, event_id), len(members))
        data = _dumps(merged.as_dict())
        now = _now()
        rows = self.db.query("SELECT version, data, status FROM events WHERE id = ?", (event_id,))
        values = (
            merged.event_date, merged.country, merged.event_type, merged.sub_event_type,
            merged.actor1, merged.actor2, merged.location, merged.latitude, merged.longitude,
            merged.fatalities, len(merged.sources), _search_text(merged), merged.classified_by,
            merged.review, len(merged.flags), data,
        )  # fmt: skip
        if not rows:
            n = 1
            self.db.execute(
                "INSERT INTO events (id, seq, status, version, event_date, country, event_type, "
                "sub_event_type, actor1, actor2, location, latitude, longitude, fatalities, "
                "n_sources, search, classified_by, review, flags, data, created_at, updated_at) "
                "VALUES (?, ?, 'active', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (event_id, self._next("events"), *values, now, now),
            )
        else:
            if rows[0]["data"] == data and rows[0]["status"] == "active" and not force:
                return
            n = int(rows[0]["version"]) + 1
            self.db.execute(
                "UPDATE events SET status = 'active', version = ?, event_date = ?, country = ?, "
                "event_type = ?, sub_event_type = ?, actor1 = ?, actor2 = ?, location = ?, "
                "latitude = ?, longitude = ?, fatalities = ?, n_sources = ?, search = ?, "
                "classified_by = ?, review = ?, flags = ?, data = ?, updated_at = ? WHERE id = ?",
                (n, *values, now, event_id),
            )
        status = "rejected" if merged.review == "rejected" else "active"
        self._version(event_id, n, status, reason, version, data, who, why)

    def _delete(
        self, event_id: str, reason: str, version: str, who: str | None = None,
        why: str | None = None,
    ) -> None:  # fmt: skip
        rows = self.db.query("SELECT version, data FROM events WHERE id = ?", (event_id,))
        n = int(rows[0]["version"]) + 1
        self.db.execute(
            "UPDATE events SET status = 'deleted', version = ?, updated_at = ? WHERE id = ?",
            (n, _now(), event_id),
        )
        self._version(event_id, n, "deleted", reason, version, rows[0]["data"], who, why)

    def _version(
        self, event_id: str, n: int, status: str, reason: str, version: str, data: str,
        who: str | None = None, why: str | None = None,
    ) -> None:  # fmt: skip
        self.db.execute(
            "INSERT INTO event_versions (event_id, version, status, reason, eventwire_version, "
            "data, at, who, why) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (event_id, n, status, reason, version, data, _now(), who, why),
        )

    def _event_row(self, event_id: str) -> dict[str, Any]:
        """The row of an event a person may change (any case of its id); NotFoundError
        for an unknown id or an event that no longer exists (merged away, deleted)."""
        rows = self.db.query(
            "SELECT id, data, review, status FROM events WHERE id = ?", (canonical_id(event_id),)
        )
        if not rows or rows[0]["status"] != "active":
            raise not_found(event_id, self.url)
        return rows[0]


def _warned(article: Article) -> str | None:
    """A stored input's reason: what reading it changed (legacy encoding, cut, HTML)."""
    return "; ".join(article.warnings) or None


def _search_text(ev: Event) -> str:
    parts = (
        ev.notes, ev.location, ev.admin1, ev.country, ev.actor1, ev.assoc_actor_1,
        ev.actor2, ev.assoc_actor_2, ev.event_type, ev.sub_event_type,
    )  # fmt: skip
    return " | ".join(p for p in parts if p).lower()


def _alpha3(iso: int | None) -> str | None:
    """ISO 3166 alpha-3 for ACLED's numeric ``iso`` (760 -> SYR)."""
    if not iso:
        return None
    # Deferred: pycountry reads its data files on import; only new countries need it.
    import pycountry

    country = pycountry.countries.get(numeric=f"{int(iso):03d}")
    return country.alpha_3 if country is not None else None
