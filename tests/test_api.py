"""The REST API (api.py), over a real ``eventwire serve`` on 127.0.0.1 and a store filled
through the real ingest path with the invented articles of ``webdata.py``."""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

import pytest

from eventwire.errors import ConfigError
from webdata import ARTICLES, NEW_REPORT

TOKEN = "test-token-0123456789abcdef"


def _q(**params: Any) -> str:
    return urllib.parse.urlencode(params)


def _all_events(server: Any) -> list[dict[str, Any]]:
    status, body = server.get("/api/events?limit=1000")
    assert status == 200 and body["total"] == len(body["events"])
    return body["events"]


def _assert_error(status: int, body: dict[str, Any], expected: int) -> None:
    """The error envelope: ok false, a message, and the HTTP status repeated."""
    assert status == expected, body
    assert body["ok"] is False
    assert body["status"] == expected
    assert isinstance(body["error"], str) and body["error"]
    assert set(body) <= {"ok", "error", "status", "details", "input", "article_id"}


# -- every endpoint, success and error, one envelope ----------------------------------------


def _first_ids(server: Any) -> tuple[str, str]:
    ev = _all_events(server)[0]
    return ev["event_id"], ev["sources"][0]


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("GET", "/api/events", 200),
        ("GET", "/api/events?limit=0", 422),
        ("GET", "/api/events/{event}", 200),
        ("GET", "/api/events/NOSUCH1", 404),
        ("GET", "/api/articles/{article}", 200),
        ("GET", "/api/articles/0123456789abcdef", 404),
        ("GET", "/api/actors", 200),
        ("GET", "/api/actors?bbox=1,2,3", 422),
        ("GET", "/api/stats", 200),
        ("GET", "/api/stats?since=2024-13-01", 422),
        ("GET", "/api/meta", 200),
        ("GET", "/api/claims", 200),
        ("GET", "/api/claims?since=2024-02-31", 422),
        ("GET", "/api/quotes?direct=true", 200),
        ("GET", "/api/quotes?direct=perhaps", 422),
        ("GET", "/api/relations?relation=affiliated_with", 200),
        ("GET", "/api/relations?relation=friends_with", 422),
        ("POST", "/api/articles", 403),  # read-only: no token configured
        ("GET", "/api/nothing-here", 404),
        ("DELETE", "/api/events", 405),
    ],
)
def test_api_every_endpoint_answers_in_the_envelope(
    web_server: Any, method: str, path: str, expected: int
) -> None:
    event_id, article_id = _first_ids(web_server)
    path = path.format(event=event_id, article=article_id)
    body_in = json.dumps(NEW_REPORT).encode() if method == "POST" else None
    status, headers, raw = web_server.request(method, path, body=body_in)
    assert headers["content-type"].startswith("application/json")
    body = json.loads(raw)
    if expected == 200:
        assert status == 200 and body["ok"] is True, body
        assert "error" not in body
    else:
        _assert_error(status, body, expected)


# -- /api/events: filters, sorting, pagination ---------------------------------------------


def _within(ev: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    west, south, east, north = box
    lat, lon = ev["latitude"], ev["longitude"]
    return lat is not None and west <= lon <= east and south <= lat <= north


@pytest.mark.parametrize(
    ("params", "keep"),
    [
        ({"country": "kenya"}, lambda e: e["country"] == "Kenya"),
        ({"event_type": "Protests"}, lambda e: e["event_type"] == "Protests"),
        ({"sub_event_type": "Armed clash"}, lambda e: e["sub_event_type"] == "Armed clash"),
        ({"since": "2024-03-05", "until": "2024-03-15"},
         lambda e: "2024-03-05" <= (e["event_date"] or "") <= "2024-03-15"),
        ({"bbox": "2,4,15,14"}, lambda e: _within(e, (2, 4, 15, 14))),  # Nigeria
        ({"actor": "rapid support"},
         lambda e: "rapid support" in f"{e['actor1']} {e['actor2']}".lower()),
        ({"text": "mogadishu"}, lambda e: e["location"] == "Mogadishu"),
    ],
)  # fmt: skip
def test_api_events_filters_select_what_they_say(web_server: Any, params: dict, keep: Any) -> None:
    everything = _all_events(web_server)
    expected = {e["event_id"] for e in everything if keep(e)}
    assert expected, f"the invented articles should hold an event for {params}"
    assert len(expected) < len(everything)
    status, body = web_server.get("/api/events?" + _q(**params, limit=1000))
    assert status == 200
    assert {e["event_id"] for e in body["events"]} == expected
    assert body["total"] == len(expected)


def test_api_events_sort_and_pages(web_server: Any) -> None:
    everything = _all_events(web_server)
    assert len(everything) >= len(ARTICLES)  # each invented article reports an event
    status, body = web_server.get("/api/events?sort=-fatalities&limit=1000")
    tolls = [e["fatalities"] for e in body["events"]]
    assert tolls == sorted(tolls, reverse=True) and tolls[0] > 0
    dates = [e["event_date"] for e in _all_events(web_server)]
    assert dates == sorted(dates)  # event_date ascending is the default
    pages: list[str] = []
    for offset in range(0, len(everything) + 2, 3):
        status, body = web_server.get(f"/api/events?limit=3&offset={offset}&sort=id")
        assert status == 200 and body["total"] == len(everything)
        assert (body["limit"], body["offset"]) == (3, offset)
        pages += [e["event_id"] for e in body["events"]]
    _, whole = web_server.get("/api/events?limit=1000&sort=id")
    assert pages == [e["event_id"] for e in whole["events"]]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("since=2024-02-30", "since"),
        ("until=yesterday", "until"),
        ("since=2024-03-10&until=2024-03-01", "since"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=0,0,200,10", "bbox"),
        ("bbox=0,50,10,40", "bbox"),
        ("bbox=10,0,0,10", "bbox"),
        ("bbox=a,b,c,d", "bbox"),
        ("bbox=nan,0,1,1", "bbox"),
        ("limit=0", "limit"),
        ("limit=1001", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
        ("sort=notes", "sort"),
        ("sort=--fatalities", "sort"),
        ("event_type=Battle", "event_type"),
        ("sub_event_type=Clash", "sub_event_type"),
        ("text=" + "x" * 201, "text"),
    ],
)
def test_api_bad_parameters_are_422_naming_the_parameter(
    web_server: Any, query: str, field: str
) -> None:
    status, body = web_server.get("/api/events?" + query)
    _assert_error(status, body, 422)
    assert body["error"].startswith(f"{field}:"), body["error"]
    assert body["details"][0]["field"] == field


def test_api_values_reach_sql_as_data(web_server: Any) -> None:
    """Quotes, SQL and LIKE wildcards in parameters match nothing, and break nothing."""
    total = len(_all_events(web_server))
    for params in (
        {"country": "Kenya' OR '1'='1"},
        {"actor": "%"},
        {"text": "_"},
        {"text": "'; DROP TABLE events; --"},
    ):
        status, body = web_server.get("/api/events?" + _q(**params))
        assert status == 200 and body["total"] == 0, params
    assert len(_all_events(web_server)) == total


# -- one event, one article: the evidence ----------------------------------------------------


def test_api_event_has_every_source_with_evidence_into_its_text(web_server: Any) -> None:
    for ev in _all_events(web_server):
        status, body = web_server.get(f"/api/events/{ev['event_id']}")
        assert status == 200 and body["event"]["event_id"] == ev["event_id"]
        assert body["status"] == "active" and body["version"] == 1
        assert [h["version"] for h in body["history"]] == [1]
        assert [s["article_id"] for s in body["sources"]] == ev["sources"]
        for src in body["sources"]:
            _, art = web_server.get(f"/api/articles/{src['article_id']}")
            text = art["article"]["text"]
            assert src["evidence"], "every coded event has some evidence"
            for spans in src["evidence"].values():
                for span in spans:
                    assert text[span["start"] : span["end"]] == span["text"]


def test_api_article_has_text_events_and_extras(web_server: Any) -> None:
    everything = _all_events(web_server)
    article_id = everything[0]["sources"][0]
    status, body = web_server.get(f"/api/articles/{article_id}")
    assert status == 200
    art = body["article"]
    assert art["id"] == article_id
    assert art["text"] in {a["text"] for a in ARTICLES}
    from_it = {e["event_id"] for e in everything if article_id in e["sources"]}
    assert {e["event_id"] for e in art["events"]} == from_it
    assert all(e["evidence"] for e in art["events"])
    for key in ("claims", "quotes", "relations"):
        assert art[key] == art["result"][key]


# -- actors, stats, meta, schema ------------------------------------------------------------


def test_api_stats_add_up_to_the_events(web_server: Any) -> None:
    everything = _all_events(web_server)
    status, body = web_server.get("/api/stats")
    assert status == 200
    assert body["events"] == len(everything)
    assert body["fatalities"] == sum(e["fatalities"] for e in everything)
    by_day = {r["event_date"]: r["events"] for r in body["by_day"]}
    assert sum(by_day.values()) == len(everything)
    for e in everything:
        assert by_day[e["event_date"]] >= 1
    countries = {r["country"]: r["fatalities"] for r in body["by_country"]}
    assert countries["Sudan"] == sum(e["fatalities"] for e in everything if e["country"] == "Sudan")
    _, narrowed = web_server.get("/api/stats?event_type=Protests")
    assert narrowed["events"] == sum(e["event_type"] == "Protests" for e in everything)


def test_api_actors_count_the_events_naming_them(web_server: Any) -> None:
    everything = _all_events(web_server)
    status, body = web_server.get("/api/actors")
    assert status == 200 and body["total"] == len(body["actors"])
    for row in body["actors"]:
        naming = [e for e in everything if row["actor"] in (e["actor1"], e["actor2"])]
        # An event naming the actor on both sides counts for each side.
        assert row["events"] == sum((e["actor1"] == row["actor"]) + (e["actor2"] == row["actor"])
                                    for e in naming)  # fmt: skip
    counts = [r["events"] for r in body["actors"]]
    assert counts == sorted(counts, reverse=True)
    _, page = web_server.get("/api/actors?limit=2&offset=1")
    assert page["actors"] == body["actors"][1:3]


def test_api_meta_tells_the_page_what_it_needs(web_server: Any) -> None:
    status, body = web_server.get("/api/meta")
    assert status == 200
    assert len(body["taxonomy"]) == 6
    assert sum(len(v) for v in body["taxonomy"].values()) == 25
    assert body["writable"] is False
    assert body["basemap"]["tile_url"] is None
    assert body["counts"]["articles"] == len(ARTICLES)


def test_api_openapi_schema_documents_every_endpoint(web_server: Any) -> None:
    status, schema = web_server.get("/openapi.json")
    assert status == 200
    paths = schema["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}",
                 "/api/actors", "/api/stats", "/api/meta"):  # fmt: skip
        assert "get" in paths[path], path
    assert "post" in paths["/api/articles"]
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert params >= {"since", "until", "bbox", "country", "event_type", "sub_event_type",
                      "actor", "text", "sort", "limit", "offset"}  # fmt: skip
    # The documentation page is the page's own (no CDN): it loads only local files.
    status, _, page = web_server.request("GET", "/docs")
    assert status == 200 and b"http://" not in page and b"https://" not in page
    assert web_server.request("GET", "/redoc")[0] == 404


def test_api_page_and_its_files_are_served_with_a_strict_policy(web_server: Any) -> None:
    status, headers, body = web_server.request("GET", "/")
    assert status == 200 and b'<script src="static/app.js">' in body
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "object-src 'none'" in policy
    for name, kind in (("app.js", "javascript"), ("app.css", "css"),
                       ("countries-50m.json", "json")):  # fmt: skip
        status, headers, body = web_server.request("GET", f"/static/{name}")
        assert status == 200 and kind in headers["content-type"] and len(body) > 1000, name


# -- writing: POST /api/articles ------------------------------------------------------------


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory, start_server: Any) -> Any:
    """A server with a write token over a store of its own (empty at first)."""
    from eventwire.store import open_store

    db = str(tmp_path_factory.mktemp("writable") / "w.db")
    open_store(db).close()
    return start_server(db, TOKEN)


def _post(server: Any, payload: Any, token: str | None = TOKEN) -> tuple[int, dict, dict]:  # type: ignore[type-arg]
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    status, head, body = server.request("POST", "/api/articles", body=data, headers=headers)
    return status, head, json.loads(body)


def test_api_post_needs_the_token(writable: Any) -> None:
    for token in (None, "wrong-token-0123456789", TOKEN + "x"):
        status, headers, body = _post(writable, NEW_REPORT, token)
        _assert_error(status, body, 401)
        assert headers["www-authenticate"] == "Bearer"
    # Nothing was stored by those.
    assert writable.get("/api/meta")[1]["counts"]["articles"] == 0


def test_api_post_stores_an_article_through_the_write_path(writable: Any) -> None:
    status, _, body = _post(writable, {**NEW_REPORT, "url": "https://news.example/kidal"})
    assert status == 201 and body["ok"] and body["status"] == "stored", body
    assert body["input"] == "https://news.example/kidal"
    assert len(body["events"]) == 1
    _, ev = writable.get(f"/api/events/{body['events'][0]}")
    assert ev["event"]["location"] == "Kidal" and ev["event"]["fatalities"] == 3
    assert ev["sources"][0]["url"] == "https://news.example/kidal"
    # The same input again: nothing new.
    status, _, again = _post(writable, {**NEW_REPORT, "url": "https://news.example/kidal"})
    assert status == 200 and again["status"] == "unchanged"
    # The same text from elsewhere: a duplicate, skipped with the reason.
    status, _, dup = _post(writable, {**NEW_REPORT, "source": "wire-copy"})
    assert status == 200 and dup["status"] == "skipped" and "duplicate" in dup["reason"]
    assert writable.get("/api/meta")[1]["counts"]["articles"] == 1


def test_api_post_refuses_bad_articles_in_the_envelope(writable: Any) -> None:
    for payload in (b"not json", {"title": "no text"}, {"text": ""}, {"text": 5},
                    {"text": "Two killed.", "colour": "red"}):  # fmt: skip
        status, _, body = _post(writable, payload)
        _assert_error(status, body, 422)
    # Read but failed: a bad date is the input's own fault, recorded like any input.
    status, _, body = _post(writable, {**NEW_REPORT, "published": "03/04/2024", "source": "bad"})
    _assert_error(status, body, 422)
    assert "published must be YYYY-MM-DD" in body["error"]
    from eventwire.store import open_store

    with open_store(writable.db) as store:
        failed = {r["source"]: r for r in store.errors()}
    assert failed["bad"]["status"] == "failed"


def test_api_post_skips_what_is_not_english(writable: Any) -> None:
    text = (
        "Des hommes armés ont attaqué un village près de Gao le 3 avril 2024, tuant "
        "quatre civils, selon des habitants. Les assaillants ont ensuite pris la fuite."
    )
    status, _, body = _post(writable, {"text": text, "source": "french"})
    assert status == 200 and body["status"] == "skipped" and "not English" in body["reason"]


def test_api_post_refuses_an_oversized_body(writable: Any) -> None:
    """Refused on its declared length, before a byte of it is read."""
    import http.client

    from eventwire.options import Options

    host, port = writable.url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    conn.putrequest("POST", "/api/articles")
    conn.putheader("Authorization", f"Bearer {TOKEN}")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Content-Length", str(Options().max_bytes + 1))
    conn.endheaders()
    resp = conn.getresponse()
    _assert_error(resp.status, json.loads(resp.read()), 413)
    conn.close()


# -- settings -------------------------------------------------------------------------------


def test_api_read_token_from_file_or_environment(tmp_path: Any, monkeypatch: Any) -> None:
    from eventwire.api import read_token

    monkeypatch.delenv("EVENTWIRE_TOKEN", raising=False)
    assert read_token(None) is None
    monkeypatch.setenv("EVENTWIRE_TOKEN", TOKEN)
    assert read_token(None) == TOKEN
    path = tmp_path / "token"
    path.write_text("file-token-0123456789\nsecond line ignored\n")
    assert read_token(str(path)) == "file-token-0123456789"
    monkeypatch.setenv("EVENTWIRE_TOKEN", "short")
    with pytest.raises(ConfigError, match="shorter than 16"):
        read_token(None)
    path.write_text("\n")
    with pytest.raises(ConfigError, match="empty"):
        read_token(str(path))
    with pytest.raises(ConfigError, match="cannot read"):
        read_token(str(tmp_path / "missing"))


def test_api_tile_url_must_be_a_tile_template(tmp_path: Any) -> None:
    from eventwire.api import ServeOptions, create_app

    db = str(tmp_path / "e.db")
    for bad in ("ftp://tiles.example/{z}/{x}/{y}.png", "https://tiles.example/map.png"):
        with pytest.raises(ConfigError):
            create_app(db, ServeOptions(tile_url=bad))


def test_api_serve_refuses_a_missing_store(run_cli: Any, tmp_path: Any) -> None:
    missing = tmp_path / "typo.db"
    proc = run_cli("serve", "--db", str(missing), "--port", "1")
    assert proc.returncode == 1
    assert "no store at" in proc.stderr
    assert not missing.exists()


def test_api_serves_the_same_answers_from_postgresql(store_url: str, start_server: Any) -> None:
    """The same endpoints over each store kind (SQLite and a real PostgreSQL server)."""
    import eventwire

    report = eventwire.ingest([], db=store_url, items=_items(ARTICLES[:3]))
    assert report.stored == 3
    server = start_server(store_url)
    with eventwire.open_store(store_url) as store:
        rows, total = store.query_events(sort="-fatalities", limit=None)
        stats = store.stats()
        detail = store.get_event(rows[0].event_id)
    status, body = server.get("/api/events?sort=-fatalities")
    assert status == 200 and body["total"] == total >= 3
    assert body["events"] == [e.as_dict() for e in rows]
    assert body["events"][0]["location"] == "Maiduguri"  # 4 killed, the most of the three
    _, answered = server.get("/api/stats")
    assert answered == {"ok": True, **stats} and stats["fatalities"] >= 7
    _, one = server.get(f"/api/events/{rows[0].event_id}")
    assert one["sources"] == json.loads(json.dumps(detail["sources"])) and one["sources"]
    status, missing = server.get("/api/events/NGA999")
    _assert_error(status, missing, 404)


def _items(articles: list[dict[str, str]]) -> list[Any]:
    from eventwire.readers import read_object

    return [read_object(a, f"invented-{n}") for n, a in enumerate(articles)]


# -- /api/claims, /api/quotes, /api/relations (issue 6) -------------------------------------


def test_api_claims_quotes_relations_are_served_with_evidence(web_server: Any) -> None:
    status, body = web_server.get("/api/claims?" + _q(action="capture"))
    assert status == 200 and body["total"] >= 1
    claim = body["claims"][0]
    assert (claim["value"], claim["qualifier"]) == (200, "more than")
    status, body = web_server.get("/api/quotes?" + _q(direct="true", speaker="Dembele"))
    assert status == 200 and body["total"] == 1
    quote = body["quotes"][0]
    assert quote["text"].startswith("We will not stop") and quote["role"] == "spokesman"
    status, body = web_server.get("/api/relations?" + _q(relation="affiliated_with"))
    assert status == 200
    assert ("Amadou Koufa", "Al Qaeda") in {(r["source"], r["target"]) for r in body["relations"]}
    # Every span served points at the article's own characters.
    for kind, rec in (("claims", claim), ("quotes", quote)):
        status, art = web_server.get(f"/api/articles/{rec['article_id']}")
        text = art["article"]["text"]
        spans = [s for v in rec["evidence"].values() for s in v]
        assert spans and all(text[s["start"]:s["end"]] == s["text"] for s in spans), kind


def test_api_extras_match_the_store(web_server: Any, web_store: str) -> None:
    from eventwire import ExtraFilter, open_store

    with open_store(web_store) as store:
        quotes, total = store.query_quotes(ExtraFilter(direct=False), limit=None)
    status, body = web_server.get("/api/quotes?direct=false&limit=1000")
    assert status == 200 and body["total"] == total
    assert [q["text"] for q in body["quotes"]] == [q["text"] for q in quotes]
