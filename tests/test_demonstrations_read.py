"""Demonstrations as told: a crowd that fights the police is a riot, told in one sentence
or in the next (``coding/merging.py``, the protest_turned_violent card); a crowd's size
or an appeal beside a protest leaves it an event, a tally of protests is none
(``coding/factuality.py``). Texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire.options import Options
from eventwire.pipeline import extract


@pytest.mark.parametrize(
    "text",
    [
        "Garment workers blocked the highway outside their factory in Savar on Sunday to "
        "demand two months of unpaid wages. They clashed with police who tried to clear the "
        "road.",
        "Several hundred market traders protested outside the regional governor's office in "
        "Odesa on Sunday. Fighting with police erupted as officers began removing their "
        "stalls.",
    ],
)
def test_demonstrations_read_a_clash_with_police_after_a_demonstration_is_one_riot(
    text: str,
) -> None:
    events = extract(text, published="2020-06-01").events
    assert [e.sub_event_type for e in events] == ["Violent demonstration"], [
        (e.sub_event_type, e.actor1, e.actor2) for e in events]


def test_demonstrations_read_a_battle_elsewhere_stays_its_own_event() -> None:
    text = ("Teachers marched through the centre of Nairobi on Monday to demand a pay rise. "
            "Soldiers clashed with al-Shabaab fighters near Mandera on the same day.")
    subs = sorted(e.sub_event_type or "" for e in extract(text, published="2020-06-01").events)
    assert subs == ["Armed clash", "Peaceful protest"]


def test_demonstrations_read_two_of_the_state_forces_are_no_crowds() -> None:
    # "a group of police": the word "group" makes no crowd of the state's forces.
    text = ("On 9 May 2021, a group of police clashed with army troops at a roadblock in "
            "Baidoa after their vehicle would not halt. The two sides traded heavy gunfire "
            "until elders stepped in.")
    events = extract(text, published="2021-05-10").events
    assert events and events[0].sub_event_type == "Armed clash"
    assert not any("crowd" in (e.classified_by or "") for e in events), [
        e.classified_by for e in events]


@pytest.mark.parametrize(
    "text",
    [
        # The crowd's size is no tally, though "for months" is in the sentence.
        "On 2 June 2020, more than two thousand displaced families demonstrated outside the "
        "governor's office in Kaya, denouncing a lack of food aid for months.",
        # A protest told before an appeal the parser hangs it on is a fact.
        "On 2 June 2020, nurses protested outside the health ministry in Jerusalem against "
        "night shifts, the nurses also called for a pay rise since many of them had lost "
        "their allowances.",
        # A gathering whose purpose is to oppose is a demonstration.
        "On 2 June 2020, about 200 people assembled outside the parliament in Yerevan to "
        "oppose a proposed mining law.",
    ],
)
def test_demonstrations_read_a_protest_told_plainly_is_found(text: str) -> None:
    events = extract(text, published="2020-06-03").events
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


@pytest.mark.parametrize(
    "text",
    [
        "Over the past year, more than 2,000 people have protested in the capital against "
        "the junta.",
        "Teachers have staged more than 40 protests over the past month.",
    ],
)
def test_demonstrations_read_a_tally_of_protests_is_no_event(text: str) -> None:
    assert extract(text, published="2020-06-03").events == []


@pytest.mark.parametrize(
    "text",
    [
        "On 2 May 2021, residents of Rosario banged pots from their balconies to oppose "
        "the early release of inmates. The protests began once judges had freed prisoners, "
        "following unrest and riots inside several jails during the preceding days.",
        "On 6 May 2021, families of prisoners stood outside the penal colony in Angarsk "
        "asking for news of relatives, following a riot inside the camp in April.",
    ],
)
def test_demonstrations_read_a_riot_that_led_to_the_protest_is_background(text: str) -> None:
    """The riot the protest followed is what led to it, not what the protesters did."""
    events = extract(text, published="2020-05-05").events
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


@pytest.mark.parametrize(
    "text",
    [
        "Students protesting fee rises threw stones at police in Kisumu on Monday; officers "
        "fired tear gas to disperse them.",
        "Police dispersed traders who had marched on the market office in Bouake on Monday, "
        "after some of them vandalised two council vehicles.",
        # the demonstration named in the riot phrase itself (stop 30)
        "On 2 October 2019, residents of Kerugoya held a violent demonstration against the "
        "arrest of their county chairman.",
        "Bottles and bricks: hospital workers protesting unpaid salaries hurled bottles at "
        "riot police outside the ministry in Harare on Thursday.",
    ],
)
def test_demonstrations_read_stones_and_vandalism_make_the_crowd_violent(text: str) -> None:
    """ACLED names the acts: stones thrown or vandalism by demonstrators make a violent
    demonstration, however the police met them (the rioting_demonstrators card is certain)."""
    ev = extract(text, published="2020-06-02").events[0]
    assert ev.sub_event_type == "Violent demonstration", ev.classified_by
    assert ev.classified_by == "rule:rioting_demonstrators"


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers opened fire on a crowd of mourners at a burial in Kalehe on Saturday, "
        "killing three people.",
        "Police shot into a crowd waiting for food aid at a school in Kalehe on Saturday; "
        "two women died.",
    ],
)
def test_demonstrations_read_a_crowd_with_no_demand_is_civilians(text: str) -> None:
    """A crowd gathered for a burial or a food queue, fired on, in a text that tells no
    protest: the people are civilians and the shooting an attack, not force against
    protesters (``parties._crowd_without_demand``)."""
    (event,) = extract(text, published="2021-06-14").events
    assert event.sub_event_type == "Attack", event.classified_by
    assert event.actor2 == "Civilians (Democratic Republic of Congo)"


def test_demonstrations_read_a_crowd_that_protests_stays_the_protesters() -> None:
    text = ("Residents marched on the district office in Kalehe on Saturday over the "
            "killing of a trader. Police opened fire on the crowd, killing two.")
    event = next(e for e in extract(text, published="2021-06-14").events
                 if e.event_type == "Protests")
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.actor1 == "Protesters (Democratic Republic of Congo)"


def test_demonstrations_read_property_the_crowd_loots_makes_a_riot() -> None:
    """Demonstrators who loot or burn make a violent demonstration, even when the police
    then break it up (the cards say so, not the classifier alone); the police looting as
    they disperse a crowd do not."""
    ev = extract("Pupils of a boarding school in Kitui went on strike on Tuesday, looting "
                 "the dining hall and the library before police intervened.",
                 published="2020-06-02", options=Options(use_model=False)).events[0]
    assert ev.sub_event_type == "Violent demonstration", ev.classified_by
    assert ev.classified_by == "rule:protest_turned_violent"
    ev = extract("Police looted stalls as they dispersed traders protesting in Kisumu on "
                 "Monday.", published="2020-06-02").events[0]
    assert ev.sub_event_type != "Violent demonstration", ev.classified_by


def test_demonstrations_read_a_gathering_to_seek_a_solution_is_no_protest() -> None:
    events = extract("Clan elders gathered in Garissa on 2 June 2020 to seek a solution to "
                     "the grazing dispute.", published="2020-06-03").events
    assert events == []


@pytest.mark.parametrize(
    "text",
    [
        "Youths protesting against the new market levy lit bonfires across the main road "
        "in Homa Bay town on Tuesday.",
        "Students went on the rampage at a boarding school in Kericho on Monday, protesting "
        "against the transfer of their principal.",
    ],
)
def test_demonstrations_bonfires_and_a_rampage_are_a_violent_demonstration(text: str) -> None:
    e = extract(text, published="2019-06-05").events[0]
    assert (e.sub_event_type, e.actor1) == ("Violent demonstration", "Rioters (Kenya)")
