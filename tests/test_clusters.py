"""Merging rules on hand-made per-article events (no store, no NLP)."""

from __future__ import annotations

from eventwire.clusters import best_match, block, combine, compare
from eventwire.records import Event, Span


def _ev(**kw) -> Event:  # type: ignore[no-untyped-def]
    base = dict(
        event_date="2024-05-03", time_precision=1, date_status="explicit",
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        country="Syria", iso=760, admin1="Idlib", location="Idlib", latitude=35.93,
        longitude=36.63, geo_precision=1, geonameid=169389,
    )  # fmt: skip
    base.update(kw)
    return Event(**base)


def test_clusters_block_is_country_and_date_window() -> None:
    assert block(_ev()) == ("Syria", "2024-04-30", "2024-05-06")
    assert block(_ev(time_precision=3)) == ("Syria", "2024-04-02", "2024-06-03")
    assert block(_ev(country=None)) is None and block(_ev(event_date=None)) is None


def test_clusters_vetoes_keep_distinct_events_apart() -> None:
    def veto(a: Event, b: Event) -> str | None:
        return compare(a, b)[2]

    assert veto(_ev(), _ev()) is None
    assert "event type differs" in veto(_ev(event_type="Battles"), _ev())
    assert "weapons differ" in veto(_ev(sub_event_type="Remote explosive/landmine/IED"), _ev())
    # An air strike and a missile strike may be one event told two ways.
    assert veto(_ev(sub_event_type="Shelling/artillery/missile attack"), _ev()) is None
    assert "2 days apart" in veto(_ev(event_date="2024-05-05"), _ev())
    # A report dated only by its publication may lag the event by a few days.
    assert veto(_ev(event_date="2024-05-05", date_status="publication"), _ev()) is None
    maarat = _ev(location="Maarat al-Numan", geonameid=167611, latitude=35.64, longitude=36.67)
    assert veto(maarat, _ev()).startswith("different towns: Maarat al-Numan / Idlib (32 km")
    region = _ev(location="Idlib", geo_precision=3, geonameid=169388, latitude=35.8)
    assert veto(region, _ev()) is None
    aleppo = _ev(location="Aleppo", admin1="Aleppo", geo_precision=3, geonameid=None)
    assert "different regions" in veto(aleppo, _ev(geo_precision=3, geonameid=None))
    assert veto(_ev(location=None, admin1=None), _ev()) == "no place to compare"


def test_clusters_best_match_needs_the_threshold_and_takes_the_best() -> None:
    # A region-level report a day later, naming other armed actors: 2 + 1 + 1 - 1 = 3.
    far = _ev(event_date="2024-05-04", geo_precision=3, location="Idlib", geonameid=None,
              sub_event_type="Shelling/artillery/missile attack",
              actor1="Hayat Tahrir al-Sham")  # fmt: skip
    same = _ev(actor1="Military Forces of Syria (2000-)")
    new = _ev(actor1="Military Forces of Syria (2000-)")
    match = best_match(new, [("SYR1", far), ("SYR2", same)])
    assert match.event_id == "SYR2" and match.candidates == 2
    assert match.evidence["place"] == "same place: Idlib"
    alone = best_match(new, [("SYR1", far)])
    assert alone.event_id is None and alone.rejected["SYR1"].startswith("score 3 under 4")


def test_clusters_combine_rules() -> None:
    text = "Seven killed."
    stated = {"fatalities": [Span.of(text, 0, 5)]}
    a = _ev(fatalities=7, evidence=stated, sources=["a"], date_status="publication",
            event_date="2024-05-04", geo_precision=2)  # fmt: skip
    b = _ev(fatalities=0, sources=["b"])  # no toll stated: not a zero
    c = _ev(fatalities=9, evidence=stated, sources=["c"], injuries=3)
    merged = combine([a, b, c], "SYR7")
    assert merged.event_id == "SYR7" and merged.sources == ["a", "b", "c"]
    assert (merged.fatalities, merged.fatalities_low, merged.fatalities_high) == (7, 7, 9)
    assert merged.injuries == 3
    # The date from the text wins over a publication date; the most precise place wins.
    assert merged.event_date == "2024-05-03" and merged.geo_precision == 1
    assert merged.evidence == {}
    assert merged.notes.endswith("(sources give 7 to 9 killed; 3 sources).")
    assert combine([b], "SYR8").fatalities == 0 and combine([b], "SYR8").fatalities_high is None


def test_clusters_a_side_inferred_by_every_source_stays_flagged() -> None:
    """A side no source read in its text stays flagged as inferred after the merge; a
    side one source read is not."""
    front = "a side of the Donbas contact line"
    both = [f"actor1: inferred, {front}", f"actor2: inferred, {front}"]
    sides = dict(actor1="NAF: United Armed Forces of Novorossiya",
                 actor2="Military Forces of Ukraine (2019-)")  # fmt: skip
    a = _ev(sources=["a"], flags=both, **sides)
    b = _ev(sources=["b"], flags=both[:1], **sides)  # b's text names the Ukrainian side
    assert combine([a, b], "UKR1").flags == both[:1]
    assert combine([a], "UKR2").flags == both
