"""First-level divisions the bundled GeoNames names lack or give the wrong name (made or
split since: Kenya's Vihiga county, Burundi's Bujumbura Rural, Ghana's regions of 2018,
Chile's Nuble, Panama Oeste, Namibia's Oshikoto beside Oshana): each is found by its
name, stands at its seat, and places an event told in one of its towns. Texts written
for these tests."""

from __future__ import annotations

import pytest

from eventwire.gazetteer import Gazetteer
from main_event import main_event


@pytest.mark.parametrize(
    ("iso2", "name", "seat"),
    [
        ("KE", "Vihiga", "Mbale"),
        ("BI", "Bujumbura Rural", "Isale"),
        ("GH", "Oti", "Dambai"),
        ("CL", "Nuble", "Chillan"),
        ("PA", "Panama Oeste", "Arraijan"),
        ("NA", "Oshikoto", "Tsumeb"),
        ("NA", "Oshana", "Oshakati"),  # not Tsumeb's division, which was called so too
    ],
)  # fmt: skip
def test_a_division_is_found_at_its_seat(iso2: str, name: str, seat: str) -> None:
    place = Gazetteer.default().admin1_place(iso2, name)
    assert place is not None and (place.admin1, place.location) == (name, seat)


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Traders in Luanda, Kenya blocked the main road on Monday to protest against new "
         "market fees.", "Vihiga"),
        ("Residents of Goaso marched to the district office on Tuesday demanding a new "
         "hospital.", "Ahafo"),
        ("Hundreds of students rallied in Chillan on Thursday against cuts to university "
         "grants.", "Nuble"),
    ],
)  # fmt: skip
def test_an_event_in_a_town_of_the_division(text: str, admin1: str) -> None:
    assert main_event(text, "2022-03-14").admin1 == admin1
