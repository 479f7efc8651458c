"""The classification cards (coding/cards.py), each proved by its own examples run through
the whole pipeline (``eventwire.extract``). Every example text is written for the project.

The cards are run alone (``Options(use_model=False)``): the classifier beside them may
overrule a card that is not certain, and is tested on its own (tests/test_classifier.py).
The examples are collected from the card modules' declared lists, not from the order
``classification.CARDS`` asks them in: a card taken out of that order (by mistake, or
by bench/cards_removal.py) still has its examples run, and they fail.
"""

from __future__ import annotations

import pytest

from eventwire import extract
from eventwire.coding import classification, demonstrations, developments, violence
from eventwire.coding.cards import NO_EVENT, Card
from eventwire.options import Options

# Every card, in the order classification asks them. A card added, removed or moved
# changes this list on purpose.
CARD_NAMES = [
    "rioting_demonstrators", "excessive_force", "protest_turned_violent",
    "protest_with_intervention",
    "peaceful_protest", "mob_violence", "communal_raid", "crowd_riot", "armed_destruction",
    "weapons_disrupted", "looting", "arrests", "private_violence", "suicide_bomb",
    "chemical_weapon",
    "government_regains", "non_state_overtakes", "communal_clash", "crowd_killing",
    "crowd_clash",
    "clash_word", "exchange_of_fire", "direct_fire", "weapon", "state_air_strike",
    "sexual_violence",
    "fighters_seized", "abduction", "attack_on_armed", "weak_weapon",
    "abduction_in_violence", "weak_clash", "attack", "violence_untold",
    "arrests_reported", "weapons_disrupted_reported", "looting_reported", "agreement",
    "base_set_up", "base_established", "handover_reported", "group_change", "other_development",
]  # fmt: skip

DECLARED: list[Card] = [*demonstrations.CARDS, *violence.CARDS, *developments.CARDS]
FIRES = [(c.name, text, sub) for c in DECLARED for text, sub in c.fires]
NOT_FIRES = [(c.name, text) for c in DECLARED for text in c.not_fires]
# Examples are dated so that "on Monday" resolves; the cards do not read dates.
PUBLISHED = "2024-05-10"
CARDS_ALONE = Options(use_model=False)


def test_cards_are_asked_in_the_written_order() -> None:
    assert [c.name for c in classification.CARDS] == CARD_NAMES


def test_cards_each_declared_card_is_asked() -> None:
    assert sorted(c.name for c in DECLARED) == sorted(CARD_NAMES)


@pytest.mark.parametrize("card", DECLARED, ids=lambda c: c.name)
def test_cards_each_card_is_declared_whole(card: Card) -> None:
    assert card.fires, f"{card.name}: no example that must fire"
    assert card.not_fires, f"{card.name}: no example that must not fire"
    assert card.when and card.decides
    assert "'" in card.why, f"{card.name}: the why names no example phrase"


@pytest.mark.parametrize(("name", "text", "sub"), FIRES, ids=[f"{n}:{t[:40]}" for n, t, _ in FIRES])
def test_cards_example_fires(name: str, text: str, sub: str) -> None:
    events = extract(text, published=PUBLISHED, options=CARDS_ALONE).events
    if sub == NO_EVENT:
        # A card that decides "no event" leaves nothing to carry its name.
        assert events == [], f"{name}: {text!r} gave {[e.classified_by for e in events]}"
        return
    assert events, f"{name}: {text!r} gave no event"
    main = events[0]
    assert (main.classified_by, main.sub_event_type) == (f"rule:{name}", sub)


@pytest.mark.parametrize(("name", "text"), NOT_FIRES, ids=[f"{n}:{t[:40]}" for n, t in NOT_FIRES])
def test_cards_example_does_not_fire(name: str, text: str) -> None:
    events = extract(text, published=PUBLISHED, options=CARDS_ALONE).events
    assert not events or events[0].classified_by != f"rule:{name}"


def test_cards_every_event_names_what_classified_it(english_article: str) -> None:
    events = extract(english_article, published=PUBLISHED, options=CARDS_ALONE).events
    assert events and all(e.classified_by and e.classified_by.startswith("rule:") for e in events)
    for e in extract(english_article, published=PUBLISHED).events:
        assert e.classified_by and e.classified_by.split(":")[0] in ("rule", "model")
