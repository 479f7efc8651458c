"""Admin context (``eventwire.divisions``): the divisions a text puts a place in fix its
country and first-level division, even for a village the gazetteer lacks. Texts written
for these tests."""

from __future__ import annotations

import pytest

from eventwire.divisions import find_chains
from eventwire.gazetteer import Gazetteer
from eventwire.pipeline import extract


def _event(text: str):  # type: ignore[no-untyped-def]
    events = extract(text, published="2021-05-12").events
    assert events, text
    return events[0]


def test_divisions_bracketed_context_of_a_known_town() -> None:
    e = _event("On 3 May 2021, gunmen killed two herders in Tin-Akoff (Tin-Akoff, Oudalan).")
    assert (e.country, e.admin1, e.admin2, e.location) == (
        "Burkina Faso", "Sahel", "Oudalan", "Tin-Akoff")
    assert e.geo_precision == 1


def test_divisions_french_region_name_places_an_unknown_village() -> None:
    e = _event("On 4 May 2021, soldiers shot a trader in Amchide town, Kolofata subdivision "
               "(Mayo-Sava, Extreme-Nord) during a search operation.")
    assert (e.country, e.admin1, e.admin2, e.location) == (
        "Cameroon", "Extreme-Nord", "Mayo-Sava", "Amchide")
    assert e.geo_precision == 2  # at the seat of its department


def test_divisions_village_is_placed_at_the_territory_named_before_its_province() -> None:
    e = _event("On 3 May 2021, a soldier robbed a woman in Kamonyi village (Uvira, Sud-Kivu).")
    assert (e.country, e.admin1, e.location, e.geo_precision) == (
        "Democratic Republic of Congo", "Sud-Kivu", "Kamonyi", 2)
    uvira = Gazetteer.default().lookup("Uvira", "CD")[0]
    assert (e.latitude, e.longitude) == (uvira.latitude, uvira.longitude)


def test_divisions_township_district_and_state_in_a_comma_chain() -> None:
    e = _event("On 5 May 2021, the army shelled a monastery in Namtu Township, Kyaukme "
               "District, Shan State, wounding four monks.")
    assert (e.country, e.admin1) == ("Myanmar", "Shan")


def test_divisions_a_division_word_says_which_country_a_name_is_in() -> None:
    # "Niger" after an LGA is Nigeria's Niger State, not the country.
    e = _event("On 1 May 2021, a vigilante shot a driver at a checkpoint in Kuduru-Tasha "
               "(Borgu LGA, Niger).")
    assert (e.country, e.admin1, e.location) == ("Nigeria", "Niger", "Kuduru-Tasha")


def test_divisions_comma_context_chooses_the_namesake_in_that_state() -> None:
    e = _event("On 7 May 2021, in Atoyac, Veracruz, farmers protested against water cuts.")
    assert (e.country, e.admin1, e.location) == ("Mexico", "Veracruz", "Atoyac")


def test_divisions_a_district_of_a_capital_named_alone() -> None:
    e = _event("On 6 May 2021, a grenade exploded in Wadajir district, injuring three people.")
    assert (e.country, e.admin1, e.admin2, e.geo_precision) == (
        "Somalia", "Banaadir", "Wadajir", 2)


def test_divisions_a_list_of_places_is_no_chain() -> None:
    assert find_chains("Clashes in Aleppo, Idlib and Hama left ten dead.") == []
    e = _event("On 2 May 2021, clashes in Aleppo, Idlib and Hama left ten fighters dead.")
    assert (e.location, e.admin1) == ("Aleppo", "Aleppo")


@pytest.mark.parametrize(
    ("text", "head", "iso2", "parts"),
    [
        ("Protesters marched in Miango (Bassa LGA, Plateau).", "Miango", "NG",
         ["Bassa", "Plateau"]),
        ("Taliban fighters hit a post in Qala-i-Sharif (Markaz), Baghlan.", "Qala-i-Sharif",
         "AF", ["Markaz", "Baghlan"]),
        ("Residents protested in Mardan (Mardan, KPK).", "Mardan", "PK", ["Mardan", "KPK"]),
    ],
)
def test_divisions_chains_are_read_part_by_part(
    text: str, head: str, iso2: str, parts: list[str]
) -> None:
    (chain,) = find_chains(text)
    assert (chain.head, chain.iso2, [p.text for p in chain.parts]) == (head, iso2, parts)


def test_divisions_a_district_word_makes_a_chain_of_a_name_known_elsewhere() -> None:
    # Khash is also a town of Nimroz; "district, Badakhshan" says which.
    e = _event("Afghan warplanes bombed Taliban hideouts in Khash district, Badakhshan, on "
               "Sunday.")
    assert (e.country, e.admin1) == ("Afghanistan", "Badakhshan")


def test_divisions_a_small_namesake_elsewhere_does_not_make_a_list() -> None:
    # The bundled data knows a small Mesquita in Minas Gerais only: the state named after
    # it places the town; a large town before another division is still one of a list.
    e = _event("Residents of Mesquita, Rio de Janeiro, blocked a highway with burning tyres "
               "on Monday to protest against power cuts.")
    assert (e.country, e.admin1, e.location) == ("Brazil", "Rio de Janeiro", "Mesquita")
    listed = _event("Regime shelling hit Aleppo, Idlib and Hama on Monday, killing four.")
    assert (listed.country, listed.admin1) == ("Syria", "Aleppo")


def test_divisions_a_quarter_after_a_chained_town_is_coded_to_the_town() -> None:
    # Vale Verde and Trindade are towns of Rio Grande do Sul and Goias too; named as a
    # neighbourhood or a community after a town of Rio de Janeiro they are its quarters.
    for text, town in (
        ("On 3 June 2021, in Nova Iguacu, Rio de Janeiro, officers of the state police "
         "entered the Vale Verde neighbourhood after a tip about armed men. They were fired "
         "upon and a gunfight followed; one suspect died.", "Nova Iguacu"),
        ("On 3 June 2021, at Duque de Caxias, Rio de Janeiro, state police officers entered "
         "the Trindade community to look for a gang leader; a gunfight followed in which a "
         "suspect was killed.", "Duque de Caxias"),
    ):
        e = _event(text)
        assert (e.admin1, e.location) == ("Rio de Janeiro", town), text


@pytest.mark.parametrize(
    ("text", "admin1", "location"),
    [
        # A state's abbreviation is read as a part of an admin chain ...
        ("Workers held a sit-in at a spinning mill in Damaracherla village (Nalgonda, TS) "
         "over unpaid wages.", "Telangana", "Damaracherla"),
        ("Police fired tear gas at farmers marching in Kalyani village (Nadia, WB) on "
         "Monday.", "West Bengal", "Kalyani"),
    ],
)
def test_divisions_a_state_abbreviation_in_a_chain(text: str, admin1: str, location: str) -> None:
    e = _event(text)
    assert (e.country, e.admin1, e.location) == ("India", admin1, location)


def test_divisions_an_abbreviation_alone_is_no_place() -> None:
    # ... never alone: "MP" here is a member of parliament, not Madhya Pradesh.
    e = _event("A ruling party MP led a march of farmers through Kozhikode on Monday.")
    assert (e.admin1, e.location) == ("Kerala", "Kozhikode")


def test_divisions_a_village_beside_a_named_district_lies_in_its_state() -> None:
    # Alaudia is known only as a village of Jharkhand; the district and state named in the
    # same sentence put it in Bihar.
    e = _event("A border guard opened fire on villagers at Alaudia village under Manpur police "
               "station in Nalanda district (Bihar) on Sunday, killing one man.")
    assert (e.country, e.admin1) == ("India", "Bihar")


@pytest.mark.parametrize(
    ("text", "admin1", "location"),
    [
        # The chain ends with its sentence: "Urozgan. Officials" is no name.
        ("Taliban fighters shot dead a police commander at the bazaar of Khas Urozgan "
         "district, Urozgan. Officials gave no further details.", "Uruzgan", "Khas Urozgan"),
        # "Colonia" opens a quarter's name: the quarter is coded to the town named before.
        ("On 8 May 2021, in Ciudad Victoria, Tamaulipas, gunmen burst into a grocery in "
         "Colonia Loma Alta and opened fire, killing three.", "Tamaulipas", "Ciudad Victoria"),
        # Two quarters' names alike second nothing: each is a quarter of Morelia.
        ("On 4 May 2021, in Morelia, Michoacan, two gunmen who had shot a man in Colonia "
         "Prados Verdes fought police who chased them into Colonia Lomas del Tecnologico.",
         "Michoacan", "Morelia"),
        # "Karen State" is Kayin, read in a chain.
        ("Fighting broke out near Hpapun, Karen State, on Monday between the army and "
         "rebel fighters.", "Kayin", "Hpapun"),
    ],
)
def test_divisions_chains_to_the_sentence_end_quarters_and_state_names(
    text: str, admin1: str, location: str
) -> None:
    e = _event(text)
    assert (e.admin1, e.location) == (admin1, location)


def test_divisions_a_burkinabe_commune_named_alone_is_placed_in_its_province() -> None:
    # The bundled towns hold about fifty of Burkina Faso's; its communes come from
    # districts.tsv, each at its province's seat.
    e = _event("Unidentified gunmen killed three civilians in Tongomayel on Sunday.")
    assert (e.country, e.admin1, e.admin2, e.location) == (
        "Burkina Faso", "Sahel", "Soum", "Tongomayel")
    assert e.geo_precision == 2
    djibo = Gazetteer.default().lookup("Djibo", "BF")[0]
    assert (e.latitude, e.longitude) == (djibo.latitude, djibo.longitude)


def test_divisions_a_village_of_the_table_and_a_commune_s_other_spelling() -> None:
    e = _event("Soldiers and volunteers fought militants near Tanwalbougou on Friday.")
    assert (e.country, e.admin1, e.admin2) == ("Burkina Faso", "Est", "Gourma")
    e = _event("Gunmen stormed a market in Barsalogo on Monday, killing four traders.")
    assert (e.country, e.admin1, e.admin2) == ("Burkina Faso", "Centre-Nord", "Sanmatenga")


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # A city estate, a constituency and a trading centre from districts.tsv, each in
        # its county.
        ("Police fired tear gas at youths who blocked roads in Kawangware on Monday.",
         "Nairobi"),
        ("Bandits shot dead two herders near Kapedo on Sunday and drove off 200 cattle.",
         "Turkana"),
        ("Supporters of rival aspirants clashed in Lagdera on Saturday, leaving three "
         "injured.", "Garissa"),
        # A town the bundled data files under the old Nairobi Area lies in Kiambu.
        ("Hawkers protested in Thika town on Tuesday against the demolition of their "
         "stalls.", "Kiambu"),
    ],
)  # fmt: skip
def test_divisions_a_kenyan_locality_is_placed_in_its_county(text: str, admin1: str) -> None:
    e = _event(text)
    assert (e.country, e.admin1) == ("Kenya", admin1)


def test_divisions_a_listed_commune_weighs_as_a_town_not_as_its_seat() -> None:
    # Zam, a Burkinabe commune, outweighs a Romanian hamlet of that name; Bama, another,
    # placed at Bobo-Dioulasso, does not outweigh Nigeria's town of Bama.
    e = _event("Police arrested twelve protesters in Zam on Saturday.")
    assert (e.country, e.admin1) == ("Burkina Faso", "Plateau-Central")
    e = _event("Gunmen ambushed a police patrol near Bama on Monday.")
    assert (e.country, e.admin1) == ("Nigeria", "Borno")


def test_divisions_a_burmese_township_is_placed_in_its_state_or_region() -> None:
    # Townships from districts.tsv, at their district's seat (Pakokku, Bhamo).
    e = _event("Soldiers torched dozens of houses in a village of Myaing township on Friday "
               "after its residents fled.")
    assert (e.country, e.admin1, e.admin2) == ("Myanmar", "Magway", "Pakokku")
    e = _event("Fighting broke out near Momauk on Tuesday between the army and the KIA.")
    assert (e.country, e.admin1, e.geo_precision) == ("Myanmar", "Kachin", 2)
    e = _event("Two soldiers were killed when a bomb exploded near a checkpoint in Naypyitaw.")
    assert (e.country, e.admin1) == ("Myanmar", "Nay Pyi Taw")
