"""Ingest end to end: the real command, bad inputs, kill -9 and resume, feeds over HTTP.

Texts are invented for the project (tests/corpus_events.py and the literals below).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from corpus_events import make_corpus
from eventwire.ingestion import ingest
from eventwire.store import EventFilter, open_store
from test_store import _snapshot

REPORT = (
    "Government troops clashed with Al Shabaab fighters near Baidoa on 12 March 2024, "
    "leaving four soldiers dead, officials said. The army said that the fighting lasted "
    "for most of the afternoon and that the area was calm again by the evening."
)


def _write_corpus(path: Path, n: int) -> None:
    arts = make_corpus(seed=3, n_events=n // 4, n_unrelated=n // 10).articles[:n]
    with path.open("w", encoding="utf-8") as f:
        for art in arts:
            f.write(json.dumps(art) + "\n")


def _bad_inputs(folder: Path) -> dict[str, str]:
    """A folder of awkward inputs; the reason each must be listed with."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    folder.mkdir()
    (folder / "good.txt").write_text(REPORT, encoding="utf-8")
    (folder / "copy.txt").write_text(REPORT, encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" * 40)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.html").write_text(
        "<html><body><div><p>" + REPORT.replace("four", "six") + "<b>unclosed</p></span><div",
        "utf-8",
    )
    (folder / "scripts.html").write_text("<html><body><script>x()</script></body></html>")
    (folder / "utf16.txt").write_bytes(REPORT.encode("utf-16-le"))  # no BOM: NULs throughout
    (folder / "legacy.txt").write_bytes(("Caf\u00e9 owners said: " + REPORT).encode("cp1252"))
    (folder / "lines.jsonl").write_text('{"text": "' + REPORT[:90] + '"}\n{oops\n', "utf-8")
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for n in range(3):
        body = (REPORT.replace("four", ["two", "three", "five"][n]) + f" Page {n}.").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://x.example/{n}", "response",
                            payload=io.BytesIO(body), http_headers=headers))  # fmt: skip
    data = buf.getvalue()
    assert gzip.decompress(data)
    (folder / "crawl.warc.gz").write_bytes(data[: len(data) - 200])
    return {
        "good.txt": "duplicate of article",  # copy.txt comes first: files are read sorted
        "photo.jpg": "binary input, not text",
        "empty.txt": "no text",
        "scripts.html": "no text",
        "utf16.txt": "binary input, not text",
        "lines.jsonl#L2": "not JSON",
        "crawl.warc.gz#offset=": "damaged or truncated WARC",
    }


def test_ingestion_cli_reports_every_bad_input_and_goes_on(run_cli, tmp_path: Path) -> None:
    expected = _bad_inputs(tmp_path / "in")
    db = str(tmp_path / "e.db")
    proc = run_cli("ingest", str(tmp_path / "in"), "--db", db, "--published", "2024-03-13")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    listed = run_cli("errors", "--db", db, "--json")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    for name, reason in expected.items():
        hits = [r for r in rows if name in r["source"]]
        assert hits and reason in hits[0]["reason"], (name, rows)
    with open_store(db) as store:
        counts = store.counts()
        stored = {r["source"].rsplit("/", 1)[1] for r in store.db.query(
            "SELECT source FROM inputs WHERE status = 'stored'")}  # fmt: skip
    # copy.txt, the broken page's text, the JSONL's good line, the WARC's whole records.
    assert {"copy.txt", "broken.html", "legacy.txt", "lines.jsonl#L1"} <= stored and counts[
        "articles"
    ] == len(stored)
    assert any(s.startswith("crawl.warc.gz#offset=") for s in stored)
    assert counts["inputs_failed"] + counts["inputs_skipped"] == len(rows)
    # A legacy encoding is read, stored, and listed among the warnings.
    warned = run_cli("errors", "--db", db, "--warnings").stdout
    assert "legacy.txt\tnot valid UTF-8; decoded as cp1252" in warned
    # Everything offered is accounted for: stored, skipped or failed.
    again = run_cli("ingest", str(tmp_path / "in"), "--db", db)
    assert again.returncode == 0 and "inputs: 0 stored, 0 updated, 7 unchanged" in again.stderr
    with open_store(db) as store:
        assert store.counts() == counts


def _ingest_cmd(jsonl: Path, db: str) -> list[str]:
    return [sys.executable, "-m", "eventwire", "ingest", str(jsonl), "--db", db,
            "--batch-size", "4"]  # fmt: skip


def _articles(db: str) -> int:
    try:
        with open_store(db) as store:
            return store.counts()["articles"]
    except Exception:  # the writer may not have created the schema yet
        return 0


def test_ingestion_kill_9_resumes_to_the_same_database(store_url, tmp_path: Path) -> None:
    jsonl = tmp_path / "news.jsonl"
    _write_corpus(jsonl, 160)
    whole = str(tmp_path / "whole.db")
    ingest([str(jsonl)], db=whole)

    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen(_ingest_cmd(jsonl, store_url), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.monotonic() + 240
    while _articles(store_url) < 30 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    partial = _articles(store_url)
    assert 30 <= partial < 160

    resumed = subprocess.run(_ingest_cmd(jsonl, store_url), env=env, capture_output=True,
                             text=True, timeout=300)  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    assert f"{partial} unchanged" in resumed.stderr
    with open_store(whole) as a, open_store(store_url) as b:
        assert _snapshot(b) == _snapshot(a)


class _Feeds(BaseHTTPRequestHandler):
    """Serves invented feeds: /feed.xml (two items), anything else 404."""

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path != "/feed.xml":
            self.send_error(404)
            return
        items = "".join(
            f"<item><title>Report {n}</title><link>http://127.0.0.1/{n}</link>"
            f"<pubDate>Wed, 13 Mar 2024 08:00:00 GMT</pubDate><description>"
            f"{REPORT.replace('four', word)}</description></item>"
            for n, word in enumerate(("four", "five"))
        )
        body = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A local HTTP server on 127.0.0.1 answering with ``handler``; its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def feed_server() -> Iterator[str]:
    """A local HTTP server serving invented feeds; its base URL."""
    with serving(_Feeds) as base:
        yield base


def test_ingestion_feed_url_is_read_once_and_merged(store_url, feed_server: str) -> None:
    report = ingest(db=store_url, feeds=[f"{feed_server}/feed.xml", f"{feed_server}/nope.xml"])
    assert (report.stored, report.failed) == (2, 1)
    with open_store(store_url) as store:
        (ev,), total = store.query_events()
        assert total == 1 and ev.location == "Baidoa" and ev.event_date == "2024-03-12"
        assert (ev.fatalities, ev.fatalities_low, ev.fatalities_high) == (4, 4, 5)
        assert len(ev.sources) == 2
        (err,) = store.errors()
        assert err["source"] == f"{feed_server}/nope.xml" and err["reason"].endswith("HTTP 404")
        art = store.get_article(ev.sources[0])
        assert art["url"] == "http://127.0.0.1/0" and art["title"] == "Report 0"


# A feed whose summaries are one-line teasers; the pages hold the reports (invented).
TEASER = "Fighting near the town of {town}; more to follow."
PAGE = (
    "<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>"
    "<article><h1>{title}</h1><p>{lead}</p><p>Residents said that shops stayed shut and "
    "that most families kept their children at home for the rest of the week, while "
    "the local council asked for calm and promised to repair the damaged market.</p>"
    "</article><footer>Contact us</footer></body></html>"
)
PAGE_LEADS = {
    "/news/kismayo": "Government troops clashed with Al Shabaab fighters near Kismayo on "
                     "12 March 2024, leaving seven soldiers dead, officials said.",
}  # fmt: skip


class _Pages(BaseHTTPRequestHandler):
    """/pages.xml: items whose links give a page, a 404, and a PDF; the pages themselves."""

    hits: dict[str, int] = {}

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        _Pages.hits[self.path] = _Pages.hits.get(self.path, 0) + 1
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/pages.xml":
            items = "".join(
                f"<item><title>Report {town}</title><link>{base}{path}</link>"
                f"<pubDate>Wed, 13 Mar 2024 08:00:00 GMT</pubDate>"
                f"<description>{TEASER.format(town=town)}</description></item>"
                for town, path in (("Kismayo", "/news/kismayo"), ("Jowhar", "/news/gone"),
                                   ("Marka", "/news/marka.pdf"))
            )
            self._send("application/rss+xml", f'<?xml version="1.0"?><rss version="2.0">'
                                              f"<channel>{items}</channel></rss>")
        elif self.path in PAGE_LEADS:
            self._send("text/html; charset=utf-8",
                       PAGE.format(title="Clash near Kismayo", lead=PAGE_LEADS[self.path]))
        elif self.path.endswith(".pdf"):
            self._send("application/pdf", "%PDF-1.4 not a page")
        else:
            self.send_error(404)

    def _send(self, kind: str, body: str) -> None:
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def pages_server() -> Iterator[str]:
    _Pages.hits = {}
    with serving(_Pages) as base:
        yield base


def test_ingestion_feed_items_are_coded_from_their_pages(store_url, pages_server: str) -> None:
    feed = f"{pages_server}/pages.xml"
    report = ingest(db=store_url, feeds=[feed])
    assert (report.stored, report.failed) == (3, 0)
    with open_store(store_url) as store:
        by_title = {}
        for source in (f"{feed}#{pages_server}{p}" for p in
                       ("/news/kismayo", "/news/gone", "/news/marka.pdf")):
            (row,) = store.db.query("SELECT article_id, reason FROM inputs WHERE source = ?",
                                    (source,))  # fmt: skip
            art = store.get_article(row["article_id"])
            by_title[art["title"]] = (art["text"], row["reason"])
        # The page's main text is the article: its toll and place, not the teaser's.
        text, reason = by_title["Report Kismayo"]
        assert "seven soldiers dead" in text and "Home | World" not in text
        assert "summary" not in (reason or "")
        (ev,), _n = store.query_events(EventFilter(text="Kismayo"))
        assert ev.fatalities == 7 and ev.location == "Kismayo"
        # A page that cannot be had, or is no web page: the summary, and why.
        text, reason = by_title["Report Jowhar"]
        assert text == TEASER.format(town="Jowhar")
        assert "HTTP 404" in reason and "coded from the feed's summary" in reason
        text, reason = by_title["Report Marka"]
        assert text == TEASER.format(town="Marka") and "not a web page" in reason
    assert _Pages.hits["/news/kismayo"] == 1
    # Read again: the page already stored is not fetched again; nothing changes.
    again = ingest(db=store_url, feeds=[feed])
    assert (again.stored, again.unchanged, again.skipped, again.failed) == (0, 3, 0, 0)
    assert _Pages.hits["/news/kismayo"] == 1 and _Pages.hits["/pages.xml"] == 2


def test_ingestion_feed_summaries_only_with_no_pages(run_cli, pages_server: str,
                                                     tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    proc = run_cli("ingest", "--feed", f"{pages_server}/pages.xml", "--no-pages", "--db", db)
    assert proc.returncode == 0, proc.stderr
    assert "3 stored" in proc.stderr
    assert not any(p.startswith("/news/") for p in _Pages.hits)
    with open_store(db) as store:
        texts = {store.get_article(r["article_id"])["text"]
                 for r in store.db.query("SELECT article_id FROM inputs")}  # fmt: skip
    assert texts == {TEASER.format(town=t) for t in ("Kismayo", "Jowhar", "Marka")}


def test_ingestion_newer_version_recodes_and_keeps_history(store_url, tmp_path: Path) -> None:
    """Re-ingesting with a newer eventwire re-codes the articles; old versions remain."""
    from eventwire.ingestion import in_process

    jsonl = tmp_path / "news.jsonl"
    jsonl.write_text(
        json.dumps({"text": REPORT, "published": "2024-03-13"}) + "\n"
        + json.dumps({"text": REPORT.replace("four", "six"), "published": "2024-03-13"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    first = ingest([str(jsonl)], db=store_url, version="0.1.0")
    assert (first.stored, first.events) == (2, 2)
    same = ingest([str(jsonl)], db=store_url, version="0.1.0")
    assert same.unchanged == 2 and same.events == 0

    def newer(batches):  # type: ignore[no-untyped-def]
        # A later coder that reads the toll of the first report differently.
        for results in in_process()(batches):
            for r in results:
                for ev in r.events:
                    if ev.fatalities == 4:
                        ev.fatalities = 3
            yield results

    again = ingest([str(jsonl)], db=store_url, version="0.2.0", extractor=newer)
    assert again.updated == 2
    with open_store(store_url) as store:
        (ev,), _ = store.query_events()
        assert (ev.fatalities, ev.fatalities_low, ev.fatalities_high) == (3, 3, 6)
        history = store.history(ev.event_id)
        assert [h["data"]["fatalities"] for h in history] == [4, 4, 3]
        assert history[-1]["eventwire_version"] == "0.2.0"
        assert history[-1]["reason"].startswith("re-coded: article ")
        versions = {r["extractor_version"] for r in store.db.query(
            "SELECT extractor_version FROM articles")}  # fmt: skip
        assert versions == {"0.2.0"}
