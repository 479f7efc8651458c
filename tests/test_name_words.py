"""Words that look like a place's or a group's name and are part of another name, or that
a text's armed groups place: a village of the Sahel that shares its name with a town in
Italy, "Officer-in-Charge", "Energy Minister", "the Golden Temple", "the Ikhwan Cinema",
"Achik National Liberation Army" (``placement.armed_grounds``, ``places._scan``, the
``office_word`` class of place_words.tsv, ``actor_filters``). Texts written for these
tests."""

from __future__ import annotations

import pytest

from eventwire.pipeline import extract
from eventwire.places import find_places
from eventwire.records import Event

JNIM = "JNIM: Group for Support of Islam and Muslims"


def _event(text: str, published: str = "2020-03-10") -> Event:
    events = extract(text, published=published).events
    assert events, text
    return events[0]


def test_a_village_of_a_regions_armed_group_is_not_a_town_far_abroad() -> None:
    """Sarnico is a small town in Lombardy; JNIM fights in the Sahel only."""
    ev = _event(
        "Suspected JNIM fighters on motorbikes raided the village of Sarnico on Sunday, "
        "rounding up cattle and shooting a herder in the leg."
    )
    assert ev.actor1 == JNIM
    assert ev.country != "Italy"
    assert ev.location == "Sarnico"
    assert ev.latitude is None  # a village the gazetteer lacks: not placed by guess


def test_a_group_of_one_country_places_the_village_in_it() -> None:
    ev = _event(
        "Koglweogo members whipped three men accused of theft in the village of Sarnico "
        "on Sunday."
    )
    assert (ev.country, ev.location) == ("Burkina Faso", "Sarnico")


@pytest.mark.parametrize(
    "text",
    [
        # nobody named: the town stands
        "Armed men on motorbikes raided the village of Sarnico on Sunday, rounding up cattle.",
        # a state's forces strike abroad: they place nothing
        "French soldiers raided a camp near Sarnico on Sunday, killing three militants.",
    ],
)
def test_without_a_regions_armed_group_the_town_stands(text: str) -> None:
    assert _event(text).country == "Italy"


def test_a_word_of_an_english_compound_is_no_place() -> None:
    """"Charge" is a town of France and a name of Egypt's Kharga: not in "Officer-in-Charge"."""
    found = [m.text for m in find_places(
        "The Officer-in-Charge of the police station said a mob burned two buses in Sylhet."
    )]  # fmt: skip
    assert found == ["Sylhet"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Energy Minister Ravi Kumar said protesters had blocked the road to the plant.",
         "Energy"),
        ("Thousands of pilgrims prayed at the Golden Temple on Sunday.", "Golden"),
        ("The Pay Commission will publish its report next month, officials said.", "Pay"),
    ],
)  # fmt: skip
def test_a_small_towns_name_before_an_office_or_a_building_is_no_place(
    text: str, word: str
) -> None:
    assert word not in [m.text for m in find_places(text) if m.place is not None]


def test_a_citys_name_before_a_building_is_still_the_city() -> None:
    ev = _event("Students protested outside Ranchi University on Monday.")
    assert (ev.country, ev.admin1, ev.location) == ("India", "Jharkhand", "Ranchi")


def test_a_groups_alias_before_a_building_is_the_buildings_name() -> None:
    """"Ikhwan" is an alias of the Muslim Brotherhood; "the Ikhwan Cinema" is a cinema."""
    ev = _event(
        "A crowd set fire to the Ikhwan Cinema in Peshawar on Friday after the screening "
        "of a film it called blasphemous."
    )
    assert "Brotherhood" not in f"{ev.actor1} {ev.actor2}"
    assert ev.country == "Pakistan"


def test_a_groups_name_inside_a_longer_name_is_another_group() -> None:
    ev = _event("The Achik National Liberation Army set off a bomb at a coal depot near "
                "Williamnagar on Friday.")  # fmt: skip
    assert ev.actor1 != "ELN: National Liberation Army"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # a nationality before the name: the group itself
        ("Colombian National Liberation Army rebels attacked an army post in Arauca.",
         "ELN: National Liberation Army"),
        # a division before it: a local branch of the group
        ("Activists of the Sylhet District Chhatra League vandalised a rival party's office "
         "in Sylhet on Sunday.", "BCL: Bangladesh Chhatra League"),
        # a group after "anti-": those who fight it
        ("Anti-Houthi National Resistance fighters clashed with Houthi forces near Mocha "
         "on Tuesday.", "National Resistance Forces"),
    ],
)  # fmt: skip
def test_a_name_before_a_groups_name_that_keeps_the_group(text: str, actor: str) -> None:
    ev = _event(text, "2021-05-04")
    assert actor in (ev.actor1, ev.actor2)


def test_a_name_that_opens_as_places_do_struck_by_a_verb_is_a_place() -> None:
    """"shelled Tal Rifaat": the gazetteer writes it "Tall Rif'at"."""
    ev = _event("Turkish-backed fighters shelled Tal Rifaat on Monday night, wounding two "
                "children.")  # fmt: skip
    assert (ev.country, ev.admin1) == ("Syria", "Aleppo")


def test_a_town_in_a_groups_name_is_no_clue_to_the_country() -> None:
    """"Katiba Macina" fights in Mali and Burkina Faso; that Macina is a town of Mali
    does not settle which one an unknown village lies in."""
    ev = _event(
        "Katiba Macina fighters set up a checkpoint outside the hamlet of Tondoyire on "
        "Tuesday and took three motorbikes from travellers."
    )
    assert ev.country is None
    assert ev.location == "Tondoyire"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("On 9 March 2020, suspected ISGS militants clashed with volunteer fighters near "
         "Djibo in Burkina Faso, leaving two volunteer fighters wounded.",
         "VDP: Volunteers for the Defense of the Homeland"),
        # elsewhere the words name no Burkinabe group
        ("Volunteer fighters clashed with separatists near Donetsk on Friday, killing two.",
         "Militia (Pro-Government)"),
    ],
)  # fmt: skip
def test_volunteer_fighters_are_burkina_fasos_vdp_only_there(text: str, actor: str) -> None:
    ev = _event(text, "2020-03-12")
    assert actor in (ev.actor1, ev.actor2)
