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
import os
import re
import stat
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from . import about
from .articles import iter_jsonl, load_json, parse_published, read_article, read_bytes
from .errors import InputError
from .filing import annotate, not_an_article
from .options import Options
from .printable import printable
from .records import Article, content_hash
from .warcs import warc_entries

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
    within each argument, and an Item for each thing that is not read: an argument that
    names nothing, a folder that cannot be listed, a broken link, a link back into a
    folder already searched, a FIFO, socket or device found in a folder.

    A file named on its own is read whatever it is (``<(zcat news.gz)`` is a pipe); links
    in folders are followed, to files and to folders.
    """
    files: list[Path] = []
    unread: list[Item] = []
    seen: dict[Path, str] = {}  # each file read, by its real path: the name it is read as
    for p in paths:
        path = Path(p)
        before = len(unread)
        try:
            found = _named(p, path, unread)
        except OSError as exc:  # a path through a folder that cannot be entered
            why = f"cannot read {_name(path)}: {exc.strerror or exc}"
            unread.append(Item(_name(path), status=FAILED, reason=why))
            continue
        if not found and len(unread) == before:
            unread.append(Item(_name(path), status=FAILED, reason=f"no such file: {p}"))
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen[key] = _name(f)
                files.append(f)
            elif seen[key] != _name(f):  # a link to a file read under its own name
                why = f"same file as {seen[key]}: read once, under that name"
                unread.append(Item(_name(f), status=SKIPPED, reason=why))
    return files, unread


def _named(p: str, path: Path, unread: list[Item]) -> list[Path]:
    """The files one argument names (a folder's, walked; a file; a glob's matches)."""
    if path.is_dir():
        return _walk(path, unread)
    if path.exists():
        return [path]
    if path.is_symlink():
        unread.append(Item(_name(path), status=FAILED, reason=_broken(path)))
        return []
    if glob.has_magic(p):
        return sorted(Path(f) for f in glob.glob(p, recursive=True) if Path(f).is_file())
    return []


def _walk(top: Path, unread: list[Item]) -> list[Path]:
    """The regular files under ``top`` (links followed), sorted; what is not read is
    added to ``unread`` with the reason."""
    found: list[Path] = []
    folders: set[Path] = {top.resolve()}
    todo = [top]
    while todo:
        folder = todo.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            reason = f"cannot read folder {_name(folder)}: {exc.strerror or exc}"
            unread.append(Item(_name(folder), status=FAILED, reason=reason))
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                if entry.is_dir():  # follows a link
                    real = path.resolve()
                    if real in folders:
                        reason = f"link to a folder already read ({_name(real)}): not read again"
                        unread.append(Item(_name(path), status=SKIPPED, reason=reason))
                    else:
                        folders.add(real)
                        todo.append(path)
                elif entry.is_file():
                    found.append(path)
                elif entry.is_symlink():
                    unread.append(Item(_name(path), status=FAILED, reason=_broken(path)))
                else:
                    why = f"not a regular file ({_special_kind(path)}): not read"
                    unread.append(Item(_name(path), status=SKIPPED, reason=why))
            except OSError as exc:
                why = f"cannot read {_name(path)}: {exc.strerror or exc}"
                unread.append(Item(_name(path), status=FAILED, reason=why))
    return sorted(found)


def _broken(path: Path) -> str:
    try:
        target = os.readlink(path)
    except OSError:  # the target is only named in the reason; the row is there either way
        target = "?"
    return f"broken link (to {printable(target)}): nothing to read"


def _special_kind(path: Path) -> str:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot stat: {exc.strerror or exc}"
    for test, kind in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return kind
    return "not a file or folder"


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
    files, unread = expand_paths(paths)
    yield from unread
    done = 0
    for path in files:
        try:
            size = path.stat().st_size
        except OSError:  # the size only drives the progress bar; reading says what is wrong
            size = 0
        for item in _guarded(_read_file(path, default, options), _name(path)):
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


def _guarded(items: Iterator[Item], source: str) -> Iterator[Item]:
    """The items of one input file; if reading it raises (a bug, or a third-party reader
    failing in a way no one foresaw), a failed Item names the file, the error and how
    many of its items were read before, and the other files go on."""
    n = 0
    try:
        for item in items:
            n += 1
            yield item
    except Exception as exc:  # noqa: BLE001 - this input's failure, never the run's
        reason = f"reading stopped after {n} items ({type(exc).__name__}: {exc})"
        yield Item(f"{source}#stopped", status=FAILED, reason=reason)


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
    names = _entry_names(source, parsed.entries)
    entries = [(n, e.get("link") or None, e) for n, e in zip(names, parsed.entries, strict=True)]
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
        try:
            yield _feed_item(name, link, entry, page, published, options)
        except Exception as exc:  # noqa: BLE001 - this entry's failure; the feed goes on
            yield Item(name, status=FAILED, reason=f"{type(exc).__name__}: {exc}")


def _feed_item(
    name: str, link: str | None, entry: Any, page: tuple[bytes | str, str] | None,
    published: str | None, options: Options,
) -> Item:  # fmt: skip
    """A feed entry as an article: its page's text (``page``: the bytes fetched, or why
    there are none) when that has more to say than the feed's own summary."""
    contents = entry.get("content") or []
    body = max((c.get("value", "") for c in contents), key=len, default="")
    body = body or entry.get("summary") or ""
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    date = _entry_date(when)
    title = entry.get("title")
    summary = _article(name, body, options, title=title, url=link,
                       published=date or published)  # fmt: skip
    if page is None:
        return summary
    data_or_error, _url = page
    if isinstance(data_or_error, bytes):
        item = _article(name, data_or_error, options, title=title, url=link,
                        published=date or published)  # fmt: skip
        short = summary.article is not None and (
            item.article is None or len(item.article.text) <= len(summary.article.text)
        )
        if item.article is not None and not short:
            return item
        why = "it has less text than the feed" if short else (item.reason or "no text")
    else:
        why = data_or_error
    if summary.article is not None:
        summary.article.warnings.append(
            f"page {link} not used ({why}): coded from the feed's summary"
        )
    return summary


def _entry_date(when: Any) -> str | None:
    """An entry's date as YYYY-MM-DD (feedparser's time tuple); None when it has none or
    one no calendar holds (year 0, a 31 February)."""
    try:
        return dt.date(*when[:3]).isoformat() if when else None
    except (TypeError, ValueError, OverflowError):
        return None


def _entry_names(source: str, entries: list[Any]) -> list[str]:
    """How each feed entry is named in the store: ``FEED#LINK``, which stays the same
    from one poll to the next. Entries that share a link (a live page updated under one
    address, a feed that links every item to its front page) are told apart by their
    guid, else by a hash of their title and text, so none overwrites another; an entry
    without a link is ``FEED#itemN``."""
    links = Counter(e.get("link") for e in entries if e.get("link"))
    names: list[str] = []
    taken: set[str] = set()
    for n, entry in enumerate(entries, 1):
        link = entry.get("link") or None
        if link is None:
            name = f"{source}#item{n}"
        elif links[link] == 1:
            name = f"{source}#{link}"
        else:
            guid = entry.get("id")
            if not guid or guid == link:
                body = entry.get("title", "") + "\n" + entry.get("summary", "")
                guid = "sha:" + content_hash(body)[:12]
            name = f"{source}#{link}#{guid}"
        name, k = printable(name), 1
        while name in taken:  # the very same entry twice: a duplicate, stored as one
            k += 1
            name = f"{name.rsplit('#copy', 1)[0]}#copy{k}"
        taken.add(name)
        names.append(name)
    return names


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
    skip = not_an_article(path)  # a README, a data CSV, a sidecar .json (filing.py)
    if skip:
        yield Item(name, status=SKIPPED, reason=skip)
    elif lower.endswith(_JSONL_SUFFIXES):
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
            item = _article(name, data, options, published=published, size=len(data))
            if item.article is not None:  # its headline and date, from the file (filing.py)
                annotate(item.article, path, data, published)
            yield item


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
        value = load_json(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        yield Item(name, status=FAILED, reason=f"not JSON: {exc}")
        return
    except InputError as exc:  # not JSON, nested too deeply
        yield Item(name, status=FAILED, reason=str(exc))
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
    """Each HTTP response (or resource) record of a WARC file (``NAME#offset=N``), read
    past damage (``warcs.py``): a damaged stretch is one failed item and the records
    after it are kept; a record cut short by the end of the file is kept with a warning;
    a file without a single such record is an item of its own, so it is never unlisted."""
    seen = 0

    def take(record: Any) -> Item | None:
        nonlocal seen
        seen += 1
        if record.rec_type not in ("response", "resource"):
            return None  # request, warcinfo, metadata: not an article
        return _warc_record(record, name, published, options)

    articles = 0
    try:
        for entry in warc_entries(path, take):
            where = f"{name}#offset={entry.offset}"
            item = entry.value
            if entry.damaged:
                item = Item(where, status=FAILED, reason=entry.problem)
            elif item is None:
                continue
            elif entry.problem and item.article is not None:
                item.article.warnings.append(entry.problem)
            elif entry.problem:
                item.reason = f"{item.reason}; {entry.problem}"
            articles += 1
            item.source, item.pos = where, entry.end
            yield item
    except ImportError as exc:
        yield Item(name, status=FAILED, reason=f"warcio unavailable: {exc}")
        return
    except OSError as exc:
        yield Item(name, status=FAILED, reason=f"cannot read {path}: {exc.strerror or exc}")
        return
    if not articles:
        why = "an empty file" if not seen else f"{seen} records, none a response or resource"
        yield Item(name, status=SKIPPED, reason=f"no web pages in this WARC ({why})")


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


def _name(path: Path | str) -> str:
    """How an input file is named in the store: its absolute path, undecodable bytes of
    the name written as ``\\xNN`` (a name the store and a terminal can hold)."""
    return printable(os.path.abspath(path))

