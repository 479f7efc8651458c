"""Organised crime where nobody is named (``data/gang_signs.tsv``): in the countries where
ACLED codes gang violence so, the unidentified side of a killing or a fight that bears the
marks of cartel or gang violence ("the body was found with the hands tied", "a drive-by
shooting") takes ACLED's name for an unidentified gang there, not "Unidentified Armed
Group". The sign is read in the story's own sentences; elsewhere, and without a sign, the
side stays as it was.

>>> gang_side("Unidentified Armed Group (Mexico)", "MX", "a man was found beheaded")
'Unidentified Gang (Mexico)'
>>> gang_side("Unidentified Armed Group (Mexico)", "MX", "a man was shot dead") is None
True
>>> gang_side("Unidentified Armed Group (Kenya)", "KE", "a man was found beheaded") is None
True
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from .. import actors as act
from ..lexicon import parsed_text, read_table
from ..records import Actor
from .parties import Sides
from .records import Draft

if TYPE_CHECKING:  # spaCy's types only
    from spacy.tokens import Doc


@functools.lru_cache(maxsize=2)
def _table(member: bool = False) -> tuple[dict[str, str], re.Pattern[str]]:
    """ISO code -> the gang name there; and one pattern for every sign: of the side that
    kills unnamed, or (``member``) of the one hit taken for a gang's member."""
    names_kind, sign_kind = ("member_gang", "member_sign") if member else ("country", "sign")
    rows = read_table("gang_signs.tsv")
    names = {r["value"].upper(): r["name"] for r in rows if r["kind"] == names_kind}
    signs = sorted((r["value"] for r in rows if r["kind"] == sign_kind), key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in signs) + r")\b")
    return names, pattern


def gang_side(name: str, iso2: str | None, story: str) -> str | None:
    """The gang name an unidentified side ``name`` takes in ``iso2`` when ``story`` bears a
    sign of organised crime; None when it keeps its name."""
    names, signs = _table()
    gang = names.get(iso2 or "")
    if gang is None or not name.startswith("Unidentified Armed Group"):
        return None
    return gang if signs.search(story.lower()) else None


def _story(draft: Draft, doc: Doc) -> str:
    """The sentences that tell the draft's event and the one after each (where notes and
    wires put how the victim was found); the whole text for an article's only event."""
    if draft.alone:
        return parsed_text(doc)
    sents = list(doc.sents)
    keep = sorted({i for f in draft.frames for i in (f.sent_i, f.sent_i + 1) if i < len(sents)})
    return " ".join(sents[i].text for i in keep)


def name_gangs(sides: Sides, draft: Draft, doc: Doc, iso2: str | None) -> None:
    """Rename each unidentified side by the country's gang convention, where it has one and
    the story bears a sign of organised crime."""
    if iso2 not in _table()[0]:
        return
    story = _story(draft, doc)
    for attr in ("actor1", "actor2"):
        actor: Actor | None = getattr(sides, attr)
        gang = gang_side(actor.name, iso2, story) if actor is not None else None
        if actor is not None and gang is not None:
            setattr(sides, attr, Actor(gang, actor.inter, actor.country))


def member_hit(sides: Sides, draft: Draft, doc: Doc, iso2: str | None, sub: str) -> str:
    """ACLED's convention in Mexico and Brazil: a killing of someone the story ties to a gang
    or the drug trade ("he had a record for drug trafficking", "an alleged member of a
    cell") is a fight between gangs, and the one hit is coded as a gang. Returns the
    sub-event type, "Armed clash" where the convention applies."""
    names, signs = _table(member=True)
    gang = names.get(iso2 or "")
    target = sides.actor2
    if gang is None or sub not in _HITS or target is None or target.inter != act.CIVILIANS:
        return sub
    if not signs.search(_story(draft, doc).lower()):
        return sub
    sides.actor2 = Actor(gang, act.POLITICAL_MILITIA, target.country)
    sides.mention2 = None
    killer = sides.actor1
    if killer is not None and killer.name.startswith("Unidentified Armed Group"):
        # whoever kills a gang's member unnamed is taken for a gang too
        name = _table()[0].get(iso2 or "", killer.name)
        sides.actor1 = Actor(name, killer.inter, killer.country)
        sides.mention1 = None
    return "Armed clash"


# The sub-event types whose civilian target the convention recodes: a killing, and a
# shoot-out "between rival gangs" in which only a passer-by was named as hit.
_HITS = frozenset({"Attack", "Armed clash"})
