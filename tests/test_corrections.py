"""Corrections by a person in the store (issue 14), on SQLite and PostgreSQL: fields set by
hand, events accepted and rejected, merged and split, and the merge rule's flag for a
source whose toll is far below the others. Records are built by hand, as in test_store;
the texts are invented.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from eventwire.errors import ConflictError, InputError, NotFoundError
from eventwire.exports import export
from eventwire.store import EventFilter, content_hash, open_store
from test_store import BAIDOA, KADUNA, ZARIA, _event, _outcome, _report, _snapshot

# A clash near Baidoa told by three outlets; the third misread "Thirty-one" as one.
CLASH = dict(event_type="Battles", sub_event_type="Armed clash", actor1="Al Shabaab",
             actor2="Military Forces of Somalia (2022-)")  # fmt: skip
FIRST = "Al Shabaab fighters attacked an army base near Baidoa on 12 March 2024; 23 died."
SECOND = "Twenty-five people, 25 in all, died at the Baidoa base on 12 March 2024, medics said."
THIRD = "Thirty-one were killed at the base outside Baidoa on 12 March 2024 (1 report)."


@pytest.fixture
def store(store_url):  # type: ignore[no-untyped-def]
    with open_store(store_url) as s:
        yield s


def _state(store: Any) -> dict[str, list]:  # type: ignore[type-arg]
    out = _snapshot(store)
    out["corrections"] = sorted(
        (tuple(sorted((k, v) for k, v in r.items() if k != "at"))
         for r in store.db.query("SELECT * FROM corrections")), key=repr)  # fmt: skip
    return out


def _clash(store: Any, *texts: tuple[str, str, int], version: str = "0.1.0") -> None:
    for source, text, killed in texts:
        store.record(_report(source, text, "2024-03-12", BAIDOA, killed, **CLASH), version)


def test_corrections_field_is_a_version_with_who_and_why(store) -> None:
    _clash(store, ("a", FIRST, 23))
    store.correct("som1", fields={"fatalities": 31, "actor2": None}, why="the army's figure",
                  who="amina", version="0.1.0")  # fmt: skip
    found = store.get_event("SOM1")
    ev = found["event"]
    assert (ev["fatalities"], ev["actor2"], ev["corrected"]) == (31, None, ["actor2", "fatalities"])
    assert "31 killed" in ev["notes"] and "Military Forces" not in ev["notes"]
    last = store.history("SOM1")[-1]
    assert (last["version"], last["who"], last["why"]) == (2, "amina", "the army's figure")
    assert last["reason"].startswith("corrected: fatalities 23 -> 31, actor2 ")
    assert store.history("SOM1")[0]["who"] is None  # eventwire's own versions name nobody
    (row,) = store.corrections("SOM1")
    assert row["data"] == {"fields": {"fatalities": 31, "actor2": None}} and row["who"] == "amina"
    # The sub-event type brings its event type; what decided it is now a person.
    store.correct("SOM1", fields={"sub_event_type": "Attack"}, why="no fighting", who="li")
    ev = store.get_event("SOM1")["event"]
    assert (ev["event_type"], ev["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert ev["classified_by"] == "person:li" and ev["disorder_type"] == "Political violence"


def test_corrections_survive_a_new_report_and_re_coding(store) -> None:
    _clash(store, ("a", FIRST, 23))
    store.correct("SOM1", fields={"fatalities": 31, "location": "Baidoa base"},
                  why="checked with the army", who="amina")  # fmt: skip
    # A new report of the same clash joins, and does not undo the person's figure.
    _clash(store, ("b", SECOND, 25))
    (ev,), total = store.query_events()
    assert total == 1 and ev.event_id == "SOM1" and len(ev.sources) == 2
    assert (ev.fatalities, ev.location) == (31, "Baidoa base")
    assert store.history("SOM1")[-1]["reason"].startswith("source added")
    # A newer eventwire re-codes the first report (a different sub-type): the event keeps
    # its id, the corrected fields stay, the others follow the sources.
    newer = _report("a", FIRST, "2024-03-12", BAIDOA, 20, **{**CLASH, "actor1": "JNIM"})
    assert store.record(newer, "0.2.0") == "updated"
    (ev,), total = store.query_events()
    assert total == 1 and ev.event_id == "SOM1"
    assert (ev.fatalities, ev.location, ev.corrected) == (31, "Baidoa base",
                                                          ["fatalities", "location"])
    assert store.history("SOM1")[-1]["reason"].startswith("re-coded: article")


def test_corrections_rejected_event_leaves_answers_and_exports(store) -> None:
    _clash(store, ("a", FIRST, 23))
    store.record(_report("k", "Gunmen killed 5 in Kaduna on 3 May 2024.", "2024-05-03",
                         KADUNA, 5), "0.1.0")  # fmt: skip
    store.correct("NGA1", status="rejected", why="a drill, not an attack", who="amina")
    ids = [e.event_id for e in store.query_events(limit=None)[0]]
    assert ids == ["SOM1"]
    assert {e.event_id for e in store.query_events(EventFilter(status="all"))[0]} == {
        "SOM1", "NGA1"}  # fmt: skip
    assert [e.event_id for e in store.query_events(EventFilter(status="rejected"))[0]] == ["NGA1"]
    assert store.stats()["events"] == 1 and store.actors()[0]["events"] == 1
    for kind in ("acled-csv", "geojson", "jsonl"):
        buf = io.StringIO()
        assert export(store, kind, buf) == 1, kind
        assert "NGA1" not in buf.getvalue() and "SOM1" in buf.getvalue(), kind
    found = store.get_event("NGA1")
    assert (found["status"], found["review"]) == ("rejected", "rejected")
    assert store.history("NGA1")[-1]["status"] == "rejected"
    # A new report of the rejected event joins it, and it stays rejected.
    store.record(_report("k2", "Five were shot dead in Kaduna on 3 May 2024.", "2024-05-03",
                         KADUNA, 5), "0.1.0")  # fmt: skip
    again = store.get_event("NGA1")
    assert again["status"] == "rejected" and len(again["sources"]) == 2
    # Rejecting it again is refused, and changes nothing.
    before = _state(store)
    with pytest.raises(ConflictError, match="already rejected"):
        store.correct("NGA1", status="rejected", why="still a drill", who="amina")
    assert _state(store) == before
    store.correct("NGA1", status="accepted", why="it was an attack after all", who="li")
    assert {e.event_id for e in store.query_events()[0]} == {"SOM1", "NGA1"}
    assert [e.event_id for e in store.query_events(EventFilter(status="accepted"))[0]] == ["NGA1"]


@pytest.mark.parametrize(
    ("event_id", "change", "error", "message"),
    [
        ("SOM1", {"fields": {"colour": "red"}}, InputError, "fields.colour: not a field"),
        ("SOM1", {"fields": {"fatalities": "ten"}}, InputError, "whole number"),
        ("SOM1", {"fields": {"fatalities": -1}}, InputError, "whole number"),
        ("SOM1", {"fields": {"fatalities": True}}, InputError, "whole number"),
        ("SOM1", {"fields": {"latitude": 91.5}}, InputError, "from -90 to 90"),
        ("SOM1", {"fields": {"event_date": "2024-02-30"}}, InputError, "YYYY-MM-DD"),
        ("SOM1", {"fields": {"event_type": "Protests"}}, InputError, "give sub_event_type"),
        ("SOM1", {"fields": {"sub_event_type": "Attack", "event_type": "Battles"}}, InputError,
         "sub-type of 'Violence against civilians'"),
        ("SOM1", {"fields": {"sub_event_type": "Skirmish"}}, InputError, "25 sub-event types"),
        ("SOM1", {"fields": {"notes": None}}, InputError, "cannot be emptied"),
        ("SOM1", {"status": "maybe"}, InputError, "status: must be one of"),
        ("SOM1", {}, InputError, "nothing to correct"),
        ("SOM1", {"fields": {"fatalities": 3}, "why": " "}, InputError, "why: say why"),
        ("SOM9", {"fields": {"fatalities": 3}}, NotFoundError, "no event 'SOM9'"),
    ],
)  # fmt: skip
def test_corrections_bad_input_changes_nothing(store, event_id, change, error, message) -> None:
    _clash(store, ("a", FIRST, 23))
    before = _state(store)
    with pytest.raises(error, match=message):
        store.correct(event_id, **{"why": "because", "who": "amina", **change})
    assert _state(store) == before


def test_corrections_merge_by_hand_survives_re_coding(store) -> None:
    # Two reports of one raid that the merge keeps apart (towns 60 km apart).
    store.record(_report("k", "Gunmen killed 5 in Kaduna on 3 May 2024.", "2024-05-03",
                         KADUNA, 5), "0.1.0")  # fmt: skip
    zaria = "Gunmen killed 5 near Zaria on 3 May 2024."
    store.record(_report("z", zaria, "2024-05-03", ZARIA, 5), "0.1.0")
    assert store.query_events()[1] == 2
    assert store.merge_events(["nga1", "NGA2"], why="one raid", who="amina") == "NGA1"
    (ev,), total = store.query_events()
    assert total == 1 and ev.event_id == "NGA1" and len(ev.sources) == 2
    gone = store.get_event("NGA2")
    assert gone["status"] == "deleted"
    assert store.history("NGA2")[-1]["reason"] == "merged by hand into NGA1 (by amina)"
    assert store.get_event("NGA1")["sources"][1]["merge"]["by_hand"]["who"] == "amina"
    # Re-coding the Zaria report does not pull it out again.
    store.record(_report("z", zaria, "2024-05-03", ZARIA, 6), "0.2.0")
    (ev,), total = store.query_events()
    assert total == 1 and len(ev.sources) == 2
    with pytest.raises(NotFoundError):
        store.merge_events(["NGA1", "NGA2"], why="again", who="amina")
    with pytest.raises(InputError, match="two or more"):
        store.merge_events(["NGA1", "nga1"], why="again", who="amina")


def test_corrections_split_by_hand_survives_re_coding(store) -> None:
    _clash(store, ("a", FIRST, 23), ("b", SECOND, 25))
    assert store.query_events()[1] == 1
    with pytest.raises(InputError, match="names no source"):
        store.split_event("SOM1", ["ffffff"], why="two clashes", who="amina")
    made = store.split_event("SOM1", [content_hash(SECOND)[:8]], why="two clashes", who="amina")
    assert made == ["SOM2"]
    assert [len(e.sources) for e in store.query_events(sort="id")[0]] == [1, 1]
    assert store.history("SOM2")[0]["reason"] == "split by hand from SOM1 (by amina)"
    store.record(_report("b", SECOND, "2024-03-12", BAIDOA, 24, **CLASH), "0.2.0")
    rows = store.query_events(sort="id")[0]
    assert [(e.event_id, e.fatalities) for e in rows] == [("SOM1", 23), ("SOM2", 24)]
    with pytest.raises(ConflictError, match="one source"):
        store.split_event("SOM2", why="again", who="amina")


def test_corrections_far_lower_toll_is_flagged_not_taken(store) -> None:
    _clash(store, ("a", FIRST, 23), ("b", SECOND, 25), ("c", THIRD, 1))
    (ev,), _ = store.query_events()
    # The conservative figure of the sources that agree; the odd one out is named.
    assert (ev.fatalities, ev.fatalities_low, ev.fatalities_high) == (23, 23, 25)
    (flag,) = ev.flags
    assert flag.startswith(f"fatalities: source {content_hash(THIRD)} gives 1, far below")
    tolls = [s["event"]["fatalities"] for s in store.get_event("SOM1")["sources"]]
    assert tolls == [23, 25, 1]  # each source keeps its own toll
    assert [e.event_id for e in store.query_events(EventFilter(status="flagged"))[0]] == ["SOM1"]
    # A person settles it: the flag goes, and nothing is flagged any more.
    store.correct("SOM1", fields={"fatalities": 23}, why="the third misread 31", who="amina")
    (ev,), _ = store.query_events()
    assert ev.flags == [] and ev.fatalities == 23
    assert store.query_events(EventFilter(status="flagged"))[1] == 0


def test_corrections_filters_know_iso_codes_and_actor_aliases(store) -> None:
    kw = dict(event_type="Battles", sub_event_type="Armed clash", actor1="Rapid Support Forces",
              actor2="Military Forces of Sudan (2019-)")  # fmt: skip
    fasher = dict(country="Sudan", iso=729, admin1="North Darfur", location="El Fasher",
                  latitude=13.63, longitude=25.35, geo_precision=1)  # fmt: skip
    store.record(_outcome("s", "Clashes in El Fasher, 4 dead.",
                          _event("Clashes in El Fasher, 4 dead.", "2024-03-15", fasher, 4, **kw)),
                 "1")  # fmt: skip
    _clash(store, ("a", FIRST, 23))

    def ids(**f: Any) -> list[str]:
        return [e.event_id for e in store.query_events(EventFilter(**f), limit=None)[0]]

    for code in ("SDN", "sd", "Sdn", "sudan"):
        assert ids(country=code) == ["SDN1"], code
    assert ids(country="SOM") == ["SOM1"]
    assert ids(text="RSF") == ["SDN1"] and ids(actor="rsf") == ["SDN1"]
    assert ids(text="rsf militia") == ["SDN1"]  # another of the dictionary's aliases


def test_corrections_export_as_training_lines_that_load(store, tmp_path) -> None:
    from eventwire.labelled import read_labelled

    _clash(store, ("a", FIRST, 23), ("b", SECOND, 25))
    kaduna = "Villagers said gunmen killed 5 in Kaduna on 3 May 2024. Roads were closed."
    store.record(_report("k", kaduna, "2024-05-03", KADUNA, 5), "1")
    store.record(_report("z", "Zaria saw a drill on 9 May 2024, 2 hurt.", "2024-05-09",
                         ZARIA, 2), "1")  # fmt: skip
    store.correct("SOM1", fields={"sub_event_type": "Attack"}, why="a raid", who="amina")
    store.correct("NGA2", status="rejected", why="a drill", who="amina")
    store.correct("NGA1", status="accepted", why="checked", who="amina")
    path = tmp_path / "corrections.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        assert export(store, "training", f) == 4  # two sources, one accepted, one rejected
    lines = [json.loads(x) for x in path.read_text().splitlines()]
    assert [x["event_id"] for x in lines] == ["SOM1", "SOM1", "NGA1", "NGA2"]
    rows = read_labelled([path])
    assert [(r.event_type, r.sub_event_type) for r in rows] == [
        ("Violence against civilians", "Attack"), ("Violence against civilians", "Attack"),
        ("Violence against civilians", "Attack"), ("", ""),
    ]  # fmt: skip
    assert rows[0].gold["fatalities"] == 23 and rows[0].text == FIRST
    assert rows[2].text == "Villagers said gunmen killed 5 in Kaduna on 3 May 2024."
    assert rows[3].text.startswith("Zaria saw a drill") and rows[3].gold == {}
    # Filters apply, rejected events included.
    buf = io.StringIO()
    assert export(store, "training", buf, EventFilter(country="Nigeria")) == 2
