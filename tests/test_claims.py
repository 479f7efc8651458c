"""Campaign figures and other numeric statements (claims.py), on invented sentences."""

from __future__ import annotations

import pytest

from eventwire.actors import find_actor_mentions
from eventwire.claims import find_claims
from eventwire.people import find_people
from eventwire.quotes import find_quotes


def _claims(nlp, text: str, context=(None, None, None)):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    actors = find_actor_mentions(doc)
    quotes = find_quotes(doc, actors, find_people(doc, actors))
    claims = find_claims(doc, actors, quotes, "2025-06-01", context)
    for c in claims:
        for spans in c.evidence.values():
            for s in spans:
                assert text[s.start : s.end] == s.text
    return claims


def test_claims_running_total_with_qualifier_period_and_claimant(nlp) -> None:  # type: ignore[no-untyped-def]
    (c,) = _claims(nlp, "The army said its troops had arrested more than 400 suspected "
                        "smugglers since the start of the year.")
    assert (c.value, c.qualifier, c.counted, c.action) == (
        400, "more than", "suspected smugglers arrested", "arrest")
    assert c.period == "since the start of the year"
    assert c.claimant == "army" and c.report_date == "2025-06-01"
    assert c.evidence["value"][0].text == "more than 400"


def test_claims_event_nouns_are_counted_themselves(nlp) -> None:  # type: ignore[no-untyped-def]
    (c,) = _claims(nlp, "Russian forces have carried out about 300 airstrikes on Idlib "
                        "province in the past month.", ("Syria", "SY", 2025))
    assert (c.value, c.qualifier, c.action) == (300, "about", "airstrike")
    assert c.counted.startswith("airstrikes on Idlib")
    assert c.actor is not None and c.actor.startswith("Military Forces of Russia")
    assert c.period == "in the past month"


@pytest.mark.parametrize("text, want", [
    ("Between 200 and 250 fighters have been killed in the fighting since March.",
     (200, 200, 250, "range")),
    ("Security forces have detained 30-40 activists each year.", (30, 30, 40, "range")),
    ("Nearly 1.5 million people have fled their homes since the war began.",
     (1_500_000, None, None, "nearly")),
    ("Tens of thousands of people have been displaced since January.",
     (10_000, None, None, "at least")),
    ("Up to 60 villages have been burned in recent months.", (60, None, None, "up to")),
])
def test_claims_number_readings(nlp, text: str, want) -> None:  # type: ignore[no-untyped-def]
    (c,) = _claims(nlp, text)
    assert (c.value, c.low, c.high, c.qualifier) == want


def test_claims_one_figure_told_twice_is_one_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The campaign has included over 200 strikes on militant hideouts in the past year. "
            "Officials said coalition jets had conducted strikes on more than 200 hideouts "
            "since the campaign began.")
    (c,) = _claims(nlp, text)
    assert (c.value, c.qualifier, c.action) == (200, "more than", "strike")
    assert len(c.evidence["value"]) == 2  # both tellings are evidence
    assert c.claimant == "Officials"


def test_claims_strength_of_a_force(nlp) -> None:  # type: ignore[no-untyped-def]
    (c,) = _claims(nlp, "The group is believed to have about 2,000 fighters in the hills.")
    assert (c.value, c.qualifier, c.counted) == (2000, "about", "fighters")


def test_claims_the_speakers_side_is_the_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('"We have destroyed more than 30 bomb factories since January," army spokesman '
            'Samuel Ochieng said.')
    (c,) = _claims(nlp, text, ("Kenya", "KE", 2025))
    assert c.claimant == "Samuel Ochieng"
    assert c.actor is not None and c.actor.startswith("Military Forces of Kenya")


@pytest.mark.parametrize("text", [
    # One event's toll, a date, money, a share, an age and an ordinal are no claims.
    "A car bomb killed 23 people and wounded more than 40 in Mogadishu on Saturday.",
    "On 12 March 2024 the convoy left Gao with 40 trucks of food.",
    "The ministry paid $5 million in compensation, 20 percent more than last year.",
    "The 32-year-old was the third journalist detained this year.",
    "Gunmen killed three farmers in two attacks near Katsina on Friday.",
])
def test_claims_single_events_and_other_numbers_give_none(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _claims(nlp, text) == []


def test_claims_period_of_another_clause_is_not_taken(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "More than 3,000 people have been killed since April, the agency "
                          "said, adding that up to 800 refugees had crossed into Chad.")
    by_value = {c.value: c for c in claims}
    assert by_value[3000].period == "since April"
    assert by_value[800].period is None


def test_claims_some_before_a_number_is_about(nlp) -> None:  # type: ignore[no-untyped-def]
    (c,) = _claims(nlp, "Since January, police in Kano have arrested some 1,400 suspected "
                        "kidnappers, the commissioner said.")
    assert (c.value, c.qualifier) == (1400, "about")
    assert c.evidence["value"][0].text == "some 1,400"


@pytest.mark.parametrize("text, period", [
    ("More than 900 civilians were killed in the first three months of the year, the "
     "monitors said.", "in the first three months"),
    ("Soldiers detained 1,850 people during a week of unrest in the capital, officials "
     "said.", "during a week of unrest"),
])
def test_claims_periods_first_months_and_weeks_of(nlp, text: str, period: str) -> None:  # type: ignore[no-untyped-def]
    (c,) = _claims(nlp, text)
    assert c.period is not None and c.period.startswith(period)
    assert "in the capital" not in c.period


def test_claims_nouns_joined_by_and_are_one_count(nlp) -> None:  # type: ignore[no-untyped-def]
    (c,) = _claims(nlp, "The rebels have fired more than 70 rockets and mortars at the "
                        "airport since May.")
    assert c.value == 70 and c.counted.startswith("rockets and mortars")


def test_claims_our_fighters_are_the_speakers_group(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('"Our fighters have seized 25 army trucks since January," said Ali Osman, a '
            'spokesman for Al Shabaab.')
    (c,) = _claims(nlp, text, ("Somalia", "SO", 2025))
    assert c.claimant == "Ali Osman"
    assert c.actor is not None and c.actor.startswith("Al Shabaab")
