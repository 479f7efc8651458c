"""Watching feeds: a real HTTP server on 127.0.0.1 plays feeds that work, move, stall,
fail and return garbage; the watch polls them in rounds on a stand-in clock.

The feed items are invented for the project.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.store import EventFilter, open_store
from eventwire.watching import (
    feed_status,
    parse_interval,
    read_feed_entries,
    read_feed_list,
    watch,
)

# Invented reports, one per feed item.
ITEMS = {
    "a1": "Police fired tear gas at hundreds of teachers protesting over unpaid salaries in "
    "Nairobi, Kenya, on 4 June 2024, witnesses said.",
    "a2": "Gunmen killed three farmers in Jos, Nigeria, on 3 June 2024, police said.",
    "n1": "Soldiers clashed with Al Shabaab fighters near Kismayo, Somalia, on 2 June 2024, "
    "leaving two soldiers dead, the army said.",
}


def _rss(*keys: str) -> bytes:
    items = "".join(
        f"<item><title>Item {k}</title><link>http://news.invalid/{k}</link>"
        f"<pubDate>Wed, 05 Jun 2024 08:00:00 GMT</pubDate><description>{ITEMS[k]}"
        f"</description></item>"
        for k in keys
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


class _Script(BaseHTTPRequestHandler):
    """Answers each path as the test's ``behaviour`` says; logs every request."""

    behaviour: dict[str, str] = {}
    log: list[tuple[str, str | None]] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.log.append((self.path, self.headers.get("If-None-Match")))
        how = self.behaviour.get(self.path, "404")
        if how == "feed-a":
            if self.headers.get("If-None-Match") == '"v1"':
                self._send(304, b"")
            else:
                self._send(200, _rss("a1", "a2"), etag='"v1"')
        elif how == "feed-n":
            self._send(200, _rss("n1"))
        elif how.startswith("redirect "):
            code, target = how.split()[1:]
            self.send_response(int(code))
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif how == "garbage":
            self._send(200, b'<?xml version="1.0"?><rss><chan<<< & not xml \x00\x01')
        elif how == "slow":
            time.sleep(1.5)
            self._send(200, _rss("a1"))
        else:
            self._send(int(how), b"")

    def _send(self, code: int, body: bytes, etag: str | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", "application/rss+xml")
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        pass  # the stalled feed writes to a client that gave up: expected, not news


@pytest.fixture
def feeds_server() -> Iterator[tuple[str, dict[str, str], list[tuple[str, str | None]]]]:
    """A scripted feed server on 127.0.0.1: (base URL, behaviour by path, request log)."""
    behaviour: dict[str, str] = {}
    seen: list[tuple[str, str | None]] = []
    handler = type("Handler", (_Script,), {"behaviour": behaviour, "log": seen})
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", behaviour, seen
    finally:
        server.shutdown()
        server.server_close()


class _Clock:
    """Stands in for the wall clock and for sleep: sleeping moves the clock on."""

    def __init__(self) -> None:
        self.now = dt.datetime(2024, 6, 5, 9, 0, tzinfo=dt.UTC)
        self.sleeps: list[float] = []

    def __call__(self) -> dt.datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += dt.timedelta(seconds=seconds)


def test_watching_rounds_retry_back_off_follow_moves_and_recover(feeds_server, store_url,
                                                              tmp_path: Path) -> None:  # fmt: skip
    base, behaviour, seen = feeds_server
    behaviour.update({
        "/a.xml": "feed-a", "/old.xml": f"redirect 301 {base}/mid.xml",
        "/mid.xml": f"redirect 308 {base}/new.xml", "/new.xml": "feed-n",
        "/elsewhere.xml": f"redirect 302 {base}/new.xml",
        "/garbage.xml": "garbage", "/down.xml": "500", "/slow.xml": "slow",
        "/gone.xml": "404",
    })  # fmt: skip
    names = ["a", "old", "elsewhere", "garbage", "down", "slow", "gone"]
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# invented feeds\n" + "".join(f"{base}/{n}.xml\n" for n in names))
    clock = _Clock()
    rounds: list[dict[str, object]] = [{}]

    def note(state) -> None:  # type: ignore[no-untyped-def]
        rounds[-1][state.url.rsplit("/", 1)[1]] = state.status

    def run(n: int) -> None:
        for _ in range(n):
            watch(feeds, db=store_url, every=900, once=True, timeout=0.5, retries=1,
                  retry_delay=2, on_poll=note, clock=clock, sleep=clock.sleep, seed=1)  # fmt: skip
            rounds.append({})
            clock.now += dt.timedelta(seconds=900)

    run(1)
    assert rounds[0] == {"a.xml": "ok", "old.xml": "ok", "elsewhere.xml": "ok",
                         "garbage.xml": "bad feed", "down.xml": "HTTP 500", "slow.xml": "timeout",
                         "gone.xml": "HTTP 404"}  # fmt: skip
    # Asked twice: the 500 and the stalled feed (retries=1); once: garbage and the 404.
    asked = [p for p, _ in seen]
    assert (asked.count("/down.xml"), asked.count("/slow.xml")) == (2, 2)
    assert (asked.count("/garbage.xml"), asked.count("/gone.xml")) == (1, 1)
    assert len(clock.sleeps) == 2 and all(1 <= s <= 3 for s in clock.sleeps)
    with open_store(store_url) as store:
        assert store.counts()["articles"] == 3
        sources = {r["source"] for r in store.db.query("SELECT source FROM inputs")}
        # Items are named after the URL as listed, not where it moved.
        assert f"{base}/old.xml#http://news.invalid/n1" in sources
        events, _ = store.query_events()
        assert {e.location for e in events} >= {"Jos", "Kismayo"}
    states = {s.url.rsplit("/", 1)[1]: s for s in feed_status(store_url)}
    # Moved for good (301 then 308): remembered; moved for now (302): followed only.
    assert states["old.xml"].location == f"{base}/new.xml"
    assert states["elsewhere.xml"].location is None and states["elsewhere.xml"].items == 1
    assert states["a.xml"].etag == '"v1"' and states["a.xml"].new_items == 2
    assert states["down.xml"].failures == 1 and states["down.xml"].error.startswith("HTTP 500")
    assert states["garbage.xml"].error.startswith("not a readable RSS or Atom feed")

    # Round 2, 15 minutes on: a conditional GET (304), the moved feed read at its new
    # address, the failed ones polled again (one failure waits one interval, less jitter).
    del seen[:]
    behaviour["/down.xml"] = "503"
    run(1)
    assert rounds[1]["a.xml"] == "not modified" and rounds[1]["old.xml"] == "ok"
    asked = [p for p, _ in seen]
    assert ("/a.xml", '"v1"') in seen and "/old.xml" not in asked and "/mid.xml" not in asked
    assert "/elsewhere.xml" in asked
    assert rounds[1]["down.xml"] == "HTTP 503" and rounds[1]["garbage.xml"] == "bad feed"
    with open_store(store_url) as store:
        assert store.counts()["articles"] == 3  # nothing new, nothing extracted again

    # Two failures in a row: the next poll waits two intervals (less jitter), so round 3
    # skips them and round 4 polls them again; the feed that came back recovers.
    behaviour["/down.xml"] = "feed-n"
    run(2)
    assert "down.xml" not in rounds[2] and "gone.xml" not in rounds[2]
    assert rounds[3]["down.xml"] == "ok" and rounds[3]["gone.xml"] == "HTTP 404"
    states = {s.url.rsplit("/", 1)[1]: s for s in feed_status(store_url)}
    assert states["down.xml"].failures == 0 and states["down.xml"].error is None
    assert states["gone.xml"].failures == 3 and states["slow.xml"].failures == 3


def test_watching_cli_once_then_status(run_cli, feeds_server, tmp_path: Path) -> None:
    base, behaviour, _ = feeds_server
    behaviour.update({"/a.xml": "feed-a", "/down.xml": "500"})
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{base}/a.xml\n\n{base}/down.xml\n")
    db = str(tmp_path / "w.db")
    proc = run_cli("watch", str(feeds), "--once", "--db", db, "--retries", "0")
    assert proc.returncode == 0, proc.stderr
    assert f"ok\t{base}/a.xml\t2 items, 2 new" in proc.stderr
    down = f"HTTP 500\t{base}/down.xml\tHTTP 500 Internal Server Error; 1 failed polls in a row"
    assert down in proc.stderr
    status = run_cli("watch", "--status", "--db", db)
    assert status.returncode == 0
    assert status.stdout.splitlines()[0].startswith(f"ok\t{base}/a.xml\t2 items, 2 new")
    assert status.stdout.splitlines()[1].startswith(f"HTTP 500\t{base}/down.xml")
    bad = run_cli("watch", str(tmp_path / "missing.txt"), "--once", "--db", db)
    assert bad.returncode == 2 and "cannot read the feeds file" in bad.stderr


def test_watching_intervals_and_feed_lists(tmp_path: Path) -> None:
    assert [parse_interval(t) for t in ("90s", "15m", "1h", "2d", "45")] == [
        90, 900, 3600, 172800, 45,
    ]  # fmt: skip
    for bad in ("0m", "soon", "-5m", "15 minutes"):
        with pytest.raises(InputError):
            parse_interval(bad)
    listed = tmp_path / "feeds.txt"
    listed.write_text("# comment\nhttp://a.invalid/rss\n\n  http://b.invalid/atom  \n"
                      "http://a.invalid/rss\n")  # fmt: skip
    assert read_feed_list(listed) == ["http://a.invalid/rss", "http://b.invalid/atom"]
    # A feed of one country's news says so after its URL.
    listed.write_text("http://a.invalid/rss Kenya\nhttp://b.invalid/atom\n"
                      "http://c.invalid/rss country=SO\n")  # fmt: skip
    assert read_feed_entries(listed) == [
        ("http://a.invalid/rss", "Kenya"), ("http://b.invalid/atom", None),
        ("http://c.invalid/rss", "Somalia"),
    ]  # fmt: skip
    listed.write_text("http://a.invalid/rss Atlantis\n")
    with pytest.raises(InputError, match="unknown country 'Atlantis'"):
        read_feed_entries(listed)


def test_watching_codes_item_pages_and_fetches_each_page_once(store_url, tmp_path: Path) -> None:
    """Each new item is read from its page; an item stored in an earlier round (from its
    page, or from its summary when the page failed) is not fetched again."""
    from test_ingestion import _Pages, serving  # the feed with pages, reused

    _Pages.hits = {}
    with serving(_Pages) as base:
        for _round in range(2):
            (state,) = watch([f"{base}/pages.xml"], db=store_url, once=True, retries=0)
            assert state.status == "ok"
    assert _Pages.hits["/pages.xml"] == 2
    assert _Pages.hits["/news/kismayo"] == 1 and _Pages.hits["/news/gone"] == 1
    with open_store(store_url) as store:
        (ev,), _n = store.query_events(EventFilter(text="Kismayo"))
        assert ev.location == "Kismayo" and ev.fatalities == 7


def test_watching_local_feed_files_and_file_urls(run_cli, tmp_path: Path) -> None:
    """A saved feed is watched from its file (a path beside the feeds file, or a file://
    URL), read as saved, and read again only once it changes."""
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "a.xml").write_bytes(_rss("a1", "a2"))
    (saved / "n.xml").write_bytes(_rss("n1"))
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"saved/a.xml\n{(saved / 'n.xml').as_uri()}\n")
    db = str(tmp_path / "w.db")
    first = run_cli("watch", str(feeds), "--once", "--db", db)
    assert first.returncode == 0, first.stderr
    assert "ok\tsaved/a.xml\t2 items, 2 new" in first.stderr
    assert f"ok\t{(saved / 'n.xml').as_uri()}\t1 items, 1 new" in first.stderr
    again = run_cli("watch", str(feeds), "--once", "--db", db)
    assert again.returncode == 0 and "not modified\tsaved/a.xml\tno change" in again.stderr
    with open_store(db) as store:
        (ev,), _ = store.query_events(EventFilter(text="Kismayo"))
        assert ev.location == "Kismayo"


def test_watching_exits_non_zero_when_every_feed_failed(run_cli, feeds_server,
                                                        tmp_path: Path) -> None:  # fmt: skip
    base, behaviour, _ = feeds_server
    behaviour.update({"/down.xml": "500", "/gone.xml": "404"})

    def once(db: str) -> subprocess.CompletedProcess[str]:
        feeds = tmp_path / "feeds.txt"
        feeds.write_text(f"{base}/down.xml\n{base}/gone.xml\nmissing.xml\n")
        return run_cli("watch", str(feeds), "--once", "--db", str(tmp_path / db), "--retries", "0")

    proc = once("w.db")
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.splitlines()[-1] == "error: every feed polled failed (3)"
    assert "unreadable\tmissing.xml\tcannot read " in proc.stderr
    # One feed that works is enough for a round to count as done (a fresh store: in the
    # first, the failed feeds wait out their backoff).
    behaviour["/gone.xml"] = "feed-n"
    proc = once("w2.db")
    assert proc.returncode == 0, proc.stderr
    assert f"ok\t{base}/gone.xml\t1 items, 1 new" in proc.stderr
