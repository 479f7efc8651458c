"""News words the coder had misread (first seen among the errors of news batch 10, after
its blind scoring; texts written for these tests, in other words than the batch's): what
people do while trying something happened ("tried to storm the assembly, throwing
rocks"); an act a court sentences someone for is a trial's, not this event; the threat of
a strike is no strike; a town the militants "had overrun a week earlier" is the news's
background; troops who expel or drive out a group regain the place; people handed over
are no ground handed over; a bid to take a town has not taken it; jets that struck a farm
are no labour strike; the group that runs the channel reporting is no side; a killing the
text calls a domestic or family matter is no event. Texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire import extract
from main_event import main_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Demonstrators tried to storm the parliament in Skopje on Monday, hurling stones and "
         "bottles at the police cordon.", "Violent demonstration"),
        ("Gunmen tried to kill the mayor of Jalapa on Sunday, opening fire on his car.",
         "Attack"),
    ],
)  # fmt: skip
def test_what_people_do_while_trying_happened(text: str, expected: str) -> None:
    assert main_event(text, "2024-03-04").sub_event_type == expected


@pytest.mark.parametrize(
    "text",
    [
        "A judge on Monday jailed a Lyon man for two years for setting fire to a police car "
        "during riots last summer.",
        "A court in Kigali on Friday sentenced three former militiamen to life in prison for "
        "the rape of women during the 1994 genocide.",
    ],
)  # fmt: skip
def test_an_act_tried_in_court_is_no_event_of_the_news(text: str) -> None:
    assert extract(text, published="2024-03-04").events == []


def test_the_threat_of_a_strike_is_no_strike() -> None:
    events = extract("Dock workers and the port authority in Mombasa signed a wage deal on "
                     "Wednesday, lifting the threat of a strike.",
                     published="2024-03-04").events  # fmt: skip
    assert all(e.event_type != "Protests" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Malian troops on Friday expelled JNIM fighters from Boni, a market town that the "
        "militants had overrun a week earlier, an army spokesman said.",
        "Soldiers drove out the militants from Boni on Friday.",
    ],
)  # fmt: skip
def test_troops_who_expel_a_group_regain_the_place(text: str) -> None:
    assert main_event(text, "2024-03-04").sub_event_type == "Government regains territory"


def test_people_handed_over_are_no_ground_handed_over() -> None:
    events = extract("Fourteen pupils abducted by bandits in Zamfara were freed on Sunday and "
                     "handed over to state officials.", published="2024-03-04").events  # fmt: skip
    assert all(e.sub_event_type != "Non-violent transfer of territory" for e in events)


def test_a_bid_to_take_a_town_has_not_taken_it() -> None:
    ev = main_event("Rebels clashed with government forces in Kafr Zita in a bid by the latter "
                    "to expel them from the town; losses were reported on both sides.",
                    "2019-06-04")  # fmt: skip
    assert ev.sub_event_type == "Armed clash"


def test_jets_that_struck_a_farm_are_no_labour_strike() -> None:
    ev = main_event("Saudi-led coalition jets struck a farmhouse near Razih on Tuesday, killing "
                    "a farmer and his wife.", "2020-02-12")  # fmt: skip
    assert ev.sub_event_type == "Air/drone strike"


def test_workers_who_struck_are_still_on_strike() -> None:
    ev = main_event("Farm workers struck on Monday over unpaid wages in Naivasha.", "2023-05-02")
    assert ev.sub_event_type == "Peaceful protest"


def test_the_owner_of_a_channel_that_reports_is_no_side() -> None:
    ev = main_event("Coalition jets struck a farmhouse near Razih on Tuesday, killing a farmer "
                    "and his wife, a Houthi-run channel reported.", "2020-02-12")  # fmt: skip
    assert "Houthi" not in (ev.actor2 or "") and "Supreme Political Council" not in (
        ev.actor2 or "")


@pytest.mark.parametrize(
    ("text", "quiet"),
    [
        ("A man in Thika was beaten to death by his brother during a quarrel over an "
         "inheritance on Sunday; police called it a family matter.", True),
        # a private word with no killing: the protest stands
        ("Women marched in Nairobi on Saturday against domestic violence.", False),
        # the police who kill are a state's forces: no private matter
        ("Police shot dead a man in Kisumu on Sunday during a domestic dispute call.", False),
    ],
)  # fmt: skip
def test_a_killing_called_a_private_matter_is_no_event(text: str, quiet: bool) -> None:
    assert (extract(text, published="2023-05-02").events == []) == quiet
