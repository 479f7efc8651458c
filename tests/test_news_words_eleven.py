"""Words that news batch 11's errors showed, tried on texts written for these tests: a
phrasal verb whose object stands before its particle ("drove the troops out of"), a
number between a verb and its object ("swapped 30 prisoners"), slashing and beating, a
vehicle packed with explosives, a sentence passed for an act during a riot, rockets
intercepted save one that hurt people, and a new forward operating base."""

from __future__ import annotations

import pytest

from eventwire import extract
from eventwire.coding.triggers import match_triggers
from eventwire.nlp import load_parser
from eventwire.options import Options

CARDS_ALONE = Options(use_model=False)


def _sub(text: str, published: str = "2023-05-06", options: Options | None = None) -> str:
    events = extract(text, published=published, options=options or Options()).events
    return events[0].sub_event_type if events else ""


def _hits(text: str) -> list[tuple[str, ...]]:
    return [h.entry.lemmas for h in match_triggers(load_parser(Options())(text))]


@pytest.mark.parametrize(
    ("text", "lemmas"),
    [
        ("Soldiers drove the rebels out of Kibati on Monday.", ("drive", "out")),
        ("Militiamen burned the chief's compound down on Sunday.", ("burn", "down")),
        ("The two sides swapped 30 prisoners at the bridge.", ("swap", "prisoner")),
        ("A lorry packed with explosives went off at the gate.", ("pack", "with", "explosive")),
    ],
)
def test_a_phrasal_or_counted_trigger_is_found_apart(text: str, lemmas: tuple[str, ...]) -> None:
    assert lemmas in _hits(text)


def test_a_particle_far_from_its_verb_is_no_phrasal_verb() -> None:
    text = "Soldiers drove the wounded men from the front to a hospital and then out to Goma."
    assert ("drive", "out") not in _hits(text)


def test_troops_driving_enemy_out_of_a_village_regain_ground() -> None:
    text = ("Ukrainian troops pushed the Russian garrison out of Kozacha Lopan on Friday, the "
            "regional governor said.")  # fmt: skip
    assert _sub(text, "2022-09-10") == "Government regains territory"
    # the cards read the ground taken too: the town the side was driven out of
    assert _sub(text, "2022-09-10", CARDS_ALONE) == "Government regains territory"


@pytest.mark.parametrize(
    "text",
    [
        "A man wielding a box cutter slashed a council candidate as she handed out leaflets "
        "in Incheon on Friday.",
        "A group of settlers beat two Palestinian shepherds near Masafer Yatta on Saturday.",
    ],
)
def test_slashing_and_beating_people_are_attacks(text: str) -> None:
    assert _sub(text, options=CARDS_ALONE) == "Attack"


def test_a_football_side_that_beats_another_is_no_event() -> None:
    assert _sub("Rivers United beat Enugu Rangers 3-1 in Port Harcourt on Sunday.") == ""


def test_a_motorcycle_packed_with_explosives_is_a_bomb() -> None:
    text = ("A delivery van packed with explosives detonated near a pharmacy in Azaz on "
            "Thursday, killing three people.")  # fmt: skip
    assert _sub(text) == "Remote explosive/landmine/IED"


def test_a_sentence_for_an_act_during_a_riot_is_no_event() -> None:
    text = ("A judge in Bristol jailed a man for 30 months on Wednesday for throwing bricks "
            "at officers during last summer's riot in the city.")  # fmt: skip
    assert _sub(text, "2025-03-06") == ""


def test_rockets_mostly_intercepted_that_hurt_people_are_not_disrupted() -> None:
    text = ("Some 25 rockets were fired from Lebanon at Metula on Sunday; air defences "
            "intercepted most of them, but one landed in a garden and lightly hurt two "
            "pensioners.")  # fmt: skip
    # the disruption card stays silent: the model and the weapon cards decide
    assert _sub(text, "2024-06-10", CARDS_ALONE) != "Disrupted weapons use"
    assert _sub(text, "2024-06-10") == "Shelling/artillery/missile attack"


@pytest.mark.parametrize("after", ["", " No injuries were reported."])
def test_rockets_all_intercepted_are_disrupted(after: str) -> None:
    text = "The air defences intercepted eight rockets fired at Metula on Sunday." + after
    assert _sub(text, "2024-06-10", CARDS_ALONE) == "Disrupted weapons use"


def test_a_new_forward_operating_base_is_a_base_established() -> None:
    text = ("A new forward operating base for the paramilitary police went up near Bhejji in "
            "Sukma district on Monday, officials said.")  # fmt: skip
    assert _sub(text, "2025-02-10", CARDS_ALONE) == "Headquarters or base established"
