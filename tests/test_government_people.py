"""A government's people of office hit are civilians, a one-word alias after a name's
adjective is another organisation, regional groups place events told by their country
alone in their home division, the groups a text names outside its tellings say its
country, a big city opening the name of a college is where the college stands, and a word
of one country's streets or public life ("matatu") is a clue to the country. Texts written
for these tests."""

from __future__ import annotations

import pytest

from eventwire import extract
from eventwire.options import Options
from main_event import main_event

CARDS_ALONE = Options(use_model=False)


@pytest.mark.parametrize("verb", ["shot dead", "ambushed and killed"])
def test_government_officials_hit_are_civilians_of_that_government(verb: str) -> None:
    text = f"Gunmen {verb} two government officials on the road out of Lodwar on Friday."
    ev = extract(text, published="2020-09-12", options=CARDS_ALONE).events[0]
    assert ev.sub_event_type == "Attack"
    assert ev.actor2 == "Civilians (Kenya)"
    assert (ev.assoc_actor_2 or "").startswith("Government of Kenya")


def test_a_government_fought_by_rebels_stays_a_side() -> None:
    text = "Rebels clashed with government forces near Lodwar on Friday, leaving six dead."
    ev = extract(text, published="2020-09-12", options=CARDS_ALONE).events[0]
    assert ev.sub_event_type == "Armed clash"


def test_police_officials_hit_are_armed() -> None:
    text = "Gunmen shot dead a police official and a government official in Lodwar on Friday."
    ev = extract(text, published="2020-09-12", options=CARDS_ALONE).events[0]
    assert ev.sub_event_type == "Armed clash"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # "Congress" closing another party's name is not India's Congress
        ("Youths hurled stones at the convoy of the Pamoja National Congress leader in "
         "Kisumu on Sunday.", False),
        # a state's branch of the party is still the party
        ("Haryana Congress workers blocked the highway at Rohtak on Sunday.", True),
    ],
)  # fmt: skip
def test_a_name_adjective_makes_a_longer_name(text: str, named: bool) -> None:
    ev = main_event(text, "2019-05-05")
    sides = {ev.actor1, ev.actor2, *(ev.assoc_actor_1 or "").split("; "),
             *(ev.assoc_actor_2 or "").split("; ")}
    assert ("Indian National Congress" in sides) is named


def test_a_township_before_a_one_word_alias_is_the_groups_branch() -> None:
    ev = main_event("The Monywa PDF ambushed a junta convoy on Tuesday.", "2022-03-08")
    assert "PDF: People's Defense Force" in (ev.actor1, ev.actor2)


@pytest.mark.parametrize(
    ("group", "division"),
    [
        ("KRRS", "Karnataka"),
        ("DMDK", "Tamil Nadu"),
        ("Tamil Maanila Congress", "Tamil Nadu"),
        ("TIPRA Motha", "Tripura"),
    ],
)
def test_a_regional_group_places_a_country_wide_event_at_home(group: str, division: str) -> None:
    ev = main_event(f"Members of the {group} staged a sit-in against the new farm levy on "
                    "Tuesday.", "2016-02-09")
    assert (ev.country, ev.admin1) == ("India", division)


def test_a_group_named_outside_the_telling_says_the_country() -> None:
    text = ("Shops stayed shut on the first day of the stayaway that ODM leaders had urged. "
            "Police fired tear gas at youths.")  # fmt: skip
    ev = main_event(text, "2017-11-02")
    assert ev.country == "Kenya"


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("Mombasa Polytechnic students blocked the main road on Tuesday to protest fee "
         "increases.", "Mombasa"),
        # a tie to a college elsewhere is not where the event was
        ("Reporters held a human chain in Savar (Dhaka) over the sacking of a Rajshahi "
         "University-based colleague.", "Savar"),
    ],
)  # fmt: skip
def test_a_big_city_opening_a_colleges_name_is_where_it_stands(text: str, location: str) -> None:
    assert main_event(text, "2019-05-14").location == location


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Matatu crews parked their vans across the highway on Monday to protest new levies.",
         "Kenya"),
        ("Okada riders marched on the council office on Monday over a ban on their bikes.",
         "Nigeria"),
    ],
)  # fmt: skip
def test_a_word_of_one_countrys_streets_says_the_country(text: str, country: str) -> None:
    assert main_event(text, "2019-05-14").country == country


def test_a_country_word_is_no_place_of_its_own() -> None:
    # "the Knesset" says Israel, but the march was in the town the text names
    ev = main_event("Hundreds marched in Haifa on Saturday against a bill before the "
                    "Knesset.", "2023-03-04")
    assert (ev.country, ev.location) == ("Israel", "Haifa")
