"""Front lines where two known sides face each other (``data/frontlines.tsv``): a clash
told there without its parties ("monitors recorded 40 bursts of fire near Avdiivka") is
coded between them, as ACLED codes ceasefire violations, and the event's flags say that
the side was inferred, not read.

>>> flags = front_sides(sides, "Armed clash", ("Ukraine", "UA", 2020), "Donetsk")  # doctest: +SKIP
>>> flags                                                                      # doctest: +SKIP
['actor1: inferred, a side of the Donbas contact line', ...]
"""

from __future__ import annotations

from .. import actors as act
from ..fronts import front_at
from ..records import Actor
from .parties import Sides


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
