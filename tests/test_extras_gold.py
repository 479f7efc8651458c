"""The claims, quotes and relations gold set, scored per item type against pinned floors.

``python tests/extrascore.py`` prints the same table (``--misses`` shows what went wrong);
raise a floor in ``tests/extras_gold/floors.json`` when a change lifts a score.
"""

from __future__ import annotations

import pytest

import extrascore
from eventwire import Claim, Quote, Relation, Span


@pytest.fixture(scope="module")
def extras_tallies() -> dict[str, extrascore.PR]:
    """Every metric, computed once for the module (the spaCy model loads once)."""
    return extrascore.evaluate()


def test_extras_gold_floors_cover_every_metric() -> None:
    floors = extrascore.load_floors()
    want = {f"{m}.{kind}" for m in extrascore.METRICS for kind in ("precision", "recall")}
    assert set(floors) == want
    assert all(0.0 <= v <= 1.0 for v in floors.values())


def test_extras_gold_set_is_well_formed() -> None:
    items = extrascore.load_gold()
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids)) and len(ids) >= 40
    relations = {"affiliated_with", "member_of", "leader_of", "linked_to", "allied_with",
                 "part_of", "opposed_to"}
    seen = set()
    for it in items:
        assert it["text"].strip(), it["id"]
        for q in it["quotes"]:
            assert q["text"] in it["text"], (it["id"], q["text"])
        for r in it["relations"]:
            assert r["relation"] in relations, (it["id"], r)
            seen.add(r["relation"])
        for c in it["claims"]:
            assert c["qualifier"] in ("exact", "at least", "more than", "less than", "nearly",
                                      "up to", "about", "range"), (it["id"], c)
    assert seen == relations  # every relation type is exercised
    assert sum(not (it["quotes"] or it["claims"] or it["relations"]) for it in items) >= 3


@pytest.mark.parametrize("metric", extrascore.METRICS)
def test_extras_gold_metric_meets_floors(
    extras_tallies: dict[str, extrascore.PR], metric: str
) -> None:
    floors = extrascore.load_floors()
    got = extras_tallies[metric]
    assert got.precision >= floors[f"{metric}.precision"] and got.recall >= floors[
        f"{metric}.recall"
    ], f"{metric} fell\n" + extrascore.table(extras_tallies, floors)


def _quote(text: str, speaker: str | None, direct: bool = True) -> Quote:
    q = Quote(text, speaker=speaker, direct=direct)
    q.evidence["speaker"] = [Span(0, 0, speaker or "")]
    return q


def test_extras_gold_scoring_counts_as_documented() -> None:
    """The scorer itself on hand-made items, so that a scoring bug cannot hide a regression."""
    items = [{
        "id": "a", "text": "t", "styles": [],
        "quotes": [{"text": "We will win", "speaker": "Ali Saleh|Saleh", "direct": True},
                   {"text": "the roads are open", "speaker": "police", "direct": False}],
        "claims": [{"value": 300, "qualifier": "more than", "low": None, "high": None,
                    "counted": "operatives captured", "period": "in the past year",
                    "claimant": "CENTCOM", "actor": None}],
        "relations": [{"source": "Abu Omar", "relation": "linked_to", "target": "Hamas"}],
    }]
    claim = Claim(300, "more than", counted="ISIS operatives captured",
                  period="over the past year", claimant="CENTCOM", actor="US forces")
    results = {"a": type("R", (), {
        "quotes": [_quote("'We will win,' he said", "Ali Saleh"),
                   _quote("the roads are open", "army", direct=False),
                   _quote("a third one", "nobody")],
        "claims": [claim, Claim(20, "exact", counted="killed")],
        "relations": [Relation("Hamas Movement", "linked_to", "Abu Omar",
                               evidence={"source": [Span(0, 5, "Hamas")]}),
                      Relation("Abu Omar", "member_of", "Hamas Movement")],
    })()}
    t = extrascore.score(items, results)
    assert (t["quote"].right, t["quote"].predicted, t["quote"].gold) == (2, 3, 2)
    assert (t["speaker"].right, t["speaker"].predicted, t["speaker"].gold) == (1, 3, 2)
    assert (t["claim"].precision, t["claim"].recall) == (0.5, 1.0)
    assert t["claim_counted"].right == 1 and t["claim_qualifier"].right == 1
    assert t["claim_period"].right == 0  # periods are compared as written: "in" is not "over"
    assert t["claim_actor"].predicted == 1 and t["claim_actor"].gold == 0
    # The symmetric link matches either way round; member_of is a spurious extra.
    assert (t["relation"].right, t["relation"].predicted, t["relation"].gold) == (1, 2, 1)
    assert t["relation_pair"].right == 1
