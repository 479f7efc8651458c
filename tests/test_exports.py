"""Exports and the query commands, on a store filled by the real ``eventwire ingest``.

The reports are invented for the project: two of one clash near Baidoa (with differing
tolls), one airstrike in Idlib, and a sports story that yields nothing.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from pathlib import Path

import pytest

from eventwire.exports import export
from eventwire.store import EventFilter, open_store

# ACLED's export header as published in its codebook (2023), written out here so that
# the test does not trust records.ACLED_COLUMNS to check itself.
ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp"
)
NEWS = [
    {"id": "1", "published": "2024-03-13", "url": "https://herald.example/baidoa",
     "text": "Government troops clashed with Al Shabaab fighters near Baidoa on 12 March 2024, "
             "leaving four soldiers dead, officials said. The army said the area was calm."},
    {"id": "2", "published": "2024-03-13", "url": "https://courier.example/somalia",
     "text": "Six soldiers were killed in fighting with Al Shabaab militants in Baidoa on "
             "Tuesday, the army said. Residents said that the town was quiet by the evening."},
    {"id": "3", "published": "2024-05-07",
     "text": "An airstrike killed seven people in Idlib, Syria, on 6 May 2024, local officials "
             "said. It was not clear who carried it out and no one has said it was responsible."},
    {"id": "4", "published": "2024-05-07",
     "text": "The national football team beat its rivals 3-1 in Kano on Saturday in front of "
             "a crowd of 40,000 supporters. The coach praised the young squad."},
]  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:  # type: ignore[no-untyped-def]
    """A SQLite store filled by ``eventwire ingest`` (run for real, in a subprocess)."""
    import subprocess
    import sys

    folder = tmp_path_factory.mktemp("exports")
    news = folder / "news.jsonl"
    news.write_text("".join(json.dumps(n) + "\n" for n in NEWS), encoding="utf-8")
    path = str(folder / "e.db")
    proc = subprocess.run([sys.executable, "-m", "eventwire", "ingest", str(news), "--db", path],
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "4 inputs: 4 stored" in proc.stderr
    return path


def test_exports_acled_csv_has_acleds_header_and_ids(db: str, run_cli) -> None:
    proc = run_cli("export", "--format", "acled-csv", "--db", db)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == ACLED_HEADER
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert len(rows) == 2
    baidoa = next(r for r in rows if r["location"] == "Baidoa")
    assert re.fullmatch(r"SOM\d+", baidoa["event_id_cnty"])
    assert baidoa["event_date"] == "2024-03-12" and baidoa["year"] == "2024"
    assert baidoa["fatalities"] == "4"  # the lower of the two reports' figures
    assert baidoa["source"] == "herald.example; courier.example"
    assert abs(int(baidoa["timestamp"]) - time.time()) < 3600  # Unix time of the last change
    assert re.fullmatch(r"SYR\d+", next(r for r in rows if r is not baidoa)["event_id_cnty"])


def test_exports_geojson_is_a_feature_collection_one_feature_per_event(db: str, tmp_path) -> None:
    out = tmp_path / "events.geojson"
    assert export(db, "geojson", out) == 2
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 2
    with open_store(db) as store:
        assert store.query_events()[1] == len(data["features"])
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        lon, lat = feature["geometry"]["coordinates"]
        props = feature["properties"]
        assert (lon, lat) == (props["longitude"], props["latitude"])
        assert props["event_id_cnty"] == feature["id"]
    idlib = next(f for f in data["features"] if f["properties"]["location"] == "Idlib")
    assert 35 < idlib["geometry"]["coordinates"][1] < 37  # latitude second (RFC 7946)


def test_exports_jsonl_and_parquet_hold_every_event(db: str, tmp_path) -> None:
    buf = io.StringIO()
    assert export(db, "jsonl", buf) == 2
    events = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert {e["location"] for e in events} == {"Baidoa", "Idlib"}
    pq = pytest.importorskip("pyarrow.parquet")  # in the dev extra, so CI runs it
    path = tmp_path / "events.parquet"
    assert export(db, "parquet", str(path)) == 2
    table = pq.read_table(path)
    assert table.num_rows == 2
    rows = {r["location"]: r for r in table.to_pylist()}
    assert rows["Baidoa"]["fatalities"] == 4 and rows["Baidoa"]["fatalities_high"] == 6
    assert len(rows["Baidoa"]["sources"]) == 2


def test_exports_jsonl_carries_each_sources_evidence(db: str) -> None:
    """A merged event's fields come from several texts: every span says which one."""
    buf = io.StringIO()
    export(db, "jsonl", buf)
    events = {e["location"]: e for e in map(json.loads, buf.getvalue().splitlines())}
    baidoa = events["Baidoa"]
    assert "evidence" not in baidoa
    by_url = {s["url"]: s for s in baidoa["source_evidence"]}
    assert set(by_url) == {"https://herald.example/baidoa", "https://courier.example/somalia"}
    texts = {n["url"]: n["text"] for n in NEWS if "url" in n}
    for url, source in by_url.items():
        assert {"fatalities", "location", "event_type"} <= set(source["evidence"])
        for spans in source["evidence"].values():
            for sp in spans:  # offsets into that source's own text
                assert texts[url][sp["start"]:sp["end"]] == sp["text"]
    tolls = {url: [sp["text"] for sp in s["evidence"]["fatalities"]] for url, s in by_url.items()}
    assert any("four" in t for t in tolls["https://herald.example/baidoa"])
    assert any("Six" in t for t in tolls["https://courier.example/somalia"])
    assert [s["source"] for s in events["Idlib"]["source_evidence"]] != []


def test_exports_filters_and_bad_format(db: str, run_cli) -> None:
    buf = io.StringIO()
    assert export(db, "jsonl", buf, EventFilter(country="Syria")) == 1
    proc = run_cli("export", "--format", "xlsx", "--db", db)
    assert proc.returncode == 2 and "unknown export format 'xlsx'" in proc.stderr


def test_exports_events_and_why_commands(db: str, run_cli) -> None:
    proc = run_cli("events", "--db", db, "--json", "--country", "Somalia")
    assert proc.returncode == 0, proc.stderr
    (event,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert (event["fatalities_low"], event["fatalities_high"]) == (4, 6)
    table = run_cli("events", "--db", db, "--text", "idlib")
    assert "Idlib" in table.stdout and "Baidoa" not in table.stdout
    why = run_cli("why", event["event_id"], "--db", db)
    assert why.returncode == 0, why.stderr
    assert "started this event" in why.stdout and "joined with score" in why.stdout
    assert "place: " in why.stdout and "v2 active: source added" in why.stdout
    missing = run_cli("why", "XXX999", "--db", db)
    assert missing.returncode == 2 and "no event 'XXX999'" in missing.stderr


def test_exports_cli_errors_lists_nothing_for_a_clean_run(db: str, run_cli) -> None:
    proc = run_cli("errors", "--db", db)
    assert proc.returncode == 0 and proc.stdout == ""
    assert "0 inputs skipped or failed" in proc.stderr


def test_exports_empty_store_gives_valid_files(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    buf = io.StringIO()
    assert export(db, "geojson", buf) == 0
    assert json.loads(buf.getvalue()) == {"type": "FeatureCollection", "features": []}
