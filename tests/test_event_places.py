"""Each event gets its own place (``events._pick_place``/``_nearest_place``), on texts
written for these tests; the example report's places when ../shared is present."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from eventwire.pipeline import extract

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "000_07e8f31817e7cca1.txt"


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = math.radians
    a = (math.sin(r(lat2 - lat1) / 2) ** 2
         + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2)
    return 6371 * 2 * math.asin(math.sqrt(a))


def test_events_each_event_has_its_own_place() -> None:
    text = ("On 3 May 2024, rebels shelled government positions in Aleppo, killing two "
            "soldiers. On 5 May 2024, government jets bombed a market in Saraqib, killing "
            "four civilians.")
    events = extract(text).events
    places = {e.event_date: e.location for e in events}
    assert places == {"2024-05-03": "Aleppo", "2024-05-05": "Saraqib"}
    for e in events:
        (span,) = e.evidence["location"]
        assert text[span.start:span.end] == e.location


def test_events_village_is_chosen_over_the_division_it_lies_in() -> None:
    text = ("On 6 June 2024, regime forces clashed with rebels in the village of Khirbet "
            "Umm Salwa in the northern Hama countryside, killing three fighters.")
    (event,) = extract(text).events
    assert (event.location, event.admin1, event.country, event.geo_precision) == (
        "Khirbet Umm Salwa", "Hama", "Syria", 2)
    assert event.geonameid is None
    assert event.evidence["location"][0].text == "Khirbet Umm Salwa"
    assert event.evidence["latitude"][0].text == "Hama"  # the coordinates come from Hama


def test_events_event_without_a_place_takes_the_closest_place_before() -> None:
    text = ("Gunmen stormed a checkpoint in Monguno, Borno state, on Saturday. Seventeen "
            "attackers were killed in the fighting that followed, the army said.")
    events = extract(text, published="2024-05-12").events
    assert events and all(e.location == "Monguno" for e in events)
    assert all(e.admin1 == "Borno" and e.geo_precision == 1 for e in events)


@pytest.mark.skipif(not EXAMPLE.exists(), reason="the shared example report is not here")
def test_events_example_report_places() -> None:
    events = extract(EXAMPLE.read_text(encoding="utf-8")).events
    ambush = next(e for e in events if e.location == "Palmyra")
    assert _km(ambush.latitude, ambush.longitude, 34.56, 38.28) < 10  # type: ignore[arg-type]
    assert (ambush.admin1, ambush.geo_precision, ambush.geonameid) == ("Homs", 1, 163808)
    strike = events[0]
    assert (strike.sub_event_type, strike.country, strike.geo_precision) == (
        "Air/drone strike", "Syria", 3)
    # "northwestern Syria": in Idlib or Aleppo, at that division's town, not Damascus.
    assert strike.admin1 in ("Idlib", "Aleppo")
    assert strike.latitude is not None and strike.latitude > 35.5  # type: ignore[operator]
    assert strike.longitude is not None and strike.longitude < 37.5  # type: ignore[operator]


@pytest.mark.parametrize(
    ("text", "country", "admin1s", "precision"),
    [
        ("On 3 May 2021, a drone strike in northwestern Syria killed a militant leader.",
         "Syria", ("Idlib", "Aleppo"), 3),
        ("On 3 May 2021, shelling in eastern Ukraine killed two civilians.",
         "Ukraine", ("Donetsk", "Luhansk", "Kharkiv"), 3),
        ("On 3 May 2021, gunmen killed four traders in the north of Burkina Faso.",
         "Burkina Faso", ("Sahel", "Nord"), 3),
        ("On 3 May 2021, soldiers clashed with cartel gunmen in Sinaloa state, leaving five "
         "dead.", "Mexico", ("Sinaloa",), 3),
        ("On 3 May 2021, gunmen killed two police officers on the outskirts of Culiacan.",
         "Mexico", ("Sinaloa",), 2),
    ],
)
def test_events_regions_and_vague_places(
    text: str, country: str, admin1s: tuple[str, ...], precision: int
) -> None:
    (event, *_rest) = extract(text).events
    assert (event.country, event.geo_precision) == (country, precision)
    assert event.admin1 in admin1s


def test_events_a_region_s_point_is_its_division_s_town() -> None:
    (event, *_rest) = extract("On 3 May 2021, soldiers clashed with cartel gunmen in Sinaloa "
                              "state, leaving five dead.").events
    assert event.location == "Culiacan"  # the state's capital, not the town of Sinaloa
    (event, *_rest) = extract("On 3 May 2021, gunmen killed two police officers on the "
                              "outskirts of Culiacan.").events
    assert event.location == "Culiacan"
    # "north of" a country, without "the", is outside it: no part of it is chosen.
    (event, *_rest) = extract("On 3 May 2021, a patrol was ambushed in the desert north "
                              "of Burkina Faso.").events
    assert event.admin1 is None


def test_events_country_from_a_local_group_not_from_foreign_warplanes() -> None:
    # Invented; Kafr Nabl Saghir is a made-up village: only the actors tell the country.
    text = ("Russian warplanes struck HTS positions as HTS fighters clashed with government "
            "troops in Kafr Nabl Saghir on 4 May 2024, killing three fighters.")
    events = extract(text).events
    assert events and events[0].country == "Syria"


def test_events_town_said_to_lie_in_a_province_is_the_place() -> None:
    text = ("On 4 May 2024, clashes took place near Sanjar town in Idleb between HTS and "
            "government troops, killing two fighters.")
    (event, *_rest) = extract(text).events
    assert event.admin1 == "Idlib" and event.location != "Idlib"
    assert event.geo_precision == 2
    assert _km(event.latitude, event.longitude, 35.59, 37.00) < 10  # type: ignore[arg-type]


@pytest.mark.parametrize("text, actor1, country", [
    # Invented reports: a demonym on the strike names who struck.
    ("Israeli airstrikes killed nine people in Rafah on 3 March 2024, medics said.",
     "Military Forces of Israel", "Palestine"),
    ("Russian air strikes hit a market in Maarat al-Numan on 2 May 2019, killing four.",
     "Military Forces of Russia", "Syria"),
    # Cross-border fire: the striker's country is not the place's.
    ("Pakistani shelling killed two villagers in Kupwara on 9 May 2025, police said.",
     "Military Forces of Pakistan", "India"),
    ("A Russian drone hit a bus in Kherson on 9 May 2025, wounding seven people.",
     "Military Forces of Russia", "Ukraine"),
])
def test_events_demonym_on_a_strike_names_the_striker(text: str, actor1: str,
                                                      country: str) -> None:
    (event, *_rest) = extract(text).events
    assert event.actor1 is not None and event.actor1.startswith(actor1)
    assert event.country == country


def test_events_strike_by_a_states_forces_on_fighters_is_an_air_strike() -> None:
    # Invented. "Strikes" alone is weak evidence of an air strike; a state's armed forces
    # striking make it one, even when those killed are fighters (not a clash).
    (event, *_rest) = extract("US strikes killed 12 al-Shabaab fighters near Jilib on "
                              "4 May 2025, the US military said.").events
    assert (event.sub_event_type, event.actor2) == ("Air/drone strike", "Al Shabaab")
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of the United")


def test_events_common_word_named_as_a_division_is_a_place() -> None:
    # Invented. "Plateau" is an English word and a Nigerian state.
    (event, *_rest) = extract("Gunmen attacked a farming settlement in Plateau state on "
                              "3 May 2025, killing 17 people.").events
    assert (event.country, event.admin1, event.fatalities) == ("Nigeria", "Plateau", 17)


def test_events_fighting_for_control_is_a_clash_not_a_capture() -> None:
    (event, *_rest) = extract("The army and the Kachin Independence Army fought for control "
                              "of Bhamo on 2 May 2025.").events
    assert event.sub_event_type == "Armed clash"


def test_events_owner_of_a_base_attacked_is_the_target() -> None:
    (event, *_rest) = extract("A car bomb exploded outside a military base in Mogadishu on "
                              "2 May 2025, killing at least 10 soldiers.").events
    assert event.actor2 is not None and event.actor2.startswith("Military Forces of Somalia")
    assert event.actor1 is None or not event.actor1.startswith("Military Forces")


def test_events_arson_by_a_cartel_is_property_destruction_not_a_riot() -> None:
    (event, *_rest) = extract("Members of the CJNG cartel set fire to three buses in "
                              "Guadalajara on 2 May 2025.").events
    assert event.sub_event_type == "Looting/property destruction"
    assert event.actor1 is not None and event.actor1.startswith("CJNG")


@pytest.mark.parametrize("text", [
    "The UN Security Council condemned the attack and called for an investigation.",
    "Police said they were investigating the bombing.",
])
def test_events_a_reference_to_an_event_told_elsewhere_is_none(text: str) -> None:
    assert extract(text).events == []


def test_events_a_forest_is_not_the_town_of_its_name() -> None:
    # "Boni" is also another name of Bonn; the forest is in Kenya.
    (event, *_rest) = extract("Soldiers repelled an attack on their camp in Boni forest on "
                              "3 May 2025, killing four militants.").events
    assert event.country != "Germany" and event.location != "Bonn"


def test_events_in_the_capital_is_the_country_s_capital() -> None:
    (event, *_rest) = extract("On 3 May 2021, opposition activists hurled crude bombs at "
                              "police in the capital, injuring two, Bangladeshi police "
                              "said.").events
    assert (event.country, event.location, event.geo_precision) == ("Bangladesh", "Dhaka", 1)


def test_events_in_the_kenyan_capital_is_nairobi() -> None:
    (event, *_rest) = extract("Supporters of the opposition fought running battles with police "
                              "in the Kenyan capital on 9 May 2019.").events
    assert (event.country, event.admin1, event.location) == ("Kenya", "Nairobi", "Nairobi")


def test_events_an_english_at_is_no_arabic_article() -> None:
    (event, *_rest) = extract("On 3 May 2021, a man was killed in a clash between two groups "
                              "at Dakir Para village in Palashbari upazila.").events
    assert event.location == "Dakir Para"


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("On 30 April 2021, savers demonstrated in front of a Banque du Liban office in Sidon "
         "over their frozen deposits.", "South"),
        ("On 28 April 2021, taxi drivers parked their cars across Corniche el Mazraa in "
         "Beirut to protest against fuel prices.", "Beirut"),
    ],
)
def test_events_a_word_of_a_buildings_name_is_not_a_town_abroad(text: str, admin1: str) -> None:
    """'the Banque du Liban', 'Corniche el Mazraa': later words of a building's or a
    road's name, never a namesake village abroad (Liban in Czechia, El Mazra'a in Israel)
    over the city the text names."""
    event = extract(text).events[0]
    assert (event.country, event.admin1) == ("Lebanon", admin1)


@pytest.mark.parametrize(
    ("text", "country", "location"),
    [
        # The town is the object of the verb: no "in", yet it is where the event was, and
        # the striker's nationality does not put the event in its own capital.
        ("Turkish drones struck Saraqib on Sunday, killing two fighters.", "Syria", "Saraqib"),
        ("Government troops shelled Kafranbel overnight.", "Syria", "Kafranbel"),
    ],
)
def test_event_places_a_town_a_verb_aims_at_is_the_place(
    text: str, country: str, location: str
) -> None:
    ev = extract(text, published="2021-05-12").events[0]
    assert (ev.country, ev.location) == (country, location)


@pytest.mark.parametrize(
    "text",
    ["Hackers targeted Shell on Sunday.", "Militants attacked Chevron on Sunday."],
)
def test_event_places_a_company_a_verb_aims_at_is_no_hamlet(text: str) -> None:
    """A company's name that is also a small village abroad is no place."""
    for ev in extract(text, published="2021-05-12").events:
        assert ev.location is None and ev.country is None


def test_event_places_beninese_departments_by_their_english_names() -> None:
    """Oueme (misspelt Queme in the bundled data) and Couffo are found by the names news
    gives them, and the village in a chain takes its department."""
    ev = extract(
        "On 8 February 2022, residents attacked customs officers in Tchonvi (Seme-Podji, "
        "Oueme) after a chase.", published="2022-03-01").events[0]
    assert (ev.country, ev.admin1) == ("Benin", "Oueme")
    ev = extract("Two men were kidnapped near Aplahoue in the Couffo department on Monday.",
                 published="2022-03-01").events[0]
    assert (ev.country, ev.admin1) == ("Benin", "Kouffo")
