"""One Event from a draft: its place and date, its sides, its tolls, its type (the
classification cards), and the evidence of each field.

>>> event, verdict = build_event(draft, doc, article, None, places, 0)   # doctest: +SKIP
>>> event.sub_event_type, event.classified_by                           # doctest: +SKIP
('Air/drone strike', 'rule:weapon')
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .. import actors as act
from ..actor_tables import home_division
from ..dates import DateMention
from ..former_divisions import former_admin1
from ..gazetteer import Gazetteer
from ..lexicon import parsed_text, taxonomy
from ..place_lexicon import PlaceMention
from ..placement import named_division
from ..records import Article, Event, Place, Span, event_notes
from .cards import Situation
from .classification import classify
from .frontlines import Spot, front_fire, front_sides, operation_sides
from .gangs import member_hit, name_gangs
from .learned import Decider, confidence
from .parties import Sides, gainer_first, pick_sides, settle_sides
from .records import Draft, Verdict
from .responsibility import Statement, assign_responsibility
from .setting import Setting, locate
from .shares import EventTolls, Split, event_tolls

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc

Evidence = dict[str, list[Span]]


def build_event(
    draft: Draft,
    doc: Doc,
    article: Article,
    fallback: Place | None,
    all_places: list[PlaceMention],
    index: int,
    all_dates: Sequence[DateMention] = (),
    votes: Counter[str] | None = None,
    splits: Sequence[Split] = (),
    decide: Decider | None = None,
    claims: Sequence[Statement] = (),
) -> tuple[Event, Verdict] | None:
    """One Event from a draft with the verdict that classified it, or None when the
    draft is no event after all. ``index`` is the draft's place in its article (for
    the event id); ``fallback``, ``votes`` and ``splits`` are the article's
    (``assemble``); ``decide`` is the classifier's say after the cards'
    (``coding/learned.py``); ``claims`` what the article says of who did it."""
    where = locate(draft, article.published, fallback, all_places, all_dates, votes, article.text)
    context = (where.country, where.iso2, where.year)
    sides = pick_sides(draft, doc, context)
    tolls = event_tolls(draft, splits, where.place)
    verdict = classify(
        Situation(draft, doc, sides.actor1, sides.actor2, tolls.killed, sides.gainer)
    )
    if decide is not None:
        verdict = decide(
            draft, doc, verdict, sides.actor1, sides.actor2, tolls.killed, tolls.injured
        )
    sub = verdict.sub_event_type
    gainer_first(sides, sub)
    if sub is None:
        return None
    assign_responsibility(sides, draft, doc, claims, sub, context)
    settle_sides(sides, draft, doc, sub, context)
    name_gangs(sides, draft, doc, where.iso2)
    sub, verdict = _conventions(sides, draft, doc, where, verdict)
    text = article.text
    inferred = front_sides(sides, sub, context, _spot(where, text), text)
    inferred += operation_sides(sides, context, where.place.admin1 if where.place else None)
    ev = Event()
    ev.flags = inferred
    evidence: Evidence = {}
    _type(ev, evidence, text, draft, sub)
    _actors(ev, evidence, text, sides)
    _date(ev, evidence, text, where, article.published)
    place_evidence = _place(ev, text, where)
    _former_division(ev, where.place.iso2 if where.place is not None else None)
    if not where.inherited:
        evidence.update(place_evidence)
    _tolls(ev, evidence, text, tolls)
    ev.evidence = evidence
    ev.sources = [article.id] if article.id else []
    ev.confidence = confidence(_confidence(draft, ev), verdict)
    ev.classified_by = verdict.classified_by
    # A place taken from elsewhere in the article is evidence, but not a sign that the
    # event itself was told plainly: it joins after the confidence is reckoned.
    evidence.update(place_evidence)
    ev.notes = event_notes(ev)
    basis = f"{article.id}|{hashlib.sha1(text.encode('utf-8', 'replace')).hexdigest()[:12]}|{index}"
    ev.event_id = "EW" + hashlib.sha1(basis.encode()).hexdigest()[:12].upper()
    return ev, verdict


def _conventions(
    sides: Sides, draft: Draft, doc: Doc, where: Setting, verdict: Verdict
) -> tuple[str, Verdict]:
    """ACLED's regional conventions that recode the type the cards and the model gave: a
    gang's member hit in Mexico or Brazil, small arms heard (or not) on a front line. The
    verdict then names the convention as the rule that decided."""
    sub = verdict.sub_event_type or ""
    context = (where.country, where.iso2, where.year)
    recoded = member_hit(sides, draft, doc, where.iso2, sub)
    if recoded != sub:
        return recoded, replace(verdict, sub_event_type=recoded, card="gang_member_hit", model=None)
    fought = verdict.votes.get("Armed clash", 0.0) >= 0.8  # "clashed", "exchanged fire"
    shelled = verdict.votes.get("Shelling/artillery/missile attack", 0.0) > 0  # "fired mortars"
    spot = _spot(where, parsed_text(doc))
    recoded = front_fire(sub, draft, doc, context, spot, (fought, shelled))
    if recoded != sub:
        return recoded, replace(verdict, sub_event_type=recoded, card="front_fire", model=None)
    return sub, verdict


_NUMBERED = re.compile(r"-\d{1,2}\b")


def _spot(where: Setting, text: str) -> Spot:
    """The event's division and the names of its place, for the front it lies on: as the
    text writes it first, with the number a mining settlement carries ("Zolote-5", which
    the scan reads as Zolote), then as the gazetteer does ("Zolote")."""
    on, told = where.place, where.mention
    names = []
    if told is not None:
        numbered = _NUMBERED.match(text, told.end) if told.end <= len(text) else None
        names = [told.text + numbered.group()] if numbered else [told.text]
    if on is not None and on.location and on.location not in names:
        names.append(on.location)
    return (on.admin1 if on else None), tuple(names)


def _type(ev: Event, evidence: Evidence, text: str, draft: Draft, sub: str) -> None:
    """The ACLED type fields, with every trigger of the tellings as their evidence."""
    event_type, disorder = taxonomy()[sub]
    ev.event_type, ev.sub_event_type, ev.disorder_type = event_type, sub, disorder
    triggers = [h for f in draft.frames for h in f.triggers]
    evidence["event_type"] = evidence["sub_event_type"] = [
        _span(text, h.start, h.end) for h in triggers
    ]


def _actors(ev: Event, evidence: Evidence, text: str, sides: Sides) -> None:
    """The actor fields, the interaction, and whether civilians were targeted."""
    ev.assoc_actor_1, ev.assoc_actor_2 = sides.assoc1, sides.assoc2
    if sides.actor1:
        ev.actor1, ev.inter1 = sides.actor1.name, sides.actor1.inter
        if sides.mention1:
            evidence["actor1"] = [_span(text, sides.mention1.start, sides.mention1.end)]
    if sides.actor2:
        ev.actor2, ev.inter2 = sides.actor2.name, sides.actor2.inter
        if sides.mention2:
            evidence["actor2"] = [_span(text, sides.mention2.start, sides.mention2.end)]
    ev.interaction = act.interaction(ev.inter1, ev.inter2)
    if ev.event_type == "Violence against civilians" or (
        ev.inter2 == act.CIVILIANS and ev.event_type == "Explosions/Remote violence"
    ):
        ev.civilian_targeting = "Civilian targeting"


def _date(ev: Event, evidence: Evidence, text: str, where: Setting, published: str | None) -> None:
    """The date fields: the text's date, else an unresolved one as written, else the
    publication date."""
    date = where.date
    if date is not None and date.date:
        ev.event_date, ev.time_precision, ev.date_status = date.date, date.precision, date.status
        evidence["event_date"] = [_span(text, date.start, date.end)]
    elif date is not None:
        ev.date_status, ev.date_text = "unresolved", date.text
        ev.time_precision = date.precision
        evidence["date_text"] = [_span(text, date.start, date.end)]
    elif published:
        ev.event_date, ev.time_precision, ev.date_status = published[:10], 1, "publication"
    else:
        ev.date_status = "unknown"


_PLACE_KEYS = ("location", "country", "admin1", "latitude", "longitude", "geo_precision")


def _place(ev: Event, text: str, where: Setting) -> Evidence:
    """The place fields; returns their evidence (the caller decides when it counts)."""
    place, pm = where.place, where.mention
    evidence: Evidence = {}
    if place is None:
        return evidence
    alone = place.kind == "country" and place.admin1 is None
    home = _home_place(ev, place.iso2) if alone else None
    if alone and home is None and (pm is None or pm.qualifier is None):
        home = named_division(text, place.iso2)  # "Haryana Congress workers"
    if home is not None:
        place = home[1]
    ev.country, ev.iso, ev.admin1 = place.country, place.iso, place.admin1
    ev.admin2, ev.admin3, ev.location = place.admin2, place.admin3, place.location
    ev.latitude, ev.longitude = place.latitude, place.longitude
    ev.geo_precision, ev.geonameid = place.geo_precision, place.geonameid
    if home is not None:
        ev.flags = [*ev.flags, f"admin1: the division of {home[0]}, the event placed by "
                    f"{place.country} alone"]
    elif alone and (pm is None or pm.qualifier is None):
        # Placed by its country alone, the event stands at the capital (precision 3), as
        # ACLED codes it: the capital's division too, said in the flags ("north of
        # Burkina Faso" is no part of it).
        ev.admin1 = Gazetteer.default().capital_admin1(place.iso2)
        if ev.admin1 is not None:
            said = f"admin1: the capital's, the event placed by {place.country} alone"
            ev.flags = [*ev.flags, said]
    if pm is None:
        return evidence
    s = pm.qualifier_start if pm.qualifier_start is not None else pm.start
    e = pm.qualifier_end if pm.qualifier_end is not None else pm.end
    spans = [_span(text, s, e)]
    # A village the gazetteer lacks is placed by the place the text puts it in.
    around = (
        [_span(text, pm.container.start, pm.container.end)] if pm.container is not None else spans
    )
    for key in _PLACE_KEYS:
        if getattr(ev, key) is not None:
            evidence[key] = spans if key in ("location", "geo_precision") else around
    return evidence


def _former_division(ev: Event, iso2: str | None) -> None:
    """The first-level division of the event's day where it has since been replaced
    (Nepal's development regions before 2018), said in the flags."""
    lat, lon = ev.latitude, ev.longitude
    point = (lat, lon) if lat is not None and lon is not None else None
    former = former_admin1(iso2, ev.event_date, ev.admin1, ev.admin2, ev.location, point)
    if former is None:
        return
    said = f"admin1: {former.name}, the division of the event's day (until {former.until})"
    ev.admin1, ev.flags = former.name, [*ev.flags, said]


def _home_place(ev: Event, iso2: str | None) -> tuple[str, Place] | None:
    """(actor, its home division at its seat) for the first side or associate that is a
    regional party of country ``iso2`` ("DMK workers": Tamil Nadu), or None."""
    names = [ev.actor1, ev.actor2, *(ev.assoc_actor_1 or "").split("; "),
             *(ev.assoc_actor_2 or "").split("; ")]  # fmt: skip
    for name in names:
        home = home_division(name, iso2)
        place = Gazetteer.default().admin1_place(iso2, home) if home and iso2 else None
        if name and place is not None:
            return name, place
    return None


def _tolls(ev: Event, evidence: Evidence, text: str, tolls: EventTolls) -> None:
    """Fatalities (with the range when the tellings differ) and injuries."""
    ev.fatalities = tolls.killed if tolls.killed is not None else 0
    if tolls.killed_toll is not None:
        evidence["fatalities"] = [_span(text, tolls.killed_toll.start, tolls.killed_toll.end)]
        low, high = tolls.killed_low, tolls.killed_high
        if low is not None and high is not None and low != high:
            ev.fatalities_low, ev.fatalities_high = low, high
    if tolls.injured is not None:
        ev.injuries = tolls.injured
        if tolls.injured_toll is not None:
            evidence["injuries"] = [_span(text, tolls.injured_toll.start, tolls.injured_toll.end)]


def _confidence(draft: Draft, ev: Event) -> float:
    """0-1 from how plainly the text states the event and how many fields it fills.

    Weights are a judgment, not fitted: the trigger's own strength counts most, then the
    number of tellings, then whether the actors, place and date were found in the text.
    """
    weight = max(h.entry.weight for f in draft.frames for h in f.triggers)
    tellings = min(1.0, len(draft.frames) / 3)
    filled = sum(k in ev.evidence for k in ("actor1", "location", "event_date", "fatalities")) / 4
    return round(0.5 * weight + 0.2 * tellings + 0.3 * filled, 3)


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])
