"""Which places of an article stand, and which country it is about: the resolve stage's
rules between the gazetteer's matches and the events.

>>> mentions = article_places(text, ents, actors)   # doctest: +SKIP
>>> [m.place.location for m in mentions if m.place] # doctest: +SKIP
['Palmyra', 'Syria']

A place the gazetteer matches may still be no place of the article: a name inside a
person's name, an abbreviation ("US"), an actor word, a lone town abroad in an article
plainly about another country. The home countries of the actors named lean ambiguous
names towards their country (``actor_homes``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from . import actors as act
from .actor_tables import demonym_homes
from .actors import EXTERNAL, STATE, ActorMention, people_names
from .checks import great_circle_km
from .dates import MONTH_ABBREVIATIONS
from .divisions import LISTED_TOWN, division_words
from .fronts import front_country, front_regions, front_village
from .gazetteer import Gazetteer, norm_key
from .lexicon import alternatives
from .place_lexicon import place_lexicon
from .placenames import place_values, place_words
from .places import PlaceMention, country_by_name, find_places
from .records import Event, Place


def article_places(
    text: str,
    ents: Sequence[tuple[int, int, str]],
    actors: Sequence[ActorMention],
    hint: str | None = None,
    year: int | None = None,
) -> list[PlaceMention]:
    """The place mentions of ``text`` that stand, given the model's entity spans
    (start, end, label), the actors found, the country the source is about, if the
    user gave it (``hint``), and the year it tells of (for the front lines of that year)."""
    # (A span the model ended on a comma, "Ciudad Victoria,", is the name alone.)
    persons = [(s, s + len(text[s:e].rstrip(" ,.;:"))) for s, e, label in ents if label == "PERSON"]
    kept = []
    strong, leaning = actor_countries(actors)
    grounds = armed_grounds(actors)
    # The hint, the dateline and a division word one country uses ("Gopalpur upazila":
    # Bangladesh's Gopalpur, not India's) choose among namesakes.
    told = [c for c in (hint, dateline_country(text)) if c] + list(division_countries(text))
    homes = people_countries(text)
    if len(homes) == 1 and not strong:
        strong = list(homes)  # "Fulani gunmen attacked Tiv farmers in Guma": Nigeria's Guma
    fronts = front_regions(text, year)
    groups = [(a.start, a.end) for a in actors if a.entry is not None and not a.entry.generic]
    for pm in find_places(text, ents, countries=strong + told, leaning=leaning, regions=fronts,
                          grounds=grounds, named_groups=groups):
        town = pm.place is not None and pm.place.kind in ("town", "unlisted")
        # "al-Jasim" inside "Bilal Hasan al-Jasim" is a name; a lone "Palmyra" tagged
        # PERSON is still a place (the gazetteer wins over a one-word PERSON label).
        if town and any(
            s <= pm.start and pm.end <= e and (e - s) > (pm.end - pm.start) for s, e in persons
        ):
            continue
        # "US" in "US soldiers" names a country, never the hamlet of Us in France; an actor
        # word the model tagged as a place ("Gunmen") is not the town of Guanmian.
        if town and pm.text.isupper() and len(pm.text) <= 3:
            continue
        if town and any(
            a.entry is not None and a.start <= pm.start and pm.end <= a.end for a in actors
        ):
            continue
        if town and (_people_place(text, pm) or _people_as_side(text, pm)):
            continue
        kept.append(pm)
    drop_strays(kept)
    mark_origins(kept, text)
    keep_to_context(kept, text)
    for pm in kept:
        _onto_the_front(pm, text, year)
    return kept


# Before a place: it is where people came from or live, not where they acted ("residents
# of Vikasnagar staged a protest in Lucknow", "labourers from Maharashtra blocked the
# highway in Barwani district", "from the bordering villages of Puducherry").
_ORIGIN_BEFORE = re.compile(
    r"(?<!far )(?<!away )(?<!km )(?<!kilometres )(?<!kilometers )(?<!miles )"
    r"\b(?:from|(?:residents|villagers|people|natives|inhabitants)\s+of)"
    r"(?:\s+(?:the|bordering|neighbouring|neighboring|nearby|villages?|towns?|of))*\s+$",
    re.I)
# Before a place: where they went ("a bus bound from Mastung to Karachi").
_BOUND_BEFORE = re.compile(
    r"\b(?:to|towards?|for|into|reach(?:ed|ing)?|entering)\s+(?:the\s+)?$", re.I)


def _sentence(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    end = min((k for k in (text.find(". ", pos), text.find("\n", pos)) if k >= 0),
              default=len(text))
    return start, end


def mark_origins(mentions: list[PlaceMention], text: str) -> None:
    """A town or division named as where the people came from or live, in a sentence that
    names another place without such words, is no place of the event (role "origin")."""
    for pm in mentions:
        p = pm.place
        if p is None or pm.role is not None or p.kind == "country":
            continue
        if not _ORIGIN_BEFORE.search(text[max(0, pm.start - 60) : pm.start]):
            continue
        lo, hi = _sentence(text, pm.start)
        around = _holders(pm)
        # Another place of the sentence, not one this lies in ("residents of Kibera
        # in Nairobi": Nairobi only says where Kibera is).
        if any(o is not pm and o.place is not None and o.role is None
               and o.place.kind != "country" and lo <= o.start < hi
               and all(o is not h for h in around)
               and not (0 <= o.start - pm.end <= 5)
               and not _ORIGIN_BEFORE.search(text[max(0, o.start - 60) : o.start])
               and not _BOUND_BEFORE.search(text[max(0, o.start - 30) : o.start])
               for o in mentions):  # fmt: skip
            pm.role = "origin"


def _holders(pm: PlaceMention) -> list[PlaceMention]:
    """The places the text says ``pm`` lies in, the nearest first ("X near Y (Y, Z)":
    Y, then Z)."""
    found: list[PlaceMention] = []
    todo = [h for h in (pm.container, pm.within) if h is not None]
    while todo:
        h = todo.pop(0)
        if all(h is not f for f in found) and h is not pm:
            found.append(h)
            todo.extend(x for x in (h.container, h.within) if x is not None)
    return found


def keep_to_context(mentions: list[PlaceMention], text: str) -> None:
    """A town the text named with its division ("in Sao Goncalo, Rio de Janeiro") sets
    the division of the places named near it without one: a namesake there is the place
    ("Trindade" of Goias read in Rio de Janeiro); a quarter after the town that has none
    ("Trindade community") is coded to that town, as ACLED codes a neighbourhood; a
    village of the same sentence known only as a namesake in another division
    ("Alaudia-Saray village ... in Nalanda district (Bihar)") lies in the named one."""
    held = [pm for pm in mentions
            if pm.place is not None and pm.place.admin1 and pm.role is None
            and (pm.container is not None or pm.within is not None)]  # fmt: skip
    if not held:
        return
    gaz = Gazetteer.default()
    # The parts of chains ("Marib" in "Sirwah (Sirwah, Marib)") are divisions named as
    # context, not places to move.
    parts = {id(box) for m in mentions for box in (m.container, m.within) if box is not None}
    # A word of what it is ("Alaudia village") leaves a mention a place to reconsider; a
    # direction or distance ("north of X") makes it another's.
    kinds = place_words("quarter_word") | place_words("place_kind")
    for pm in mentions:
        p = pm.place
        if p is None or p.kind != "town" or pm in held or pm.role is not None:
            continue
        if id(pm) in parts:
            continue
        if pm.container is not None or pm.within is not None or (
            pm.qualifier is not None and pm.qualifier not in kinds
        ):
            continue
        before = [h for h in held if h.end <= pm.start]
        lo, hi = _sentence(text, pm.start)
        beside = [h for h in held if lo <= h.start < hi]
        near = before[-1] if before else (beside[0] if beside else None)
        town = near.place if near is not None else None
        if town is None or town.iso2 != p.iso2 or town.admin1 == p.admin1:
            continue
        same = [q for q in gaz.lookup(pm.text, p.iso2)
                if q.admin1 == town.admin1 and norm_key(q.location or "") == norm_key(pm.text)]
        if same:
            pm.place = same[0]
        elif before and _quarter(text, pm):
            pm.place = replace(town)
            pm.within = near
        elif (near in beside and gaz.population(p.geonameid) < LISTED_TOWN
              and not _seconded(pm, mentions)):
            pm.place = replace(town, location=pm.text, kind="unlisted", geonameid=None,
                               geo_precision=2)
            pm.container = near


@lru_cache(maxsize=1)
def _quarter_after() -> re.Pattern[str]:
    """A word after a name that makes it a quarter ("Vale Verde neighbourhood")."""
    words = "|".join(map(re.escape, sorted(place_words("quarter_word"))))
    return re.compile(rf"\s+(?:{words})\b", re.I)


def _quarter(text: str, pm: PlaceMention) -> bool:
    """``pm`` names a quarter: "the Trindade community", "Colonia Loma Alta"."""
    return bool(_quarter_after().match(text, pm.end)) or (
        norm_key(pm.text) in place_words("quarter_before"))


def _seconded(pm: PlaceMention, mentions: Sequence[PlaceMention]) -> bool:
    """Another place of the text lies in the same division as ``pm``'s reading ("Sirwah
    (Sirwah, Marib)": Marib says Sirwah's division is meant)."""
    p = pm.place
    return p is not None and any(
        o is not pm and o.place is not None and o.place.iso2 == p.iso2
        and o.place.admin1 == p.admin1 and o.place.kind != "unlisted"
        and norm_key(o.text) != norm_key(pm.text)  # the same name told twice seconds nothing
        for o in mentions
    )  # fmt: skip


def _people_place(text: str, pm: PlaceMention) -> bool:
    """A people's name before the word for where its people live ("attacked a Fulani
    camp", "Peul hamlets", "Dinka cattle camps", a word of the camp's between): the camp
    of that people, not a village named Fulani."""
    after = re.match(r"\s+(?:[a-z]+\s+)?([a-z]+)", text[pm.end : pm.end + 30])
    if after is not None and after.group(1) not in place_words("people_place"):
        after = re.match(r"\s+([a-z]+)", text[pm.end : pm.end + 20])
    return (after is not None and after.group(1) in place_words("people_place")
            and norm_key(pm.text) in people_names())  # fmt: skip


def _people_as_side(text: str, pm: PlaceMention) -> bool:
    """A people's name standing as a side, with no placing word before it and no word for
    a place after it ("clashes between Kikuyu and Kalenjin"): the people, not the town
    named like it (Kikuyu, Kiambu). "In Kikuyu", "Kikuyu town" stay the town."""
    if norm_key(pm.text) not in people_names():
        return False
    before = re.search(r"([A-Za-z]+|[,(])\s*(?:the\s+)?$", text[max(0, pm.start - 25):pm.start])
    if before is not None and (before.group(1) in ",(" or before.group(1).lower() in {
            "of", *place_words("placing_preposition", "origin")}):
        return False  # "in Kikuyu", "east of As-Sweida", "Ghallanai, Mohmand"
    after = re.match(r"\s+([A-Za-z]+)", text[pm.end:pm.end + 20])
    return after is None or after.group(1).lower() not in {
        *division_words(), *place_words("feature_word")}


def _onto_the_front(pm: PlaceMention, text: str, year: int | None) -> None:
    """A village of a front-line report that the front's control table holds, resolved to
    a namesake off the front (the gazetteer lacks the front's own): the front's village,
    in its division, placed at the division (precision 3)."""
    if pm.place is None or pm.place.kind not in ("town", "unlisted"):
        return
    found = front_village(text, pm.text, year)
    if found is None or (pm.place.iso2, pm.place.admin1) == found:
        return
    division = Gazetteer.default().admin1_place(*found)
    if division is not None:
        pm.place = replace(
            division, location=pm.text, kind="unlisted", geo_precision=3, geonameid=None
        )


def drop_strays(mentions: list[PlaceMention]) -> None:
    """Unplace a lone town abroad when the article is plainly about another country.

    A river or a name matched to a town far off ("Euphrates" to a town in Germany)
    would otherwise pose as the event's place; the mention stays, without a place.
    Countries are weighed by the distinct names placed in them (a namesake told three
    times is one name; a division or country twice a town), and a town the text
    qualifies ("the countryside of Homs") or puts other places in stays.
    """
    names: dict[str, dict[str, int]] = {}
    for pm in mentions:
        if pm.role is not None:
            continue  # "goods from Turkey" says nothing of where the event was
        if pm.place is not None and pm.place.country and pm.place.kind != "unlisted":
            # A village the gazetteer lacks takes its country from the others; it is no
            # evidence of its own. A division or a country named outweighs a town's
            # name, which may be a namesake ("between Tiba and Kahil in Daraa": Daraa
            # says Syria, not Chiba).
            weight = 1 if pm.place.kind == "town" else 2
            seen = names.setdefault(pm.place.country, {})
            key = pm.place.location or pm.text
            seen[key] = max(seen.get(key, 0), weight)
    counts = Counter({c: sum(v.values()) for c, v in names.items()})
    if len(counts) < 2:
        return
    top, _n = counts.most_common(1)[0]
    held = {id(pm.container) for pm in mentions if pm.container is not None}
    for pm in mentions:
        p = pm.place
        if (
            p is not None
            and p.kind == "town"
            and p.country != top
            and counts[p.country or ""] == 1
            and pm.qualifier is None
            and id(pm) not in held
        ):
            pm.place = None


@lru_cache(maxsize=1)
def _dateline() -> re.Pattern[str]:
    """A dateline opening a report: "KHARTOUM, May 3 (Reuters) -", "Kano, Nigeria -",
    "MOGADISHU (AP) —"; the month's name from the dates module."""
    months = "|".join(m.capitalize() for m in MONTH_ABBREVIATIONS)
    return re.compile(
        r"^\s*(?P<place>[A-Z][A-Za-z'’.-]*(?: [A-Z][A-Za-z'’.-]*){0,3})"
        r"(?:,\s*(?P<second>[A-Z][A-Za-z'’.]*(?: [A-Z][A-Za-z'’.]*){0,3}))?"
        rf"(?:,?\s*(?:{months})[a-z]*\.?\s+\d{{1,2}})?"
        r"\s*(?:\([^()\n]{1,30}\)\s*)?[-–—]+\s")


def dateline_country(text: str) -> str | None:
    """The country of a report's dateline (ISO alpha-2), or None.

    >>> dateline_country("KHARTOUM, May 3 (Reuters) - Shelling hit a market.")
    'SD'
    """
    m = _dateline().match(text[:120])
    if m is None:
        return None
    gaz = Gazetteer.default()
    for name in (m.group("second"), m.group("place")):
        if not name or name.lower().startswith(MONTH_ABBREVIATIONS):
            continue  # "May 3": a month, not a country
        key = norm_key(name)
        if key in gaz.country_keys:
            return gaz.country_keys[key]
    # The dateline's town: the largest of that name (a dateline names a city the
    # reader knows).
    towns = gaz.index.get(norm_key(m.group("place")), ())
    big = max(towns, key=lambda i: gaz.pop[i], default=None)
    return gaz.cc[big] if big is not None and gaz.pop[big] >= 100_000 else None


def text_clues(text: str, hint: str | None = None) -> Counter[str]:
    """Clues to the country of a report beside its places and actors, by ISO alpha-2: the
    country the user says the source is about (``hint``), the dateline's, the country
    whose front line the text tells of by a phrase of its own ("the OSCE SMM recorded"),
    and the demonyms the text uses ("Iraqi lawmakers"), which count little."""
    clues: Counter[str] = Counter()
    gaz = Gazetteer.default()
    if hint:
        place = country_by_name(hint)
        if place is not None and place.iso2:
            clues[place.iso2] += 2.0  # type: ignore[assignment]
    dated = dateline_country(text)
    if dated:
        clues[dated] += 3.0  # type: ignore[assignment]
    front = front_country(text)
    if front:
        clues[front] += 1.0  # type: ignore[assignment]  # "the OSCE SMM recorded ..."
    seen: set[str] = set()
    for m in _demonym_matches(text, gaz.demonyms):
        iso2 = gaz.demonyms.get(norm_key(m.group()))
        if iso2 and _nationals(text[m.end():m.end() + 60]):
            continue  # "an Italian aid worker was kidnapped": where she is from, not where
        if iso2 and iso2 not in seen:
            seen.add(iso2)
            clues[iso2] += 0.5  # type: ignore[assignment]
    for iso2 in _state_titles(text, gaz.country_keys):
        if iso2 not in seen:
            seen.add(iso2)
            clues[iso2] += 0.5  # type: ignore[assignment]  # "Burkina Faso President ..."
    for home in division_countries(text):
        clues[home] += 1.0  # type: ignore[assignment]  # "Sitakunda upazila": Bangladesh
    for home in people_countries(text):
        if home not in seen:
            seen.add(home)
            clues[home] += 0.5  # type: ignore[assignment]  # "Pokot and Ilchamus herders"
    for home in word_countries(text):
        if home not in seen:
            seen.add(home)
            clues[home] += 0.5  # type: ignore[assignment]  # "matatu operators": Kenya
    return clues


def word_countries(text: str) -> tuple[str, ...]:
    """The countries whose own words of public life the text uses ("matatu operators
    blocked the road": Kenya; ``country_word`` of ``place_words.tsv``), in text order."""
    pattern, homes = _country_words()
    return tuple(dict.fromkeys(
        homes[" ".join(m.group(0).lower().split())] for m in pattern.finditer(text)))


@lru_cache(maxsize=1)
def _country_words() -> tuple[re.Pattern[str], Mapping[str, str]]:
    homes = {w: str(c) for w, c in place_values("country_word").items()}
    words = alternatives(homes, r"\s+")
    return re.compile(rf"(?i)\b(?:{words})\b"), homes


@lru_cache(maxsize=16)
def people_countries(text: str) -> tuple[str, ...]:
    """The homes of the peoples the text names that live in one country only
    (``_people_homes``: "Pokot", "Tiv"), once each, in text order (read once per text:
    places and the country's clues both ask)."""
    pattern, homes = _people_homes()
    found = (
        homes.get(m.group().lower()) if m.group()[0].isupper() else None
        for m in (pattern.finditer(text) if pattern is not None else ())
    )
    return tuple(dict.fromkeys(h for h in found if h))


def _demonym_matches(text: str, demonyms: dict[str, str]) -> Iterator[re.Match[str]]:
    """The capitalised words and pairs of words of ``text``, a pair where it is one
    demonym ("South Korean"), else each word alone: "Two Burkinabe officers" is read as
    "Two" and "Burkinabe"."""
    for m in _CAPITALISED.finditer(text):
        if " " not in m.group() or norm_key(m.group()) in demonyms:
            yield m
            continue
        yield from _CAPITALISED_WORD.finditer(text, m.start(), m.end())


@lru_cache(maxsize=16)
def division_countries(text: str) -> tuple[str, ...]:
    """The countries whose own division words follow a name in ``text`` ("Bokkos LGA":
    Nigeria; ``telling_division`` of ``place_words.tsv``), once each, in text order."""
    pattern = _telling_divisions()
    found = (division_words().get(m.group(1).lower(), ("", frozenset()))[1]
             for m in pattern.finditer(text))
    return tuple(dict.fromkeys(next(iter(c)) for c in found if len(c) == 1))


def _state_titles(text: str, countries: dict[str, str]) -> Iterator[str]:
    """The countries named before an office or a force of theirs ("Burkina Faso
    President", "the Kenya Police"; ``state_title``), in text order."""
    for m in _state_title_pattern().finditer(text):
        iso2 = countries.get(norm_key(re.sub(r"^The\s+", "", m.group(1))))
        if iso2:
            yield iso2


@lru_cache(maxsize=1)
def _state_title_pattern() -> re.Pattern[str]:
    # Written as a title ("Burkina Faso President"): "the United States government" is
    # a foreign state the text only mentions.
    titles = alternatives((w.title() for w in place_words("state_title")), r"\s+")
    return re.compile(rf"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})\s+(?:{titles})\b")


@lru_cache(maxsize=1)
def _telling_divisions() -> re.Pattern[str]:
    words = alternatives(place_words("telling_division"), r"\s+")
    return re.compile(rf"\b[A-Z][\w'’-]+\s+((?i:{words}))(?!\w)")


def _nationals(after: str) -> bool:
    """The words after a demonym name people it gives the nationality of
    (``nationality_noun``: "aid worker", "engineers", "nationals")."""
    words = after.lower().split()[:3]
    nouns = place_words("nationality_noun")
    return any(" ".join(words[:n]).strip(",.;") in nouns for n in (1, 2, 3))


# Peoples the dictionary lists one country's militias of, who live in several countries
# (the Tuareg, Hausa, Maasai, Arabs), and words that are no people ("settler"): no clue.
_SPREAD = frozenset({
    "arab", "tuareg", "touareg", "peuhl", "hausa", "mbororo", "maasai", "masai", "luo",
    "afar", "druze", "twa", "batwa", "zande", "azande", "toubou", "tebu", "tubu", "boran",
    "borana", "garre", "garreh", "beja", "kuki", "naga", "misseriya", "masalit", "bodo",
    "hilltop", "settler", "janjaweed",
})  # fmt: skip


@lru_cache(maxsize=1)
def _people_homes() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The peoples and clans of the dictionary's identity militias that live in one
    country only ("pokot": Kenya; not "fulani", whose militias a dozen countries list),
    named in one word that is no demonym, and a pattern that finds them."""
    homes: dict[str, set[str]] = {}
    for key, entries in act.dictionary()[0].items():
        words = " ".join(key[:-1]) if len(key) > 1 else ""
        if words in people_names():
            for e in entries:
                if e.kind == "identity_militia" and e.iso2:
                    homes.setdefault(words, set()).add(e.iso2)
    demonyms = Gazetteer.default().demonyms
    one = {
        name: next(iter(h))
        for name, h in homes.items()
        if len(h) == 1 and " " not in name and len(name) >= 3
        and name not in demonyms and name not in _SPREAD
    }  # fmt: skip
    if not one:
        return None, one
    names = sorted(one, key=len, reverse=True)
    alternation = "|".join(re.escape(n).replace(r"\ ", " ") for n in names)
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE), one


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?\b")
_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+\b")


def leader(votes: Counter[str], floor: float = 0.0) -> str | None:
    """The country clearly ahead in ``votes``: more than ``floor`` and more than any other.
    Two countries level mean no decision: never a guess."""
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] <= floor:
        return None
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
        return None
    return ranked[0][0]


# A group with more homes than this (the Islamic State's provinces) leans nowhere.
_FEW = 5


def _few_homes(mention: ActorMention) -> list[str]:
    """The homes of a group several countries share, when they are few ("ADF": the DRC and
    Uganda); none for a transnational group or one of many countries."""
    if mention.entry is None or mention.entry.generic:
        return []
    homes = _named_homes(mention)
    if len(homes) < 2 or len(homes) > _FEW or "" in homes:
        return []
    return homes


def _named_homes(mention: ActorMention) -> list[str]:
    """The countries of a named group's dictionary rows, in order, once each ("" for a
    transnational row)."""
    entry = mention.entry
    rows = mention.entries or ((entry,) if entry is not None else ())
    return list(dict.fromkeys(x.iso2 for x in rows if not x.generic))


def _home_word(mention: ActorMention) -> bool:
    """A word that names one country's group and is a plain word elsewhere ("opposition":
    Syria's rebels, anywhere else the opposition)."""
    rows = mention.entries or ()
    return any(r.generic for r in rows) and any(not r.generic for r in rows)


def _foreigner(mention: ActorMention) -> bool:
    """Civilians named by a nationality ("a Nicaraguan journalist", "British tourists")."""
    return (mention.home is not None and mention.entry is not None
            and mention.entry.inter == act.CIVILIANS)  # fmt: skip


def actor_countries(actors: Sequence[ActorMention]) -> tuple[list[str], list[str]]:
    """The home country of the actors named, as context for ambiguous places: that of
    local groups, police and governments, which act at home; else, only as a leaning,
    that of a state's armed forces, which often strike abroad ("a Russian drone hit
    Kherson"), and the homes of a group several countries share. A local group's home
    outweighs a state's (``actor_homes``)."""
    # "Pakistani shelling hit Kupwara": a striker's home only leans; so does the home of a
    # plain phrase ("traditional hunters", "separatist forces") or of a word that is a
    # group's name in one country only ("opposition"), which name that group only where
    # the text is already known to be (``actors.resolve``).
    # A civilian's nationality says nothing of where: "a Nicaraguan journalist was found
    # dead in Santa Rosa de Lima (La Union)" is about El Salvador, "British tourists killed
    # in Hebron" about the West Bank.
    actors = [a for a in actors if not _foreigner(a)]
    plain = [a for a in actors if not a.striker and (a.plain or _home_word(a))]
    named = [a for a in actors if not a.striker and a not in plain]
    top = [c for c in (leader(actor_homes(named)),) if c]
    at_home = [
        a for a in named
        if a.entry is None or a.entry.inter != act.STATE or a.entry.kind in ("police", "government")
    ]  # fmt: skip
    # A group of several countries ("ADF", "JNIM") decides none of them, but its places
    # are more likely in one of them than anywhere else ("near Beni": the DRC's town).
    shared = [h for a in named for h in _few_homes(a)]
    shared += [c for c in (leader(actor_homes(plain)),) if c]
    if top and top == [c for c in (leader(actor_homes(at_home)),) if c]:
        return top, [h for h in dict.fromkeys(shared) if h not in top]
    return [], list(dict.fromkeys(top + shared))


# Armed groups of a region: they fight at home and across the borders next to it.
_ARMED = (act.REBEL, act.POLITICAL_MILITIA, act.IDENTITY_MILITIA)


def armed_grounds(actors: Sequence[ActorMention]) -> list[str]:
    """The countries where the armed groups the text names by name fight, when each has
    few ("JNIM": Mali, Burkina Faso, Niger, Benin and Togo; "Koglweogo": Burkina Faso):
    a small town known only far from all of them ("JNIM fighters raided the village of
    Sarnico": not Lombardy's town) is a village the gazetteer lacks (``find_places``).
    None where a state's forces, which strike abroad, or a group of many countries are
    the only ones named."""
    grounds: list[str] = []
    for a in actors:
        e = a.entry
        if e is None or e.generic or e.inter not in _ARMED or a.striker or a.plain or (
                _home_word(a)):
            continue  # not "the opposition", Syria's rebels only where Syria is told
        homes = _named_homes(a)
        if "" in homes or len(homes) > _FEW:
            continue
        grounds += homes
    return list(dict.fromkeys(grounds))


def beside_places(
    actors: Sequence[ActorMention], places: Sequence[PlaceMention]
) -> list[ActorMention]:
    """The actors that are not places: a name the model calls an organisation that is also
    a place of the article ("Homs", "Busaytin") is the place, not an unknown armed group;
    a local group's bare initials far from its home are something else (``_stranger``)."""
    placed = [(p.start, p.end) for p in places if p.place is not None]
    return [
        a
        for a in actors
        if (a.entry is not None and not _stranger(a, places))
        or (a.entry is None and not any(s < a.end and a.start < e for s, e in placed))
    ]


# How far from every home of a local group its initials must be to name something else.
_FAR_KM = 2500.0


def _initials(mention: ActorMention) -> bool:
    """A non-state group named by two or three capitals only ("RJ", "ADF"): letters that
    may stand for something else."""
    entry = mention.entry
    word = mention.text.strip()
    return (entry is not None and not entry.generic and entry.inter != act.STATE
            and word.isalpha() and word.isupper() and len(word) <= 3)


def _stranger(mention: ActorMention, places: Sequence[PlaceMention]) -> bool:
    """A non-state group named by two or three capitals ("RJ") in a text whose places all
    lie far from its home: other words with the same letters (Rio de Janeiro's "RJ" is no
    Central African rebel group). A group named in full, or near home, stays."""
    entry = mention.entry
    if entry is None or not _initials(mention):
        return False
    homes = [country_by_name(x.iso2) for x in (mention.entries or (entry,))
             if not x.generic and x.iso2]
    points = [(p.place.latitude, p.place.longitude) for p in places
              if p.place is not None and p.role is None and p.place.latitude is not None
              and p.place.longitude is not None]
    seats = [(h.latitude, h.longitude) for h in homes
             if h is not None and h.latitude is not None and h.longitude is not None]
    if not points or not seats or len(seats) < len(homes):
        return False
    home_codes = {h.iso2 for h in homes if h is not None}
    if any(c.iso2 in home_codes for p in places for c in p.candidates):
        return False  # a name of the text may lie at home after all ("Bago PDF")
    return all(great_circle_km(a, b, c, d) > _FAR_KM for a, b in points for c, d in seats)


def article_setting(
    events: Sequence[Event], places: Sequence[PlaceMention], published: str | None
) -> tuple[str | None, str | None, int | None]:
    """(country, iso2, year) of the main event, to name actors as the events name them;
    with no event, the country the article's places point at most."""
    main = events[0] if events else None
    country = main.country if main else None
    if country is None:
        named = Counter(p.place.country for p in places if p.place and p.place.country)
        country = named.most_common(1)[0][0] if named else None
    place = country_by_name(country) if country else None
    iso2 = place.iso2 if place is not None else None
    date = (main.event_date if main else None) or published
    return country, iso2, int(date[:4]) if date else None


def actor_homes(mentions: Iterable[Any], helpers: Iterable[Any] = ()) -> Counter[str]:
    """How strongly the actors named point at a country (ISO alpha-2), by who they are.

    A local group whose every dictionary row has one home ("QSD", "HTS", a farmers'
    union) acts at home and counts fully; a name several countries' groups share
    ("Taliban", "JNIM") is shared evenly among their homes, so that it decides nothing
    alone; police and governments act at home and count fully too, as does a generic
    phrase a demonym makes one country's ("the Mauritanian police"). A state's armed
    forces act abroad all the time ("Turkish forces clashed with IS in Tadef", "Russian
    warplanes"): named by their nationality they count little, by their own name or
    acronym ("SNA", "ENDF") more, and not at all once a local group names another home.
    Transnational groups (IS) and generic phrases ("regime forces") say nothing;
    ``helpers`` (allies, backers) count half.
    """
    helper_ids = {id(a) for a in helpers}
    # Weights in halves and tenths: Counter takes floats, though typeshed says int.
    local: Counter[str] = Counter()
    state: Counter[str] = Counter()
    seen: set[int] = set()
    demonyms = demonym_homes()
    for a in mentions:
        e = a.entry
        if id(a) in seen or e is None:
            continue
        seen.add(id(a))
        weight = 0.5 if id(a) in helper_ids else 1.0
        home = getattr(a, "home", None)
        if e.generic:
            if home and e.kind == "military":
                state[home] += 0.3 * weight  # type: ignore[assignment]
            elif home and not _nationals((getattr(a, "text", "") or "").partition(" ")[2]):
                local[home] += weight  # type: ignore[assignment]
            continue
        if not e.iso2 or (e.inter == EXTERNAL and e.kind != "external"):
            continue  # a foreign force coded as such; a mission's row names its theatre
        rows = [x for x in (a.entries or (e,)) if not x.generic]
        if any(not x.iso2 for x in rows):
            continue  # a transnational group ("Islamic State") says nothing of where
        homes = list(dict.fromkeys(x.iso2 for x in rows)) or [e.iso2]
        share = weight / len(homes)
        first_word = (getattr(a, "text", "") or "").split(" ")[0]
        by_nationality = first_word.lower() in demonyms or (
            norm_key(first_word) in Gazetteer.default().country_keys)
        for iso2 in homes:
            if e.inter == STATE and e.kind not in ("police", "government"):
                state[iso2] += (0.3 if by_nationality else 0.6) * share  # type: ignore[assignment]
            else:
                local[iso2] += share  # type: ignore[assignment]
    for iso2, v in state.items():
        if not local or iso2 in local:
            local[iso2] += v
    return local


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def named_division(text: str, iso2: str | None) -> tuple[str, Place] | None:
    """(the name, the division at its seat) where ``text`` names one first-level division
    of country ``iso2``, or its seat, only inside another name: a party's state branch
    ("Haryana Congress workers"), a body named for its city ("the Mumbai teachers' union"),
    a court of the capital. None where it names none or several, or iso2 is None.

    For an event the text places by its country alone: the division a body is named for
    is a fairer clue to where it acted than the capital (ACLED codes such events in that
    division, at its seat)."""
    if not iso2:
        return None
    gaz = Gazetteer.default()
    stop = place_lexicon().stop
    found: dict[tuple[str, str], str] = {}
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group().split()
        n = len(words)
        taken = [False] * n
        for size in (3, 2, 1):  # the longest name first: "Tamil Nadu", not "Nadu"
            for i in range(n - size + 1):
                if any(taken[i:i + size]):
                    continue
                name = " ".join(words[i:i + size])
                key = norm_key(name)
                if not key or key in stop or key in gaz.country_keys:
                    continue
                keys = [k for k in gaz.admin1_keys(name) if k[0] == iso2.upper()]
                if len(keys) == 1:
                    found.setdefault(keys[0], name)
                    taken[i:i + size] = [True] * size
    if len(found) != 1:
        return None
    division, name = next(iter(found.items()))
    place = gaz.admin1(division)
    return (name, place) if place is not None else None
