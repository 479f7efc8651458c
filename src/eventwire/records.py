"""Typed records that flow through the pipeline and out of it.

Event fields keep ACLED's column names and order (see ``ACLED_COLUMNS``), so JSON, CSV
and database rows all go through ``as_dict``/``from_dict`` here and nowhere else.

>>> s = Span.of("US forces struck", 0, 9)
>>> s.as_dict()
{'start': 0, 'end': 9, 'text': 'US forces'}
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any

# ACLED's export header, in ACLED's order (ACLED Codebook 2023, "event_id_cnty" ...
# "timestamp"); ``eventwire extract --format csv`` writes exactly these columns.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)


# Values that need no conversion: most of a record's fields. Tested first, because the
# store and the worker processes convert every event and span (bench/README.md: the
# writer's own time was mostly this function and ``dataclasses.fields``).
_SCALARS = (str, int, float, type(None))


def _plain(value: Any) -> Any:
    """Turn nested records into JSON-ready values."""
    if isinstance(value, _SCALARS):
        return value
    if hasattr(value, "as_dict"):
        return value.as_dict()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


# Field names per record class, looked up once (``dataclasses.fields`` builds a tuple of
# Field objects at every call).
_FIELDS: dict[type, tuple[tuple[str, ...], frozenset[str]]] = {}


def _field_names(cls: type) -> tuple[tuple[str, ...], frozenset[str]]:
    names = _FIELDS.get(cls)
    if names is None:
        ordered = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
        names = _FIELDS[cls] = (ordered, frozenset(ordered))
    return names


class Record:
    """Shared ``as_dict``/``from_dict`` for the dataclasses below."""

    __slots__ = ()

    def as_dict(self) -> dict[str, Any]:
        return {n: _plain(getattr(self, n)) for n in _field_names(type(self))[0]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]):  # type: ignore[no-untyped-def]
        names = _field_names(cls)[1]
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(slots=True)
class Span(Record):
    """Characters ``start:end`` of the source text; ``text`` is always ``source[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        return cls(start, end, source[start:end])


@dataclass(slots=True)
class Article(Record):
    """One news article as read from its source."""

    text: str
    id: str = ""
    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None
    language: str | None = None
    # The country the source is about, as the user said (a feed's, a JSONL line's, or
    # ``--country``): a clue weighed with the text's own, never over them.
    country: str | None = None
    # Reasons the input was changed on the way in (cut to a length, HTML stripped, ...).
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Actor(Record):
    """An actor resolved against the dictionary, or kept as written."""

    name: str
    inter: int = 0
    country: str | None = None
    known: bool = True  # False: a named group the dictionary lacks, kept as written
    span: Span | None = None


@dataclass(slots=True)
class Place(Record):
    """A gazetteer entry an event is placed at."""

    location: str
    country: str | None = None
    iso: int | None = None
    iso2: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    kind: str = "town"  # town, admin1, country, region


@dataclass(slots=True)
class Event(Record):
    """One event, ACLED columns first (in ACLED's order), then eventwire's additions."""

    event_id: str = ""
    event_date: str | None = None
    time_precision: int | None = None
    disorder_type: str | None = None
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    iso: int | None = None
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int = 0
    # Beyond ACLED.
    injuries: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    date_status: str = "unknown"  # explicit, relative, publication, unresolved, unknown
    date_text: str | None = None
    geonameid: int | None = None
    sources: list[str] = field(default_factory=list)
    evidence: dict[str, list[Span]] = field(default_factory=dict)
    confidence: float = 0.0
    # What decided the sub-event type: "rule:<card>" (coding/cards.py) or
    # "model:<name> <probability>" (the classifier, coding/learned.py).
    classified_by: str | None = None
    notes: str = ""
    # Set by the store, never by extraction: a person's verdict ("accepted", "rejected";
    # None: not reviewed), the fields a person corrected (store/corrections.py), and what
    # the merge asks a person to look at ("fatalities: ..." when a source is far below).
    review: str | None = None
    corrected: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        event = super(Event, cls).from_dict(data)
        event.evidence = {
            k: [s if isinstance(s, Span) else Span.from_dict(s) for s in spans]
            for k, spans in (data.get("evidence") or {}).items()
        }
        return event

    def acled_row(self, source: str = "") -> dict[str, Any]:
        """This event as one ACLED CSV row (ACLED's columns, in order)."""
        row: dict[str, Any] = {c: "" for c in ACLED_COLUMNS}
        mine = self.as_dict()
        for c in ACLED_COLUMNS:
            if mine.get(c) is not None:
                row[c] = mine[c]
        row["event_id_cnty"] = self.event_id
        row["year"] = (self.event_date or "")[:4]
        row["source"] = source or "; ".join(self.sources)
        return row


def _spans_from_dict(data: dict[str, Any]) -> dict[str, list[Span]]:
    """An ``evidence`` mapping read back from JSON: field -> list of Span."""
    return {
        k: [s if isinstance(s, Span) else Span.from_dict(s) for s in spans]
        for k, spans in (data.get("evidence") or {}).items()
    }


class _Evidenced(Record):
    """``from_dict`` that also turns the ``evidence`` spans back into Span records."""

    __slots__ = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]):  # type: ignore[no-untyped-def]
        record = super().from_dict(data)
        record.evidence = _spans_from_dict(data)
        return record


@dataclass(slots=True)
class Claim(_Evidenced):
    """A numeric statement that is not a single event ("more than 300 operatives captured
    in the past year"). ``value`` is the number as written (the low end of a range);
    ``qualifier`` is exact, at least, more than, less than, nearly, up to, about or range;
    ``counted`` what is counted, with the act ("ISIS operatives captured"); ``action`` the
    act's lemma ("capture"); ``actor`` who did it (an ACLED-style name); ``period`` the
    span of time as written; ``claimant`` who makes the claim, as written ("CENTCOM");
    ``report_date`` the article's date. ``evidence`` holds one span per field and telling.
    """

    value: int
    qualifier: str = "exact"
    low: int | None = None
    high: int | None = None
    counted: str = ""
    action: str | None = None
    actor: str | None = None
    period: str | None = None
    claimant: str | None = None
    report_date: str | None = None
    evidence: dict[str, list[Span]] = field(default_factory=dict)


@dataclass(slots=True)
class Quote(_Evidenced):
    """A quotation with its speaker, role and organisation (as written in the article).

    ``direct`` is False for reported speech ("CENTCOM stated that ..."), whose ``text`` is
    the reported clause; ``partial`` marks a quoted fragment inside the reporter's own
    sentence. ``attribution`` says how the speaker was found: before, after, pronoun,
    according_to, continued, indirect (None: no speaker).
    """

    text: str
    speaker: str | None = None
    role: str | None = None
    organisation: str | None = None
    direct: bool = True
    partial: bool = False
    attribution: str | None = None
    evidence: dict[str, list[Span]] = field(default_factory=dict)


# The relation types, read as "source relation target" (issue: claims, quotes, relations).
RELATION_TYPES: tuple[str, ...] = (
    "affiliated_with", "member_of", "leader_of", "linked_to", "allied_with", "part_of",
    "opposed_to",
)


@dataclass(slots=True)
class Relation(_Evidenced):
    """A typed tie between two actors ("an al-Qaeda-affiliated leader").

    ``relation`` is affiliated_with, member_of, leader_of, linked_to, allied_with, part_of
    or opposed_to, read as "source relation target". Each side has a type: person (a named
    person, kept as an actor with a role), group (an armed group or a state's forces, by
    its ACLED-style name), state (a country named as such) or unnamed (a definite
    description: "the ISIS gunman").
    """

    source: str
    relation: str
    target: str
    source_type: str = "group"
    target_type: str = "group"
    source_role: str | None = None
    target_role: str | None = None
    evidence: dict[str, list[Span]] = field(default_factory=dict)


@dataclass(slots=True)
class Result(Record):
    """What ``extract`` returns for one article: the JSON contract of DESIGN.md."""

    id: str = ""
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    # The text the evidence spans index, when it is not the caller's input itself (the
    # main text of an HTML page, a lone surrogate replaced); None: the input's own text.
    text: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Result:
        """A Result from its JSON form, with its events, claims, quotes and relations typed."""
        result = super(Result, cls).from_dict(data)
        result.events = [e if isinstance(e, Event) else Event.from_dict(e) for e in result.events]
        for name, kind in (("claims", Claim), ("quotes", Quote), ("relations", Relation)):
            items = getattr(result, name)
            # Their from_dict types the evidence spans too (_Evidenced).
            setattr(result, name, [x if isinstance(x, kind) else kind.from_dict(x) for x in items])
        return result


def event_notes(ev: Event) -> str:
    """The generated ``notes`` sentence of an event: when, who, what, where, the toll."""
    when = f"On {ev.event_date}" if ev.event_date else "On an unresolved date"
    who = ev.actor1 or "an unidentified actor"
    whom = f" against {ev.actor2}" if ev.actor2 else ""
    where = f" in {ev.location}" if ev.location else ""
    if ev.country and ev.location != ev.country:
        where += f", {ev.country}"
    toll = f" {ev.fatalities} killed" + (f", {ev.injuries} injured" if ev.injuries else "")
    return f"{when}, {who} ({ev.sub_event_type}){whom}{where}:{toll}."


def content_hash(text: str) -> str:
    """The article id: a hash of its text, so the same content is recognised anywhere.

    >>> content_hash("Two killed.")
    'e2473a8cf4bd9555d5b1e87e8162449c'
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]
