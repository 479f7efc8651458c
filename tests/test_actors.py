"""Actor mentions found by the dictionary and resolved by country and year (actors.py)."""

from __future__ import annotations

import re

import pytest

from eventwire.actors import (
    EXTERNAL,
    STATE,
    ActorMention,
    find_actor_mentions_in_tokens,
    resolve,
)


def _mentions(text: str) -> list[ActorMention]:
    """Dictionary mentions in ``text``, tokenised by a plain regex (no spaCy needed)."""
    toks = [(m.group(), m.start()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    found = find_actor_mentions_in_tokens([t for t, _ in toks], [o for _, o in toks])
    for m in found:
        assert text[m.start:m.end], m
    return found


def _first(text: str) -> ActorMention:
    found = _mentions(text)
    assert found, f"no actor in {text!r}"
    return found[0]


@pytest.mark.parametrize("alias", ["ISIS", "Daesh", "ISIL"])
def test_actors_islamic_state_aliases(alias: str) -> None:
    text = f"{alias} fighters attacked a checkpoint."
    m = _first(text)
    assert text[m.start:m.end].startswith(alias)
    assert resolve(m, None, None, 2024).name == "Islamic State"
    assert resolve(m, "Syria", "SY", 2024).name == "Islamic State (Syria)"


@pytest.mark.parametrize(("year", "name"), [
    (2026, "Military Forces of the United States (2025-)"),
    (2019, "Military Forces of the United States (2017-2021)"),
])
def test_actors_centcom_is_us_military_of_the_year(year: int, name: str) -> None:
    m = _first("CENTCOM said it struck a weapons depot.")
    actor = resolve(m, "Syria", "SY", year)
    assert actor.name == name
    assert actor.inter == EXTERNAL  # US forces acting in Syria are external (inter 8)


def test_actors_centcom_at_home_is_state() -> None:
    m = _first("CENTCOM said it struck a weapons depot.")
    assert resolve(m, "United States", "US", 2026).inter == STATE


def test_actors_regime_forces_take_event_country_and_year() -> None:
    m = _first("Regime forces shelled the village.")
    actor = resolve(m, "Syria", "SY", 2018)
    assert (actor.name, actor.inter, actor.country) == (
        "Military Forces of Syria (2000-2024)", STATE, "Syria")


def test_actors_gunmen_in_mali_are_unidentified_armed_group() -> None:
    m = _first("Gunmen opened fire on a bus.")
    assert resolve(m, "Mali", "ML", 2024).name == "Unidentified Armed Group (Mali)"


@pytest.mark.parametrize("text", [
    "What is happening in the north is alarming.",
    "Is the army ready, he asked.",
])
def test_actors_lowercase_is_is_not_islamic_state(text: str) -> None:
    names = [m.entry.name for m in _mentions(text) if m.entry is not None]
    assert "Islamic State" not in names


def test_actors_offsets_point_into_the_text() -> None:
    text = "Witnesses said Daesh militants and regime forces clashed."
    spans = [text[m.start:m.end] for m in _mentions(text)]
    assert spans == ["Daesh militants", "regime forces"]


def test_actors_possessive_names_match() -> None:
    import eventwire

    ev = eventwire.extract(
        "Fighters of the Lord's Resistance Army attacked a village near Obo on 3 May 2024, "
        "killing two people.").events[0]
    assert ev.actor1 == "LRA: Lords Resistance Army"


def test_actors_a_plain_phrase_names_a_group_only_at_home() -> None:
    import eventwire

    abroad = eventwire.extract(
        "Former rebels attacked a police post in Gao on 3 May 2024, killing two officers."
    ).events[0]
    home = eventwire.extract(
        "Former rebels attacked a checkpoint in Daraa on 3 May 2019, killing two soldiers."
    ).events[0]
    assert abroad.actor1 == "Unidentified Armed Group (Mali)"
    assert home.actor1 == "Former Opposition Rebels (Syria)"


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        ("Indian and Pakistani troops exchanged fire along the Line of Control in Poonch on "
         "Tuesday.", "Military Forces of India", "Military Forces of Pakistan"),
        ("Military forces of Armenia and Azerbaijan exchanged fire on the border on Monday.",
         "Military Forces of Armenia", "Military Forces of Azerbaijan"),
        ("Sudanese and South Sudanese soldiers clashed near Heglig on Monday.",
         "Military Forces of Sudan", "Military Forces of South Sudan"),
    ],
)
def test_actors_two_states_sharing_one_noun_are_two_sides(
    text: str, actor1: str, actor2: str
) -> None:
    """'Indian and Pakistani troops', 'military forces of Armenia and Azerbaijan': the
    dictionary names one; the other state, sharing the noun, is the other side."""
    import eventwire

    event = eventwire.extract(text, published="2024-03-05").events[0]
    assert (event.actor1 or "").startswith(actor1 + " (")
    assert (event.actor2 or "").startswith(actor2 + " (")
