"""The sides of an event that the text leaves implicit: who only watched, forces named by
the group they belong to, victims who never act, and the two sides of a front line
(``coding/parties.py``, ``coding/frontlines.py``, ``actors.py``). Texts written for these
tests."""

from __future__ import annotations

import pytest

from eventwire.fronts import front_at, fronts
from eventwire.pipeline import extract
from eventwire.records import Event


def _main(text: str, published: str = "2020-05-04") -> Event:
    events = extract(text, published=published).events
    assert events, text
    return events[0]


def _family(name: str | None) -> str:
    """An actor's name without its government period: "Military Forces of Ukraine"."""
    return (name or "").split(" (")[0]


def test_sides_monitors_who_counted_the_fire_are_no_side() -> None:
    """'the OSCE mission recorded ... bursts of fire': the mission counted, it did not
    fight; on the Donbas contact line the two sides are the front's."""
    ev = _main(
        "On 2 May 2020, the OSCE monitoring mission recorded 40 bursts of small-arms fire in "
        "both directions along the contact line near Avdiivka, Donetsk region."
    )
    assert ev.sub_event_type == "Armed clash"
    assert {_family(ev.actor1), _family(ev.actor2)} == {
        "NAF: United Armed Forces of Novorossiya", "Military Forces of Ukraine"}
    assert "OSCE" not in f"{ev.actor1} {ev.actor2} {ev.assoc_actor_1} {ev.assoc_actor_2}"
    # The sides were inferred, not read: the event says so, and no evidence span is given.
    assert ev.flags == [
        "actor1: inferred, a side of the Donbas contact line",
        "actor2: inferred, a side of the Donbas contact line",
    ]
    assert "actor1" not in ev.evidence and "actor2" not in ev.evidence


def test_sides_a_front_line_fills_only_the_side_the_text_leaves_out() -> None:
    ev = _main(
        "Ukrainian troops came under small-arms fire near Zolote in Luhansk region on "
        "Sunday, 3 May 2020, the army said; two soldiers were wounded in the exchange."
    )
    assert ev.event_type == "Battles"
    names = {_family(ev.actor1), _family(ev.actor2)}
    assert names == {"Military Forces of Ukraine", "NAF: United Armed Forces of Novorossiya"}
    assert len(ev.flags) == 1 and "Donbas contact line" in ev.flags[0]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # Far from the front: Lviv is in the west.
        ("On 2 May 2020, unknown gunmen exchanged fire with each other in a street in Lviv; "
         "nobody was hurt.", "2020-05-04"),
        # Before the war in the Donbas began.
        ("On 2 May 2012, two armed groups exchanged fire near Avdiivka, Donetsk region; "
         "nobody was hurt.", "2012-05-04"),
    ],
)
def test_sides_no_front_line_no_inferred_side(text: str, published: str) -> None:
    ev = _main(text, published)
    assert "NAF" not in f"{ev.actor1} {ev.actor2}"
    assert not any(f.startswith(("actor1:", "actor2:")) for f in ev.flags)


def test_sides_front_lines_table_reads_and_finds_by_division_and_year() -> None:
    assert {f.iso2 for f in fronts()} >= {"UA", "AZ"}
    assert front_at("UA", "Donetsk", 2019) is not None
    assert front_at("UA", "Lviv", 2019) is None
    assert front_at("UA", "Donetsk", 2013) is None
    assert front_at("AZ", "Tartar", 2016) is not None
    assert front_at(None, "Donetsk", 2019) is None


def test_sides_forces_of_a_named_group_are_that_group() -> None:
    """'soldiers of the Artsakh Defence Army': not the event country's army."""
    ev = _main(
        "On 9 June 2019, soldiers of the Artsakh Defence Army fired on Azerbaijani army "
        "positions near Tartar with small arms.", "2019-06-10"
    )
    assert _family(ev.actor1) == "Military Forces of Artsakh"
    assert _family(ev.actor2) == "Military Forces of Azerbaijan"


def test_sides_a_peoples_militia_abroad_is_not_myanmars() -> None:
    """'Luhansk People's Militia' is the Donbas rebels', whatever a Myanmar militia is
    called at home."""
    ev = _main(
        "On 6 May 2020, fighters of the Luhansk People's Militia fired mortars at Ukrainian "
        "army positions near Zolote, Luhansk."
    )
    assert ev.actor1 == "NAF: United Armed Forces of Novorossiya"
    assert _family(ev.actor2) == "Military Forces of Ukraine"


@pytest.mark.parametrize(
    "text",
    [
        "On 4 March 2021, in Culiacan, Sinaloa, the body of a man was found dumped beside a "
        "highway with bullet wounds. 1 fatality.",
        "Residents of a village near Kaduna found the bodies of two farmers in a field on "
        "Tuesday, 2 March 2021; both had been shot.",
    ],
)
def test_sides_victims_found_dead_never_act(text: str) -> None:
    ev = _main(text, "2021-03-05")
    assert ev.event_type == "Violence against civilians"
    assert (ev.actor1 or "").startswith("Unidentified Armed Group (")
    assert (ev.actor2 or "").startswith("Civilians (")


def test_sides_yemen_houthi_forces_and_the_national_resistance() -> None:
    ev = _main(
        "On 3 May 2020, the National Resistance forces shelled Houthi positions east of "
        "Hays district, Hodeidah governorate; no casualties were reported."
    )
    assert ev.actor1 == "National Resistance Forces"
    assert ev.actor2 == "Military Forces of Yemen (2016-) Supreme Political Council"


@pytest.mark.parametrize(
    "text",
    [
        "On 12 March 2021, dismissed railway workers held a sit-in outside the transport "
        "ministry in Lusaka to demand their pensions, until police intervened and cleared "
        "the entrance by force.",
        "On 12 March 2021, eight members of a farmers' union staged a demonstration in the "
        "main square of Cusco demanding the release of their leader. Police officers "
        "detained all eight, saying the gathering broke the curfew.",
    ],
)
def test_sides_a_crowd_stopped_or_arrested_is_one_protest_with_intervention(text: str) -> None:
    """Police who intervene in a sit-in, or detain the demonstrators in the next
    sentence, make one event: a protest with intervention, the police its second side."""
    events = extract(text, published="2021-03-13").events
    assert [e.sub_event_type for e in events] == ["Protest with intervention"]
    assert (events[0].actor2 or "").startswith("Police Forces of ")


def test_sides_an_arrest_elsewhere_stays_its_own_event() -> None:
    events = extract(
        "On 12 March 2021, teachers marched through Accra to demand unpaid salaries. On 14 "
        "March 2021, police arrested 12 suspected armed robbers in Kumasi.",
        published="2021-03-15",
    ).events
    assert [e.sub_event_type for e in events] == ["Peaceful protest", "Arrests"]


def test_sides_a_civilian_who_acts_is_an_unidentified_armed_actor() -> None:
    """'A man threw a grenade': the man acting is no civilian victim, and the event does
    not name the side hit."""
    ev = _main("A man threw a grenade at a house in Zamboanga on Monday, 3 May 2021.",
               "2021-05-04")
    assert ev.sub_event_type == "Grenade"
    assert ev.actor1 == "Unidentified Armed Group (Philippines)"
    assert ev.actor2 is None


def test_sides_a_plain_phrase_abroad_names_people_of_its_kind() -> None:
    """'young doctors' is Pakistan's Young Doctors Association at home; in Kenya the
    marchers are Kenya's protesters, never an armed group."""
    ev = _main("Young doctors marched in Nakuru on Monday, 4 July 2022, to demand unpaid "
               "stipends.", "2022-07-05")
    assert (ev.country, ev.actor1) == ("Kenya", "Protesters (Kenya)")
    assert ev.assoc_actor_1 is None


def test_sides_words_that_name_a_group_only_at_home_do_not_move_the_place() -> None:
    """'ruling party supporters' (Bangladesh's ruling party at home) and 'opposition'
    (Syria's rebels at home, a plain word elsewhere) say nothing of where Chwele is."""
    ev = _main("Ruling party supporters attacked an opposition rally in Chwele on Saturday, "
               "8 July 2023, injuring five people.", "2023-07-09")
    assert (ev.country, ev.admin1, ev.location) == ("Kenya", "Bungoma", "Chwele")


@pytest.mark.parametrize(
    "text",
    [
        "On 12 April 2023, suspected Ansaroul Islam militants stormed the village of Kourou "
        "and set fire to the granaries; the gunmen fired shots in the air without hurting "
        "anyone.",
        "Al-Shabaab fighters attacked a base near Jowhar on Monday. The militants were "
        "repelled by soldiers after an hour.",
    ],
)
def test_sides_the_gunmen_named_again_are_the_same_group(text: str) -> None:
    """'the gunmen' after a named group stands for that group: never a second side (an
    'Unidentified Armed Group' fighting its own raiders)."""
    ev = _main(text)
    assert "Unidentified Armed Group" not in f"{ev.actor1} {ev.actor2}"
    if "soldiers" in text:
        assert ev.sub_event_type == "Armed clash"
        assert "Military Forces" in (ev.actor2 or "")


def test_sides_soldiers_fighting_the_gunmen_keep_two_sides() -> None:
    """An unknown group named first and met again by soldiers is still the other side."""
    ev = _main(
        "Unknown gunmen raided the village of Tanlili on Friday. Soldiers later clashed with "
        "the gunmen near the river, killing two of them."
    )
    assert ev.event_type == "Battles"
    sides = sorted([ev.actor1 or "", ev.actor2 or ""])
    assert sides[0].startswith("Unidentified Armed Group") and "Military Forces" in sides[1]


def test_sides_a_groups_name_and_its_noun_are_one_side() -> None:
    """"Dan Na Ambassagou militiamen": the noun after the name is the same group, not a
    pro-government militia on the other side."""
    ev = _main(
        "On 2 June 2021, Dan Na Ambassagou militiamen killed a member of the Fulani "
        "community in a hamlet outside Bankass."
    )
    assert ev.sub_event_type == "Attack"
    assert ev.actor1 == "Dan Na Ambassagou"
    assert ev.actor2 == "Civilians (Mali)"


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2021, Koglweogo militiamen stormed the hamlet of Sissa near Piela and "
        "killed an unspecified number of members of the Fulani community.",
        "Dozo hunters burst into a camp outside Djenne and killed a number of members of "
        "the Bozo community, then set their boats alight.",
    ],
)
def test_sides_a_number_of_a_communitys_members_are_civilians(text: str) -> None:
    """"an unspecified number of members of the Fulani community": the members counted
    are people of a community, as when they are counted in figures."""
    ev = _main(text)
    assert ev.sub_event_type == "Attack"
    assert (ev.actor2 or "").startswith("Civilians")


def test_sides_the_local_population_acts_and_a_groups_building_is_hit() -> None:
    """"the local population" are people of the place; the group whose headquarters they
    burn is the side hit, not the one acting."""
    ev = _main(
        "On 9 March, the local population in Kantchari ransacked and burned the Koglweogo "
        "headquarters, saying the group had stolen cattle."
    )
    assert ev.actor2 == "Koglweogo Militia"
    assert ev.actor1 != "Koglweogo Militia"


@pytest.mark.parametrize(
    "text",
    [
        "Two UN national staff killed when gunmen ambushed their vehicle near Bor on Tuesday.",
        "Three WFP drivers shot dead near Bor on Tuesday; the agency suspended its convoys.",
    ],
)
def test_sides_staff_named_by_their_employer_are_civilians_hit(text: str) -> None:
    """"UN national staff": the people hit are staff, civilians; the agency they work for
    neither acts nor makes them an armed side."""
    ev = _main(text)
    assert ev.sub_event_type == "Attack"
    assert (ev.actor2 or "").startswith("Civilians")
    assert not (ev.actor1 or "").startswith(("UN", "WFP"))


def test_sides_an_arrest_with_nobody_named_is_the_polices() -> None:
    """"Two men were arrested": only a state's forces arrest, and ACLED names its police
    when the text names no one."""
    ev = _main(
        "Two traders accused of hoarding fertiliser were arrested in Kano on Sunday, officials "
        "said."
    )
    assert ev.sub_event_type == "Arrests"
    assert (ev.actor1 or "").startswith("Police Forces of Nigeria")


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2020, militants attacked a forest guard post in Nassougou, Gourma province, "
        "killing one of the guards.",
        "Suspected jihadists shot dead two forest rangers near Arly park in Burkina Faso on "
        "Sunday, 3 May 2020.",
    ],
)
def test_sides_armed_guards_of_forests_and_parks_are_state_forces(text: str) -> None:
    """Forest guards and park rangers carry arms for the state: violence on them is a
    battle, and ACLED names them among the country's police forces."""
    ev = _main(text, "2020-05-05")
    assert ev.sub_event_type == "Armed clash"
    assert (ev.actor2 or "").startswith("Police Forces of Burkina Faso")


@pytest.mark.parametrize(
    "text",
    [
        "A shopkeeper was shot dead outside his store in Maiduguri on Friday; police are "
        "investigating.",
        "A shopkeeper was shot dead outside his store in Maiduguri on Friday. Police opened "
        "an investigation into the killing.",
    ],
)
def test_sides_who_investigates_is_no_side(text: str) -> None:
    """The police who look into a killing did not do it: the killer, unnamed, is an
    unidentified armed group (``parties._watcher``)."""
    event = _main(text)
    assert event.actor1 == "Unidentified Armed Group (Nigeria)"
    assert event.actor2 == "Civilians (Nigeria)"
