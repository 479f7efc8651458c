"""The coding wing's own records: what the rule engine finds and decides on the way to an Event.

A ``TriggerHit`` is a lexicon ``Trigger`` matched in the text; a ``Frame`` is one telling
of one event in one sentence (its triggers, tolls, dates, places and actors with their
roles); a ``Draft`` is the frames believed to tell one event; ``Toll`` is a count of
killed or injured people read from the parse.

>>> Toll("killed", 3, None, None, 0, 5, 2).value
3
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..actors import ActorMention
from ..dates import DateMention
from ..place_lexicon import PlaceMention
from .words import Trigger

# The demonstration sub-types (ACLED's "Protests" and the violent demonstration): the
# demonstrators are actor1, and the model's catch-alls do not lightly replace them.
DEMONSTRATIONS = frozenset({
    "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    "Violent demonstration",
})  # fmt: skip


@dataclass(slots=True)
class TriggerHit:
    """A lexicon entry matched at tokens ``i:j``."""

    i: int
    j: int
    start: int
    end: int
    text: str
    entry: Trigger


@dataclass(slots=True)
class Frame:
    """One telling of one event in one sentence."""

    sent_i: int
    sent_start: int
    sent_end: int
    triggers: list[TriggerHit]
    tolls: list[Toll] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    agents: list[ActorMention] = field(default_factory=list)
    patients: list[ActorMention] = field(default_factory=list)
    victim_words: list[str] = field(default_factory=list)
    gainers: list[ActorMention] = field(default_factory=list)  # who took territory
    supporters: list[ActorMention] = field(default_factory=list)  # "backed by", "loyal to"
    allies: list[ActorMention] = field(default_factory=list)  # actor1's side, not helpers
    allies_b: list[ActorMention] = field(default_factory=list)  # actor2's side
    hedged: bool = False  # "briefly captured", "partial control": no change of hands
    anaphoric: bool = False
    main_clause: bool = True  # the frame hangs off the sentence root, not off a participant
    background: bool = False  # told in a sentence of background, with no day of its own
    tokens: set[int] = field(default_factory=set)

    @property
    def start(self) -> int:
        return min(t.start for t in self.triggers)

    @property
    def weight(self) -> float:
        return max(t.entry.weight for t in self.triggers)

    def classes(self) -> set[str]:
        return {t.entry.cls for t in self.triggers}


@dataclass(slots=True)
class Toll:
    """A count of killed or injured people read from the text."""

    kind: str  # killed or injured
    value: int | None  # None: people were hit but no number is given
    low: int | None
    high: int | None
    start: int  # span of the number phrase (or the toll word when there is none)
    end: int
    word_i: int  # token index of the toll word
    qualifier: str = "exact"


@dataclass(slots=True)
class Draft:
    """Frames believed to tell one event, before classification."""

    frames: list[Frame] = field(default_factory=list)
    alone: bool = True  # the only draft of its article

    @property
    def first(self) -> int:
        return min(f.start for f in self.frames)

    def dates(self) -> list[DateMention]:
        return [d for f in self.frames for d in f.dates]

    def towns(self) -> set[str]:
        return {
            p.place.location
            for f in self.frames
            for p in f.places
            if p.place is not None and p.place.kind == "town"
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    """What classification decided for a draft, and what it saw on the way.

    ``card`` names the rule card that decided (None: no card fired, the draft is no
    event); ``votes`` (sub-event type -> the strongest trigger weight voting for it) and
    ``classes`` (trigger class -> how many triggers) are what the cards read, kept as
    features for a statistical classifier.
    """

    sub_event_type: str | None
    card: str | None
    votes: dict[str, float] = field(default_factory=dict)
    classes: dict[str, int] = field(default_factory=dict)
    # What the cards know of the sides ("armed_target", "crowd", ...): classify.signals_of.
    signals: frozenset[str] = frozenset()
    # Set when the classifier decided (coding/learned.py): "<model name> <probability>".
    model: str | None = None

    @property
    def classified_by(self) -> str | None:
        """The event's ``classified_by`` field: ``rule:<card>`` when a card decided, or
        ``model:<name> <probability>`` when the classifier did, followed by the card
        the cards chose (``model:default 0.91 rule:weapon``), so a reader sees both."""
        rule = f"rule:{self.card}" if self.card else None
        if self.model:
            return f"model:{self.model} {rule}" if rule else f"model:{self.model}"
        return rule

    @property
    def model_probability(self) -> float | None:
        """The classifier's probability for its label (None when a card decided)."""
        if not self.model:
            return None
        try:
            return float(self.model.split(" ")[1])
        except (IndexError, ValueError):
            return None
