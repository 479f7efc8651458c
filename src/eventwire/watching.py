"""Watch feeds: poll RSS/Atom feeds on a schedule and ingest their new items.

>>> watch("feeds.txt", db="events.db", every=900)       # doctest: +SKIP  (until stopped)
>>> [s.status for s in watch("feeds.txt", once=True)]  # doctest: +SKIP
['ok', 'not modified', 'HTTP 500']

Each round reads the feeds file again (one URL a line, optionally followed by the
country its items are about; blank lines and ``#`` comments are ignored) and polls every
feed that is due:

- a conditional GET (``If-None-Match``/``If-Modified-Since`` from the last answer), with
  a timeout on the connection and on the whole read;
- a permanent redirect (301, 308) is followed and remembered: the feed is fetched from
  its new address from then on (``location``), and from the listed one again if the new
  address disappears (404, 410); a temporary redirect (302, 303, 307) is only followed;
- the items go through ``ingestion.ingest``, the path ``eventwire ingest`` takes,
  named ``URL#link`` after the URL as listed, so an item seen again is recognised by its
  source and content hash and costs nothing;
- a timeout, a failed connection, HTTP 5xx, 408 or 429 is tried again within the round
  (``retries`` times, the wait doubling from ``retry_delay`` seconds, with jitter); other
  HTTP errors and a body that is not a feed (bad XML) are not;
- a feed whose poll failed is next polled after ``every`` x 2^(failures - 1), at most a
  day, less up to 20% of jitter (so many watchers do not retry in step): a dead feed is
  not hammered, and one that comes back is picked up again by itself.

A feed may also be a saved file: a path (relative to the feeds file) or a ``file://``
URL. It is read as saved, offline (its items are coded from the feed, never from their
pages), and read again only when the file changes.

Every poll's outcome is kept in the store's ``feeds`` table (``eventwire watch
--status``) and reported to ``on_poll``; none of them stops the watch.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import http.client
import logging
import os
import random
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import about
from .articles import parse_published
from .errors import EventwireError, InputError
from .ingestion import ingest
from .options import Options
from .parallel import in_process
from .places import country_by_name
from .readers import read_feed
from .store import open_store

__all__ = [
    "FeedState", "feed_status", "parse_interval", "read_feed_entries", "read_feed_list", "watch",
]  # fmt: skip

log = logging.getLogger(__name__)

# A feeds file is a list of URLs: 10 MB holds a hundred thousand of them.
FEEDS_FILE_LIMIT = 10_000_000
# The longest a failing feed waits between polls.
MAX_BACKOFF_S = 24 * 3600
# Answers worth asking again at once: the server or the network may recover.
_RETRY_HTTP = frozenset({408, 429, 500, 502, 503, 504})
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(slots=True)
class FeedState:
    """A watched feed: where it is fetched from, and how its last polls went.

    ``status`` is ``ok``, ``not modified``, or what went wrong at the last poll:
    ``timeout``, ``connection error``, ``HTTP 500``, ``bad feed``, ``bad url``, ...
    """

    url: str  # as listed in the feeds file: the feed's name in the store
    location: str | None = None  # where it moved to (301/308), fetched instead of url
    etag: str | None = None
    last_modified: str | None = None
    checked_at: str | None = None  # ISO times, UTC
    success_at: str | None = None
    status: str | None = None
    error: str | None = None  # the last failure's message
    failures: int = 0  # polls failed in a row
    next_poll: str | None = None  # not polled before this (backoff); None: every round
    items: int = 0  # items in the feed at the last successful read
    new_items: int = 0  # of which stored as new (or re-coded)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeedState:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def parse_interval(text: str) -> float:
    """Seconds in an interval written ``90s``, ``15m``, ``1h``, ``1d`` (bare: seconds).

    >>> parse_interval("15m")
    900.0
    """
    m = _INTERVAL.match(text)
    if not m or float(m[1]) <= 0:
        raise InputError(f"not an interval: {text!r} (write e.g. 90s, 15m, 1h)")
    return float(m[1]) * _UNITS[m[2].lower()]


def read_feed_list(path: str | os.PathLike[str]) -> list[str]:
    """The feed URLs of a file, one a line, in order, once each; ``#`` lines are comments."""
    return [url for url, _country in read_feed_entries(path)]


def read_feed_entries(path: str | os.PathLike[str]) -> list[tuple[str, str | None]]:
    """The feeds of a file with the country each is about: a line is a URL, then, after a
    space, the country its items are about when it is one country's news ("https://...
    Kenya"), a name, an ISO code or a demonym. An unknown country is refused."""
    try:
        with open(path, "rb") as f:  # within a limit: the path may be a device or a pipe
            raw = f.read(FEEDS_FILE_LIMIT + 1)
        if len(raw) > FEEDS_FILE_LIMIT:
            mb = FEEDS_FILE_LIMIT // 1_000_000
            raise InputError(f"the feeds file {os.fspath(path)} is over {mb} MB: "
                             f"not a list of feed URLs")  # fmt: skip
        lines = raw.decode("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the feeds file {os.fspath(path)}: {exc}") from None
    entries: dict[str, str | None] = {}
    for line in lines:
        url, _, rest = line.strip().partition(" ")
        if not url or url.startswith("#") or url in entries:
            continue
        entries[url] = _feed_country(url, rest.strip()) if rest.strip() else None
    return list(entries.items())


def _feed_country(url: str, name: str) -> str:
    place = country_by_name(re.sub(r"^country\s*=\s*", "", name))
    if place is None or not place.country:
        raise InputError(f"unknown country {name!r} for the feed {url}")
    return place.country


def feed_status(db: str | None = None) -> list[FeedState]:
    """The state of every feed ``watch`` has polled into the store ``db``."""
    with open_store(db) as store:
        return [FeedState.from_dict(row) for row in store.feeds()]


def watch(
    feeds: str | os.PathLike[str] | Iterable[str],
    *,
    db: str | None = None,
    every: float = 900,
    once: bool = False,
    rounds: int | None = None,
    options: Options = Options(),
    published: str | None = None,
    timeout: float = 30,
    retries: int = 2,
    retry_delay: float = 2.0,
    on_poll: Callable[[FeedState], None] | None = None,
    clock: Callable[[], dt.datetime] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    seed: int | None = None,
) -> list[FeedState]:
    """Poll ``feeds`` (a file of URLs, or the URLs) every ``every`` seconds into ``db``.

    >>> watch("feeds.txt", db="events.db", once=True, on_poll=print)  # doctest: +SKIP

    Runs until interrupted, or for ``rounds`` rounds (``once``: one). Returns the states
    of the feeds polled in the last round. ``clock`` (aware UTC datetimes) and ``sleep``
    stand in for the wall clock; ``seed`` makes the jitter repeatable.
    """
    if every <= 0:
        raise InputError("the interval between polls must be positive")
    rounds = 1 if once else rounds
    clock = clock or (lambda: dt.datetime.now(dt.UTC))
    rng = random.Random(seed)
    extractor = in_process(options)  # the model stays loaded from one round to the next
    entries: list[tuple[str, str | None]] = []
    done = 0
    polled: list[FeedState] = []
    # Where a feed given as a relative path lies: beside the feeds file.
    base = os.path.dirname(os.path.abspath(feeds)) if isinstance(feeds, (str, os.PathLike)) \
        else os.getcwd()  # fmt: skip
    while rounds is None or done < rounds:
        started = clock()
        entries = _feed_list(feeds, entries)
        polled = _round(entries, db, started, every, options, published, extractor, timeout,
                        retries, retry_delay, on_poll, clock, sleep, rng, base)  # fmt: skip
        done += 1
        if rounds is not None and done >= rounds:
            break
        left = every - (clock() - started).total_seconds()
        if left > 0:
            sleep(left)
    return polled


def _feed_list(
    feeds: str | os.PathLike[str] | Iterable[str], previous: list[tuple[str, str | None]]
) -> list[tuple[str, str | None]]:
    if not isinstance(feeds, (str, os.PathLike)):
        return [(url, None) for url in dict.fromkeys(feeds)]
    try:
        return read_feed_entries(feeds)
    except InputError:
        if not previous:
            raise  # at the start: nothing to watch
        log.error("cannot read %s again; watching the feeds read before", os.fspath(feeds))
        return previous


def _round(feeds: list[tuple[str, str | None]], db: str | None, now: dt.datetime, every: float,
           options: Options,
           published: str | None, extractor: Any, timeout: float, retries: int,
           retry_delay: float, on_poll: Callable[[FeedState], None] | None,
           clock: Callable[[], dt.datetime], sleep: Callable[[float], None],
           rng: random.Random, base: str) -> list[FeedState]:  # fmt: skip
    """Poll each due feed once; the states of those polled."""
    polled = []
    try:
        store = open_store(db)
    except EventwireError as exc:  # the store is down: try again next round
        log.error("cannot open the store: %s", exc)
        return []
    try:
        known = {row["url"]: FeedState.from_dict(row) for row in store.feeds()}
        for url, country in feeds:
            state = known.get(url) or FeedState(url)
            if state.next_poll and state.next_poll > _iso(now):
                continue
            # A country's news: its items are about that country unless they say otherwise.
            own = dataclasses.replace(options, country=country) if country else options
            poller = _Poller(store, own, published, extractor, timeout, retries,
                             retry_delay, every, clock, sleep, rng, base)  # fmt: skip
            try:
                try:
                    poller.poll(state)
                except EventwireError:
                    raise
                except Exception as exc:  # noqa: BLE001 - a failed poll; the other feeds go on
                    poller.failed(state, _Failure("error", f"{type(exc).__name__}: {exc}", False))
                store.save_feed(state.as_dict())
            except EventwireError as exc:  # the store refused a write: reported, not fatal
                state.status, state.error = "store error", str(exc)
                log.error("%s: %s", url, exc)
            polled.append(state)
            if on_poll is not None:
                on_poll(state)
    finally:
        store.close()
    return polled


class _Failure(Exception):
    """A poll that went wrong: ``status`` names how, ``retry`` says whether to ask again."""

    def __init__(self, status: str, message: str, retry: bool, code: int | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.retry, self.code = status, message, retry, code


@dataclass(slots=True)
class _Answer:
    data: bytes | None  # None: not modified (304)
    moved_to: str | None  # the new address when every redirect on the way was permanent
    etag: str | None
    last_modified: str | None


@dataclass(slots=True)
class _Poller:
    store: Any
    options: Options
    published: str | None
    extractor: Any
    timeout: float
    retries: int
    retry_delay: float
    every: float
    clock: Callable[[], dt.datetime]
    sleep: Callable[[float], None]
    rng: random.Random
    base: str = ""

    def poll(self, state: FeedState) -> None:
        """Fetch ``state``'s feed (retrying what may pass), ingest it, update ``state``."""
        try:
            answer = self._fetch_with_retries(state)
            if answer.moved_to and answer.moved_to != state.url:
                log.info("%s moved to %s", state.url, answer.moved_to)
                state.location = answer.moved_to
            if answer.data is None:
                state.status = "not modified"
            else:
                local = _local_path(state.url, self.base) is not None
                state.items, state.new_items = self._ingest(state.url, answer.data, not local)
                state.status = "ok"
                state.etag, state.last_modified = answer.etag, answer.last_modified
        except _Failure as f:
            self.failed(state, f)
            return
        stamp = _iso(self.clock())
        state.checked_at = state.success_at = stamp
        state.error, state.failures, state.next_poll = None, 0, None

    def _fetch_with_retries(self, state: FeedState) -> _Answer:
        attempt = 0
        path = _local_path(state.url, self.base)
        if path is not None:
            return _read_local(path, state, self.options.max_bytes)
        while True:
            try:
                return _fetch(state.location or state.url, state, self.timeout,
                              self.options.max_bytes)  # fmt: skip
            except _Failure as f:
                if not f.retry or attempt >= self.retries:
                    raise
                wait = self.retry_delay * 2**attempt * self.rng.uniform(0.5, 1.5)
                log.info("%s: %s; trying again in %.1f s", state.url, f.message, wait)
                self.sleep(wait)
                attempt += 1

    def _ingest(self, url: str, data: bytes, online: bool = True) -> tuple[int, int]:
        """(items in the feed, items stored as new) after ingesting a fetched body; a
        saved feed (not ``online``) is coded as saved, never from its items' pages."""
        import feedparser  # type: ignore[import-untyped]

        parsed = feedparser.parse(data)
        if not parsed.entries:
            if parsed.get("bozo"):
                why = parsed.get("bozo_exception")
                raise _Failure("bad feed", f"not a readable RSS or Atom feed: {why}", False)
            return 0, 0  # a well-formed feed with nothing in it yet
        current = about.version()
        items = read_feed(data, url, parse_published(self.published), self.options,
                          pages=self.options.feed_pages and online,
                          known=lambda source: self.store.source_is_current(source, current))
        report = ingest(db=self.store, items=items, options=self.options,
                        extractor=self.extractor)  # fmt: skip
        return len(parsed.entries), report.stored + report.updated

    def failed(self, state: FeedState, f: _Failure) -> None:
        now = self.clock()
        state.checked_at = _iso(now)
        state.status, state.error = f.status, f.message
        state.failures += 1
        if state.location and f.code in (404, 410):
            state.location = None  # the new address is gone: back to the one listed
        wait = min(self.every * 2 ** (state.failures - 1), MAX_BACKOFF_S)
        wait *= self.rng.uniform(0.8, 1.0)
        state.next_poll = _iso(now + dt.timedelta(seconds=wait))
        log.warning("%s: %s (%d failed polls in a row; next poll at %s)", state.url,
                    f.message, state.failures, state.next_poll)  # fmt: skip


def _fetch(url: str, state: FeedState, timeout: float, max_bytes: int) -> _Answer:
    """GET ``url`` with the validators of ``state``; raises _Failure on anything but 200/304."""
    if not url.lower().startswith(("http://", "https://")):
        raise _Failure("bad url", f"not an http(s) URL: {url}", False)
    headers = {
        "User-Agent": f"eventwire/{about.version()}",
        "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8",
    }
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    redirects = _redirects()
    opener = urllib.request.build_opener(redirects)
    deadline = time.monotonic() + timeout
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=timeout) as resp:
            chunks, size = [], 0
            while chunk := resp.read(65536):
                size += len(chunk)
                if size > max_bytes:
                    raise _Failure("too large", f"over the limit of {max_bytes / 1e6:g} MB", False)
                if time.monotonic() > deadline:  # a server that trickles: no answer in time
                    raise _Failure("timeout", f"no complete answer within {timeout:g} s", True)
                chunks.append(chunk)
            return _Answer(b"".join(chunks), redirects.moved_to(), resp.headers.get("ETag"),
                           resp.headers.get("Last-Modified"))  # fmt: skip
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code == 304:
            return _Answer(None, redirects.moved_to(), state.etag, state.last_modified)
        raise _Failure(f"HTTP {exc.code}", f"HTTP {exc.code} {exc.reason}",
                       exc.code in _RETRY_HTTP, exc.code) from None  # fmt: skip
    except TimeoutError:
        raise _Failure("timeout", f"no answer within {timeout:g} s", True) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise _Failure("timeout", f"no answer within {timeout:g} s", True) from None
        raise _Failure("connection error", f"cannot connect: {exc.reason}", True) from None
    except (OSError, http.client.HTTPException) as exc:  # reset, cut short, bad status line
        raise _Failure("connection error", f"{type(exc).__name__}: {exc}", True) from None
    except ValueError as exc:  # urllib's word for a URL it cannot use
        raise _Failure("bad url", str(exc), False) from None


def _local_path(url: str, base: str) -> Path | None:
    """The file a feed names when it is a saved file (a path, or a file:// URL), else None."""
    if url.lower().startswith("file://"):
        return Path(urllib.request.url2pathname(urllib.parse.urlsplit(url).path))
    if "://" in url:
        return None
    return Path(base, url) if not os.path.isabs(url) else Path(url)


def _read_local(path: Path, state: FeedState, max_bytes: int) -> _Answer:
    """A saved feed file: its bytes, or "not modified" when it has not changed since the
    last poll (its modification time stands in for Last-Modified)."""
    try:
        stamp = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).isoformat()
        if state.last_modified == stamp and state.status in ("ok", "not modified"):
            return _Answer(None, None, None, stamp)
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise _Failure("unreadable", f"cannot read {path}: {exc.strerror or exc}", False) from None
    if len(data) > max_bytes:
        raise _Failure("too large", f"over the limit of {max_bytes / 1e6:g} MB", False)
    return _Answer(data, None, None, stamp)


def _redirects() -> Any:
    """A redirect handler (urllib imported only when a feed is fetched)."""
    class Redirects(urllib.request.HTTPRedirectHandler):
        """Follows redirects as urllib does, noting each one's code and target."""

        def __init__(self) -> None:
            self.hops: list[tuple[int, str]] = []

        def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
            self.hops.append((code, newurl))
            return super().redirect_request(req, fp, code, msg, headers, newurl)

        def moved_to(self) -> str | None:
            if self.hops and all(code in (301, 308) for code, _ in self.hops):
                return self.hops[-1][1]
            return None

    return Redirects()


def _iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).isoformat(timespec="seconds")
