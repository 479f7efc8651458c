"""The web page in a real browser: Debian's Chromium driven by Selenium, over a real
``eventwire serve`` and stores filled through the real ingest path.

Each state is photographed into test-artifacts/ (laptop and phone sizes) for a person
to look at; the assertions compare what the page shows with what the API answers.
"""

from __future__ import annotations

import hashlib
import json
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

from webdata import EMOJI, XSS, XSS_MARKS

REPO = Path(__file__).resolve().parent.parent
WEB = REPO / "web"
STATIC = REPO / "src" / "eventwire" / "static"
EXAMPLE = REPO.parent / "shared" / "examples" / "000_07e8f31817e7cca1.txt"
LAPTOP, PHONE = (1366, 860), (390, 844)


# -- the build -----------------------------------------------------------------------------


def test_web_build_is_up_to_date() -> None:
    """The committed build was made from the sources beside it (web/build.mjs writes
    the same hash): edit web/src, then `npm run build` in web/, then commit both."""
    names = ["build.mjs", "package.json", "package-lock.json"]
    names += [p.relative_to(WEB).as_posix() for p in (WEB / "src").rglob("*") if p.is_file()]
    digest = hashlib.sha256()
    for name in sorted(names):
        digest.update(name.encode() + b"\0" + (WEB / name).read_bytes() + b"\0")
    stamp = json.loads((STATIC / "build.json").read_text())
    assert stamp["sources_sha256"] == digest.hexdigest(), "static/ is older than web/: rebuild"
    lock = json.loads((WEB / "package-lock.json").read_text())
    # No CDN: the page loads only its own files.
    page = (STATIC / "index.html").read_text()
    assert "http://" not in page and "https://" not in page
    assert set(lock["packages"][""]["dependencies"]) == {
        "leaflet", "leaflet.markercluster", "topojson-client", "world-atlas",
    }  # fmt: skip


# -- helpers -------------------------------------------------------------------------------


def _wait(browser: Any, condition: Any, timeout: float = 30, what: str = "") -> Any:
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # The page redraws panels from each answer: an element found a moment ago may be replaced
    # before it is read, so a stale element means "look again", as a missing one does.
    ignored = (NoSuchElementException, StaleElementReferenceException)
    wait = WebDriverWait(browser, timeout, ignored_exceptions=ignored)
    return wait.until(lambda d: condition(d), message=what)


def _open(browser: Any, server: Any, route: str = "", size: tuple[int, int] = LAPTOP) -> None:
    browser.set_window_size(*size)
    browser.get("about:blank")  # a new document even when only the hash differs
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(f"{server.url}/{route}")
    _wait(browser, lambda d: d.execute_script(
        "return document.body.dataset.ready === '1' && !document.body.classList.contains('loading')"
    ), what="the page never became ready")  # fmt: skip


def _settled(browser: Any) -> None:
    _wait(browser, lambda d: not d.execute_script(
        "return document.body.classList.contains('loading')"))  # fmt: skip


def _map_still(browser: Any) -> None:
    """Wait until the map is neither zooming nor panning."""
    _wait(browser, lambda d: not d.execute_script(
        "return document.querySelector('.leaflet-zoom-anim, .leaflet-pan-anim') !== null"
    ))  # fmt: skip


def _shot(browser: Any, artifacts: Path, name: str) -> None:
    path = artifacts / f"web-{name}.png"
    browser.save_screenshot(str(path))
    assert path.stat().st_size > 10_000, f"{path} looks empty"


def _map_points(browser: Any) -> tuple[list[str], int]:
    """Event ids of the circles drawn one by one, and how many events the clusters hold."""
    return browser.execute_script(  # type: ignore[no-any-return]
        "const ids = [...document.querySelectorAll('path.ev-marker')]"
        "  .map(p => p.getAttribute('data-event-id'));"
        "const held = [...document.querySelectorAll('.ev-cluster div')]"
        "  .reduce((n, d) => n + Number(d.dataset.count), 0);"
        "return [ids, held];"
    )


def _table_ids(browser: Any) -> list[str]:
    return browser.execute_script(  # type: ignore[no-any-return]
        "return [...document.querySelectorAll('#tab-events tbody tr')].map(r => r.dataset.eventId)"
    )


def _api_events(server: Any, **params: Any) -> list[dict[str, Any]]:
    status, body = server.get("/api/events?" + urllib.parse.urlencode({**params, "limit": 1000}))
    assert status == 200
    return body["events"]  # type: ignore[no-any-return]


def _assert_map_shows(browser: Any, events: list[dict[str, Any]]) -> None:
    placed = {e["event_id"] for e in events if e["latitude"] is not None}

    def shown(d: Any) -> bool:
        ids, held = _map_points(d)
        return set(ids) <= placed and len(ids) + held == len(placed)

    _wait(browser, shown, what=f"the map should show {sorted(placed)}: {_map_points(browser)}")


_MARKS_JS = """
const box = arguments[0];
let pos = 0;
const marks = [];
const walk = (node) => {
  for (const c of node.childNodes) {
    if (c.nodeType === Node.TEXT_NODE) pos += c.data.length;
    else if (c.nodeName === 'MARK') {
      const n = c.textContent.length;
      marks.push([pos, pos + n, c.dataset.fields, c.title, c.textContent]);
      pos += n;
    } else walk(c);
  }
};
walk(box);
return {text: box.textContent, marks: marks};
"""


def _utf16(text: str, i: int) -> int:
    return len(text[:i].encode("utf-16-le")) // 2


def _assert_evidence_marked(shown: dict[str, Any], text: str, evidence: dict[str, Any]) -> None:
    """The page shows the article verbatim, and the characters marked for each field are
    exactly those of the field's evidence spans (in JavaScript's UTF-16 offsets)."""
    assert shown["text"] == text
    assert evidence
    for field, spans in evidence.items():
        want: set[int] = set()
        for s in spans:
            want |= set(range(_utf16(text, s["start"]), _utf16(text, s["end"])))
        got: set[int] = set()
        for start, end, fields, _title, _ in shown["marks"]:
            if field in fields.split():
                got |= set(range(start, end))
        assert got == want, field
    for _, _, fields, title, _ in shown["marks"]:
        for f in fields.split():
            assert f.replace("_", " ") in title, (fields, title)


# -- the page ------------------------------------------------------------------------------


def test_web_page_shows_the_events_on_the_map(
    browser: Any, web_server: Any, artifacts: Path
) -> None:
    _open(browser, web_server)
    everything = _api_events(web_server)
    _assert_map_shows(browser, everything)
    assert sorted(_table_ids(browser)) == sorted(e["event_id"] for e in everything)
    # The borders are drawn from the shipped file: many country outlines, no tiles.
    assert browser.execute_script("return document.querySelectorAll('path.country').length") > 150
    assert (
        browser.execute_script("return document.querySelectorAll('img.leaflet-tile').length") == 0
    )
    # The timeline has a bar for each day with events.
    days = browser.execute_script(
        "return [...document.querySelectorAll('#timeline rect.bar')].map(r => r.dataset.day)"
    )
    assert {e["event_date"] for e in everything} <= set(days)
    # Nothing failed to load and nothing broke the Content-Security-Policy.
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    _shot(browser, artifacts, "1-laptop-map")


def test_web_timeline_brush_filters_map_and_table(
    browser: Any, web_server: Any, artifacts: Path
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    _open(browser, web_server)
    svg = browser.find_element(By.ID, "timeline")
    width = svg.size["width"]
    # Drag across the left half of the period.
    ActionChains(browser).move_to_element_with_offset(svg, -width // 2 + 40, 0).click_and_hold()\
        .move_by_offset(int(width * 0.42), 0).release().perform()  # fmt: skip
    _wait(browser, lambda d: d.execute_script("return document.body.dataset.since"))
    _settled(browser)
    since, until = browser.execute_script(
        "return [document.body.dataset.since, document.body.dataset.until]"
    )
    chosen = _api_events(web_server, since=since, until=until)
    assert 0 < len(chosen) < len(_api_events(web_server)), (since, until)
    _wait(browser, lambda d: sorted(_table_ids(d)) == sorted(e["event_id"] for e in chosen))
    _assert_map_shows(browser, chosen)
    assert browser.find_element(By.ID, "range-label").text == f"{since} to {until}"
    _shot(browser, artifacts, "2-laptop-brushed")
    # A click without a drag gives back every date.
    ActionChains(browser).move_to_element(svg).click().perform()
    _wait(browser, lambda d: d.execute_script("return document.body.dataset.since") == "")
    _wait(browser, lambda d: len(_table_ids(d)) == len(_api_events(web_server)))


def test_web_filter_by_event_type(browser: Any, web_server: Any, artifacts: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _open(browser, web_server)
    Select(browser.find_element(By.NAME, "event_type")).select_by_visible_text("Protests")
    protests = _api_events(web_server, event_type="Protests")
    assert len(protests) >= 2
    _wait(browser, lambda d: sorted(_table_ids(d)) == sorted(e["event_id"] for e in protests))
    _assert_map_shows(browser, protests)
    types = browser.execute_script(
        "return [...document.querySelectorAll('path.ev-marker')].map(p => p.dataset.eventType)"
    )
    assert set(types) == {"Protests"}
    subs = [o.text for o in Select(browser.find_element(By.NAME, "sub_event_type")).options]
    assert subs == ["All sub-types", "Peaceful protest", "Protest with intervention",
                    "Excessive force against protesters"]  # fmt: skip
    _shot(browser, artifacts, "3-laptop-protests")


@pytest.mark.parametrize("location", ["Mogadishu", "Kharkiv"])
def test_web_event_panel_highlights_the_evidence(
    browser: Any, web_server: Any, artifacts: Path, location: str
) -> None:
    """Kharkiv's report has emoji before its evidence: offsets must still land right."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    _open(browser, web_server)
    (ev,) = [e for e in _api_events(web_server) if e["location"] == location]
    browser.find_element(
        By.CSS_SELECTOR, f'#tab-events tr[data-event-id="{ev["event_id"]}"]'
    ).click()
    box = _wait(
        browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".detail article.source .article-text")
    )[0]
    _, detail = web_server.get(f"/api/events/{ev['event_id']}")
    source = detail["sources"][0]
    _, art = web_server.get(f"/api/articles/{source['article_id']}")
    _assert_evidence_marked(browser.execute_script(_MARKS_JS, box), art["article"]["text"],
                            source["evidence"])  # fmt: skip
    if location == "Kharkiv":
        assert art["article"]["text"] == EMOJI["text"]
    # Hovering a mark tells which field it supports.
    mark = browser.find_element(By.CSS_SELECTOR, ".detail mark[data-field='fatalities']")
    ActionChains(browser).move_to_element(mark).perform()
    assert mark.get_attribute("title").startswith("Evidence for fatalities")
    # The event is ringed on the map and the panel names it.
    assert browser.find_elements(By.CSS_SELECTOR, "path.ev-selected")
    assert browser.execute_script("return location.hash") == f"#/event/{ev['event_id']}"
    _shot(browser, artifacts, f"4-laptop-event-{location.lower()}")


def test_web_event_panel_says_what_classified_the_event(
    browser: Any, web_server: Any, artifacts: Path
) -> None:
    """The panel's fields name what decided the sub-event type: a rule card, or the
    classifier with the card beside it."""
    from selenium.webdriver.common.by import By

    _open(browser, web_server)
    ev = _api_events(web_server)[0]
    assert ev["classified_by"].split(":")[0] in ("rule", "model")
    browser.find_element(
        By.CSS_SELECTOR, f'#tab-events tr[data-event-id="{ev["event_id"]}"]'
    ).click()
    rows = _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".detail dl.fields .row"))
    shown = {r.find_element(By.TAG_NAME, "dt").text: r.find_element(By.TAG_NAME, "dd").text
             for r in rows}  # fmt: skip
    assert shown["Coded by"] == ev["classified_by"]


def test_web_article_with_markup_is_shown_as_text(
    browser: Any, web_server: Any, artifacts: Path
) -> None:
    from selenium.webdriver.common.by import By

    (ev,) = [e for e in _api_events(web_server) if e["location"] == "Lagos"]
    for route in (f"#/event/{ev['event_id']}", f"#/article/{ev['sources'][0]}"):
        _open(browser, web_server, route)
        box = _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".detail .article-text"))[0]
        shown = box.get_attribute("textContent")
        assert shown == XSS["text"]
        for mark in XSS_MARKS:
            assert mark in shown
        heading = ".detail h4" if route.startswith("#/event/") else ".detail h2"
        assert browser.find_element(By.CSS_SELECTOR, heading).text == XSS["title"]
        assert browser.execute_script("return typeof window.__pwned") == "undefined"
        assert browser.execute_script(
            "return document.querySelectorAll('.detail script, .detail img').length"
        ) == 0  # fmt: skip
        # The page's own bundle is the only script in the document, and none was refused.
        assert browser.execute_script("return document.scripts.length") == 1
        assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    _shot(browser, artifacts, "5-laptop-article-with-markup")


def test_web_actor_view_lists_the_actors_events(
    browser: Any, web_server: Any, artifacts: Path
) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, web_server, "#/actors")
    links = _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "ul.actors li a"))
    name = links[0].text
    links[0].click()
    expected = _api_events(web_server, actor=name)
    items = _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "ul.actor-events li"))
    assert sorted(i.get_attribute("data-event-id") for i in items) == sorted(
        e["event_id"] for e in expected
    )
    assert browser.find_element(By.CSS_SELECTOR, "#tab-actors h2").text == name
    _shot(browser, artifacts, "6-laptop-actor")


def test_web_phone_layout_stacks_the_panels(browser: Any, web_server: Any, artifacts: Path) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, web_server, size=PHONE)
    _assert_map_shows(browser, _api_events(web_server))
    layout = browser.execute_script(
        "const r = (s) => document.querySelector(s).getBoundingClientRect();"
        "const root = document.documentElement;"
        "return {wide: root.scrollWidth, view: root.clientWidth,"
        " map: r('#map-pane'), time: r('#timeline-pane'), side: r('#side'),"
        " filters: getComputedStyle(document.querySelector('#filters')).display};"
    )
    assert layout["wide"] <= layout["view"], "no sideways scrolling on a phone"
    assert layout["map"]["width"] >= layout["view"] - 2
    assert layout["map"]["bottom"] <= layout["time"]["top"] + 1
    assert layout["time"]["bottom"] <= layout["side"]["top"] + 1
    assert layout["filters"] == "none"
    _shot(browser, artifacts, "7-phone-map")
    browser.find_element(By.ID, "filters-toggle").click()
    assert browser.find_element(By.ID, "filters").is_displayed()
    _shot(browser, artifacts, "8-phone-filters")
    (ev,) = [e for e in _api_events(web_server) if e["location"] == "Mogadishu"]
    browser.execute_script(f"location.hash = '#/event/{ev['event_id']}'")
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".detail .article-text"))
    # The page scrolls down to the panel by itself.
    top = "return document.querySelector('#side').getBoundingClientRect().top"
    _wait(browser, lambda d: abs(d.execute_script(top)) < 2)
    assert browser.execute_script("return document.documentElement.scrollWidth") <= PHONE[0]
    _shot(browser, artifacts, "9-phone-event")


# -- acceptance: the example report ----------------------------------------------------------


@pytest.fixture(scope="module")
def example_server(tmp_path_factory: pytest.TempPathFactory, start_server: Any) -> Any:
    """A server over the example report, ingested with --published 2026-01-17."""
    if not EXAMPLE.exists():
        pytest.skip(f"the example report is not here ({EXAMPLE})")
    import eventwire

    db = str(tmp_path_factory.mktemp("example") / "example.db")
    report = eventwire.ingest([str(EXAMPLE)], db=db, published="2026-01-17")
    assert report.stored == 1
    return start_server(db)


def test_web_example_report_shows_both_syrian_events_and_the_strikes_evidence(
    browser: Any, example_server: Any, artifacts: Path
) -> None:
    from selenium.webdriver.common.by import By

    events = _api_events(example_server)
    assert len(events) == 2 and {e["country"] for e in events} == {"Syria"}
    _open(browser, example_server)
    _assert_map_shows(browser, events)
    _shot(browser, artifacts, "10-example-map")
    (strike,) = [e for e in events if e["sub_event_type"] == "Air/drone strike"]
    browser.execute_script(f"location.hash = '#/event/{strike['event_id']}'")
    box = _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".detail .article-text"))[0]
    marked = [m[4].lower() for m in browser.execute_script(_MARKS_JS, box)["marks"]]
    for word in ("airstrike", "friday", "killed"):
        assert any(word in m.split() for m in marked), (word, marked)
    _shot(browser, artifacts, "11-example-strike")


def test_web_table_sorts_and_follows_the_map_view(
    browser: Any, web_server: Any, artifacts: Path
) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, web_server)
    everything = {e["event_id"]: e for e in _api_events(web_server)}
    browser.find_element(By.XPATH, "//th/button[starts-with(., 'Killed')]").click()
    _settled(browser)
    tolls = [everything[i]["fatalities"] for i in _table_ids(browser)]
    assert tolls == sorted(tolls) and len(tolls) == len(everything)
    browser.find_element(By.XPATH, "//th/button[starts-with(., 'Killed')]").click()
    _wait(browser, lambda d: [everything[i]["fatalities"] for i in _table_ids(d)]
          == sorted(tolls, reverse=True))  # fmt: skip
    # Zoom in once, then keep to what the map shows. (Two clicks were racing Leaflet's
    # zoom animation: the second one counted only sometimes, and two whole levels in
    # leave the fitted view's middle, where no event lies.)
    _map_still(browser)
    browser.find_element(By.CSS_SELECTOR, ".leaflet-control-zoom-in").click()
    _settled(browser)
    _map_still(browser)
    browser.find_element(By.NAME, "in_view").click()
    _wait(browser, lambda d: d.execute_script("return document.body.dataset.bbox"))
    _settled(browser)
    bbox = browser.execute_script("return document.body.dataset.bbox")
    inside = _api_events(web_server, bbox=bbox)
    assert 0 < len(inside) < len(everything), bbox
    _wait(browser, lambda d: sorted(_table_ids(d)) == sorted(e["event_id"] for e in inside))
    _shot(browser, artifacts, "12-laptop-in-view")


def _png(size: int = 256) -> bytes:
    """A plain light-grey PNG tile, made here (no imaging library needed)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\0" + b"\xdd" * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))  # fmt: skip


def test_web_online_tiles_from_a_configured_url(
    browser: Any, web_store: str, start_server: Any, artifacts: Path
) -> None:
    """--tile-url draws tiles under the borders; here from a tile server on 127.0.0.1."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    tile, asked = _png(), []

    class Tiles(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(tile)))
            self.end_headers()
            self.wfile.write(tile)

        def log_message(self, *args: Any) -> None:
            pass

    tiles = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=tiles.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{tiles.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
        server = start_server(web_store, None, "--tile-url", url, "--tile-attribution", "Test")
        _open(browser, server)
        _wait(browser, lambda d: d.execute_script(
            "return document.querySelectorAll('img.leaflet-tile-loaded').length") > 0)  # fmt: skip
        assert asked and all(p.endswith(".png") and p.count("/") == 3 for p in asked)
        assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
        assert "Test" in browser.find_element("css selector", ".leaflet-control-attribution").text
        _shot(browser, artifacts, "13-laptop-tiles")
    finally:
        tiles.shutdown()
