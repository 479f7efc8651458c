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


def test_actor_homes_a_named_town_outranks_the_party_home() -> None:
    e = _event("DMK workers staged a protest in Bengaluru against the water-sharing order.")
    assert (e.admin1, e.location) == ("Karnataka", "Bengaluru")
    assert not any("home division" in f for f in e.flags)


def test_actor_homes_a_national_party_keeps_the_capital() -> None:
    e = _event("Congress workers protested against the rise in fuel prices on Tuesday.")
    assert e.country == "India"
    assert not any("home division" in f for f in e.flags)


def test_actor_homes_table_names_known_actors_and_divisions() -> None:
    actors: dict[str, set[str]] = {}  # a name may have rows in several countries (AA)
    for r in read_table("actors.tsv"):
        actors.setdefault(r["name"], set()).add(r["iso2"])
    gaz = Gazetteer.default()
    rows = read_table("actor_homes.tsv")
    assert rows
    for r in rows:
        assert r["iso2"] in actors.get(r["actor"], set()), r["actor"]
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


@pytest.mark.parametrize(
    ("text", "admin1", "seat"),
    [
        # An ethnic armed organisation of one state, the place unnamed: its state, at the
        # state's capital (Taunggyi, not the smaller town the bundled data picks).
        ("Heavy fighting broke out between the TNLA and government troops on Friday; "
         "three soldiers were killed.", "Shan", "Taunggyi"),
        ("Army jets bombed positions of the Kachin Independence Army on Thursday, a KIA "
         "spokesman said.", "Kachin", "Myitkyina"),
        ("BLA gunmen ambushed a Frontier Corps patrol on Wednesday, killing four soldiers.",
         "Balochistan", "Quetta"),
    ],
)
def test_actor_homes_an_armed_group_of_one_division_places_an_event_without_a_place(
    text: str, admin1: str, seat: str
) -> None:
    e = _event(text)
    assert (e.admin1, e.location, e.geo_precision) == (admin1, seat, 3)


def test_actor_homes_an_armed_groups_home_yields_to_a_named_town() -> None:
    e = _event("Heavy fighting broke out between the TNLA and government troops near "
               "Mandalay on Friday.")
    assert e.admin1 == "Mandalay"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a demonym after a capitalised first word still counts ("Two Burkinabe ...")
        ("Two Burkinabe customs officers were kidnapped by gunmen on Monday night.",
         "Burkina Faso"),
        ("Suspected Kenyan herders raided a cattle post on Sunday, killing one man.", "Kenya"),
        # a country's name before a title of its state ("Burkina Faso President") tells it
        ("Soldiers fired shots in the barracks of the presidential guard on Friday night, "
         "hours after Burkina Faso President Roch Kabore named a new army chief.",
         "Burkina Faso"),
        # the nationality of a firm is where its owners are from, not where it is
        ("More than 200 workers at a South Korean firm went on strike over unpaid wages on "
         "Monday.", None),
        ("Workers at a Chinese-owned textile factory walked out on Tuesday demanding a pay "
         "rise.", None),
    ],
)
def test_actor_homes_a_demonym_counts_where_it_tells_the_country(
    text: str, country: str | None
) -> None:
    assert _event(text).country == country
