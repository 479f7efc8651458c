"""Where and who on reports written for the project by writers who had not seen it
(``tests/place_batches/``, scored blind once, then kept as a regression set): the
country, first-level division, place and actors of each report's main event, scored by
``eventwire evaluate`` as a user would score their own coded data."""

from __future__ import annotations

from pathlib import Path

from eventwire.evaluation import evaluate

BATCH = Path(__file__).resolve().parent / "place_batches" / "places1.jsonl"


def test_place_batch_meets_its_floors() -> None:
    report = evaluate([BATCH])
    scores = {name: f["score"] for name, f in report.fields.items()}
    # Measured 2026-12-07 (stop 31): blind, at commit 44ad004, country 0.939, admin1
    # 0.817, location 0.771, actors 0.769, sub-event F1 0.961; after that look (five gold
    # admin1 names set to ACLED's spelling, datelines before a dash, Burmese townships)
    # country 0.939, admin1 0.870, location 0.779, actors 0.773. The floors leave a
    # report or two of margin.
    assert scores["country"] >= 0.92
    assert scores["admin1"] >= 0.85
    assert scores["location_25km"] >= 0.76
    assert scores["actors"] >= 0.75
    assert report.sub_event_weighted_f1 is not None and report.sub_event_weighted_f1 >= 0.94
    assert report.quiet is not None and report.quiet >= 0.89
