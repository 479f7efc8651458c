"""The country of an event from every clue the text gives, weighed (``placement``,
``coding/setting.py``): places, admin context, actors' homes, demonyms, datelines, the
user's hint; a destination, an origin or a speaker's country is not the event's, and with
no clue the country stays empty. Texts written for these tests."""

from __future__ import annotations

from eventwire.pipeline import extract
from eventwire.placement import dateline_country, leader


def _main(text: str, **kw):  # type: ignore[no-untyped-def]
    result = extract(text, published="2021-05-12", **kw)
    assert result.events, text
    return result.events[0], result


def test_placement_demonym_makes_generic_police_its_country_s() -> None:
    e, _ = _main("On 9 May 2021, the Mauritanian police dispersed protesters in Mal.")
    assert (e.country, e.location, e.geo_precision) == ("Mauritania", "Mal", 3)
    assert e.actor2 == "Police Forces of Mauritania"


def test_placement_origin_is_not_the_event_s_country() -> None:
    e, _ = _main("On 5 May 2021, truck drivers who carry goods from Turkey protested in Batumi.")
    assert (e.country, e.location) == ("Georgia", "Batumi")


def test_placement_destination_is_not_the_event_s_country() -> None:
    e, _ = _main("On 3 May 2021, police stopped hundreds of unemployed youths from Gafsa who "
                 "were marching to reach Algeria on foot in protest at the lack of jobs.")
    assert e.country == "Tunisia"


def test_placement_dateline_gives_the_country() -> None:
    assert dateline_country("KHARTOUM, May 3 (Reuters) - Shelling hit a market.") == "SD"
    assert dateline_country("Kano, Nigeria - Gunmen struck.") == "NG"
    assert dateline_country("Gunmen killed two - police said.") is None
    e, _ = _main("KHARTOUM, May 3 (Reuters) - Gunmen killed four farmers in a village on "
                 "Sunday, residents said.")
    assert e.country == "Sudan"


def test_placement_actor_acronyms_have_a_home() -> None:
    e, _ = _main("On 3 May 2021, SNA troops clashed with al-Shabaab fighters near a village.")
    assert e.country == "Somalia"
    e, _ = _main("On 3 May 2021, ENDF soldiers shot two civilians at a checkpoint.")
    assert e.country == "Ethiopia"


def test_placement_a_group_of_several_countries_decides_none_alone() -> None:
    # (Tiambelgou is invented: no gazetteer or table knows it.)
    e, result = _main("On 3 May 2021, suspected JNIM militants attacked the market in "
                      "Tiambelgou.")
    assert e.country is None  # Mali, Burkina Faso, Niger...: never a guess
    assert any(w.startswith("country unknown") for w in result.warnings)
    e, _ = _main("On 3 May 2021, Koglweogo militiamen and suspected JNIM militants clashed "
                 "near Tiambelgou.")
    assert e.country == "Burkina Faso"
    # A commune the districts table knows is a clue of its own.
    e, _ = _main("On 3 May 2021, suspected JNIM militants attacked the market in Dablo.")
    assert (e.country, e.admin1) == ("Burkina Faso", "Centre-Nord")
    # ... but it leans its places towards its homes: Beni in the DRC, not in Bolivia.
    e, _ = _main("On 2 May 2021, ADF rebels attacked villagers near Beni, killing 11.")
    assert (e.country, e.location) == ("Democratic Republic of Congo", "Beni")


def test_placement_a_word_of_a_longer_name_is_no_country() -> None:
    e, _ = _main("On 5 May 2021, rival militias clashed in South Darfur state. Fighting broke "
                 "out in the areas of Balail, Hajir Togo and Umm Kuja.")
    assert (e.country, e.admin1) == ("Sudan", "South Darfur")


def test_placement_leader_needs_a_clear_lead() -> None:
    from collections import Counter

    assert leader(Counter({"ML": 0.5, "BF": 0.5})) is None
    assert leader(Counter({"ML": 0.5, "BF": 1.0})) == "BF"
    assert leader(Counter()) is None


def test_placement_the_source_s_country_is_a_hint_not_a_verdict() -> None:
    text = "On 3 May 2021, suspected JNIM militants attacked the market in Dablo."
    e, result = _main(text, country="Burkina Faso")
    assert e.country == "Burkina Faso"
    assert not any(w.startswith("country unknown") for w in result.warnings)
    # A Kenyan paper's report from Somalia stays in Somalia.
    e, _ = _main("On 3 May 2021, al-Shabaab fighters attacked a base in Baidoa, Somalia.",
                 country="Kenya")
    assert (e.country, e.location) == ("Somalia", "Baidoa")


def test_placement_an_unlisted_village_keeps_its_name_under_a_country_hint() -> None:
    """A village the gazetteer lacks, in a text the user says is about Burkina Faso, is
    that village in Burkina Faso at precision 3, never replaced by the country's name."""
    text = "Gunmen attacked the village of Tangourama on Sunday, killing four herders."
    alone = extract(text, published="2024-03-05").events[0]
    hinted = extract(text, published="2024-03-05", country="BF").events[0]
    assert (alone.location, alone.country) == ("Tangourama", None)
    assert (hinted.location, hinted.country, hinted.geo_precision) == (
        "Tangourama", "Burkina Faso", 3)


def test_placement_capital_letters_are_no_hamlet_nor_a_clue_for_a_village() -> None:
    # "US" read as the hamlet of Us (France) once put the unknown village in Paris.
    e, _ = _main("On 6 May 2021, protesters angry at the high US dollar exchange rate "
                 "blocked a road in Kfarhamra.")
    assert (e.location, e.country, e.latitude) == ("Kfarhamra", None, None)
    e, _ = _main("US troops and Iraqi soldiers raided a farm near Tikrit on Monday.")
    assert (e.country, e.location) == ("Iraq", "Tikrit")


def test_placement_a_people_standing_as_a_side_is_no_town() -> None:
    # Kikuyu is a people and a town in Kiambu: as a side of a fight it is the people.
    e = extract("Fighting between Kikuyu and Luo youths in Naivasha left four people dead "
                "on Sunday.", published="2021-05-12").events[0]
    assert (e.location, e.admin1) == ("Naivasha", "Nakuru")
    e = extract("Clashes between Kikuyu and Kalenjin youths left three dead on Sunday.",
                published="2021-05-12").events[0]
    assert e.location != "Kikuyu" and e.country == "Kenya"
    # Named as where something happened, or with a word for a place, it is the town.
    e = extract("Police in Kikuyu town dispersed traders protesting against new levies on "
                "Monday.", published="2021-05-12").events[0]
    assert (e.location, e.admin1, e.country) == ("Kikuyu", "Kiambu", "Kenya")


def test_placement_a_group_s_home_does_not_pull_a_listed_commune_over_the_border() -> None:
    # Katiba Macina is a Malian group; Ouo is a Burkinabe commune (districts.tsv) that
    # no Malian place is named like: the raid crossed the border, the commune stays.
    e, _ = _main("Suspected Katiba Macina fighters attacked the gendarmerie in Ouo on "
                 "Sunday, setting it ablaze.")
    assert (e.country, e.admin1, e.admin2) == ("Burkina Faso", "Cascades", "Comoé")
    # A country the text names outright still decides over a village it lacks.
    e, _ = _main("In Mali, suspected Katiba Macina fighters attacked the gendarmerie in "
                 "Tiambelgou on Sunday.")
    assert e.country == "Mali"


def test_placement_a_place_opening_the_text_before_a_dash_or_colon_is_the_dateline() -> None:
    # "Koudougou - ..." and "Kaya: ..." open the report with its place, in title case.
    e, _ = _main("Koudougou - Students of the university marched to the regional governor's "
                 "office on Thursday to demand unpaid grants.")
    assert (e.country, e.admin1, e.location) == ("Burkina Faso", "Centre-Ouest", "Koudougou")
    e, _ = _main("Kaya: gunmen kill four traders on the road to Dori.")
    assert (e.admin1, e.location) == ("Centre-Nord", "Kaya")

