"""Merging and splitting events by hand: a person moves sources from one event to another.

>>> store.merge_events(["NGA1", "NGA4"], why="one attack, two towns named", who="amina")
...                                                                      # doctest: +SKIP
'NGA1'
>>> store.split_event("SOM3", ["5f1c2a"], why="two raids", who="amina")  # doctest: +SKIP
['SOM9']

A moved source's row in ``article_events`` records the decision as made by hand
(``by_hand``: who, when, why), and such a decision outlives re-coding: when a newer
eventwire re-codes the article, its event at the same place in the article goes back to
the event the person chose (``pinned``), not to whatever the automatic merge would pick.
Events merged away are deleted (their history says where they went); split-off sources
each start an event of their own. Both are corrections of the events concerned
(``corrections`` rows, versions with who and why).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..errors import ConflictError, InputError
from ..records import Event
from . import corrections
from .base import now_iso
from .corrections import CorrectionsAPI, check_note

if TYPE_CHECKING:
    from .base import Database


def pinned(db: Database, before: list[dict[str, Any]]) -> dict[int, tuple[str, dict[str, Any]]]:
    """Of an article's former placements (rows of article_events), those made by hand
    whose event still exists: ``{idx: (event id, decision)}``."""
    pins: dict[int, tuple[str, dict[str, Any]]] = {}
    for row in before:
        decision = json.loads(row["decision"])
        if not decision.get("by_hand"):
            continue
        alive = db.query("SELECT 1 AS x FROM events WHERE id = ? AND status = 'active'",
                         (row["event_id"],))  # fmt: skip
        if alive:
            pins[row["idx"]] = (row["event_id"], decision)
    return pins


def _decision(event_id: str, who: str, why: str, at: str, note: str) -> str:
    return json.dumps(
        {"event_id": event_id, "score": None, "evidence": {}, "candidates": 0, "rejected": {},
         "note": note, "by_hand": {"who": who, "why": why, "at": at}},
        ensure_ascii=False, sort_keys=True,
    )  # fmt: skip


class HandworkAPI(CorrectionsAPI):
    """Merge and split by hand, besides the corrections of fields and verdicts; mixed
    into ``Store`` (core.py)."""

    if TYPE_CHECKING:  # defined by Store (core.py)

        def _delete(self, event_id: str, reason: str, version: str, who: str | None = None,
                    why: str | None = None) -> None: ...  # fmt: skip

        def _new_event_id(self, ev: Event) -> str: ...

    def merge_events(
        self, event_ids: list[str], *, why: str | None = None, who: str | None = None,
        version: str = "",
    ) -> str:  # fmt: skip
        """Merge the events ``event_ids`` into the first of them: every source of the
        others joins it, and they are deleted (their history says where they went). The
        first event's corrections stay; the others' stay in their history. Returns the id.
        """
        who, why = check_note(who, why)
        with self.db.transaction():
            ids = [self._event_row(e)["id"] for e in event_ids]
            if len(ids) < 2 or len(set(ids)) != len(ids):
                raise InputError("merge needs two or more different events")
            target, others = ids[0], ids[1:]
            now = now_iso()
            for other in others:
                self.db.execute(
                    "UPDATE article_events SET event_id = ?, decision = ? WHERE event_id = ?",
                    (target, _decision(target, who, why, now, f"merged by hand from {other}"),
                     other),
                )  # fmt: skip
                corrections.record(self.db, other, "merge", {"into": target}, who, why,
                                   version, now)  # fmt: skip
                self._delete(other, f"merged by hand into {target} (by {who})", version, who, why)
            corrections.record(self.db, target, "merge", {"merged": others}, who, why, version,
                               now)  # fmt: skip
            self._refresh(target, f"merged by hand: {', '.join(others)} joined (by {who})",
                          version, who=who, why=why, force=True)  # fmt: skip
        return str(target)

    def split_event(
        self, event_id: str, sources: list[str] | None = None, *, why: str | None = None,
        who: str | None = None, version: str = "",
    ) -> list[str]:  # fmt: skip
        """Take sources out of an event, each into an event of its own; the new ids.

        ``sources`` are article ids (or their first 6 characters or more) of the event's
        sources; none: every source but the first. The event keeps the rest, and its
        corrections. ConflictError when the event has one source, or all would leave.
        """
        who, why = check_note(who, why)
        with self.db.transaction():
            event_id = self._event_row(event_id)["id"]
            rows = self.db.query(
                "SELECT ae.article_id, ae.idx, ae.data FROM article_events ae JOIN articles a "
                "ON a.id = ae.article_id WHERE ae.event_id = ? ORDER BY a.seq, ae.idx",
                (event_id,),
            )
            if len(rows) < 2:
                raise ConflictError(f"event {event_id} has one source: nothing to split")
            leaving = rows[1:] if not sources else [_one(rows, s, event_id) for s in sources]
            if len(leaving) >= len(rows):
                raise ConflictError(f"every source of {event_id} would leave it: keep one")
            now, made = now_iso(), []
            for row in leaving:
                new_id = self._new_event_id(Event.from_dict(json.loads(row["data"])))
                self.db.execute(
                    "UPDATE article_events SET event_id = ?, decision = ? WHERE article_id = ? "
                    "AND idx = ?",
                    (new_id, _decision(new_id, who, why, now, f"split by hand from {event_id}"),
                     row["article_id"], row["idx"]),
                )  # fmt: skip
                corrections.record(self.db, new_id, "split", {"from": event_id}, who, why,
                                   version, now)  # fmt: skip
                self._refresh(new_id, f"split by hand from {event_id} (by {who})", version,
                              who=who, why=why)  # fmt: skip
                made.append(new_id)
            corrections.record(self.db, event_id, "split", {"split": made}, who, why, version,
                               now)  # fmt: skip
            self._refresh(event_id, f"split by hand: {', '.join(made)} left (by {who})", version,
                          who=who, why=why, force=True)  # fmt: skip
        return made


def _one(rows: list[dict[str, Any]], given: str, event_id: str) -> dict[str, Any]:
    """The source of ``rows`` named by ``given``: an article id or a prefix of 6 or more."""
    key = given.strip().lower()
    found = [r for r in rows if r["article_id"] == key or
             (len(key) >= 6 and r["article_id"].startswith(key))]  # fmt: skip
    if len(found) != 1:
        some = ", ".join(r["article_id"][:8] for r in rows)
        raise InputError(f"{given!r} names {'no' if not found else 'more than one'} source of "
                         f"{event_id} (its sources: {some})")  # fmt: skip
    return found[0]
