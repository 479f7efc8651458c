"""Corrections by a person: fields set by hand, events accepted or rejected.

>>> store.correct("NGA1", fields={"fatalities": 23}, why="the 2nd outlet misread 31",
...               who="amina")                                          # doctest: +SKIP
>>> store.correct("NGA7", status="rejected", why="a README, not a report",
...               who="amina")                                          # doctest: +SKIP

A correction is a row of ``corrections`` (what, who, when, why) and a new version of the
event in its history. Extraction never overwrites it: every time a merged event is
recomputed from its sources (a new report joins, a newer eventwire re-codes one), the
store combines the sources as usual and then lays the corrections over the result
(``apply``), so a corrected field keeps the person's value while new sources still join
and the fields nobody touched still follow the reports. A rejected event stays in the
store, joined by new reports of it, but leaves the default answers and the exports.

Merging and splitting by hand (``handwork.py``) move sources between events and pin them
there, so that re-coding an article keeps them where the person put them.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import clusters
from ..actors import interaction
from ..errors import ConflictError, InputError, NotFoundError
from ..lexicon import taxonomy
from ..records import Event
from .base import now_iso

if TYPE_CHECKING:
    from .base import Database

TABLES = (
    # One row per correction, numbered per event in the order they were made. ``kind`` is
    # fields, status, merge or split; ``data`` what was set ({"fields": {...}},
    # {"status": "rejected"}, {"merged": [...]}, {"split": [...]}).
    """CREATE TABLE corrections (
        event_id TEXT NOT NULL,
        n INTEGER NOT NULL,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        who TEXT NOT NULL,
        why TEXT NOT NULL,
        at TEXT NOT NULL,
        eventwire_version TEXT NOT NULL,
        PRIMARY KEY (event_id, n)
    )""",
    # A person's verdict on each event (accepted, rejected, or NULL), and how many flags
    # the merge raised, as columns so that queries can filter on them.
    "ALTER TABLE events ADD COLUMN review TEXT",
    "ALTER TABLE events ADD COLUMN flags INTEGER NOT NULL DEFAULT 0",
    # Who made a version and why, for the versions a person made (NULL for eventwire's).
    "ALTER TABLE event_versions ADD COLUMN who TEXT",
    "ALTER TABLE event_versions ADD COLUMN why TEXT",
)

STATUSES = ("accepted", "rejected")
# Longest "who" and "why" a correction keeps.
MAX_WHO, MAX_WHY = 100, 2000


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """What a correctable field takes: ``kind`` int, float, text or date; bounds for
    numbers; ``null`` whether it may be emptied."""

    kind: str
    null: bool = True
    low: float | None = None
    high: float | None = None


_TEXT = FieldSpec("text")
# The fields a person may set, in ACLED's order. Left out on purpose: the id, the year
# (from the date), disorder_type and interaction (derived from the type and the inter
# codes), the sources, evidence, confidence and classified_by (facts about the coding).
FIELDS: dict[str, FieldSpec] = {
    "event_date": FieldSpec("date", null=False),
    "time_precision": FieldSpec("int", null=False, low=1, high=3),
    "event_type": FieldSpec("text", null=False),
    "sub_event_type": FieldSpec("text", null=False),
    "actor1": _TEXT,
    "assoc_actor_1": _TEXT,
    "inter1": FieldSpec("int", low=0, high=8),
    "actor2": _TEXT,
    "assoc_actor_2": _TEXT,
    "inter2": FieldSpec("int", low=0, high=8),
    "civilian_targeting": _TEXT,
    "iso": FieldSpec("int", low=0, high=999),
    "region": _TEXT,
    "country": _TEXT,
    "admin1": _TEXT,
    "admin2": _TEXT,
    "admin3": _TEXT,
    "location": _TEXT,
    "latitude": FieldSpec("float", low=-90, high=90),
    "longitude": FieldSpec("float", low=-180, high=180),
    "geo_precision": FieldSpec("int", low=1, high=3),
    "fatalities": FieldSpec("int", null=False, low=0, high=10**7),
    "injuries": FieldSpec("int", low=0, high=10**7),
    "notes": FieldSpec("text", null=False),
}
_MAX_TEXT = 2000


def check_value(name: str, value: Any) -> Any:
    """``value`` for field ``name`` as JSON gives it, checked; InputError naming the field.

    >>> check_value("fatalities", 23)
    23
    >>> check_value("latitude", 91)
    Traceback (most recent call last):
    ...
    eventwire.errors.InputError: fields.latitude: must be a number from -90 to 90 (got 91)
    """
    spec = FIELDS.get(name)
    if spec is None:
        raise InputError(f"fields.{name}: not a field that can be corrected; one of "
                         f"{', '.join(FIELDS)}")  # fmt: skip
    if value is None:
        if not spec.null:
            raise InputError(f"fields.{name}: cannot be emptied")
        return None
    if spec.kind == "int" and not isinstance(value, bool) and isinstance(value, int):
        if _within(value, spec):
            return value
    elif spec.kind == "float" and not isinstance(value, bool) and isinstance(value, (int, float)):
        if math.isfinite(value) and _within(value, spec):
            return float(value)
    elif spec.kind == "date" and isinstance(value, str) and _is_date(value):
        return value
    elif spec.kind == "text" and isinstance(value, str) and len(value) <= _MAX_TEXT:
        if value.strip() or spec.null:
            return value.strip() or None
    raise InputError(f"fields.{name}: {_expected(spec)} (got {value!r})")


def parse_value(name: str, text: str) -> Any:
    """A value written on the command line (``--set fatalities=23``), typed and checked.

    An empty value (``--set actor2=``) or ``null`` empties a field that may be empty.
    """
    spec = FIELDS.get(name)
    if spec is None or spec.kind in ("text", "date"):
        return check_value(name, text if text != "null" or spec is None else None)
    if text.strip() in ("", "null"):
        return check_value(name, None)
    try:
        value: Any = int(text) if spec.kind == "int" else float(text)
    except ValueError:
        value = text
    return check_value(name, value)


def _within(value: float, spec: FieldSpec) -> bool:
    return (spec.low is None or value >= spec.low) and (spec.high is None or value <= spec.high)


def _is_date(value: str) -> bool:
    try:
        return len(value) == 10 and dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _expected(spec: FieldSpec) -> str:
    if spec.kind == "int":
        return f"must be a whole number from {spec.low:.0f} to {spec.high:.0f}"
    if spec.kind == "float":
        return f"must be a number from {spec.low:g} to {spec.high:g}"
    if spec.kind == "date":
        return "must be a date YYYY-MM-DD"
    return f"must be text of at most {_MAX_TEXT} characters" + ("" if spec.null else ", not empty")


def check_types(fields: dict[str, Any], current: Event) -> dict[str, Any]:
    """``fields`` with the event type made to agree with the sub-event type (ACLED's
    taxonomy): a sub-type alone brings its type; a type that is not the sub-type's is
    refused, as is a type alone that the event's present sub-type does not belong to."""
    known = taxonomy()
    out = dict(fields)
    if "sub_event_type" in out:
        sub = out["sub_event_type"]
        if sub not in known:
            raise InputError(f"fields.sub_event_type: not one of ACLED's 25 sub-event types "
                             f"(got {sub!r})")  # fmt: skip
        kind = known[sub][0]
        if out.setdefault("event_type", kind) != kind:
            raise InputError(f"fields.event_type: {sub!r} is a sub-type of {kind!r}, "
                             f"not of {out['event_type']!r}")  # fmt: skip
    elif "event_type" in out:
        types = sorted({t for t, _ in known.values()})
        if out["event_type"] not in types:
            raise InputError(f"fields.event_type: must be one of {', '.join(types)} "
                             f"(got {out['event_type']!r})")  # fmt: skip
        if known.get(current.sub_event_type, ("",))[0] != out["event_type"]:
            raise InputError(f"fields.event_type: the event's sub-event type "
                             f"{current.sub_event_type!r} is not one of {out['event_type']!r}; "
                             "give sub_event_type too")  # fmt: skip
    return out


def check_note(who: str | None, why: str | None) -> tuple[str, str]:
    """``who`` and ``why`` of a correction, checked: a reason is required."""
    why = (why or "").strip()
    if not why:
        raise InputError("why: say why (a correction keeps its reason in the history)")
    if len(why) > MAX_WHY:
        raise InputError(f"why: at most {MAX_WHY} characters")
    who = (who or "").strip() or "unknown"
    if len(who) > MAX_WHO:
        raise InputError(f"who: at most {MAX_WHO} characters")
    return who, why


@dataclass(slots=True)
class State:
    """The corrections of one event, folded in order: the fields set (the last value of
    each wins), who set each, and the last verdict."""

    fields: dict[str, Any] = field(default_factory=dict)
    by: dict[str, str] = field(default_factory=dict)
    review: str | None = None


def state_of(db: Database, event_id: str) -> State:
    """The corrections of ``event_id``, folded (an empty State when it has none)."""
    state = State()
    for row in db.query(
        "SELECT kind, data, who FROM corrections WHERE event_id = ? ORDER BY n", (event_id,)
    ):
        data = json.loads(row["data"])
        if row["kind"] == "fields":
            state.fields.update(data["fields"])
            state.by.update(dict.fromkeys(data["fields"], row["who"]))
        elif row["kind"] == "status":
            state.review = data["status"]
    return state


def apply(event: Event, state: State, n_sources: int) -> Event:
    """Lay ``state`` over a merged event recomputed from its sources (in place)."""
    for name, value in state.fields.items():
        setattr(event, name, value)
    typed = state.by.get("sub_event_type") or state.by.get("event_type")
    if typed is not None:
        event.disorder_type = taxonomy().get(event.sub_event_type, (None, None))[1]
        event.classified_by = f"person:{typed}"
    if {"inter1", "inter2"} & state.fields.keys():
        event.interaction = interaction(event.inter1, event.inter2)
    if "fatalities" in state.fields:
        # The person's figure is the figure: the sources' range and the merge's doubt
        # about a low one are settled (each source still shows its own toll).
        event.fatalities_low = event.fatalities_high = None
        event.flags = [f for f in event.flags if not f.startswith("fatalities:")]
    event.corrected = sorted(state.fields)
    event.review = state.review
    if "notes" not in state.fields and state.fields:
        event.notes = clusters.merged_notes(event, n_sources)
    return event


def record(db: Database, event_id: str, kind: str, data: dict[str, Any], who: str, why: str,
           version: str, now: str) -> None:  # fmt: skip
    """Append one correction to ``event_id``'s list (in the caller's transaction)."""
    rows = db.query("SELECT MAX(n) AS n FROM corrections WHERE event_id = ?", (event_id,))
    n = int(rows[0]["n"] or 0) + 1
    db.execute(
        "INSERT INTO corrections (event_id, n, kind, data, who, why, at, eventwire_version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, n, kind, json.dumps(data, ensure_ascii=False, sort_keys=True), who, why,
         now, version),
    )  # fmt: skip


def describe(fields: dict[str, Any], before: Event) -> str:
    """What a field correction changed, for the history: "fatalities 1 -> 23"."""
    return ", ".join(
        f"{name} {getattr(before, name)!r} -> {value!r}" for name, value in fields.items()
    )


class CorrectionsAPI:
    """Corrections on the store's events; mixed into ``Store`` (core.py)."""

    db: Database
    url: str

    if TYPE_CHECKING:  # defined by Store (core.py)

        def _refresh(self, event_id: str, reason: str, version: str, *, who: str | None = None,
                     why: str | None = None, force: bool = False) -> None: ...  # fmt: skip

        def _event_row(self, event_id: str) -> dict[str, Any]: ...

    def correct(
        self,
        event_id: str,
        *,
        fields: dict[str, Any] | None = None,
        status: str | None = None,
        why: str | None = None,
        who: str | None = None,
        version: str = "",
    ) -> str:
        """Set ``fields`` of an event and/or accept or reject it (``status``), as one new
        version; the event's canonical id.

        ``fields`` values are JSON values, checked (``check_value``); ``status`` is
        "accepted" or "rejected". Raises InputError (a bad field, value or reason),
        NotFoundError (no such event) or ConflictError (rejecting a rejected event,
        accepting an accepted one); in each case nothing is written.
        """
        if not fields and status is None:
            raise InputError("nothing to correct: give fields, or a status")
        if status is not None and status not in STATUSES:
            raise InputError(f"status: must be one of {', '.join(STATUSES)} (got {status!r})")
        who, why = check_note(who, why)
        checked = {name: check_value(name, value) for name, value in (fields or {}).items()}
        with self.db.transaction():
            row = self._event_row(event_id)
            event_id = row["id"]
            current = Event.from_dict(json.loads(row["data"]))
            checked = check_types(checked, current)
            now = now_iso()
            said = []
            if status is not None:
                if row["review"] == status:
                    raise ConflictError(f"event {event_id} is already {status}")
                record(self.db, event_id, "status", {"status": status}, who, why, version, now)
                said.append(status)
            if checked:
                record(self.db, event_id, "fields", {"fields": checked}, who, why, version, now)
                said.append("corrected: " + describe(checked, current))
            self._refresh(event_id, f"{'; '.join(said)} (by {who})", version, who=who, why=why,
                          force=True)  # fmt: skip
        return str(event_id)

    def corrections(self, event_id: str) -> list[dict[str, Any]]:
        """Every correction of an event, oldest first: kind, what, who, when, why."""
        return [
            {**r, "data": json.loads(r["data"])}
            for r in self.db.query(
                "SELECT n, kind, data, who, why, at, eventwire_version FROM corrections "
                "WHERE event_id = ? ORDER BY n",
                (event_id,),
            )
        ]

    def corrected_events(self) -> list[str]:
        """Ids of the events a person corrected, accepted or rejected, in storage order."""
        rows = self.db.query(
            "SELECT e.id FROM events e WHERE e.status = 'active' AND EXISTS (SELECT 1 FROM "
            "corrections c WHERE c.event_id = e.id AND c.kind IN ('fields', 'status')) "
            "ORDER BY e.seq"
        )
        return [r["id"] for r in rows]


def canonical_id(event_id: str) -> str:
    """Event ids are written in capitals (``SYR12``); any case is accepted."""
    return event_id.strip().upper()


def not_found(event_id: str, url: str) -> NotFoundError:
    return NotFoundError(f"no event {event_id!r} in {url}")
