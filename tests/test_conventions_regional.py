"""Naming and counting that follow ACLED's conventions where the words alone do not say:
the name a group bore in the event's year, the unidentified side of gang violence in
Mexico and Brazil, the dead counted from the bodies found, and Kenya's parties
(``actors.py``, ``coding/gangs.py``, ``coding/tolls.py``, ``coding/parties.py``). Texts
written for these tests."""

from __future__ import annotations

import pytest

from main_event import main_event


@pytest.mark.parametrize(
    ("year", "name"),
    [
        ("2019", "Islamic State (Greater Sahara)"),
        ("2021", "Islamic State (Greater Sahara)"),
        ("2023", "Islamic State Sahel Province"),
    ],
)
def test_regional_isgs_takes_the_name_of_its_year(year: str, name: str) -> None:
    """ACLED named the Islamic State's Sahel branch "(Greater Sahara)" until the 2022
    province; a group's years are not printed in its name."""
    ev = main_event(
        f"On 9 March {year}, ISGS fighters on motorbikes raided the cattle market of Tin-Akoff "
        "in Burkina Faso's Oudalan province, shooting dead four herders.",
        f"{year}-03-11",
    )
    assert ev.actor1 == name
    assert ev.country == "Burkina Faso"


def test_regional_iswap_before_2022_is_islamic_state_west_africa() -> None:
    ev = main_event(
        "ISWAP insurgents overran an army outpost at Marte in Borno State, Nigeria, on "
        "Thursday, and soldiers fought them for two hours before withdrawing.",
        "2020-06-13",
    )
    assert "Islamic State (West Africa)" in (ev.actor1, ev.actor2)


@pytest.mark.parametrize(
    ("text", "gang"),
    [
        (
            "Around 14 August 2021, in Uruapan, Michoacan, the body of a young man was left "
            "beside a petrol station. His hands had been bound with tape and tied behind his "
            "back, and he had been shot several times.",
            "Unidentified Gang (Mexico)",
        ),
        (
            "On 14 August 2021, in Irapuato, Guanajuato, gunmen on a motorbike opened fire on a "
            "food stall in a drive-by shooting, killing the owner and wounding a customer.",
            "Unidentified Gang (Mexico)",
        ),
        (
            "On 14 August 2021, in Feira de Santana, Bahia, a 19-year-old was killed in a "
            "drive-by shooting by men on a motorcycle. Nobody knows who the killers were.",
            "Unidentified Gang and/or Police Militia",
        ),
    ],
)
def test_regional_gang_marks_name_the_unidentified_side(text: str, gang: str) -> None:
    """In Mexico and Brazil a killing with the marks of organised crime (bound hands, a
    drive-by) is coded to ACLED's unidentified gang there."""
    ev = main_event(text, "2021-08-16")
    assert ev.actor1 == gang
    assert ev.actor2 is not None and ev.actor2.startswith("Civilians")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # No mark of organised crime: an unidentified armed group, as before.
        (
            "On 14 August 2021, in Toluca, Mexico State, two armed men shot dead a bus driver "
            "at a terminal after an argument, witnesses said.",
            "Mexico",
        ),
        # The same marks elsewhere say nothing of gangs.
        (
            "On 14 August 2021, the body of a trader was found near Eldoret, Kenya, with his "
            "hands tied behind his back.",
            "Kenya",
        ),
    ],
)
def test_regional_without_the_convention_the_side_stays_unidentified(
    text: str, country: str
) -> None:
    ev = main_event(text, "2021-08-16")
    assert ev.country == country
    assert ev.actor1 == f"Unidentified Armed Group ({country})"


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("On 2 February 2022, the bodies of three farmers were found in a ditch outside "
         "Kaduna, Nigeria, each shot in the back.", 3),
        ("On 2 February 2022, residents of a village near Kaduna, Nigeria, recovered two "
         "corpses from a stream after gunmen raided the area overnight.", 2),
        ("On 2 February 2022, the body of a herder who had been stabbed was found on a "
         "farm near Kaduna, Nigeria.", 1),
    ],
)
def test_regional_the_bodies_found_are_the_dead(text: str, killed: int) -> None:
    """The dead found are counted: the body of a man is one killed, the bodies of three
    farmers three."""
    ev = main_event(text, "2022-02-03")
    assert ev.fatalities == killed


def test_regional_who_found_the_body_is_no_side() -> None:
    """"Police found the body of a woman": the police found her, they did not kill her."""
    ev = main_event(
        "On 2 February 2022, police found the body of a woman with gunshot wounds in a "
        "maize field near Kaduna, Nigeria.",
        "2022-02-03",
    )
    assert "Police" not in (ev.actor1 or "")
    assert ev.actor2 == "Civilians (Nigeria)"
    assert ev.fatalities == 1


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("ODM youths stoned a campaign convoy of a rival candidate in Kisumu, Kenya, on "
         "Saturday, injuring three people.", "ODM: Orange Democratic Movement"),
        ("UDF supporters and police clashed outside a polling station in Kakamega, Kenya, on "
         "Saturday.", "UDF: United Democratic Forum"),
    ],
)
def test_regional_kenya_parties_are_kenyan(text: str, party: str) -> None:
    """Kenya's parties are named as ACLED names them, and "UDF" in Kenya is Kenya's
    United Democratic Forum, not India's United Democratic Front."""
    ev = main_event(text, "2007-12-17")
    names = {ev.actor1, ev.actor2, ev.assoc_actor_1, ev.assoc_actor_2}
    assert party in names
    assert ev.country == "Kenya"


def test_regional_a_front_line_report_looks_for_its_village_on_the_front() -> None:
    """A village named in a report about the Donbas contact line is looked for in Donetsk
    and Luhansk first; the same name in a report about something else is not moved."""
    front = main_event(
        "On 4 May 2020, monitors of the OSCE SMM counted twelve explosions from undetermined "
        "weapons near Serhiivka, on the government-controlled side of the contact line.",
        "2020-05-06",
    )
    assert front.admin1 in ("Donetsk", "Luhansk")
    elsewhere = main_event(
        "On 4 May 2020, about forty farmers marched through Serhiivka demanding that the "
        "district repair the road to the grain elevator.",
        "2020-05-06",
    )
    assert elsewhere.country == "Ukraine"
    assert elsewhere.admin1 not in ("Donetsk", "Luhansk")


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "On 21 October 2018, Saudi troops fired rockets and mortar rounds at farms near "
            "Haydan (Sadah), wounding a shepherd.",
            "Operation Restoring Hope",
        ),
        (
            "On 21 October 2018, Saudi troops fired artillery shells at farms near Haydan "
            "(Sadah), wounding a shepherd.",
            "Operation Restoring Hope",
        ),
        # at home the same troops are the Saudi army
        (
            "On 21 October 2018, Saudi troops clashed with Houthi fighters who crossed the "
            "border near Najran.",
            "Military Forces of Saudi Arabia (2015-)",
        ),
    ],
)
def test_regional_a_coalition_members_forces_abroad_are_the_operation(
    text: str, actor1: str
) -> None:
    """ACLED codes Saudi and Emirati forces acting in Yemen as the coalition's operation
    (data/operations.tsv); "artillery" before "shells" is the weapon, not an army."""
    assert main_event(text, "2018-10-23").actor1 == actor1
