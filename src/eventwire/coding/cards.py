"""Rule cards: each classification rule declared with its name, what it decides, when it
fires, why, its thresholds and the examples that prove it.

>>> card = Card("peaceful_protest", "Peaceful protest", "a demonstration word, nothing more",
...             "ACLED codes a gathering nobody broke up as peaceful: 'hundreds marched'.",
...             rule=lambda s, c: c.decides)
>>> card.decides
'Peaceful protest'

A card's ``rule`` reads the ``Situation`` (what the draft event's tellings say: the votes
of its triggers, the classes of its words, its actors, victims and toll) and answers the
sub-event type it decides, ``NO_EVENT`` when it decides the draft is no event, or None
when it does not fire. ``classification.classify`` asks the cards in order; the first
that answers decides, and the event says which (``Event.classified_by``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import actors as act
from ..records import Actor
from .clues import (
    EXPLOSIONS,
    named_crowd,
    names_any,
    told_as_crowd,
    unnamed_or_fighting,
    victim_kinds,
)
from .records import Draft, TriggerHit
from .words import word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc

# What a card answers when it decides that the draft tells no event.
NO_EVENT = ""


@dataclass(frozen=True, slots=True)
class Card:
    """One classification rule, declared.

    ``fires`` holds (text, sub-event type) pairs that must be classified by this card
    through the whole pipeline (``eventwire.extract``); ``not_fires`` texts whose main
    event must not be. ``thresholds`` are the card's numbers, read by its rule. A card
    that is ``certain`` overrules the statistical classifier (DESIGN.md, "The coder"):
    only cards right on at least 95% of the project corpus's texts they decided (20 or
    more) are marked so (2026-12-06: suicide_bomb 0.98, chemical_weapon 0.97,
    sexual_violence 1.00, mob_violence 1.00; the next best, crowd_killing, 0.93 on 14;
    2026-12-07, on the grown corpus: rioting_demonstrators 1.00 on 212, so marked;
    mob_violence 0.91 on 66, so no longer: the development sets scored as before;
    2026-12-07, base_set_up 0.99 on 96, so marked).
    """

    name: str
    decides: str  # the sub-event type it gives, or what it chooses between
    when: str  # the condition, in words
    why: str  # one sentence with an example phrase
    rule: Callable[[Situation, Card], str | None]
    fires: tuple[tuple[str, str], ...] = ()
    not_fires: tuple[str, ...] = ()
    thresholds: Mapping[str, float] = field(default_factory=dict)
    certain: bool = False

    def __call__(self, situation: Situation) -> str | None:
        return self.rule(situation, self)


class Situation:
    """What a draft event's tellings say, as the cards read it.

    Built once per draft; the costlier reading (the crowds named) is worked out when a
    card first asks, and kept.
    """

    def __init__(
        self,
        draft: Draft,
        doc: Doc,
        actor1: Actor | None,
        actor2: Actor | None,
        fatalities: int | None,
        gainer: Actor | None = None,
    ) -> None:
        self.draft, self.doc = draft, doc
        self.actor1, self.actor2, self.gainer = actor1, actor2, gainer
        self.fatalities = fatalities or 0
        # sub-event type -> the strongest weight of a trigger voting for it
        self.votes: dict[str, float] = {}
        self.classes: Counter[str] = Counter()
        for h in self.hits():
            self.classes[h.entry.cls] += 1
            if h.entry.sub_event_type:
                sub = h.entry.sub_event_type
                self.votes[sub] = max(self.votes.get(sub, 0.0), h.entry.weight)
        self.victims = victim_kinds(draft)
        self._crowd: bool | None = None
        self._crowds: set[str] | None = None

    def hits(self) -> list[TriggerHit]:
        """Every trigger of every telling, in order."""
        return [h for f in self.draft.frames for h in f.triggers]

    def vote(self, sub: str) -> float:
        """The strongest trigger weight voting for ``sub`` (0 when none)."""
        return self.votes.get(sub, 0.0)

    @property
    def calm(self) -> bool:
        """Nobody killed: no toll and no killing word."""
        return not self.fatalities and not self.classes["kill"]

    @property
    def state1(self) -> bool:
        """actor1 is a state's forces (its own or a foreign one)."""
        return self.actor1 is not None and self.actor1.inter in (act.STATE, act.EXTERNAL)

    def protest_weight(self) -> float:
        """The strongest demonstration word's weight."""
        return max((h.entry.weight for h in self.hits() if h.entry.cls == "protest"), default=0)

    def explosive_vote(self) -> float:
        """The strongest vote for any explosion sub-event type."""
        return max((self.vote(x) for x in EXPLOSIONS), default=0)

    def weapon(self) -> tuple[float, str] | None:
        """The explosion type voted for most strongly (ties: the earlier in EXPLOSIONS)."""
        ranked = [(self.votes[s], -k, s) for k, s in enumerate(EXPLOSIONS) if self.votes.get(s)]
        if not ranked:
            return None
        weight, _, sub = max(ranked)
        return weight, sub

    def lead_clash(self) -> bool:
        """A strong clash word in the first sentence of the event's tellings."""
        first = self.draft.frames[0].sent_i
        return any(
            h.entry.sub_event_type == "Armed clash" and h.entry.weight >= 0.8
            for f in self.draft.frames
            if f.sent_i == first
            for h in f.triggers
        )

    def crowds(self) -> set[str]:
        """Parties named as crowds: "AAP and BJP supporters", "supporters of the PTI"."""
        if self._crowds is None:
            self._crowds = {
                a.entry.name
                for f in self.draft.frames
                for a in f.actors
                if a.entry is not None
                and not a.entry.generic
                and a.entry.kind == "political_militia"
                and named_crowd(a, self.doc)
            }
        return self._crowds

    def crowd(self) -> bool:
        """The tellings name crowds (supporters, students, villagers) as the parties."""
        if self._crowd is None:
            self._crowd = told_as_crowd(self.draft, self.doc) or bool(self.crowds())
        return self._crowd

    def nobody_armed(self) -> bool:
        """Neither actor is an armed group (state forces and named crowds aside)."""
        crowds = self.crowds()
        return not any(
            a is not None
            and act.is_armed(a)
            and a.inter not in (act.STATE, act.EXTERNAL)  # a state's forces, at home or abroad
            and a.name not in crowds
            for a in (self.actor1, self.actor2)
        )

    def armed_target(self) -> bool:
        """The side hit is armed: an armed actor2 the dictionary knows, or whose name says
        it fights ("Farouq Battalions"; "MPP", "Election Committee" tell no fighters), or
        more armed victims than civilians."""
        a2 = self.actor2
        if a2 is not None and (self._party_people_hit(a2) or self.officials_hit()):
            return False
        armed2 = a2 is not None and act.is_armed(a2) and (
            a2.known or names_any(a2.name.lower(), "armed_name_word"))
        return armed2 or (
            self.victims["armed"] > self.victims["civilian"]
        )

    def _party_people_hit(self, a2: Actor) -> bool:
        """The side hit is a party's people, whom ACLED codes as civilians: a party or
        movement the dictionary knows (no militia, gang or unidentified group by its name)
        as actor2, no clash told, and the words hit name its members, leaders, supporters,
        officials or candidates and nobody armed ("two members of the party were shot
        dead", "a candidate of the Jubilee party")."""
        if a2.inter != act.POLITICAL_MILITIA or not a2.known or names_any(
                a2.name.lower(), "armed_name_word") or unnamed_or_fighting(a2.name):
            return False  # "armed_name_word" holds "militia" too
        if self.vote("Armed clash"):
            return False  # "demonstrators clashed with members of the party": a side
        words = self._hit_words()
        people = word_class("party_person") | word_class("office_person") | {"member"}
        if words & (word_class("armed_person") - people):
            return False
        return bool(words & (people | word_class("civilian_person")))

    def officials_hit(self) -> bool:
        """The side hit is a government's people of office ("two government officials were
        gunned down"), with nobody armed among the words hit: civilians to ACLED, so an
        attack, however the text calls it ("ambushed")."""
        a2 = self.actor2
        if a2 is None or not act.is_government(a2):
            return False
        words = self._hit_words()
        office = word_class("office_person")
        return bool(words & office) and not words & (word_class("armed_person") - office)

    def _hit_words(self) -> set[str]:
        """The lemmas of the victims' words and the nouns about the side hit: four words
        before it ("a local leader of the party") and two after ("the party's ward
        leader", "government officials")."""
        words = {w for f in self.draft.frames for w in f.victim_words}
        for f in self.draft.frames:
            for p in f.patients:
                near = [*self.doc[max(p.tok_start - 4, 0):p.tok_start],
                        *self.doc[p.tok_end:p.tok_end + 2]]
                words |= {t.lemma_.lower() for t in near if t.pos_ == "NOUN"}
        return words

    def civilian_target(self) -> bool:
        """The side hit is civilian: actor2 is civilians, or civilians are among the victims."""
        return (self.actor2 is not None and self.actor2.inter == act.CIVILIANS) or bool(
            self.victims["civilian"]
        )

    def violent(self) -> bool:
        """Any word of attack or killing, any clash or explosion vote."""
        return bool(
            self.classes["attack"]
            or self.classes["kill"]
            or self.vote("Armed clash")
            or self.weapon()
        )
