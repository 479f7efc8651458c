"""Villages the gazetteer lacks, named as places by the words around them ("the village
of Kafr Nasih", "Tal Hamis front", "in Zor Shammar in Hasakah"), placed by the town or
division the text puts them in.

>>> mentions = add_unlisted(text, tokens, mentions, ents, gaz, lex, votes)   # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from .dates import CALENDAR_NAMES
from .divisions import take_district
from .gazetteer import Gazetteer, ascii_name, norm_key
from .lexicon import alternatives, read_table
from .place_lexicon import (
    LOOSE_SIMILARITY,
    PlaceLexicon,
    PlaceMention,
    place_lexicon,
)
from .placenames import place_words
from .records import Place

_JOINS = (" ", "-", "'", "’")
_SENTENCE_BREAK = re.compile(r"[.!?;\n]")
_NAME_TOKEN = r"['’]?[A-Z][\w'’]*(?:-[\w'’]+)*"
_LIST_GAP = re.compile(r"^(?:,\s*(?:and\s+)?|\s+and\s+|\s*,?\s+or\s+)$")


@dataclasses.dataclass(frozen=True, slots=True)
class _Words:
    """The words of ``place_words.tsv`` read here, and the patterns built from them."""

    articles: frozenset[str]
    lead_articles: frozenset[str]  # "al Bab": an article apart from the name
    # Lower-case words inside an unlisted name: Arabic articles and the like ("Um al Tinah",
    # "Abu al Khatir"), not "of" or "and", which join a name to the words around it.
    name_links: frozenset[str]
    quarter: re.Pattern[str]  # "'s neighbourhood", " quarter"
    # The rest of a list of names after its first: ", Salim, Al 'Amiriyah, and Jomaqliyeh".
    name_list: re.Pattern[str]
    # Between a name and the place it lies in: "in the northern countryside of", ", 10 km".
    container_gap: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    link = rf"(?:(?:{alternatives(place_words('list_link'))})[-\s]+)"
    name = rf"{link}?{_NAME_TOKEN}(?:\s+{link}?{_NAME_TOKEN})*"
    kinds = alternatives(place_words("container_kind"), r"\s+")
    gap = alternatives(place_words("container_gap", "bearing"), r"\s+")
    return _Words(
        articles=place_words("article"),
        lead_articles=place_words("lead_article"),
        name_links=place_words("article", "unlisted_link"),
        quarter=re.compile(
            rf"(?:['’]s)?\s+(?:{alternatives(place_words('quarter_word'))})\b", re.I),
        name_list=re.compile(rf"(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){name})*"),
        container_gap=re.compile(
            rf"^(?:['’]s)?(?:\s+(?:{kinds}))?"
            rf"(?:\s*,\s*|\s+(?:{gap}|[a-z-]*ern|\d+)\b)+\s*$"),
    )


def add_unlisted(text: str, tokens: list[tuple[int, int]], out: list[PlaceMention],
                  ner_spans: Sequence[tuple[int, int, str]], gaz: Gazetteer,
                  lex: PlaceLexicon, votes: dict[str, float]) -> list[PlaceMention]:
    """Add capitalised names the gazetteer lacks that the words around them make places:
    "the village of Kafr Nasih", "Tal Hamis front", "in Zor Shammar in Hasakah".

    A name already placed stays as it is; a mention left without a place (a piece of
    the longer name, or a foreign namesake set aside) gives way to the whole name.
    """
    _set_aside_namesakes(text, out, lex, votes)
    words = [text[s:e] for s, e in tokens]
    n = len(tokens)
    ner_bad = [(s, e) for s, e, label in ner_spans
               if label in ("ORG", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW")]
    ner_loc = [(s, e) for s, e, label in ner_spans if label in ("GPE", "LOC", "FAC")]
    found: list[PlaceMention] = []
    listed_until = -1  # "the villages of A, B and C": the list runs on while names do
    i = 0
    while i < n:
        w = words[i]
        # "al-Bab", "al Bab": an Arabic article; "at Dakir Para", "as Syrian": English.
        join = text[tokens[i][1]:tokens[i + 1][0]] if i + 1 < n else ""
        article = (w.lower() in _words().articles and i + 1 < n
                   and (join == "-" or (join == " " and w.lower() in _words().lead_articles))
                   and words[i + 1][0].isupper() and not _bad_word(words[i + 1], lex))
        if not (article or (w[0].isupper() and not _bad_word(w, lex))):
            i += 1
            continue
        j = _name_end(text, tokens, words, i, lex)
        start, end, single = tokens[i][0], tokens[j][1], i == j
        i = j + 1
        word = text[start:end]
        key = norm_key(word)
        if (len(key.replace(" ", "")) < 3 or key in gaz.country_keys or key in gaz.demonyms
                or key in lex.stop or key in lex.stop_phrases
                or (single and word.isupper() and len(word) <= 5)
                or any(s <= start and end <= e and (e - s) > (end - start) for s, e in ner_bad)):
            continue
        before = text[max(0, start - 50):start]
        after = text[end:end + 40]
        cue_before = bool(lex.unlisted_before.search(before))
        cue_after = bool(lex.unlisted_after.match(after))
        in_list = start <= listed_until and bool(
            _LIST_GAP.match(text[found[-1].end:start])) if found else False
        prev = re.findall(r"[A-Za-z]+", before.lower())[-1:]
        locative = bool(prev) and prev[0] in lex.locative
        # The model's place is this name (not a longer one: "Control" in "the Line of
        # Control").
        ner_place = any(e == end and s <= start and text[s:start].lower() in ("", "the ")
                        for s, e in ner_loc)
        follows = _container_after(text, end, out) is not None
        # "shelled Tal Rifaat": a name that opens as places do, or the model's place,
        # struck by a verb that takes places.
        aimed = lex.struck(before) and (ner_place or key.split()[0] in lex.name_part)
        if not (cue_before or cue_after or in_list or aimed
                or (locative and (follows or ner_place))):
            continue
        overlapping = [m for m in out if m.start < end and start < m.end]
        if any(m.place is not None or m.container is not None for m in overlapping):
            continue  # the gazetteer knows this name, or a part of it, or its admin context
        for m in overlapping:
            out.remove(m)
        mention = PlaceMention(start, end, word, None)
        mention.qualifier = "unlisted"
        found.append(mention)
        if cue_before or in_list:
            gap = _SENTENCE_BREAK.search(text, end)
            listed_until = gap.start() if gap else len(text)
    return sorted(out + found, key=lambda m: m.start)


def _set_aside_namesakes(text: str, out: list[PlaceMention], lex: PlaceLexicon,
                         votes: dict[str, float]) -> None:
    """ "the village of Tama in southern Idlib": a namesake abroad is not this village.
    Without the cue ("Kirkat in northern Hama countryside", "Humrat, Salim and Jomaqliyeh
    in the countryside of Homs"), so when the text is more about the country of the
    place around."""
    for m in out:
        if m.place is not None and m.place.kind == "town":
            around = list_container(text, m, out)
            if around is None or around.place is None or around.place.iso2 == m.place.iso2:
                continue
            small = bool(lex.small_before.search(text[max(0, m.start - 50):m.start])
                         or lex.unlisted_after.match(text[m.end:m.end + 40]))
            if small or (votes.get(str(around.place.iso2), 0.0)
                         > votes.get(str(m.place.iso2), 0.0)):
                m.place, m.qualifier, m.candidates = None, "unlisted", []


def _name_end(text: str, tokens: list[tuple[int, int]], words: list[str], i: int,
              lex: PlaceLexicon) -> int:
    """The last token of the capitalised name starting at token i (at most five tokens,
    lower-case links such as "al" or "de" inside)."""
    n = len(tokens)
    j = i
    while j + 1 < n and j + 1 - i < 5 and text[tokens[j][1]:tokens[j + 1][0]] in _JOINS:
        nxt = words[j + 1]
        if nxt[0].isupper() and not _bad_word(nxt, lex):
            j += 1
        elif (nxt.lower() in _words().name_links and j + 2 < n
              and text[tokens[j + 1][1]:tokens[j + 2][0]] in _JOINS
              and words[j + 2][0].isupper() and not _bad_word(words[j + 2], lex)):
            j += 2
        else:
            break
    return j


def _bad_word(word: str, lex: PlaceLexicon) -> bool:
    """A capitalised word that is no part of a place name the gazetteer lacks: a number or
    quantity opening a sentence is none either ("Two district officials were ...",
    "Several county offices ...")."""
    low = word.lower()
    return (low in CALENDAR_NAMES or low in lex.org_after or low in lex.qualifier_words
            or low in lex.attributive or norm_key(word) in lex.stop or low in _counts())


@lru_cache(maxsize=1)
def _counts() -> frozenset[str]:
    """The words that count people (``quantities.tsv``: "two", "several", "dozens")."""
    return frozenset(row["word"] for row in read_table("quantities.tsv"))


def _container_after(text: str, end: int, out: list[PlaceMention]) -> PlaceMention | None:
    """The placed mention a name is said to lie in: "X in Idlib", "X, Hama", "X near Azaz",
    "X in the northern countryside of Aleppo"."""
    for m in out:
        if m.start < end or m.place is None:
            continue
        if m.start - end > 60:
            return None
        gap = text[end:m.start]
        if m.container is not None and "," in gap:
            # A name of a list ("A, B and C in Idlib") holds none of the others; a place
            # said to lie in another does hold the name before it ("X area of Y tehsil
            # in Z": X lies in Y).
            continue
        if _words().container_gap.match(gap):
            return m
        return None
    return None


def list_container(text: str, m: PlaceMention, out: list[PlaceMention]) -> PlaceMention | None:
    """The place a name, or the list it opens, is said to lie in: "X in Idlib",
    "X, Y and Z in the Hama countryside" (a bare comma joins the list, not a container,
    unless the name stands alone: "X, Hama")."""
    run = _words().name_list.match(text, m.end)
    if run is None or run.end() == m.end:
        return _container_after(text, m.end, out)
    around = _container_after(text, run.end(), out)
    if around is None or re.fullmatch(r"\s*,\s*", text[run.end():around.start]):
        return None
    return around


def set_within(text: str, out: list[PlaceMention]) -> None:
    """Each placed town or unlisted name gets the place the text says it lies in
    (``within``), and a town the data gives no district takes that place's ("Jamrud in
    Khyber Agency"), with its seat's point where the town was only placed at its
    division's seat."""
    for m in out:
        if m.place is None or m.place.kind not in ("town", "unlisted"):
            continue
        around = m.container or list_container(text, m, out)
        if around is None or around is m or around.place is None:
            continue
        m.within = around
        if _elsewhere(m.place, around.place) and _held(text, m, around):
            # "Let Pan village of Yinmarbin township (Sagaing region)": a namesake town
            # of another division is not the place the text says lies there.
            m.place, m.container = _inside(m.text, around.place), around
        take_district(m, around)


def _elsewhere(town: Place, around: Place) -> bool:
    """A known town of another first-level division than the place said to hold it."""
    return (town.kind == "town" and around.iso2 == town.iso2 and bool(around.admin1)
            and around.admin1 != town.admin1)


def _held(text: str, m: PlaceMention, around: PlaceMention) -> bool:
    """The text says ``m`` lies in ``around`` ("X village of Y township", "X, Y", "X in
    Y"), not near it ("south of Damascus city", "near Azaz") nor in a part of a country
    ("in southern Yemen")."""
    if around.start < m.end:
        return False
    words = re.findall(r"[a-z]+", f"{text[m.end:around.start]} {around.qualifier or ''}".lower())
    near = place_words("near_gap", "bearing")
    return not any(w in near or w.endswith("ern") for w in words)


def _inside(name: str, base: Place, precision: int | None = None) -> Place:
    """A name the text puts inside ``base``: at its point, at ``precision`` (by default 2
    in a town, 3 in a division)."""
    return Place(
        location=ascii_name(name), country=base.country, iso=base.iso, iso2=base.iso2,
        admin1=base.admin1, admin2=base.admin2, latitude=base.latitude,
        longitude=base.longitude,
        geo_precision=precision or (2 if base.kind == "town" else 3), kind="unlisted")


def _container_before(text: str, start: int, out: list[PlaceMention]) -> PlaceMention | None:
    """A town named just before with a possessive: "Nairobi's Eastleigh neighbourhood"."""
    for m in reversed(out):
        if m.end > start or m.place is None:
            continue
        return m if re.fullmatch(r"['’]s\s+(?:the\s+)?", text[m.end:start]) else None
    return None


def _text_country(out: list[PlaceMention], votes: dict[str, float]) -> str | None:
    """The country the text's own places point at; failing them, the strongest vote."""
    named: dict[str, float] = {}
    for m in out:
        p = m.place
        if p is not None and p.iso2 and p.kind != "unlisted":
            named[p.iso2] = named.get(p.iso2, 0.0) + (0.5 if p.kind == "town" else 1.0)
    pool = named or {k: v for k, v in votes.items() if v >= 1.0}
    ranked = sorted(pool.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return None  # two countries level: the text does not say which
    return ranked[0][0]


def _spelled_like(text: str, gaz: Gazetteer, m: PlaceMention, container: PlaceMention | None,
                  top: str | None, region: frozenset[str] = frozenset()) -> Place | None:
    """A town the gazetteer has under another spelling ("Tal Tamer" for Tall Tamr,
    "Maskana" for Maskanah), in the division or country the text puts the name in.

    Consonant skeletons are shared by unrelated names, so the spelling must be close
    (``LOOSE_SIMILARITY``) and the town must lie where the text says; with no place or
    country to go by, only one close town in the world will do.
    """
    key = norm_key(m.text)
    where = container.place if container is not None else None
    cc = where.iso2 if where is not None else top
    pool = {i for i in gaz.index.get(key, ())} | set(gaz.loose_towns(key))
    best: tuple[float, int] | None = None
    close = 0
    for i in pool:
        similar = 100.0 if i in gaz.index.get(key, ()) else fuzz.ratio(key, norm_key(gaz.names[i]))
        if similar < LOOSE_SIMILARITY:
            continue
        close += 1
        if cc is not None and gaz.cc[i] != cc or cc is None and region and gaz.cc[i] not in region:
            continue
        if where is not None and where.kind != "country" and where.admin1 and \
                gaz.admin1_names.get((gaz.cc[i], gaz.a1[i])) != where.admin1:
            continue
        if best is None or (similar, gaz.pop[i]) > (best[0], gaz.pop[best[1]]):
            best = (similar, i)
    if best is None or (cc is None and (close > 1 or best[0] < 90)):
        return None
    before = text[max(0, m.start - 80):m.start]
    lex = place_lexicon()
    near = bool(lex.direction_of.search(before) or lex.near_before.search(before))
    return gaz.town(best[1], 2 if near else 1, ascii_name(m.text))


def place_unlisted(text: str, out: list[PlaceMention], gaz: Gazetteer,
                    votes: dict[str, float], region: frozenset[str] = frozenset()) -> None:
    """Give each unlisted name a place: its container's, at precision 2 (near a town) or
    3 (in a division or a country), else the division or country the text is about
    (``region``: where the armed groups it names fight, when it says no more)."""
    placed = [m for m in out if m.place is not None]
    top = _text_country(out, votes)
    fallback: Place | None = None
    if top is not None:
        divisions = {(m.place.iso2, m.place.admin1) for m in placed
                     if m.place is not None and m.place.iso2 == top and m.place.admin1}
        if len(divisions) == 1:
            (iso2, a1), = divisions
            fallback = gaz.admin1_place(str(iso2), str(a1))
        fallback = fallback or gaz.country(top)
    following: PlaceMention | None = None
    for m in reversed(out):  # "the villages of A, B and C in Hama": Hama holds all three
        if m.qualifier != "unlisted" or m.place is not None:
            continue
        container = (m.container or _container_after(text, m.end, out)
                     or _container_before(text, m.start, out))
        if (container is None and following is not None
                and (following.container or following.within) is not None
                and _LIST_GAP.match(text[m.end:following.start])):
            container = following.container or following.within
        following = m
        m.container = container
        known = _spelled_like(text, gaz, m, container, top, region)
        if known is not None:
            # A town after all: it may hold the names before it ("X near Mazraet Beit Jin").
            m.place, m.qualifier, m.container, m.within = known, None, None, container
            continue
        base = container.place if container is not None else fallback
        if base is None:
            # The text names the place but not its country: the name stands, unplaced
            # (no country, no coordinates), rather than a guess.
            m.container = None
            m.place = Place(location=ascii_name(m.text), kind="unlisted")
            continue
        town = base.kind == "town" or (container is not None and container.place is not None
                                       and container.place.kind == "town")
        if town and container is not None and (
                _words().quarter.match(text, m.end) or _container_before(text, m.start, out)):
            # A quarter of a town ("Nairobi's Eastleigh neighbourhood") is coded to the
            # town itself, as ACLED codes city neighbourhoods.
            m.place = dataclasses.replace(base)
            continue
        m.place = _inside(m.text, base, 2 if town else 3)
    out.sort(key=lambda m: m.start)
