"""Hostile and careless inputs for eventwire's entry points, and the checks made on what
comes out: the strategies and checks shared by ``tests/test_fuzz.py`` (a few hundred
examples, in CI) and ``bench/fuzz.py`` (the long run).

Each check feeds one generated input to a real entry point (``extract``, the JSONL
contract, the readers, ``ingest`` into a real SQLite store) and counts, in a ``Tally``:
inputs tried, crashes (an exception other than the documented ``InputError`` escaping a
public function), unaccounted inputs (no Result, no row), failed articles (``error``
set: accounted for, but the issue wants numbers and dates refused one by one, never the
article) and evidence spans that are not exact substrings of the text they index.

The seeds are the inputs of issue 15; the texts around them are invented for the project.
"""

from __future__ import annotations

import functools
import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from eventwire import extract
from eventwire.articles import iter_jsonl, read_article
from eventwire.errors import InputError
from eventwire.ingestion import ingest
from eventwire.pipeline import extract_stream
from eventwire.printable import one_line, printable
from eventwire.readers import read_sources
from eventwire.store import open_store

SENTENCES = (
    "Gunmen attacked a police checkpoint near Maiduguri on 3 May 2024, killing three officers.",
    "Police arrested five protesters in Nairobi on 2 March 2024 after a march on parliament.",
    "Rebels ambushed an army convoy near Goma on Friday, killing four soldiers.",
    "The army said it had killed 310 militants in Borno over the past year.",
    "\"We will not leave,\" said Amina Yusuf, a spokeswoman for the traders' union.",
)
# The inputs that stopped a batch or went unaccounted in issue 15's audit, and their kin.
SEEDS = (
    "\udc80", "\ud800", "\ufeff", "\x00", "\x1b[31m", "\u2028", "\r\n", "\u202e", "\u0301",
    "9" * 400, "7" * 5000, "9223372036854775808", "18446744073709551616", "2\u2076\u2074",
    "\u00b2\u00b3", "\u0663", "1e400", "9,223,372,036,854,775,808", "1." + "5" * 400,
    "between 5 and 9999999999999", "9 billion million", "hundreds of thousands", "dozens",
    "31 December 9999", "1 January 0001", "on 2 January", "99999999 days ago", "in January",
    "last month", "on Friday", "yesterday", "mid-December",
    "<p>", "</div", "<script>alert(1)</script>", "<!DOCTYPE html><html><body><p>", "&#0;",
    "&#x110000;", "<?xml version='1.0'?><rss><channel><item><title>",
    "killed", "wounded", "killing 12", "and 4 others injured",
)  # fmt: skip
PUBLISHED = ("9999-12-31", "0001-01-01", "2024-02-29", "2024-05-06", "2024-05-06T23:59:59+14:00")

# Any code point, surrogates and controls included (Hypothesis leaves surrogates out of
# text by default: they are what broke the JSONL contract).
any_char = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
texts = st.lists(
    st.one_of(st.sampled_from(SEEDS), st.sampled_from(SENTENCES), st.text(any_char, max_size=30)),
    min_size=1, max_size=8,
).map(" ".join)  # fmt: skip
published = st.one_of(st.none(), st.sampled_from(PUBLISHED), st.dates().map(str))


@dataclass
class Tally:
    """What a fuzz run met."""

    inputs: int = 0
    crashes: int = 0
    unaccounted: int = 0
    failed: int = 0
    inexact: int = 0
    spans: int = 0
    examples: list[str] = field(default_factory=list)  # the first problems, for a person

    def note(self, kind: str, what: str) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        if len(self.examples) < 20:
            self.examples.append(f"{kind}: {one_line(what)[:300]}")

    def add(self, other: Tally) -> None:
        for name in ("inputs", "crashes", "unaccounted", "failed", "inexact", "spans"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.examples += other.examples[: max(0, 20 - len(self.examples))]

    def as_dict(self) -> dict[str, Any]:
        return {"inputs": self.inputs, "crashes": self.crashes, "unaccounted": self.unaccounted,
                "failed_articles": self.failed, "inexact_spans": self.inexact,
                "spans_checked": self.spans, "examples": self.examples}  # fmt: skip


def spans(value: Any) -> list[dict[str, Any]]:
    """Every evidence span (a dict with start, end and text) anywhere in a Result's dict."""
    if isinstance(value, dict):
        if set(value) == {"start", "end", "text"}:
            return [value]
        return [s for v in value.values() for s in spans(v)]
    if isinstance(value, list):
        return [s for v in value for s in spans(v)]
    return []


def _check_spans(tally: Tally, result: dict[str, Any], given: str) -> None:
    """Every span of ``result`` is exact in the text it indexes: ``text`` when given back,
    else the caller's own (``given``)."""
    indexed = result.get("text") if result.get("text") is not None else given
    for s in spans(result):
        tally.spans += 1
        if indexed[s["start"] : s["end"]] != s["text"]:
            tally.note("inexact", f"{s} in {indexed[:80]!r}")


def check_extract(text: str, when: str | None) -> Tally:
    """``extract`` on one text: a Result, or InputError (refused with the reason)."""
    tally = Tally(inputs=1)
    try:
        result = extract(text, published=when)
    except InputError:
        return tally  # refused, with the reason: accounted for
    except Exception as exc:  # noqa: BLE001 - counted: the check is that none escapes
        tally.note("crashes", f"extract: {type(exc).__name__}: {exc} on {text[:80]!r}")
        return tally
    if result.error:
        tally.note("failed", f"{result.error} on {text[:80]!r}")
    _check_spans(tally, result.as_dict(), text)
    return tally


# -- the JSONL contract --------------------------------------------------------------------

# A JSON integer of 5,000 digits: written into the line by ``_json_bytes`` (Python's own
# json.dumps refuses to write one).
HUGE = "\x00huge\x00"
ids = st.one_of(st.text(any_char, max_size=10), st.integers(), st.floats(), st.none(),
                st.just(HUGE), st.lists(st.integers(), max_size=2))  # fmt: skip
objects = st.fixed_dictionaries(
    {"text": st.one_of(texts, st.integers(), st.none())},
    optional={"id": ids, "title": st.text(any_char, max_size=20),
              "published": st.one_of(st.sampled_from(PUBLISHED), st.text(max_size=12)),
              "url": st.text(any_char, max_size=20), "extra": st.just(HUGE)},
)  # fmt: skip


def _json_bytes(obj: dict[str, Any]) -> bytes:
    # ensure_ascii: a lone surrogate is written as the \udc80 escape JSON allows.
    line = json.dumps(obj).encode("ascii")
    return line.replace(json.dumps(HUGE).encode(), b"9" * 5000)


raw_lines = st.one_of(
    objects.map(_json_bytes),
    st.binary(max_size=60).map(lambda b: b.replace(b"\n", b" ")),
    st.integers(1, 3000).map(lambda k: b"[" * k + b"]" * k),
    st.integers(1, 200_000).map(lambda k: b'{"text": "x", "d": ' + b"[" * k + b"]" * k + b"}"),
    st.sampled_from([b"", b"   ", b"\xef\xbb\xbf" + b'{"text": "Two killed."}', b"{oops",
                     b'{"text": "\\udc80 killed"}',
                     b'{"id": "a", "text": "' + b"9" * 5000 + b'"}']),
)  # fmt: skip
jsonl_files = st.lists(raw_lines, min_size=1, max_size=6).map(b"\n".join)


def _lines_in(data: bytes) -> list[bytes]:
    """The lines the contract answers: every line that is not blank (line 1 without a
    byte-order mark)."""
    lines = data.split(b"\n")
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    return [line for line in lines if line.strip()]


def check_jsonl(data: bytes) -> Tally:
    """The JSONL contract on one file: one answer per non-blank line, in order, each
    printable as one JSON line, its spans exact."""
    from eventwire.cli_support import json_line

    lines = _lines_in(data)
    tally = Tally(inputs=len(lines))
    try:
        results = list(extract_stream(iter_jsonl(io.BytesIO(data))))
    except Exception as exc:  # noqa: BLE001 - counted: the check is that none escapes
        tally.note("crashes", f"extract_stream: {type(exc).__name__}: {exc}")
        tally.unaccounted += len(lines)
        return tally
    if len(results) != len(lines):
        tally.note("unaccounted", f"{len(lines)} lines, {len(results)} answers: {data[:120]!r}")
        tally.unaccounted += abs(len(lines) - len(results)) - 1
    for line, result in zip(lines, results, strict=False):
        out = json_line(result.as_dict())
        if "\n" in out:
            tally.note("crashes", f"an answer of more than one line: {out[:100]}")
        out.encode("utf-8")  # raises if it could not be written
        try:
            given = json.loads(line).get("text")
        except (ValueError, RecursionError, AttributeError):
            continue
        if result.error is None and isinstance(given, str):
            _check_spans(tally, result.as_dict(), given)
    return tally


# -- files, folders and WARCs through the readers and ingest ---------------------------------

_KINDS = ("txt", "html", "json", "jsonl", "rss", "warc", "warc.gz", "bin", "empty", "link",
          "broken", "fifo", "folder")  # fmt: skip
names = st.text(st.characters(exclude_characters="/\x00", exclude_categories=("Cs",)),
                min_size=1, max_size=12).filter(lambda n: n not in (".", ".."))  # fmt: skip
odd_names = st.one_of(names, st.binary(min_size=1, max_size=8).map(
    lambda b: os.fsdecode(b.replace(b"/", b"_").replace(b"\x00", b"_")))).filter(
    lambda n: n not in (".", ".."))  # fmt: skip


@functools.lru_cache(maxsize=16)
def warc_bytes(n: int, gz: bool) -> bytes:
    """A WARC of ``n`` response records of invented reports (made once: a record's date,
    id and gzip header change from one call to the next, and the damage drawn must not)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for k in range(n):
        body = f"<html><body><p>{SENTENCES[k % len(SENTENCES)]} Report {k}.</p></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                   protocol="HTTP/1.1")  # fmt: skip
        writer.write_record(writer.create_warc_record(
            f"https://news.example/{k}", "response", payload=io.BytesIO(body.encode()),
            http_headers=headers))  # fmt: skip
    return buf.getvalue()


@st.composite
def damaged_warcs(draw: Any) -> bytes:
    """A WARC (plain or gzipped) cut, with bytes changed, inserted or removed."""
    data = bytearray(warc_bytes(draw(st.integers(1, 5)), draw(st.booleans())))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        how = draw(st.sampled_from(("cut", "flip", "insert", "remove")))
        if how == "cut":
            del data[at:]
        elif how == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif how == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
        else:
            del data[at : at + draw(st.integers(1, 40))]
    return bytes(data)


def _content(draw: Any, kind: str) -> bytes:
    text = draw(texts)
    if kind == "html":
        return f"<html><body><p>{text}</p></body></html>".encode("utf-8", "surrogatepass")
    if kind == "json":
        return _json_bytes(draw(objects))
    if kind == "jsonl":
        return draw(jsonl_files)
    if kind == "rss":
        items = "".join(f"<item><title>{k}</title><link>https://w.example/{k % 2}</link>"
                        f"<description>{SENTENCES[k]}</description></item>"
                        for k in range(draw(st.integers(0, 4))))  # fmt: skip
        return f"<rss><channel>{items}</channel></rss>".encode()
    if kind in ("warc", "warc.gz"):
        return draw(damaged_warcs())
    if kind == "bin":
        return draw(st.binary(max_size=200))
    if kind == "empty":
        return b""
    return text.encode("utf-8", draw(st.sampled_from(("surrogatepass", "replace"))))


@st.composite
def folders(draw: Any) -> list[tuple[str, str, bytes]]:
    """A folder's entries: (name, kind, bytes)."""
    entries = []
    for name in draw(st.lists(odd_names, min_size=1, max_size=6, unique_by=str.lower)):
        kind = draw(st.sampled_from(_KINDS))
        entries.append((name, kind, _content(draw, kind)))
    return entries


def write_folder(top: Path, entries: list[tuple[str, str, bytes]]) -> list[Path]:
    """Make the entries under ``top``; the paths that must each be accounted for."""
    top.mkdir(parents=True)
    must: list[Path] = []
    for name, kind, data in entries:
        path = top / f"{name}.{kind}"  # the kind as a suffix: names never collide
        if kind == "link":
            path.symlink_to(top)  # a link back to the folder it is in: a loop
        elif kind == "broken":
            path.symlink_to(top / "nothing-there")
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "folder":
            path.mkdir()
            (path / "inner.txt").write_bytes(data)
            path = path / "inner.txt"
        else:
            path.write_bytes(data)
        must.append(path)
    return must


def check_folder(top: Path, entries: list[tuple[str, str, bytes]]) -> Tally:
    """``ingest`` of a folder into a real SQLite store: every entry has a row (its name,
    or its name and a part: ``#L2``, ``#offset=N``), as many rows as inputs reported,
    every reason printable on one line, every stored article's spans exact."""
    must = write_folder(top / "in", entries)
    tally = Tally(inputs=len(must))
    db = str(top / "e.db")
    try:
        report = ingest([str(top / "in")], db=db)
    except Exception as exc:  # noqa: BLE001 - counted: the check is that none escapes
        tally.note("crashes", f"ingest: {type(exc).__name__}: {exc}")
        tally.unaccounted += len(must) - 1
        return tally
    with open_store(db) as store:
        rows = store.db.query("SELECT source, status, reason FROM inputs")
        stored = store.db.query("SELECT text, result FROM articles")
    sources = [r["source"] for r in rows]
    for path in must:
        name = printable(os.path.abspath(path))
        if not any(s == name or s.startswith(name + "#") for s in sources):
            tally.note("unaccounted", f"{name}: no row among {sources[:6]}")
    if len(rows) != report.inputs:
        tally.note("unaccounted", f"{report.inputs} inputs reported, {len(rows)} rows")
    for r in rows:
        line = "\t".join(one_line(str(r[k])) for k in ("status", "source", "reason"))
        if "\n" in line or line.count("\t") != 2:
            tally.note("crashes", f"errors would print {line!r} over more than one line")
    for art in stored:
        _check_spans(tally, json.loads(art["result"]), art["text"])
    return tally


def check_warc(top: Path, data: bytes) -> Tally:
    """The readers on one damaged WARC: at least one row, every row named after it."""
    top.mkdir(parents=True, exist_ok=True)
    path = top / "crawl.warc"
    path.write_bytes(data)
    tally = Tally(inputs=1)
    try:
        items = list(read_sources([str(path)]))
    except Exception as exc:  # noqa: BLE001 - counted: the check is that none escapes
        tally.note("crashes", f"read_sources: {type(exc).__name__}: {exc}")
        return tally
    if not items or any(not i.source.startswith(str(path)) for i in items):
        tally.note("unaccounted", f"{len(items)} items for {data[:60]!r}")
    for item in items:
        if item.article is None and not item.reason:
            tally.note("unaccounted", f"{item.source}: neither an article nor a reason")
    return tally


def check_read_article(data: bytes | str) -> Tally:
    """``read_article`` raises nothing but InputError, and leaves no lone surrogate."""
    tally = Tally(inputs=1)
    try:
        article = read_article(data)
    except InputError:
        return tally
    except Exception as exc:  # noqa: BLE001 - counted: the check is that none escapes
        tally.note("crashes", f"read_article: {type(exc).__name__}: {exc}")
        return tally
    for value in (article.text, article.title or ""):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            tally.note("crashes", f"a lone surrogate left in {value[:60]!r}")
    return tally
