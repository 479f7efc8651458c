"""Words of violence the trigger table reads (``data/triggers.tsv``): shots fired at a
person are an attack, torture is an attack by whoever tortures, a remote explosive is a
planted bomb, an ambush of civilians or their vehicles is an attack (of armed men, or of
men the text does not call civilians, a battle), and a gold mine is no landmine. On texts
written for these tests (2026-12-06), with the cases that must stay as they were beside
them."""

from __future__ import annotations

import pytest

from eventwire import extract
from main_event import main_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two men on a motorbike fired shots at a district councillor as he drove home "
         "from a meeting in Kakamega on Tuesday. He escaped unhurt.", "Attack"),
        ("Gunmen fired at a bus carrying traders on the road out of Gao on Sunday, "
         "wounding the driver.", "Attack"),
        ("Relatives said the teacher, detained last week in Bujumbura, was tortured by "
         "intelligence officers before his release.", "Attack"),
        ("A remote explosive hidden in a culvert wrecked an army truck near Kidal on "
         "Wednesday.", "Remote explosive/landmine/IED"),
        ("Insurgents hit an army truck near Kidal with a remote explosive on Wednesday, "
         "destroying it.", "Remote explosive/landmine/IED"),
        # An ambush is an attack on whoever is ambushed: a battle only with armed men.
        ("Bandits ambushed a passenger minibus on the Isiolo road on Friday night, "
         "killing three travellers.", "Attack"),
        ("Armed youths ambushed two farmers on a footpath near Kisii, killing one of them.",
         "Attack"),
        ("Insurgents ambushed an army patrol near Mandera, killing four soldiers.",
         "Armed clash"),
        # A mine that is dug is a place; one that is laid is a device.
        ("Gunmen attacked artisanal miners at a gold mine near Djibo, killing four.",
         "Attack"),
        ("A minibus struck a mine on the road north of Kidal, killing five passengers.",
         "Remote explosive/landmine/IED"),
        ("Gunmen seized two engineers on the road to the mine outside Kayes on Friday.",
         "Abduction/forced disappearance"),
        ("A local militia carried out a mine attack on an army convoy near Gangaw, killing "
         "two soldiers.", "Remote explosive/landmine/IED"),
        # "hacked" a person: with blades, as South Asian papers write it
        ("Two men on a motorbike hacked a union leader near the college gate in Barisal on "
         "Monday evening.", "Attack"),
        # an ambush of a home, or of herders no fight is told of, is an attack on civilians
        ("Raiders lay in wait outside a homestead near North Horr and ambushed it at dawn, "
         "killing an elderly man.", "Attack"),
        # an officer of a civilian body is a civilian; a police officer is armed
        ("A Red Cross officer was shot dead by gunmen at a water point near Lokichogio on "
         "Tuesday.", "Attack"),
        ("A police officer was shot dead by gunmen at a water point near Lokichogio on "
         "Tuesday.", "Armed clash"),
        # Shots in the air over a crowd stay force against a demonstration.
        ("Police fired into the air to break up a crowd of market traders protesting "
         "against new taxes in Kisumu.", "Protest with intervention"),
    ],
)
def test_words_of_violence(text: str, expected: str) -> None:
    assert main_event(text, "2026-03-14").sub_event_type == expected


def test_a_hacked_website_is_no_event() -> None:
    text = "Hackers hacked the website of the election commission on Sunday night."
    assert extract(text, published="2026-03-14").events == []


def test_torture_names_the_torturers_as_the_actor() -> None:
    event = extract("Warders in Gitega beat and tortured a jailed farmer until he died, "
                    "his family said on Friday.").events[0]
    assert event.sub_event_type == "Attack"
    assert event.actor1 is not None and "Civilians" not in event.actor1
    assert event.actor2 is not None and event.actor2.startswith("Civilians")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three young women blew themselves up at a cattle market in Gwoza on Sunday, "
         "killing eleven traders, a local vigilante leader said.", "Suicide bomb"),
        ("Islamic State fighters lobbed mortar bombs loaded with a mustard-type agent at "
         "Peshmerga lines near Gwer, leaving nine fighters with burns.", "Chemical weapon"),
        ("Drones dropped chloropicrin canisters on trenches near Bakhmut overnight, the "
         "Ukrainian army said.", "Chemical weapon"),
        ("Militants fired chemical-filled rockets at army positions west of Mosul on "
         "Thursday; six soldiers were treated for breathing problems.", "Chemical weapon"),
    ],
)  # fmt: skip
def test_violence_words_suicide_and_chemical_agents(text: str, expected: str) -> None:
    """Bombers who "blew themselves up" are suicide bombers; mustard, chloropicrin and
    chemical-filled munitions are chemical weapons, whatever fired them."""
    assert main_event(text, "2021-03-15").sub_event_type == expected


@pytest.mark.parametrize(
    "text",
    [
        "An army truck struck a landmine near Kidal on Wednesday, killing three soldiers.",
        "A police patrol hit a roadside bomb outside Mandera on Friday, wounding four "
        "officers.",
    ],
)
def test_violence_words_who_runs_into_a_device_is_hit_by_it(text: str) -> None:
    """A vehicle that "struck a landmine" is the device's target: the side that laid it
    (unnamed: an unidentified armed group) is actor1, the force in the vehicle actor2."""
    event = main_event(text, "2021-03-15")
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor1 is not None and event.actor1.startswith("Unidentified Armed Group")
    assert event.actor2 is not None and event.actor2.split()[0] in ("Military", "Police")
