"""Who did it, by ACLED's rules of responsibility (``coding/responsibility.py``), and the
actors an event's text names as ACLED names them: communal identities
(``identities.py``), two groups either of which acted, administrative bodies that are no
actor, the staged actor rows. Texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire.pipeline import extract


def _main(text: str):  # type: ignore[no-untyped-def]
    events = extract(text, published="2021-05-04").events
    assert events, text
    return events[0]


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("On 3 May 2021, gunmen killed four police officers at a checkpoint in Kandahar. "
         "The Taliban claimed responsibility for the attack.", "Taliban"),
        ("On 3 May 2021, a bomb exploded at a market in Kandahar, killing six people. No "
         "group claimed responsibility; however, sources attributed the attack to the "
         "Taliban.", "Taliban"),
        ("On 3 May 2021, a roadside bomb killed two soldiers in Helmand. The Taliban denied "
         "involvement, and officials blamed the Islamic State.", "Islamic State (Afghanistan)"),
        ("On 3 May 2021, gunmen killed 12 villagers near Beni. The army accused the ADF of "
         "the killings.", "ADF: Allied Democratic Forces"),
        ("On 3 May 2021, gunmen killed 12 villagers near Beni, North Kivu. Responsibility "
         "was claimed by the Islamic State.", "Islamic State Central Africa Province"),
    ],
)
def test_responsibility_claims_and_attributions_name_actor1(text: str, actor1: str) -> None:
    assert _main(text).actor1 == actor1


def test_responsibility_a_suspect_that_denied_it_is_no_actor() -> None:
    e = _main("On 3 May 2021, suspected Taliban militants planted a roadside bomb that killed "
              "two soldiers in Helmand. The Taliban denied any involvement.")
    assert e.actor1 == "Unidentified Armed Group (Afghanistan)"
    # ... but what the report itself says stands.
    e = _main("On 3 May 2021, Taliban fighters planted a roadside bomb that killed two "
              "soldiers in Helmand. The Taliban denied any involvement.")
    assert e.actor1 == "Taliban"


def test_responsibility_communal_identities_fight_as_militias() -> None:
    e = _main("On 3 May 2021, Fulani herders and Tiv farmers clashed near Makurdi, leaving "
              "six dead.")
    assert (e.actor1, e.actor2) == ("Fulani Ethnic Militia (Nigeria)",
                                    "Tiv Ethnic Militia (Nigeria)")
    e = _main("On 8 May 2021, armed militias from the Hawadle and Galjecel clans fought near "
              "Beledweyne over grazing land.")
    assert {e.actor1, e.actor2} == {"Hawadle Clan Militia (Somalia)",
                                    "Galjecel Clan Militia (Somalia)"}
    # Peoples or clans named as the two sides, with no noun for their fighters: a battle
    # between their militias, not a riot.
    e = _main("On 2 May 2021, fighting between the Garre and Degodia clans killed nine people "
              "near Mandera.")
    assert (e.sub_event_type, e.actor1, e.actor2) == (
        "Armed clash", "Garre Clan Militia (Kenya)", "Degodia Clan Militia (Kenya)")
    e = _main("On 2 May 2021, twelve people were killed in clashes between members of the "
              "Turkana and Pokot communities near Kapedo.")
    assert (e.sub_event_type, e.actor1, e.actor2) == (
        "Armed clash", "Turkana Communal Militia (Kenya)", "Pokot Communal Militia (Kenya)")
    # Farmers who were attacked are civilians.
    e = _main("On 3 May 2021, gunmen attacked Irigwe farmers in Miango, Plateau state, "
              "killing four.")
    assert e.actor2 == "Civilians (Nigeria)"


def test_responsibility_either_of_two_groups() -> None:
    e = _main("On 3 May 2023, suspected JNIM and/or ISGS militants attacked the gendarmerie "
              "in Gayeri.")
    assert e.actor1 == ("JNIM: Group for Support of Islam and Muslims and/or "
                        "Islamic State Sahel Province")
    assert e.country == "Burkina Faso"


def test_responsibility_an_administrative_body_is_no_actor() -> None:
    e = _main("On 3 May 2021, gunmen attacked Mushu village in Bokkos local government area "
              "of Plateau state, killing nine.")
    assert "Government" not in (e.actor1 or "") + (e.actor2 or "")
    assert e.country == "Nigeria"


def test_responsibility_staged_rows_name_forces_of_africa_and_asia() -> None:
    e = _main("On 3 May 2021, Dozo hunters clashed with suspected JNIM militants near Solenzo, "
              "Burkina Faso.")
    assert e.actor1 in ("Dozo Communal Militia (Burkina Faso)",
                        "JNIM: Group for Support of Islam and Muslims")
    assert "Dozo Communal Militia (Burkina Faso)" in (e.actor1, e.actor2)


@pytest.mark.parametrize(
    ("text", "sub", "actor1", "actor2"),
    [
        # herders only hit are civilians: an attack, not a battle with a militia
        ("On 3 May 2021, unknown gunmen killed two Fulani herders near Kalale.",
         "Attack", "Unidentified Armed Group (Benin)", "Civilians (Benin)"),
        ("On 3 May 2021, bandits shot dead three Fulani herdsmen near Tsafe in Zamfara state.",
         "Attack", "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
        # herders who act are their people's militia, named by the country they act in
        ("On 3 May 2021, Fulani herders killed a farmer in his field near Kalale.",
         "Attack", "Fulani Ethnic Militia (Benin)", "Civilians (Benin)"),
    ],
)  # fmt: skip
def test_responsibility_herders_hit_are_civilians_herders_acting_a_militia(
    text: str, sub: str, actor1: str, actor2: str
) -> None:
    e = _main(text)
    assert (e.sub_event_type, e.actor1, e.actor2) == (sub, actor1, actor2)


def test_responsibility_a_name_in_brackets_glosses_the_name_before_it() -> None:
    # "(JNIM)" says whose the katiba is: one side, not the group attacked.
    e = _main("On 13 February 2020, suspected Katiba Macina (JNIM) militants attacked a school "
              "in the village of Moussakuy near Djenne and burned its canteen.")
    # (Since 2017 a katiba of JNIM is coded as JNIM, the katiba its associated actor.)
    assert (e.actor1, e.assoc_actor_1) == ("JNIM: Group for Support of Islam and Muslims",
                                           "Katiba Macina")
    assert e.actor2 != "JNIM: Group for Support of Islam and Muslims"
    assert e.sub_event_type != "Armed clash"
    # Of a generic word and the name that glosses it, the name stays.
    e = _main("On 3 May 2021, soldiers (FAMa) clashed with JNIM militants near Djenne.")
    assert (e.actor1, e.actor2) == ("Military Forces of Mali (2021-)",
                                    "JNIM: Group for Support of Islam and Muslims")
