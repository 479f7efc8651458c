"""Where and when a draft event happened: the most precise place and date its tellings
give, else the nearest the article names, else the country its actors and places point at.

>>> pick_place(draft).place.location                 # doctest: +SKIP
'Palmyra'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..actors import CIVILIANS, ActorMention
from ..dates import DateMention
from ..fronts import front_division
from ..place_lexicon import PlaceMention
from ..placement import actor_homes, leader
from ..places import capital_of, country_by_name
from ..records import Place
from .records import Draft, Frame


def pick_date(draft: Draft) -> DateMention | None:
    """The most precise resolved date among the event's tellings (first telling wins ties)."""
    dates = draft.dates()
    resolved = [d for d in dates if d.date]
    if resolved:
        return min(resolved, key=lambda d: (d.precision, draft.dates().index(d)))
    return dates[0] if dates else None


def pick_place(draft: Draft, all_places: Sequence[PlaceMention] = ()) -> PlaceMention | None:
    """The most precise place among the event's tellings (villages and towns before
    regions); a place named only as where another lies ("X in Idlib") stands for that
    other."""
    inside = {id(pm.container): pm for pm in all_places if pm.container is not None}
    mentions = [inside.get(id(pm), pm) for f in draft.frames for pm in f.places]
    # "Sanjar town in Idleb": Idleb only says where Sanjar is.
    containers = {
        id(c)
        for pm in mentions
        if pm.place is not None
        for c in (pm.container, getattr(pm, "within", None))
        if c is not None
    }
    best = None
    best_key: tuple[int, int] | None = None
    for order, p in enumerate(mentions):
        if p.place is None or id(p) in containers or p.role is not None:
            continue
        # An unlisted village is as precise a name as a town; only its coordinates are
        # those of the place around it (its geo_precision says so).
        precision = 1 if p.place.kind == "unlisted" else (p.place.geo_precision or 3)
        key = (precision, order)
        if best_key is None or key < best_key:
            best, best_key = p, key
    return best


def nearest_place(
    draft: Draft, places: list[PlaceMention], country: str | None
) -> PlaceMention | None:
    """For an event told without a place: the closest place the article names in its
    country, before the event if any ("Clashes hit Saraqib. Two fighters were killed.")."""
    local = [
        pm
        for pm in places
        if pm.place is not None
        and pm.place.country == country
        and pm.role is None
        and pm.place.kind in ("town", "unlisted", "admin1")
        and not any(q.container is pm for q in places)
    ]
    before = [pm for pm in local if pm.start < draft.first]
    # The closest town or village before the event, else the closest division; a town
    # named as such before a district coded to its division's seat ("the Kismayo-Afmadow
    # road").
    towns = [pm for pm in before if pm.place is not None and pm.place.kind != "admin1"]
    precise = [pm for pm in towns if pm.place is not None and (pm.place.geo_precision or 3) < 3]
    for pool in (precise, towns, before, local):
        if pool:
            return pool[-1] if pool is not local else pool[0]
    return None


def place_from_actors(draft: Draft) -> Place | None:
    """The country of an event told with no place, from its actors' homes."""
    top = leader(actor_homes([a for f in draft.frames for a in f.actors]))
    return country_by_name(top) if top else None


_KIND_WEIGHT = {"country": 3.0, "region": 3.0, "admin1": 2.0, "town": 1.0}


def country_votes(
    places: list[PlaceMention],
    frames: list[Frame],
    clues: Counter[str] | None = None,
    named: Sequence[ActorMention] = (),
) -> tuple[Counter[str], dict[str, Place]]:
    """How strongly the article points at each country: named countries and regions count
    most, towns least, and the home countries of the actors it names count too
    (``actor_homes``), as do ``clues`` (by ISO alpha-2: the user's hint, the dateline,
    demonyms; ``placement.text_clues``). A country named as where someone came from or
    went counts for nothing. When nothing of that points anywhere, the homes of the
    groups the article ``named`` outside its tellings count ("a stayaway the ODM urged":
    Kenya), civilians' nationalities aside.
    """
    votes: Counter[str] = Counter()
    first: dict[str, Place] = {}
    for p in places:
        if p.role is not None:
            continue
        if p.place is not None and p.place.country:
            votes[p.place.country] += _KIND_WEIGHT.get(p.place.kind, 1.0)  # type: ignore[assignment]
            first.setdefault(p.place.country, p.place)
    helpers = [a for f in frames for a in (*f.allies, *f.supporters, *f.allies_b)]
    homes = actor_homes([a for f in frames for a in f.actors], helpers)
    if not votes and not homes and not clues:
        homes = actor_homes(
            [a for a in named if a.entry is not None and a.entry.inter != CIVILIANS])
    for iso2, weight in (homes + (clues or Counter())).items():
        home = country_by_name(iso2)
        if home is not None and home.country:
            votes[home.country] += weight
            first.setdefault(home.country, home)
    return votes, first


def named_first(votes: Counter[str], places: Sequence[PlaceMention]) -> str | None:
    """Of countries level in ``votes``, the one the text names as a place first ("the
    monks had criticised Cambodia's border dispute with Vietnam"); None when none of them
    is named as a place (a group of several countries' names none)."""
    ranked = votes.most_common()
    if not ranked or ranked[0][1] <= 0:
        return None
    level = {c for c, v in ranked if v == ranked[0][1]}
    for p in places:
        if p.role is None and p.place is not None and p.place.country in level:
            return p.place.country
    return None


# "in the capital", "in the Kenyan capital" (the demonym says whose: the article's country).
_CAPITAL = re.compile(r"\b(?i:in|at|near|across|around|outside)\s+(?i:the)\s+(?:[A-Z][a-z]+\s+)?"
                      r"(?:(?i:country's|national)\s+)?(?i:capital)\b"
                      r"(?!\s+(?i:of|city\s+of)\b)")


def _in_the_capital(draft: Draft, text: str) -> bool:
    """A telling of the event says it happened "in the capital" (of its own country)."""
    return any(_CAPITAL.search(text[f.sent_start : f.sent_end]) for f in draft.frames)


def country_place(place: Place) -> Place:
    return Place(
        location=place.country or "",
        country=place.country,
        iso=place.iso,
        iso2=place.iso2,
        geo_precision=3,
        kind="country",
    )


@dataclass(slots=True)
class Setting:
    """Where and when an event happened, as found for it (``locate``)."""

    mention: PlaceMention | None  # the place mention the event is placed by
    place: Place | None
    inherited: bool  # the place is the nearest the article names, not the event's own
    date: DateMention | None
    year: int | None  # the event's year, else the publication's: for actors' periods

    @property
    def country(self) -> str | None:
        return self.place.country if self.place else None

    @property
    def iso2(self) -> str | None:
        return self.place.iso2 if self.place else None


def locate(
    draft: Draft,
    published: str | None,
    fallback: Place | None,
    all_places: list[PlaceMention],
    all_dates: Sequence[DateMention] = (),
    votes: Counter[str] | None = None,
    text: str = "",
) -> Setting:
    """The place and date of a draft event. ``fallback`` is the article's country (from
    ``country_votes``), ``all_places`` and ``all_dates`` what the article names."""
    pm = pick_place(draft, all_places)
    inherited = False
    if (
        pm is not None
        and pm.place is not None  # (pick_place gives only mentions with a place)
        and fallback is not None
        and votes
        and pm.place.country is not None  # an unlisted village named alone is no town abroad
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
    if place is not None and place.kind == "country" and _in_the_capital(draft, text):
        place = capital_of(place) or place  # "in the capital": the country's capital
    if place is not None and place.country is None and place.kind == "unlisted":
        # A village named without its country: in the country the article is about,
        # if it says; else the name alone.
        around = fallback or place_from_actors(draft)
        if around is not None:
            place = replace(around, location=place.location, kind="unlisted", geo_precision=3)
    if place is not None and place.kind == "unlisted" and place.admin1 is None:
        # A front-line village the gazetteer lacks: its division from the front's table.
        year = _year(pick_date(draft), published)
        place = replace(place, admin1=front_division(place.iso2, place.location, year))
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
    return Setting(pm, place, inherited, date, _year(date, published))


def _year(date: DateMention | None, published: str | None) -> int | None:
    """The year of the event's date, else of its publication."""
    if date and date.date:
        return int(date.date[:4])
    return int(published[:4]) if published else None
