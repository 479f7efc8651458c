"""One Event from a draft: actors, type, place, date, tolls and the evidence of each field.

>>> build_event(draft, doc, article, None, places, 0).sub_event_type   # doctest: +SKIP
'Air/drone strike'
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from typing import Any

from .. import actors as act
from ..dates import DateMention
from ..lexicon import taxonomy
from ..records import Actor, Article, Event, Place, Span, event_notes
from .classification import classify
from .clues import people_held, victim_kinds
from .parties import assoc_names, is_teller
from .records import Draft, Toll, Verdict
from .setting import nearest_place, pick_date, pick_place, place_from_actors
from .shares import Split, split_for
from .tolls import conservative_count, draft_tolls


def build_event(
    draft: Draft,
    doc: Any,
    article: Article,
    fallback: Place | None,
    all_places: list[Any],
    index: int,
    all_dates: Sequence[DateMention] = (),
    votes: Counter[str] | None = None,
    splits: Sequence[Split] = (),
) -> tuple[Event, Verdict] | None:
    """One Event from a draft, or None when the draft is no event after all."""
    text = article.text
    ev = Event()
    evidence: dict[str, list[Span]] = {}
    pm = pick_place(draft, all_places)
    inherited = False
    if (
        pm is not None
        and fallback is not None
        and votes
        and pm.place.country != fallback.country
        and votes[fallback.country or ""] >= 2 * max(votes[pm.place.country or ""], 1.0)
    ):
        # One town abroad against an article that is plainly about another country: more
        # likely a namesake than a cross-border event; keep the country, not the town.
        pm = None
    if pm is None and fallback is not None:
        pm = nearest_place(draft, all_places, fallback.country)
        inherited = pm is not None
    place = pm.place if pm is not None else fallback
    if place is None:
        place = place_from_actors(draft)
    date = pick_date(draft)
    if date is None:
        # A date leading the sentence ("On 4 April 2019, ...") covers its clauses; failing
        # that, the last date given before the event's first telling.
        sentences = {(f.sent_start, f.sent_end) for f in draft.frames}
        near = [d for d in all_dates if any(s <= d.start < e for s, e in sentences)]
        before = [d for d in all_dates if d.start < draft.first and d.date]
        date = near[0] if near else (before[-1] if before else None)
    year = (
        int(date.date[:4])
        if date and date.date
        else (int(article.published[:4]) if article.published else None)
    )
    iso2 = place.iso2 if place else None
    country = place.country if place else None

    supporters = [a for f in draft.frames for a in f.supporters]
    allies_b = [a for f in draft.frames for a in f.allies_b]
    allies = [a for f in draft.frames for a in f.allies] + [
        a for a in supporters if a not in allies_b
    ]
    # The main clause's actors before those of a side remark ("backed by Coalition jets").
    ordered = sorted(draft.frames, key=lambda f: not f.main_clause)
    agents = [a for f in ordered for a in f.agents]
    patients = [a for f in ordered for a in f.patients]
    # Fighters before the civilians caught up in a fight.
    patients.sort(key=lambda a: a.entry is not None and a.entry.inter == act.CIVILIANS)
    # Names the dictionary lacks are kept only where the parse gives them a role; those who
    # only tell the news ("police said", "according to the army") are not in it.
    everyone = [
        a
        for f in draft.frames
        for a in f.actors
        if a not in allies and a not in allies_b and a.entry is not None and not is_teller(a, doc)
    ]
    a1m = agents[0] if agents else None
    a2m = next((p for p in patients if a1m is None or p.entry != a1m.entry), None)
    if a1m is None:
        rest = [a for a in everyone if a2m is None or a.entry != a2m.entry]
        rest.sort(key=lambda a: a.entry is None)  # dictionary actors before unknown names
        a1m = rest[0] if rest else None
    if a2m is None:
        a2m = next(
            (a for a in everyone if a1m is None or (a.entry != a1m.entry and a is not a1m)), None
        )
    actor1 = act.resolve(a1m, country, iso2, year) if a1m else None
    actor2 = act.resolve(a2m, country, iso2, year) if a2m else None
    if actor1 and actor2 and actor1.name == actor2.name:
        actor2, a2m = None, None
    victims = victim_kinds(draft)

    killed, k_low, k_high, k_toll = conservative_count(draft_tolls(draft, "killed"))
    split = split_for(splits, k_toll, killed, draft)
    if split is not None and place is not None:
        names = [place.location or ""] + [
            p.text for f in draft.frames for p in f.places if p.place is not None
        ]
        share = split.share(names, killed)
        if share is not None:
            killed, k_low, k_high = share, None, None
            k_toll = Toll("killed", share, None, None, split.start, split.end, -2, "total")
    injured, _, _, i_toll = conservative_count(draft_tolls(draft, "injured"))
    gainers = [g for f in draft.frames for g in f.gainers]
    gainer = act.resolve(gainers[0], country, iso2, year) if gainers else None
    verdict = classify(draft, doc, actor1, actor2, killed, gainer)
    sub = verdict.sub_event_type
    if (
        sub in ("Government regains territory", "Non-state actor overtakes territory")
        and gainer is not None
        and actor1 is not None
        and gainer.name != actor1.name
    ):
        # ACLED codes the side that gains territory as actor1.
        if actor2 is not None and actor2.name == gainer.name:
            actor2, a2m = actor1, a1m
        actor1, a1m = gainer, gainers[0]
    if sub is None:
        return None
    event_type, disorder = taxonomy()[sub]
    if sub in (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
        "Violent demonstration",
    ) and (actor1 is None or actor1.inter not in (act.PROTESTERS, act.RIOTERS)):
        # The demonstrators are actor1 of a demonstration; who they are goes to assoc_actor_1.
        kind = "Rioters" if event_type == "Riots" else "Protesters"
        assoc = (
            actor1
            if actor1 and actor1.inter not in (act.STATE, act.EXTERNAL, act.CIVILIANS)
            else None
        )
        if actor1 and actor1.inter in (act.STATE, act.EXTERNAL):
            actor2, a2m = actor1, a1m
        elif (actor2 is None or actor2.inter in (act.PROTESTERS, act.RIOTERS)) and sub != (
            "Peaceful protest"
        ):
            # "police fired tear gas to disperse the crowd": the force used on the crowd.
            force = next(
                (
                    a
                    for a in agents
                    if a.entry is not None and a.entry.kind in ("police", "military")
                ),
                None,
            )
            if force is not None:
                actor2, a2m = act.resolve(force, country, iso2, year), force
        actor1 = Actor(
            f"{kind} ({country or 'International'})",
            act.RIOTERS if kind == "Rioters" else act.PROTESTERS,
            country,
        )
        ev.assoc_actor_1 = assoc.name if assoc else None
        a1m = None
    if sub == "Peaceful protest":
        actor2 = None
    if sub == "Arrests" and actor2 is None and country and people_held(draft, doc):
        actor2 = Actor(f"Civilians ({country})", act.CIVILIANS, country)
    if (
        actor2 is None
        and victims["civilian"]
        and not victims["armed"]
        and country
        and event_type in ("Explosions/Remote violence", "Violence against civilians")
    ):
        actor2 = Actor(f"Civilians ({country})", act.CIVILIANS, country)
    if event_type == "Violence against civilians" and (actor2 is None or act.is_armed(actor2)):
        if actor2 is not None and actor1 is None:
            actor1, a1m = actor2, a2m
        actor2 = Actor(f"Civilians ({country or 'International'})", act.CIVILIANS, country)
        a2m = None
    if (
        actor1 is None
        and event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")
        and country
    ):
        actor1 = Actor(f"Unidentified Armed Group ({country})", act.POLITICAL_MILITIA, country)

    taken = {actor1.name if actor1 else None, actor2.name if actor2 else None}
    if allies and actor1 is not None and ev.assoc_actor_1 is None:
        ev.assoc_actor_1 = assoc_names(allies, taken, country, iso2, year)
    if allies_b and actor2 is not None:
        ev.assoc_actor_2 = assoc_names(allies_b, taken, country, iso2, year)
    ev.event_type, ev.sub_event_type, ev.disorder_type = event_type, sub, disorder
    triggers = [h for f in draft.frames for h in f.triggers]
    evidence["event_type"] = evidence["sub_event_type"] = [
        _span(text, h.start, h.end) for h in triggers
    ]
    if actor1:
        ev.actor1, ev.inter1 = actor1.name, actor1.inter
        if a1m:
            evidence["actor1"] = [_span(text, a1m.start, a1m.end)]
    if actor2:
        ev.actor2, ev.inter2 = actor2.name, actor2.inter
        if a2m:
            evidence["actor2"] = [_span(text, a2m.start, a2m.end)]
    ev.interaction = act.interaction(ev.inter1, ev.inter2)
    if event_type == "Violence against civilians" or (
        ev.inter2 == act.CIVILIANS and event_type == "Explosions/Remote violence"
    ):
        ev.civilian_targeting = "Civilian targeting"

    if date is not None and date.date:
        ev.event_date, ev.time_precision, ev.date_status = date.date, date.precision, date.status
        evidence["event_date"] = [_span(text, date.start, date.end)]
    elif date is not None:
        ev.date_status, ev.date_text = "unresolved", date.text
        ev.time_precision = date.precision
        evidence["date_text"] = [_span(text, date.start, date.end)]
    elif article.published:
        ev.event_date, ev.time_precision, ev.date_status = article.published[:10], 1, "publication"
    else:
        ev.date_status = "unknown"

    place_evidence: dict[str, list[Span]] = {}
    if place is not None:
        ev.country, ev.iso, ev.admin1, ev.admin2, ev.admin3 = (
            place.country,
            place.iso,
            place.admin1,
            place.admin2,
            place.admin3,
        )
        ev.location = place.location if place.kind != "region" else place.location
        ev.latitude, ev.longitude = place.latitude, place.longitude
        ev.geo_precision, ev.geonameid = place.geo_precision, place.geonameid
        if pm is not None:
            s = pm.qualifier_start if pm.qualifier_start is not None else pm.start
            e = pm.qualifier_end if pm.qualifier_end is not None else pm.end
            spans = [_span(text, s, e)]
            # A village the gazetteer lacks is placed by the place the text puts it in.
            around = (
                [_span(text, pm.container.start, pm.container.end)]
                if (pm.container is not None)
                else spans
            )
            for key in ("location", "country", "admin1", "latitude", "longitude", "geo_precision"):
                if getattr(ev, key) is not None:
                    place_evidence[key] = spans if key in ("location", "geo_precision") else around
            if not inherited:
                evidence.update(place_evidence)

    ev.fatalities = killed if killed is not None else 0
    if k_toll is not None:
        evidence["fatalities"] = [_span(text, k_toll.start, k_toll.end)]
        if k_low is not None and k_high is not None and k_low != k_high:
            ev.fatalities_low, ev.fatalities_high = k_low, k_high
    if injured is not None:
        ev.injuries = injured
        if i_toll is not None:
            evidence["injuries"] = [_span(text, i_toll.start, i_toll.end)]
    ev.evidence = evidence
    ev.sources = [article.id] if article.id else []
    ev.confidence = _confidence(draft, ev)
    ev.classified_by = verdict.classified_by
    # A place taken from elsewhere in the article is evidence, but not a sign that the
    # event itself was told plainly: it joins after the confidence is reckoned.
    evidence.update(place_evidence)
    ev.notes = event_notes(ev)
    basis = f"{article.id}|{hashlib.sha1(text.encode('utf-8', 'replace')).hexdigest()[:12]}|{index}"
    ev.event_id = "EW" + hashlib.sha1(basis.encode()).hexdigest()[:12].upper()
    return ev, verdict


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
