"""Small-arms fire recorded near a front is a battle, and a group that ends its affiliation
with an alliance or splits from its parent changes its activity. Texts written for these
tests."""

from __future__ import annotations

import pytest

from eventwire import extract
from eventwire.options import Options

CARDS_ALONE = Options(use_model=False)


def _sub(text: str) -> str:
    events = extract(text, published="2019-07-01", options=CARDS_ALONE).events
    return events[0].sub_event_type if events else ""


@pytest.mark.parametrize(
    "text",
    [
        "Observers counted 40 shots of small-arms fire near Pisky on 28 June 2019.",
        "The monitors recorded nine shots involving small arms near Zolote on 28 June 2019.",
    ],
)
def test_small_arms_fire_near_the_front_is_a_battle(text: str) -> None:
    assert _sub(text) == "Armed clash"


def test_small_arms_seized_are_no_battle() -> None:
    assert _sub("Police seized small arms and ammunition from a house in Kramatorsk on "
                "28 June 2019.") != "Armed clash"


@pytest.mark.parametrize(
    "text",
    [
        "On 28 June 2019 the Sultan Murad Division ended its affiliation with the Azm "
        "command and moved its fighters to Jarablus.",
        "A faction of the brigade split from its parent group in Afrin on 28 June 2019 and "
        "named its own commander.",
    ],
)
def test_a_group_leaving_its_alliance_changes_its_activity(text: str) -> None:
    assert _sub(text) == "Change to group/activity"
