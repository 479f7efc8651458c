"""A place read in the light of the names written beside it (``divisions.fit_chains``,
``divisions._resolve``, ``places._split_at_brackets``, the ``name_part`` cues): a village
written before the division it lies in, the first word of a longer Maghreb name, a bracket
the model swallowed into one entity, and a division named in two countries. Texts written
for these tests."""

from __future__ import annotations

import pytest

from eventwire.divisions import find_chains
from eventwire.pipeline import extract
from eventwire.places import find_places
from eventwire.records import Event


def _event(text: str) -> Event:
    events = extract(text, published="2021-05-04").events
    assert events, text
    return events[0]


def test_a_village_before_its_division_is_not_a_city_abroad() -> None:
    """"Valencia, Sangre Grande": Valencia is a village of Trinidad's Sangre Grande the
    gazetteer lacks, not Venezuela's third city."""
    ev = _event(
        "On 2 May 2021, in Valencia, Sangre Grande, a man shot and wounded a police officer."
    )
    assert (ev.country, ev.admin1, ev.location) == (
        "Trinidad and Tobago",
        "Sangre Grande",
        "Valencia",
    )


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a head known in the part's own country: a list, each its own place
        ("Rallies were held in Aleppo, Idlib on Friday.", {"Aleppo": "Aleppo", "Idlib": "Idlib"}),
        # a capital beside another country's city: a list too, never a village
        ("Talks took place in Moscow, Kyiv said on Friday.",
         {"Moscow": "Moscow", "Kyiv": "Kyiv City"}),
    ],
)  # fmt: skip
def test_a_list_of_known_places_is_no_chain(text: str, places: dict[str, str]) -> None:
    found = {m.text: m.place.admin1 for m in find_places(text) if m.place is not None}
    assert found == places


def test_a_division_named_in_two_countries_is_the_capitals() -> None:
    """"Tripoli" is a division of Libya and a city of Lebanon's North: a village bracketed
    by it alone is read in Libya, whose capital it is; a second part settles it
    the other way."""
    libya = find_chains("Shells fell on homes in Arada (Tripoli) on Saturday.")
    assert [(c.head, c.iso2) for c in libya] == [("Arada", "LY")]
    lebanon = find_chains("Youths blocked a road in Bab al-Tabbaneh (Tripoli, North) on Saturday.")
    assert [(c.head, c.iso2) for c in lebanon] == [("Bab al-Tabbaneh", "LB")]
    ev = _event("On 1 May 2021, LNA forces shelled homes in Arada (Tripoli); nobody was hurt.")
    assert ev.country == "Libya"


def test_the_first_word_of_a_longer_maghreb_name_is_no_town() -> None:
    """"Sidi" begins many a Maghreb name the gazetteer lacks: alone it is not the Indian
    town of Sidhi; the division in the bracket places the event."""
    ev = _event(
        "On 2 May 2021, demonstrators burned tyres on the road in Sidi Ali Ben Salem "
        "(Bouhajla, Kairouan) to demand that the local delegate resign."
    )
    assert ev.country == "Tunisia"


def test_a_bracket_inside_one_entity_still_names_two_places() -> None:
    """The model may read "Bouficha (Sousse" as one organisation: the division in the
    bracket is still found, and gives the event its country."""
    text = (
        "On 2 May 2021, about 150 residents of Al Nakhla village gathered in front of the "
        "delegation offices in Bouficha (Sousse) to back the local delegate."
    )
    start = text.index("Bouficha")
    found = find_places(text, [(start, text.index(")"), "ORG")])
    assert "Sousse" in [m.text for m in found if m.place is not None]
    assert _event(text).country == "Tunisia"


def test_a_people_of_one_country_tells_the_country_where_no_place_does() -> None:
    """A report naming no place it knows, but a people who live in one country only
    ("Turkana", "Samburu"), is that country's; a people of many countries ("Fulani") tells
    none, and a named country outweighs the clue."""
    ev = _event(
        "On 3 May 2021, Turkana and Samburu herders fought over a watering point at "
        "Lopurukan; four men were killed."
    )
    assert ev.country == "Kenya"
    spread = _event(
        "On 3 May 2021, Fulani herders and farmers fought over a watering point at "
        "Lopurukan; four men were killed."
    )
    assert spread.country is None
    named = _event(
        "On 3 May 2021, Turkana herders in Uganda's Moroto district raided cattle at "
        "Lopurukan; four men were killed."
    )
    assert named.country == "Uganda"


def test_an_event_placed_by_its_country_alone_stands_in_the_capitals_division() -> None:
    """A nationwide strike is placed at the capital (precision 3), as ACLED codes it: its
    division is the capital's, and the flags say why; a town named places it as before."""
    ev = _event(
        "On 3 May 2021, civil servants across Kenya stayed away from work to demand a raise."
    )
    assert (ev.country, ev.admin1, ev.geo_precision) == ("Kenya", "Nairobi", 3)
    assert any(f.startswith("admin1: the capital's") for f in ev.flags)
    town = _event(
        "On 3 May 2021, civil servants in Kisumu, Kenya stayed away from work to demand a raise."
    )
    assert town.admin1 != "Nairobi"
    assert not any(f.startswith("admin1: the capital's") for f in town.flags)
