"""Merging across articles: reports of one real event become one event with many sources.

>>> from eventwire.records import Event
>>> a = Event(event_date="2024-05-03", time_precision=1, date_status="explicit",
...           event_type="Battles", sub_event_type="Armed clash", country="Somalia",
...           location="Baidoa", geonameid=64536, latitude=3.11, longitude=43.65,
...           geo_precision=1, fatalities=4, evidence={"fatalities": []})
>>> b = Event(**{**a.as_dict(), "fatalities": 6})
>>> best_match(b, [("SOM1", a)]).event_id
'SOM1'
>>> combine([a, b], "SOM1").fatalities, combine([a, b], "SOM1").fatalities_high
(4, 6)

GDELT's best-known failure is counting reports instead of events. Here a new per-article
event is compared with the merged events of its *block* (the same country, event dates
within a window), and joins the best one that passes every test; otherwise it starts an
event of its own. Blocking keeps the cost linear in the length of the stream; each
decision keeps its evidence (which fields matched, the score) for ``eventwire why``.

The tests, in order (any veto keeps the events apart):

- event type: must be the same ACLED event type (+2), and the same sub-event type adds 1.
  Explosions/Remote violence sub-types name the weapon, so they must agree too (an
  airstrike and a roadside bomb in one town on one day are two events), except that an
  air strike and a missile or shelling attack may be one event told two ways; other
  types' sub-types are told differently by different reports (an attack and an abduction,
  a peaceful protest and one the police broke up) and only add to the score;
- date: within a window set by the coarser time precision: 1 day when both dates come
  from the text, 3 days when one is only the publication date (reports lag the event),
  7 for week and 31 for month precision (+2 for the same day, +1 for the next);
- place: both must be placed; the same gazetteer entry or name (+3), towns within
  ``TOWN_KM`` (+2), a region that contains the other's town (+1); two towns further
  apart, or two different regions, veto;
- actors: the same two sides, in either order (+1.5), else the same actor1 (+1), else the
  same actor2 where a report does not name who struck (+1); two named actors (not
  "Unidentified ...") with no side in common cost 1.

A pair is merged at ``THRESHOLD`` or more: a town-level match needs the same type and a
date within the window; a region-level report joins a town's event only with the same
type and a close date. Two strikes in different towns on one day stay apart (place veto);
two clashes a week apart in one town stay apart (date veto).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .actors import interaction
from .records import ACLED_COLUMNS, Event, event_notes

# A merge needs this score (see the module docstring for the points).
THRESHOLD = 4.0
# Two reports placing one event in "towns" this close are taken as the same place: a
# suburb, a checkpoint outside town, or a gazetteer's two entries for one town.
TOWN_KM = 10.0
# The widest date window (days) for each ACLED time precision (1 day, 2 week, 3 month).
WINDOW_DAYS = {1: 1, 2: 7, 3: 31}
# Reports dated only by their publication date lag the event by a day or two.
PUBLICATION_LAG_DAYS = 3
# How text-derived the date is: the best-founded date wins when sources are combined.
_DATE_RANK = {"explicit": 0, "relative": 1, "publication": 2}


@dataclass(slots=True)
class Match:
    """The decision for one per-article event: the event it joined (or None), and why."""

    event_id: str | None
    score: float = 0.0
    evidence: dict[str, str] = field(default_factory=dict)
    candidates: int = 0
    # Candidates that were ruled out, with the reason: kept for ``why``.
    rejected: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "score": self.score,
            "evidence": dict(self.evidence),
            "candidates": self.candidates,
            "rejected": dict(self.rejected),
        }


def block(event: Event) -> tuple[str, str, str] | None:
    """``(country, first date, last date)`` of the block to search, or None (no merge).

    >>> block(Event(country="Mali", event_date="2024-01-10", time_precision=1))
    ('Mali', '2024-01-07', '2024-01-13')

    Events without a country or a date are never merged: nothing bounds their block.
    """
    day = _date(event.event_date)
    if not event.country or day is None:
        return None
    days = _window(event, event)
    # The other side's precision is not known yet: search wide enough for a lagging
    # publication date on either side; ``compare`` applies the exact window.
    days = max(days, PUBLICATION_LAG_DAYS)
    return (
        event.country,
        (day - dt.timedelta(days=days)).isoformat(),
        (day + dt.timedelta(days=days)).isoformat(),
    )


def compare(new: Event, old: Event) -> tuple[float, dict[str, str], str | None]:
    """Score, evidence and veto (None when allowed) for merging ``new`` into ``old``."""
    evidence: dict[str, str] = {}
    if new.event_type != old.event_type:
        return 0.0, evidence, f"event type differs ({new.event_type} / {old.event_type})"
    if new.event_type in _WEAPON_TYPES and not _same_weapon(new.sub_event_type, old.sub_event_type):
        return 0.0, evidence, f"weapons differ ({new.sub_event_type} / {old.sub_event_type})"
    score = 2.0
    evidence["event_type"] = f"same: {new.event_type}"
    if new.sub_event_type == old.sub_event_type:
        score += 1
        evidence["sub_event_type"] = f"same: {new.sub_event_type}"

    d1, d2 = _date(new.event_date), _date(old.event_date)
    if d1 is None or d2 is None:
        return score, evidence, "no date to compare"
    gap, window = abs((d1 - d2).days), _window(new, old)
    if gap > window:
        return score, evidence, f"dates {gap} days apart (window {window})"
    score += 2 if gap == 0 else 1 if gap == 1 else 0
    evidence["event_date"] = "same day" if gap == 0 else f"{gap} day(s) apart (window {window})"

    points, why, veto = _place(new, old)
    if veto:
        return score, evidence, veto
    score += points
    evidence["place"] = why

    sides_new = {a for a in (new.actor1, new.actor2) if a}
    sides_old = {a for a in (old.actor1, old.actor2) if a}
    if new.actor1 and new.actor2 and sides_new == sides_old:
        # The same two sides, in either order: which side a report names first is
        # arbitrary in a clash ("troops clashed with X" / "X attacked troops").
        score += 1.5
        evidence["actors"] = f"same sides: {' / '.join(sorted(sides_new))}"
    elif new.actor1 and new.actor1 in sides_old:
        score += 1
        evidence["actor1"] = f"same: {new.actor1}"
    elif new.actor2 and new.actor2 == old.actor2 and not (
        _named(new.actor1) and _named(old.actor1)
    ):
        # The same side hit, and one report does not name who struck.
        score += 1
        evidence["actor2"] = f"same: {new.actor2}"
    elif _named(new.actor1) and _named(old.actor1) and not sides_new & sides_old:
        score -= 1
        evidence["actors"] = f"differ: {new.actor1} / {old.actor1}"
    return score, evidence, None


def best_match(
    new: Event, candidates: list[tuple[str, Event]], prefer: str | None = None
) -> Match:
    """The candidate ``new`` should join (highest score at or over THRESHOLD), or none.

    Ties go to the earlier candidate, so decisions do not depend on dict order. An id may
    come more than once (an event as a person corrected it, and as its sources tell it):
    it passes when any of its versions does. ``prefer`` (the event a re-coded report
    belonged to) wins whenever it passes, so that re-coding does not move a report to
    another event that scores a little higher.
    """
    match = Match(event_id=None, candidates=len({i for i, _ in candidates}))
    passed: dict[str, tuple[float, dict[str, str]]] = {}
    for event_id, old in candidates:
        score, evidence, veto = compare(new, old)
        if veto is None and score < THRESHOLD:
            veto = f"score {score:g} under {THRESHOLD:g}"
        if veto is not None:
            match.rejected.setdefault(event_id, veto)
        elif event_id not in passed or score > passed[event_id][0]:
            passed[event_id] = (score, evidence)
    best = -math.inf
    for event_id, (score, evidence) in passed.items():
        match.rejected.pop(event_id, None)
        if score > best or event_id == prefer:
            best = math.inf if event_id == prefer else score
            match.event_id, match.score, match.evidence = event_id, score, evidence
    return match


def combine(members: list[Event], event_id: str) -> Event:
    """One merged event from its per-article versions, first source first.

    - type and actors: the most common among sources (ties: the earliest source), the
      type with what classified it in its first source;
    - date: from the best-founded dates (explicit, then relative, then publication),
      the most common, ties to the earliest day;
    - place: the most precise one (lowest geo_precision, ties: the earliest source);
    - fatalities: ACLED's conservative rule, the lowest figure any source states; when
      sources disagree, ``fatalities_low``/``fatalities_high`` give the range. A source
      that states no toll does not count as saying zero. Injuries likewise. A source far
      below every other one (``far_below``: a misread "Thirty-one" taken as 1) does not
      pull the figure down: it is left out of the figure and the range, and named in
      ``flags`` for a person to review (each source keeps its own toll in the store).

    ``evidence`` is left empty: spans point into one article's text, so each source's
    evidence stays with that source (``Store.get_event``).
    """
    if not members:
        raise ValueError("an event needs at least one source")
    first = members[0]
    merged = Event.from_dict(first.as_dict())
    merged.event_id = event_id

    kind = _vote([(m.event_type, m.sub_event_type) for m in members])
    typed = next(m for m in members if (m.event_type, m.sub_event_type) == kind)
    # The type comes with what decided it (the first source that gave that type).
    for name in (
        "event_type", "sub_event_type", "disorder_type", "civilian_targeting", "classified_by",
    ):  # fmt: skip
        setattr(merged, name, getattr(typed, name))
    side1 = _vote([(m.actor1, m.assoc_actor_1, m.inter1) for m in typed_like(members, kind)])
    side2 = _vote([(m.actor2, m.assoc_actor_2, m.inter2) for m in typed_like(members, kind)])
    merged.actor1, merged.assoc_actor_1, merged.inter1 = side1
    merged.actor2, merged.assoc_actor_2, merged.inter2 = side2
    merged.interaction = interaction(merged.inter1, merged.inter2)

    dated = [m for m in members if m.event_date]
    if dated:
        rank = min(_DATE_RANK.get(m.date_status, 3) for m in dated)
        best = [m for m in dated if _DATE_RANK.get(m.date_status, 3) == rank]
        day = _vote(sorted(m.event_date for m in best if m.event_date))
        when = next(m for m in best if m.event_date == day)
        merged.event_date, merged.time_precision = when.event_date, when.time_precision
        merged.date_status, merged.date_text = when.date_status, when.date_text

    placed = [m for m in members if m.location or m.country]
    if placed:
        where = min(placed, key=lambda m: (m.geo_precision or 9, 0 if m.location else 1))
        for name in _PLACE_FIELDS:
            setattr(merged, name, getattr(where, name))

    counted, outliers = split_outliers(members)
    merged.fatalities, merged.fatalities_low, merged.fatalities_high = _tally(counted)
    merged.flags = _inferred_flags(merged, members) + [
        _outlier_flag(m, counted) for m in outliers
    ]
    injuries = [m.injuries for m in members if m.injuries is not None]
    merged.injuries = min(injuries) if injuries else None
    merged.confidence = max(m.confidence for m in members)
    sources: list[str] = []
    for m in members:
        for s in m.sources:
            if s not in sources:
                sources.append(s)
    merged.sources = sources
    merged.evidence = {}
    merged.notes = merged_notes(merged, len(members))
    return merged


def typed_like(members: list[Event], kind: tuple[Any, ...]) -> list[Event]:
    """The members coded with the winning (type, sub-type); actors are voted among them."""
    return [m for m in members if (m.event_type, m.sub_event_type) == kind]


# -- helpers ----------------------------------------------------------------------------

# Event types whose sub-types name the weapon, and weapons that reports confuse.
_WEAPON_TYPES = frozenset({"Explosions/Remote violence"})
_CONFUSED_WEAPONS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})


def _same_weapon(a: str, b: str) -> bool:
    return a == b or (a in _CONFUSED_WEAPONS and b in _CONFUSED_WEAPONS)


# ACLED's place columns, iso to geo_precision, and the GeoNames id.
_PLACE_FIELDS = (
    *ACLED_COLUMNS[ACLED_COLUMNS.index("iso") : ACLED_COLUMNS.index("geo_precision") + 1],
    "geonameid",
)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _window(a: Event, b: Event) -> int:
    precision = max(a.time_precision or 1, b.time_precision or 1)
    days = WINDOW_DAYS.get(precision, WINDOW_DAYS[3])
    if precision == 1 and "publication" in (a.date_status, b.date_status):
        days = PUBLICATION_LAG_DAYS
    return days


def _town_level(e: Event) -> bool:
    return e.location is not None and e.geo_precision in (1, 2) and e.location != e.country


def _norm(name: str | None) -> str:
    return " ".join((name or "").lower().replace("-", " ").split())


def _place(new: Event, old: Event) -> tuple[float, str, str | None]:
    if not (new.location or new.admin1) or not (old.location or old.admin1):
        return 0, "", "no place to compare"
    if new.geonameid is not None and new.geonameid == old.geonameid:
        return 3, f"same place: {new.location}", None
    if _town_level(new) and _town_level(old):
        if _norm(new.location) == _norm(old.location):
            return 3, f"same place: {new.location}", None
        km = _km(new, old)
        if km is not None and km <= TOWN_KM:
            return 2, f"{new.location} and {old.location} {km:.1f} km apart", None
        apart = f" ({km:.0f} km apart)" if km is not None else ""
        return 0, "", f"different towns: {new.location} / {old.location}{apart}"
    # At least one side is only a region (or a country): compatible when the regions agree.
    if new.admin1 and old.admin1:
        if _norm(new.admin1) == _norm(old.admin1):
            return 1, f"same region: {new.admin1}", None
        return 0, "", f"different regions: {new.admin1} / {old.admin1}"
    return 0, "", "places not comparable"


def _km(a: Event, b: Event) -> float | None:
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    lat1, lon1, lat2, lon2 = (
        math.radians(v) for v in (a.latitude, a.longitude, b.latitude, b.longitude)
    )
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _named(actor: str | None) -> bool:
    return actor is not None and not actor.startswith(("Unidentified", "Civilians", "Protesters"))


def _vote(values: list[Any]) -> Any:
    """The most common value; ties go to the one seen first."""
    counts = Counter(values)
    top = max(counts.values())
    return next(v for v in values if counts[v] == top)


# A source's toll is "far below" the others when the lowest of the others is at least
# FAR_RATIO times it and FAR_GAP more: 1 against 23 is (a misread number, a count of one
# place only), 4 against 6 or 10 against 14 is not (reports of one event differ that much).
FAR_RATIO = 3
FAR_GAP = 5


def far_below(toll: int, others: list[int]) -> bool:
    """Whether ``toll`` is far below every one of ``others`` (see FAR_RATIO and FAR_GAP).

    >>> far_below(1, [23, 25]), far_below(4, [6]), far_below(1, [2, 23])
    (True, False, False)
    """
    if not others:
        return False
    low = min(others)
    return low >= FAR_RATIO * toll and low - toll >= FAR_GAP


def split_outliers(members: list[Event]) -> tuple[list[Event], list[Event]]:
    """The members whose toll counts, and those far below all the others (flagged)."""
    stated = [m for m in members if _states_toll(m)]
    if len(stated) < 2:
        return members, []
    outliers = []
    for m in stated:
        others = [o.fatalities for o in stated if o is not m]
        if far_below(m.fatalities, others):
            outliers.append(m)
    return [m for m in members if not any(m is o for o in outliers)], outliers


def _inferred_flags(merged: Event, members: list[Event]) -> list[str]:
    """The members' flags of a side inferred, not read ("actor1: inferred, a side of the
    Donbas contact line"), kept where no member read that side in its text."""
    out: list[str] = []
    for slot in ("actor1", "actor2"):
        same = [m for m in members if getattr(m, slot) == getattr(merged, slot)]
        said = [next((f for f in m.flags if f.startswith(f"{slot}:")), None) for m in same]
        if same and all(said) and said[0] is not None:
            out.append(said[0])
    return out


def _outlier_flag(member: Event, counted: list[Event]) -> str:
    others = sorted(m.fatalities for m in counted if _states_toll(m))
    source = member.sources[0] if member.sources else "?"
    return (f"fatalities: source {source} gives {member.fatalities}, far below the others "
            f"({', '.join(map(str, others))}); left out of the toll until reviewed")  # fmt: skip


def _states_toll(m: Event) -> bool:
    return "fatalities" in m.evidence or bool(m.fatalities)


def _tally(members: list[Event]) -> tuple[int, int | None, int | None]:
    """Fatalities, low and high: the lowest stated figure, and the range when they differ."""
    stated = [m for m in members if _states_toll(m)]
    if not stated:
        return 0, None, None
    lows = [m.fatalities_low if m.fatalities_low is not None else m.fatalities for m in stated]
    highs = [m.fatalities_high if m.fatalities_high is not None else m.fatalities for m in stated]
    figure = min(m.fatalities for m in stated)
    low, high = min(lows), max(highs)
    return (figure, low, high) if low != high else (figure, None, None)


def merged_notes(ev: Event, n_sources: int) -> str:
    """The ``notes`` sentence of a merged event (recomputed after a person's corrections)."""
    # The per-article sentence (records.event_notes), told of the merged record, plus what
    # merging adds: the sources' range of tolls and how many reported it.
    extra = []
    if ev.fatalities_high is not None:
        extra.append(f"sources give {ev.fatalities_low} to {ev.fatalities_high} killed")
    extra.append("1 source" if n_sources == 1 else f"{n_sources} sources")
    return f"{event_notes(ev).rstrip('.')} ({'; '.join(extra)})."
