"""A place the text says lies in another (``villages.set_within``, ``divisions.take_district``,
``placement.mark_origins``): a namesake of another division is not the place the text puts
there, a place merely near another keeps its own division, a place in a district takes that
district, and the people of a village are no origin when the rest of the sentence only
says where the village lies. Texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire.pipeline import extract
from eventwire.records import Event


def _event(text: str, published: str = "2021-05-04") -> Event:
    events = extract(text, published=published).events
    assert events, text
    return events[0]


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # Kalaw is a town of Shan State; the text puts a village of that name in Magway.
        ("Soldiers burned houses in Kalaw village of Pakokku township (Magway region) on "
         "Sunday.", "Magway"),
        ("Soldiers burned houses in Kalaw ward in Hakha town (Hakha District, Chin State) "
         "on Sunday.", "Chin"),
    ],
)
def test_containment_a_namesake_of_another_division_lies_where_the_text_says(
    text: str, admin1: str
) -> None:
    e = _event(text)
    assert (e.country, e.admin1, e.location) == ("Myanmar", admin1, "Kalaw")
    assert e.geo_precision in (2, 3)


@pytest.mark.parametrize(
    "text",
    [
        # Mandi is a town of Himachal Pradesh; a sector, or one of a list's areas, of a
        # district of Jammu and Kashmir is not that town.
        "Troops exchanged fire across the Line of Control in Mandi sector of Poonch "
        "district on Monday; a porter was wounded.",
        "Troops exchanged fire with militants in Sawjian and Mandi areas of Poonch "
        "district on Monday; a porter was wounded.",
    ],
)
def test_containment_a_sector_or_areas_of_a_district_lie_in_it(text: str) -> None:
    e = _event(text)
    assert (e.country, e.admin1) == ("India", "Jammu and Kashmir")
    assert e.location in ("Mandi", "Sawjian")


@pytest.mark.parametrize(
    ("text", "admin1", "location"),
    [
        # near, or in a part of, another place: the town keeps its own division
        ("Shells landed in Jaramana, east of Damascus city, killing two.", "Rural Damascus",
         "Jaramana"),
        ("Fighters shelled houses in Douma near Damascus city on Monday, killing a child.",
         "Rural Damascus", "Douma"),
    ],
)
def test_containment_a_town_near_another_keeps_its_division(
    text: str, admin1: str, location: str
) -> None:
    e = _event(text)
    assert (e.admin1, e.location) == (admin1, location)


def test_containment_a_chain_of_containers_reaches_the_district() -> None:
    # "X area of Y tehsil in Z": X lies in Y, which lies in Z (a former tribal agency,
    # coded in the Federally Administered Tribal Areas before the 2018 merger).
    text = ("A tribal elder was shot dead in Sheikhan area of Salarzai tehsil in Bajaur on "
            "Tuesday.")
    old = _event(text, "2016-03-02")
    assert (old.admin2, old.admin1) == ("Bajaur", "Federally Administered Tribal Areas")
    new = _event(text, "2021-03-02")
    assert (new.admin2, new.admin1) == ("Bajaur", "Khyber Pakhtunkhwa")


@pytest.mark.parametrize(
    ("text", "admin2", "location"),
    [
        ("Security forces clashed with militants in Mir Ali on Monday.", "North Waziristan",
         "Mir Ali"),
        ("A roadside bomb struck a paramilitary convoy in Ladha on Saturday.",
         "South Waziristan", "Ladha"),
        ("Jets pounded militant hideouts in Tirah valley on Friday.", "Khyber", "Tirah"),
    ],
)
def test_containment_a_tribal_agencys_tehsils_lie_in_the_agency(
    text: str, admin2: str, location: str
) -> None:
    e = _event(text, "2015-06-02")
    assert (e.location, e.admin2, e.admin1) == (
        location, admin2, "Federally Administered Tribal Areas")
    assert e.geo_precision == 2


def test_containment_a_known_town_in_a_district_takes_the_district() -> None:
    e = _event("Militants attacked a checkpoint in Jamrud in Khyber Agency.", "2015-06-02")
    assert (e.location, e.admin2) == ("Jamrud", "Khyber")


def test_containment_the_inhabitants_of_a_village_are_no_origin() -> None:
    """The village the people live in, with the commune and department it lies in: the
    event is there, not at the country's capital."""
    e = _event("On 3 March 2022, gunmen beat the inhabitants of the village of Tandou near "
               "Banikoara (Banikoara, Alibori) who refused to leave.")
    assert (e.country, e.admin1) == ("Benin", "Alibori")
    assert e.location in ("Tandou", "Banikoara")


def test_containment_muranga_county_is_spelled_as_its_name() -> None:
    e = _event("Parents held a demonstration in Kangema, Murang'a county, on Monday over "
               "school fees.")
    assert (e.country, e.admin1, e.location) == ("Kenya", "Murang'a", "Kangema")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a division word one country alone uses tells the country of a name it follows
        ("A man was killed in a clash over farmland at Charpara village in Gopalpur upazila "
         "on Thursday.", "Bangladesh"),
        ("Gunmen killed three farmers in Bokkos LGA on Saturday night.", "Nigeria"),
        # a word English uses too says nothing ("union", "block")
        ("Members of the teachers union marched on Thursday demanding unpaid salaries.",
         None),
    ],
)
def test_containment_a_countrys_own_division_word_tells_the_country(
    text: str, country: str | None
) -> None:
    assert _event(text).country == country


def test_containment_karabakh_districts_carry_their_english_names() -> None:
    e = _event("Armenian forces fired on Azerbaijani positions near Horadiz in Fuzuli district "
               "on Friday.", "2019-05-04")
    assert (e.country, e.admin1) == ("Azerbaijan", "Fuzuli")
