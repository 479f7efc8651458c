"""What the role cards read and write: one trigger of a frame (a ``Site``), the agents
and patients found so far (``Roles``), and where a card applies (``SCOPES``).

>>> sorted(ARGUMENT_SCOPES)
['an argument of a noun trigger', 'an argument of a verb trigger']

The role cards themselves are in ``verb_roles.py`` (territory and verb triggers),
``noun_roles.py`` (noun triggers) and ``roles.py`` (the frame as a whole), which asks
them in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..actors import ActorMention
from .decision_cards import DecisionCard
from .records import Frame, TriggerHit
from .syntax import Phrase
from .words import word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc, Token


def actor_in(actors: list[ActorMention], tok: Token | Phrase) -> ActorMention | None:
    """The actor a phrase names: its first actor, but a named armed group over the people
    it names ("a man belonging to QSD's intelligence", "two fighters of the Islamic State").
    """
    # "an attack on a Degodia village by Garre militia": the "by" phrase inside names who
    # did it, not the phrase's own actor.
    doers = {
        t.i
        for b in tok.subtree
        if b.lower_ == "by" and b.dep_ in ("prep", "agent") and b is not tok
        for t in b.subtree
    }
    tokens = {t.i for t in tok.subtree} - doers
    found = [a for a in actors if any(i in tokens for i in range(a.tok_start, a.tok_end))]
    if not found:
        return None
    first = found[0]
    if first.entry is not None and first.entry.generic and first.entry.inter in (3, 7):
        named = [
            a
            for a in found[1:]
            if a.entry is None  # a group the dictionary lacks, kept as written
            or (not a.entry.generic and a.entry.inter in (1, 2, 3, 4, 8))
        ]
        if named:
            return named[0]
    return first


def may_act(mention: ActorMention) -> bool:
    """An actor that can be the one acting when the parse does not say: not the people a
    sentence is about ("12 people were killed when a bomb exploded")."""
    entry = mention.entry
    return entry is None or entry.inter not in (7,)


def nearest(
    actors: list[ActorMention], frame: Frame, lo: int, hi: int, last: bool = False
) -> ActorMention | None:
    """The first (or last) actor of the frame between tokens lo and hi."""
    inside = [
        a for a in actors if lo <= a.tok_start and a.tok_end <= hi and a.tok_start in frame.tokens
    ]
    if not inside:
        return None
    return inside[-1] if last else inside[0]


class Roles:
    """The agents and patients of one frame as they are found (the frame's own lists),
    the ground the trigger being read gains, and the helpers that add the actor a phrase
    names (once) to a list."""

    def __init__(self, frame: Frame, doc: Doc, actors: list[ActorMention]) -> None:
        self.frame, self.doc, self.actors = frame, doc, actors
        self.agents: list[ActorMention] = frame.agents
        self.patients: list[ActorMention] = frame.patients
        self.gained: list[ActorMention] = []  # who took the ground, for the current trigger

    def add(self, target: list[ActorMention], tok: Token | Phrase) -> None:
        a = actor_in(self.actors, tok)
        if a is not None and a not in target:
            target.append(a)

    def add_children(self, target: list[ActorMention], tok: Token) -> None:
        for g in tok.children:
            self.add(target, g)


@dataclass(frozen=True, slots=True)
class Site:
    """One trigger as the role cards read it: its hit, its last token, whether that is a
    verb and a passive one, and (for the argument cards) the child being read."""

    hit: TriggerHit
    tok: Token
    verb: bool
    passive: bool
    child: Token | None = None

    @property
    def arg(self) -> Token:
        """The child an argument card reads."""
        assert self.child is not None, "only argument cards read a child"
        return self.child


# What a trigger card answers: True when it took the child it read (argument cards; the
# other trigger cards' answers are not read).
TriggerRule = Callable[[Roles, Site, "DecisionCard[Any]"], bool]
FrameRule = Callable[[Roles, "DecisionCard[Any]"], None]
TriggerCard = DecisionCard[TriggerRule]
FrameCard = DecisionCard[FrameRule]

# Where the trigger cards apply. The argument scopes read each child of the trigger.
SCOPES: dict[str, Callable[[Site], bool]] = {
    "a territory trigger": lambda s: s.hit.entry.cls == "territory",
    "an argument of a verb trigger": lambda s: s.verb,
    "an active verb trigger": lambda s: s.verb and not s.passive,
    "a passive verb trigger": lambda s: s.verb and s.passive,
    "a verb trigger": lambda s: s.verb,
    "an argument of a noun trigger": lambda s: not s.verb,
    "a noun trigger": lambda s: not s.verb,
}
ARGUMENT_SCOPES = frozenset({"an argument of a verb trigger", "an argument of a noun trigger"})
FRAME_SCOPE = "the frame"


def argument(takes: Callable[[Site], bool], side: str, children: bool = False) -> TriggerRule:
    """An argument card's rule: a child that ``takes`` accepts joins the agents or the
    patients (``side``), as the actor it names or, for a preposition, the actors of its
    objects (``children``)."""

    def rule(roles: Roles, site: Site, card: DecisionCard[Any]) -> bool:
        if not takes(site):
            return False
        target = roles.agents if side == "agents" else roles.patients
        (roles.add_children if children else roles.add)(target, site.arg)
        return True

    return rule


# "fired on a convoy", "an attack on a police station": the target after a preposition.
target_of_preposition = argument(
    lambda s: s.arg.dep_ == "prep" and s.arg.lower_ in word_class("target_prep"),
    "patients",
    children=True,
)
