"""Who did it, by ACLED's rules of responsibility: a group that claims an attack is its
actor1 ("the Taliban claimed responsibility"); so is the one sources attribute it to ("No
group claimed responsibility; however, sources attributed the attack to the Taliban",
"officials blamed the Islamic State"); a group that denies involvement is not, unless
another source still names it.

>>> statements(doc, actors)                               # doctest: +SKIP
[Statement(kind='claim', mention=ActorMention(... 'Taliban' ...), start=57)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import actors as act
from ..actors import ActorMention
from ..lexicon import parsed_text, taxonomy
from .parties import Sides
from .records import Draft
from .triggers import match_triggers
from .words import word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc, Token

__all__ = ["Statement", "assign_responsibility", "statements"]


@dataclass(frozen=True, slots=True)
class Statement:
    """What the text says of a group and an act: it claimed it (``claim``), others put it
    on the group (``blame``), or the group denied it (``denial``); ``start`` is where the
    statement's verb is."""

    kind: str
    mention: ActorMention
    start: int


def statements(doc: Doc, actors: Sequence[ActorMention]) -> list[Statement]:
    """Every claim, attribution and denial of the text whose group is an actor it names."""
    found: list[Statement] = []
    events = {h.i for h in match_triggers(doc)}
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") and lemma not in word_class("claim_verb"):
            continue
        for kind, who in _read(tok, lemma, events):
            mention = _mention_of(who, actors)
            if mention is not None and mention.entry is not None:
                found.append(Statement(kind, mention, tok.idx))
    return found


def _read(tok: Token, lemma: str, events: set[int]) -> list[tuple[str, Token]]:
    """(kind, the group's token) for the statement a verb makes, if any."""
    kids = list(tok.children)
    objects = [c for c in kids if c.dep_ in ("dobj", "attr")]
    subjects = [c for c in kids if c.dep_ == "nsubj"]
    agent = [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    passive = [c for c in kids if c.dep_ == "nsubjpass"]
    about_act = any(o.lemma_.lower() in word_class("claim_object") or o.i in events
                    for o in objects)  # fmt: skip
    out: list[tuple[str, Token]] = []
    if lemma in word_class("claim_verb") and about_act:
        # "the Taliban claimed responsibility", "IS claimed the attack"
        out += [("claim", s) for s in subjects]
    if lemma in word_class("claim_verb") and passive and passive[0].lemma_.lower() in (
            word_class("claim_object")):
        out += [("claim", a) for a in agent]  # "responsibility was claimed by IS"
    if lemma in word_class("denial_verb") and any(
            o.lemma_.lower() in word_class("denial_object") for o in objects):
        out += [("denial", s) for s in subjects]  # "the Taliban denied any involvement"
    if lemma in word_class("blame_verb") or lemma in word_class("accuse_verb"):
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in ("to", "on"):
                # "attributed the attack to the Taliban", "blamed the blast on IS"
                out += [("blame", g) for g in c.children if g.dep_ == "pobj"]
        if not any(o.i in events for o in objects):
            # "blamed IS for the attack", "accused the ADF of the killings"
            out += [("blame", o) for o in objects]
        out += [("blame", p) for p in passive if p.i not in events]  # "IS was blamed"
    return out


def _mention_of(tok: Token, actors: Sequence[ActorMention]) -> ActorMention | None:
    """The actor mention a token heads or lies in (the head of "the Taliban group")."""
    for m in actors:
        if m.tok_start <= tok.i < m.tok_end:
            return m
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss"):
            for m in actors:
                if m.tok_start <= child.i < m.tok_end:
                    return m
    return None


_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def _unnamed(sides: Sides) -> bool:
    """actor1 is nobody in particular: none yet, or a generic unidentified armed group."""
    m = sides.mention1
    return sides.actor1 is None or (
        m is not None and m.entry is not None and m.entry.generic
        and m.entry.kind == "unidentified_armed_group"
    )  # fmt: skip


_HEDGE = re.compile(r"\b(?:suspected|presumed|alleged|possible|believed\s+to\s+be)\s+(?:the\s+)?$",
                   re.I)


def assign_responsibility(
    sides: Sides,
    draft: Draft,
    doc: Doc,
    found: Sequence[Statement],
    sub: str | None,
    place: tuple[str | None, str | None, int | None],
) -> None:
    """actor1 of a violent event as the text's claims and attributions say: the
    claimant (a claim outweighs an attribution) when nobody is named; and not a group
    only suspected ("suspected Taliban militants") that denied it, unless another
    source names it."""
    if sub is None or taxonomy().get(sub, ("",))[0] not in _VIOLENT or not found:
        return
    denied = {s.mention.entry.name for s in found if s.kind == "denial" and s.mention.entry}
    named = [s for s in found if s.kind != "denial"]
    # Claims first, then attributions; the nearest to the event's first telling first.
    named.sort(key=lambda s: (s.kind != "claim", abs(s.start - draft.first)))
    current = sides.mention1.entry.name if sides.mention1 and sides.mention1.entry else None
    by_others = {s.mention.entry.name for s in named if s.mention.entry}
    m1 = sides.mention1
    before = parsed_text(doc)[max(0, m1.start - 30) : m1.start] if m1 is not None else ""
    hedged = m1 is not None and bool(_HEDGE.search(before))
    if current in denied and current not in by_others and hedged:
        sides.actor1, sides.mention1 = None, None  # only suspected, denied, named by nobody
    if not _unnamed(sides):
        return
    for s in named:
        actor = act.resolve(s.mention, *place)
        if sides.actor2 is not None and actor.name == sides.actor2.name:
            continue
        sides.actor1, sides.mention1 = actor, s.mention
        return
