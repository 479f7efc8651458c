"""Front lines where two known sides face each other (``data/frontlines.tsv``): a clash
told there without its parties ("monitors recorded 40 bursts of fire near Avdiivka") is
coded between them, as ACLED codes ceasefire violations, and the event's flags say that
the side was inferred, not read. Where an operation holds the ground, the sides fighting
under it take its name (``operation_sides``).

>>> flags = front_sides(sides, "Armed clash", ("Ukraine", "UA", 2020), "Donetsk")  # doctest: +SKIP
>>> flags                                                                      # doctest: +SKIP
['actor1: inferred, a side of the Donbas contact line', ...]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import actors as act
from ..actor_tables import area_operations
from ..fronts import Front, front_at, front_holding, fronts, held_by
from ..lexicon import parsed_text
from ..records import Actor
from .clues import names_any, told_text
from .parties import Sides
from .records import Draft

if TYPE_CHECKING:  # spaCy's types only
    from spacy.tokens import Doc


def _unknown(actor: Actor | None) -> bool:
    return actor is None or actor.name.startswith("Unidentified Armed Group")


def front_sides(
    sides: Sides,
    sub: str,
    place: tuple[str | None, str | None, int | None],
    spot: Spot,
    text: str = "",
) -> list[str]:
    """Fill the sides of a clash on a front line that the text leaves unnamed (none, or
    only one of the front's two), and who fired unnamed shelling across it; the flags
    that say which side was inferred. ``spot`` is the event's division and the names of
    its place (as the text writes it, as the gazetteer does); ``text`` the report, whose
    words may tell the front where the place is unknown."""
    country, iso2, year = place
    if sub == _SHELLING:
        return _fire_across(sides, place, spot)
    front = _front(place, spot, text) if sub == "Armed clash" else None
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


_SHELLING = "Shelling/artillery/missile attack"


def _fire_across(
    sides: Sides, place: tuple[str | None, str | None, int | None], spot: Spot
) -> list[str]:
    """Shelling on a front line that nobody is named as firing ("the SMM recorded 12
    explosions near Pyshchevyk"): fired by the side across the line from whoever held the
    place it landed near; the flag says so."""
    country, iso2, year = place
    front = _front(place, spot)
    if front is None or not _unknown(sides.actor1):
        return []
    held = [(n, h) for n in spot[1] if (h := held_by(front, n)) is not None]
    if not held:
        return []
    location, holder = held[0]
    across = front.sides[1] if holder == front.sides[0] else front.sides[0]
    firing = act.named(across, country, iso2, year)
    if firing is None or (sides.actor2 is not None and sides.actor2.name == firing.name):
        return []
    sides.actor1, sides.mention1 = firing, None
    return [f"actor1: inferred, across the {front.name} from {location}, held by {holder}"]


# Where an event happened, for its front: its first-level division, and the names of its
# place (as the text writes it, as the gazetteer does: "Zolote-5" placed at Zolote).
Spot = tuple[str | None, tuple[str, ...]]


def _front(
    place: tuple[str | None, str | None, int | None], spot: Spot, text: str = ""
) -> Front | None:
    """The front through the event's division; where the division is unknown, the front
    whose control table holds the event's place; else, with ``text``, the one of the
    event's country whose words the report uses ("in both directions of the frontline
    near Bohuslavske"), wherever a namesake put the village."""
    _, iso2, year = place
    admin1, names = spot
    found = front_at(iso2, admin1, year)
    if found is not None:
        return found
    if admin1 is None:
        found = next((f for n in names if (f := front_holding(iso2, n, year))), None)
    # A village the gazetteer knows only by a namesake off the front ("Viktorivka" in
    # Odesa) is still where the report's words put it: on the front they name.
    if found is None and text and iso2 and year is not None:
        told = (f for f in fronts() if f.iso2 == iso2 and f.runs_in(year) and f.cues)
        found = next((f for f in told if f.cues and f.cues.search(text)), None)
    return found


def operation_sides(
    sides: Sides, place: tuple[str | None, str | None, int | None], admin1: str | None
) -> list[str]:
    """Name by its operation the factions fighting under it where it holds the ground
    (``data/operations.tsv``): the Syrian National Army, or rebels, in the strip of
    north-east Syria taken in October 2019 are "Operation Peace Spring", as ACLED codes
    them, and so are Turkey's forces told beside them ("Turkish forces and allied factions
    shelled ..."): the two are one side. Turkey's forces told alone keep their name. The
    flags say what was renamed."""
    country, iso2, year = place
    flags: list[str] = []
    for op in area_operations(iso2, admin1, year):
        forces = f"Military Forces of {act.country_name(op.force)}"
        slots = [s for s in ("actor1", "actor2") if getattr(sides, s) is not None]
        joined = [s for s in slots if getattr(sides, s).name in op.joined]
        if not joined:
            continue
        under = joined + [s for s in slots if getattr(sides, s).name.startswith(forces)]
        for slot in under:
            told = getattr(sides, slot).name
            named = act.named(op.name, country, iso2, year)
            setattr(sides, slot, named or Actor(op.name, act.EXTERNAL, country))
            flags.append(f"{slot}: {told} named by the {op.name} it fights under in {admin1}")
        if len(under) == 2:
            sides.actor2, sides.mention2 = None, None  # one side, not two
    return flags


# Explosion types a front-line monitor's report may give where small arms were also heard.
_HEARD = frozenset({_SHELLING, "Remote explosive/landmine/IED", "Grenade"})


def front_fire(
    sub: str,
    draft: Draft,
    doc: Doc,
    place: tuple[str | None, str | None, int | None],
    spot: Spot,
    words: tuple[bool, bool] = (True, False),
) -> str:
    """How ACLED reads fire on a front line, by whether small arms were in it: explosions
    with small-arms fire beside them ("the SMM recorded 40 explosions and 120 bursts of
    small-arms fire near Avdiivka") are both sides fighting, an armed clash; heavier arms
    fired at the other side's positions with no small arms ("fired grenade launchers and
    heavy machine guns at the positions near Pisky", "fired mortars at the positions"),
    told with no word of fighting, are shelling; fire heard "in both directions" across
    the line is a battle whatever the arms. ``words`` says whether the telling has a word
    of fighting ("clashed", "exchange of fire") and one of heavy arms ("mortars",
    "artillery"). Returns the sub-event type. ``spot`` is the event's division and its
    place's names."""
    clash_word, heavy = words
    if sub not in _HEARD and not (sub == "Armed clash" and not clash_word):
        return sub
    front = _front(place, spot)
    if front is None or front.cues is None or not front.cues.search(parsed_text(doc)):
        return sub
    told = told_text(draft, doc)
    # Fire heard "in both directions of the frontline" is both sides fighting too.
    fought = names_any(told, "light_fire") or names_any(told, "both_ways")
    if sub == "Armed clash":
        fired = heavy or names_any(told, "direct_fire")
        return _SHELLING if not fought and fired else sub
    return "Armed clash" if fought else sub
