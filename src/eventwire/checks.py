"""Checks on where events were placed, reported in a result's ``warnings``: an event's
point must lie in its country (Natural Earth's borders, shipped for the web page), and a
place far from every other place the article names is flagged, since a namesake abroad
is the likelier reading of such a name.

>>> inside_country(36.2, 37.15, 760)   # Aleppo, Syria
True
>>> inside_country(33.89, 35.50, 760)  # Beirut is not in Syria
False
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from importlib import resources

from .place_lexicon import PlaceMention
from .placenames import great_circle_km
from .records import Event

__all__ = ["great_circle_km", "inside_country", "place_warnings"]

# How far outside its country's simplified border a point may lie and still count as in
# it (the 1:50m borders are a few km off along coasts and rivers).
TOLERANCE_KM = 25.0
# A place this far from every other place of the article is flagged as a likely namesake.
FAR_KM = 800.0

_Ring = list[tuple[float, float]]


@functools.lru_cache(maxsize=1)
def _borders() -> dict[int, list[list[_Ring]]]:
    """ISO 3166 numeric code -> polygons (outer ring, then holes) as (lon, lat) rings,
    decoded from the TopoJSON of ``static/countries-50m.json``."""
    raw = resources.files("eventwire").joinpath("static/countries-50m.json").read_text("utf-8")
    topo = json.loads(raw)
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[_Ring] = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices: list[int]) -> _Ring:
        pts: _Ring = []
        for i in indices:
            arc = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(arc if not pts else arc[1:])
        return pts

    out: dict[int, list[list[_Ring]]] = {}
    for g in topo["objects"]["countries"]["geometries"]:
        if not str(g.get("id", "")).isdigit():
            continue
        polygons = [g["arcs"]] if g["type"] == "Polygon" else g.get("arcs", [])
        out[int(g["id"])] = [[ring(r) for r in poly] for poly in polygons]
    return out


def _in_ring(lon: float, lat: float, ring: _Ring) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def inside_country(lat: float, lon: float, iso: int) -> bool | None:
    """Whether a point lies in (or within ``TOLERANCE_KM`` of) the country with that ISO
    numeric code; None for a country the borders lack."""
    polygons = _borders().get(iso)
    if not polygons:
        return None
    for poly in polygons:
        if poly and _in_ring(lon, lat, poly[0]) and not any(
                _in_ring(lon, lat, hole) for hole in poly[1:]):
            return True
    # Near the border: within the tolerance of the country's outline (a coastal town
    # the simplified coast leaves in the sea).
    return any(_near(lat, lon, poly[0]) for poly in polygons if poly)


def _near(lat: float, lon: float, ring: _Ring) -> bool:
    """Whether a point is within ``TOLERANCE_KM`` of a ring's edges (a local flat
    projection: km east and north of the point)."""
    kx = 111.32 * math.cos(math.radians(lat))
    ky = 110.57
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        ax, ay = (x1 - lon) * kx, (y1 - lat) * ky
        bx, by = (x2 - lon) * kx, (y2 - lat) * ky
        if min(ax, bx) > TOLERANCE_KM or max(ax, bx) < -TOLERANCE_KM or min(
                ay, by) > TOLERANCE_KM or max(ay, by) < -TOLERANCE_KM:
            continue
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy or 1.0)))
        if math.hypot(ax + t * dx, ay + t * dy) <= TOLERANCE_KM:
            return True
    return False


def place_warnings(events: Sequence[Event], places: Sequence[PlaceMention]) -> list[str]:
    """Warnings on the events' places: a point outside its country, and a place far from
    every other place the article names."""
    out: list[str] = []
    for n, ev in enumerate(events, 1):
        if ev.latitude is None or ev.longitude is None:
            continue
        if ev.iso and inside_country(ev.latitude, ev.longitude, ev.iso) is False:
            out.append(f"event {n}: its point ({ev.latitude}, {ev.longitude}) lies outside "
                       f"{ev.country}")  # fmt: skip
        others = [
            p.place for p in places
            if p.place is not None and p.place.latitude is not None
            and p.place.longitude is not None and p.role is None
            and p.place.kind not in ("country", "region")
            and p.place.location != ev.location
        ]  # fmt: skip
        if len({p.location for p in others}) < 2:
            continue  # one other place is no clue against this one
        nearest = min(great_circle_km(ev.latitude, ev.longitude, float(p.latitude or 0),
                          float(p.longitude or 0)) for p in others)  # fmt: skip
        if nearest > FAR_KM:
            out.append(f"event {n}: {ev.location} ({ev.country}) lies {nearest:.0f} km from "
                       "every other place the article names: a namesake elsewhere may be "
                       "meant")  # fmt: skip
    return out
