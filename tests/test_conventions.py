"""ACLED's coding conventions that cross event types, on texts written for the project
(2026-12-06, before the rules behind them were touched).

- Direct fire between armed sides is a battle: small arms, machine guns or grenade
  launchers fired at the other side's positions make an armed clash, even when mortars
  or artillery are fired too; a grenade launcher is no hand grenade.
- Fire "in both directions" of a front line went both ways: a battle.
- An explosive set off against armed men (a mine, an IED) is remote violence, unless the
  telling says fighting followed.
- Blasts counted as many ("27 explosions", "several blasts") with no device named and
  nobody hurt are shells landing, one barrage; counted blasts that killed people at a
  market stay bombs. Blasts an observer counted ("monitors recorded two explosions") are
  shells landing however few.
- Demonstrators who block roads with barricades or burning tyres are a violent
  demonstration (the Codebook names road-blocking with barricades and burning tyres), as
  are demonstrators in running battles with the police, committing vandalism or
  attacking someone themselves.
- Heavy weapons alone, fired one way, stay shelling (an anti-aircraft gun fired at the
  ground among them); a thrown grenade stays a grenade; a march that blocks nothing stays
  peaceful.
"""

from __future__ import annotations

import pytest

from eventwire import extract
from eventwire.options import Options

CASES = [
    # direct fire between armed sides
    (
        "On Tuesday, separatist fighters fired heavy machine guns, grenade launchers and small "
        "arms at army positions near Avdiivka. Two soldiers were wounded.",
        "Armed clash",
    ),
    (
        "Government troops fired mortars and small arms at rebel positions near the village of "
        "Kirumba on Friday, the army spokesman said.",
        "Armed clash",
    ),
    (
        "Insurgents opened fire with machine guns and rocket-propelled grenades on a police "
        "checkpoint outside Kunduz on Wednesday night; the police returned fire.",
        "Armed clash",
    ),
    (
        "Monitors counted 40 explosions in both directions of the contact line near Shyrokyne "
        "on Sunday.",
        "Armed clash",
    ),
    # a heavy weapon fired from afar is the act even when used "with" (written 2026-12-07)
    (
        "Rebel fighters knocked out a government tank outside Kafr Zita using an anti-tank "
        "guided missile on Saturday. The crew escaped unhurt.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Opposition gunners hit an army bulldozer on the Tamanah front with ATGMs on Monday, "
        "destroying it.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Militants targeted the district headquarters in Nad Ali with rockets overnight; one "
        "guard was wounded.",
        "Shelling/artillery/missile attack",
    ),
    # blasts counted as many, no device, nobody hurt: a barrage; two that killed at a
    # market: bombs
    (
        "Several blasts shook the outskirts of Horlivka overnight, residents said.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Two explosions tore through a crowded market in Maiduguri on Sunday, killing six "
        "people.",
        "Remote explosive/landmine/IED",
    ),
    # blasts an observer counted, however few: shells landing (written 2026-12-06, stop 18)
    (
        "Ceasefire monitors recorded two explosions north-east of Zolote on Thursday.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Observers logged three explosions near the village of Talakivka on 4 May.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Two explosions hit the gate of a police station in Quetta on Monday.",
        "Remote explosive/landmine/IED",
    ),
    # an explosive set off against soldiers is remote violence, unless fighting followed
    (
        "Local defence forces attacked an army convoy with remote-controlled mines near "
        "Gangaw on Monday, injuring three soldiers.",
        "Remote explosive/landmine/IED",
    ),
    (
        "Rebels attacked an army convoy with mines and then opened fire on the soldiers near "
        "Gangaw on Monday; fighting lasted two hours.",
        "Armed clash",
    ),
    # one way, heavy weapons: shelling; a thrown grenade: a grenade
    (
        "Rebels shelled army positions near Kidal with mortars on Monday, the army said.",
        "Shelling/artillery/missile attack",
    ),
    (
        "An unidentified man threw a hand grenade at a police patrol in Srinagar on Thursday, "
        "injuring two officers.",
        "Grenade",
    ),
    # an anti-aircraft gun fired at the ground is a heavy weapon, no aircraft
    (
        "Government forces fired anti-aircraft guns at rebel-held villages near Kutum on "
        "Monday, residents said.",
        "Shelling/artillery/missile attack",
    ),
    # barricades and burning tyres
    (
        "Residents barricaded the main road with burning tyres in Gonaives on Monday to protest "
        "fuel shortages.",
        "Violent demonstration",
    ),
    (
        "Dozens of traders blocked the highway outside Kisii with burning tires on Wednesday, "
        "demanding the reopening of the market.",
        "Violent demonstration",
    ),
    (
        "Hundreds of nurses marched to the health ministry in Lilongwe on Thursday to demand "
        "unpaid allowances.",
        "Peaceful protest",
    ),
    # demonstrators' own violence: running battles, vandalism, an attack by the crowd
    (
        "Dock workers protested outside the port authority in Mombasa on Monday; police and "
        "protesters engaged in running battles for several hours.",
        "Violent demonstration",
    ),
    (
        "Residents protested in Gourcy on Monday against the suspension of their mayor and "
        "committed acts of vandalism at the town hall.",
        "Violent demonstration",
    ),
    (
        "Market vendors staged a protest outside the municipal offices in Eldoret on Monday; "
        "some of them attacked a council official.",
        "Violent demonstration",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[1] + f" {i}" for i, c in
                                                          enumerate(CASES)])  # fmt: skip
def test_convention(text: str, expected: str) -> None:
    result = extract(text, published="2024-03-05")
    assert result.events, "no event found"
    assert result.events[0].sub_event_type == expected, result.events[0].classified_by


def test_convention_what_a_protest_is_against_is_no_event_of_it() -> None:
    """An arrest or a killing a demonstration is against is its cause: no arrests, no
    intervention and no toll of the protest; told as an event of its own, it is one, and
    the demonstration told first stays the main event."""
    protest = extract("Hundreds rallied in Mombasa on Tuesday over the killing of a "
                      "fisherman by coast guards.", published="2024-03-05").events  # fmt: skip
    assert [(e.sub_event_type, e.fatalities) for e in protest] == [("Peaceful protest", 0)]
    # The demonstration held as an object: "held a vigil over the killing" (stop 22).
    held = extract("Students held a march in Kisumu on Friday over the killing of a "
                   "boda boda rider by police.", published="2024-03-05").events  # fmt: skip
    assert [(e.sub_event_type, e.fatalities) for e in held] == [("Peaceful protest", 0)]
    for text in (  # "for", "after" and "in protest at" the killing, too
        "Students held a candlelight vigil in Khulna on Monday for two classmates shot dead "
        "by robbers last week.",
        "Shopkeepers staged a demonstration in Bogura on Friday after the murder of a "
        "local trader.",
        "Nurses organised a sit-in at the hospital gate in Rangpur in protest at the "
        "killing of a colleague.",
    ):
        told = extract(text, published="2024-03-05").events
        assert [(e.event_type, e.fatalities) for e in told] == [("Protests", 0)], text
    # Only a whole demonstration phrase makes the fighting before it a cause: "took" alone
    # is no "took to the streets".
    taken = extract("Insurgents took control of Mocimboa on Sunday after heavy fighting with "
                    "government troops and allied local militias, witnesses said. A health "
                    "worker said at least nine people, most of them soldiers, were killed.",
                    published="2024-03-05").events  # fmt: skip
    assert taken and taken[0].sub_event_type == "Non-state actor overtakes territory"
    assert taken[0].actor2 is not None and "Military Forces" in taken[0].actor2
    # Nor is a month a march: "On 13 March" makes nothing after it a protest's cause.
    ambush = extract("On 13 March 2021, two militiamen were killed following an ambush by "
                     "Taliban fighters in Chahar Bolak district, Balkh.",
                     published="2021-03-20").events  # fmt: skip
    assert [(e.event_type, e.fatalities) for e in ambush] == [("Battles", 2)]
    two = extract("On 3 March 2024, nurses and students protested in Sukkur against the arrest "
                  "of a union leader and demanded her release. She was detained by police on 1 "
                  "March.", published="2024-03-05").events  # fmt: skip
    assert [e.sub_event_type for e in two] == ["Peaceful protest", "Arrests"]
    assert [e.event_date for e in two] == ["2024-03-03", "2024-03-01"]
    # What a protest follows is its cause too (written 2026-12-06, stop 18).
    for text in (
        "On 4 March 2024, teachers rallied in Bamenda against insecurity following the "
        "killing of a headmaster.",
        "On 4 March 2024, nurses marched to the governor's office in Maiduguri over unpaid "
        "wages following an attack on a clinic.",
    ):
        after = extract(text, published="2024-03-05", options=Options(use_model=False)).events
        assert [(e.sub_event_type, e.fatalities) for e in after] == [("Peaceful protest", 0)]


def test_convention_shops_looted_in_a_riot_are_the_riot() -> None:
    """Looting told right after a riot, with no date or town of its own, is the riot's
    doing: one violent demonstration with its injured, not a second event."""
    events = extract("Traders angry at a new levy threw stones at council guards and burnt a "
                     "market office in Kisii on Monday. Four guards were hurt and several "
                     "stalls on Hospital Road were looted before police scattered the crowd.",
                     published="2024-03-05").events  # fmt: skip
    assert [(e.sub_event_type, e.injuries) for e in events] == [("Violent demonstration", 4)]


@pytest.mark.parametrize(
    ("text", "fatalities", "country"),
    [
        # A crowd that kills is a mob, coded as rioters; who it killed, civilians
        # (written 2026-12-06, stop 18).
        ("On Monday, angry residents in Garoua beat to death a man they accused of guiding "
         "the gunmen, police said.", 1, "Cameroon"),
        ("Villagers stoned to death two men accused of witchcraft near Malindi on Sunday.",
         2, "Kenya"),
        # Suspects in a crowd's hands are people, not an armed group.
        ("Residents of a village near Kakamega lynched two suspected robbers on Sunday.",
         2, "Kenya"),
    ],
)  # fmt: skip
def test_convention_a_crowd_that_kills_is_a_mob_of_rioters(
    text: str, fatalities: int, country: str
) -> None:
    (event,) = extract(text, published="2024-03-05", options=Options(use_model=False)).events
    assert event.sub_event_type == "Mob violence"
    assert (event.actor1, event.actor2) == (f"Rioters ({country})", f"Civilians ({country})")
    assert event.fatalities == fatalities
