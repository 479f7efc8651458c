"""Quotations and reported speech with their speakers (quotes.py), on invented text."""

from __future__ import annotations

import pytest

from eventwire.actors import find_actor_mentions
from eventwire.people import find_people
from eventwire.quotes import find_quotes, quote_marks


def _quotes(nlp, text: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    actors = find_actor_mentions(doc)
    quotes = find_quotes(doc, actors, find_people(doc, actors))
    for q in quotes:  # every span points into the text
        for spans in q.evidence.values():
            for s in spans:
                assert text[s.start : s.end] == s.text
    return quotes


def _direct(quotes):  # type: ignore[no-untyped-def]
    return [(q.speaker, q.text) for q in quotes if q.direct]


def test_quotes_speaker_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(nlp, 'Army spokesman Onyema Eze said in a statement, "The bandits have '
                          'been pushed out of the forest and the roads are safe again."')
    (q,) = [q for q in quotes if q.direct]
    assert (q.speaker, q.role, q.organisation, q.attribution) == (
        "Onyema Eze", "spokesman", "Army", "before")
    assert q.text.startswith("The bandits") and q.text.endswith("safe again.")
    assert q.evidence["cue"][0].text == "said"


def test_quotes_speaker_named_after_inverted(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(nlp, '"We counted eleven bodies near the well," said Halima Idris, a nurse '
                          'at the clinic.')
    assert _direct(quotes) == [("Halima Idris", "We counted eleven bodies near the well")]
    assert quotes[0].attribution == "after"


def test_quotes_pronoun_is_the_last_person_named(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(nlp, 'Governor Babagana Zulum visited the camp on Sunday. "Nobody will be '
                          'forgotten here," he said.')
    (q,) = [q for q in quotes if q.direct]
    assert (q.speaker, q.attribution) == ("Babagana Zulum", "pronoun")
    assert [s.text for s in q.evidence["speaker"]] == ["he", "Babagana Zulum"]


def test_quotes_pronoun_with_nobody_named_is_the_last_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(nlp, 'The district commissioner said schools would stay closed. "Parents '
                          'must keep their children at home," she added.')
    assert [q.speaker for q in quotes] == ["district commissioner"] * 2


def test_quotes_unattributed_quote_continues_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(nlp, '"The attackers came at night," said Pastor John Dauda. "They burned '
                          'the church and the school."')
    assert [(q.speaker, q.attribution) for q in quotes if q.direct] == [
        ("John Dauda", "after"), ("John Dauda", "continued")]


def test_quotes_curly_and_single_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    curly = _quotes(nlp, "“We have no water and no food left,” said Amina Yusuf.")
    single = _quotes(nlp, "'The rebels' positions were shelled all night,' said Captain Ali "
                          "Bashir.")
    assert _direct(curly) == [("Amina Yusuf", "We have no water and no food left")]
    assert _direct(single) == [("Ali Bashir", "The rebels' positions were shelled all night")]


def test_quotes_indirect_speech_is_flagged(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(nlp, "Gunmen killed three farmers near Katsina on Friday, police said. The "
                          "ministry stated that patrols had been increased.")
    assert [(q.speaker, q.direct, q.text) for q in quotes] == [
        ("police", False, "Gunmen killed three farmers near Katsina on Friday"),
        ("ministry", False, "patrols had been increased"),
    ]


def test_quotes_according_to_gives_the_source(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(nlp, 'According to the Syrian Observatory for Human Rights, the convoy was '
                          '"hit twice by drones" before dawn.')
    (q,) = quotes
    assert (q.speaker, q.direct, q.partial, q.attribution) == (
        "Syrian Observatory for Human Rights", True, True, "according_to")


@pytest.mark.parametrize("text", [
    'The so-called "security zone" was widened on Monday.',
    'Residents call the checkpoint the "gate of fear" and avoid it.',
    "The market reopened on Tuesday and traders returned to their stalls.",
])
def test_quotes_scare_quotes_and_plain_prose_give_nothing(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(nlp, text) == []


def test_quotes_denial_without_a_clause_is_not_speech(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(nlp, "The militia denied targeting civilians in the village.") == []


def test_quotes_marks_over_paragraphs_and_apostrophes() -> None:
    text = ('He said:\n"We will stay until the area is safe and the people are back.\n'
            '"Nobody will leave," he said.\nThe rebels\' camp was empty.')
    marks = quote_marks(text)
    assert len(marks) == 2
    first_open, first_close = marks[0]
    assert text[first_close] == "\n"  # left open: runs to the end of its paragraph
    assert text[marks[1][0] + 1 :].startswith("Nobody")
