"""Exports of the store's merged events: ACLED CSV, GeoJSON, JSONL and Parquet.

>>> export("events.db", "acled-csv", "events.csv")     # doctest: +SKIP
1234

- ``acled-csv``: ACLED's export header in ACLED's order (``records.ACLED_COLUMNS``),
  ``event_id_cnty`` the store's event id (ISO alpha-3 and a number, like ACLED's),
  ``source`` the sources' sites (or file names), separated by "; ", and ``timestamp``
  the Unix time of the event's last change, as ACLED's;
- ``geojson``: a FeatureCollection, one Point feature per event with the event's fields
  as properties. Events without coordinates are included with ``"geometry": null``,
  which GeoJSON allows (RFC 7946, 3.2) and QGIS reads as a feature without a shape;
- ``jsonl``: one merged event (``Event.as_dict``) a line, its ``evidence`` replaced by
  ``source_evidence``: each source article (``article_id``, ``url``, ``source``,
  ``title``) with the spans of its text that support each field, since a merged
  event's fields come from several texts;
- ``parquet``: one row per event, typed columns (needs pyarrow: the ``parquet`` extra);
- ``training``: a person's corrections as coded texts for ``eventwire train``
  (``training.py`` in this folder: the JSONL lines that ``labelled.py`` reads).

``csv`` is the old name of ``acled-csv`` and is still accepted. Events a person rejected
are in none of these (``EventFilter.status``); the training lines name them as texts
that hold no event. Events are read from the store in chunks, so exports of any size
stream: ``export_text`` gives the text formats piece by piece (the REST API streams it).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import itertools
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

from .errors import ConfigError
from .records import ACLED_COLUMNS, Event
from .store import EventFilter, Store, open_store
from .store.reads import outlet
from .training_lines import training_lines

__all__ = ["FORMATS", "MEDIA_TYPES", "export", "export_text", "format_name"]

FORMATS = ("acled-csv", "geojson", "jsonl", "parquet", "training")
# Older names still accepted (``--format csv`` named ACLED's CSV before ``acled-csv``).
ALIASES = {"csv": "acled-csv"}
# What each text format is, for a download: media type and file name extension.
MEDIA_TYPES = {
    "acled-csv": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "training": ("application/x-ndjson", "jsonl"),
}
PARQUET_HINT = "Parquet export needs pyarrow: pip install 'eventwire[parquet]'"
_CHUNK = 1000

Progress = Callable[[int], None]


def format_name(format: str) -> str:
    """The export format ``format`` names (its old name taken too), or ConfigError.

    >>> format_name("csv")
    'acled-csv'
    """
    name = ALIASES.get(format, format)
    if name not in FORMATS:
        raise ConfigError(f"unknown export format {format!r}; one of {', '.join(FORMATS)}")
    return name


def export(
    db: str | Store | None,
    format: str = "acled-csv",
    out: str | os.PathLike[str] | IO[str] | None = None,
    filters: EventFilter | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the store's events (those matching ``filters``) to ``out``; how many.

    ``out`` is a path, a text stream, or None for standard output (not for parquet,
    which is binary and needs a path). ``progress(n)`` is called as events are written.
    """
    format = format_name(format)
    store = db if isinstance(db, Store) else open_store(db)
    try:
        if format == "parquet":
            if out is None or not isinstance(out, (str, os.PathLike)):
                raise ConfigError("parquet export needs an output file (--output FILE)")
            events = _with_sources(store, store.iter_events(filters, chunk=_CHUNK), progress)
            return _parquet(events, out)
        count = [0]
        with _text_out(out) as stream:
            for piece in export_text(store, format, filters, progress=progress, count=count):
                stream.write(piece)
        return count[0]
    finally:
        if not isinstance(db, Store):
            store.close()


def export_text(
    store: Store, format: str, filters: EventFilter | None = None, *, sort: str = "event_date",
    progress: Progress | None = None, count: list[int] | None = None,
) -> Iterator[str]:  # fmt: skip
    """The export of a text format (acled-csv, geojson, jsonl, training) piece by piece,
    for streaming; ``count[0]`` is the number of events (or training lines) written."""
    format = format_name(format)
    count = count if count is not None else [0]
    if format == "training":
        for line in training_lines(store, filters):
            count[0] += 1
            if progress is not None:
                progress(count[0])
            yield line
        return
    if format not in MEDIA_TYPES:
        raise ConfigError(f"{format} is not a text format")
    events = _with_sources(store, store.iter_events(filters, chunk=_CHUNK, sort=sort), progress)
    writer = {"acled-csv": _acled_csv, "geojson": _geojson, "jsonl": _jsonl}[format]
    yield from writer(events, store, count)


def _with_sources(
    store: Store, events: Iterator[Event], progress: Progress | None = None
) -> Iterator[tuple[Event, dict[str, Any]]]:  # fmt: skip
    """Each event with ACLED's ``source`` (its articles' sites, or their file names) and
    ``timestamp`` (Unix time of the event's last change), looked up a chunk at a time."""
    names: dict[str, str] = {}
    done = 0
    while chunk := list(itertools.islice(events, 500)):
        missing = sorted({s for ev in chunk for s in ev.sources if s not in names})
        for row in store.article_origins(missing):
            names[row["id"]] = outlet(row["url"], row["source"])
        changed = store.event_times([ev.event_id for ev in chunk])
        for ev in chunk:
            sites = list(dict.fromkeys(names[s] for s in ev.sources if names.get(s)))
            stamp = changed.get(ev.event_id)
            yield ev, {"source": "; ".join(sites), "timestamp": _unix(stamp)}
            done += 1
            if progress is not None:
                progress(done)


def _unix(iso: str | None) -> int | None:
    return int(dt.datetime.fromisoformat(iso).timestamp()) if iso else None


@contextmanager
def _text_out(out: str | os.PathLike[str] | IO[str] | None) -> Iterator[IO[str]]:
    if out is None:
        yield sys.stdout
    elif isinstance(out, (str, os.PathLike)):
        with open(out, "w", encoding="utf-8", newline="") as f:
            yield f
    else:
        yield out


Pairs = Iterator[tuple[Event, dict[str, Any]]]


def _acled_csv(events: Pairs, store: Store, count: list[int]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for ev, extra in events:
        row = ev.acled_row(source=extra["source"])
        row["timestamp"] = extra["timestamp"] if extra["timestamp"] is not None else ""
        writer.writerow(row)
        count[0] += 1
        if buffer.tell() > 65536:
            yield _drain(buffer)
    yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def _properties(ev: Event, extra: dict[str, Any]) -> dict[str, Any]:
    props = ev.as_dict()
    props.pop("evidence", None)  # per-source spans: see ``eventwire why`` / Store.get_event
    props["event_id_cnty"] = ev.event_id
    return {**props, **extra}


def _geojson(events: Pairs, store: Store, count: list[int]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": [\n'
    for ev, extra in events:
        has_point = ev.latitude is not None and ev.longitude is not None
        feature = {
            "type": "Feature",
            "id": ev.event_id,
            # GeoJSON's order is longitude, latitude (RFC 7946, 3.1.1).
            "geometry": {"type": "Point", "coordinates": [ev.longitude, ev.latitude]}
            if has_point
            else None,
            "properties": _properties(ev, extra),
        }
        yield (",\n" if count[0] else "") + json.dumps(feature, ensure_ascii=False)
        count[0] += 1
    yield "\n]}\n"


def _jsonl(events: Pairs, store: Store, count: list[int]) -> Iterator[str]:
    while chunk := list(itertools.islice(events, 500)):
        spans = store.event_evidence([ev.event_id for ev, _extra in chunk])
        lines = []
        for ev, _extra in chunk:
            line = ev.as_dict()
            line.pop("evidence", None)
            line["source_evidence"] = spans.get(ev.event_id, [])
            lines.append(json.dumps(line, ensure_ascii=False) + "\n")
            count[0] += 1
        yield "".join(lines)


# Event fields and their Parquet types; everything not named here is a string.
_INTS = (
    "timestamp", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
    "fatalities", "injuries", "fatalities_low", "fatalities_high", "geonameid",
)  # fmt: skip
_FLOATS = ("latitude", "longitude", "confidence")
_LISTS = ("sources", "corrected", "flags")


def _parquet(events: Iterator[tuple[Event, dict[str, Any]]], path: str | os.PathLike[str]) -> int:
    try:
        import pyarrow as pa  # type: ignore[import-untyped]
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError as exc:
        raise ConfigError(PARQUET_HINT) from exc

    names = [f.name for f in dataclasses.fields(Event) if f.name != "evidence"]
    columns = ["event_id_cnty", *[n for n in names if n != "event_id"], "source", "timestamp"]

    def kind(name: str) -> Any:
        if name in _INTS:
            return pa.int64()
        if name in _FLOATS:
            return pa.float64()
        return pa.list_(pa.string()) if name in _LISTS else pa.string()

    schema = pa.schema([(c, kind(c)) for c in columns])
    n = 0
    with pq.ParquetWriter(os.fspath(path), schema) as writer:
        rows: list[dict[str, Any]] = []
        for ev, extra in events:
            rows.append(_properties(ev, extra))
            if len(rows) >= _CHUNK:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n, rows = n + len(rows), []
        if rows or not n:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n
