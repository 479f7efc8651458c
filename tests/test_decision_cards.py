"""The role and toll cards (coding/roles.py, coding/victims.py, coding/tolls.py), each
proved by its own examples run through the whole pipeline (``eventwire.extract``). Every
example text is written for the project.

A ``fires`` example says what the main event shows because the card decided; a
``not_fires`` example is a text the card must leave alone, and what the event shows then.
The cards are run without the classifier (``Options(use_model=False)``), as the
classification cards are (tests/test_cards.py): the examples name event types the cards
read from the roles and tolls. The examples are collected when the tests are, so a card
taken out of its module's order afterwards (bench/cards_removal.py does so) still has
its examples run, and they fail.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType
from typing import Any

import pytest

from eventwire import extract
from eventwire.coding import roles, tolls, victims
from eventwire.coding.decision_cards import EXAMPLE_DATE, DecisionCard
from eventwire.options import Options

MODULES: tuple[ModuleType, ...] = (roles, victims, tolls)

# Every list of cards, with its cards in the order they are asked. A card added, removed
# or moved changes this on purpose.
ORDER: dict[str, list[str]] = {
    "roles.TRIGGER_CARDS": [
        "territory_taker", "taker_of_governing_verb", "hedged_taking",
        "clash_subject_halves", "headline_passive", "subject_dies", "subject_acts", "object_is_hit",
        "passive_agent_acts",
        "verb_target_preposition", "subject_of_governing_verb", "misparsed_as_modifier",
        "first_actor_of_clause", "force_deployed", "ground_taken_from", "clashed_with",
        "blamed_on_noun", "base_owner", "modifier_acts", "attack_by",
        "noun_target_preposition", "clash_between", "responsible_for", "blamed_on_verb",
        "device_met_by_subject", "subject_came_under", "carried_out_by_subject",
        "what_the_noun_hit",
    ],
    "roles.FRAME_CARDS": [
        "toll_victims", "described_victims", "helpers_named", "militia_beside_the_army",
        "actor_is_not_its_target", "helpers_are_no_side", "two_sides_of_a_list",
    ],
    "tolls.SKIP_CARDS": ["negated_toll", "attempted_toll", "animals_only", "wounded_then_died"],
    "victims.VICTIM_CARDS": [
        "verb_own_argument", "subject_hung_on_place", "death_verb_subject", "subject_after_verb",
        "counted_subject_of_conjunct", "first_verb_of_chain", "first_participle_subject",
        "number_on_verb", "reduced_passive", "found_killed", "counted_before_of",
        "participle_describes", "adjective_describes", "number_on_adjective", "found_dead",
        "left_dead", "deaths_of", "number_on_noun", "done_to_death",
    ],
    "tolls.CAP_CARDS": ["not_a_count"],
    "tolls.SENTENCE_CARDS": ["explicit_zero", "stated_total"],
    "tolls.SETTLE_CARDS": ["stated_total_wins", "largest_figure"],
}  # fmt: skip


def _lists() -> dict[str, tuple[DecisionCard[Any], ...]]:
    """Every module's lists of cards as they stand now, by "module.LIST"."""
    return {
        f"{m.__name__.rsplit('.', 1)[1]}.{name}": getattr(m, name)
        for m in MODULES
        for name in m.CARD_LISTS
    }


DECLARED: list[DecisionCard[Any]] = [c for cards in _lists().values() for c in cards]
FIRES = [(c.name, text, out) for c in DECLARED for text, out in c.fires]
NOT_FIRES = [(c.name, text, out) for c in DECLARED for text, out in c.not_fires]
CARDS_ALONE = Options(use_model=False)


def _check(name: str, text: str, outcome: Mapping[str, object]) -> None:
    """The main event of ``text`` shows ``outcome`` (``{"events": 0}``: there is none)."""
    events = extract(text, published=EXAMPLE_DATE, options=CARDS_ALONE).events
    if outcome.get("events") == 0:
        assert events == [], f"{name}: {text!r} gave {[e.sub_event_type for e in events]}"
        return
    assert events, f"{name}: {text!r} gave no event"
    main = events[0]
    found = {field: getattr(main, field) for field in outcome}
    assert found == dict(outcome), f"{name}: {text!r}"


def test_decision_cards_are_asked_in_the_written_order() -> None:
    assert {k: [c.name for c in cards] for k, cards in _lists().items()} == ORDER


def test_decision_cards_names_are_unique() -> None:
    names = [c.name for c in DECLARED]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("card", DECLARED, ids=lambda c: c.name)
def test_decision_cards_each_card_is_declared_whole(card: DecisionCard[Any]) -> None:
    assert card.fires, f"{card.name}: no example that must fire"
    assert card.not_fires, f"{card.name}: no example that must not fire"
    assert card.decides and card.when and card.applies
    assert "'" in card.why, f"{card.name}: the why names no example phrase"
    assert all(v > 0 for v in card.thresholds.values())
    scopes = {**roles.SCOPES, roles.FRAME_SCOPE: None, **victims.SCOPES}
    if card in [*roles.TRIGGER_CARDS, *roles.FRAME_CARDS, *victims.VICTIM_CARDS]:
        assert card.applies in scopes, f"{card.name}: no scope {card.applies!r}"
    for _, outcome in (*card.fires, *card.not_fires):
        assert outcome, f"{card.name}: an example with no outcome"


@pytest.mark.parametrize(
    ("name", "text", "outcome"), FIRES, ids=[f"{n}:{t[:40]}" for n, t, _ in FIRES]
)
def test_decision_cards_example_fires(name: str, text: str, outcome: Mapping[str, object]) -> None:
    _check(name, text, outcome)


@pytest.mark.parametrize(
    ("name", "text", "outcome"), NOT_FIRES, ids=[f"{n}:{t[:40]}" for n, t, _ in NOT_FIRES]
)
def test_decision_cards_example_does_not_fire(
    name: str, text: str, outcome: Mapping[str, object]
) -> None:
    _check(name, text, outcome)
