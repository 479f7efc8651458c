"""Admin context: the divisions a text puts a place in, read as one chain.

News and incident notes often say where a place lies: "Tin-Akoff (Tin-Akoff, Oudalan)",
"Amchide town, Kolofata subdivision (Mayo-Sava, Extreme-Nord)", "Namtu Township, Kyaukme
District, Shan State", "Miango (Bassa LGA, Plateau)", "Culiacan, Sinaloa". Each part of
such a chain is read against the gazetteer's countries, first- and second-level divisions
and towns; the reading that makes the parts agree gives the place its country and
first-level division, even when the place itself is a village the gazetteer lacks. A
word such as "LGA" or "township" says which country's divisions are meant
(``data/division_words.tsv``).

>>> [(c.head, c.iso2, c.admin1) for c in find_chains("Gunmen hit Kamonyi (Uvira, Sud-Kivu).")]
[('Kamonyi', 'CD', '12')]
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from rapidfuzz import fuzz

from .admin_tables import division_key
from .dates import CALENDAR_NAMES
from .gazetteer import Gazetteer
from .lexicon import alternatives, read_table
from .place_lexicon import LOOSE_SIMILARITY, PlaceMention
from .placenames import norm_key, place_values, place_words
from .records import Place

__all__ = [
    "Chain", "ChainPart", "Hit", "Reading", "chain_mentions", "country_part", "direction_of",
    "division_words", "find_chains", "fit_chains", "take_district",
]  # fmt: skip

HitT = TypeVar("HitT", bound="Hit")


@dataclass(frozen=True, slots=True)
class Reading:
    """What one part of a chain may name: a country, a first- or second-level division
    (``admin1`` is GeoNames' code) or a town; ``seat`` is the gazetteer entry it is
    placed at (None: a division whose seat is not known)."""

    kind: str  # country, admin1, admin2, town
    iso2: str
    admin1: str | None
    name: str
    seat: int | None


@dataclass(slots=True)
class ChainPart:
    """One name of the chain (``start:end``, without the division word)."""

    start: int
    end: int
    text: str
    word: str | None
    readings: list[Reading] = field(default_factory=list)
    chosen: Reading | None = None


@dataclass(slots=True)
class Chain:
    """A place (``head``, at ``start:end``) and the divisions the text puts it in."""

    start: int
    end: int
    head: str
    parts: list[ChainPart]
    bracketed: bool
    iso2: str | None = None
    admin1: str | None = None
    # The end of the whole phrase, the last part or its closing bracket included.
    phrase_end: int = 0
    # The division word after the head ("Baharak district, Takhar": 'district').
    head_word: str | None = None

    def container(self) -> ChainPart | None:
        """The part nearest the head that is placed: where a village the gazetteer lacks
        is put ("Uvira" for "Kamonyi (Uvira, Sud-Kivu)")."""
        for part in self.parts:
            if part.chosen is not None and part.chosen.seat is not None:
                return part
        return None


@functools.lru_cache(maxsize=1)
def division_words() -> dict[str, tuple[str, frozenset[str]]]:
    """``data/division_words.tsv``: word -> (level, countries it is used in)."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for row in read_table("division_words.tsv"):
        codes = frozenset() if row["countries"] == "-" else frozenset(row["countries"].split(";"))
        out[row["word"]] = (row["level"], codes)
    return out


_TOKEN = r"(?:[A-Z][\w'’]*(?:[-.&][\w'’]+)*\.?|[A-Z]&[A-Z])"


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a part of a chain, a head before its chain, a comma chain), built from the division
    words and the feature words (``place_words.tsv``) on first use."""
    links = alternatives(place_words("chain_link"))
    name = rf"{_TOKEN}(?:(?: |-)(?:(?:{links})(?: |-))*{_TOKEN}){{0,5}}"
    div = alternatives({*division_words(), *place_words("feature_word")}, r"\s+")
    part = re.compile(
        rf"(?:(?:the\s+)?(?i:{div})\s+of\s+)?(?P<name>{name})(?P<word>\s+(?i:{div}))?")
    head = re.compile(rf"(?P<name>{name})(?:\s+\d+)?(?P<word>(?:\s+(?i:{div}))*)\s*$")
    bare = rf"(?:(?:the\s+)?(?i:{div})\s+of\s+)?{name}(?:\s+(?i:{div}))?"
    comma = re.compile(
        rf"(?P<head>{name})(?P<word>(?:\s+(?i:{div}))*)(?P<rest>(?:\s*,\s*{bare})+)")
    return part, head, comma


_LIST_AFTER = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+[A-Z]")
_POSSESSIVE = re.compile(r"['’]s\b")
# What may stand before the head of a comma chain: a sentence or clause break.
# (Not a full stop: a sentence's first word is as often an adverb as a place, "Additionally,
# UK jets ..."; a report opening with its place has nothing before it.)
_STARTS = frozenset(",;:-–—(\"“")


def find_chains(text: str, gazetteer: Gazetteer | None = None) -> list[Chain]:
    """Every place of ``text`` with admin context, each chain read against the gazetteer.

    >>> c = find_chains("Protesters marched in Miango (Bassa LGA, Plateau).")[0]
    >>> c.head, c.iso2, [p.text for p in c.parts]
    ('Miango', 'NG', ['Bassa', 'Plateau'])
    """
    gaz = gazetteer or Gazetteer.default()
    chains = _joined(_bracketed(text, gaz) + _comma_chains(text, gaz))
    # A chain inside another's brackets ("Oudalan" after "Tin-Akoff, ") is a part of it.
    chains = [c for c in chains
              if not any(o is not c and o.start < c.start < o.phrase_end for o in chains)]
    return sorted((c for c in chains if _resolve(gaz, c)), key=lambda c: c.start)


def _head(text: str, end: int) -> tuple[int, int, str | None] | None:
    """The name just before ``end`` (a bracket or a comma): its span and the word after it
    ("Kolofata subdivision": 'subdivision')."""
    window_start = max(0, end - 120)
    m = _patterns()[1].search(text, window_start, end)
    if m is None:
        return None
    start = m.start("name")
    name = m.group("name")
    # "In Kamonyi village": the preposition that opens the sentence is no part of it.
    openers = place_words("opener")
    while True:
        first, _, rest = name.partition(" ")
        if not rest or first.lower() not in openers:
            break
        start += len(first) + 1
        name = rest
    name, capital_word = _split_word(name)
    if not name or name.lower() in openers:
        return None
    word = capital_word or (m.group("word") or "").strip().lower() or None
    return start, start + len(name), word.split()[-1] if word else None


def _part(text: str, start: int, end: int) -> ChainPart | None:
    """One part of a chain, or None where the words are no division's name."""
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    raw = raw.strip()
    m = _patterns()[0].fullmatch(raw)
    if m is None:
        return None
    s = start + lead + m.start("name")
    name, word = _split_word(m.group("name"))
    word = word or (m.group("word") or "").strip().lower() or None
    if word is None:
        before = raw[: m.start("name")].lower().split()
        word = next((w for w in before if w in division_words()), None)
    if not name:
        return None
    return ChainPart(s, s + len(name), name, word)


def _split_word(name: str) -> tuple[str, str | None]:
    """ "Kyaukme District" -> ("Kyaukme", "district"); "Shan State." -> ("Shan", "state")."""
    if name.endswith(".") and not re.search(r"(?:^|[\s.])[A-Z]\.$", name):
        name = name[:-1]
    words = name.split()
    for k in range(1, min(3, len(words))):
        tail = " ".join(words[-k:]).lower()
        if tail in division_words() or tail in place_words("feature_word"):
            return " ".join(words[:-k]), tail
    return name, None


def _bracketed(text: str, gaz: Gazetteer) -> list[Chain]:
    """ "X (A, B)": a name, then the divisions it lies in, in brackets ("X (A), B" too)."""
    out = []
    for m in re.finditer(r"\(([^()\n]{2,120})\)", text):
        head = _head(text, m.start())
        if head is None:
            continue
        parts = _parts(text, m.start(1), m.group(1).split(","), gaz)
        end = m.end()
        # "Baghlani Jadid (Baghlan Markazi), Baghlan": the chain goes on after the bracket.
        more = re.match(r"\s*,\s*([^,;.()\n]{2,60})", text[end:])
        if parts and more:
            after = _parts(text, end + more.start(1), [more.group(1)], gaz)
            if after and after[0].readings and not _LIST_AFTER.match(text, end + more.end()):
                parts += after
                end = after[0].end
        if parts:
            s, e, _word = head
            out.append(Chain(s, e, text[s:e], parts, True, phrase_end=end))
    return out


def _parts(text: str, pos: int, pieces: list[str], gaz: Gazetteer) -> list[ChainPart]:
    """The parts of a chain from its pieces of text; none when a piece names no division."""
    parts = []
    for piece in pieces:
        part = _part(text, pos, pos + len(piece))
        pos += len(piece) + 1
        if part is None:
            return []
        part.readings = _readings(gaz, part)
        parts.append(part)
    return parts


def _comma_chains(text: str, gaz: Gazetteer) -> list[Chain]:
    """ "X, A District, B State": a name, then its divisions after commas. A list of
    places ("Aleppo, Idlib and Hama") is none."""
    out = []
    for m in _patterns()[2].finditer(text):
        head = _head(text, m.start("rest"))
        rest = text[m.start("rest") : m.end()]
        if head is None or _LIST_AFTER.match(text, m.end()) or _POSSESSIVE.search(rest):
            continue  # a list of places, or "Lebanon's news agency"
        # A chain says where something happened: "in X, Y", "the village of X, Y", or a
        # dateline or note opening with it; "on Monday, Lebanon's agency" is none.
        before = re.findall(r"[\w'’]+|[^\w\s]", text[max(0, head[0] - 40) : head[0]])
        if before and before[-1].lower() not in place_words("opener") and (
                before[-1] not in _STARTS):
            continue
        if text[head[0] : head[1]].lower() in CALENDAR_NAMES:
            continue
        parts: list[ChainPart] = []
        pos = m.start("rest")
        # A chain ends with its sentence: "Urozgan. Fatalities" is no name.
        stop = re.search(r"\.\s", text[pos : m.end()])
        end = pos + stop.start() if stop else m.end()
        for piece in text[pos:end].split(",")[1:]:
            part = _part(text, pos + 1, pos + 1 + len(piece))
            pos += 1 + len(piece)
            if part is None:
                break
            part.readings = _readings(gaz, part)
            if not part.readings and part.word is None:
                break  # "Kabul, Monday": a part must be a known name or a division's
            parts.append(part)
        if parts:
            s, e, word = head
            out.append(Chain(s, e, text[s:e], parts, False, phrase_end=parts[-1].end,
                             head_word=word if word in division_words() else None))
    return out


def _joined(chains: list[Chain]) -> list[Chain]:
    """ "Amchide town, Kolofata subdivision (Mayo-Sava, Extreme-Nord)": a comma chain
    whose last part heads a bracketed chain runs on into its brackets."""
    bracketed = {c.start: c for c in chains if c.bracketed}
    out = []
    used: set[int] = set()
    for c in chains:
        if c.bracketed:
            continue
        inner = bracketed.get(c.parts[-1].start)
        if inner is not None:
            c.parts = c.parts + inner.parts
            c.phrase_end = inner.phrase_end
            used.add(inner.start)
        out.append(c)
    return out + [c for start, c in bracketed.items() if start not in used]


def _readings(gaz: Gazetteer, part: ChainPart) -> list[Reading]:
    """Everything a part's name may be, narrowed by its division word."""
    keys = {norm_key(part.text), division_key(part.text)}
    found: list[Reading] = []
    for key in keys:
        iso2 = gaz.country_keys.get(key)
        if iso2:
            country = gaz.countries[iso2]
            found.append(Reading("country", iso2, None, country.name, country.capital))
        for cc, code in [*gaz.admin1_index.get(key, ()), *gaz.admin1_chain_index.get(key, ())]:
            name = gaz.admin1_names.get((cc, code), part.text)
            found.append(Reading("admin1", cc, code, name, gaz.admin1_seat.get((cc, code))))
        for v in gaz.variants.get(key, ()):
            i = v.entry
            if v.admin2:
                seat = i if v.precision == 2 else None
                found.append(Reading("admin2", gaz.cc[i], gaz.a1[i], v.admin2, seat))
            else:
                found.append(Reading("town", gaz.cc[i], gaz.a1[i], gaz.names[i], i))
        for i in gaz.index.get(key, ()):
            found.append(Reading("town", gaz.cc[i], gaz.a1[i], gaz.names[i], i))
    if not found:  # "Baramulla" for GeoNames' "Baramula": a close spelling, as a town
        key = norm_key(part.text)
        found = [Reading("town", gaz.cc[i], gaz.a1[i], gaz.names[i], i)
                 for i in gaz.loose_towns(key)
                 if fuzz.ratio(key, norm_key(gaz.names[i])) >= LOOSE_SIMILARITY]
    found = list(dict.fromkeys(found))
    if part.text.isupper() and len(part.text.replace(".", "")) <= 3:
        # "UK", "TN", "J&K": an abbreviation of a country or a division, not a town.
        found = [r for r in found if r.kind in ("country", "admin1")]
    level, countries = division_words().get(part.word or "", ("-", frozenset()))
    if countries:
        found = [r for r in found if r.iso2 in countries] or found
    if level == "1":
        found = [r for r in found if r.kind == "admin1"] or found
    elif level in ("2", "3"):
        found = [r for r in found if r.kind in ("admin2", "town")] or found
    return found


def _resolve(gaz: Gazetteer, chain: Chain) -> bool:
    """Choose the country and division on which the parts agree; False where none does.
    A chain of towns only ("Boota Park, Shahdara"), or a bracket that only glosses a name
    ("Line of Control (LoC)"), is no admin context."""
    if not any(p.word or any(r.kind != "town" for r in p.readings) for p in chain.parts):
        return False
    hinted: set[str] = set()
    for part in chain.parts:
        hinted |= division_words().get(part.word or "", ("-", frozenset()))[1]
    pairs = {(r.iso2, r.admin1 if r.kind != "country" else None)
             for p in chain.parts for r in p.readings}
    # A country alone is the chain's reading only where no part is a place inside it.
    inside = {r.iso2 for p in chain.parts for r in p.readings if r.kind != "country"}
    pairs = {(c, a1) for c, a1 in pairs if a1 is not None or c not in inside}
    if not pairs:
        return False
    head_towns = {(gaz.cc[i], gaz.a1[i]) for i in gaz.index.get(norm_key(chain.head), ())}

    def score(pair: tuple[str, str | None]) -> float:
        iso2, a1 = pair
        s = 0.0
        for p in chain.parts:
            if not p.readings:
                continue
            fits = [r for r in p.readings
                    if r.iso2 == iso2 and (a1 is None or r.admin1 == a1 or r.kind == "country")]
            # A division elsewhere speaks against; a namesake town elsewhere says little.
            # A part read as a division outweighs one read as a town ("Takhar": the
            # Afghan province, not a Chinese village of a like name).
            against = -1.0 if any(r.kind != "town" for r in p.readings) else 0.0
            s += (1.0 if any(r.kind != "town" for r in fits) else 0.8) if fits else against
        # The head is part of the chain too: a town of that name there agrees with it.
        s += 0.5 * (iso2 in hinted) + 1.0 * ((iso2, a1) in head_towns or (
            a1 is None and any(c == iso2 for c, _ in head_towns)))
        return s + (0.1 if a1 is not None else 0.0)

    ranked = sorted(pairs, key=score, reverse=True)
    best = ranked[0]
    if score(best) <= 0:
        return False
    rivals = [p for p in ranked[1:] if score(p) == score(best)]
    if any(p[0] != best[0] for p in rivals):
        # Two countries fit as well: the one whose capital a part names ("Arada
        # (Tripoli)": Libya's, not Lebanon's port), else none.
        bigger = _capital_part(gaz, chain, [best, *rivals])
        if bigger is None:
            return False
        best = bigger
        rivals = [p for p in rivals if p[0] == best[0] and p != best]
    chain.iso2 = best[0]
    chain.admin1 = best[1] if not rivals else None
    for k, part in enumerate(chain.parts):
        # The last part is the widest: "Veracruz" after "Atoyac, " is the state.
        part.chosen = _choice(part, chain.iso2, chain.admin1, k == len(chain.parts) - 1)
    return True


def _capital_part(
    gaz: Gazetteer, chain: Chain, pairs: list[tuple[str, str | None]]
) -> tuple[str, str | None] | None:
    """Of (country, division) readings that fit a chain as well, the one of the only
    country whose capital a part names ("Arada (Tripoli)": Libya, not Lebanon's port);
    None where no part, or more than one country's, is a capital."""
    towns = [i for p in chain.parts for i in gaz.index.get(norm_key(p.text), ())]
    capitals = {gaz.cc[i] for i in towns if i in gaz.capitals} & {c for c, _ in pairs}
    if len(capitals) != 1:
        return None
    return next(p for p in pairs if p[0] in capitals)


_SPECIFIC = {"admin2": 0, "town": 1, "admin1": 2, "country": 3}


def _choice(part: ChainPart, iso2: str, admin1: str | None, last: bool) -> Reading | None:
    """The part's reading in the chosen country and division: the most specific, or for
    the chain's last part the widest."""
    fits = [r for r in part.readings
            if r.iso2 == iso2 and (admin1 is None or r.admin1 in (admin1, None))]
    if not fits:
        return None
    rank = (lambda r: -_SPECIFIC[r.kind]) if last else (lambda r: _SPECIFIC[r.kind])
    return min(fits, key=lambda r: (rank(r), r.seat is None))


# ------------------------------------------------------------- chains and hits


class Hit(Protocol):
    """What ``fit_chains`` reads and narrows of a gazetteer hit (``places``)."""

    start: int
    end: int
    candidates: list[Any]  # (score, kind, reference, variant)
    demonym: str | None
    fragment: str | None
    in_chain: bool


# The country and GeoNames admin1 code of a candidate reading: (gazetteer, kind, ref).
Where = Callable[[Gazetteer, str, Any], tuple[str, "str | None"]]


def _overlapping(start: int, end: int, items: Sequence[HitT]) -> list[HitT]:
    return [r for r in items if r.start < end and start < r.end]


# A town this large named before a division it is not in is one of a list ("Aleppo,
# Idlib"); a smaller namesake elsewhere in the country is more likely a town the bundled
# data lacks in that division ("Mesquita, Rio de Janeiro").
LISTED_TOWN = 100_000


def _known_in(hit: Hit, iso2: str, gaz: Gazetteer, where: Where) -> bool:
    """Some reading of ``hit`` is a division or a large town of country ``iso2``, or a
    country's capital (the capital of another country beside a division is one of a
    list: "in Moscow, Kyiv")."""
    return any(
        (where(gaz, c[1], c[2])[0] == iso2
         and (c[1] != "town" or not isinstance(c[2], int) or gaz.pop[c[2]] >= LISTED_TOWN))
        or (c[1] == "town" and c[2] in gaz.capitals)
        for c in hit.candidates
    )  # fmt: skip


def fit_chains(hits: Sequence[Hit], chains: list[Chain], gaz: Gazetteer,
               where: Where) -> list[Chain]:
    """Read the hits of each chain in its light: its parts are divisions of the chain's
    country (not the town of Sud in Haiti), and its head a place inside them. A comma
    chain of one part whose head is known only elsewhere is a list of places, not a chain
    ("Aleppo, Idlib"): it is dropped. Returns the chains that stand."""

    def inside(c: Any, iso2: str, admin1: str | None) -> bool:
        cc, a1 = where(gaz, c[1], c[2])
        return cc == iso2 and (admin1 is None or a1 is None or a1 == admin1)

    kept = []
    for chain in chains:
        iso2, admin1 = str(chain.iso2), chain.admin1
        heads = _overlapping(chain.start, chain.end, hits)
        fits = [[c for c in r.candidates if inside(c, iso2, admin1)] for r in heads]
        # "Lagunillas, Merida state": parts that agree, or a division word, make a chain
        # of what could be a list.
        sure = chain.bracketed or len(chain.parts) > 1 or any(p.word for p in chain.parts) or (
            chain.head_word is not None)
        # A head known in the chain's country, but not inside its part, may be one of a
        # list ("Aleppo, Idlib"); a head known only abroad, and no capital, is a village
        # the gazetteer lacks ("Valencia, Sangre Grande": not the Venezuelan city).
        if any(r.candidates and r.candidates[0][1] == "country" for r in heads) or (
                not sure and any(r.candidates and not fit and _known_in(r, iso2, gaz, where)
                                 for r, fit in zip(heads, fits, strict=True))):
            continue
        for r, fit in zip(heads, fits, strict=True):
            r.candidates = fit
            r.demonym = None
        for part in chain.parts:
            for r in _overlapping(part.start, part.end, hits):
                r.candidates = [c for c in r.candidates if inside(c, iso2, admin1)]
                r.in_chain = True
                r.fragment = None if r.fragment != "street" else r.fragment
        kept.append(chain)
    return kept


def _reading_place(gaz: Gazetteer, reading: Reading) -> Place | None:
    if reading.kind == "country":
        return gaz.country(reading.iso2)
    if reading.kind == "admin1" or reading.seat is None:
        place = gaz.admin1((reading.iso2, str(reading.admin1)))
        if place is not None and reading.kind == "admin2":
            place.admin2 = reading.name
        return place
    if reading.kind == "admin2":
        return gaz.town(reading.seat, 2, reading.name, reading.name)
    return gaz.town(reading.seat)


def _part_mention(text: str, out: list[PlaceMention], part: ChainPart,
                  gaz: Gazetteer) -> PlaceMention | None:
    """The mention of a chain's part, made when the scan found none ("Uvira" found as a
    territory only through the chain)."""
    for m in out:
        if m.start < part.end and part.start < m.end and m.place is not None:
            return m
    if part.chosen is None:
        return None
    place = _reading_place(gaz, part.chosen)
    if place is None:
        return None
    mention = PlaceMention(part.start, part.end, text[part.start:part.end], place)
    out[:] = [m for m in out if not (m.start < part.end and part.start < m.end)] + [mention]
    return mention


def take_district(head: PlaceMention, container: PlaceMention) -> None:
    """A known town said to lie in a district ("Miran Shah, North Waziristan") takes the
    district as its second-level division when the gazetteer gave it none; a place known
    only at its first-level division's seat (precision 3: an area without a town of its
    own) takes the district's seat too, at precision 2."""
    town, part = head.place, container.place
    if town is None or part is None or town.admin2 or not part.admin2 or town is part:
        return
    if (town.iso2, town.admin1) == (part.iso2, part.admin1):
        town.admin2 = part.admin2
        if town.geo_precision == 3 and part.geo_precision == 2:
            town.latitude, town.longitude, town.geo_precision = (
                part.latitude, part.longitude, 2)


def chain_mentions(text: str, out: list[PlaceMention], chains: list[Chain],
                   gaz: Gazetteer) -> list[PlaceMention]:
    """Each chain's head as a mention placed inside its divisions: a known town keeps its
    place and is said to lie within them; a name the gazetteer lacks is an unlisted
    village whose container is the chain's nearest placed part."""
    out = list(out)
    for chain in chains:
        parts = [_part_mention(text, out, p, gaz) for p in chain.parts]
        nearest = chain.container()
        container = next((m for p, m in zip(chain.parts, parts, strict=True)
                          if p is nearest and m is not None), None) or next(
            (m for m in reversed(parts) if m is not None), None)
        if container is None:
            continue
        heads = [m for m in out if m.start < chain.end and chain.start < m.end]
        placed = [m for m in heads if m.place is not None]
        if placed:
            for m in placed:
                m.within = m.within or container
                take_district(m, container)
            continue
        out = [m for m in out if m not in heads]
        head = PlaceMention(chain.start, chain.end, text[chain.start:chain.end], None)
        head.qualifier, head.container = "unlisted", container
        out.append(head)
    return sorted(out, key=lambda m: m.start)


# ------------------------------------------------------------ parts of a country

def direction_of(word: str) -> str | None:
    """The compass direction a word names: "north-western" -> "northwest";
    "central" -> "central"."""
    w = word.lower().replace("-", "").replace(" ", "")
    if w.startswith(tuple(place_words("centre_word"))):
        return "central"
    w = re.sub(r"(?:ern|erly)$", "", w)
    return w if w in place_words("bearing") else None


@functools.lru_cache(maxsize=1024)
def _extent(gaz: Gazetteer, iso2: str) -> tuple[float, float, float] | None:
    """(centre latitude, centre longitude, half-diagonal in degrees) of a country's towns,
    without the farthest 2% each way (islands, exclaves)."""
    points = [(gaz.lat[i], gaz.lon[i]) for i in range(gaz.bundled)
              if gaz.cc[i] == iso2 and gaz.pop[i] >= 1000]
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    cut = len(points) // 50
    lo_lat, hi_lat = lats[cut], lats[-1 - cut]
    lo_lon, hi_lon = lons[cut], lons[-1 - cut]
    half = math.hypot(hi_lat - lo_lat, hi_lon - lo_lon) / 2 or 1.0
    return (lo_lat + hi_lat) / 2, (lo_lon + hi_lon) / 2, half


def country_part(gaz: Gazetteer, iso2: str, direction: str) -> Place | None:
    """A part of a country ("northwestern Syria", "the north of Burkina Faso") placed at
    the seat of the first-level division that lies most that way: the division whose
    seat is far from the country's middle with a bearing close to the direction
    ("central": the nearest to the middle), at geo_precision 3.

    >>> country_part(Gazetteer.default(), "SY", "northwest").admin1 in ("Idlib", "Aleppo")
    True
    """
    extent = _extent(gaz, iso2)
    divisions = [(key, seat) for key, seat in gaz.admin1_seat.items() if key[0] == iso2]
    if extent is None or not divisions:
        return None
    lat0, lon0, half = extent
    scale = math.cos(math.radians(lat0))
    # The compass bearing of each direction word, in degrees from east, counter-clockwise.
    bearing = place_values("bearing")

    def score(item: tuple[tuple[str, str], int]) -> float:
        seat = item[1]
        dy, dx = gaz.lat[seat] - lat0, (gaz.lon[seat] - lon0) * scale
        far = math.hypot(dy, dx) / half
        if direction == "central":
            return -far
        off = math.radians(math.degrees(math.atan2(dy, dx)) - int(bearing[direction]))
        # Far that way, and not much off it: the bearing counts most.
        return max(0.0, math.cos(off)) ** 4 * min(far, 1.5)

    key, _seat = max(divisions, key=score)
    place = gaz.admin1(key)
    if place is not None:
        place.kind = "region"
    return place
