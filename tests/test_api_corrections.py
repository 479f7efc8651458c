"""The REST API of the analyst's workbench (issue 14), over a real ``eventwire serve`` with
a write token, on a store filled by the real ingest from ``workbench_data``: PATCH
corrections, downloads in a format, unknown parameters refused, ids and codes in any
case, the map's labels and the documentation page.
"""

from __future__ import annotations

import csv
import io
import json
import urllib.parse
from typing import Any

import pytest

from test_api import TOKEN, _assert_error
from workbench_data import write_courier, write_folder


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, start_server: Any) -> Any:
    """A writable server over the invented folder and the courier's later report."""
    import eventwire

    base = tmp_path_factory.mktemp("api-workbench")
    db = str(base / "w.db")
    report = eventwire.ingest([str(write_folder(base / "news")),
                               str(write_courier(base / "later").parent)],
                              db=db, published="2024-03-20", workers=1)  # fmt: skip
    assert report.stored == 5
    return start_server(db, TOKEN)


def _patch(server: Any, event_id: str, body: Any, token: str | None = TOKEN) -> tuple[int, dict]:  # type: ignore[type-arg]
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    status, _, raw = server.request("PATCH", f"/api/events/{event_id}", body=data,
                                    headers=headers)  # fmt: skip
    return status, json.loads(raw)


def _find(server: Any, **want: Any) -> dict[str, Any]:
    status, body = server.get("/api/events?status=all&limit=1000")
    assert status == 200
    (ev,) = [e for e in body["events"] if all(e[k] == v for k, v in want.items())]
    return ev  # type: ignore[no-any-return]


def _state(server: Any, event_id: str) -> dict[str, Any]:
    status, body = server.get(f"/api/events/{event_id}")
    assert status == 200
    return body  # type: ignore[no-any-return]


def test_api_patch_sets_fields_as_a_version_with_who_and_why(server) -> None:
    fasher = _find(server, location="El Fasher")["event_id"]
    status, body = _patch(server, fasher.lower(), {"fields": {"fatalities": 9, "injuries": 4},
                          "why": "the hospital's list", "who": "amina"})  # fmt: skip
    assert status == 200 and body["ok"], body
    assert (body["event"]["fatalities"], body["event"]["injuries"]) == (9, 4)
    assert body["event"]["corrected"] == ["fatalities", "injuries"]
    last = body["history"][-1]
    assert (last["who"], last["why"], last["version"]) == ("amina", "the hospital's list", 2)
    assert last["reason"] == "corrected: fatalities 7 -> 9, injuries None -> 4 (by amina)"
    assert _state(server, fasher)["event"]["fatalities"] == 9
    # The sub-event type brings its type; what decided it is now a person (the API's).
    status, body = _patch(server, fasher, {"fields": {"sub_event_type": "Attack"}, "why": "x"})
    assert status == 200
    assert body["event"]["event_type"] == "Violence against civilians"
    assert body["event"]["classified_by"] == "person:api"


@pytest.mark.parametrize(
    ("body", "code", "message"),
    [
        ({"fields": {"colour": "red"}, "why": "x"}, 422, "fields.colour: not a field"),
        ({"fields": {"fatalities": "ten"}, "why": "x"}, 422, "fields.fatalities: must be a whole"),
        ({"fields": {"fatalities": 2.5}, "why": "x"}, 422, "fields.fatalities: must be a whole"),
        ({"fields": {"event_date": "12/03/2024"}, "why": "x"}, 422, "YYYY-MM-DD"),
        ({"fields": {"fatalities": 3}}, 422, "why: Field required"),
        ({"fields": {"fatalities": 3}, "why": ""}, 422, "why: String should have at least"),
        ({"status": "maybe", "why": "x"}, 422, "status: Input should be 'accepted' or"),
        ({"fields": {"fatalities": 3}, "why": "x", "colour": "red"}, 422,
         "colour: Extra inputs are not permitted"),
        ({"why": "x"}, 422, "nothing to correct"),
        (b"not json", 422, "JSON"),
    ],
)  # fmt: skip
def test_api_patch_bad_input_is_an_envelope_and_changes_nothing(server, body, code,
                                                               message) -> None:  # fmt: skip
    nairobi = _find(server, location="Nairobi")["event_id"]
    before = _state(server, nairobi)
    status, answer = _patch(server, nairobi, body)
    _assert_error(status, answer, code)
    assert message in answer["error"], answer["error"]
    assert _state(server, nairobi) == before


def test_api_patch_needs_the_token_and_a_known_event(server, web_server) -> None:
    nairobi = _find(server, location="Nairobi")["event_id"]
    before = _state(server, nairobi)
    good = {"status": "rejected", "why": "x"}
    for token in (None, "wrong-token-0123456789"):
        status, answer = _patch(server, nairobi, good, token)
        _assert_error(status, answer, 401)
    status, answer = _patch(server, "KEN999", good)
    _assert_error(status, answer, 404)
    assert answer["error"].startswith("no event 'KEN999'")
    assert _state(server, nairobi) == before
    # A read-only server refuses every correction.
    first = web_server.get("/api/events?limit=1")[1]["events"][0]["event_id"]
    status, answer = _patch(web_server, first, good)
    _assert_error(status, answer, 403)


def test_api_rejected_event_leaves_answers_and_downloads(server) -> None:
    kaduna = _find(server, location="Kaduna")["event_id"]
    status, body = _patch(server, kaduna, {"status": "rejected", "why": "a drill"})
    assert status == 200 and body["status"] == "rejected" and body["review"] == "rejected"
    before = _state(server, kaduna)
    status, again = _patch(server, kaduna, {"status": "rejected", "why": "still a drill"})
    _assert_error(status, again, 409)
    assert again["error"] == f"event {kaduna} is already rejected"
    assert _state(server, kaduna) == before
    listed = {e["event_id"] for e in server.get("/api/events?limit=1000")[1]["events"]}
    assert kaduna not in listed and listed
    assert kaduna in {e["event_id"] for e in server.get("/api/events?status=all")[1]["events"]}
    assert [e["event_id"] for e in server.get("/api/events?status=rejected")[1]["events"]] == [
        kaduna]  # fmt: skip
    assert "Nigeria" not in {r["country"] for r in server.get("/api/stats")[1]["by_country"]}
    for fmt in ("acled-csv", "csv", "geojson", "jsonl"):
        status, _, raw = server.request("GET", f"/api/events?format={fmt}")
        assert status == 200 and kaduna not in raw.decode() and "Kaduna" not in raw.decode()
    status, _, raw = server.request("GET", "/api/events?format=jsonl&status=all")
    assert kaduna in raw.decode()


@pytest.mark.parametrize(
    ("fmt", "kind", "name"),
    [
        ("acled-csv", "text/csv", "eventwire-events.csv"),
        ("geojson", "application/geo+json", "eventwire-events.geojson"),
        ("jsonl", "application/x-ndjson", "eventwire-events.jsonl"),
    ],
)
def test_api_events_download_in_a_format_with_the_same_filters(server, fmt, kind, name) -> None:
    for params in ({}, {"country": "som"}, {"text": "RSF"}, {"since": "2024-03-14"},
                   {"event_type": "Battles", "sort": "-fatalities"}):  # fmt: skip
        query = urllib.parse.urlencode(params)
        want = [e["event_id"] for e in server.get(f"/api/events?{query}&limit=1000")[1]["events"]]
        status, headers, raw = server.request("GET", f"/api/events?{query}&format={fmt}")
        assert status == 200 and headers["content-type"].startswith(kind)
        assert headers["content-disposition"] == f'attachment; filename="{name}"'
        text = raw.decode("utf-8")
        if fmt == "acled-csv":
            got = [r["event_id_cnty"] for r in csv.DictReader(io.StringIO(text))]
        elif fmt == "geojson":
            got = [f["id"] for f in json.loads(text)["features"]]
        else:
            got = [json.loads(line)["event_id"] for line in text.splitlines()]
        assert got == want and want, params


def test_api_downloads_stream_more_than_a_page(server) -> None:
    """Every matching event, not one page of them: no limit applies to a download."""
    status, _, raw = server.request("GET", "/api/events?format=jsonl&limit=1")
    total = server.get("/api/events")[1]["total"]
    assert status == 200 and len(raw.decode().splitlines()) == total > 1


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/api/events?countri=Mali", "countri"),
        ("/api/events?limt=5", "limt"),
        ("/api/events?country=Mali&country=Chad", "country"),
        ("/api/stats?sort=id", "sort"),
        ("/api/actors?format=jsonl", "format"),
        ("/api/claims?speker=Dembele", "speker"),
        ("/api/meta?x=1", "x"),
        ("/api/events/SOM1?verbose=1", "verbose"),
        ("/api/basemap?bbox=40,-2,48,5&zoom=7&lang=fr", "lang"),
        ("/api/events?format=xlsx", "format"),
        ("/api/events?status=maybe", "status"),
        ("/api/basemap?bbox=40,-2,48&zoom=7", "bbox"),
        ("/api/basemap?bbox=40,-2,48,5&zoom=30", "zoom"),
    ],
)
def test_api_unknown_parameters_and_bad_values_are_422(server, path: str, name: str) -> None:
    status, body = server.get(path)
    _assert_error(status, body, 422)
    assert body["details"][0]["field"] == name, body


def test_api_ids_and_iso_codes_in_any_case(server) -> None:
    raid = _find(server, location="Baidoa", sub_event_type="Armed clash")
    for given in (raid["event_id"].lower(), raid["event_id"].title()):
        status, body = server.get(f"/api/events/{given}")
        assert status == 200 and body["event"]["event_id"] == raid["event_id"]
    for code in ("SOM", "som", "So", "Somalia"):
        status, body = server.get(f"/api/events?country={code}")
        assert status == 200 and {e["country"] for e in body["events"]} == {"Somalia"}, code


def test_api_event_shows_each_sources_outlet_title_and_toll(server) -> None:
    raid = _find(server, location="Baidoa", sub_event_type="Armed clash")
    assert raid["fatalities"] == 23 and raid["flags"][0].endswith("until reviewed")
    sources = _state(server, raid["event_id"])["sources"]
    assert [(s["outlet"], s["title"], s["event"]["fatalities"]) for s in sources] == [
        ("herald-baidoa.txt", "Army base raided near Baidoa", 23),
        ("courier.example", "Soldiers die in Baidoa base attack", 1),
    ]  # fmt: skip
    status, body = server.get("/api/events?status=flagged")
    assert status == 200 and [e["event_id"] for e in body["events"]] == [raid["event_id"]]


def test_api_basemap_labels_from_the_gazetteer_by_zoom(server) -> None:
    status, world = server.get("/api/basemap?bbox=-180,-85,180,85&zoom=2")
    assert status == 200
    kinds = {label["kind"] for label in world["labels"]}
    assert kinds == {"country", "town"}
    names = {label["name"] for label in world["labels"]}
    assert {"Somalia", "Sudan", "Kenya"} <= names
    assert {"Baidoa", "Banaadir"} & names == set()  # too small to name on a world map
    status, close = server.get("/api/basemap?bbox=42.5,1.5,45.5,4.5&zoom=8")
    names = {label["name"] for label in close["labels"]}
    assert {"Baidoa", "Bay", "Banaadir"} <= names and "Somalia" not in names
    towns = [label for label in close["labels"] if label["kind"] == "town"]
    assert [t["rank"] for t in towns] == sorted((t["rank"] for t in towns), reverse=True)
    assert all(42.5 <= t["lon"] <= 45.5 and 1.5 <= t["lat"] <= 4.5 for t in towns)


def test_api_meta_docs_and_schema_for_the_workbench(server) -> None:
    status, meta = server.get("/api/meta")
    assert status == 200 and meta["writable"] is True
    assert meta["statuses"] == ["active", "accepted", "rejected", "flagged", "all"]
    assert meta["downloads"] == ["acled-csv", "geojson", "jsonl"]
    assert meta["editable"]["fatalities"] == {"kind": "int", "null": False}
    status, headers, page = server.request("GET", "/docs")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert b'<script src="static/docs.js">' in page
    status, schema = server.get("/openapi.json")
    assert "patch" in schema["paths"]["/api/events/{event_id}"]
    assert "/api/basemap" in schema["paths"]
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"format", "status"} <= params
