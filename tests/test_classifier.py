"""The classifier beside the rule cards (coding/learned.py), on text it never trained on.

The news-register batches (tests/news_batches/, written for the project and scored
blind once each) hold the coder to floors; the texts below show each part of the
classifier's say: what it drops, what it rescues, what it leaves to the cards.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path

import pytest

import eventwire
from eventwire.articles import read_article
from eventwire.coding.classification import certain_cards
from eventwire.coding.learned import ModelDecider, Policy
from eventwire.coding.model import load_model_dir
from eventwire.options import Options
from eventwire.pipeline import FINDING_STAGES, code_articles, stage_events
from eventwire.training import weighted_f1

BATCHES = Path(__file__).resolve().parent / "news_batches"


def _score(options: Options) -> tuple[float, float]:
    """(sub-event weighted F1 over the reports of an event, share of the texts of no event
    left quiet) over all the batches, each text coded as one article."""
    pairs: list[tuple[str, str]] = []
    quiet: list[bool] = []
    for path in sorted(BATCHES.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            events = eventwire.extract(row["text"], options=options).events
            if row["sub_event_type"]:
                pairs.append((row["sub_event_type"], events[0].sub_event_type if events else "-"))
            else:
                quiet.append(not events)
    return weighted_f1(pairs), sum(quiet) / len(quiet)


def test_classifier_news_batches_meet_their_floors() -> None:
    f1, quiet = _score(Options())
    # Measured 2026-12-06 over the three batches: F1 0.92, quiet 0.81 (stop 17); F1 0.935,
    # quiet 0.867 after the corpus grew to 8,878 texts (stop 18); F1 0.937, quiet 0.84 with
    # 9,192 texts (stop 19). Over the four (the fourth written at stop 19, scored blind at
    # F1 0.896, quiet 0.84): F1 0.93, quiet 0.84; 0.926 and 0.83 with 9,282 texts (the
    # bodies found); the quiet floor leaves a text or two of margin. Over the five (the
    # fifth written at stop 26, scored blind at F1 0.926, quiet 1.00): F1 0.918, quiet
    # 0.87 with 10,744 texts. Over the six (the sixth written at stop 28, scored blind at
    # F1 0.900, quiet 0.88): F1 0.914, quiet 0.867 with 10,924 texts; F1 0.915, quiet
    # 0.873 with 11,104 (stop 29). Over the seven (the seventh written at stop 29, scored
    # blind at F1 0.800, quiet 0.76): F1 0.909, quiet 0.857; 0.909 and 0.851 after the
    # named areas. Over the eight (the eighth written at stop 30, scored blind at F1 0.817,
    # quiet 0.64): F1 0.913, quiet 0.845 with 11,304 texts (the bases). Over the nine (the
    # ninth written at stop 34, scored blind at F1 0.824, quiet 1.00): F1 0.905, quiet 0.90.
    # Over the ten (the tenth written at stop 35, scored blind at F1 0.907, quiet 0.72):
    # F1 0.907, quiet 0.888; quiet 0.892 after the private matters (stop 35). Over the
    # eleven (the eleventh written at stop 36, scored blind at F1 0.839, quiet 0.76): F1
    # 0.904, quiet 0.887.
    # The cards alone: 0.71 and 0.61 over the three; 0.70 and 0.62 over the five; 0.70 and
    # 0.59 over the six; 0.69 and 0.57 over the seven; 0.70 and 0.62 over the eight; 0.70
    # and 0.70 over the nine; 0.70 and 0.70 over the ten; 0.69 and 0.68 over the eleven.
    assert f1 >= 0.90
    assert quiet >= 0.82


def test_classifier_beats_the_cards_alone_on_news() -> None:
    with_model, quiet_model = _score(Options())
    cards, quiet_cards = _score(Options(use_model=False))
    assert with_model >= cards + 0.15
    assert quiet_model > quiet_cards


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # No trigger word the lexicon knows: the model reads the whole text.
        ("On 2 March 2024, ceasefire monitors recorded 40 bursts of heavy machine-gun fire "
         "near the village of Krasnyi Lyman.", "Armed clash"),
        # Party factions fighting are a mob, not a demonstration (ACLED's codebook).
        ("Two factions of the ruling party's student wing fought with sticks and bricks on "
         "the campus of a college in Rajshahi on Monday; eleven were hurt.", "Mob violence"),
    ],
)
def test_classifier_decides_what_the_cards_get_wrong_or_miss(text: str, sub: str) -> None:
    events = eventwire.extract(text, published="2024-03-05").events
    assert events and events[0].sub_event_type == sub
    assert (events[0].classified_by or "").startswith("model:")


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("On 3 May 2021, in Culiacan, Sinaloa, the body of a man was found in a drainage "
         "canal with his hands bound with tape. No cause of death was given.", "Attack"),
        ("The body of a taxi driver who went missing on Friday was found in a ravine near "
         "Tegucigalpa on Monday with his hands tied. Police said they had no suspects.",
         "Attack"),
        ("Residents of a village near Butembo discovered the decapitated body of a farmer on "
         "Sunday, 2 May 2021, local officials said.", "Attack"),
        ("Forensic teams exhumed the remains of 42 people from a mass grave near Tarhuna on 2 "
         "May 2021; they are believed to have been killed in 2019 and 2020.", "Other"),
        ("A hiker was found dead in the Drakensberg on Sunday, 2 May 2021, after going "
         "missing in bad weather, rescuers said.", None),
    ],
)
def test_classifier_a_body_found_killed_is_an_attack(text: str, sub: str | None) -> None:
    """ACLED codes a person found killed (bound, dumped, beheaded) as an attack by an
    unidentified armed group, however little the text says of the cause; an old mass
    grave as Other; a death in the mountains as nothing."""
    events = eventwire.extract(text, published="2021-05-04").events
    assert (events[0].sub_event_type if events else None) == sub
    if sub == "Attack":
        assert (events[0].actor1 or "").startswith("Unidentified Armed Group (")


def test_classifier_leaves_a_certain_card_its_verdict() -> None:
    events = eventwire.extract(
        "A suicide bomber blew himself up at a checkpoint outside Mogadishu on Monday, "
        "killing four soldiers.", published="2024-03-05",
    ).events
    assert events[0].classified_by == "rule:suicide_bomb"


@pytest.mark.parametrize(
    "text",
    [
        "A gas explosion at a restaurant in the capital killed three people on Friday, "
        "firefighters said.",
        "A bus plunged into a ravine in Nepal on Sunday, killing 23 passengers.",
    ],
)
def test_classifier_drops_what_the_cards_took_for_an_event(text: str) -> None:
    cards = eventwire.extract(text, published="2024-03-05", options=Options(use_model=False))
    assert cards.events, "the cards alone code an event here"
    assert eventwire.extract(text, published="2024-03-05").events == []
    assert Policy().drop_event < Policy().drop_long <= Policy().drop_strong


def test_classifier_says_which_decided_and_weighs_its_confidence() -> None:
    events = eventwire.extract(
        "Fighter jets bombed a market in the town of Maaret al-Numan on Sunday, killing "
        "nine people, rescuers said.", published="2024-03-05",
    ).events
    decided = Counter((e.classified_by or "").split(":")[0] for e in events)
    assert decided["model"] >= 1
    main = events[0]
    prob = float(main.classified_by.split(" ")[1])
    assert 0.0 < main.confidence <= 1.0 and abs(main.confidence - prob) < 0.5


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # Fighting with no word of ground taken stays a battle, whatever the model thinks.
        ("Regime forces fought rebel factions around the textile mills north of Kafr Nabudah "
         "on Friday; neither side reported losses.", "Armed clash"),
        # Ground taken by a state's army: the card reads who gained it.
        ("Syrian army units seized a network of Islamic State tunnels outside Deir Hafer on "
         "Friday.", "Government regains territory"),
        # Ground the cards did not see taken: who took it says which.
        ("Somali troops pushed al-Shabaab fighters out of the town of Badhaadhe on Friday "
         "after two days of fighting.", "Government regains territory"),
        ("Rebels drove government troops out of the town of Kitchanga on Friday after heavy "
         "fighting.", "Non-state actor overtakes territory"),
    ],
)
def test_classifier_leaves_who_gained_ground_to_the_cards(text: str, sub: str) -> None:
    events = eventwire.extract(text, published="2018-03-05").events
    assert events and events[0].sub_event_type == sub


@pytest.mark.parametrize(
    "text",
    [
        # The cards read a battle from the words of two-way fire; the model's attack (a man
        # shot dead) yields to them, whoever died.
        "Officers went to the hillside community to seize drugs. An intense shootout followed "
        "and a young man was shot dead.",
        "Gunmen on motorbikes stopped a patrol near the market; the two sides exchanged fire "
        "for twenty minutes and a man was killed.",
        # Men of a force seized are a battle (the cards); people kept from entering a town
        # hand over no ground, whatever the model makes of "town" and "entering".
        "Unidentified gunmen kidnapped two army soldiers in the town of Nawa, with neither "
        "injuries nor fatalities reported. In response, the army sealed the town and "
        "prevented people from leaving or entering it.",
        "Gunmen abducted two policemen on the road into the town of Dael; the army then "
        "barred anyone from entering the town.",
    ],
)
def test_classifier_keeps_the_battle_the_cards_read(text: str) -> None:
    events = eventwire.extract(text, published="2019-04-02").events
    assert events and events[0].sub_event_type == "Armed clash", [
        (e.sub_event_type, e.classified_by) for e in events]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # A party the dictionary lacks is no armed side: its councillor is a civilian.
        ("Suspected militants shot dead a municipal councillor of the MPP in a village near "
         "Djibo on Sunday.", "Attack"),
        # A name the dictionary lacks that says it fights is an armed side hit.
        ("Gunmen killed two members of the Hamza Battalions near the town of Marea on "
         "Sunday.", "Armed clash"),
    ],
)
def test_classifier_an_unknown_name_is_armed_only_when_it_says_so(text: str, sub: str) -> None:
    events = eventwire.extract(text, published="2020-05-01").events
    assert events and events[0].sub_event_type == sub, [
        (e.sub_event_type, e.actor2, e.classified_by) for e in events]


def test_classifier_a_catch_all_development_does_not_replace_a_card_unless_sure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """"Other" and "Change to group/activity" are ACLED's catch-alls: the model reaches for
    them when nothing fits well, so under ``defer_residual`` the card's verdict stands."""
    text = ("On 5 December 2023, members of an opposition party held a rally in Bhola against "
            "the election date announced by the commission on 15 November. The opposition has "
            "been demanding that the government hand power to a caretaker administration.")
    ev = eventwire.extract(text, published="2023-12-10").events[0]
    assert (ev.sub_event_type, ev.classified_by) == ("Peaceful protest", "rule:peaceful_protest")
    monkeypatch.setattr(Policy, "defer_residual", 0.0)
    ev = eventwire.extract(text, published="2023-12-10").events[0]
    assert ev.sub_event_type in ("Other", "Change to group/activity")


def _coded_with(text: str, policy: Policy) -> str | None:
    """The main event's sub-event type, the bundled model deciding under ``policy``."""
    decide = ModelDecider(load_model_dir(), certain_cards(), policy)
    stages = (*FINDING_STAGES, ("events", functools.partial(stage_events, decide=decide)))
    article = read_article(text, published="2019-03-05")
    ((_, work),) = list(code_articles([article], Options(), stages))
    assert work is not None
    return work.events[0].sub_event_type if work.events else None


def test_classifier_shells_fired_within_named_clashes_stay_the_battle_unless_sure() -> None:
    # The text names the fighting first; the model leans to the shelling told in it
    # (0.59 when written). Deferring to the clash card up to a bar above that keeps the
    # battle; with no bar, or the default one under it, the model's shelling stands.
    text = ("On 3 March 2019, fighting took place between rebels and the YPG north of Tal "
            "Rifaat after a YPG raid. In the course of the fighting, the YPG fired artillery "
            "rounds and rockets at Marea, and shells fell near the town's hospital and a "
            "school without damage. No advances and no casualties were reported.")
    assert _coded_with(text, Policy(defer_in_fight=0.0)) == "Shelling/artillery/missile attack"
    assert _coded_with(text, Policy(defer_in_fight=0.7)) == "Armed clash"
    assert Policy().defer_in_fight == 0.5
