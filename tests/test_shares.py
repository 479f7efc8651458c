"""Shares of a toll split between places (coding/shares.py). Texts invented for the project."""

from __future__ import annotations

from eventwire.coding.shares import find_splits


def _one(text: str):  # type: ignore[no-untyped-def]
    found = find_splits(text)
    assert len(found) == 1, found
    return found[0]


def test_shares_even_split_between_counted_places() -> None:
    sp = _one("Fatalities were coded as 12 and split evenly between the 3 locations.")
    assert (sp.total, sp.parts) == (12, 3)
    assert sp.share(["Kafr Sous"], None) == 4


def test_shares_remainder_goes_to_the_first_named_place() -> None:
    sp = _one("Ten deaths were distributed over the fighting in Qarya, Birka and Tellan.")
    assert sp.order == ["Qarya", "Birka", "Tellan"]
    assert [sp.share([n], 10) for n in sp.order] == [4, 3, 3]


def test_shares_named_allocations_win() -> None:
    sp = _one(
        "Fatalities were split between the three events with 4 coded to Zaria, "
        "3 coded to Wusasa and 1 coded to Samaru."
    )
    assert sp.shares == {"Zaria": 4, "Wusasa": 3, "Samaru": 1}
    assert sp.share(["al-Wusasa"], 8) == 3  # the Arabic article does not block the match


def test_shares_as_follows_and_each_lists() -> None:
    sp = _one("Total fatalities of 21 split as follows: Tal Hamra 11, Jurn 10.")
    assert sp.shares == {"Tal Hamra": 11, "Jurn": 10}
    sp = _one(
        "The 10 fatalities are split between 4 locations, with 3 each allocated to Abu Kamal "
        "and Sukkar, and 2 each allocated to Hazima and Dawra."
    )
    assert sp.shares == {"Abu Kamal": 3, "Sukkar": 3, "Hazima": 2, "Dawra": 2}


def test_shares_each_and_other_places() -> None:
    assert _one("Fatalities coded evenly across the four events, 2 a piece.").each == 2
    sp = _one(
        "Fatalities coded as 10 and split between 9 locations, with Marj allocated 2 "
        "fatalities and all other locations allocated 1."
    )
    assert (sp.share(["Marj"], None), sp.share(["Ain Dara"], None)) == (2, 1)


def test_shares_ignore_sentences_about_other_things() -> None:
    assert find_splits("Aid was distributed among the families in the camp.") == []
    assert find_splits("The party split over the budget.") == []
