"""Property burned or wrecked, and the crowds that do it: an arson attack or Molotov
cocktails thrown at shops are events of destruction by an unidentified armed group (never
civilians), a thing named after a place is not the place ("Molotov" was Perm's name), and
demonstrators who turn violent are rioters (``data/triggers.tsv``, ``coding/parties.py``,
``places.py``). Texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Event
from main_event import main_event


def _main(text: str) -> Event:
    return main_event(text, "2021-03-05")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "On 3 March 2021, an anarchist cell carried out an arson attack on a telecom mast "
            "near Thessaloniki. The attack caused material damage.",
            "Greece",
        ),
        (
            "On 3 March 2021, in Puebla, men on a motorbike threw Molotov cocktails at two "
            "shops overnight. Nobody was hurt.",
            "Mexico",
        ),
    ],
)
def test_an_arson_or_firebombing_of_property_is_destruction(text: str, country: str) -> None:
    ev = _main(text)
    assert ev.sub_event_type == "Looting/property destruction"
    assert ev.actor1 == f"Unidentified Armed Group ({country})"
    assert ev.country == country
    # What was burned is the people's: ACLED names them as the side hit.
    assert ev.actor2 == f"Civilians ({country})"


@pytest.mark.parametrize(
    ("text", "actor1", "country"),
    [
        ("On 2 March 2021, suspected jihadists burned the primary school and looted two shops "
         "in a hamlet near Arbinda, Soum province.", "Unidentified Armed Group", "Burkina Faso"),
        ("Municipal police bulldozed dozens of market stalls in Cotonou on Tuesday, 2 March "
         "2021.", "Police Forces of Benin", "Benin"),
    ],
)
def test_what_is_looted_or_destroyed_belongs_to_civilians(text: str, actor1: str,
                                                          country: str) -> None:
    ev = _main(text)
    assert ev.sub_event_type == "Looting/property destruction"
    assert (ev.actor1 or "").startswith(actor1)
    assert ev.actor2 == f"Civilians ({country})"


def test_a_firebomb_that_kills_is_an_attack() -> None:
    ev = _main(
        "On 3 March 2021, attackers threw a petrol bomb into a house in Belfast, killing two "
        "children."
    )
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 2)


def test_molotov_cocktails_are_no_place_and_their_throwers_rioters() -> None:
    """"Molotov" was Perm's name: in "Molotov cocktails" it names a bottle, and the report
    stays in Athens; demonstrators who throw them are rioters, not protesters."""
    ev = _main(
        "On 3 March 2021, protesters threw Molotov cocktails at riot police outside "
        "parliament in Athens."
    )
    assert (ev.country, ev.location) == ("Greece", "Athens")
    assert ev.sub_event_type == "Violent demonstration"
    assert ev.actor1 == "Rioters (Greece)"


def test_an_arrest_on_suspicion_of_arson_is_no_destruction() -> None:
    ev = _main("Police arrested a man on suspicion of arson after a warehouse fire in Leeds.")
    assert ev.sub_event_type != "Looting/property destruction"
