"""WARC files read record by record, past damage: every record that can be read is kept.

>>> for entry in warc_entries(Path("crawl.warc.gz"), take=lambda r: r.rec_type):  # doctest: +SKIP
...     print(entry.offset, entry.value, entry.problem)
0 warcinfo None
512 response None
2048 None damaged record (ArchiveLoadFailed: Unknown archive format, first line: ...)
3311 response None

warcio reads a WARC as a stream and stops at the first record it cannot parse (a corrupt
``Content-Length``, a gzip member with bad data): every record after it would be lost.
Here the reading starts again at the next record's start (``WARC/1.`` at the start of a
line, or the next gzip member), and the damaged stretch is one entry with the reason.
A record whose ``Content-Length`` does not fit what follows it (too long: it swallows
the records after it; too short: its payload is cut) is damaged too; a record cut short
by the end of the file is kept, with a warning that says how much of it is there.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .printable import one_line

__all__ = ["WarcEntry", "warc_entries"]

_GZIP_MAGIC = b"\x1f\x8b\x08"
_RECORD_START = b"\nWARC/1."
_CHUNK = 1 << 20
# Fewer stray bytes than this after the last record are padding, not a lost record.
_TRAILING_SLACK = 4


@dataclass(slots=True)
class WarcEntry:
    """One record (``value``: what ``take`` made of it), or a damaged stretch (``value``
    None, ``damaged`` True, ``problem`` the reason). ``problem`` on a record is a
    warning: the record was cut short by the end of the file."""

    offset: int
    value: Any = None
    problem: str | None = None
    damaged: bool = False
    end: int = 0  # how far into the file reading has gone (for progress)


def warc_entries(path: Path, take: Callable[[Any], Any]) -> Iterator[WarcEntry]:
    """Every record of the WARC (or ARC) file at ``path``, in order, as ``take(record)``
    (called while the record's content can still be read), and every damaged stretch.

    Raises ``OSError`` when the file cannot be opened, ``ImportError`` without warcio.
    """
    # Deferred: warcio is only needed for WARC files.
    from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

    class Quiet(ArchiveIterator):  # type: ignore[misc]
        # warcio prints a notice on stderr for a record not followed by blank lines (a
        # wrong Content-Length); it is counted in err_count and reported here instead.
        INC_RECORD = ""

    with open(path, "rb") as f:
        gz = f.read(len(_GZIP_MAGIC)) == _GZIP_MAGIC
        size = os.fstat(f.fileno()).st_size
        start: int | None = 0
        while start is not None:
            f.seek(start)
            start = yield from _entries_from(Quiet(f), f, gz, size, take)


def _entries_from(
    it: Any, f: IO[bytes], gz: bool, size: int, take: Callable[[Any], Any]
) -> Generator[WarcEntry, None, int | None]:
    """Entries from where ``it`` stands until the end of the file (None) or until damage:
    then the offset of the next record start to read on from."""
    records = iter(it)
    while True:
        begin = int(it.offset)  # where the next record starts
        try:
            record = next(records)
        except StopIteration:
            return (yield from _tail(f, gz, size, int(it.offset)))
        except Exception as exc:  # noqa: BLE001 - warcio raises its own, zlib's, ValueError
            return (yield from _damaged(f, gz, begin, f"{type(exc).__name__}: {exc}"))
        malformed = _malformed(record)
        if malformed:
            return (yield from _damaged(f, gz, begin, malformed))
        try:
            value = take(record)
            errors = it.err_count
            it.read_to_end()
            unread = getattr(record.raw_stream, "limit", 0) or 0
        except Exception as exc:  # noqa: BLE001 - a payload that cannot be read
            return (yield from _damaged(f, gz, begin, f"{type(exc).__name__}: {exc}"))
        if it.err_count > errors:
            why = "its Content-Length does not match the record that follows"
            return (yield from _damaged(f, gz, begin, why))
        end = int(it.offset)
        if unread:
            after = _next_start(f, gz, begin + 1)
            if after is not None:  # the length ran over later records: it is wrong
                why = f"its Content-Length runs {unread} bytes past the end of the file"
                return (yield from _damaged(f, gz, begin, why, after))
            declared = int(getattr(record, "length", 0) or 0)
            cut = f"WARC record cut short: {declared - unread} of its {declared} bytes are there"
            yield WarcEntry(begin, value, cut, end=end)
            return None
        yield WarcEntry(begin, value, end=end)


# The record types of WARC 1.0 and 1.1 (ISO 28500), section 6.
_WARC_TYPES = frozenset(
    "warcinfo response resource request metadata revisit conversion continuation".split()
)


def _malformed(record: Any) -> str | None:
    """Why a WARC record's header cannot be right (cut short, garbled), or None. ARC
    records (``record.format`` "arc") have a header line of their own, not checked."""
    if not str(getattr(record, "format", "warc")).startswith("warc"):
        return None
    length = record.rec_headers.get_header("Content-Length")
    if length is None or not length.strip().isdigit():
        return f"its header is cut short or garbled (Content-Length: {length!r})"
    if record.rec_type not in _WARC_TYPES:
        return f"its header is cut short or garbled (WARC-Type: {record.rec_type!r})"
    return None


def _damaged(
    f: IO[bytes], gz: bool, begin: int, why: str, after: int | None = None
) -> Generator[WarcEntry, None, int | None]:
    after = after if after is not None else _next_start(f, gz, begin + 1)
    then = f"; read on from offset {after}" if after is not None else ""
    reason = f"damaged or truncated WARC record ({why}){then}"
    yield WarcEntry(begin, problem=one_line(reason), damaged=True, end=after or begin)
    return after


def _tail(f: IO[bytes], gz: bool, size: int, end: int) -> Generator[WarcEntry, None, int | None]:
    """After the last record warcio read: bytes left over are a damaged stretch (a gzip
    member cut short ends warcio's reading quietly, as if the file ended there)."""
    if size - end <= _TRAILING_SLACK:
        return None
    after = _next_start(f, gz, end + 1)
    stop = after if after is not None else size
    why = f"{stop - end} bytes could not be read as a record"
    return (yield from _damaged(f, gz, end, why, after))


def _next_start(f: IO[bytes], gz: bool, offset: int) -> int | None:
    """The offset of the first record start at or after ``offset`` (None: none)."""
    marker = _GZIP_MAGIC if gz else _RECORD_START
    # For plain WARC the marker holds the newline before "WARC/1.": start one byte early.
    pos = offset if gz else offset - 1
    f.seek(pos)
    carry = b""
    while chunk := f.read(_CHUNK):
        data = carry + chunk
        i = data.find(marker)
        if i >= 0:
            return pos - len(carry) + i + (0 if gz else 1)
        carry = data[-(len(marker) - 1) :]
        pos += len(chunk)
    return None
