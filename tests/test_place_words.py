"""Words that look like a town's name but name no place (``places._town_stands``,
``places._longest_name``): a month written short, a word inside an organisation placed by
the name after it, a name the model reads as an organisation or an event, a common word
that is only an alternate name of a city. On texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire.pipeline import extract


@pytest.mark.parametrize(
    ("text", "location", "country"),
    [
        # "Nov." is a month, not the Tajik town of Nov.
        ("Nurses at the regional hospital in Ouahigouya stopped work on Nov. 9 and 10 to "
         "demand unpaid allowances.", "Ouahigouya", "Burkina Faso"),
        ("Teachers marched through Kaya on Sept 3 to demand their arrears.",
         "Kaya", "Burkina Faso"),
        # The university is placed by the name after it; "Moi" is no Norwegian village.
        ("Lecturers at Moi University in Eldoret went on strike and marched through the "
         "campus demanding their arrears.", "Eldoret", "Kenya"),
        # A sentence's first word that is only another name of a city (Tours).
        ("Tour operators blocked the main road into Arusha to protest new park fees.",
         "Arusha", "Tanzania"),
        # An organisation's name is no small town abroad.
        ("Gunmen opened fire on a Red Cross ambulance near Bunia, wounding two paramedics.",
         "Bunia", "Democratic Republic of Congo"),
    ],
)
def test_the_place_is_the_one_the_text_names(text: str, location: str, country: str) -> None:
    event = extract(text).events[0]
    assert (event.location, event.country) == (location, country)


@pytest.mark.parametrize(
    "text",
    [
        "Unknown gunmen fired on a Red Cross ambulance, wounding two of its staff.",
        "Tour operators held a demonstration after a colleague died in a police cell.",
        "A nurses' union downed tools on Nov. 9 to demand unpaid allowances.",
    ],
)
def test_a_word_that_names_no_place_gives_no_country(text: str) -> None:
    # With no clue to the country, the record says none: never a guess.
    event = extract(text).events[0]
    assert (event.country, event.location) == (None, None)


def test_a_name_said_to_be_where_people_gathered_is_a_place() -> None:
    # The model may tag a village it does not know as an organisation or an event; "in"
    # still places the gathering there.
    event = extract("Supporters of the party gathered in Rashayya on Friday and held up "
                    "photographs of their MP.", country="Lebanon").events[0]
    assert event.location is not None and event.country == "Lebanon"


def test_the_border_with_a_country_is_on_this_side_of_it() -> None:
    event = extract("A Kenyan navy vessel sank a fishing boat near the border with Somalia, "
                    "killing seven fishermen.").events[0]
    assert event.country == "Kenya"


def test_a_city_called_by_its_own_name_opens_a_sentence() -> None:
    event = extract("Tours residents marched to the prefecture on Monday to protest "
                    "against the closure of a maternity ward.").events[0]
    assert (event.location, event.country) == ("Tours", "France")


def test_an_organisation_named_after_a_town_still_places_the_event() -> None:
    # The association is of that city, and nothing else places the march.
    event = extract("Members of the Bobo-Dioulasso Residents' Association marched to "
                    "demand a new hospital.").events[0]
    assert (event.location, event.country) == ("Bobo-Dioulasso", "Burkina Faso")


def test_initials_far_from_a_groups_home_name_no_group() -> None:
    # "RJ" is Rio de Janeiro's state code here, not the Central African rebel group.
    event = extract("Users of an app, Alerta Tiros - RJ, logged a gunfight in Madureira, in "
                    "Rio de Janeiro's north zone, on Sunday.").events[0]
    assert event.country == "Brazil"
    assert "Revolution and Justice" not in f"{event.actor1} {event.actor2}"


def test_initials_near_a_groups_home_still_name_it() -> None:
    event = extract("ADF rebels killed six farmers near Beni on Sunday.").events[0]
    assert event.country == "Democratic Republic of Congo"
    assert event.actor1 is not None and event.actor1.startswith("ADF")
