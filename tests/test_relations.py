"""Typed relations between actors (relations.py), on invented sentences."""

from __future__ import annotations

import pytest

from eventwire.actors import find_actor_mentions
from eventwire.people import find_people
from eventwire.relations import find_relations


def _relations(nlp, text: str, context=(None, None, None)):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    actors = find_actor_mentions(doc)
    rels = find_relations(doc, actors, find_people(doc, actors), context)
    for r in rels:
        for spans in r.evidence.values():
            for s in spans:
                assert text[s.start : s.end] == s.text
    return [(r.source, r.relation, r.target) for r in rels], rels


def test_relations_compound_affiliation_keeps_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    got, rels = _relations(nlp, "The strike killed Abu Khalid al-Shami, an al-Qaeda-affiliated "
                                "commander directly connected to the ISIS gunman behind the "
                                "Raqqa bombing.")
    assert got == [("Abu Khalid al-Shami", "affiliated_with", "Al Qaeda"),
                   ("Abu Khalid al-Shami", "linked_to", "ISIS gunman")]
    assert (rels[0].source_type, rels[0].source_role, rels[0].target_type) == (
        "person", "commander", "group")
    assert rels[1].target_type == "unnamed"
    assert [s.text for s in rels[0].evidence["relation"]] == ["affiliated"]


@pytest.mark.parametrize("text, want", [
    ("Iran-backed Kataib Hezbollah fired rockets at the base.",
     ("Kataib Hezbollah", "allied_with", "Iran")),
    ("Yusuf Hamdan, a senior commander of Hayat Tahrir al-Sham, was wounded.",
     ("Yusuf Hamdan", "leader_of", "HTS: Hayat Tahrir al Sham")),
    ("Ibrahim Musa is a member of the Turkistan Islamic Party.",
     ("Ibrahim Musa", "member_of", "TIP: Turkistan Islamic Party")),
    ("The Hamza Division, a faction of the Syrian National Army, shelled the village.",
     ("Hamza Division - Aleppo", "part_of", "JWS: Syrian National Army")),
    ("Hezbollah, Iran's closest ally in the region, fired rockets on Monday.",
     ("Hezbollah", "allied_with", "Iran")),
    ("JNIM has fought a bloody war with its rival, the Islamic State Sahel Province, since 2020.",
     ("JNIM: Group for Support of Islam and Muslims", "opposed_to",
      "Islamic State Sahel Province")),
])
def test_relations_types_from_patterns(nlp, text: str, want) -> None:  # type: ignore[no-untyped-def]
    got, _ = _relations(nlp, text, (None, None, 2025))
    assert want in got


def test_relations_passive_leadership_turns_round(nlp) -> None:  # type: ignore[no-untyped-def]
    got, _ = _relations(nlp, "Ansar Dine, led by Iyad Ag Ghaly, took the town.")
    assert ("Iyad Ag Ghaly", "leader_of", "Ansar Dine") in got


def test_relations_role_before_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    got, _ = _relations(nlp, "Hamas spokesman Hazem Qassem said talks had stalled.")
    assert got == [("Hazem Qassem", "member_of", "Hamas Movement")]


def test_relations_one_tie_told_twice_is_one_relation(nlp) -> None:  # type: ignore[no-untyped-def]
    _, rels = _relations(nlp, "Omar Diallo has links to al-Qaeda. Prosecutors say Omar Diallo "
                              "is linked to al-Qaeda.")
    assert [(r.source, r.relation, r.target) for r in rels] == [
        ("Omar Diallo", "linked_to", "Al Qaeda")]
    assert len(rels[0].evidence["relation"]) == 2


@pytest.mark.parametrize("text", [
    # Denials, indefinite descriptions, nationalities and non-actors tie nothing.
    "The army denied any links to the militia.",
    "Nabil Saleh said his client had no connection to Hezbollah.",
    "Police arrested an al-Qaeda-linked suspect at the border.",
    "The new road is linked to the port by a bridge.",
    "A Ugandan-led team of engineers repaired the bridge.",
])
def test_relations_negatives_give_nothing(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    got, _ = _relations(nlp, text)
    assert got == []
