"""The ACLED sub-event type of a draft event: the rule cards, asked in order.

>>> verdict = classify(Situation(draft, doc, actor1, actor2, 3))   # doctest: +SKIP
>>> verdict.sub_event_type, verdict.classified_by       # doctest: +SKIP
('Attack', 'rule:attack')

``CARDS`` is the order; the first card that answers decides. A card that decides "no
event" stops the loop too (``cards.NO_EVENT``), and when no card answers the draft is
no event. The order is ACLED's precedence as the project reads the codebook:
demonstrations before the violence they contain, acts that end violence (a bomb
defused, an arrest) before the weapons they name, ground taken before the fighting for
it, fighting crowds before battles, specific weapons before generic attacks, and the
quieter strategic developments last.
"""

from __future__ import annotations

from . import demonstrations, developments, violence
from .cards import Card, Situation
from .records import Verdict

# Every classification card, in the order they are asked.
CARDS: tuple[Card, ...] = (
    *demonstrations.PROTEST_CARDS,
    demonstrations.MOB_CARD,
    demonstrations.COMMUNAL_CARD,
    *demonstrations.RIOT_CARDS,
    *developments.CALM_CARDS,
    violence.PRIVATE_CARD,
    *violence.WEAPON_CARDS,
    *developments.TERRITORY_CARDS,
    *demonstrations.CROWD_CARDS,
    *violence.FIGHT_CARDS,
    *violence.ABDUCTION_CARDS,
    *violence.ATTACK_CARDS,
    *developments.STRATEGIC_CARDS,
)


def classify(situation: Situation) -> Verdict:
    """The sub-event type of a draft event and the card that decided it (a Verdict whose
    ``sub_event_type`` is None when the draft is no event)."""
    votes, classes = dict(situation.votes), dict(situation.classes)
    signals = signals_of(situation)
    for card in CARDS:
        sub = card(situation)
        if sub is not None:  # NO_EVENT ("") decides too: the draft is no event
            return Verdict(sub or None, card.name, votes, classes, signals=signals)
    return Verdict(None, None, votes, classes, signals=signals)


def signals_of(situation: Situation) -> frozenset[str]:
    """What the cards know of the draft's sides beyond its words, for the classifier:
    whether the side hit is armed or civilian, whether crowds are the parties, whether a
    state's forces act, whether anyone was killed."""
    flags = {
        "armed_target": situation.armed_target(),
        "civilian_target": situation.civilian_target(),
        "victims_armed": situation.victims["armed"] > 0,
        "victims_civilian": situation.victims["civilian"] > 0,
        "crowd": situation.crowd(),
        "state_actor1": situation.state1,
        "nobody_killed": situation.calm,
    }
    return frozenset(name for name, on in flags.items() if on)


def certain_cards() -> frozenset[str]:
    """The names of the cards marked certain: their verdict stands over the classifier's."""
    return frozenset(card.name for card in CARDS if card.certain)
