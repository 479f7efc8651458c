"""The two sides of a fight told as one list: "clashes between A and B", "A against B",
"A on one side and B on the other".

>>> (a, allies), (b, allies_b) = two_sides(frame, doc, actors)   # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors import ActorMention
from .records import Frame
from .support import is_supporter
from .words import word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc


def two_sides(
    frame: Frame, doc: Doc, actors: list[ActorMention]
) -> (
    tuple[tuple[ActorMention, list[ActorMention]], tuple[ActorMention | None, list[ActorMention]]]
    | None
):
    """The two sides of a fight told as a list ("clashes between A and B", "A against B").

    Each side is its first actor (not a helper) and the rest of its actors; None when the
    sentence does not tell the fight that way.
    """
    if not any(
        h.entry.sub_event_type == "Armed clash" or h.entry.cls == "attack" for h in frame.triggers
    ):
        return None
    scope = sorted(frame.tokens)
    if not scope:
        return None
    lo, hi = scope[0], scope[-1] + 1
    between = next((i for i in scope if doc[i].lower_ == "between"), None)
    start = between + 1 if between is not None else lo
    split = next((i for i in range(start, hi) if doc[i].lower_ in word_class("side_split")), None)
    mine = [a for a in actors if start <= a.tok_start < hi and a.tok_start in frame.tokens]
    if split is None and between is not None:
        # "A on one side and B on the other": the "and" after "side"; else the first "and"
        # with an actor before it and an actor right after it ("between regime forces,
        # supported by pro-regime militias, and rebel factions").
        side = next((i for i in range(start, hi) if doc[i].lower_ == "side"), None)
        for i in range(side if side is not None else start, hi):
            if doc[i].lower_ != "and":
                continue
            before = [a for a in mine if a.tok_end <= i]
            after = [a for a in mine if i < a.tok_start <= i + 3]
            if side is not None or (before and after and not _helper(after[0], before)):
                split = i
                break
    if split is None and between is not None:
        # "between regime forces, supported by pro-regime militias and rebel factions": the
        # parse buries the second side in the helpers' phrase; it is the last actor named.
        fighters = [a for a in mine if not _helper(a, mine[:1])]
        if len(fighters) >= 2 and mine[0] is fighters[0]:
            split = fighters[-1].tok_start - 1
    if split is None:
        return None
    side_a = [a for a in mine if a.tok_start < split]
    side_b = [a for a in mine if a.tok_start > split]
    if not side_a:
        return None

    def pick(side: list[ActorMention]) -> tuple[ActorMention | None, list[ActorMention]]:
        fighters = [a for a in side if not is_supporter(a, doc) and not _helper(a, side)]
        for k, a in enumerate(fighters):
            before = doc[max(a.tok_start - 5, 0) : a.tok_start].text.lower()
            if k > 0 and any(u in before for u in word_class("umbrella")):
                return a, [b for b in side if b is not a]
        if not fighters:
            return None, []
        return fighters[0], [b for b in side if b is not fighters[0]]

    a_main, a_rest = pick(side_a)
    b_main, b_rest = pick(side_b)
    if a_main is None:
        return None
    return (a_main, a_rest), (b_main, b_rest)


def _helper(mention: ActorMention, side: list[ActorMention]) -> bool:
    """A pro-government militia fighting beside state forces helps them."""
    entry = mention.entry
    if entry is None or not (
        entry.kind == "pro_government_militia" or entry.name == "Militia (Pro-Government)"
    ):
        return False
    return any(a.entry is not None and a.entry.kind in ("military", "police") for a in side)
