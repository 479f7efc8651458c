"""The analyst's workbench in a real browser (issue 14): Debian's Chromium through Selenium
over a real ``eventwire serve``. The edit mode corrects and rejects events on a writable
server of its own (the invented folder of ``workbench_data``); the rest reads the shared
store of ``webdata``. Each state is photographed into test-artifacts/.
"""

from __future__ import annotations

import csv
import io
import time
import urllib.parse
from typing import Any

import pytest

from test_api import TOKEN
from test_web import LAPTOP, PHONE, _api_events, _open, _settled, _shot, _table_ids, _wait
from workbench_data import write_courier, write_folder


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory, start_server: Any) -> Any:
    """A server with a write token over the invented folder and the courier's report."""
    import eventwire

    base = tmp_path_factory.mktemp("web-workbench")
    db = str(base / "w.db")
    eventwire.ingest([str(write_folder(base / "news")), str(write_courier(base / "later").parent)],
                     db=db, published="2024-03-20", workers=1)  # fmt: skip
    return start_server(db, TOKEN)


def _by(server: Any, **want: Any) -> dict[str, Any]:
    (ev,) = [e for e in _api_events(server, status="all")
             if all(e[k] == v for k, v in want.items())]  # fmt: skip
    return ev


def _start_editing(browser: Any, server: Any, who: str) -> None:
    from selenium.webdriver.common.by import By

    browser.find_element(By.ID, "edit-toggle").click()
    login = browser.find_element(By.ID, "edit-login")
    login.find_element(By.NAME, "token").send_keys(TOKEN)
    login.find_element(By.NAME, "who").send_keys(who)
    login.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait(browser, lambda d: d.execute_script("return document.body.classList.contains('editing')"))


def _edit_form(browser: Any, event_id: str) -> Any:
    from selenium.webdriver.common.by import By

    browser.execute_script(f"location.hash = '#/event/{event_id}'")
    return _wait(browser, lambda d: d.find_elements(
        By.CSS_SELECTOR, f'.edit-form[data-event-id="{event_id}"]'))[0]  # fmt: skip


def test_web_edit_mode_corrects_a_field_beside_its_evidence(browser, writable, artifacts) -> None:
    from selenium.webdriver.common.by import By

    fasher = _by(writable, location="El Fasher")
    _open(browser, writable)
    _start_editing(browser, writable, "amina")
    form = _edit_form(browser, fasher["event_id"])
    row = form.find_element(By.CSS_SELECTOR, '.edit-row[data-field="fatalities"]')
    # The sources' words for the toll stand beside its box.
    assert "seven" in row.find_element(By.CSS_SELECTOR, ".evidence-beside").text
    box = row.find_element(By.NAME, "fatalities")
    assert box.get_attribute("value") == "7"
    # A wrong type is answered by the server, shown, and changes nothing.
    box.clear()
    box.send_keys("ten")
    form.find_element(By.NAME, "why").send_keys("the hospital's list")
    form.find_element(By.CSS_SELECTOR, "button[value=save]").click()
    refusal = "fields.fatalities: must be a whole number"
    _wait(browser, lambda d: refusal in d.find_element(By.CSS_SELECTOR, ".edit-message").text)
    assert _by(writable, location="El Fasher")["fatalities"] == 7
    _shot(browser, artifacts, "20-edit-refused")
    box.clear()
    box.send_keys("9")
    form.find_element(By.CSS_SELECTOR, "button[value=save]").click()
    _wait(browser, lambda d: _by(writable, location="El Fasher")["fatalities"] == 9)
    _, detail = writable.get(f"/api/events/{fasher['event_id']}")
    last = detail["history"][-1]
    assert (last["who"], last["why"]) == ("amina", "the hospital's list")
    assert last["reason"].startswith("corrected: fatalities 7 -> 9")
    # The panel is drawn again from the answer, and the table shows the new toll.
    saved = '.edit-form [name="fatalities"]'
    _wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, saved).get_attribute("value") == "9")
    _settled(browser)
    _shot(browser, artifacts, "21-edit-saved")


def test_web_edit_mode_rejects_an_event(browser, writable, artifacts) -> None:
    from selenium.webdriver.common.by import By

    kaduna = _by(writable, location="Kaduna")["event_id"]
    _open(browser, writable)
    if not browser.execute_script("return document.body.classList.contains('editing')"):
        _start_editing(browser, writable, "amina")
    assert kaduna in _table_ids(browser)
    form = _edit_form(browser, kaduna)
    form.find_element(By.NAME, "why").send_keys("a drill reported as an attack")
    form.find_element(By.CSS_SELECTOR, "button[value=rejected]").click()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".detail .rejected-note"))
    _wait(browser, lambda d: kaduna not in _table_ids(d))
    assert _by(writable, event_id=kaduna)["review"] == "rejected"
    assert browser.find_element(By.CSS_SELECTOR, ".edit-form button[value=rejected]"
                                ).get_attribute("disabled") is not None  # fmt: skip
    _shot(browser, artifacts, "22-rejected")
    # The status filter brings it back, struck through.
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element(By.NAME, "status")).select_by_value("all")
    _wait(browser, lambda d: kaduna in _table_ids(d))
    row = browser.find_element(By.CSS_SELECTOR, f'#tab-events tr[data-event-id="{kaduna}"]')
    assert "rejected" in row.get_attribute("class")
    assert "status=all" in browser.execute_script("return location.search")
    _shot(browser, artifacts, "23-rejected-shown")


def test_web_sources_show_outlets_titles_and_each_toll(browser, writable, artifacts) -> None:
    from selenium.webdriver.common.by import By

    raid = _by(writable, location="Baidoa", sub_event_type="Armed clash")
    _open(browser, writable, f"#/event/{raid['event_id']}")
    heads = _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".detail article.source h4"))
    assert [x.text for x in heads] == ["Army base raided near Baidoa",
                                       "Soldiers die in Baidoa base attack"]  # fmt: skip
    outlets = [x.text for x in browser.find_elements(By.CSS_SELECTOR, ".detail .source .outlet")]
    assert outlets == ["herald-baidoa.txt", "courier.example"]  # not their paths
    tolls = [x.text for x in browser.find_elements(By.CSS_SELECTOR, ".detail .own-toll")]
    assert tolls == ["says 23 killed", "says 1 killed"]
    flags = browser.find_element(By.CSS_SELECTOR, ".detail .flags").text
    assert "courier.example gives 1, far below the others (23)" in flags
    if not browser.find_elements(By.CSS_SELECTOR, ".edit-form"):
        rows = browser.find_elements(By.CSS_SELECTOR, ".detail dl.fields .row")
        shown = {r.find_element(By.TAG_NAME, "dt").text: r.find_element(By.TAG_NAME, "dd").text
                 for r in rows}  # fmt: skip
        assert shown["Fatalities"] == "23 — by source: 23 herald-baidoa.txt, 1 courier.example"
    _shot(browser, artifacts, "24-sources-and-tolls")


def test_web_download_this_view(browser, web_server, artifacts, tmp_path) -> None:
    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Browser.setDownloadBehavior",
                            {"behavior": "allow", "downloadPath": str(tmp_path)})  # fmt: skip
    _open(browser, web_server, "?event_type=Battles")
    want = [e["event_id"] for e in _api_events(web_server, event_type="Battles",
                                               sort="-event_date")]  # fmt: skip
    where = '#downloads a[data-format="acled-csv"]'
    _wait(browser, lambda d: "event_type=Battles" in d.find_element(By.CSS_SELECTOR, where
                                                                    ).get_attribute("href"))
    link = browser.find_element(By.CSS_SELECTOR, where)
    link.click()
    target = tmp_path / "eventwire-events.csv"
    deadline = time.monotonic() + 30
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [r["event_id_cnty"] for r in rows] == want and want
    for fmt in ("geojson", "jsonl"):
        href = browser.find_element(By.CSS_SELECTOR, f'#downloads a[data-format="{fmt}"]'
                                    ).get_attribute("href")  # fmt: skip
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(href).query)
        assert query["format"] == [fmt] and query["event_type"] == ["Battles"]
    _shot(browser, artifacts, "25-download")


def test_web_shared_url_reloads_with_its_filters(browser, web_server, artifacts) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    shared = "?event_type=Battles&since=2024-03-05&until=2024-03-15&sort=-fatalities#/events"
    _open(browser, web_server, shared)
    assert Select(browser.find_element(By.NAME, "event_type")).first_selected_option.text \
        == "Battles"  # fmt: skip
    assert browser.find_element(By.ID, "range-label").text == "2024-03-05 to 2024-03-15"
    want = _api_events(web_server, event_type="Battles", since="2024-03-05", until="2024-03-15",
                       sort="-fatalities")  # fmt: skip
    _wait(browser, lambda d: _table_ids(d) == [e["event_id"] for e in want] and want)
    # A change of filter goes into the address, which opens the same view again.
    Select(browser.find_element(By.NAME, "event_type")).select_by_visible_text("Protests")
    _wait(browser, lambda d: "event_type=Protests" in d.execute_script("return location.search"))
    address = browser.execute_script("return location.href")
    protests = [e["event_id"] for e in _api_events(web_server, event_type="Protests",
                                                   since="2024-03-05", until="2024-03-15",
                                                   sort="-fatalities")]  # fmt: skip
    _open(browser, web_server, address.split("/", 3)[3])
    _wait(browser, lambda d: _table_ids(d) == protests)
    _shot(browser, artifacts, "26-shared-url")


def _labels(browser: Any) -> dict[str, set[str]]:
    found = browser.execute_script(
        "return [...document.querySelectorAll('.map-label')]"
        ".map(e => [e.dataset.kind, e.dataset.name])"
    )
    out: dict[str, set[str]] = {}
    for kind, name in found:
        out.setdefault(kind, set()).add(name)
    return out


@pytest.mark.parametrize(
    ("view", "zoom", "shown", "hidden"),
    [
        ("3/5/35", 3, {"country": {"Somalia", "Kenya", "Ethiopia"}}, {"admin1", "town:Baidoa"}),
        ("8/2.3/45", 8, {"town": {"Mogadishu", "Afgooye"}, "admin1": {"Lower Shabelle", "Bay"}},
         {"country"}),
    ],
)  # fmt: skip
def test_web_labelled_basemap_at_two_zoom_levels(browser, web_server, artifacts, view, zoom,
                                                 shown, hidden) -> None:  # fmt: skip
    _open(browser, web_server, f"?view={view}")
    _wait(browser, lambda d: d.execute_script("return document.body.dataset.labelsZoom")
          == str(zoom), what="the labels of this zoom never came")  # fmt: skip
    labels = _labels(browser)
    for kind, names in shown.items():
        assert names <= labels.get(kind, set()), (kind, labels.get(kind))
    for gone in hidden:
        kind, _, name = gone.partition(":")
        assert (name not in labels.get(kind, set())) if name else kind not in labels, labels
    # No tiles and nothing from outside: the names come with the page's server.
    tiles = browser.execute_script("return document.querySelectorAll('img.leaflet-tile').length")
    assert tiles == 0
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    _shot(browser, artifacts, f"27-basemap-zoom-{zoom}")


def test_web_article_view_renders_claims_and_quotes(browser, web_server, artifacts) -> None:
    from selenium.webdriver.common.by import By

    (ev,) = [e for e in _api_events(web_server) if e["location"] == "Tessalit"]
    _open(browser, web_server, f"#/article/{ev['sources'][0]}")
    claims = _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".detail ul.claims li"))
    assert "more than 200" in claims[0].text and "militants" in claims[0].text
    quotes = [q.text for q in browser.find_elements(By.CSS_SELECTOR, ".detail ul.quotes li")]
    (said,) = [q for q in quotes if q.startswith("We will not stop until the region is safe")]
    assert "Souleymane Dembele, spokesman" in said
    _, body = web_server.get(f"/api/articles/{ev['sources'][0]}")
    assert len(quotes) == len(body["article"]["quotes"]) >= 2  # reported speech too
    assert "[object" not in browser.find_element(By.CSS_SELECTOR, ".detail").text
    _shot(browser, artifacts, "28-article-claims-quotes")


def test_web_selected_event_is_drawn_above_its_cluster(browser, web_server, artifacts) -> None:
    everything = [e for e in _api_events(web_server) if e["latitude"] is not None]
    _open(browser, web_server)
    drawn = set(browser.execute_script(
        "return [...document.querySelectorAll('path.ev-marker')]"
        ".map(p => p.dataset.eventId)"))  # fmt: skip
    hidden = [e for e in everything if e["event_id"] not in drawn]
    assert hidden, "the fitted view should cluster some events"
    ev = hidden[0]
    browser.execute_script(f"location.hash = '#/event/{ev['event_id']}'")
    dot = _wait(browser, lambda d: d.execute_script(
        "return document.querySelector('path.ev-selected-dot')"))  # fmt: skip
    # What lies on top at the event's place is the chosen event, not its cluster.
    top = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "const el = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);"
        "return el && (el.getAttribute('class') || '') + '|' + (el.dataset.eventId || '');",
        dot,
    )
    assert "ev-selected-dot" in top and top.endswith(f"|{ev['event_id']}"), top
    _shot(browser, artifacts, "29-selected-above-cluster")


def test_web_timeline_counts_the_dead_per_day(browser, web_server, artifacts) -> None:
    _open(browser, web_server)
    _, stats = web_server.get("/api/stats")
    want = {r["event_date"]: r["fatalities"] for r in stats["by_day"] if r["event_date"]}
    shown = browser.execute_script(
        "return Object.fromEntries([...document.querySelectorAll('#timeline circle.killed')]"
        ".map(c => [c.dataset.day, Number(c.dataset.killed)]))"
    )
    assert {d: k for d, k in shown.items() if k} == {d: k for d, k in want.items() if k}
    scale = browser.execute_script("return document.querySelector('#timeline .killed-scale')"
                                   ".textContent")  # fmt: skip
    assert scale == f"{max(want.values())} killed"
    _shot(browser, artifacts, "30-timeline-dead")


def test_web_search_knows_actor_aliases(browser, web_server, artifacts) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, web_server)
    browser.find_element(By.NAME, "text").send_keys("RSF")
    (fasher,) = [e["event_id"] for e in _api_events(web_server) if e["location"] == "El Fasher"]
    _wait(browser, lambda d: _table_ids(d) == [fasher])


def test_web_evidence_names_readable_on_a_touch_screen(browser, web_server, artifacts) -> None:
    from selenium.webdriver.common.by import By

    (ev,) = [e for e in _api_events(web_server) if e["location"] == "Mogadishu"]
    _open(browser, web_server, f"#/event/{ev['event_id']}", size=PHONE)
    mark = _wait(browser, lambda d: d.find_elements(
        By.CSS_SELECTOR, ".detail mark[data-field='fatalities']"))[0]  # fmt: skip
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()  # a tap: no hover, no title tooltip
    tip = browser.find_element(By.ID, "mark-tip")
    assert tip.is_displayed() and tip.text.startswith("Evidence for fatalities")
    below = browser.execute_script(
        "const m = arguments[0].getBoundingClientRect(), t = arguments[1]"
        ".getBoundingClientRect(); return t.top >= m.bottom - 1 && t.top - m.bottom < 20;",
        mark, tip)  # fmt: skip
    assert below
    _shot(browser, artifacts, "31-phone-evidence-tap")
    browser.find_element(By.CSS_SELECTOR, ".detail h2").click()
    assert not tip.is_displayed()
    browser.set_window_size(*LAPTOP)
