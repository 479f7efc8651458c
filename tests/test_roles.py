"""Who fought whom: actor roles and the event types they decide (coding/roles.py,
coding/classification.py).

Every text is invented for the project; group and place names are real where the actor
dictionary and the gazetteer are meant to find them, invented where a test needs a name
that no dictionary holds.
"""

from __future__ import annotations

import pytest

import eventwire
from eventwire import Event


def _main(text: str, published: str = "2019-06-05") -> Event:
    result = eventwire.extract(text, published=published)
    assert result.error is None and result.events, result
    return result.events[0]


def test_roles_helpers_beside_state_forces_are_associated() -> None:
    ev = _main(
        "Clashes took place between regime forces and allied militias against rebel "
        "factions near Kafr Nabl in Idlib on 3 June 2019."
    )
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1.startswith("Military Forces of Syria")
    assert ev.actor2 == "Opposition Rebels (Syria)"
    assert ev.assoc_actor_1 == "Militia (Pro-Government)"


def test_roles_second_side_after_a_helper_phrase() -> None:
    ev = _main(
        "Sporadic clashes took place between regime forces, supported by pro-regime "
        "militias, and Islamic State fighters in the desert near Sukhnah on 2 June 2019."
    )
    assert {ev.actor1, ev.actor2} == {"Military Forces of Syria (2000-2024)",
                                      "Islamic State (Syria)"}


def test_roles_umbrella_is_the_actor_and_the_faction_associated() -> None:
    ev = _main(
        "On 2 June 2019, clashes took place between HTS and Nour al-Din al-Zinki fighters, "
        "operating under the National Liberation Front, near Daret Azza in Aleppo."
    )
    assert ev.actor1 == "HTS: Hayat Tahrir al Sham"
    assert ev.actor2 == "JTW: National Liberation Front"
    assert "Zinki" in (ev.assoc_actor_2 or "")


def test_roles_weapons_of_a_helper_do_not_take_the_lead() -> None:
    ev = _main(
        "QSD forces, supported by Coalition airstrikes, clashed with Islamic State fighters "
        "in Hajin on 1 June 2019."
    )
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1 == "QSD: Syrian Democratic Forces"
    assert ev.actor2 == "Islamic State (Syria)"


def test_roles_victims_named_by_their_group_make_a_battle() -> None:
    ev = _main("Gunmen shot dead two fighters of Ahrar al-Sham in Saraqib on 2 June 2019.")
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor2 == "AAS: Ahrar al Sham"
    assert ev.fatalities == 2


def test_roles_group_names_the_dictionary_lacks_are_kept_as_written() -> None:
    # An invented brigade: found by its group word, never dropped.
    ev = _main(
        "Fighters of the Liwa Suqur al-Jabal clashed with regime forces near Tell Rifaat "
        "on 1 June 2019."
    )
    names = {ev.actor1, ev.actor2}
    assert any(n and "Liwa Suqur al-Jabal" in n for n in names), names


def test_roles_a_village_tagged_as_an_organisation_is_no_actor() -> None:
    ev = _main(
        "HTS fighters captured the villages of Tell Mardikh and Khirbat Qasr from Ahrar "
        "al-Sham fighters on 1 June 2019."
    )
    assert ev.sub_event_type == "Non-state actor overtakes territory"
    assert ev.actor2 == "AAS: Ahrar al Sham"


@pytest.mark.parametrize(("text", "sub"), [
    ("Party workers torched two buses and vandalised shops in Sylhet on Sunday.",
     "Violent demonstration"),
    ("Soldiers set fire to three houses in Tal Afar on Sunday. Nobody was hurt.",
     "Looting/property destruction"),
    ("Residents protested in Sukkur on Sunday against delays in relief for flood victims.",
     "Peaceful protest"),
    # "sniper rifles" are arms, not a second side: fire at farms is shelling.
    ("Rebel forces fired mortar shells, heavy machine guns and sniper rifles toward orchards "
     "and villages near Hays (Al Hudaydah) on Sunday; nobody was hurt.",
     "Shelling/artillery/missile attack"),
    # An army bombs from the air; militants' bombs are planted.
    ("The army bombed rebel camps in the hills above Palma on Sunday; no casualties were "
     "reported.", "Air/drone strike"),
    ("Militants bombed a police post on the edge of Quetta on Sunday, wounding two "
     "officers.", "Remote explosive/landmine/IED"),
    # A riot word inside a name ("the Popular Torch Union") is no arson.
    ("In Puebla, a group of street vendors and members of the Popular Torch Union protested "
     "demanding permits to sell during the lockdown.", "Peaceful protest"),
    ("The rebels withdrew from the town of Kalaw on Sunday without any fighting and handed "
     "it over to the army.", "Non-violent transfer of territory"),
    ("Government forces and local armed factions agreed on Sunday to a deal under which the "
     "fighters hand over heavy weapons.", "Agreement"),
    ("The militants announced on Sunday that they were imposing a blockade on the town of "
     "Djibo.", "Change to group/activity"),
    ("The army shelled the town of Latamna on Sunday and, in response, rebel fighters "
     "shelled army positions near it.", "Armed clash"),
    ("Gunmen targeted an Air Force Intelligence checkpoint near Jasim on Sunday with machine "
     "guns and RPG shells.", "Armed clash"),
    ("Regime forces backed by allied militias clashed with the Islamic State near Sukhnah on "
     "Sunday.", "Armed clash"),
    ("Ahmad al Abdo Forces captured Tell Dakwa in the desert on Sunday.",
     "Non-state actor overtakes territory"),
    ("Government forces took the town of Kfar Zita from opposition groups on Sunday.",
     "Government regains territory"),
    # A phrasal verb's object hangs on the verb, not on its particle ("took ... over").
    ("Rebel fighters took over the town of Nyanzale after clashes with the army on Sunday.",
     "Non-state actor overtakes territory"),
    ("After two days of fighting the army took over the border town of Kalemie on Sunday.",
     "Government regains territory"),
    # Driven from a place: the side is the object, the place the ground ("dislodged ... from").
    ("Soldiers dislodged al-Shabaab fighters from the village of Bariire after a gunfight "
     "on Sunday.", "Government regains territory"),
    # A post set up by a state's forces is a base established, "new" or not.
    ("Turkish troops set up a new observation point near Jisr al-Shughur on Sunday.",
     "Headquarters or base established"),
    ("HTS fighters targeted army positions near Tal Sultan on Sunday. In response, army "
     "forces attacked the area with airstrikes.", "Armed clash"),
    # The warplane is the target, no air raid; the missile fired at it is the act.
    ("Rebels targeted and destroyed a warplane at Dumayr airbase on Sunday with a missile.",
     "Shelling/artillery/missile attack"),
    # Market words are not a sign of a finance story in conflict news.
    ("Gunmen killed four traders at the main market in Kano on Sunday, police said.", "Attack"),
])
def test_roles_event_types_decided_by_who_acts(text: str, sub: str) -> None:
    assert _main(text, "2024-06-03").sub_event_type == sub


@pytest.mark.parametrize("text", [
    # An advance is ground fought over, not ground that changed hands.
    "Government forces advanced towards Kafr Nabudah on Tuesday amid heavy fighting with "
    "rebel factions.",
    "Kurdish-led forces advanced into the village of Baghuz on Sunday after clashes with "
    "Islamic State fighters.",
    # Hills and positions taken in a fight are part of the battle.
    "Army units captured two hills overlooking Tal Malah after clashes with Islamic State "
    "fighters on Monday.",
])
def test_roles_ground_fought_over_is_a_clash(text: str) -> None:
    ev = _main(text)
    assert ev.sub_event_type == "Armed clash", ev.classified_by


def test_roles_a_taking_in_doubt_is_no_change_of_hands() -> None:
    """'Conflicting reports said ...': the cards do not read the ground as changed."""
    ev = _main(
        "Conflicting reports said rebels had retaken the village of Tal Malah after clashes "
        "with regime forces on Monday."
    )
    assert "non_state_overtakes" not in (ev.classified_by or "")


@pytest.mark.parametrize("text", [
    "Soldiers seized a large cache of rifles and ammunition in the village of Tin-Akoff on "
    "Tuesday.",
    "Gendarmes killed four presumed militants, burned their motorbikes and seized weapons "
    "in the hamlet of Boulkessi on Friday.",
    # the place phrase before the object: still where, not what
    "State police seized in the Castelo Branco Highway (SP-280) near Tatui a van carrying "
    "crates of contraband cigarettes on Friday.",
])
def test_roles_goods_seized_in_a_village_are_no_ground_taken(text: str) -> None:
    """What was seized is the object ("a cache of rifles"); the village after "in" is
    where, not what changed hands."""
    ev = _main(text, "2020-03-12")
    assert "regains" not in (ev.classified_by or "")
    assert ev.sub_event_type != "Government regains territory"


def test_roles_a_year_something_has_lasted_since_dates_no_history() -> None:
    """ "held since 2013" tells how long the army had held the town, not when the
    rebels took it: an event, not background."""
    ev = _main("Rebels seized the town of Menaka, which the army had held since 2013.",
               "2024-06-03")  # fmt: skip
    assert ev.sub_event_type == "Non-state actor overtakes territory"


@pytest.mark.parametrize("text", [
    "A bus collided with a fuel tanker near Multan on Sunday, killing 14 passengers.",
    "Elders in Kidal fear a new offensive, though no fighting has been reported this year.",
    "The army denied on Sunday reports on social media of clashes with rebels in Goma.",
])
def test_roles_accidents_fears_and_denials_are_no_events(text: str) -> None:
    assert eventwire.extract(text, published="2024-06-03").events == []


@pytest.mark.parametrize(
    ("text", "actor1", "victims"),
    [
        (
            "Boda boda rider shot dead by suspected Mungiki members in Murang'a",
            "Mungiki Militia",
            "Civilians (Kenya)",
        ),
        (
            "Three herders shot dead by suspected al Shabaab militants near Mandera overnight",
            "Al Shabaab",
            "Civilians (Kenya)",
        ),
        (
            "Pastor killed outside his church by unknown gunmen in Kisii",
            "Unidentified Armed Group (Kenya)",
            "Civilians (Kenya)",
        ),
    ],
)
def test_roles_a_headline_passive_without_its_was(text: str, actor1: str, victims: str) -> None:
    """Headlines drop the "was": the parser reads "X shot dead by Y" as an active verb,
    but Y acted and X was hit."""
    ev = _main(text, published="2016-04-12")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Attack", actor1, victims)


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("Four relief workers wounded when convoy attacked on road outside Wau, Sep 3.",
         "Civilians (South Sudan)"),
        ("Two gendarmes killed in ambush on the road to Djibo", "Police Forces of Burkina Faso"),
        ("Village teacher shot dead near Kaya; no arrests yet", "Civilians (Burkina Faso)"),
    ],
)
def test_roles_a_headline_passive_with_no_doer_named(text: str, victims: str) -> None:
    """With no "by", a verb of killing or hurting that has no object still reads as the
    headline's passive: those it names were hit, and nobody named did it."""
    ev = _main(text, published="2021-09-06")
    assert (ev.actor2 or "").startswith(victims)
    assert not (ev.actor1 or "").startswith(victims)


def test_roles_a_doer_named_inside_the_target_phrase_acts() -> None:
    """"an attack on a village by militiamen": the parse may hang the "by" phrase on the
    village; it still names who attacked, not who was hit."""
    ev = _main("An attack on a Borana settlement by unknown gunmen near Moyale left three "
               "herders dead on Sunday.", "2019-03-05")
    assert ev.sub_event_type == "Attack"
    assert (ev.actor1 or "").startswith("Unidentified Armed Group")
    assert (ev.actor2 or "").startswith("Civilians")


def test_roles_a_demonym_on_a_village_is_no_states_forces() -> None:
    """"a Kenyan village raid": the village is Kenyan; the raiders are not Kenya's army."""
    ev = _main("Cattle rustlers shot dead two herders in a Kenyan village raid near Moyale "
               "on Sunday.", "2019-03-05")
    assert not any("Military Forces" in (a or "") for a in (ev.actor1, ev.actor2))
    assert (ev.actor2 or "").startswith("Civilians")


def test_roles_the_opposition_of_a_party_is_no_rebel_group() -> None:
    """"The opposition" names Syria's rebels; "members of the opposition Ensemble party"
    are a party's members, not an armed group."""
    ev = _main(
        "On 4 May 2021, police beat members of the opposition Ensemble party at a meeting in "
        "Lubumbashi, injuring four.",
        published="2021-05-05",
    )
    assert ev.actor1.startswith("Police Forces of Democratic Republic of Congo")
    assert ev.actor2 == "Civilians (Democratic Republic of Congo)"


def test_roles_supporters_of_the_opposition_are_a_political_crowd() -> None:
    """"Supporters of the opposition" are a party's crowd, not Syria's rebels: nothing of
    theirs takes a Kenyan riot to Syria."""
    ev = _main(
        "Supporters of the opposition fought running battles with police in Kisumu on "
        "Friday, hurling stones and burning tyres.",
        published="2019-05-10",
    )
    assert ev.country == "Kenya"
    assert ev.actor1 == "Rioters (Kenya)"


@pytest.mark.parametrize(
    "text",
    [
        "Opposition political groups marched through Ouagadougou on Saturday to demand "
        "justice for a murdered journalist.",
        "Hundreds of disabled veterans staged a sit-in in Bobo-Dioulasso on Monday in "
        "opposition to the candidacy of the former ruling party's leader.",
    ],
)
def test_roles_political_opposition_is_no_syrian_rebel_group(text: str) -> None:
    """"Opposition political groups" are parties, and "in opposition to" names nobody:
    neither takes a Burkinabe protest to Syria."""
    ev = _main(text, published="2019-05-10")
    assert ev.country == "Burkina Faso"
    assert "Opposition Rebels" not in f"{ev.actor1} {ev.actor2} {ev.assoc_actor_1}"


def test_roles_a_group_after_anti_is_the_other_side() -> None:
    """"Anti-Houthi fighters" fight the Houthis: the group after "anti-" is no actor of the
    phrase, nor the people of a militia (a name that holds the prefix, "Anti-balaka", is
    matched whole)."""
    houthis = "Military Forces of Yemen (2016-) Supreme Political Council"
    raid = _main(
        "On Sunday, anti-Houthi fighters loyal to Tareq Saleh raided Houthi trenches south of "
        "Hays in Hodeidah province; three men died on each side.",
        published="2021-03-01",
    )
    assert raid.sub_event_type == "Armed clash"
    assert raid.actor2 == houthis and raid.actor1 != houthis
    clash = _main(
        "Anti-Houthi tribesmen clashed with Houthi gunmen near Harib in Marib province on "
        "Monday, leaving two dead.",
        published="2021-03-01",
    )
    assert {clash.actor1, clash.actor2} == {"Unidentified Tribal Militia (Yemen)", houthis}


def test_roles_pro_a_side_and_its_allies_are_that_side() -> None:
    """"Pro-Hadi and allied forces" are the government's side, "pro-Houthi and allied
    gunmen" the Houthis': the name before "and allied" is the side, and tells the country
    where the place is unknown."""
    houthis = "Military Forces of Yemen (2016-) Supreme Political Council"
    exchange = _main(
        "On Tuesday, pro-Hadi and allied forces exchanged mortar fire with Houthi forces near "
        "Sirwah.",
        published="2020-05-07",
    )
    government = "Military Forces of Yemen (2012"
    assert exchange.actor1 is not None and exchange.actor1.startswith(government)
    assert exchange.actor2 == houthis
    snipers = _main(
        "On Tuesday, pro-Hadi and allied snipers opened fire on a hamlet in Wadi Qarad, "
        "wounding a girl.",
        published="2020-05-07",
    )
    assert snipers.country == "Yemen"


def test_roles_who_came_under_fire_was_fired_on() -> None:
    ev = _main("Levies personnel came under fire in Turbat on Monday; two were killed.")
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1 == "Unidentified Armed Group (Pakistan)"
    assert ev.actor2.startswith("Police Forces of Pakistan")
    ev = _main("A Red Cross convoy came under heavy fire near Kidal on Tuesday; a driver was "
               "wounded.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Mali)")
    # Criticism is no gunfire; a lower-case "levies" is a tax, not Pakistan's force.
    result = eventwire.extract("The finance minister came under fire for the new levies on "
                               "fuel.", published="2019-06-05")
    assert result.events == []


def test_roles_a_weapon_s_name_between_the_demonym_and_the_drones() -> None:
    ev = _main("On 11 March 2025, Russian Shahed drones struck port infrastructure in Odesa, "
               "killing one port worker.", published="2025-03-12")
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actor1 is not None and ev.actor1.startswith("Military Forces of Russia")


@pytest.mark.parametrize(
    ("text", "sub", "actor1", "actor2"),
    [
        # "hacked to death by X": the verb of the phrase has the roles, not "death"
        ("A schoolteacher was hacked to death by unknown attackers near Kakamega on "
         "Thursday night.", "Attack", "Unidentified Armed Group (Kenya)", "Civilians (Kenya)"),
        ("A herder was stabbed to death by a gang of youths at a watering point in "
         "Isiolo on Friday.", "Attack", "Unidentified Gang (Kenya)", "Civilians (Kenya)"),
        ("A shopkeeper accused of witchcraft was beaten to death by a mob in Kisii on "
         "Sunday.", "Mob violence", "Rioters (Kenya)", "Civilians (Kenya)"),
    ],
)
def test_roles_a_phrase_verb_to_death_keeps_who_did_it(
    text: str, sub: str, actor1: str, actor2: str
) -> None:
    ev = _main(text)
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (sub, actor1, actor2)
