"""Killed and injured counts read from real parses (coding/tolls.py)."""

from __future__ import annotations

import pytest

from eventwire.coding.frames import find_frames
from eventwire.coding.records import Toll
from eventwire.coding.tolls import find_tolls


def _by_kind(tolls: list[Toll]) -> dict[str, list[Toll]]:
    out: dict[str, list[Toll]] = {}
    for t in tolls:
        out.setdefault(t.kind, []).append(t)
    return out


def _only(tolls: list[Toll], kind: str) -> Toll:
    found = _by_kind(tolls).get(kind, [])
    assert len(found) == 1, tolls
    return found[0]


def test_counts_conjoined_victims_are_added(first_sentence) -> None:  # type: ignore[no-untyped-def]
    sent = first_sentence("Two soldiers and a police officer were killed in the raid.")
    t = _only(find_tolls(sent), "killed")
    assert (t.value, t.low, t.high) == (3, None, None)
    assert "injured" not in _by_kind(find_tolls(sent))
    text = sent.doc.text
    assert text[t.start:t.end].startswith("Two soldiers")


def test_counts_killing_and_wounding_more_are_separate(first_sentence) -> None:  # type: ignore[no-untyped-def]
    tolls = find_tolls(first_sentence(
        "Gunmen stormed the camp, killing 2 fighters and wounding three more."))
    assert _only(tolls, "killed").value == 2
    assert _only(tolls, "injured").value == 3  # never added to the killed


def test_counts_dozens_is_twelve(first_sentence) -> None:  # type: ignore[no-untyped-def]
    t = _only(find_tolls(first_sentence("Dozens were killed when the depot was shelled.")),
              "killed")
    assert t.value == 12


def test_counts_no_casualties_are_explicit_zeros(first_sentence) -> None:  # type: ignore[no-untyped-def]
    tolls = find_tolls(first_sentence("No casualties were reported after the blast."))
    assert _only(tolls, "killed").value == 0
    assert _only(tolls, "injured").value == 0


def test_counts_range_gives_low_and_high(first_sentence) -> None:  # type: ignore[no-untyped-def]
    t = _only(find_tolls(first_sentence("Between 5 and 10 people were killed in the clashes.")),
              "killed")
    assert (t.low, t.high, t.qualifier) == (5, 10, "range")


def test_counts_left_dead_and_wounded(first_sentence) -> None:  # type: ignore[no-untyped-def]
    tolls = find_tolls(first_sentence("The fighting left five dead and eleven wounded."))
    assert (_only(tolls, "killed").value, _only(tolls, "injured").value) == (5, 11)


def test_counts_injured_in_second_clause_counts_its_own_victims(first_sentence) -> None:  # type: ignore[no-untyped-def]
    tolls = find_tolls(first_sentence("12 civilians were killed and 30 others injured."))
    assert (_only(tolls, "killed").value, _only(tolls, "injured").value) == (12, 30)


def test_counts_at_least_is_a_qualifier(first_sentence) -> None:  # type: ignore[no-untyped-def]
    t = _only(find_tolls(first_sentence("At least 12 civilians were killed in the raid.")),
              "killed")
    assert (t.value, t.qualifier) == (12, "at least")


def test_counts_no_one_killed_is_only_zero(first_sentence) -> None:  # type: ignore[no-untyped-def]
    tolls = find_tolls(first_sentence("Residents said no one was killed."))
    killed = {t.value for t in tolls if t.kind == "killed"}
    assert killed == {0}  # "no one" is a zero, never one person


def test_counts_death_toll_rose_to(first_sentence) -> None:  # type: ignore[no-untyped-def]
    tolls = find_tolls(first_sentence("The death toll rose to 23, officials said."))
    assert [t.value for t in tolls if t.kind == "killed" and t.value is not None] == [23]


def test_counts_subject_of_died_is_counted(first_sentence) -> None:  # type: ignore[no-untyped-def]
    tolls = find_tolls(first_sentence("At least three members of the brigade died in the ambush."))
    t = _only(tolls, "killed")
    assert (t.value, t.qualifier) == (3, "at least")


def test_counts_succumbed_to_wounds(first_sentence) -> None:  # type: ignore[no-untyped-def]
    tolls = find_tolls(first_sentence("Two fighters succumbed to their wounds on Monday."))
    assert _only(tolls, "killed").value == 2


def test_counts_lost_fighters_are_killed(first_sentence) -> None:  # type: ignore[no-untyped-def]
    tolls = find_tolls(first_sentence("The militia lost four fighters in the battle."))
    assert _only(tolls, "killed").value == 4


def test_counts_failed_killing_counts_nobody(first_sentence) -> None:  # type: ignore[no-untyped-def]
    tolls = find_tolls(first_sentence("Gunmen tried to kill the mayor but failed."))
    assert [t for t in tolls if t.kind == "killed" and t.value] == []


def test_counts_subject_after_its_verb_is_the_victim(first_sentence) -> None:  # type: ignore[no-untyped-def]
    # A missing "that" makes spaCy read the victim as the subject of "killed".
    sent = first_sentence(
        "The army announced a drone strike in Baidoa on Monday killed Omar Jelle Farah.")
    assert _only(find_tolls(sent), "killed").value == 1


def test_counts_unknown_number_is_no_count(first_sentence) -> None:  # type: ignore[no-untyped-def]
    tolls = find_tolls(first_sentence("An unknown number of fighters were killed."))
    assert _only(tolls, "killed").value is None


@pytest.mark.parametrize(("text", "value", "rank"), [
    ("Unknown fatalities were coded as ten.", 10, "stated"),
    ("The fatalities are coded as10 for now.", 10, "stated"),
    ("Total fatalities of 42 were reported.", 42, "total"),
    ("Total number of fatalities is 12.", 12, "total"),
    ("The death toll climbed to 31.", 31, "stated"),
    ("An unknown number of soldiers, coded as 10, were killed.", 10, "stated"),
])
def test_counts_stated_totals(text: str, value: int, rank: str) -> None:
    from eventwire.coding.tolls import find_stated_totals

    found = find_stated_totals(text)
    assert [(t.value, t.qualifier) for t in found] == [(value, rank)]
    assert text[found[0].start:found[0].end].lower().replace(" ", "") in (str(value), "ten")


def test_counts_coded_needs_a_death_word() -> None:
    from eventwire.coding.tolls import find_stated_totals

    assert find_stated_totals("The message was coded as 10 blocks of text.") == []


def test_counts_total_outranks_a_coded_part() -> None:
    from eventwire.coding.tolls import find_stated_totals

    found = find_stated_totals(
        "Unknown rebel fatalities coded as 10, for a total of 14 fatalities.")
    top = max(found, key=lambda t: (t.qualifier == "total", t.start))
    assert top.value == 14


@pytest.mark.parametrize(("text", "injured"), [
    ("A nurse was shot in the leg outside the clinic.", 1),
    ("Two drivers were beaten by soldiers at the checkpoint.", 2),
    ("He was stabbed in the back by three men.", 1),
])
def test_counts_hurt_but_not_killed_is_injured(first_sentence, text: str, injured: int) -> None:  # type: ignore[no-untyped-def]
    tolls = find_tolls(first_sentence(text))
    assert _only(tolls, "injured").value == injured
    assert [t for t in tolls if t.kind == "killed" and t.value] == []


@pytest.mark.parametrize("text", [
    "The driver was shot and killed by gunmen.",
    "A guard was wounded and later died of his injuries.",
])
def test_counts_a_death_is_not_also_an_injury(first_sentence, text: str) -> None:  # type: ignore[no-untyped-def]
    tolls = find_tolls(first_sentence(text))
    assert _only(tolls, "killed").value == 1
    assert [t for t in tolls if t.kind == "injured" and t.value] == []


@pytest.mark.parametrize(("text", "killed"), [
    ("A field officer was ambushed and shot dead near the market.", 1),
    ("Project staff was shot dead outside the office.", 1),
    ("A nurse was attacked, stabbed and killed by two men.", 1),
    ("3 local staff of the partner agency killed in an ambush.", 3),
])
def test_counts_telegraphic_killings(first_sentence, text: str, killed: int) -> None:  # type: ignore[no-untyped-def]
    # "shot dead" may be read twice (the verb and "dead"): the same victims, one figure.
    values = {t.value for t in find_tolls(first_sentence(text)) if t.kind == "killed" and t.value}
    assert values == {killed}


def test_counts_vague_number_of_the_second_clause_is_its_own() -> None:
    # "14 killed and dozens wounded": the wounded are the dozens, not the 14 again.
    from eventwire.pipeline import extract

    (event, *_rest) = extract("At least 14 people were killed and dozens wounded when gunmen "
                              "stormed a church in Owo on 5 June 2022.").events
    assert (event.fatalities, event.injuries) == (14, 12)


@pytest.mark.parametrize(("text", "killed"), [
    ("Around 8 May 2021, in Tlaquepaque, a man was found dead beside a canal.", 1),
    ("Around 14 March 2022 (as reported), a farmer was found dead near Tepic.", 1),
    ("On 3 June, 2 soldiers were killed when rebels ambushed a patrol near Gao.", 2),
])  # fmt: skip
def test_counts_a_day_beside_its_month_is_no_count(first_sentence, text, killed) -> None:  # type: ignore[no-untyped-def]
    # The parser takes "8 May" for the subject of "found dead": the date is no toll.
    assert _only(find_tolls(first_sentence(text)), "killed").value == killed


@pytest.mark.parametrize(
    "text",
    [
        "Militiamen captured the hamlet of Dorowa before dawn. Neither deaths nor injuries "
        "were reported.",
        "Militiamen captured the hamlet of Dorowa before dawn. There were no reported deaths "
        "or injuries.",
        "Militiamen captured the hamlet of Dorowa before dawn. Nobody was killed or wounded.",
        "Militiamen captured the hamlet of Dorowa before dawn. None of the villagers were "
        "hurt or killed.",
    ],
)
def test_counts_harm_denied_tells_no_killing(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    """Every word of a denied toll, the second of a pair included, tells no harm done."""
    frames = find_frames(nlp(text), [], [], [])
    told = {h.entry.cls for f in frames for h in f.triggers}
    assert "territory" in told
    assert not told & {"kill", "injure"}, told


def test_counts_harm_beside_a_denial_is_still_told(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Militiamen captured the hamlet of Dorowa and killed two farmers. Nobody was hurt "
              "in the next village.")
    told = {h.entry.cls for f in find_frames(doc, [], [], []) for h in f.triggers}
    assert "kill" in told
