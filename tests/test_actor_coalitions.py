"""Coalitions and pairs of armed groups as ACLED names them (``data/actor_members.tsv``,
``data/actor_pairs.tsv``), and names that stop being an actor's where the text makes them
a place's or ends the sentence. Texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire.actor_tables import coalition_of, pair_order
from eventwire.actors import named
from eventwire.lexicon import read_table
from eventwire.pipeline import extract
from eventwire.records import Event

JNIM = "JNIM: Group for Support of Islam and Muslims"
ISGS = "Islamic State (Greater Sahara)"


def _event(text: str, published: str = "2019-06-04") -> Event:
    events = extract(text, published=published).events
    assert events, text
    return events[0]


@pytest.mark.parametrize(
    "text",
    [
        "Katiba Macina fighters on motorbikes stormed a weekly market near Djibo in Burkina "
        "Faso on Tuesday and shot dead four traders.",
        "Gunmen of Ansar Dine ambushed a convoy of traders near Kidal in Mali on Friday, "
        "killing two drivers.",
    ],
)
def test_coalitions_a_member_acts_as_its_coalition_and_is_named_beside_it(text: str) -> None:
    e = _event(text)
    assert e.actor1 == JNIM
    assert e.assoc_actor_1 in ("Katiba Macina", "Ansar Dine")
    assert e.assoc_actor_1 is not None and e.assoc_actor_1.split("; ")[0] in text


def test_coalitions_before_the_merger_a_member_is_its_own_actor() -> None:
    e = _event(
        "Katiba Macina fighters on motorbikes stormed a weekly market near Mopti in Mali on "
        "Tuesday and shot dead four traders.",
        published="2015-06-02",
    )
    assert e.actor1 == "Katiba Macina"
    assert e.assoc_actor_1 is None


@pytest.mark.parametrize(
    "groups", ["ISGS or JNIM", "JNIM or ISGS", "JNIM and/or ISGS", "ISGS and/or JNIM"]
)
def test_coalitions_two_groups_either_of_which_acted_carry_acleds_one_name(groups: str) -> None:
    e = _event(
        f"Suspected {groups} militants burned the health centre of a village near Arbinda "
        "in Burkina Faso overnight and carried off its medicines."
    )
    assert e.actor1 == f"{JNIM} and/or {ISGS}"


def test_coalitions_tables_name_known_actors() -> None:
    names = {r["name"] for r in read_table("actors.tsv")}
    for r in read_table("actor_members.tsv"):
        assert {r["member"], r["coalition"]} <= names, r
        assert coalition_of(r["member"], int(r["since"])) == r["coalition"]
        assert coalition_of(r["member"], int(r["since"]) - 1) is None
        assert named(r["coalition"], None, None, int(r["since"])) is not None
    for r in read_table("actor_pairs.tsv"):
        assert {r["first"], r["second"]} <= names, r
        assert pair_order(r["second"], r["first"]) == (r["first"], r["second"])
        assert pair_order(r["first"], r["second"]) == (r["first"], r["second"])


def test_coalitions_a_name_does_not_run_on_past_a_full_stop() -> None:
    # "Karachi. Police" is a city, then the next sentence: no "Karachi police" actor that
    # would swallow the city's name.
    e = _event(
        "Rangers killed four BLA militants in a shootout as they hid in a house in Karachi. "
        "Police said the men had planned attacks on a bus terminal."
    )
    assert (e.country, e.admin1, e.location) == ("Pakistan", "Sindh", "Karachi")


def test_coalitions_a_one_word_alias_before_area_is_a_place() -> None:
    # "Shabak" is also a name of Israel's security service; "Shabak area in Kurram" is a
    # place in Pakistan.
    e = _event(
        "Troops killed nine militants in a search operation in Shabak area in Kurram on "
        "Sunday, a day after a soldier died in a roadside bombing."
    )
    assert e.country == "Pakistan"
    assert "Israel" not in f"{e.actor1} {e.actor2}"
