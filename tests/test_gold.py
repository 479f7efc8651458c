"""The gold set, scored per field against pinned floors, so quality can only move up.

``python tests/goldscore.py`` prints the same table; raise a floor in
``tests/gold/floors.json`` when a change lifts a score (never lower one to pass).
"""

from __future__ import annotations

import pytest

import goldscore
from eventwire.lexicon import taxonomy


@pytest.fixture(scope="module")
def gold_tallies() -> dict[str, goldscore.Tally]:
    """Every metric, computed once for the module (the spaCy model loads once)."""
    return goldscore.evaluate()


@pytest.fixture(scope="module")
def types_tallies() -> dict[str, goldscore.Tally]:
    """Every metric of the second set (the weak types and a careful reader's habits)."""
    return goldscore.evaluate(goldscore.GOLD_TYPES)


def test_gold_floors_cover_every_metric() -> None:
    floors = goldscore.load_floors()
    assert set(floors) == set(goldscore.METRICS)
    assert all(0.0 <= v <= 1.0 for v in floors.values())


def test_gold_set_is_well_formed() -> None:
    items = goldscore.load_gold()
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids)) == 95
    for it in items:
        assert it["text"].strip(), it["id"]
        for ev in it["events"]:
            assert ev.get("event_type") and ev.get("sub_event_type"), it["id"]


def test_gold_types_set_is_well_formed() -> None:
    items = goldscore.load_gold(goldscore.GOLD_TYPES)
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids)) >= 130
    assert set(goldscore.load_floors(goldscore.FLOORS_TYPES)) == set(goldscore.METRICS)
    subs = {ev["sub_event_type"] for it in items for ev in it["events"]}
    # Every ACLED sub-event type but the best coded one, which gold.jsonl holds plenty of.
    assert set(taxonomy()) - subs == {"Peaceful protest"}
    for it in items:
        assert it["text"].strip(), it["id"]


@pytest.mark.parametrize("metric", goldscore.METRICS)
def test_gold_types_metric_meets_floor(
    types_tallies: dict[str, goldscore.Tally], metric: str
) -> None:
    floors = goldscore.load_floors(goldscore.FLOORS_TYPES)
    got = types_tallies[metric].score
    assert got >= floors[metric], (
        f"{metric} fell to {got:.3f} (floor {floors[metric]:.2f})\n"
        + goldscore.table(types_tallies, floors)
    )


@pytest.mark.parametrize("metric", goldscore.METRICS)
def test_gold_metric_meets_floor(gold_tallies: dict[str, goldscore.Tally], metric: str) -> None:
    floors = goldscore.load_floors()
    got = gold_tallies[metric].score
    assert got >= floors[metric], (
        f"{metric} fell to {got:.3f} (floor {floors[metric]:.2f})\n"
        + goldscore.table(gold_tallies, floors)
    )


def test_gold_scoring_counts_as_documented() -> None:
    """The scorer itself, on two hand-made items (so a scoring bug cannot hide a regression)."""
    from eventwire import Event

    items = [
        {"id": "a", "text": "x", "events": [
            {"event_type": "Battles", "sub_event_type": "Armed clash",
             "actor1": "Military Forces of Kenya (2022-)", "location": "Tana Delta",
             "event_date": "2024-01-02", "time_precision": 1, "fatalities": 4},
            {"event_type": "Battles", "sub_event_type": "Armed clash"}]},
        {"id": "b", "text": "y", "events": []},
    ]
    preds = {
        "a": [Event(event_type="Battles", sub_event_type="Armed clash",
                    actor1="military forces of kenya (2013-2022)", location="Tana-Delta",
                    event_date="2024-01-03", fatalities=4)],
        "b": [Event(event_type="Riots", sub_event_type="Mob violence")],
    }
    t = goldscore.score(items, preds)
    assert (t["detected"].score, t["actor1"].score, t["location"].score) == (1.0, 1.0, 1.0)
    assert t["event_date"].score == 0.0 and t["fatalities"].score == 1.0
    assert t["event_count"].score == 0.0 and t["no_event_quiet"].score == 0.0
    assert (t["multi_event_recall"].hits, t["multi_event_recall"].total) == (1, 2)
