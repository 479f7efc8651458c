"""The map's labels, offline: countries, first-level divisions and towns from the gazetteer.

>>> [(p["name"], p["kind"]) for p in labels((41, -2, 47, 4), zoom=7)][:2]  # doctest: +SKIP
[('Somalia', 'country'), ('Banaadir', 'admin1')]

The page draws them over the shipped borders, so a map zoomed to a province shows its
divisions and towns, with no tile server and nothing fetched from the internet: the
names and places are the gazetteer's (GeoNames data shipped in Python packages, see
gazetteer.py). Which labels a zoom level gets:

- countries up to zoom 6, at the middle of their towns (GeoNames has no outlines);
- first-level divisions from zoom 5, at the middle of their towns;
- towns by population, more as the map zooms in (``TOWN_MIN_POPULATION``).

Each kind is ranked (population) and cut to ``limit`` per request; the page hides a label
that would overlap one of higher rank.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .gazetteer import Gazetteer

__all__ = ["labels"]

# Countries are named up to this zoom; divisions from this one.
COUNTRY_MAX_ZOOM = 6
ADMIN1_MIN_ZOOM = 5
# The smallest town named at each zoom (Leaflet's levels: 2 shows the world, 8 a
# province, 11 a town). Chosen so that a 1366x860 view holds tens of names, not hundreds.
TOWN_MIN_POPULATION = {
    0: 5_000_000, 1: 5_000_000, 2: 5_000_000, 3: 3_000_000, 4: 1_000_000, 5: 300_000,
    6: 100_000, 7: 40_000, 8: 15_000, 9: 5_000, 10: 2_000,
}  # fmt: skip
_SMALLEST_TOWN = 1_000
# A view spanning more grid cells than this is searched by population, not by cell.
_GRID_LIMIT = 400


@dataclass(frozen=True, slots=True)
class _Label:
    name: str
    kind: str
    lat: float
    lon: float
    rank: int

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "lat": round(self.lat, 4),
                "lon": round(self.lon, 4), "rank": self.rank}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Index:
    countries: tuple[_Label, ...]
    admin1: tuple[_Label, ...]
    towns: tuple[_Label, ...]  # most populous first
    grid: dict[tuple[int, int], tuple[_Label, ...]]  # 1-degree cells, most populous first


@functools.lru_cache(maxsize=1)
def _index() -> _Index:
    """The labels of the whole world, built once from the gazetteer (about a second)."""
    gaz = Gazetteer.default()
    sums: dict[Any, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    towns = []
    for i in range(gaz.bundled):
        lat, lon, pop = gaz.lat[i], gaz.lon[i], gaz.pop[i]
        for key in (gaz.cc[i], (gaz.cc[i], gaz.a1[i])):
            acc = sums[key]
            acc[0] += lat
            acc[1] += lon
            acc[2] += 1
        if pop >= _SMALLEST_TOWN:
            towns.append(_Label(gaz.names[i], "town", lat, lon, int(pop)))

    def middle(key: Any) -> tuple[float, float] | None:
        acc = sums.get(key)
        return (acc[0] / acc[2], acc[1] / acc[2]) if acc else None

    countries = []
    for c in gaz.countries.values():
        at = middle(c.iso2)
        if at is not None:
            countries.append(_Label(c.name, "country", *at, c.population))
    admin1 = []
    for key, name in gaz.admin1_names.items():
        at = middle(key)
        if at is not None:
            admin1.append(_Label(name, "admin1", *at, int(gaz.admin1_pop.get(key, 0))))
    towns.sort(key=lambda t: -t.rank)
    grid: dict[tuple[int, int], list[_Label]] = defaultdict(list)
    for t in towns:
        grid[(math.floor(t.lat), math.floor(t.lon))].append(t)
    return _Index(
        tuple(sorted(countries, key=lambda t: -t.rank)),
        tuple(sorted(admin1, key=lambda t: -t.rank)),
        tuple(towns),
        {k: tuple(v) for k, v in grid.items()},
    )


def labels(
    bbox: tuple[float, float, float, float], zoom: int, limit: int = 300
) -> list[dict[str, Any]]:
    """The labels inside ``bbox`` (west, south, east, north) for a map at ``zoom``,
    countries first, then divisions, then towns, each kind by rank."""
    west, south, east, north = bbox
    index = _index()

    def inside(t: _Label) -> bool:
        return south <= t.lat <= north and west <= t.lon <= east

    out: list[_Label] = []
    if zoom <= COUNTRY_MAX_ZOOM:
        out += [t for t in index.countries if inside(t)][:limit]
    if zoom >= ADMIN1_MIN_ZOOM:
        out += [t for t in index.admin1 if inside(t)][:limit]
    least = TOWN_MIN_POPULATION.get(zoom, _SMALLEST_TOWN if zoom > 10 else 5_000_000)
    cells = (math.floor(north) - math.floor(south) + 1) * (math.floor(east) - math.floor(west) + 1)
    if cells > _GRID_LIMIT:
        candidates: list[_Label] = []
        for t in index.towns:
            if t.rank < least:
                break
            if inside(t):
                candidates.append(t)
    else:
        candidates = [
            t
            for la in range(math.floor(south), math.floor(north) + 1)
            for lo in range(math.floor(west), math.floor(east) + 1)
            for t in index.grid.get((la, lo), ())
            if t.rank >= least and inside(t)
        ]
        candidates.sort(key=lambda t: -t.rank)
    out += candidates[:limit]
    return [t.as_dict() for t in out]
