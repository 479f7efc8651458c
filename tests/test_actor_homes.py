"""Regional parties' home divisions (``data/actor_homes.tsv``): an event a regional party
takes part in, placed by its country alone, lies in the party's state at its seat, not at
the capital. Texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire.actor_tables import home_division
from eventwire.gazetteer import Gazetteer
from eventwire.lexicon import read_table
from eventwire.pipeline import extract


def _event(text: str):  # type: ignore[no-untyped-def]
    events = extract(text, published="2016-08-02").events
    assert events, text
    return events[0]


@pytest.mark.parametrize(
    ("text", "admin1", "seat"),
    [
        (
            "Hundreds of DMK workers staged a road blockade on Monday demanding total "
            "prohibition of liquor.",
            "Tamil Nadu",
            "Chennai",
        ),
        (
            "Shiv Sena activists protested outside a cinema against the release of the film.",
            "Maharashtra",
            "Mumbai",
        ),
        (
            "MQM activists marched against the arrest of their leaders on Sunday.",
            "Sindh",
            "Karachi",
        ),
        # the party's people named before it ("supporters of the PMK"): still its crowd
        (
            "Several hundred supporters of the PMK blocked the highway near the toll plaza on "
            "Tuesday, demanding lower power tariffs.",
            "Tamil Nadu",
            "Chennai",
        ),
    ],
)
def test_actor_homes_a_regional_party_places_an_event_named_by_country_alone(
    text: str, admin1: str, seat: str
) -> None:
    e = _event(text)
    assert (e.admin1, e.location, e.geo_precision) == (admin1, seat, 3)
    assert any("home division" in f for f in e.flags)


def test_actor_homes_a_named_town_outranks_the_party_home() -> None:
    e = _event("DMK workers staged a protest in Bengaluru against the water-sharing order.")
    assert (e.admin1, e.location) == ("Karnataka", "Bengaluru")
    assert not any("home division" in f for f in e.flags)


def test_actor_homes_a_national_party_keeps_the_capital() -> None:
    e = _event("Congress workers protested against the rise in fuel prices on Tuesday.")
    assert e.country == "India"
    assert not any("home division" in f for f in e.flags)


def test_actor_homes_table_names_known_actors_and_divisions() -> None:
    actors = {r["name"]: r["iso2"] for r in read_table("actors.tsv")}
    gaz = Gazetteer.default()
    rows = read_table("actor_homes.tsv")
    assert rows
    for r in rows:
        assert actors.get(r["actor"]) == r["iso2"], r["actor"]
        assert gaz.admin1_place(r["iso2"], r["home"]) is not None, r["home"]
        assert home_division(r["actor"], r["iso2"]) == r["home"]
        assert home_division(r["actor"], "US") is None


@pytest.mark.parametrize(
    "text",
    [
        "An Italian aid worker was kidnapped by armed men on Monday, her organisation said.",
        "Two Chinese engineers were abducted by gunmen on Friday, the company said.",
    ],
)
def test_actor_homes_a_victims_nationality_is_no_clue_to_the_country(text: str) -> None:
    """Foreigners are hit abroad: with no place named, the country stays unknown (never a
    guess), and the victims are the civilians of their nationality, as ACLED names them."""
    event = _event(text)
    assert event.country is None
    assert event.actor2 in ("Civilians (Italy)", "Civilians (China)")


def test_actor_homes_a_named_place_still_gives_the_foreign_victims_country() -> None:
    event = _event("An Italian aid worker was kidnapped by armed men near Nyala on Monday.")
    assert (event.country, event.actor2) == ("Sudan", "Civilians (Italy)")


def test_actor_homes_the_red_cross_is_no_place() -> None:
    event = _event("Gunmen fired on Red Cross workers distributing seeds outside a clinic on "
                   "Tuesday; two were hurt.")
    assert event.country is None and event.location is None
