"""Front lines where two known sides faced each other (``data/frontlines.tsv``): where and
when each ran, and the words that tell a report is about one. The coding wing fills the
unnamed side of a clash there (``coding/frontlines.py``); the place stage looks for the
villages of a front-line report in the front's own divisions first (a "Serhiivka" near the
Donbas contact line, not its namesake in Poltava).

>>> [f.name for f in fronts()][:1]
['Donbas contact line']
>>> front_at("UA", "Donetsk", 2019).name
'Donbas contact line'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .gazetteer import Gazetteer
from .lexicon import read_table
from .placenames import norm_key


@dataclass(frozen=True, slots=True)
class Front:
    """One row of ``frontlines.tsv``: where and when two sides faced each other."""

    name: str
    iso2: str
    admin1: frozenset[str]  # norm_key of each division; empty = the whole country
    start: int
    end: int | None
    sides: tuple[str, str]
    divisions: tuple[str, ...] = ()  # the divisions as the table writes them
    cues: re.Pattern[str] | None = None  # words telling a report is about this front

    def runs_in(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year <= self.end)


@functools.lru_cache(maxsize=1)
def fronts() -> tuple[Front, ...]:
    """The front lines of ``data/frontlines.tsv``."""
    out = []
    for r in read_table("frontlines.tsv"):
        named = tuple(a for a in r["admin1"].split(";") if a and a != "-")
        end = int(r["end"]) if r["end"] else None
        sides = (r["side_a"], r["side_b"])
        words = [c.strip() for c in r["cues"].split(";") if c.strip()]
        cues = (
            re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
            if words
            else None
        )
        divisions = frozenset(norm_key(a) for a in named)
        out.append(
            Front(r["front"], r["iso2"], divisions, int(r["start"]), end, sides, named, cues)
        )
    return tuple(out)


def front_at(iso2: str | None, admin1: str | None, year: int | None) -> Front | None:
    """The front line running through ``admin1`` of ``iso2`` in ``year``, if any."""
    if not iso2 or year is None:
        return None
    key = norm_key(admin1) if admin1 else None
    for f in fronts():
        if f.iso2 != iso2 or not f.runs_in(year):
            continue
        if not f.admin1 or (key is not None and key in f.admin1):
            return f
    return None


def front_regions(text: str, year: int | None) -> list[tuple[str, str]]:
    """The divisions (country code, division code) of every front that ``text`` tells of
    ("the OSCE SMM recorded ...", "along the contact line") and that ran in ``year``."""
    if year is None:
        return []
    gaz = Gazetteer.default()
    out: list[tuple[str, str]] = []
    for f in fronts():
        if f.runs_in(year) and f.cues is not None and f.cues.search(text):
            for name in f.divisions:
                out.extend(k for k in gaz.admin1_keys(name) if k[0] == f.iso2 and k not in out)
    return out


_RUN_OF_I = re.compile(r"i{2,}")
# A pit or a works named after its village ("Oktiabr Mine", "Butivka mine"): the village's
# own name, where the table holds it without the word.
_WORKS = re.compile(r" (?:mine|colliery|pit)$")


def spelling_key(name: str) -> str:
    """``norm_key`` with the spellings of one Slavic name folded together: monitors,
    agencies and gazetteers write the same village "Vodyane" and "Vodiane", "Serhiyivka"
    and "Serhiivka", "Stanytsya" and "Stanytsia" (a "y" beside a vowel and an "i" are one
    sound; a run of "i" is one letter here).

    >>> spelling_key("Serhiyivka") == spelling_key("Serhiivka"), spelling_key("Vodyane")
    (True, 'vodiane')
    """
    return _RUN_OF_I.sub("i", norm_key(name).replace("y", "i"))


@functools.lru_cache(maxsize=1)
def _holders() -> dict[tuple[str, str], tuple[int, str]]:
    """(front name, ``spelling_key`` of a place) -> the index of the side that held it,
    and the division it lies in."""
    out: dict[tuple[str, str], tuple[int, str]] = {}
    for r in read_table("front_control.tsv"):
        for name in r["places"].split(";"):
            if name.strip():
                held = (0 if r["held"] == "a" else 1, r["admin1"])
                out[(r["front"], spelling_key(name))] = held
    return out


def _holding(front: str, place: str) -> tuple[int, str] | None:
    """The control table's row for ``place`` on ``front``: by its name, else by the
    village a works is named after ("Oktiabr Mine": Oktiabr)."""
    key = spelling_key(place)
    known = _holders().get((front, key))
    if known is None and _WORKS.search(key):
        known = _holders().get((front, _WORKS.sub("", key)))
    return known


def held_by(front: Front, place: str | None) -> str | None:
    """The side of ``front`` that held ``place`` (as ``frontlines.tsv`` names it; None for a
    place split by the line, in no man's land, or not in ``data/front_control.tsv``).

    >>> held_by(front_at("UA", "Donetsk", 2019), "Avdiivka")
    'Military Forces of Ukraine'
    """
    if not place:
        return None
    known = _holding(front.name, place)
    return None if known is None else front.sides[known[0]]


def front_holding(iso2: str | None, place: str | None, year: int | None) -> Front | None:
    """The front of ``iso2`` running in ``year`` whose control table holds ``place``: a
    village known to lie on a front line tells the front when its division is unknown."""
    if not iso2 or year is None or not place:
        return None
    for f in fronts():
        if f.iso2 == iso2 and f.runs_in(year) and _holding(f.name, place) is not None:
            return f
    return None


def front_division(iso2: str | None, place: str | None, year: int | None) -> str | None:
    """The first-level division of a front-line village the gazetteer lacks, from the
    front's control table ("Pyshchevyk": Donetsk), or None.

    >>> front_division("UA", "Pyshchevyk", 2020)
    'Donetsk'
    """
    front = front_holding(iso2, place, year)
    if front is None or place is None:
        return None
    known = _holding(front.name, place)
    return None if known is None else known[1]


@functools.lru_cache(maxsize=1)
def _telling_cues() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The cue phrases of ``frontlines.tsv`` that only one country's fronts list, longer
    than an acronym ("osce smm", "luhansk people's republic": Ukraine; not "line of
    contact", which Karabakh shares, nor "naf", which is also Nigeria's air force): one
    pattern for them all, and each phrase's country."""
    homes: dict[str, set[str]] = {}
    for r in read_table("frontlines.tsv"):
        for cue in r["cues"].split(";"):
            if len(cue.strip()) > 3:
                homes.setdefault(cue.strip().lower(), set()).add(r["iso2"])
    unique = {c: next(iter(h)) for c, h in homes.items() if len(h) == 1}
    if not unique:
        return None, unique
    alternation = "|".join(re.escape(c) for c in sorted(unique, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b", re.I), unique


def front_country(text: str) -> str | None:
    """The country (ISO alpha-2) whose front line ``text`` tells of by a phrase no other
    country's fronts use ("the OSCE SMM recorded ...": Ukraine), or None.

    >>> front_country("The OSCE SMM recorded 12 explosions near Pyshchevyk.")
    'UA'
    """
    cues, homes = _telling_cues()
    found = cues.search(text) if cues is not None else None
    return homes[found.group().lower()] if found is not None else None


def front_village(text: str, name: str, year: int | None) -> tuple[str, str] | None:
    """(country code, division) of a village ``name`` that the front line ``text`` tells
    of (by its cues) holds in its control table: "Molodizhne" in a monitors' report is
    the front's village in Luhansk, not its namesake in Poltava. None otherwise."""
    if year is None:
        return None
    for f in fronts():
        known = _holding(f.name, name)
        if known and f.runs_in(year) and f.cues is not None and f.cues.search(text):
            return f.iso2, known[1]
    return None
