"""Persons with their roles and organisations (people.py), on invented sentences."""

from __future__ import annotations

from eventwire.actors import find_actor_mentions
from eventwire.people import find_people, headline_lines, last_person_before


def _people(nlp, text: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return find_people(doc, find_actor_mentions(doc))


def test_people_role_and_organisation_before_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    (p,) = _people(nlp, "Hezbollah commander Ali Karaki was killed in the strike.")
    assert (p.name, p.role, p.organisation, p.relation) == (
        "Ali Karaki", "commander", "Hezbollah", "leader_of")
    assert p.role_span is not None and p.org_span is not None


def test_people_modifier_joins_the_role(nlp) -> None:  # type: ignore[no-untyped-def]
    (p,) = _people(nlp, "Former President Yahya Jammeh left the country in 2017.")
    assert (p.name, p.role) == ("Yahya Jammeh", "former president")


def test_people_function_in_apposition_beats_a_rank(nlp) -> None:  # type: ignore[no-untyped-def]
    people = _people(nlp, "Colonel Assimi Sangare, the army spokesman, said the road was open.")
    assert [(p.name, p.role, p.organisation) for p in people] == [
        ("Assimi Sangare", "spokesman", "army")]


def test_people_apposition_names_role_and_group(nlp) -> None:  # type: ignore[no-untyped-def]
    (p,) = _people(nlp, "Musa Konate, a member of Ansar Dine, was arrested on Monday.")
    assert (p.role, p.relation) == ("member", "member_of")
    assert p.organisation is not None and "Ansar Dine" in p.organisation


def test_people_surname_alone_takes_the_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    people = _people(nlp, "Police chief Grace Atieno spoke on Monday. Atieno said two men "
                          "were detained.")
    assert [p.name for p in people] == ["Grace Atieno", "Grace Atieno"]
    assert people[1].role == "police chief"


def test_people_courtesy_title_is_not_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    (p,) = _people(nlp, "Mr Kiprono told reporters the camp had been attacked.")
    assert p.name == "Kiprono" and p.role is None


def test_people_headline_names_are_skipped() -> None:
    text = "Army Says Gunmen Killed Aid Worker\nThe army said on Monday that gunmen killed him."
    assert headline_lines(text) == [(0, text.index("\n"))]


def test_people_group_inside_a_name_is_not_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # "al-Shabaab" ends the name as a family name would, but it heads no one here.
    people = _people(nlp, "Fighters of al-Shabaab attacked the base at dawn.")
    assert people == []


def test_people_last_person_before_is_what_he_refers_to(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Joseph Kabila met Governor Ruth Amani in Goma. He said the talks went well."
    people = _people(nlp, text)
    assert last_person_before(people, text.index("He said")).name == "Ruth Amani"
    assert last_person_before(people, 0) is None
