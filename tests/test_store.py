"""The store: one write path, merging, history and the read API, on SQLite and PostgreSQL.

Records here are built by hand (as extraction would return them) so that each test
states exactly what the store receives; the articles' texts are invented.
"""

from __future__ import annotations

import pytest

from eventwire import clusters
from eventwire.errors import StoreError
from eventwire.records import Article, Event, Result, Span
from eventwire.store import EventFilter, Outcome, content_hash, open_store
from eventwire.store.schema import MIGRATIONS

# Invented facts: towns are real places, the incidents are not.
KADUNA = dict(country="Nigeria", iso=566, admin1="Kaduna", location="Kaduna",
              latitude=10.526, longitude=7.439, geo_precision=1, geonameid=2335727)  # fmt: skip
ZARIA = dict(country="Nigeria", iso=566, admin1="Kaduna", location="Zaria",
             latitude=11.085, longitude=7.720, geo_precision=1, geonameid=2317765)  # fmt: skip
BAIDOA = dict(country="Somalia", iso=706, admin1="Bay", location="Baidoa",
              latitude=3.114, longitude=43.650, geo_precision=1, geonameid=64536)  # fmt: skip


def _event(text: str, date: str, place: dict, killed: int | None = None, **kw) -> Event:
    ev = Event(
        event_date=date, time_precision=1, date_status="explicit",
        event_type=kw.pop("event_type", "Violence against civilians"),
        sub_event_type=kw.pop("sub_event_type", "Attack"),
        actor1=kw.pop("actor1", "Unidentified Armed Group (Nigeria)"), inter1=3,
        actor2=kw.pop("actor2", "Civilians (Nigeria)"), inter2=7, **place, **kw,
    )  # fmt: skip
    if killed is not None:
        ev.fatalities = killed
        at = text.index(str(killed)) if str(killed) in text else 0
        ev.evidence["fatalities"] = [Span.of(text, at, at + len(str(killed)))]
    return ev


def _outcome(source: str, text: str, *events: Event, published: str = "2024-05-04") -> Outcome:
    art = Article(text=text, id=content_hash(text), published=published, title=source)
    return Outcome(source, "stored", article=art, result=Result(id=art.id, events=list(events)))


def _report(source: str, text: str, date: str, place: dict, killed: int, **kw) -> Outcome:
    return _outcome(source, text, _event(text, date, place, killed, **kw))


@pytest.fixture
def store(store_url):  # type: ignore[no-untyped-def]
    with open_store(store_url) as s:
        yield s


def test_store_migrations_are_numbered_and_applied_once(store_url) -> None:
    with open_store(store_url) as s:
        assert s.schema_version() == len(MIGRATIONS)
    with open_store(store_url) as s:  # opening again applies nothing twice
        rows = s.db.query("SELECT version, name FROM schema_migrations ORDER BY version")
        assert rows == [{"version": m.version, "name": m.name} for m in MIGRATIONS]
        assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


def test_store_merges_reports_of_one_event_with_conservative_toll(store) -> None:
    a = "Gunmen killed 5 villagers in Kaduna on 3 May 2024."
    b = "Armed men killed 7 people in a village of Kaduna on Friday 3 May 2024."
    c = "At least 6 were killed in Kaduna on 3 May, residents said."
    for n, text, k in (("a", a, 5), ("b", b, 7), ("c", c, 6)):
        assert store.record(_report(n, text, "2024-05-03", KADUNA, k), "0.1.0") == "stored"
    rows, total = store.query_events()
    assert total == 1
    ev = rows[0]
    assert ev.event_id == "NGA1"
    assert (ev.fatalities, ev.fatalities_low, ev.fatalities_high) == (5, 5, 7)
    assert ev.sources == [content_hash(a), content_hash(b), content_hash(c)]
    found = store.get_event("NGA1")
    assert [s["title"] for s in found["sources"]] == ["a", "b", "c"]
    # Each source keeps its own evidence, pointing into its own text.
    span = found["sources"][1]["evidence"]["fatalities"][0]
    assert b[span["start"] : span["end"]] == "7"
    assert found["sources"][1]["merge"]["evidence"]["place"] == "same place: Kaduna"
    # The same, for many events at once (the JSONL export's read), in reading order.
    (listed,) = store.event_evidence(["NGA1", "nope"]).values()
    assert [s["title"] for s in listed] == ["a", "b", "c"]
    assert [s["evidence"] for s in listed] == [s["evidence"] for s in found["sources"]]
    assert [h["reason"].split(":")[0] for h in store.history("NGA1")] == [
        "created from article " + content_hash(a) + " event 0",
        "source added",
        "source added",
    ]


def test_store_region_level_report_joins_town_event(store) -> None:
    town = "Gunmen killed 4 people in Kaduna on 3 May 2024."
    region = "Four people were killed in Kaduna State on 3 May 2024, 4 in all."
    state = dict(KADUNA, location="Kaduna", geo_precision=3, geonameid=2335722,
                 latitude=10.33, longitude=7.75)  # fmt: skip
    store.record(_report("t", town, "2024-05-03", KADUNA, 4), "0.1.0")
    store.record(_report("r", region, "2024-05-03", state, 4), "0.1.0")
    rows, total = store.query_events()
    assert total == 1 and rows[0].geo_precision == 1 and len(rows[0].sources) == 2


def test_store_keeps_distinct_events_apart(store) -> None:
    # Two strikes in different towns of one region on one day.
    store.record(_report("k", "A strike hit Kaduna, killing 3.", "2024-05-03", KADUNA, 3), "1")
    store.record(_report("z", "A strike hit Zaria, killing 3.", "2024-05-03", ZARIA, 3), "1")
    # Two clashes a week apart in one town.
    kw = dict(event_type="Battles", sub_event_type="Armed clash", actor1="Al Shabaab",
              actor2="Military Forces of Somalia (2022-)")  # fmt: skip
    store.record(_report("b1", "Clash in Baidoa, 2 dead.", "2024-03-05", BAIDOA, 2, **kw), "1")
    store.record(_report("b2", "Clash in Baidoa, 2 dead.!", "2024-03-12", BAIDOA, 2, **kw), "1")
    rows, total = store.query_events(sort="id")
    assert total == 4
    assert sorted(e.location for e in rows) == ["Baidoa", "Baidoa", "Kaduna", "Zaria"]
    why = store.get_event("NGA2")["sources"][0]["merge"]
    assert why["event_id"] is None and why["rejected"]["NGA1"].startswith("different towns")
    # A week apart is outside the block (the date window), so not even a candidate.
    assert store.get_event("SOM2")["sources"][0]["merge"]["candidates"] == 0


def test_store_one_article_never_merges_its_own_events(store) -> None:
    text = "Gunmen killed 2 in Kaduna; later gunmen killed 3 more in Kaduna on 3 May 2024."
    first = _event(text, "2024-05-03", KADUNA, 2)
    second = _event(text, "2024-05-03", KADUNA, 3)
    store.record(_outcome("one", text, first, second), "1")
    assert store.query_events()[1] == 2


def test_store_reingest_adds_nothing_and_duplicates_are_skipped(store) -> None:
    text = "Gunmen killed 5 villagers in Kaduna on 3 May 2024."
    out = _report("/news/a.txt", text, "2024-05-03", KADUNA, 5)
    assert store.record(out, "0.1.0") == "stored"
    before = _snapshot(store)
    assert store.record(out, "0.1.0") == "unchanged"
    assert _snapshot(store) == before
    copy = _report("/news/copy.txt", text, "2024-05-03", KADUNA, 5)
    assert store.record(copy, "0.1.0") == "skipped"
    assert store.counts()["articles"] == 1
    (err,) = store.errors()
    assert err["source"] == "/news/copy.txt" and err["status"] == "skipped"
    assert (
        err["reason"] == f"duplicate of article {content_hash(text)} (first read from /news/a.txt)"
    )


def test_store_records_failures_and_skips_with_reasons(store) -> None:
    store.record(Outcome("/x/photo.jpg", "failed", "binary input, not text", "read"), "1")
    store.record(Outcome("/x/fr.txt", "skipped", "not English (language: fr)", "read"), "1")
    assert [(e["source"], e["status"], e["reason"]) for e in store.errors()] == [
        ("/x/fr.txt", "skipped", "not English (language: fr)"),
        ("/x/photo.jpg", "failed", "binary input, not text"),
    ]


def test_store_recode_by_newer_version_updates_and_keeps_history(store) -> None:
    a = "Gunmen killed 5 villagers in Kaduna on 3 May 2024."
    b = "Police said 6 died when gunmen attacked Kaduna on 3 May 2024."
    store.record(_report("a", a, "2024-05-03", KADUNA, 5), "0.1.0")
    store.record(_report("b", b, "2024-05-03", KADUNA, 6), "0.1.0")
    # The same content, re-run by an older or equal version: nothing to do.
    assert store.record(_report("a", a, "2024-05-03", KADUNA, 9), "0.1.0") == "unchanged"
    assert store.needs_extraction(content_hash(a), "0.1.0") is False
    assert store.needs_extraction(content_hash(a), "0.2.0") is True
    # A newer eventwire codes article a differently (an abduction, not an attack).
    newer = _report(
        "a", a, "2024-05-03", KADUNA, 5, sub_event_type="Abduction/forced disappearance"
    )
    assert store.record(newer, "0.2.0") == "updated"
    (ev,), total = store.query_events()
    assert total == 1 and ev.event_id == "NGA1"
    # A tie between the two codings: the earliest source (article a, re-coded) wins.
    assert ev.fatalities == 5 and ev.sub_event_type == "Abduction/forced disappearance"
    history = store.history("NGA1")
    assert history[-1]["reason"].startswith("re-coded: article " + content_hash(a))
    assert history[-1]["eventwire_version"] == "0.2.0"
    # Re-coded again: article b no longer reports an event; it is traceable, not lost.
    assert store.record(_outcome("b", b), "0.3.0") == "updated"
    assert store.query_events()[0][0].sources == [content_hash(a)]
    # Article a too: the event is deleted, and its versions remain.
    assert store.record(_outcome("a", a), "0.4.0") == "updated"
    assert store.query_events()[1] == 0
    gone = store.get_event("NGA1")
    assert gone["status"] == "deleted" and gone["sources"] == []
    assert store.query_events(EventFilter(include_deleted=True))[1] == 1
    last = store.history("NGA1")[-1]
    assert last["status"] == "deleted" and "no source reports it" in last["reason"]
    assert last["data"]["fatalities"] == 5  # what was deleted is kept


def test_store_write_is_all_or_nothing(store, monkeypatch) -> None:
    text = "Gunmen killed 5 villagers in Kaduna on 3 May 2024."
    store.record(_report("a", text, "2024-05-03", KADUNA, 5), "1")
    before = _snapshot(store)

    def broken(*args, **kwargs):
        raise StoreError("disk full (simulated)")

    # Fail after the article row and its first event are written, before the merge.
    monkeypatch.setattr(clusters, "best_match", broken)
    second = "Armed men killed 7 people in Kaduna on 3 May 2024."
    with pytest.raises(StoreError):
        store.record(_report("b", second, "2024-05-03", KADUNA, 7), "1")
    monkeypatch.undo()
    assert _snapshot(store) == before
    assert store.record(_report("b", second, "2024-05-03", KADUNA, 7), "1") == "stored"


def test_store_query_filters_sort_and_pages(store) -> None:
    kw = dict(event_type="Battles", sub_event_type="Armed clash", actor1="Al Shabaab",
              actor2="Military Forces of Somalia (2022-)")  # fmt: skip
    store.record(_report("1", "Kaduna 5 dead.", "2024-05-03", KADUNA, 5), "1")
    store.record(_report("2", "Zaria 1 dead.", "2024-05-10", ZARIA, 1), "1")
    store.record(_report("3", "Baidoa 9 dead.", "2024-03-12", BAIDOA, 9, **kw), "1")

    def ids(**f):
        return [e.event_id for e in store.query_events(EventFilter(**f), limit=None)[0]]

    assert ids() == ["SOM1", "NGA1", "NGA2"]
    assert ids(country="nigeria") == ["NGA1", "NGA2"]
    assert ids(since="2024-05-04") == ["NGA2"] and ids(until="2024-05-03") == ["SOM1", "NGA1"]
    assert ids(event_type="Battles") == ["SOM1"]
    assert ids(sub_event_type="Attack") == ["NGA1", "NGA2"]
    assert ids(actor="shabaab") == ["SOM1"]
    assert ids(text="zaria") == ["NGA2"]
    assert ids(text="100%") == []  # the pattern's own % is literal
    assert ids(bbox=(7.0, 10.0, 8.0, 10.9)) == ["NGA1"]
    rows, total = store.query_events(sort="-fatalities", limit=2, offset=1)
    assert [e.event_id for e in rows] == ["NGA1", "NGA2"] and total == 3
    with pytest.raises(StoreError):
        store.query_events(sort="fatalities; DROP TABLE events")
    stats = store.stats()
    assert stats["events"] == 3 and stats["fatalities"] == 15
    assert {r["country"]: r["events"] for r in stats["by_country"]} == {"Nigeria": 2, "Somalia": 1}
    assert store.actors()[0] == {"actor": "Civilians (Nigeria)", "events": 2}


def test_store_get_article_gives_text_and_spans(store) -> None:
    text = "Gunmen killed 5 villagers in Kaduna on 3 May 2024."
    store.record(_report("a", text, "2024-05-03", KADUNA, 5), "1")
    art = store.get_article(content_hash(text))
    assert art["text"] == text and art["title"] == "a"
    (ev,) = art["events"]
    assert ev["event_id"] == "NGA1"
    span = ev["evidence"]["fatalities"][0]
    assert text[span["start"] : span["end"]] == "5"
    assert store.get_article("nope") is None and store.get_event("nope") is None


def test_store_sqlite_url_forms(tmp_path) -> None:
    for url in (str(tmp_path / "a.db"), f"sqlite:///{tmp_path / 'b.db'}", ":memory:"):
        with open_store(url) as s:
            assert s.schema_version() == len(MIGRATIONS)


def _snapshot(store) -> dict[str, list]:  # type: ignore[no-untyped-def]
    """Every table's rows, without the columns that hold wall-clock times."""
    clock = {"ingested_at", "seen_at", "created_at", "updated_at", "at", "applied_at"}
    out = {}
    for table in ("articles", "inputs", "article_events", "events", "event_versions", "counters"):
        rows = store.db.query(f"SELECT * FROM {table}")
        out[table] = sorted(
            (tuple(sorted((k, v) for k, v in r.items() if k not in clock)) for r in rows), key=repr
        )
    return out
