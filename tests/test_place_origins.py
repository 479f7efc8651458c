"""Where people came from or live is no place of the event (``placement.mark_origins``),
when the sentence names another place; places named in a list keep their own divisions
(``placement.keep_to_context``). Texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire.pipeline import extract


def _event(text: str):  # type: ignore[no-untyped-def]
    events = extract(text, published="2021-05-12").events
    assert events, text
    return events[0]


@pytest.mark.parametrize(
    ("text", "admin1", "location"),
    [
        ("Residents of Rishikesh staged a sit-in in Lucknow on Monday against the closure of "
         "a hospital.", "Uttar Pradesh", "Lucknow"),
        ("Farm labourers from Bihar blocked the highway in Ludhiana on Monday demanding "
         "trains home.", "Punjab", "Ludhiana"),
        ("Traders from the nearby villages of Hama closed their shops in Salamiyah in protest "
         "at new taxes.", "Hama", "As Salamiyah"),
    ],
)
def test_place_origins_the_home_of_the_people_is_not_the_event_place(
    text: str, admin1: str, location: str
) -> None:
    e = _event(text)
    assert (e.admin1, e.location) == (admin1, location)


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # The only place named: where they live is where they acted.
        ("Residents of Mombasa staged a protest on Thursday over water shortages.", "Mombasa"),
        # The other place is where they went, not where they acted.
        ("Gunmen stopped a bus travelling from Khuzdar to Quetta on Monday and shot dead "
         "four passengers.", "Khuzdar"),
        # "not far from" says near, not from.
        ("Gunmen set up a roadblock not far from Djibo on Monday, keeping traders from the "
         "market in Arbinda.", "Djibo"),
        # The place after it only says where it lies (Kibera, the constituency of Kibra).
        ("Residents of Kibera in Nairobi staged a protest on Thursday over water shortages.",
         "Kibra"),
    ],
)
def test_place_origins_a_home_alone_or_placed_stays_the_place(text: str, location: str) -> None:
    assert _event(text).location == location


def test_place_context_a_list_of_fronts_keeps_each_its_division() -> None:
    # Each front is named with its own division: none is moved into the first one's.
    from eventwire.placement import keep_to_context
    from eventwire.places import find_places

    text = ("Fighting went on at the Arhab (Arhab, Sanaa), Sirwah (Sirwah, Marib) and Salh "
            "(Salh, Taizz) fronts on Sunday.")
    mentions = find_places(text)
    keep_to_context(mentions, text)
    where = {m.text: m.place.admin1 for m in mentions if m.place is not None}
    assert where["Arhab"] == "Sanaa"
    assert where["Sirwah"] == "Ma'rib"
    assert where["Salh"] == "Taizz"


def test_place_origins_a_civilians_nationality_is_not_where_it_happened() -> None:
    e = _event("A Nicaraguan teacher was found dead beside a coffee farm at Santa Rosa de Lima "
               "(La Union) on 27 April 2021.")
    assert (e.country, e.admin1) == ("El Salvador", "La Union")
