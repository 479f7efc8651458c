"""Readers: files, folders, globs, JSONL, WARC and RSS/Atom feeds turned into Articles.

>>> for item in read_sources(["examples/"]):                       # doctest: +SKIP
...     print(item.source, item.article.title if item.article else item.reason)

Each input (a file, a JSONL line, a WARC record, a feed item) becomes one ``Item``: an
Article ready for extraction, or a reason it was skipped (no text, not English) or failed
(binary, unreadable, malformed). Nothing is dropped silently, and one bad input never
stops the others. The text itself is read by ``articles.read_article`` (encodings, HTML,
size limits), so evidence offsets index exactly the stored text.

Titles, dates and URLs come from HTML metadata and feed entries where present;
``published`` is only the default for inputs that carry no date of their own.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import os
import re
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from . import about
from .articles import iter_jsonl, parse_published, read_article, read_bytes
from .errors import InputError
from .options import Options
from .records import Article, content_hash

__all__ = ["Item", "expand_paths", "fetch_feed", "read_feed", "read_object", "read_sources"]

SKIPPED, FAILED, UNCHANGED = "skipped", "failed", "unchanged"
# InputError messages that mean "nothing to read" (skipped) rather than "unreadable".
_NO_TEXT = ("empty input", "HTML page has no main text")
_FEED_SUFFIXES = (".rss", ".atom", ".xml")
_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_FEED_HEAD = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_CANONICAL = re.compile(
    r"<link\b[^>]*\brel=[\"']canonical[\"'][^>]*\bhref=[\"']([^\"']+)[\"']"
    r"|<meta\b[^>]*\bproperty=[\"']og:url[\"'][^>]*\bcontent=[\"']([^\"']+)[\"']",
    re.I,
)
# Feeds are fetched once; a stalled server must not hang an ingest.
FETCH_TIMEOUT_S = 30
# A feed item's page: a shorter wait (a feed has dozens), several fetched at once.
PAGE_TIMEOUT_S = 15
PAGE_FETCHERS = 8
_PAGE_TYPES = ("text/html", "application/xhtml", "text/plain")


@dataclass(slots=True)
class Item:
    """One input: an article to extract, or why there is none (``status`` and ``reason``).

    ``pos`` is how many bytes of the inputs have been read so far (for progress).
    """

    source: str
    article: Article | None = None
    # None: an article; else "skipped", "failed", or "unchanged" (a feed item already
    # stored from its page, not fetched again)
    status: str | None = None
    reason: str | None = None
    pos: int = 0


def expand_paths(paths: Iterable[str]) -> tuple[list[Path], list[Item]]:
    """The files named by ``paths`` (files, folders searched recursively, globs), sorted
    within each argument, and a failed Item for each argument that names nothing."""
    files: list[Path] = []
    missing: list[Item] = []
    seen: set[Path] = set()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file())
        elif path.exists():
            found = [path]
        elif glob.has_magic(p):
            found = sorted(Path(f) for f in glob.glob(p, recursive=True) if Path(f).is_file())
        else:
            found = []
        if not found:
            missing.append(Item(_name(path), status=FAILED, reason=f"no such file: {p}"))
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files, missing


def read_sources(
    paths: Iterable[str] = (),
    *,
    feeds: Iterable[str] = (),
    published: str | None = None,
    options: Options = Options(),
    known: Callable[[str], bool] | None = None,
) -> Iterator[Item]:
    """Every input under ``paths`` and in the ``feeds`` (URLs, fetched once), in order.

    The items of ``feeds`` are read from their pages when ``options.feed_pages``; a
    ``known(source)`` that answers True marks an item already stored (not fetched again).
    """
    default = parse_published(published)
    files, missing = expand_paths(paths)
    yield from missing
    done = 0
    for path in files:
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        for item in _read_file(path, default, options):
            item.pos = done + min(item.pos, size)
            yield item
        done += size
    for url in feeds:
        try:
            data = fetch_feed(url, options)
        except InputError as exc:
            yield Item(url, status=FAILED, reason=str(exc), pos=done)
            continue
        for item in read_feed(data, url, default, options, pages=options.feed_pages,
                              known=known):  # fmt: skip
            item.pos = done
            yield item


def fetch_feed(url: str, options: Options = Options()) -> bytes:
    """The bytes at ``url`` (a feed), read once with the standard library."""
    request = urllib.request.Request(url, headers={"User-Agent": f"eventwire/{about.version()}"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as resp:  # noqa: S310
            data: bytes = resp.read(options.max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise InputError(f"cannot fetch {url}: HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(f"cannot fetch {url}: {reason}") from None
    if len(data) > options.max_bytes:
        raise InputError(f"feed at {url} is over the limit of {options.max_bytes / 1e6:g} MB")
    return data


def read_feed(
    data: bytes,
    source: str,
    published: str | None = None,
    options: Options = Options(),
    *,
    pages: bool = False,
    known: Callable[[str], bool] | None = None,
) -> Iterator[Item]:
    """Each entry of an RSS or Atom feed as an article: title, link, date, content.

    With ``pages``, each entry's page (its http(s) link) is fetched, a few at once, and
    its main text is the article; an entry whose page cannot be fetched or has no more
    text than the feed gives is read from the feed, with a warning saying why. An entry
    that ``known`` says is stored already is an ``unchanged`` item, not fetched again.
    """
    try:
        import feedparser  # type: ignore[import-untyped]
    except ImportError as exc:  # a declared dependency; a broken install costs the feed
        yield Item(source, status=FAILED, reason=f"feedparser unavailable: {exc}")
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = getattr(parsed, "bozo_exception", None)
        why = f": {problem}" if parsed.get("bozo") and problem else ""
        yield Item(
            source, status=FAILED, reason=f"not a readable feed, or a feed with no items{why}"
        )
        return
    entries = []
    for n, entry in enumerate(parsed.entries, 1):
        link = entry.get("link") or None
        name = f"{source}#{link}" if link else f"{source}#item{n}"
        entries.append((name, link, entry))
    skip: set[str] = set()  # stored from their pages before: not fetched again
    wanted: list[str | None] = []  # the page to fetch for each entry, if any
    for name, link, _entry in entries:
        if pages and link and _web_link(link) and known is not None and known(name):
            skip.add(name)
        wanted.append(link if pages and link and _web_link(link) and name not in skip else None)
    fetched = _fetch_pages(wanted, options)
    for (name, link, entry), page in zip(entries, fetched, strict=True):
        if name in skip:
            yield Item(name, status=UNCHANGED, reason="stored from its page before")
            continue
        contents = entry.get("content") or []
        body = max((c.get("value", "") for c in contents), key=len, default="")
        body = body or entry.get("summary") or ""
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        date = dt.date(*when[:3]).isoformat() if when else None
        title = entry.get("title")
        summary = _article(name, body, options, title=title, url=link,
                           published=date or published)  # fmt: skip
        if page is None:
            yield summary
            continue
        data_or_error, _url = page
        if isinstance(data_or_error, bytes):
            item = _article(name, data_or_error, options, title=title, url=link,
                            published=date or published)  # fmt: skip
            short = summary.article is not None and (
                item.article is None or len(item.article.text) <= len(summary.article.text)
            )
            if item.article is not None and not short:
                yield item
                continue
            why = "it has less text than the feed" if short else (item.reason or "no text")
        else:
            why = data_or_error
        if summary.article is not None:
            summary.article.warnings.append(
                f"page {link} not used ({why}): coded from the feed's summary"
            )
        yield summary


def _web_link(link: str) -> bool:
    return link.lower().startswith(("http://", "https://"))


def _fetch_pages(
    links: list[str | None], options: Options
) -> Iterator[tuple[bytes | str, str] | None]:
    """For each link, (the page's bytes, or why there are none; the link), in order, or
    None for no link; fetched by a few threads at once."""
    todo = [link for link in links if link]
    if not todo:
        yield from (None for _ in links)
        return

    with ThreadPoolExecutor(max_workers=min(PAGE_FETCHERS, len(todo))) as pool:
        futures = [pool.submit(_fetch_page, link, options) if link else None for link in links]
        for f, link in zip(futures, links, strict=True):
            yield None if f is None or link is None else (f.result(), link)


def _fetch_page(url: str, options: Options) -> bytes | str:
    """A page's bytes, or why they could not be had (an HTTP status, a timeout, a type)."""
    request = urllib.request.Request(url, headers={"User-Agent": f"eventwire/{about.version()}"})
    try:
        with urllib.request.urlopen(request, timeout=PAGE_TIMEOUT_S) as resp:  # noqa: S310
            kind = (resp.headers.get_content_type() or "").lower()
            if not kind.startswith(_PAGE_TYPES):
                return f"not a web page ({kind})"
            data: bytes = resp.read(options.max_bytes + 1)
    except urllib.error.HTTPError as exc:
        return f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return str(getattr(exc, "reason", exc))
    if len(data) > options.max_bytes:
        return f"over the limit of {options.max_bytes / 1e6:g} MB"
    return data


def _read_file(path: Path, published: str | None, options: Options) -> Iterator[Item]:
    name = _name(path)
    lower = path.name.lower()
    if lower.endswith(_JSONL_SUFFIXES):
        yield from _read_jsonl(path, name, published, options)
    elif lower.endswith(_WARC_SUFFIXES):
        yield from _read_warc(path, name, published, options)
    else:
        try:
            data = read_bytes(path, options=options)
        except InputError as exc:
            yield Item(name, status=FAILED, reason=str(exc))
            return
        if lower.endswith(_FEED_SUFFIXES) or _FEED_HEAD.search(data[:2048]):
            yield from read_feed(data, name, published, options)
        elif lower.endswith(".json"):
            yield from _read_json(data, name, published, options)
        else:
            yield _article(name, data, options, published=published, size=len(data))


def _article(
    source: str,
    data: bytes | str,
    options: Options,
    *,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    size: int = 0,
    country: str | None = None,
) -> Item:
    """An Item from raw text or HTML; the page's own date wins over ``published``."""
    try:
        article = read_article(data, title=title, url=url, country=country, options=options)
        if article.published is None:
            article.published = parse_published(published)
    except InputError as exc:
        status = SKIPPED if str(exc) in _NO_TEXT else FAILED
        reason = "no text" if status == SKIPPED else str(exc)
        return Item(source, status=status, reason=reason, pos=size)
    if article.url is None and isinstance(data, (bytes, str)):
        article.url = _canonical_url(data)
    if options.require_english and article.language not in (None, "en"):
        return Item(source, status=SKIPPED, reason=f"not English (language: {article.language})",
                    pos=size)  # fmt: skip
    article.id = content_hash(article.text)
    return Item(source, article=article, pos=size)


def _canonical_url(data: bytes | str) -> str | None:
    head = data[:65536]
    text = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
    m = _CANONICAL.search(text)
    return (m.group(1) or m.group(2)) if m else None


def _read_jsonl(path: Path, name: str, published: str | None, options: Options) -> Iterator[Item]:
    try:
        stream: IO[bytes] = open(path, "rb")
    except OSError as exc:
        yield Item(name, status=FAILED, reason=f"cannot read {path}: {exc.strerror or exc}")
        return
    with stream:
        for n, obj, error in iter_jsonl(stream, max_bytes=options.max_bytes):
            source = f"{name}#L{n}"
            if error is not None or obj is None:
                yield Item(source, status=FAILED, reason=error, pos=stream.tell())
            else:
                item = _from_object(obj, source, published, options)
                item.pos = stream.tell()
                yield item


def _read_json(data: bytes, name: str, published: str | None, options: Options) -> Iterator[Item]:
    """A .json file: one article object, or a list of them."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield Item(name, status=FAILED, reason=f"not JSON: {exc}")
        return
    if isinstance(value, dict):
        yield _from_object(value, name, published, options)
    elif isinstance(value, list):
        for n, obj in enumerate(value):
            if isinstance(obj, dict):
                yield _from_object(obj, f"{name}#{n}", published, options)
            else:
                yield Item(f"{name}#{n}", status=FAILED, reason="not a JSON object")
    else:
        yield Item(name, status=FAILED, reason='not a JSON object or list of objects with "text"')


def read_object(
    obj: dict[str, Any], source: str, published: str | None = None, options: Options = Options()
) -> Item:
    """One article given as a JSON object (``{"text", "title"?, "published"?, "url"?,
    "country"?}``),
    as a JSONL line or a POST to the REST API gives it; ``source`` names the input."""
    return _from_object(obj, source, published, options)


def _from_object(obj: dict[str, Any], source: str, published: str | None, options: Options) -> Item:
    text = obj.get("text")
    if not isinstance(text, str):
        return Item(source, status=FAILED, reason='no "text" string')
    try:
        date = parse_published(obj.get("published")) or published
    except InputError as exc:
        return Item(source, status=FAILED, reason=str(exc))
    title, url, country = obj.get("title"), obj.get("url"), obj.get("country")
    return _article(source, text, options, published=date,
                    title=title if isinstance(title, str) else None,
                    url=url if isinstance(url, str) else None,
                    country=country if isinstance(country, str) else None)  # fmt: skip


def _read_warc(path: Path, name: str, published: str | None, options: Options) -> Iterator[Item]:
    """Each HTTP response (or resource) record of a WARC file; a damaged file keeps
    the records before the damage and is reported at the offset where reading stopped."""
    try:
        from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
    except ImportError as exc:
        yield Item(name, status=FAILED, reason=f"warcio unavailable: {exc}")
        return
    try:
        stream: IO[bytes] = open(path, "rb")
    except OSError as exc:
        yield Item(name, status=FAILED, reason=f"cannot read {path}: {exc.strerror or exc}")
        return
    records = 0
    with stream:
        it = ArchiveIterator(stream)
        try:
            for record in it:
                if record.rec_type not in ("response", "resource"):
                    continue
                records += 1
                item = _warc_record(record, name, published, options)
                # After the content is read: asking for the offset first consumes it.
                item.source = f"{name}#offset={it.get_record_offset()}"
                item.pos = stream.tell()
                yield item
        except Exception as exc:  # warcio raises zlib, EOF and its own errors on damage
            where = f"{name}#offset={stream.tell()}"
            reason = (
                f"damaged or truncated WARC after {records} records ({type(exc).__name__}: {exc})"
            )
            yield Item(where, status=FAILED, reason=reason, pos=stream.tell())
            return
        # A gzip member cut short ends warcio's iteration quietly, as if the file ended
        # there: what lies past the last whole record is reported, never dropped unseen.
        end = int(getattr(it, "offset", 0) or 0)
        size = path.stat().st_size
        if size - end > 4:
            reason = (
                f"damaged or truncated WARC after {records} records: {size - end} bytes at "
                f"the end could not be read as a record"
            )
            yield Item(f"{name}#offset={end}", status=FAILED, reason=reason, pos=size)


def _warc_record(record: Any, source: str, published: str | None, options: Options) -> Item:
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return Item(source, status=SKIPPED, reason=f"HTTP status {status}")
        ctype = record.http_headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    if ctype and not re.match(r"\s*(text/|application/(xhtml|xml))", ctype, re.I):
        return Item(source, status=SKIPPED, reason=f"not text ({ctype.split(';')[0].strip()})")
    data = record.content_stream().read(options.max_bytes + 1)
    return _article(source, data, options, url=url, published=published)


def _name(path: Path) -> str:
    """How an input file is named in the store: its absolute path."""
    return os.path.abspath(path)
