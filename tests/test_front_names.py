"""How a front-line report's villages are matched to the front's control table
(``fronts.py``, ``coding/frontlines.py``, ``coding/build.py``): the spellings of one Slavic
name are one key, a mining settlement keeps its number, a pit named after its village is
that village, an observer who counted the blasts fired none of them, and fighting heard
both ways across the line near a village nobody lists is still between the front's sides.
Texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire.fronts import front_at, held_by, spelling_key
from eventwire.pipeline import extract
from main_event import main_event

NAF = "NAF: United Armed Forces of Novorossiya"
UKRAINE = "Military Forces of Ukraine (2019-)"


@pytest.mark.parametrize(
    ("one", "other"),
    [("Vodyane", "Vodiane"), ("Serhiyivka", "Serhiivka"), ("Avdiyivka", "Avdiivka"),
     ("Stanytsya Luhanska", "Stanytsia Luhanska"), ("Dokuchayevsk", "Dokuchaievsk")],
)  # fmt: skip
def test_the_spellings_of_one_name_are_one_key(one: str, other: str) -> None:
    assert spelling_key(one) == spelling_key(other)


def test_a_spelling_the_table_does_not_write_finds_its_holder() -> None:
    """The table writes "Vodiane", "Trokhizbenka", "Yenakiieve"; a report may write them
    otherwise, and a name nobody lists still has no holder."""
    front = front_at("UA", "Donetsk", 2019)
    assert front is not None
    assert held_by(front, "Vodyane") == "Military Forces of Ukraine"
    assert held_by(front, "Trekhizbenka") is None  # a vowel of its own: another name
    assert held_by(front, "Yenakiyeve") == "NAF: United Armed Forces of Novorossiya"
    assert held_by(front, "Kyiv") is None


def test_a_mining_settlement_keeps_its_number() -> None:
    """Zolote-5 was held by one side, Zolote by the other: the number the scan leaves off
    the place's name still tells which village the blasts landed near."""
    numbered = main_event(
        "Monitors of the OSCE SMM said eight blasts were heard close to Zolote-5 late on "
        "Saturday 10 August 2019.",
        "2019-08-12",
    )
    plain = main_event(
        "Monitors of the OSCE SMM said eight blasts were heard close to Zolote late on "
        "Saturday 10 August 2019.",
        "2019-08-12",
    )
    assert numbered.sub_event_type == plain.sub_event_type == "Shelling/artillery/missile attack"
    assert (numbered.actor1, plain.actor1) == (UKRAINE, NAF)
    assert any("from Zolote-5" in f for f in numbered.flags)


def test_a_pit_named_after_its_village_is_no_landmine() -> None:
    """ "Oktiabr Mine" is a colliery of the village Oktiabr: blasts counted near it are
    shells landing, fired from across the line; a mine found on a road stays a device."""
    near_pit = main_event(
        "The OSCE SMM tallied 14 explosions of unknown origin near Oktiabr Mine during the "
        "night of 3 September 2019.",
        "2019-09-05",
    )
    assert near_pit.sub_event_type == "Shelling/artillery/missile attack"
    assert near_pit.actor1 == UKRAINE
    laid = main_event(
        "A mine buried on a farm track outside Lashkar Gah tore apart a tractor on 3 "
        "September 2019, killing its driver.",
        "2019-09-05",
    )
    assert laid.sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("verb", ["counted", "heard", "noted"])
def test_the_observer_who_counted_fired_nothing(verb: str) -> None:
    """The monitors who counted or heard the blasts are no side: the fire came from across
    the line from the village it landed near (Vodiane, held by Ukraine's forces)."""
    ev = main_event(
        f"On 12 August 2019 the OSCE SMM team {verb} nine explosions close to Vodyane.",
        "2019-08-14",
    )
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    assert ev.actor1 == NAF


def test_fighting_both_ways_near_an_unlisted_village_is_between_the_front_sides() -> None:
    """A village neither the gazetteer nor the control table knows leaves the division
    unknown; the report's own words ("the contact line", "the OSCE SMM") still tell the
    front, and small arms fired both ways across it are its two sides fighting."""
    ev = main_event(
        "Late on 9 August 2019 the OSCE SMM noted 25 bursts of small-arms fire exchanged in "
        "both directions across the contact line close to Pavlohradske.",
        "2019-08-11",
    )
    assert ev.country == "Ukraine"
    assert ev.sub_event_type == "Armed clash"
    assert {ev.actor1, ev.actor2} == {NAF, UKRAINE}
    far = main_event(
        "On 9 August 2019 two clans exchanged fire in both directions across the river near "
        "Pavlohradske, police in Kharkiv said.",
        "2019-08-11",
    )
    assert NAF not in (far.actor1, far.actor2)


@pytest.mark.parametrize(
    "when",
    ["during the night of 4 October 2019", "on the night of 4 October 2019",
     "during the night", "in the evening"],
)  # fmt: skip
def test_blasts_counted_in_one_night_are_one_event(when: str) -> None:
    """Fourteen explosions in one night near one village are one barrage, however the night
    is named; the same count over a month is a tally, no event."""
    ev = main_event(f"The OSCE SMM logged 14 explosions close to Pisky {when}.", "2019-10-05")
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    tally = "Over the past month the OSCE SMM logged 1,400 explosions along the contact line."
    assert not extract(tally, published="2019-10-05").events


@pytest.mark.parametrize(
    ("heard", "sub"),
    [
        ("11 projectiles/shots of unidentified weapons", "Shelling/artillery/missile attack"),
        ("70 explosions/bursts of fire from heavy machine guns",
         "Shelling/artillery/missile attack"),
        ("45 explosions/bursts of fire from small arms", "Armed clash"),
        ("35 shots/bursts of fire from rifles", "Armed clash"),
        ("16 projectiles/explosions of unidentified weapons fired in both directions of the "
         "contact line", "Armed clash"),
    ],
)  # fmt: skip
def test_only_small_arms_heard_make_fire_on_the_front_a_battle(heard: str, sub: str) -> None:
    """ACLED reads fire across the Donbas line by the arms: small arms named are both sides
    fighting, and so is fire of any arms heard both ways across the line; shots or bursts of
    unknown or heavy weapons one way are shelling. A count written as a pair
    ("explosions/bursts") is counted all the same."""
    ev = main_event(f"On 14 October 2019 the OSCE SMM recorded {heard} near Pisky.", "2019-10-16")
    assert ev.sub_event_type == sub
    assert ev.actor1 == NAF


def test_heavy_arms_fired_at_positions_are_shelling_without_a_word_of_fighting() -> None:
    ev = main_event(
        "On 14 October 2019 NAF crews fired mortars and automatic grenade launchers towards "
        "Ukrainian Forces trenches outside Pisky, Donetsk.",
        "2019-10-16",
    )
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    assert (ev.actor1, ev.actor2) == (NAF, UKRAINE)


def test_a_village_read_as_a_namesake_off_the_front_is_still_on_it() -> None:
    """The gazetteer knows a Viktorivka in Odesa only: the village of a monitors' report
    with fire going both ways is still on the front, between its two sides."""
    ev = main_event(
        "On 16 October 2019 the OSCE SMM logged 30 explosions fired both ways across the "
        "front line around Viktorivka.",
        "2019-10-18",
    )
    assert ev.sub_event_type == "Armed clash"
    assert {ev.actor1, ev.actor2} == {NAF, UKRAINE}
