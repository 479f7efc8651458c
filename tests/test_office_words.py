"""People of office hit by violence, bodies named after places, and the division a body is
named for: an official or a candidate ambushed is a civilian (not a party's militia, not a
battle), "Two district officials" names no village called Two, police who "suspect" or
"believe" speak of the killing and are no side of it, a university named after a town
abroad places nothing there, and an event placed by its country alone lies in the one
division a body in the text is named for ("Haryana Congress workers"); a party's members
and leaders killed are civilians, an armed group's are fighters; a clash told as ethnic,
tribal or between clans is fought by communal militias; the faithful of two creeds
fighting are a mob; reinforcements arriving change a group's activity. Texts written for
these tests."""

from __future__ import annotations

import pytest

from eventwire import extract
from eventwire.options import Options
from eventwire.placement import named_division
from main_event import main_event

CARDS_ALONE = Options(use_model=False)


def test_a_candidate_shot_by_gunmen_is_an_attack_on_a_civilian() -> None:
    text = ("A ward candidate of the ODM party was shot dead by two gunmen outside his home in "
            "Kakamega on Saturday night.")  # fmt: skip
    ev = extract(text, published="2022-07-02", options=CARDS_ALONE).events[0]
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")


def test_officials_ambushed_are_civilians_and_no_place() -> None:
    text = ("Two district officials died on Thursday when bandits fired on their car between "
            "Marsabit and Moyale.")  # fmt: skip
    ev = extract(text, published="2021-03-05", options=CARDS_ALONE).events[0]
    assert ev.sub_event_type == "Attack"
    assert ev.location != "Two" and ev.country == "Kenya"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen killed three council officials in Wajir on Monday.", "Attack"),
        # an official of the police is the police's: armed, so a battle
        ("Gunmen killed a senior police official in Wajir on Monday.", "Armed clash"),
    ],
)  # fmt: skip
def test_an_official_is_a_civilian_unless_named_armed(text: str, expected: str) -> None:
    ev = extract(text, published="2021-03-05", options=CARDS_ALONE).events[0]
    assert ev.sub_event_type == expected


@pytest.mark.parametrize("words", ["Several district officials", "Dozens of county staff"])
def test_a_count_opening_a_sentence_is_no_village(words: str) -> None:
    ev = main_event(f"{words} were ambushed by gunmen near Garissa on Monday.", "2021-03-05")
    assert ev.location == "Garissa"


@pytest.mark.parametrize("verb", ["suspect", "believe"])
def test_police_who_suspect_a_killing_are_no_side(verb: str) -> None:
    ev = main_event(f"A trader's body lay in a maize field near Kitale on Sunday. Officers "
                    f"{verb} he had been seized on his way home and murdered.",
                    "2020-08-10")  # fmt: skip
    assert ev.sub_event_type == "Attack"
    assert "Police" not in (ev.actor1 or "")


def test_a_university_named_after_a_town_abroad_places_nothing_there() -> None:
    ev = main_event("Students of Moi University marched over fee increases on Monday and "
                    "blocked the road to the campus.", "2023-02-06")  # fmt: skip
    assert ev.country != "Norway"


@pytest.mark.parametrize(
    ("text", "iso2", "admin1"),
    [
        ("Haryana Congress workers burned an effigy of the chief minister.", "IN", "Haryana"),
        ("Members of the Mumbai teachers' union went on strike over pay.", "IN", "Maharashtra"),
        ("The Lagos State chapter of the nurses' union held a rally.", "NG", "Lagos"),
    ],
)  # fmt: skip
def test_the_division_a_body_is_named_for(text: str, iso2: str, admin1: str) -> None:
    found = named_division(text, iso2)
    assert found is not None and found[1].admin1 == admin1


@pytest.mark.parametrize(
    ("text", "iso2"),
    [
        ("BJP members staged a sit-in against the new tax.", "IN"),  # no division named
        # two divisions named: neither is the event's
        ("Goa Congress and Haryana Congress leaders met on Friday.", "IN"),
        ("Haryana Congress workers burned an effigy of the chief minister.", None),
    ],
)  # fmt: skip
def test_no_division_where_none_or_several_are_named(text: str, iso2: str | None) -> None:
    assert named_division(text, iso2) is None


def test_a_country_level_event_lies_in_the_division_its_body_is_named_for() -> None:
    ev = main_event("Haryana Congress workers marched to the assembly on Monday against a "
                    "rise in bus fares.", "2021-06-07")  # fmt: skip
    assert (ev.country, ev.admin1, ev.geo_precision) == ("India", "Haryana", 3)
    assert any("admin1: the division of Haryana" in f for f in ev.flags)


def test_fires_lit_by_protesters_are_a_riot() -> None:
    ev = extract("Opposition supporters marched in Kisumu on Tuesday; protesters blocked "
                 "roads and lit fires in the town centre.", published="2023-03-21",
                 options=CARDS_ALONE).events[0]  # fmt: skip
    assert ev.sub_event_type == "Violent demonstration"


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen on a motorbike killed two members of the PTI near a market in Dera Ismail Khan "
        "on Friday.",
        "Attackers hacked an Awami League ward leader to death in Narsingdi on Tuesday.",
    ],
)  # fmt: skip
def test_a_partys_people_killed_are_civilians(text: str) -> None:
    ev = extract(text, published="2022-05-02", options=CARDS_ALONE).events[0]
    assert ev.sub_event_type == "Attack"
    assert (ev.actor2 or "").startswith("Civilians")


def test_an_armed_groups_members_killed_are_still_fighters() -> None:
    ev = extract("An army patrol killed six members of an armed group it had tracked near "
                 "Mandera on Monday.", published="2022-05-02",
                 options=CARDS_ALONE).events[0]  # fmt: skip
    assert ev.sub_event_type == "Armed clash"


@pytest.mark.parametrize(
    "text",
    [
        "Two herders died near Marigat on Sunday in an ethnic clash over pasture.",
        "Inter-clan fighting over a well near Beledweyne killed four people on Sunday.",
        "One man was killed near Kehancha on Sunday as tribal clashes flared along a disputed "
        "boundary.",
    ],
)  # fmt: skip
def test_a_clash_told_as_ethnic_or_between_clans_is_fought_by_their_militias(text: str) -> None:
    ev = extract(text, published="2022-05-02", options=CARDS_ALONE).events[0]
    assert ev.classified_by == "rule:communal_clash"
    assert ev.sub_event_type == "Armed clash"
    assert "Communal Militia" in (ev.actor1 or "") and "Communal Militia" in (ev.actor2 or "")


@pytest.mark.parametrize(
    "text",
    [
        "Catholics and Protestants clashed near the church in Natitingou on Sunday. No one was "
        "hurt.",
        "Catholic and Pentecostal congregations fought with sticks outside a church in Djougou "
        "on Friday; a chapel was burned.",
    ],
)  # fmt: skip
def test_the_faithful_of_two_creeds_fighting_are_a_mob(text: str) -> None:
    ev = main_event(text, "2021-05-03")
    assert ev.sub_event_type == "Mob violence"
    assert ev.actor1 == "Rioters (Benin)"


def test_reinforcements_arriving_change_a_groups_activity() -> None:
    ev = main_event("On 3 June 2021, army reinforcements reportedly arrived at several fronts "
                    "in Marib governorate.", "2021-06-04")  # fmt: skip
    assert ev.sub_event_type == "Change to group/activity"


def test_two_parties_crowds_fighting_are_rioters_each_with_its_party() -> None:
    ev = main_event("BCL activists and JCD activists clashed at Dhaka University on Monday, "
                    "injuring ten.", "2023-05-02")  # fmt: skip
    assert ev.sub_event_type == "Mob violence"
    assert (ev.actor1, ev.actor2) == ("Rioters (Bangladesh)", "Rioters (Bangladesh)")
    assert ev.assoc_actor_1 == "BCL: Bangladesh Chhatra League"
    assert ev.assoc_actor_2 == "JCD: Jatiyatabadi Chhatra Dal"


def test_the_opposition_beside_a_partys_supporters_is_no_rebel_army() -> None:
    ev = main_event("Supporters of the ruling party and the opposition clashed in Lilongwe on "
                    "Tuesday, injuring five.", "2023-05-02")  # fmt: skip
    assert "Rebels" not in (ev.actor2 or "") and ev.sub_event_type == "Mob violence"


def test_a_mob_that_lynches_hurts_civilians() -> None:
    ev = main_event("A mob lynched a suspected thief in Kisumu on Monday.", "2023-05-02")
    assert (ev.actor1, ev.actor2) == ("Rioters (Kenya)", "Civilians (Kenya)")
