"""Front lines where two known sides face each other (``data/frontlines.tsv``): a clash
told there without its parties ("monitors recorded 40 bursts of fire near Avdiivka") is
coded between them, as ACLED codes ceasefire violations, and the event's flags say that
the side was inferred, not read.

>>> flags = front_sides(sides, "Armed clash", ("Ukraine", "UA", 2020), "Donetsk")  # doctest: +SKIP
>>> flags                                                                      # doctest: +SKIP
['actor1: inferred, a side of the Donbas contact line', ...]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .. import actors as act
from ..lexicon import read_table
from ..placenames import norm_key
from ..records import Actor
from .parties import Sides


@dataclass(frozen=True, slots=True)
class Front:
    """One row of ``frontlines.tsv``: where and when two sides faced each other."""

    name: str
    iso2: str
    admin1: frozenset[str]  # norm_key of each division; empty = the whole country
    start: int
    end: int | None
    sides: tuple[str, str]


@functools.lru_cache(maxsize=1)
def fronts() -> tuple[Front, ...]:
    """The front lines of ``data/frontlines.tsv``."""
    out = []
    for r in read_table("frontlines.tsv"):
        divisions = frozenset(norm_key(a) for a in r["admin1"].split(";") if a and a != "-")
        end = int(r["end"]) if r["end"] else None
        sides = (r["side_a"], r["side_b"])
        out.append(Front(r["front"], r["iso2"], divisions, int(r["start"]), end, sides))
    return tuple(out)


def front_at(iso2: str | None, admin1: str | None, year: int | None) -> Front | None:
    """The front line running through ``admin1`` of ``iso2`` in ``year``, if any."""
    if not iso2 or year is None:
        return None
    key = norm_key(admin1) if admin1 else None
    for f in fronts():
        if f.iso2 != iso2 or year < f.start or (f.end is not None and year > f.end):
            continue
        if not f.admin1 or (key is not None and key in f.admin1):
            return f
    return None


def _unknown(actor: Actor | None) -> bool:
    return actor is None or actor.name.startswith("Unidentified Armed Group")


def front_sides(
    sides: Sides,
    sub: str,
    place: tuple[str | None, str | None, int | None],
    admin1: str | None,
) -> list[str]:
    """Fill the sides of a clash on a front line that the text leaves unnamed (none, or
    only one of the front's two); the flags that say which side was inferred."""
    country, iso2, year = place
    front = front_at(iso2, admin1, year) if sub == "Armed clash" else None
    if front is None or not (_unknown(sides.actor1) or _unknown(sides.actor2)):
        return []
    first, second = (act.named(n, country, iso2, year) for n in front.sides)
    if first is None or second is None:
        return []
    known = [a for a in (sides.actor1, sides.actor2) if a is not None and not _unknown(a)]
    if known and not any(a.name in (first.name, second.name) for a in known):
        return []  # someone else fights there: not the front's two sides
    taken = {a.name for a in known}
    missing = [p for p in (first, second) if p.name not in taken]
    flags = []
    for slot in ("actor1", "actor2"):
        if missing and _unknown(getattr(sides, slot)):
            setattr(sides, slot, missing.pop(0))
            setattr(sides, "mention1" if slot == "actor1" else "mention2", None)
            flags.append(f"{slot}: inferred, a side of the {front.name}")
    return flags
